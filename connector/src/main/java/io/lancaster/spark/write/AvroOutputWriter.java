package io.lancaster.spark.write;

import io.lancaster.avro.file.DataFileWriter;
import io.lancaster.avro.generic.DatumWriter;
import io.lancaster.avro.schema.Schema;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.datasources.OutputWriter;

/**
 * Writes one file of a task: a core {@link DataFileWriter} over the Hadoop file Spark names (under the commit
 * protocol's task attempt directory), with the compiled row writer; rows are encoded straight into the current
 * block, which is compressed and written once it passes the sync interval.
 */
final class AvroOutputWriter extends OutputWriter {
  private final String path;
  private final DataFileWriter<InternalRow> file;

  AvroOutputWriter(String path, Configuration conf, Schema schema, DatumWriter<InternalRow> rows,
      AvroWriteOptions options, Map<String, String> metadata) throws IOException {
    this.path = path;
    DataFileWriter<InternalRow> w = new DataFileWriter<>(rows)
        .setCodec(options.compression().newCodec())
        .setSyncInterval(options.syncInterval());
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      w.setMeta(e.getKey(), e.getValue());
    }
    Path p = new Path(path);
    OutputStream out = null;
    try {
      out = p.getFileSystem(conf).create(p);
      w.create(schema, out);
    } catch (IOException | RuntimeException e) {
      if (out != null) {
        out.close();
      }
      w.close(); // releases the codec
      throw e;
    }
    this.file = w;
  }

  @Override
  public void write(InternalRow row) {
    try {
      file.append(row);
    } catch (IOException e) {
      throw Sneaky.<RuntimeException>rethrow(e);
    }
  }

  @Override
  public void close() {
    try {
      file.close();
    } catch (IOException e) {
      throw Sneaky.<RuntimeException>rethrow(e);
    }
  }

  @Override
  public String path() {
    return path;
  }

  /** Rethrows a checked exception unwrapped: Spark's OutputWriter declares none, and wraps whatever a task throws. */
  private static final class Sneaky {
    @SuppressWarnings("unchecked")
    static <E extends Throwable> E rethrow(Throwable t) throws E {
      throw (E) t;
    }
  }
}
