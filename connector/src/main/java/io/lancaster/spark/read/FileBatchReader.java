package io.lancaster.spark.read;

import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.CorruptDataException;
import io.lancaster.avro.file.DataBlock;
import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.io.ByteArrayDecoder;
import io.lancaster.avro.io.ReadLimits;
import io.lancaster.avro.resolve.ReadAction;
import io.lancaster.avro.resolve.ResolutionOptions;
import io.lancaster.avro.resolve.Resolver;
import io.lancaster.avro.schema.Schema;
import io.lancaster.spark.read.decode.ColumnDecoder;
import io.lancaster.spark.read.decode.DateTimeRebase;
import io.lancaster.spark.read.decode.DecoderCompiler;
import io.lancaster.spark.read.decode.FieldMatcher;
import java.io.Closeable;
import java.io.IOException;
import java.util.Locale;
import org.apache.spark.memory.MemoryMode;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.OrderedFilters;
import org.apache.spark.sql.catalyst.util.RebaseDateTime;
import org.apache.spark.sql.execution.datasources.DataSourceUtils;
import org.apache.spark.sql.execution.vectorized.ColumnVectorUtils;
import org.apache.spark.sql.execution.vectorized.ConstantColumnVector;
import org.apache.spark.sql.execution.vectorized.MutableColumnarRow;
import org.apache.spark.sql.execution.vectorized.OffHeapColumnVector;
import org.apache.spark.sql.execution.vectorized.OnHeapColumnVector;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Reads the records of one split of one file into columnar batches: the blocks that start inside the split's byte
 * range (found by sync markers, so every record is read by exactly one split), decompressed one at a time and
 * decoded record by record straight into the batch's column vectors by the file's compiled decoder. Rows that the
 * pushed filters reject are overwritten by the next record. Partition values are constant columns.
 */
final class FileBatchReader implements Closeable {
  private final DataFileReader<Object> file;
  private final String name;
  private final long end;
  private final ColumnDecoder decoder;
  private final boolean countOnly;
  private final WritableColumnVector root;
  private final ColumnarBatch batch;
  private final int capacity;
  private final OrderedFilters filters;
  private final int filterFields;
  private final MutableColumnarRow filterRow;
  private final ConstantColumnVector[] partitionColumns;
  private final ByteArrayDecoder in;

  private DataBlock block;
  private long leftInBlock;
  private long recordInBlock;

  FileBatchReader(DataFileReader<Object> file, String name, long start, long end, ReadRequest request,
      InternalRow partitionValues, ReadLimits limits) throws IOException {
    this.file = file;
    this.name = name;
    this.end = end;
    AvroReadOptions options = request.options();
    Schema writer = file.schema();
    Schema reader = request.readSchema() == null ? writer : Schema.parse(request.readSchema());
    ReadAction plan = Resolver.plan(writer, reader, ResolutionOptions.apacheCompatible());
    DecoderCompiler compiler = new DecoderCompiler(options.typeMapping(),
        new FieldMatcher(options.positionalFieldMatching(), options.caseSensitive()), rebaseOf(file, options),
        limits);
    StructType required = request.required();
    this.decoder = compiler.compileRoot(plan, required);
    this.countOnly = required.fields().length == 0;
    this.capacity = options.batchSize();
    MemoryMode mode = options.offHeap() ? MemoryMode.OFF_HEAP : MemoryMode.ON_HEAP;
    this.root = mode == MemoryMode.OFF_HEAP ? new OffHeapColumnVector(capacity, required)
        : new OnHeapColumnVector(capacity, required);
    StructType partition = request.partition();
    this.partitionColumns = new ConstantColumnVector[partition.fields().length];
    ColumnVector[] columns = new ColumnVector[required.fields().length + partitionColumns.length];
    WritableColumnVector[] dataColumns = new WritableColumnVector[required.fields().length];
    for (int i = 0; i < dataColumns.length; i++) {
      dataColumns[i] = root.getChild(i);
      columns[i] = dataColumns[i];
    }
    for (int i = 0; i < partitionColumns.length; i++) {
      partitionColumns[i] = new ConstantColumnVector(capacity, partition.fields()[i].dataType());
      ColumnVectorUtils.populate(partitionColumns[i], partitionValues, i, mode);
      columns[dataColumns.length + i] = partitionColumns[i];
    }
    this.batch = new ColumnarBatch(columns);
    boolean filtering = options.filterPushdown() && request.filters().length > 0 && !countOnly;
    this.filters = filtering ? new OrderedFilters(
        scala.jdk.javaapi.CollectionConverters.asScala(java.util.Arrays.asList(request.filters())).toSeq(),
        required) : null;
    this.filterFields = required.fields().length;
    this.filterRow = filtering ? new MutableColumnarRow(dataColumns) : null;
    this.in = new ByteArrayDecoder(new byte[0], limits);
    file.sync(start);
  }

