package io.lancaster.hive.schema;

import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.RecordSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hive.serde2.objectinspector.ObjectInspector;
import org.apache.hadoop.hive.serde2.objectinspector.ObjectInspectorFactory;
import org.apache.hadoop.hive.serde2.objectinspector.StructObjectInspector;
import org.apache.hadoop.hive.serde2.objectinspector.primitive.PrimitiveObjectInspectorFactory;
import org.apache.hadoop.hive.serde2.typeinfo.TypeInfo;
import org.apache.hadoop.hive.serde2.typeinfo.TypeInfoFactory;
import org.apache.hadoop.hive.serde2.typeinfo.TypeInfoUtils;

/**
 * The Hive view of a table's Avro schema: one column per top-level field (named as the field, commented with its
 * doc), its Hive type ({@link HiveTypes}) and the row's object inspector, whose values are Hive's standard Java
 * objects. Built once per (schema, union mapping) and shared by every SerDe of the JVM.
 */
public final class TableLayout {
  private static final int CAPACITY = 128;
  private static final Map<String, TableLayout> CACHE = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f,
      true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, TableLayout> eldest) {
      return size() > CAPACITY;
    }
  });

  /** Hive's sentinel columns for a table whose schema cannot be determined; they spell the problem out. */
  private static final List<String> UNUSABLE_COLUMNS = List.of("error_error_error_error_error_error_error",
      "cannot_determine_schema", "check", "schema", "url", "and", "literal");

  private final RecordSchema schema;
  private final UnionMapping unions;
  private final List<String> columnNames;
  private final List<TypeInfo> columnTypes;
  private final StructObjectInspector rowInspector;

  private TableLayout(RecordSchema schema, UnionMapping unions, List<String> names, List<TypeInfo> types,
      StructObjectInspector rowInspector) {
    this.schema = schema;
    this.unions = unions;
    this.columnNames = List.copyOf(names);
    this.columnTypes = List.copyOf(types);
    this.rowInspector = rowInspector;
  }

  /**
   * The layout of a table schema.
   *
   * @throws TableSchemaException when a field has no Hive type
   */
  public static TableLayout of(RecordSchema schema, UnionMapping unions) {
    String key = unions + " " + schema;
    TableLayout layout = CACHE.get(key);
    if (layout == null) {
      layout = build(schema, unions);
      CACHE.put(key, layout);
    }
    return layout;
  }

  private static TableLayout build(RecordSchema schema, UnionMapping unions) {
    List<String> names = new ArrayList<>();
    List<TypeInfo> types = new ArrayList<>();
    List<String> comments = new ArrayList<>();
    List<ObjectInspector> inspectors = new ArrayList<>();
    for (Field f : schema.fields()) {
      TypeInfo type;
      try {
        type = HiveTypes.of(f.schema(), unions);
      } catch (TableSchemaException e) {
        throw new TableSchemaException("column " + f.name() + ": " + e.getMessage(), e);
      }
      names.add(f.name());
      types.add(type);
      comments.add(f.doc() == null ? "" : f.doc());
      inspectors.add(TypeInfoUtils.getStandardJavaObjectInspectorFromTypeInfo(type));
    }
    return new TableLayout(schema, unions, names, types,
        ObjectInspectorFactory.getStandardStructObjectInspector(names, inspectors, comments));
  }

  /**
   * Hive's stand-in for a table whose schema cannot be determined (so that the table can still be altered): string
   * columns that spell "cannot determine schema, check schema url and literal", the first commented with
   * {@code problem}. It has no Avro schema; reading or writing with it fails.
   */
  public static TableLayout unusable(String problem) {
    List<TypeInfo> types = new ArrayList<>();
    List<ObjectInspector> inspectors = new ArrayList<>();
    List<String> comments = new ArrayList<>();
    for (int i = 0; i < UNUSABLE_COLUMNS.size(); i++) {
      types.add(TypeInfoFactory.stringTypeInfo);
      inspectors.add(PrimitiveObjectInspectorFactory.javaStringObjectInspector);
      comments.add(i == 0 ? problem : "");
    }
    return new TableLayout(null, UnionMapping.DEFAULT, UNUSABLE_COLUMNS, types,
        ObjectInspectorFactory.getStandardStructObjectInspector(UNUSABLE_COLUMNS, inspectors, comments));
  }

  /** The table's Avro schema; null for an {@link #unusable} layout. */
  public RecordSchema schema() {
    return schema;
  }

  public UnionMapping unions() {
    return unions;
  }

  public List<String> columnNames() {
    return columnNames;
  }

  public List<TypeInfo> columnTypes() {
    return columnTypes;
  }

  /** The inspector of the rows the SerDe reads: a standard struct of standard Java objects. */
  public StructObjectInspector rowInspector() {
    return rowInspector;
  }
}
