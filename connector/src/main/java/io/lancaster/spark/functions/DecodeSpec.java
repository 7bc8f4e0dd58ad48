package io.lancaster.spark.functions;

import io.lancaster.avro.resolve.ResolutionOptions;
import io.lancaster.avro.resolve.Resolver;
import io.lancaster.avro.schema.Fingerprints;
import io.lancaster.avro.schema.Schema;
import io.lancaster.spark.read.AvroReadOptions;
import io.lancaster.spark.types.AvroToSpark;
import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.sql.types.DataType;

/**
 * Everything a decoding expression needs, fixed on the driver and shipped to the tasks as plain strings: the
 * framing, the reader schema, the writer schemas by the key their messages carry (a schema-registry id, a
 * fingerprint; the single key 0 for a plain datum), and the options (with the session's rebase mode and any
 * {@code avroSchemaUrl} already resolved). Every writer schema is resolved against the reader schema when the
 * spec is made, so an incompatible one fails before any task runs.
 *
 * @param writerSchemas JSON by writer key; for single-object messages the reader schema's own fingerprint is
 *     always among them
 */
record DecodeSpec(Framing framing, String readerSchema, SortedMap<Long, String> writerSchemas,
    SortedMap<String, String> options) implements Serializable {

  DecodeSpec {
    Objects.requireNonNull(framing, "framing");
    Objects.requireNonNull(readerSchema, "readerSchema");
    writerSchemas = Collections.unmodifiableSortedMap(new TreeMap<>(writerSchemas));
    options = Collections.unmodifiableSortedMap(new TreeMap<>(options));
  }

  /**
   * spark-avro's {@code from_avro}: datums written with {@code jsonFormatSchema}, read as the {@code avroSchema}
   * option's schema when given (an evolved schema), else as written.
   */
  static DecodeSpec plain(String jsonFormatSchema, Map<String, String> options) {
    Map<String, String> o = DriverOptions.resolve(options);
    String reader = o.remove(AvroReadOptions.AVRO_SCHEMA);
    SortedMap<Long, String> writers = new TreeMap<>(Map.of(0L, jsonFormatSchema));
    return checked(new DecodeSpec(Framing.PLAIN, reader != null ? reader : jsonFormatSchema, writers,
        new TreeMap<>(o)));
  }

  /** Schema-registry messages: writer schemas by registry id. */
  static DecodeSpec registry(Map<? extends Number, String> writers, String readerSchema, Map<String, String> options) {
    if (writers.isEmpty()) {
      throw new IllegalArgumentException("no writer schemas: schema-registry messages name theirs by id");
    }
    SortedMap<Long, String> byId = new TreeMap<>();
    writers.forEach((id, json) -> byId.put((long) Framing.checkedId(id.longValue()), json));
    return checked(new DecodeSpec(Framing.REGISTRY, readerSchema, byId, readerOnly(options)));
  }

  /** Single-object messages: writer schemas by their fingerprints, the reader schema's own among them. */
  static DecodeSpec singleObject(Collection<String> writers, String readerSchema, Map<String, String> options) {
    SortedMap<Long, String> byFingerprint = new TreeMap<>();
    for (String json : writers) {
      byFingerprint.putIfAbsent(Fingerprints.crc64(Schemas.writer(json)), json);
    }
    byFingerprint.putIfAbsent(Fingerprints.crc64(Schemas.reader(readerSchema)), readerSchema);
    return checked(new DecodeSpec(Framing.SINGLE_OBJECT, readerSchema, byFingerprint, readerOnly(options)));
  }

  /** The framed functions take the reader schema as an argument: the {@code avroSchema} options make no sense. */
  private static SortedMap<String, String> readerOnly(Map<String, String> options) {
    Map<String, String> o = DriverOptions.resolve(options);
    if (o.containsKey(AvroReadOptions.AVRO_SCHEMA)) {
      throw new IllegalArgumentException("the option " + AvroReadOptions.AVRO_SCHEMA + " (or "
          + AvroReadOptions.AVRO_SCHEMA_URL + ") is for from_avro; the registry and single-object functions take"
          + " the reader schema as an argument");
    }
    return new TreeMap<>(o);
  }

  /** Parses every schema, maps the reader schema to Spark and resolves every writer against it. */
  private static DecodeSpec checked(DecodeSpec spec) {
    Schema reader = Schemas.reader(spec.readerSchema);
    spec.dataType(reader);
    for (Map.Entry<Long, String> w : spec.writerSchemas.entrySet()) {
      Schema writer;
      try {
        writer = Schemas.writer(w.getValue());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("the writer schema of " + spec.framing.describe(w.getKey())
            + " is not a valid Avro schema: " + e.getMessage(), e);
      }
      try {
        Resolver.plan(writer, reader, ResolutionOptions.apacheCompatible());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("the writer schema of " + spec.framing.describe(w.getKey())
            + " cannot be read with the reader schema: " + e.getMessage(), e);
      }
    }
    return spec;
  }

  DecodeOptions decodeOptions() {
    return DecodeOptions.parse(framing.decodeFunction(), options);
  }

  /** The Spark type of the results: the reader schema's, all nullable in PERMISSIVE mode (as spark-avro). */
  DataType dataType(Schema reader) {
    DecodeOptions o = decodeOptions();
    DataType t = AvroToSpark.toSparkType(reader, o.typeMapping()).dataType();
    return o.permissive() ? t.asNullable() : t;
  }

  /**
   * What the expression shows of itself in plans: for {@code from_avro} the schema argument, as spark-avro shows
   * it; for the framed functions the reader schema and how many writer schemas it knows.
   */
  @Override
  public String toString() {
    return framing == Framing.PLAIN ? writerSchemas.get(0L)
        : readerSchema + ", " + writerSchemas.size() + " writer schema(s)";
  }
}
