package io.lancaster.hive.schema;

import io.lancaster.avro.json.Json;
import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.Name;
import io.lancaster.avro.schema.PrimitiveSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hive.serde2.objectinspector.PrimitiveObjectInspector.PrimitiveCategory;
import org.apache.hadoop.hive.serde2.typeinfo.CharTypeInfo;
import org.apache.hadoop.hive.serde2.typeinfo.DecimalTypeInfo;
import org.apache.hadoop.hive.serde2.typeinfo.ListTypeInfo;
import org.apache.hadoop.hive.serde2.typeinfo.MapTypeInfo;
import org.apache.hadoop.hive.serde2.typeinfo.PrimitiveTypeInfo;
import org.apache.hadoop.hive.serde2.typeinfo.StructTypeInfo;
import org.apache.hadoop.hive.serde2.typeinfo.TypeInfo;
import org.apache.hadoop.hive.serde2.typeinfo.UnionTypeInfo;
import org.apache.hadoop.hive.serde2.typeinfo.VarcharTypeInfo;

/**
 * The Avro schema of a table declared by its columns only, exactly as Hive's AvroSerDe derives it (so that files
 * written by either SerDe have the same schema): a record named after the table, every field (and every nested
 * field, array item and map value) a union of null and its type with default null, nested structs as records
 * {@code record_0}, {@code record_1}, ... documented with their Hive type; tinyint and smallint as int, char and
 * varchar as strings with Hive's {@code logicalType} and {@code maxLength}, decimal as bytes, date as int,
 * timestamp as long timestamp-millis.
 */
public final class ColumnsToAvro {
  private static final String DEFAULT_RECORD_NAME = "baseRecord";

  private int records;

  private ColumnsToAvro() {}

