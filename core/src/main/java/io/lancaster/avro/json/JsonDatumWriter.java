package io.lancaster.avro.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.PrimitiveSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaVisitor;
import io.lancaster.avro.schema.UnionSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes generic values in the spec's JSON encoding, the form people read and tools like {@code avro-tools
 * tojson} print: records and maps as objects, enums as their symbol, bytes and fixed as strings of code points
 * 0-255, a non-null union value as {@code {"<branch name>": value}} (the full name for named types) and a null
 * one as {@code null}. JSON has no NaN or infinities, so float and double write them as the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}, as Apache Avro's {@code JsonEncoder} does.
 *
 * <p>The schema is compiled once, by a {@link SchemaVisitor}, into a tree of small writers; the instance is
 * thread-safe and meant to be reused for every datum. Values are the generic ones
 * ({@link io.lancaster.avro.generic.GenericRecord} etc.); one that does not fit the schema raises an
 * {@link io.lancaster.avro.AvroTypeException} naming the field path.
 */
public final class JsonDatumWriter {
  /** For {@link #toJson}: deep enough for deeply recursive values, where each level may add a union's object. */
  private static final com.fasterxml.jackson.core.JsonFactory TEXT_FACTORY = Json.factory(10_000);

  private final Schema schema;
  private final JsonValueWriter root;

  public JsonDatumWriter(Schema schema) {
    this.schema = schema;
    this.root = SchemaVisitor.visit(schema, new Builder());
  }

  public Schema schema() {
    return schema;
  }

  /** Writes one datum as one JSON value; the caller owns the generator (separators, flushing, closing). */
  public void write(Object datum, JsonGenerator out) throws IOException {
    root.write(datum, out);
  }

  /** One datum as compact JSON text. */
  public String toJson(Object datum) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = TEXT_FACTORY.createGenerator(text)) {
      root.write(datum, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** Builds the writer tree; the one place where the schema is interpreted. */
  private static final class Builder extends SchemaVisitor<JsonValueWriter> {
    @Override
    public JsonValueWriter record(RecordSchema record, List<JsonValueWriter> fields) {
      return JsonValueWriters.record(record, fields);
    }

    @Override
    public JsonValueWriter enumSchema(EnumSchema schema) {
      return JsonValueWriters.enums(schema);
    }

    @Override
    public JsonValueWriter fixed(FixedSchema schema) {
      return JsonValueWriters.fixed(schema);
    }

    @Override
    public JsonValueWriter array(ArraySchema array, JsonValueWriter items) {
      return JsonValueWriters.array(items);
    }

    @Override
    public JsonValueWriter map(MapSchema map, JsonValueWriter values) {
      return JsonValueWriters.map(values);
    }

    @Override
    public JsonValueWriter union(UnionSchema union, List<JsonValueWriter> branches) {
      return JsonValueWriters.union(union, branches);
    }

    @Override
    public JsonValueWriter primitive(PrimitiveSchema schema) {
      switch (schema.type()) {
        case NULL: return JsonValueWriters.nulls();
        case BOOLEAN: return JsonValueWriters.booleans();
        case INT: return JsonValueWriters.ints();
        case LONG: return JsonValueWriters.longs();
        case FLOAT: return JsonValueWriters.floats();
        case DOUBLE: return JsonValueWriters.doubles();
        case STRING: return JsonValueWriters.strings();
        case BYTES: return JsonValueWriters.bytes();
        default: throw new AssertionError(schema.type());
      }
    }

    @Override
    public JsonValueWriter recursive(RecordSchema record, Supplier<JsonValueWriter> resolved) {
      return JsonValueWriters.recursive(resolved);
    }
  }
}
