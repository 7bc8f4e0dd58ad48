package io.lancaster.avro.file;

import io.lancaster.avro.io.ByteArrayDecoder;
import io.lancaster.avro.io.ReadLimits;

/**
 * One decompressed data block, for readers that decode a whole block at a time (columnar batch readers) rather
 * than record by record. The data is {@code data[offset, offset + length)}: the block's records, encoded one after
 * another. The array belongs to the reader and is reused: it is valid only until the reader's next call.
 *
 * @param number zero-based number of the block in the file, or -1 when unknown (after {@code sync} or {@code seek}
 *     to a position past the first block)
 * @param start position in the file where the block starts (its record count); errors name this offset
 * @param recordCount the number of records in the block
 */
public record DataBlock(long number, long start, long recordCount, byte[] data, int offset, int length) {
  /** A decoder over the block's data (a new one; reset a reused decoder to the same range on the hot path). */
  public ByteArrayDecoder decoder(ReadLimits limits) {
    return new ByteArrayDecoder(data, offset, length, limits);
  }
}
