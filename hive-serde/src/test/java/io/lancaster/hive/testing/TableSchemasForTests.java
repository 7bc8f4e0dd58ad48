package io.lancaster.hive.testing;

/** Table schemas the tests share. */
public final class TableSchemasForTests {
  private TableSchemasForTests() {}

  /** Every type Hive's AvroSerDe maps, nullable and not, nested. */
  public static final String ALL_TYPES = """
      {"type": "record", "name": "AllTypes", "namespace": "test", "doc": "every type", "fields": [
        {"name": "flag", "type": "boolean", "doc": "a boolean"},
        {"name": "i", "type": "int"},
        {"name": "l", "type": "long"},
        {"name": "f", "type": "float"},
        {"name": "d", "type": "double"},
        {"name": "s", "type": "string"},
        {"name": "bin", "type": "bytes"},
        {"name": "color", "type": {"type": "enum", "name": "Color", "symbols": ["RED", "GREEN", "BLUE"]}},
        {"name": "fx", "type": {"type": "fixed", "name": "F4", "size": 4}},
        {"name": "dec", "type": {"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 2}},
        {"name": "day", "type": {"type": "int", "logicalType": "date"}},
        {"name": "ts", "type": {"type": "long", "logicalType": "timestamp-millis"}},
        {"name": "c", "type": {"type": "string", "logicalType": "char", "maxLength": 5}},
        {"name": "vc", "type": {"type": "string", "logicalType": "varchar", "maxLength": 10}},
        {"name": "ints", "type": {"type": "array", "items": "int"}},
        {"name": "attrs", "type": {"type": "map", "values": ["null", "string"]}},
        {"name": "inner", "type": {"type": "record", "name": "Inner", "fields": [
          {"name": "x", "type": "int"},
          {"name": "y", "type": ["null", "string"], "default": null}]}},
        {"name": "opt", "type": ["null", "long"], "default": null},
        {"name": "optLast", "type": ["double", "null"], "default": 0.5},
        {"name": "u", "type": ["null", "int", "string"], "default": null}
      ]}""";
}
