package io.lancaster.hadoop.mapred;

import io.lancaster.avro.schema.PrimitiveSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.output.AvroFileSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.FileOutputFormat;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RecordWriter;
import org.apache.hadoop.mapred.Reporter;
import org.apache.hadoop.util.Progressable;

/**
 * TextOutputFormat's lines, stored as the records of an Avro file with the schema {@code "bytes"}, as avro-mapred's
 * class of the same name (for Hadoop Streaming jobs that want Avro output): each record is the key, the separator
 * ({@value #SEPARATOR}, a tab by default) and the value, in UTF-8; a null or NullWritable key or value is left out
 * with its separator, and a pair of two nulls writes nothing.
 */
public class AvroTextOutputFormat<K, V> extends FileOutputFormat<K, V> {
  public static final String SEPARATOR = "mapreduce.output.textoutputformat.separator";

  @Override
  public RecordWriter<K, V> getRecordWriter(FileSystem ignored, JobConf job, String name, Progressable progress)
      throws IOException {
    byte[] separator = job.get(SEPARATOR, "\t").getBytes(StandardCharsets.UTF_8);
    Schema bytes = PrimitiveSchema.of(Schema.Type.BYTES);
    return new LineWriter<>(AvroOutputFormat.createSink(job, name, bytes, progress), separator);
  }

  private static final class LineWriter<K, V> implements RecordWriter<K, V> {
    private final AvroFileSink sink;
    private final byte[] separator;

    LineWriter(AvroFileSink sink, byte[] separator) {
      this.sink = sink;
      this.separator = separator;
    }

    @Override
    public void write(K key, V value) throws IOException {
      boolean noKey = key == null || key instanceof NullWritable;
      boolean noValue = value == null || value instanceof NullWritable;
      if (noKey && noValue) {
        return;
      }
      if (noValue) {
        sink.append(ByteBuffer.wrap(utf8(key)));
      } else if (noKey) {
        sink.append(ByteBuffer.wrap(utf8(value)));
      } else {
        byte[] k = utf8(key);
        byte[] v = utf8(value);
        ByteBuffer line = ByteBuffer.allocate(k.length + separator.length + v.length);
        line.put(k).put(separator).put(v).flip();
        sink.append(line);
      }
    }

    private static byte[] utf8(Object o) {
      if (o instanceof Text t) {
        return java.util.Arrays.copyOf(t.getBytes(), t.getLength());
      }
      return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close(Reporter reporter) throws IOException {
      sink.close();
    }
  }
}
