package io.lancaster.it.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.LogicalType;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.NamedSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.avro.schema.UnionSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The corpus every peer's interop test runs: named schemas (files {@code interop/schemas/<name>.avsc} on the test
 * classpath, plus the Avro project's {@code interop.avsc} from {@code ../shared}) and a seeded generator of
 * generic values for each. Peers differ in what they can represent, so each case carries the
 * {@linkplain Feature schema features} it uses and the generator takes the {@linkplain Feature#isValueFeature()
 * value features} a peer excludes: a peer runs {@code casesWithout(myExclusions)} and generates
 * {@code values(n, myExclusions)}, and documents every exclusion with its reason.
 *
 * <p>Schema evolution pairs are in {@link EvolutionPairs}.
 */
public final class InteropCorpus {
  /** Seed of every case's generator, mixed with the case name; change it only with a reason. */
  public static final long SEED = 0x1A4CA57E4L;

  /** The name of the Apache Avro project's {@code interop.avsc} case. */
  public static final String APACHE_INTEROP = "apache_interop";

  /** The local cases, in the order peers run them. */
  private static final List<String> LOCAL = List.of("primitives", "top_level_string", "top_level_array",
      "collections", "nested_records", "records_in_collections", "nullable_unions", "multi_branch_unions",
      "ambiguous_unions", "enums", "fixed", "recursive", "logical_types", "newer_logical_types", "namespaces",
      "null_namespace", "strings");

  private static volatile List<Case> cases;

  private InteropCorpus() {}

  /** What a case or pair uses that some peer cannot do; a peer excludes features, never cases by name. */
  public enum Feature {
    /** Value feature: float and double NaN, +Infinity and -Infinity (JSON has no literal for them). */
    NAN_AND_INFINITY(Kind.VALUE),
    /** Value feature: float and double -0.0 (JSON number printers may drop the sign). */
    NEGATIVE_ZERO(Kind.VALUE),
    /** Value feature: longs beyond +-(2^53 - 1), which an IEEE double (a JavaScript number) cannot hold exactly. */
    UNSAFE_LONGS(Kind.VALUE),
    /** Value feature: U+0000 in strings and map keys (NUL-terminated strings cannot hold it). */
    NUL_CHARACTERS(Kind.VALUE),
    /**
     * Value feature: decimals on bytes whose unscaled value is -2^(8k-1), the most negative value of k bytes
     * (-128, -32768, ...). Python avro 1.11 writes these with one byte more than the minimal two's complement:
     * the same number, but not the same bytes.
     */
    DECIMAL_BYTE_EDGES(Kind.VALUE),

    /** Schema feature: the top-level schema is not a record (a string, an array...). */
    TOP_LEVEL_NON_RECORD(Kind.SCHEMA),
    /**
     * Schema feature: a union with branches that a writer choosing the branch from a native value cannot tell
     * apart: two of boolean/int/long/float/double, string and enum, bytes and fixed, two of record/map. The
     * branch is part of the data, so such a peer needs an explicit way to choose it.
     */
    AMBIGUOUS_UNIONS(Kind.SCHEMA),
    /** Schema feature: a record that contains itself (directly or through other types). */
    RECURSION(Kind.SCHEMA),
    /**
     * Schema feature: the logical types most implementations convert to native values: decimal (bytes and fixed),
     * uuid on string, date, time-millis, time-micros, timestamp-millis, timestamp-micros.
     */
    LOGICAL_TYPES(Kind.SCHEMA),
    /**
     * Schema feature: logical types of later spec versions (local-timestamp-*, timestamp-nanos, duration,
     * big-decimal, uuid on fixed); an implementation that does not know them reads the underlying type.
     */
    NEWER_LOGICAL_TYPES(Kind.SCHEMA),
    /**
     * Schema feature: a named type declares {@code "namespace": ""} inside a namespaced one, which puts it in the
     * null namespace (the spec); some implementations read the empty string as "inherit the enclosing namespace".
     */
    EMPTY_NAMESPACE(Kind.SCHEMA),

