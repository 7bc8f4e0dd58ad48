package io.lancaster.bench.read;

/** The Avro schemas of the benchmark's tables. */
final class TableSchemas {
  static final String ONE_INT = """
      {"type": "record", "name": "OneInt", "namespace": "io.lancaster.bench", "fields": [
        {"name": "i", "type": "int"}]}""";

  static final String INT_AND_STRING = """
      {"type": "record", "name": "IntAndString", "namespace": "io.lancaster.bench", "fields": [
        {"name": "i", "type": "int"}, {"name": "s", "type": "string"}]}""";

  static final String NESTED = """
      {"type": "record", "name": "Nested", "namespace": "io.lancaster.bench", "fields": [
        {"name": "id", "type": "long"},
        {"name": "info", "type": {"type": "record", "name": "Info", "fields": [
          {"name": "a", "type": "int"}, {"name": "b", "type": "string"}, {"name": "c", "type": "double"}]}},
        {"name": "scores", "type": {"type": "array", "items": "int"}},
        {"name": "attrs", "type": {"type": "map", "values": "long"}}]}""";

  private static final String[] WIDE_TYPES = {"int", "long", "double", "string"};

  private TableSchemas() {}

  /**
   * {@code columns} columns cycling through int, long, double and string, named by type and number:
   * {@code int_00, long_00, double_00, string_00, int_01, ...}.
   */
  static String wide(int columns) {
    StringBuilder json = new StringBuilder(
        "{\"type\": \"record\", \"name\": \"Wide\", \"namespace\": \"io.lancaster.bench\", \"fields\": [");
    for (int i = 0; i < columns; i++) {
      if (i > 0) {
        json.append(", ");
      }
      json.append("{\"name\": \"").append(wideColumn(i)).append("\", \"type\": \"").append(WIDE_TYPES[i % 4])
          .append("\"}");
    }
    return json.append("]}").toString();
  }

  /** The name of column {@code i} of {@link #wide}. */
  static String wideColumn(int i) {
    return String.format("%s_%02d", WIDE_TYPES[i % 4], i / 4);
  }
}
