package io.lancaster.spark.functions;

import io.lancaster.avro.schema.Fingerprints;
import io.lancaster.avro.schema.Schema;
import io.lancaster.spark.write.SparkToAvro;
import io.lancaster.spark.write.encode.WriteRebase;
import java.io.Serializable;
import java.util.Objects;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.DataType;

/**
 * Everything an encoding expression needs besides its child, fixed on the driver: the framing, the Avro schema to
 * write (null: the one spark-avro derives from the child's type), the registry id for the registry framing, and
 * what spark-avro reads from the session (case sensitivity of field matching, the write rebase mode).
 *
 * @param schema the output schema's JSON, or null for the derived one
 * @param registryId the schema-registry id written in each message's header ({@link Framing#REGISTRY} only)
 */
record EncodeSpec(Framing framing, String schema, long registryId, boolean caseSensitive, String rebaseMode)
    implements Serializable {

  static final String REBASE_MODE_CONF = "spark.sql.avro.datetimeRebaseModeInWrite";

  EncodeSpec {
    Objects.requireNonNull(framing, "framing");
    Objects.requireNonNull(rebaseMode, "rebaseMode");
    if (framing == Framing.REGISTRY) {
      Framing.checkedId(registryId);
      Objects.requireNonNull(schema, "the registry framing needs the schema its id stands for");
    }
    if (schema != null) {
      Schemas.output(schema); // fails here, on the driver, for an invalid schema
    }
  }

  /** A spec with the session's settings. */
  static EncodeSpec of(Framing framing, String schema, long registryId) {
    SQLConf conf = SQLConf.get();
    String rebase = WriteRebase.parseMode(conf.getConfString(REBASE_MODE_CONF), REBASE_MODE_CONF).name();
    return new EncodeSpec(framing, schema, registryId, conf.caseSensitiveAnalysis(), rebase);
  }

  /** The schema to write values of {@code type} with: the given one, else spark-avro's for the type. */
  Schema outputSchema(DataType type, boolean nullable) {
    return schema != null ? Schemas.output(schema)
        : SparkToAvro.convert(type, nullable, SparkToAvro.DEFAULT_RECORD_NAME, "");
  }

  /** The header of every message: the single-object fingerprint or the registry id. */
  byte[] header(Schema output) {
    return framing.header(framing == Framing.SINGLE_OBJECT ? Fingerprints.crc64(output) : registryId);
  }

  @Override
  public String toString() {
    String s = schema == null ? "" : schema;
    return framing == Framing.REGISTRY ? registryId + ", " + s : s;
  }
}