    /** Resolution feature: the reader matches a field by one of its aliases. */
    FIELD_ALIASES(Kind.RESOLUTION),
    /** Resolution feature: the reader matches a record, enum or fixed by one of its aliases. */
    NAME_ALIASES(Kind.RESOLUTION),
    /** Resolution feature: an enum symbol unknown to the reader becomes the reader enum's default. */
    ENUM_DEFAULT(Kind.RESOLUTION),
    /** Resolution feature: array items and map values promoted (int to long, float to double...). */
    PROMOTION_IN_COLLECTIONS(Kind.RESOLUTION),
    /** Resolution feature: string read as bytes and bytes read as string. */
    STRING_BYTES_PROMOTION(Kind.RESOLUTION),
    /**
     * Resolution feature: reader defaults at the edges of the JSON encoding: a bytes or fixed default with code
     * points 128-255 (one byte each, not UTF-8) and a double default written as a JSON integer.
     */
    DEFAULT_EDGE_CASES(Kind.RESOLUTION);

    /** Where a feature applies. */
    public enum Kind { VALUE, SCHEMA, RESOLUTION }

    private final Kind kind;

    Feature(Kind kind) {
      this.kind = kind;
    }

    public Kind kind() {
      return kind;
    }

    public boolean isValueFeature() {
      return kind == Kind.VALUE;
    }
  }

  /**
   * One corpus case: a schema (its JSON text as in the file, and parsed) and its schema features. A case whose
   * schema lives outside this repository may be unavailable; {@link #assumeAvailable()} skips the calling test.
   */
  public record Case(String name, String schemaJson, Schema schema, Set<Feature> features, String source) {
    public boolean available() {
      return schema != null;
    }

    /** Skips the calling test (a JUnit assumption) when the case's schema file is absent from this checkout. */
    public void assumeAvailable() {
      assumeTrue(available(), "case " + name + ": " + source + " is absent from this checkout; skipping it");
    }

    /** True when the case uses none of {@code excluded}'s schema features. */
    public boolean runsWithout(Set<Feature> excluded) {
      return Collections.disjoint(features, excluded);
    }

