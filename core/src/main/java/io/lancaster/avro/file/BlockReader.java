package io.lancaster.avro.file;

import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.CorruptDataException;
import io.lancaster.avro.codec.Codec;
import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.io.GrowableBytes;
import io.lancaster.avro.io.ReadLimits;
import java.io.IOException;

/**
 * Reads the data blocks of one container file, in three steps the file reader drives: the header (record count
 * and byte size, both checked against the limits and the bytes left before anything is allocated), the body (the
 * compressed bytes and the trailing sync marker, which must be the file's), and the decompression (after which
 * the record count is checked against the data length). Every error is placed in its block: file, block number
 * and the block's start offset.
 */
final class BlockReader {
  private final BufferedInput in;
  private final DataFileHeader header;
  private final Codec codec;
  private final boolean nullCodec;
  private final ReadLimits limits;
  private final String file;
  private final int minRecordBytes;
  private final GrowableBytes raw = new GrowableBytes(64 * 1024);
  private final GrowableBytes decompressed = new GrowableBytes(64 * 1024);
  private final byte[] syncBuf = new byte[DataFileFormat.SYNC_SIZE];

  /** Number of the block the next {@link #readHeader()} reads, or -1 when unknown. */
  private long nextNumber;

  // the current block
  private long number = -1;
  private long start = -1;
  private long count;
  private int size;
  private long end;
  private byte[] data;
  private int dataLength;

  BlockReader(BufferedInput in, DataFileHeader header, Codec codec, ReadLimits limits, String file) {
    this.in = in;
    this.header = header;
    this.codec = codec;
    this.nullCodec = CodecFactory.NULL.equals(codec.name());
    this.limits = limits;
    this.file = file;
    this.minRecordBytes = MinimumSize.of(header.schema());
  }

  /** The next block read is number {@code n} in the file (-1: unknown). */
  void expectBlock(long n) {
    nextNumber = n;
  }

  /**
   * Reads the header of the block at the input's position; false at the end of the input. On return the count
   * is in {@code [0, maxBlockRecords]} and the size in {@code [0, maxBlockSize]} and within the input.
   */
  boolean readHeader() throws IOException {
    start = in.position();
    number = nextNumber;
    count = 0;
    size = 0;
    data = null;
    if (in.atEnd()) {
      return false;
    }
    nextNumber = nextNumber < 0 ? -1 : nextNumber + 1;
    try {
      count = in.readLong("record count of " + label());
      if (count < 0) {
        throw new CorruptDataException(label() + ": negative record count " + count);
      }
      ReadLimits.check("maxBlockRecords", limits.maxBlockRecords(), count, "record count of " + label());
      long len = in.readLong("byte size of " + label());
      if (len < 0) {
        throw new CorruptDataException(label() + ": negative byte size " + len);
      }
      ReadLimits.check("maxBlockSize", limits.maxBlockSize(), len, "byte size of " + label());
      long left = in.remaining() - DataFileFormat.SYNC_SIZE;
      if (len > left) {
        throw new CorruptDataException("truncated file: " + label() + " declares " + len + " bytes of data but only "
            + Math.max(0, left) + " remain before its sync marker");
      }
      size = (int) len;
    } catch (AvroDataException e) {
      throw locate(e);
    }
    return true;
  }

  /** Reads the current block's compressed bytes and checks the sync marker after them. */
  void readBody() throws IOException {
    try {
      in.readInto(raw, size, "data of " + label());
      in.readFully(syncBuf, 0, syncBuf.length, "sync marker after " + label());
      if (!header.syncEquals(syncBuf, 0)) {
        throw new CorruptDataException("sync marker mismatch after " + label());
      }
      end = in.position();
    } catch (AvroDataException e) {
      throw locate(e);
    }
  }

  /** Decompresses the body read by {@link #readBody()} and checks that the record count can fit in it. */
  void decompress() throws IOException {
    try {
      int max = limits.maxDecompressedBlockSize();
      if (nullCodec) {
        ReadLimits.check("maxDecompressedBlockSize", max, size, "decompressed size of " + label());
        data = raw.array();
        dataLength = size;
      } else {
        try {
          codec.decompress(raw.array(), 0, size, decompressed, max);
        } catch (RuntimeException e) {
          throw new CorruptDataException(label() + " cannot be decompressed with the " + codec.name() + " codec: "
              + e, e);
        }
        data = decompressed.array();
        dataLength = decompressed.size();
      }
      if (count == 0 && dataLength != 0) {
        throw new CorruptDataException(label() + ": records ended at byte 0 of " + dataLength);
      }
      if (minRecordBytes > 0 && count > dataLength / minRecordBytes) {
        throw new CorruptDataException(label() + ": " + count + " records cannot fit in " + dataLength
            + " bytes (each takes at least " + minRecordBytes + ")");
      }
    } catch (AvroDataException e) {
      throw locate(e);
    }
  }

  /** Places an error raised while reading the current block in it. */
  AvroDataException locate(AvroDataException e) {
    return e.inBlock(file, number, start);
  }

  /** "block N", or "the block at offset X" when its number is unknown. */
  String label() {
    return number >= 0 ? "block " + number : "the block at offset " + start;
  }

  long number() {
    return number;
  }

  long start() {
    return start;
  }

  long count() {
    return count;
  }

  /** Position just after the current block's sync marker: where the next block starts. */
  long end() {
    return end;
  }

  byte[] data() {
    return data;
  }

  int dataLength() {
    return dataLength;
  }

  void close() {
    codec.close();
  }
}
