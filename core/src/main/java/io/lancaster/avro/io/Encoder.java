package io.lancaster.avro.io;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Writes Avro's binary encoding. Datum writers target this type, so the same code fills an in-memory block
 * ({@link BufferEncoder}, the file writer's path) or a stream ({@link OutputStreamEncoder}). Both produce the bytes
 * of Apache Avro's {@code directBinaryEncoder}; all varints go through {@link Varints} and all strings through one
 * UTF-8 encoder.
 *
 * <p>Arrays and maps are written as blocks: {@link #writeArrayStart(long)} writes the header of a block of
 * {@code count} items (nothing for 0), may be called again for further blocks, and {@link #writeArrayEnd()} writes
 * the terminating zero. A non-empty array is thus {@code writeArrayStart(n)}, n items, {@code writeArrayEnd()}.
 */
public abstract sealed class Encoder permits BufferEncoder, OutputStreamEncoder {
  Encoder() {
  }

  /** Null is encoded as zero bytes. */
  public final void writeNull() {
  }

  public abstract void writeBoolean(boolean b) throws IOException;

  public abstract void writeInt(int v) throws IOException;

  public abstract void writeLong(long v) throws IOException;

  public abstract void writeFloat(float f) throws IOException;

  public abstract void writeDouble(double d) throws IOException;

  /** Writes the UTF-8 encoding of {@code s}; unpaired surrogates become {@code '?'}, as in String.getBytes. */
  public abstract void writeString(String s) throws IOException;

  /** Writes a string that is already UTF-8 encoded. */
  public void writeString(byte[] utf8, int off, int len) throws IOException {
    writeBytes(utf8, off, len);
  }

  public abstract void writeBytes(byte[] b, int off, int len) throws IOException;

  public void writeBytes(byte[] b) throws IOException {
    writeBytes(b, 0, b.length);
  }

  /** Writes the remaining bytes of {@code b}; its position is left unchanged. */
  public abstract void writeBytes(ByteBuffer b) throws IOException;

  /** Writes a fixed value: the bytes alone, their number being given by the schema. */
  public abstract void writeFixed(byte[] b, int off, int len) throws IOException;

  public void writeFixed(byte[] b) throws IOException {
    writeFixed(b, 0, b.length);
  }

  /** Writes a union branch index. */
  public void writeIndex(int index) throws IOException {
    writeInt(requireNonNegative(index, "union index"));
  }

  /** Writes an enum ordinal. */
  public void writeEnum(int ordinal) throws IOException {
    writeInt(requireNonNegative(ordinal, "enum ordinal"));
  }

  /** Writes the header of an array block of {@code count} items; nothing when {@code count} is 0. */
  public void writeArrayStart(long count) throws IOException {
    writeBlockCount(count);
  }

  /** Ends an array: the zero block count. */
  public void writeArrayEnd() throws IOException {
    writeLong(0);
  }

  /** Writes the header of a map block of {@code count} entries; nothing when {@code count} is 0. */
  public void writeMapStart(long count) throws IOException {
    writeBlockCount(count);
  }

  /** Ends a map: the zero block count. */
  public void writeMapEnd() throws IOException {
    writeLong(0);
  }

  /** Pushes buffered bytes to their destination; a no-op for in-memory encoders. */
  public abstract void flush() throws IOException;

  private void writeBlockCount(long count) throws IOException {
    if (count < 0) {
      throw new IllegalArgumentException("negative block count " + count);
    }
    if (count > 0) {
      writeLong(count);
    }
  }

  static int requireNonNegative(int v, String what) {
    if (v < 0) {
      throw new IllegalArgumentException("negative " + what + " " + v);
    }
    return v;
  }
}
