package io.lancaster.spark.functions;

import io.lancaster.avro.CorruptDataException;
import io.lancaster.avro.message.SingleObjectHeader;

/**
 * How an Avro datum sits in a message (a Kafka value), and so how a message names its writer schema:
 *
 * <ul>
 *   <li>{@link #PLAIN}: the datum alone, as spark-avro's {@code from_avro}/{@code to_avro}; the schema is agreed
 *       out of band;
 *   <li>{@link #SINGLE_OBJECT}: Avro's single-object encoding, {@code C3 01}, the writer schema's 8-byte
 *       little-endian CRC-64-AVRO fingerprint, the datum;
 *   <li>{@link #REGISTRY}: the Confluent schema-registry wire format, a zero magic byte, the writer schema's 4-byte
 *       big-endian registry id, the datum.
 * </ul>
 *
 * <p>A writer key is what the header names: the fingerprint, the id, or 0 for {@link #PLAIN}.
 */
enum Framing {
  PLAIN("from_avro", "to_avro", 0),
  SINGLE_OBJECT("from_avro_single_object", "to_avro_single_object", SingleObjectHeader.LENGTH),
  REGISTRY("from_avro_registry", "to_avro_registry", 5);

  private final String decodeFunction;
  private final String encodeFunction;
  private final int headerLength;

  Framing(String decodeFunction, String encodeFunction, int headerLength) {
    this.decodeFunction = decodeFunction;
    this.encodeFunction = encodeFunction;
    this.headerLength = headerLength;
  }

  /** The name of the function that decodes this framing (spark-avro's for {@link #PLAIN}). */
  String decodeFunction() {
    return decodeFunction;
  }

  String encodeFunction() {
    return encodeFunction;
  }

  /** Where the datum starts. */
  int headerLength() {
    return headerLength;
  }

  /**
   * The writer key the header of {@code message} names.
   *
   * @throws CorruptDataException when the message does not start with this framing's header
   */
  long writerKey(byte[] message) throws CorruptDataException {
    switch (this) {
      case PLAIN:
        return 0;
      case SINGLE_OBJECT:
        return SingleObjectHeader.fingerprint(message, 0, message.length);
      case REGISTRY:
        if (message.length < headerLength || message[0] != 0) {
          throw new CorruptDataException("not in the schema-registry wire format (magic byte 0 and a 4-byte schema"
              + " id expected, found " + (message.length == 0 ? "an empty payload"
              : message[0] != 0 ? String.format("magic byte %02X", message[0] & 0xFF)
              : message.length + " byte(s)") + ")");
        }
        return ((message[1] & 0xFF) << 24) | ((message[2] & 0xFF) << 16) | ((message[3] & 0xFF) << 8)
            | (message[4] & 0xFF);
      default:
        throw new IllegalStateException(name());
    }
  }

  /** The header of messages written with the schema of {@code key}. */
  byte[] header(long key) {
    switch (this) {
      case PLAIN:
        return new byte[0];
      case SINGLE_OBJECT:
        return SingleObjectHeader.of(key);
      case REGISTRY:
        int id = checkedId(key);
        return new byte[] {0, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id};
      default:
        throw new IllegalStateException(name());
    }
  }

  /** A writer key as messages name it: "schema id 7", "fingerprint 0x…". */
  String describe(long key) {
    switch (this) {
      case SINGLE_OBJECT:
        return String.format("fingerprint 0x%016x", key);
      case REGISTRY:
        return "schema id " + key;
      default:
        return "writer schema";
    }
  }

  /** A schema-registry id: registries hand out non-negative 32-bit ids. */
  static int checkedId(long id) {
    if (id < 0 || id > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a schema-registry id is a non-negative 32-bit integer, not " + id);
    }
    return (int) id;
  }
}
