package io.lancaster.bench.data;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * One Avro file to generate: where, how many records, and where they come from. The source is made on the
 * thread that writes the file, so sources need not be thread-safe.
 */
public record AvroFileJob(Path path, long rows, Supplier<RecordSource> records) {
  public AvroFileJob {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must not be negative, got " + rows);
    }
  }
}
