package io.lancaster.avro.order;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.io.BinaryData;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;

/**
 * Apache Avro 1.12.1 as the oracle of the sort order, for one schema. Its {@code BinaryData.compare} and
 * {@code GenericData.compare} compare bytes, strings and fixed as SIGNED bytes in 1.12.1 (AVRO-4210, a regression
 * fixed after 1.12.1), against the spec; {@link #specCompare} is {@code GenericData.compare} with that fixed (the
 * three types compared unsigned, everything else Apache's own code), and the plain Apache comparisons are only
 * trusted on data whose bytes stay below 0x80.
 */
final class ApacheOrder {
  private static final GenericData SPEC_ORDER = new UnsignedBytesGenericData();

  private final Schema schema;
  private final GenericDatumReader<Object> reader;

  ApacheOrder(String schemaJson) {
    this.schema = new Schema.Parser().parse(schemaJson);
    this.reader = new GenericDatumReader<>(schema);
  }

  Schema schema() {
    return schema;
  }

  /** Apache Avro's generic value for our encoding of a datum. */
  Object decode(byte[] encoded) {
    try {
      return reader.read(null, DecoderFactory.get().binaryDecoder(encoded, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int binaryCompare(byte[] a, byte[] b) {
    return Integer.signum(BinaryData.compare(a, 0, b, 0, schema));
  }

  int genericCompare(Object x, Object y) {
    return Integer.signum(GenericData.get().compare(x, y, schema));
  }

  /** {@code GenericData.compare} with the unsigned byte order the spec requires. */
  int specCompare(Object x, Object y) {
    return Integer.signum(SPEC_ORDER.compare(x, y, schema));
  }

  private static final class UnsignedBytesGenericData extends GenericData {
    @Override
    protected int compare(Object o1, Object o2, Schema s, boolean equals) {
      switch (s.getType()) {
        case STRING: {
          Utf8 a = o1 instanceof Utf8 u ? u : new Utf8(o1.toString());
          Utf8 b = o2 instanceof Utf8 u ? u : new Utf8(o2.toString());
          return Arrays.compareUnsigned(a.getBytes(), 0, a.getByteLength(), b.getBytes(), 0, b.getByteLength());
        }
        case BYTES: {
          ByteBuffer a = (ByteBuffer) o1;
          ByteBuffer b = (ByteBuffer) o2;
          return Arrays.compareUnsigned(a.array(), a.arrayOffset() + a.position(), a.arrayOffset() + a.limit(),
              b.array(), b.arrayOffset() + b.position(), b.arrayOffset() + b.limit());
        }
        case FIXED:
          return Arrays.compareUnsigned(((GenericFixed) o1).bytes(), ((GenericFixed) o2).bytes());
        default:
          return super.compare(o1, o2, s, equals);
      }
    }
  }
}
