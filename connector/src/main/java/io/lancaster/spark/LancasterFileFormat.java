package io.lancaster.spark;

import io.lancaster.spark.read.AvroFileReaderFunction;
import io.lancaster.spark.read.AvroReadOptions;
import io.lancaster.spark.read.ReadRequest;
import io.lancaster.spark.read.SchemaInference;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.apache.spark.sql.execution.datasources.FileFormat;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.execution.datasources.PartitionedFile;
import org.apache.spark.sql.execution.vectorized.ConstantColumnVector;
import org.apache.spark.sql.execution.vectorized.OffHeapColumnVector;
import org.apache.spark.sql.execution.vectorized.OnHeapColumnVector;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.internal.SessionState;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.AtomicType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.UserDefinedType;
import org.apache.spark.sql.types.VariantType;
import org.apache.spark.util.SerializableConfiguration;
import scala.Function1;
import scala.Option;
import scala.collection.Iterator;
import scala.collection.immutable.Map;
import scala.collection.immutable.Seq;

/**
 * Lancaster's Avro source for Spark SQL, registered as {@code avro} (and {@code lancaster}, which always selects it):
 * a V1 {@link FileFormat}, as Spark's own Parquet, ORC and Avro sources are, so that file listing, partition
 * discovery, split planning, the {@code _metadata} column, tables and the streaming file source all come from Spark.
 * Reads are columnar ({@link #supportBatch}): each file's blocks are decoded straight into Spark's column vectors.
 */
public class LancasterFileFormat implements FileFormat, DataSourceRegister, Serializable {
  private static final long serialVersionUID = 1L;

  @Override
  public String shortName() {
    return "avro";
  }

  @Override
  public String toString() {
    return "LancasterAvro";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LancasterFileFormat;
  }

  @Override
  public int hashCode() {
    return LancasterFileFormat.class.hashCode();
  }

  @Override
  public Option<StructType> inferSchema(SparkSession spark, Map<String, String> options, Seq<FileStatus> files) {
    SessionState state = state(spark);
    Configuration conf = state.newHadoopConfWithOptions(options);
    AvroReadOptions parsed = AvroReadOptions.parse(options, state.conf(), conf);
    List<FileStatus> list = new ArrayList<>(scala.jdk.javaapi.CollectionConverters.asJava(files));
    return Option.apply(SchemaInference.infer(list, parsed, conf, ignoreCorruptFiles(options, state.conf()))
        .orElse(null));
  }

  private static boolean ignoreCorruptFiles(Map<String, String> options, SQLConf conf) {
    for (java.util.Map.Entry<String, String> e : scala.jdk.javaapi.CollectionConverters.asJava(options).entrySet()) {
      if (e.getKey().equalsIgnoreCase("ignoreCorruptFiles")) {
        return Boolean.parseBoolean(e.getValue());
      }
    }
    return conf.ignoreCorruptFiles();
  }

  @Override
  public OutputWriterFactory prepareWrite(SparkSession spark, Job job, Map<String, String> options,
      StructType dataSchema) {
    return io.lancaster.spark.write.AvroWriteSupport.prepareWrite(state(spark).conf(), job, options, dataSchema);
  }

  /**
   * Column names that are Avro names, as spark-avro accepts them: letters, digits and '_', not starting with a
   * digit. Spark checks this for writes and CREATE TABLE only.
   */
  @Override
  public boolean supportFieldName(String name) {
    if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      if (!Character.isLetterOrDigit(name.charAt(i)) && name.charAt(i) != '_') {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean isSplitable(SparkSession spark, Map<String, String> options, Path path) {
    return true;
  }

  @Override
  public boolean supportBatch(SparkSession spark, StructType schema) {
    SQLConf conf = state(spark).conf();
    return conf.wholeStageEnabled() && !WholeStageCodegenExec.isTooManyFields(conf, schema)
        && supportDataType(schema);
  }

  @Override
  public Option<Seq<String>> vectorTypes(StructType required, StructType partition, SQLConf conf) {
    String data = Boolean.parseBoolean(conf.getConfString(AvroReadOptions.OFF_HEAP_CONF, "false"))
        ? OffHeapColumnVector.class.getName() : OnHeapColumnVector.class.getName();
    List<String> types = new ArrayList<>();
    for (int i = 0; i < required.fields().length; i++) {
      types.add(data);
    }
    for (int i = 0; i < partition.fields().length; i++) {
      types.add(ConstantColumnVector.class.getName());
    }
    return Option.apply(scala.jdk.javaapi.CollectionConverters.asScala(types).toSeq());
  }

  @Override
  public Function1<PartitionedFile, Iterator<InternalRow>> buildReaderWithPartitionValues(SparkSession spark,
      StructType dataSchema, StructType partitionSchema, StructType requiredSchema, Seq<Filter> filters,
      Map<String, String> options, Configuration hadoopConf) {
    SessionState state = state(spark);
    AvroReadOptions parsed = AvroReadOptions.parse(options, state.conf(), hadoopConf);
    Option<String> returning = options.get(FileFormat.OPTION_RETURNING_BATCH());
    boolean batch = returning.isDefined() ? Boolean.parseBoolean(returning.get())
        : supportBatch(spark, concat(requiredSchema, partitionSchema));
    Filter[] pushed = scala.jdk.javaapi.CollectionConverters.asJava(filters).toArray(new Filter[0]);
    ReadRequest request = new ReadRequest(requiredSchema, partitionSchema, pushed, batch, parsed,
        parsed.avroSchema());
    return new AvroFileReaderFunction(request, SerializableConfiguration.broadcast(
        ((org.apache.spark.sql.classic.SparkSession) spark).sparkContext(), hadoopConf));
  }

  @Override
  public Function1<PartitionedFile, Iterator<InternalRow>> buildReader(SparkSession spark, StructType dataSchema,
      StructType partitionSchema, StructType requiredSchema, Seq<Filter> filters, Map<String, String> options,
      Configuration hadoopConf) {
    return buildReaderWithPartitionValues(spark, dataSchema, new StructType(), requiredSchema, filters, options,
        hadoopConf);
  }

  @Override
  public boolean supportDataType(DataType type) {
    if (type instanceof VariantType) {
      return false;
    } else if (type instanceof AtomicType || type instanceof NullType) {
      return !type.typeName().startsWith("geo");
    } else if (type instanceof StructType st) {
      for (StructField f : st.fields()) {
        if (!supportDataType(f.dataType())) {
          return false;
        }
      }
      return true;
    } else if (type instanceof ArrayType at) {
      return supportDataType(at.elementType());
    } else if (type instanceof MapType mt) {
      return supportDataType(mt.keyType()) && supportDataType(mt.valueType());
    } else if (type instanceof UserDefinedType<?> udt) {
      return supportDataType(udt.sqlType());
    }
    return false;
  }

  private static StructType concat(StructType a, StructType b) {
    StructField[] fields = new StructField[a.fields().length + b.fields().length];
    System.arraycopy(a.fields(), 0, fields, 0, a.fields().length);
    System.arraycopy(b.fields(), 0, fields, a.fields().length, b.fields().length);
    return new StructType(fields);
  }

  private static SessionState state(SparkSession spark) {
    return ((org.apache.spark.sql.classic.SparkSession) spark).sessionState();
  }
}
