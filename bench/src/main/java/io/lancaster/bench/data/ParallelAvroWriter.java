package io.lancaster.bench.data;

import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Writes Avro files with Lancaster's core writer (snappy, Spark's default codec), one file per thread. */
public final class ParallelAvroWriter {
  private ParallelAvroWriter() {}

  /** Writes every job's file, creating parent directories; returns the total size of the files in bytes. */
  public static long write(Schema schema, List<AvroFileJob> jobs) throws IOException {
    int threads = Math.max(1, Math.min(jobs.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> sizes = new ArrayList<>();
      for (AvroFileJob job : jobs) {
        sizes.add(pool.submit(() -> writeOne(schema, job)));
      }
      long total = 0;
      for (Future<Long> size : sizes) {
        total += size.get();
      }
      return total;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing Avro files", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException("writing an Avro file failed", cause);
    } finally {
      pool.shutdownNow();
    }
  }

  private static long writeOne(Schema schema, AvroFileJob job) throws IOException {
    Files.createDirectories(job.path().toAbsolutePath().getParent());
    RecordSource records = job.records().get();
    try (DataFileWriter<Object> writer = DataFileWriter.generic().setCodec(CodecFactory.snappy())
        .create(schema, job.path())) {
      for (long i = 0; i < job.rows(); i++) {
        writer.append(records.next());
      }
    }
    return Files.size(job.path());
  }
}