    /** {@code count} generated values, the same on every call; none has an excluded value feature. */
    public List<Object> values(int count, Set<Feature> excluded) {
      if (!available()) {
        throw new IllegalStateException("case " + name + " is unavailable: " + source);
      }
      return new CorpusValues(SEED ^ name.hashCode(), excluded).values(schema, count);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Every case, {@value #APACHE_INTEROP} last (possibly unavailable: see {@link Case#assumeAvailable()}). */
  public static List<Case> cases() {
    List<Case> all = cases;
    if (all == null) {
      List<Case> built = new ArrayList<>();
      for (String name : LOCAL) {
        built.add(caseOf(name, resource("interop/schemas/" + name + ".avsc"), "interop/schemas/" + name + ".avsc"));
      }
      built.add(apacheInterop());
      cases = all = List.copyOf(built);
    }
    return all;
  }

  /** The cases that use none of {@code excluded}'s schema features. */
  public static List<Case> casesWithout(Set<Feature> excluded) {
    return cases().stream().filter(c -> c.runsWithout(excluded)).toList();
  }

  public static Case named(String name) {
    return cases().stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no corpus case " + name));
  }

  private static Case apacheInterop() {
    Path file = sharedDir().resolve("testdata/apache-avro/schemas/interop.avsc");
    String source = "../shared/testdata/apache-avro/schemas/interop.avsc";
    if (!Files.isRegularFile(file)) {
      return new Case(APACHE_INTEROP, null, null, Set.of(), source);
    }
    try {
      return caseOf(APACHE_INTEROP, Files.readString(file, StandardCharsets.UTF_8), source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Case caseOf(String name, String json, String source) {
    Schema schema = new SchemaParser().parse(json);
    return new Case(name, json, schema, Collections.unmodifiableSet(featuresOf(schema)), source);
  }

  /** Reads a test-classpath resource as UTF-8 text. */
  static String resource(String path) {
    try (InputStream in = InteropCorpus.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code ../shared} beside the repository root (which may not exist). */
  static Path sharedDir() {
    return repoRoot().resolve("..").resolve("shared").normalize();
  }

  /** From {@code -Dlancaster.repo.root} (set by the build), else the nearest ancestor holding a pom and core/. */
  static Path repoRoot() {
    String prop = System.getProperty("lancaster.repo.root");
    if (prop != null && !prop.isBlank() && Files.isDirectory(Paths.get(prop, "core"))) {
      return Paths.get(prop).toAbsolutePath().normalize();
    }
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("core"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    return Paths.get("").toAbsolutePath();
  }

  /** The schema features of a schema (value features depend on the generator, not the schema). */
  public static Set<Feature> featuresOf(Schema schema) {
    Set<Feature> found = EnumSet.noneOf(Feature.class);
    if (schema.type() != Schema.Type.RECORD) {
      found.add(Feature.TOP_LEVEL_NON_RECORD);
    }
    walk(schema, null, new HashSet<>(), new HashSet<>(), found);
    return found;
  }

  private static void walk(Schema s, String enclosingNamespace, Set<String> onStack, Set<String> done,
      Set<Feature> found) {
    LogicalType logical = s.logicalType();
    if (logical != null) {
      found.add(isCommon(s, logical) ? Feature.LOGICAL_TYPES : Feature.NEWER_LOGICAL_TYPES);
    }
    String namespace = enclosingNamespace;
    if (s instanceof NamedSchema named && !onStack.contains(named.fullName()) && !done.contains(named.fullName())) {
      namespace = named.namespace() == null ? "" : named.namespace();
      if (namespace.isEmpty() && enclosingNamespace != null && !enclosingNamespace.isEmpty()) {
        found.add(Feature.EMPTY_NAMESPACE);
      }
    }
    switch (s.type()) {
      case RECORD: {
        if (onStack.contains(s.fullName())) {
          found.add(Feature.RECURSION);
          return;
        }
        if (!done.add(s.fullName())) {
          return;
        }
        onStack.add(s.fullName());
        for (Field f : ((RecordSchema) s).fields()) {
          walk(f.schema(), namespace, onStack, done, found);
        }
        onStack.remove(s.fullName());
        return;
      }
      case ARRAY:
        walk(((ArraySchema) s).items(), namespace, onStack, done, found);
        return;
      case MAP:
        walk(((MapSchema) s).values(), namespace, onStack, done, found);
        return;
      case UNION: {
        if (isAmbiguous((UnionSchema) s)) {
          found.add(Feature.AMBIGUOUS_UNIONS);
        }
        for (Schema b : ((UnionSchema) s).branches()) {
          walk(b, namespace, onStack, done, found);
        }
        return;
      }
      default:
        return;
    }
  }

  private static boolean isCommon(Schema s, LogicalType logical) {
    if (logical instanceof LogicalType.Decimal) {
      return true;
    }
    switch ((LogicalType.Simple) logical) {
      case DATE: case TIME_MILLIS: case TIME_MICROS: case TIMESTAMP_MILLIS: case TIMESTAMP_MICROS:
        return true;
      case UUID:
        return s.type() == Schema.Type.STRING;
      default:
        return false;
    }
  }

  /** Two branches in one of the groups a native value cannot tell apart (see {@link Feature#AMBIGUOUS_UNIONS}). */
  static boolean isAmbiguous(UnionSchema u) {
    int scalars = 0;
    int texts = 0;
    int binaries = 0;
    int objects = 0;
    for (Schema b : u.branches()) {
      switch (b.type()) {
        case BOOLEAN: case INT: case LONG: case FLOAT: case DOUBLE: scalars++; break;
        case STRING: case ENUM: texts++; break;
        case BYTES: case FIXED: binaries++; break;
        case RECORD: case MAP: objects++; break;
        default: break;
      }
    }
    return scalars > 1 || texts > 1 || binaries > 1 || objects > 1;
  }
}
