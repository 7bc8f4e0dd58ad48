package io.lancaster.bench.read;

import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.SchemaParser;
import io.lancaster.bench.data.RecordSource;

/** The tables the benchmark reads, with their default sizes (before {@code --scale}). */
public enum BenchTable {
  ONE_INT("one-int", "1 int column", 20_000_000, TableSchemas.ONE_INT) {
    @Override
    public RecordSource records(RecordSchema schema, long firstRow, long seed) {
      return TableRecords.oneInt(schema, firstRow, seed);
    }
  },
  INT_AND_STRING("int-string", "int + string", 20_000_000, TableSchemas.INT_AND_STRING) {
    @Override
    public RecordSource records(RecordSchema schema, long firstRow, long seed) {
      return TableRecords.intAndString(schema, firstRow, seed);
    }
  },
  WIDE("wide-100", "100 columns: int, long, double, string", 2_000_000, TableSchemas.wide(100)) {
    @Override
    public RecordSource records(RecordSchema schema, long firstRow, long seed) {
      return TableRecords.wide(schema, firstRow, seed);
    }
  },
  NESTED("nested", "struct, array, map", 5_000_000, TableSchemas.NESTED) {
    @Override
    public RecordSource records(RecordSchema schema, long firstRow, long seed) {
      return TableRecords.nested(schema, firstRow, seed);
    }
  };

  private final String id;
  private final String description;
  private final long defaultRows;
  private final String schemaJson;

  BenchTable(String id, String description, long defaultRows, String schemaJson) {
    this.id = id;
    this.description = description;
    this.defaultRows = defaultRows;
    this.schemaJson = schemaJson;
  }

  /** The name of the table's directory in the data cache. */
  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  public long defaultRows() {
    return defaultRows;
  }

  public String schemaJson() {
    return schemaJson;
  }

  public RecordSchema schema() {
    return (RecordSchema) new SchemaParser().parse(schemaJson);
  }

  /** The records of one file, whose first row is number {@code firstRow} of the table. */
  public abstract RecordSource records(RecordSchema schema, long firstRow, long seed);
}
