package io.lancaster.bench.read;

import java.nio.file.Path;

/** A benchmark table on disk: the same rows as Avro files (Lancaster's writer) and as Parquet files (Spark's). */
public record TableData(BenchTable table, long rows, Path avroDir, Path parquetDir, long avroBytes,
    long parquetBytes) {}