  /**
   * The record schema of a table's columns.
   *
   * @param comments column comments, possibly fewer than the columns
   * @param namespace the record's namespace, or null
   * @param name the record's name, or null or empty for {@value #DEFAULT_RECORD_NAME}; a dotted name is a full name
   * @param doc the record's documentation, or null
   * @throws TableSchemaException for a Hive type with no Avro equivalent (such as a map whose keys are not strings)
   */
  public static RecordSchema convert(List<String> names, List<TypeInfo> types, List<String> comments,
      String namespace, String name, String doc) {
    if (names.size() != types.size()) {
      throw new TableSchemaException("the table has " + names.size() + " column names but " + types.size()
          + " column types: " + names + ", " + types);
    }
    ColumnsToAvro converter = new ColumnsToAvro();
    List<Field> fields = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      String comment = i < comments.size() ? comments.get(i) : null;
      fields.add(converter.field(names.get(i), types.get(i), comment));
    }
    String recordName = name == null || name.isEmpty() ? DEFAULT_RECORD_NAME : name;
    RecordSchema record = new RecordSchema(Name.resolve(recordName, namespace), doc, null, false, null);
    record.setFields(fields);
    return record;
  }

  private Field field(String name, TypeInfo type, String doc) {
    if (!Name.isValidSimpleName(name)) {
      throw new TableSchemaException("column or field \"" + name + "\" is not a valid Avro name"
          + " ([A-Za-z_][A-Za-z0-9_]*): give the table an avro.schema.literal with valid names");
    }
    return new Field(name, schema(type), doc, Json.NULL, Field.Order.ASCENDING, null, null);
  }

  /** The nullable schema of a Hive type. */
  private Schema schema(TypeInfo type) {
    Schema s = switch (type.getCategory()) {
      case PRIMITIVE -> primitive((PrimitiveTypeInfo) type);
      case LIST -> new ArraySchema(schema(((ListTypeInfo) type).getListElementTypeInfo()));
      case MAP -> map((MapTypeInfo) type);
      case STRUCT -> record((StructTypeInfo) type);
      case UNION -> union((UnionTypeInfo) type);
    };
    return nullable(s);
  }

  private Schema map(MapTypeInfo type) {
    TypeInfo key = type.getMapKeyTypeInfo();
    if (!(key instanceof PrimitiveTypeInfo p) || p.getPrimitiveCategory() != PrimitiveCategory.STRING) {
      throw new TableSchemaException("Avro map keys are strings; no Avro type for " + type.getTypeName());
    }
    return new MapSchema(schema(type.getMapValueTypeInfo()));
  }

  private Schema record(StructTypeInfo type) {
    List<String> names = type.getAllStructFieldNames();
    List<TypeInfo> types = type.getAllStructFieldTypeInfos();
    List<Field> fields = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      fields.add(field(names.get(i), types.get(i), types.get(i).toString()));
    }
    RecordSchema record = new RecordSchema(new Name(null, "record_" + records++), type.toString(), null, false, null);
    record.setFields(fields);
    return record;
  }

  private Schema union(UnionTypeInfo type) {
    List<Schema> branches = new ArrayList<>();
    for (TypeInfo member : type.getAllUnionObjectTypeInfos()) {
      Schema s = schema(member);
      if (s instanceof UnionSchema u) {
        branches.addAll(u.branches());
      } else {
        branches.add(s);
      }
    }
    return new UnionSchema(nullFirst(branches));
  }

  private static Schema nullable(Schema s) {
    if (s.type() == Schema.Type.NULL) {
      return s;
    }
    if (s instanceof UnionSchema u) {
      return new UnionSchema(nullFirst(u.branches()));
    }
    return new UnionSchema(List.of(PrimitiveSchema.of(Schema.Type.NULL), s));
  }

  /** The branches without null, and one null first if there was any: Hive's order. */
  private static List<Schema> nullFirst(List<Schema> branches) {
    List<Schema> result = new ArrayList<>(branches.size() + 1);
    boolean hasNull = false;
    for (Schema b : branches) {
      if (b.type() == Schema.Type.NULL) {
        hasNull = true;
      } else {
        result.add(b);
      }
    }
    if (hasNull) {
      result.add(0, PrimitiveSchema.of(Schema.Type.NULL));
    }
    return result;
  }

  private static Schema primitive(PrimitiveTypeInfo type) {
    return switch (type.getPrimitiveCategory()) {
      case STRING -> PrimitiveSchema.of(Schema.Type.STRING);
      case CHAR -> annotated(Schema.Type.STRING, "logicalType", "char", "maxLength",
          (long) ((CharTypeInfo) type).getLength());
      case VARCHAR -> annotated(Schema.Type.STRING, "logicalType", "varchar", "maxLength",
          (long) ((VarcharTypeInfo) type).getLength());
      case BINARY -> PrimitiveSchema.of(Schema.Type.BYTES);
      case BYTE, SHORT, INT -> PrimitiveSchema.of(Schema.Type.INT);
      case LONG -> PrimitiveSchema.of(Schema.Type.LONG);
      case FLOAT -> PrimitiveSchema.of(Schema.Type.FLOAT);
      case DOUBLE -> PrimitiveSchema.of(Schema.Type.DOUBLE);
      case BOOLEAN -> PrimitiveSchema.of(Schema.Type.BOOLEAN);
      case DECIMAL -> annotated(Schema.Type.BYTES, "logicalType", "decimal",
          "precision", (long) ((DecimalTypeInfo) type).precision(),
          "scale", (long) ((DecimalTypeInfo) type).scale());
      case DATE -> annotated(Schema.Type.INT, "logicalType", "date");
      case TIMESTAMP -> annotated(Schema.Type.LONG, "logicalType", "timestamp-millis");
      case VOID -> PrimitiveSchema.of(Schema.Type.NULL);
      default -> throw new TableSchemaException("no Avro type for Hive type " + type.getTypeName());
    };
  }

  private static Schema annotated(Schema.Type type, Object... keysAndValues) {
    Map<String, Object> props = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      props.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return PrimitiveSchema.of(type, props);
  }
}
