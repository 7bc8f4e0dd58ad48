package io.lancaster.cli;

import io.lancaster.avro.file.DataBlock;
import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.file.LegacyDataFileReader;
import io.lancaster.avro.schema.Schema;
import java.io.Closeable;
import java.io.IOException;
import java.util.Map;

/**
 * What the file commands need of a container file, over either core reader: today's format
 * ({@link DataFileReader}) or Avro 1.2's ({@link LegacyDataFileReader}), which Apache Avro's tools still read.
 */
interface ContainerFile extends Closeable {
  Schema schema();

  /** All metadata, reserved {@code avro.*} entries included, in file order. */
  Map<String, byte[]> metadata();

  boolean hasNext() throws IOException;

  Object next() throws IOException;

  /** The number of records from here on, counted as cheaply as the format allows. */
  long count() throws IOException;

  static ContainerFile of(DataFileReader<Object> reader) {
    return new ContainerFile() {
      @Override
      public Schema schema() {
        return reader.schema();
      }

      @Override
      public Map<String, byte[]> metadata() {
        return reader.metadata();
      }

      @Override
      public boolean hasNext() throws IOException {
        return reader.hasNext();
      }

      @Override
      public Object next() throws IOException {
        return reader.next();
      }

      /** Sums the blocks' record counts: no record is decoded (each block is still checked and decompressed). */
      @Override
      public long count() throws IOException {
        long n = 0;
        for (DataBlock block = reader.nextBlock(); block != null; block = reader.nextBlock()) {
          n += block.recordCount();
        }
        return n;
      }

      @Override
      public void close() throws IOException {
        reader.close();
      }
    };
  }

  static ContainerFile of(LegacyDataFileReader<Object> reader) {
    return new ContainerFile() {
      @Override
      public Schema schema() {
        return reader.schema();
      }

      @Override
      public Map<String, byte[]> metadata() {
        return reader.metadata();
      }

      @Override
      public boolean hasNext() throws IOException {
        return reader.hasNext();
      }

      @Override
      public Object next() throws IOException {
        return reader.next();
      }

      /** Avro 1.2 blocks have no byte size, so the records are read to be counted. */
      @Override
      public long count() throws IOException {
        long n = 0;
        while (reader.hasNext()) {
          reader.next();
          n++;
        }
        return n;
      }

      @Override
      public void close() throws IOException {
        reader.close();
      }
    };
  }
}
