package io.lancaster.avro;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Base of the errors raised while reading encoded Avro data. It carries where the problem is: the file, the
 * block number and byte offset within the file, and the field path inside the datum. Each layer that knows a
 * part of that context adds it as the exception travels up (a record reader prepends its field name, the file
 * reader sets file and block), so the hot path pays nothing until something goes wrong.
 */
public class AvroDataException extends IOException {
  private final String detail;
  private String file;
  private long block = -1;
  private long offset = -1;
  private long offsetInBlock = -1;
  private boolean inBlock;
  private final Deque<String> path = new ArrayDeque<>();

  public AvroDataException(String detail) {
    super(detail);
    this.detail = detail;
  }

  public AvroDataException(String detail, Throwable cause) {
    super(detail, cause);
    this.detail = detail;
  }

  /** The problem itself, without the location. */
  public String detail() {
    return detail;
  }

  public String file() {
    return file;
  }

  /** Zero-based number of the data block in the file, or -1 when unknown. */
  public long block() {
    return block;
  }

  /** Byte offset in the file (or in the decoded buffer when no file is known), or -1 when unknown. */
  public long offset() {
    return offset;
  }

  /** Offset within the decompressed data block where decoding failed, or -1 when unknown or not in a block. */
  public long offsetInBlock() {
    return offsetInBlock;
  }

  /** The field path inside the datum, outermost first, e.g. {@code address.street}; empty at the top level. */
  public String fieldPath() {
    return String.join(".", path);
  }

  public AvroDataException withFile(String file) {
    if (this.file == null) {
      this.file = file;
    }
    return this;
  }

  public AvroDataException withBlock(long block) {
    if (this.block < 0) {
      this.block = block;
    }
    return this;
  }

  public AvroDataException withOffset(long offset) {
    if (this.offset < 0) {
      this.offset = offset;
    }
    return this;
  }

  /**
   * Places an error raised while reading a data block of a container file: names the file and the block (-1 when
   * its number is unknown), and makes {@link #offset()} the block's start in the file. An offset set earlier by
   * the decoder, which counts from the start of the decompressed block, is kept as {@link #offsetInBlock()}. Only
   * the first call has an effect.
   */
  public AvroDataException inBlock(String file, long block, long blockStart) {
    if (!inBlock) {
      inBlock = true;
      withFile(file);
      withBlock(block);
      offsetInBlock = offset;
      offset = blockStart;
    }
    return this;
  }

  /** Called by enclosing readers while the exception unwinds: the innermost field is prepended first. */
  public AvroDataException prependPath(String element) {
    path.addFirst(element);
    return this;
  }

  @Override
  public String getMessage() {
    StringBuilder sb = new StringBuilder(detail);
    String where = location();
    if (!where.isEmpty()) {
      sb.append(" (").append(where).append(')');
    }
    return sb.toString();
  }

  private String location() {
    StringBuilder sb = new StringBuilder();
    if (file != null) {
      sb.append("file ").append(file);
    }
    if (block >= 0) {
      sb.append(sb.isEmpty() ? "" : ", ").append("block ").append(block);
    }
    if (offset >= 0) {
      sb.append(sb.isEmpty() ? "" : ", ").append("offset ").append(offset);
    }
    if (offsetInBlock >= 0) {
      sb.append(sb.isEmpty() ? "" : ", ").append("byte ").append(offsetInBlock).append(" of the block's data");
    }
    if (!path.isEmpty()) {
      sb.append(sb.isEmpty() ? "" : ", ").append("field ").append(fieldPath());
    }
    return sb.toString();
  }
}
