package io.lancaster.spark.read;

import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.io.ReadLimits;
import java.io.IOException;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.execution.datasources.PartitionedFile;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import scala.collection.AbstractIterator;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * The function Spark runs in each task for each file split: opens the file through Hadoop, reads its blocks into
 * columnar batches and returns them, or, where Spark asks for rows, the batches' rows as UnsafeRows (the row
 * fallback runs the same decoder). The reader is closed when the split is read or the task ends.
 */
public final class AvroFileReaderFunction extends AbstractFunction1<PartitionedFile, Iterator<InternalRow>>
    implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ReadRequest request;
  private final Broadcast<SerializableConfiguration> conf;

  public AvroFileReaderFunction(ReadRequest request, Broadcast<SerializableConfiguration> conf) {
    this.request = request;
    this.conf = conf;
  }

  @Override
  public Iterator<InternalRow> apply(PartitionedFile split) {
    if (!request.options().ignoreExtension() && !split.urlEncodedPath().endsWith(".avro")) {
      return scala.collection.Iterator$.MODULE$.empty();
    }
    Configuration hadoop = conf.value().value();
    String name = split.urlEncodedPath();
    FileBatchReader reader;
    try {
      HadoopFileInput input = HadoopFileInput.open(split.toPath(), split.fileSize(), hadoop);
      DataFileReader<Object> file;
      try {
        file = DataFileReader.open(input, name);
      } catch (IOException | RuntimeException e) {
        input.close();
        throw e;
      }
      try {
        reader = new FileBatchReader(file, name, split.start(), split.start() + split.length(), request,
            split.partitionValues(), ReadLimits.DEFAULT);
      } catch (IOException | RuntimeException e) {
        file.close();
        throw e;
      }
    } catch (IOException e) {
      throw Sneaky.rethrow(e instanceof AvroDataException a && a.file() == null ? a.withFile(name) : e);
    }
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) context -> closeQuietly(reader));
    }
    BatchIterator batches = new BatchIterator(reader);
    if (request.returningBatch()) {
      @SuppressWarnings({"unchecked", "rawtypes"})
      Iterator<InternalRow> asRows = (Iterator) batches;
      return asRows;
    }
    return new RowIterator(batches, UnsafeProjection.create(concat(request.required(), request.partition())));
  }

  static StructType concat(StructType a, StructType b) {
    org.apache.spark.sql.types.StructField[] fields =
        new org.apache.spark.sql.types.StructField[a.fields().length + b.fields().length];
    System.arraycopy(a.fields(), 0, fields, 0, a.fields().length);
    System.arraycopy(b.fields(), 0, fields, a.fields().length, b.fields().length);
    return new StructType(fields);
  }

  private static void closeQuietly(FileBatchReader reader) {
    try {
      reader.close();
    } catch (IOException ignored) {
      // the task is over; nothing more can be read from it
    }
  }

  /** The batches of a split; the same batch object, refilled. */
  static final class BatchIterator extends AbstractIterator<ColumnarBatch> {
    private final FileBatchReader reader;
    private boolean ready;
    private boolean done;

    BatchIterator(FileBatchReader reader) {
      this.reader = reader;
    }

    @Override
    public boolean hasNext() {
      if (!ready && !done) {
        try {
          ready = reader.nextBatch();
        } catch (IOException e) {
          throw Sneaky.rethrow(e);
        }
        if (!ready) {
          done = true;
          closeQuietly(reader);
        }
      }
      return ready;
    }

    @Override
    public ColumnarBatch next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      ready = false;
      return reader.batch();
    }
  }

  /** Rows for operators that ask for rows: each batch row projected to an UnsafeRow. */
  static final class RowIterator extends AbstractIterator<InternalRow> {
    private final BatchIterator batches;
    private final UnsafeProjection toUnsafe;
    private ColumnarBatch batch;
    private int row;

    RowIterator(BatchIterator batches, UnsafeProjection toUnsafe) {
      this.batches = batches;
      this.toUnsafe = toUnsafe;
    }

    @Override
    public boolean hasNext() {
      while (batch == null || row >= batch.numRows()) {
        if (!batches.hasNext()) {
          return false;
        }
        batch = batches.next();
        row = 0;
      }
      return true;
    }

    @Override
    public InternalRow next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      return toUnsafe.apply(batch.getRow(row++));
    }
  }

  /** Rethrows a checked exception unchanged: Spark's file scan catches IOExceptions for ignoreCorruptFiles. */
  static final class Sneaky {
    private Sneaky() {}

    static RuntimeException rethrow(Throwable t) {
      throw Sneaky.<RuntimeException>as(t);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T as(Throwable t) throws T {
      throw (T) t;
    }
  }
}
