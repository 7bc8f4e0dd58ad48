package io.lancaster.bench.demo;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A generated order data set: {@code dir/date=YYYY-MM-DD/part-NNNNN.avro}, {@code days} days from
 * {@code firstDay}.
 */
public record OrderDataset(Path dir, long rows, int files, long bytes, LocalDate firstDay, int days) {}
