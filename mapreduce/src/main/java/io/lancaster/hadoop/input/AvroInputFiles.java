package io.lancaster.hadoop.input;

import io.lancaster.hadoop.AvroConfigKeys;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;

/**
 * Which listed input files the formats read: with {@link AvroConfigKeys#IGNORE_INPUTS_WITHOUT_EXTENSION} true,
 * only those whose names end in {@code .avro}. The default differs by API, as in avro-mapred: the old
 * ({@code mapred}) formats skip other files unless the key is false, the new ({@code mapreduce}) ones read every
 * file unless the key is true. Hidden files ({@code _SUCCESS}, {@code .crc}) are always skipped, by Hadoop.
 */
public final class AvroInputFiles {
  public static final String EXTENSION = ".avro";
  /** The default of {@link AvroConfigKeys#IGNORE_INPUTS_WITHOUT_EXTENSION} for the old API's formats. */
  public static final boolean OLD_API_IGNORES_BY_DEFAULT = true;
  /** The default of {@link AvroConfigKeys#IGNORE_INPUTS_WITHOUT_EXTENSION} for the new API's formats. */
  public static final boolean NEW_API_IGNORES_BY_DEFAULT = false;

  private AvroInputFiles() {}

  public static List<FileStatus> filter(List<FileStatus> files, Configuration conf, boolean ignoreByDefault) {
    if (!conf.getBoolean(AvroConfigKeys.IGNORE_INPUTS_WITHOUT_EXTENSION, ignoreByDefault)) {
      return files;
    }
    List<FileStatus> kept = new ArrayList<>(files.size());
    for (FileStatus f : files) {
      if (f.getPath().getName().endsWith(EXTENSION)) {
        kept.add(f);
      }
    }
    return kept;
  }

  public static FileStatus[] filter(FileStatus[] files, Configuration conf, boolean ignoreByDefault) {
    return filter(List.of(files), conf, ignoreByDefault).toArray(new FileStatus[0]);
  }
}
