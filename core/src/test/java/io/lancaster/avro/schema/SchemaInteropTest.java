package io.lancaster.avro.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.testing.AvroJava;
import io.lancaster.avro.testing.RandomSchemas;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.NoSuchAlgorithmException;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.avro.LogicalTypes;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random schemas read by Lancaster and by Apache Avro Java mean the same: each parses the other's printing to an
 * equal schema, the Parsing Canonical Forms and fingerprints agree, and so do what equality leaves out (docs,
 * aliases, logical types, orders, enum defaults).
 */
class SchemaInteropTest {
  private static final RandomSchemas SCHEMAS = new RandomSchemas();

  static IntStream seeds() {
    return IntStream.range(0, 300);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void eachParsesTheOthersPrintingToAnEqualSchema(int seed) {
    Random random = new Random(seed);
    Schema built = SCHEMAS.build(random);
    String json = RandomSchemas.respell(built, random);
    Schema ours = new SchemaParser().parse(json);
    assertThat(ours).as("parsed from %s", json).isEqualTo(built);
    assertThat(ours.hashCode()).isEqualTo(built.hashCode());
    assertThat(new SchemaParser().parse(ours.toString())).isEqualTo(ours);
    assertThat(new SchemaParser().parse(ours.toString(true))).isEqualTo(ours);

    org.apache.avro.Schema theirs = new org.apache.avro.Schema.Parser().parse(json);
    assertThat(new org.apache.avro.Schema.Parser().parse(ours.toString())).as("Apache Avro reading %s", ours)
        .isEqualTo(theirs);
    Schema oursFromTheirs = new SchemaParser().parse(theirs.toString());
    assertThat(oursFromTheirs).as("Lancaster reading %s", theirs).isEqualTo(ours);

    assertSameDetails(ours, theirs);
    assertSameDetails(oursFromTheirs, theirs);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void canonicalFormAndFingerprintsMatchApacheAvro(int seed) throws NoSuchAlgorithmException {
    String json = SCHEMAS.nextJson(new Random(seed));
    Schema ours = new SchemaParser().parse(json);
    org.apache.avro.Schema theirs = new org.apache.avro.Schema.Parser().parse(json);

    assertThat(CanonicalForm.of(ours)).isEqualTo(SchemaNormalization.toParsingForm(theirs));
    assertThat(Fingerprints.crc64(ours)).isEqualTo(SchemaNormalization.parsingFingerprint64(theirs));
    for (String algorithm : List.of("CRC-64-AVRO", "MD5", "SHA-256")) {
      assertThat(Fingerprints.fingerprint(algorithm, ours)).as(algorithm)
          .isEqualTo(SchemaNormalization.parsingFingerprint(algorithm, theirs));
    }
    assertThat(Fingerprints.md5(ours)).isEqualTo(SchemaNormalization.parsingFingerprint("MD5", theirs));
    assertThat(Fingerprints.sha256(ours)).isEqualTo(SchemaNormalization.parsingFingerprint("SHA-256", theirs));
    assertThat(ByteBuffer.wrap(Fingerprints.fingerprint("CRC-64-AVRO", ours)).order(ByteOrder.LITTLE_ENDIAN)
        .getLong()).isEqualTo(Fingerprints.crc64(ours));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void avroJavaConvertsSchemasBothWays(int seed) {
    Schema ours = SCHEMAS.next(new Random(seed));
    org.apache.avro.Schema theirs = AvroJava.toAvro(ours);
    assertThat(theirs).isEqualTo(AvroJava.toAvroStrict(ours));
    assertThat(AvroJava.fromAvro(theirs)).isEqualTo(ours);
  }

  /** What schema equality does not compare, compared node by node with Apache Avro's reading. */
  private static void assertSameDetails(Schema ours, org.apache.avro.Schema theirs) {
    new DetailWalk().walk(ours, theirs, "$");
  }

  private static final class DetailWalk {
    private final Map<Schema, Boolean> seen = new IdentityHashMap<>();

    void walk(Schema ours, org.apache.avro.Schema theirs, String path) {
      assertThat(ours.type().typeName()).as(path).isEqualTo(theirs.getType().getName());
      assertThat(logicalType(ours)).as("logical type at %s", path).isEqualTo(logicalType(theirs));
      if (ours instanceof NamedSchema named) {
        if (seen.put(ours, Boolean.TRUE) != null) {
          return;
        }
        assertThat(named.fullName()).as(path).isEqualTo(theirs.getFullName());
        assertThat(named.doc()).as("doc at %s", path).isEqualTo(theirs.getDoc());
        Set<String> aliases = new LinkedHashSet<>();
        named.aliases().forEach(a -> aliases.add(a.fullName()));
        assertThat(aliases).as("aliases at %s", path).isEqualTo(theirs.getAliases());
      }
      switch (ours.type()) {
        case RECORD: {
          List<Field> fields = ((RecordSchema) ours).fields();
          assertThat(fields).hasSameSizeAs(theirs.getFields());
          for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            org.apache.avro.Schema.Field g = theirs.getFields().get(i);
            String p = path + "." + f.name();
            assertThat(f.name()).isEqualTo(g.name());
            assertThat(f.doc()).as("doc at %s", p).isEqualTo(g.doc());
            assertThat(new LinkedHashSet<>(f.aliases())).as("aliases at %s", p).isEqualTo(g.aliases());
            assertThat(f.order().name()).as("order at %s", p).isEqualTo(g.order().name());
            assertThat(f.hasDefault()).as("default at %s", p).isEqualTo(g.hasDefaultValue());
            walk(f.schema(), g.schema(), p);
          }
          break;
        }
        case ENUM:
          assertThat(((EnumSchema) ours).symbols()).isEqualTo(theirs.getEnumSymbols());
          assertThat(((EnumSchema) ours).defaultSymbol()).as("enum default at %s", path)
              .isEqualTo(theirs.getEnumDefault());
          break;
        case FIXED:
          assertThat(((FixedSchema) ours).size()).isEqualTo(theirs.getFixedSize());
          break;
        case ARRAY:
          walk(((ArraySchema) ours).items(), theirs.getElementType(), path + "[]");
          break;
        case MAP:
          walk(((MapSchema) ours).values(), theirs.getValueType(), path + "{}");
          break;
        case UNION: {
          List<Schema> branches = ((UnionSchema) ours).branches();
          assertThat(branches).hasSameSizeAs(theirs.getTypes());
          for (int i = 0; i < branches.size(); i++) {
            walk(branches.get(i), theirs.getTypes().get(i), path + "|" + i);
          }
          break;
        }
        default:
          break;
      }
    }

    private static String logicalType(Schema s) {
      LogicalType lt = s.logicalType();
      if (lt instanceof LogicalType.Decimal d) {
        return "decimal(" + d.precision() + "," + d.scale() + ")";
      }
      return lt == null ? null : lt.logicalTypeName();
    }

    private static String logicalType(org.apache.avro.Schema s) {
      org.apache.avro.LogicalType lt = s.getLogicalType();
      if (lt instanceof LogicalTypes.Decimal d) {
        return "decimal(" + d.getPrecision() + "," + d.getScale() + ")";
      }
      return lt == null ? null : lt.getName();
    }
  }
}
