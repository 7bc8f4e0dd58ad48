package io.lancaster.spark.read;

import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.schema.Schema;
import io.lancaster.spark.schema.AvroSchemaMerger;
import io.lancaster.spark.types.AvroToSpark;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Spark schema of a set of Avro files: from the read schema given by {@code avroSchema}/{@code avroSchemaUrl};
 * else, as spark-avro, from the writer schema of the first file that can be read; or, with {@code mergeSchema},
 * from every file's writer schema merged into one that all of them resolve to. Only headers are read.
 */
public final class SchemaInference {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaInference.class);

  private SchemaInference() {}

  public static Optional<StructType> infer(List<FileStatus> files, AvroReadOptions options, Configuration conf,
      boolean ignoreCorruptFiles) {
    Schema avro = avroSchema(files, options, conf, ignoreCorruptFiles);
    return Optional.of(AvroToSpark.toStructType(avro, options.typeMapping()));
  }

  static Schema avroSchema(List<FileStatus> files, AvroReadOptions options, Configuration conf,
      boolean ignoreCorruptFiles) {
    if (options.avroSchema() != null) {
      return Schema.parse(options.avroSchema());
    }
    List<Schema> schemas = new ArrayList<>();
    for (FileStatus f : files) {
      if (!options.ignoreExtension() && !f.getPath().getName().endsWith(".avro")) {
        continue;
      }
      Schema s = writerSchema(f, conf, ignoreCorruptFiles);
      if (s == null) {
        continue;
      }
      schemas.add(s);
      if (!options.mergeSchema()) {
        break;
      }
    }
    if (schemas.isEmpty()) {
      throw new UncheckedIOException(new FileNotFoundException("No Avro files found. If files don't have the .avro "
          + "extension, set ignoreExtension to true"));
    }
    return schemas.size() == 1 ? schemas.get(0) : AvroSchemaMerger.merge(schemas);
  }

  private static Schema writerSchema(FileStatus f, Configuration conf, boolean ignoreCorruptFiles) {
    String name = f.getPath().toString();
    try (DataFileReader<Object> reader = DataFileReader.open(HadoopFileInput.open(f.getPath(), f.getLen(), conf),
        name)) {
      return reader.schema();
    } catch (IOException | RuntimeException e) {
      if (ignoreCorruptFiles) {
        LOG.warn("Skipped the corrupted file {} while inferring the schema", name, e);
        return null;
      }
      String message = e instanceof AvroDataException ? e.getMessage() : "Could not read file: " + name + ": "
          + e.getMessage();
      throw new IllegalStateException(message, e);
    }
  }
}