  /** The rebase of this file's dates and timestamps, from its metadata as spark-avro decides it. */
  private static DateTimeRebase rebaseOf(DataFileReader<Object> file, AvroReadOptions options) {
    RebaseDateTime.RebaseSpec spec = DataSourceUtils.datetimeRebaseSpec(file::metaString,
        options.datetimeRebaseMode());
    DateTimeRebase.Mode mode = DateTimeRebase.Mode.valueOf(spec.mode().toString().toUpperCase(Locale.ROOT));
    return mode == DateTimeRebase.Mode.CORRECTED ? DateTimeRebase.CORRECTED
        : new DateTimeRebase(mode, spec.timeZone());
  }

  ColumnarBatch batch() {
    return batch;
  }

  /** Fills the batch with the next records of the split; false when none are left. */
  boolean nextBatch() throws IOException {
    root.reset();
    int rows = 0;
    while (rows < capacity) {
      if (leftInBlock == 0 && !nextBlock()) {
        break;
      }
      if (countOnly) {
        int n = (int) Math.min(leftInBlock, capacity - rows);
        rows += n;
        leftInBlock -= n;
        continue;
      }
      if (filters == null) {
        // No row is rejected: the block's next records go straight into consecutive rows.
        int n = (int) Math.min(leftInBlock, capacity - rows);
        try {
          decoder.decodeRows(in, root, rows, n);
        } catch (AvroDataException e) {
          throw e.inBlock(name, block.number(), block.start());
        } catch (RuntimeException e) {
          if (e instanceof org.apache.spark.SparkThrowable) {
            throw e;
          }
          throw new AvroDataException("cannot read records " + recordInBlock + " to " + (recordInBlock + n - 1)
              + ": " + e.getMessage(), e).inBlock(name, block.number(), block.start());
        }
        rows += n;
        recordInBlock += n;
        leftInBlock -= n;
        checkBlockEnd();
        continue;
      }
      try {
        decoder.decode(in, root, rows);
      } catch (AvroDataException e) {
        throw e.inBlock(name, block.number(), block.start());
      } catch (RuntimeException e) {
        if (e instanceof org.apache.spark.SparkThrowable) {
          throw e; // Spark's own errors (a date before the calendar switch) name the conf to set: kept as they are
        }
        throw new AvroDataException("cannot read record " + recordInBlock + ": " + e.getMessage(), e)
            .inBlock(name, block.number(), block.start());
      }
      recordInBlock++;
      leftInBlock--;
      checkBlockEnd();
      if (accepted(rows)) {
        rows++;
      } else {
        clearRow(root, rows);
      }
    }
    batch.setNumRows(rows);
    return rows > 0;
  }

  /** After a block's last record, nothing may be left of the block. */
  private void checkBlockEnd() throws CorruptDataException {
    if (leftInBlock == 0 && !in.isEnd()) {
      throw (CorruptDataException) new CorruptDataException("block has " + in.remaining() + " byte(s) left after its "
          + block.recordCount() + " records").inBlock(name, block.number(), block.start());
    }
  }

  private boolean accepted(int row) {
    filterRow.rowId = row;
    for (int i = 0; i < filterFields; i++) {
      if (filters.skipRow(filterRow, i)) {
        return false;
      }
    }
    return true;
  }

  /** Makes a rejected row's slot writable again: nulls it set are cleared (its appended bytes are just left). */
  private static void clearRow(WritableColumnVector v, int row) {
    if (v.isNullAt(row)) {
      v.putNotNull(row);
    }
    if (v.dataType() instanceof StructType st) {
      for (int i = 0; i < st.fields().length; i++) {
        clearRow(v.getChild(i), row);
      }
    }
  }

  private boolean nextBlock() throws IOException {
    while (true) {
      if (file.pastSync(end)) {
        return false;
      }
      block = file.nextBlock();
      if (block == null) {
        return false;
      }
      if (block.recordCount() > 0) {
        leftInBlock = block.recordCount();
        recordInBlock = 0;
        in.reset(block.data(), block.offset(), block.length());
        return true;
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      file.close();
    } finally {
      root.close();
      for (ConstantColumnVector c : partitionColumns) {
        c.close();
      }
    }
  }
}
