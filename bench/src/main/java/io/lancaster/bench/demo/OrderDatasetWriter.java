package io.lancaster.bench.demo;

import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.bench.data.AvroFileJob;
import io.lancaster.bench.data.Directories;
import io.lancaster.bench.data.ParallelAvroWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Writes the demo's orders as Avro files in a directory partitioned by date, as Spark and Hive lay tables out. */
public final class OrderDatasetWriter {
  /** The first day of the generated orders (a Monday). */
  public static final LocalDate FIRST_DAY = LocalDate.of(2025, 6, 2);

  private OrderDatasetWriter() {}

  /**
   * Writes {@code rows} orders spread evenly over {@code days} days and {@code filesPerDay} files a day. {@code dir}
   * must be missing, empty or hold an earlier demo data set (which is replaced).
   */
  public static OrderDataset write(Path dir, long rows, int days, int filesPerDay, long seed) throws IOException {
    if (days < 1 || filesPerDay < 1) {
      throw new IllegalArgumentException("days and files per day must be at least 1, got " + days + " and "
          + filesPerDay);
    }
    clear(dir);
    RecordSchema schema = OrderSchema.parse();
    int files = days * filesPerDay;
    List<AvroFileJob> jobs = new ArrayList<>(files);
    long firstOrderId = 1;
    for (int k = 0; k < files; k++) {
      LocalDate day = FIRST_DAY.plusDays(k / filesPerDay);
      long fileRows = rows / files + (k < rows % files ? 1 : 0);
      Path path = dir.resolve("date=" + day).resolve(String.format("part-%05d.avro", k % filesPerDay));
      long first = firstOrderId;
      long fileSeed = seed * 1_000_003L + k;
      jobs.add(new AvroFileJob(path, fileRows, () -> new OrderGenerator(schema, day, first, fileSeed)));
      firstOrderId += fileRows;
    }
    long bytes = ParallelAvroWriter.write(schema, jobs);
    return new OrderDataset(dir, rows, files, bytes, FIRST_DAY, days);
  }

  /** Empties {@code dir} if it holds only {@code date=...} partitions; refuses to delete anything else. */
  private static void clear(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + " is not a directory");
    }
    List<Path> entries;
    try (Stream<Path> list = Files.list(dir)) {
      entries = list.toList();
    }
    for (Path entry : entries) {
      if (!Files.isDirectory(entry) || !entry.getFileName().toString().startsWith("date=")) {
        throw new IllegalArgumentException(dir + " holds " + entry.getFileName() + ", so it is not a demo data set;"
            + " pick a missing or empty directory");
      }
    }
    for (Path entry : entries) {
      Directories.deleteTree(entry);
    }
  }
}
