package io.lancaster.avro.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.lancaster.avro.resolve.ResolutionOptions;
import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.PrimitiveSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaVisitor;
import io.lancaster.avro.schema.UnionSchema;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Reads data in the spec's JSON encoding (what {@link JsonDatumWriter}, Apache Avro's {@code JsonEncoder} and
 * {@code avro-tools tojson} write) into generic values: {@link io.lancaster.avro.generic.GenericRecord} and the
 * rest, as the binary readers produce them. A union value is {@code null} or {@code {"<branch name>": value}};
 * bytes and fixed are strings of code points 0-255; float and double also take {@code "NaN"}, {@code "Infinity"}
 * and {@code "-Infinity"}. What each type accepts, and the leniencies, are documented on the package-private
 * readers ({@code JsonValueReaders}, {@code JsonRecordReader}, {@code JsonUnionReader}) and on
 * {@link JsonReadOptions}.
 *
 * <p>The writer schema is compiled once, by a {@link SchemaVisitor}, into a tree of small readers. With a reader
 * schema, each datum is first read as a value of the writer schema, then resolved by the spec's rules through
 * the binary encoding and a {@link io.lancaster.avro.resolve.ResolvingDatumReader}: JSON is not a hot path, and
 * this way JSON and binary data resolve identically.
 *
 * <p>One call reads one JSON value from a Jackson streaming parser, so a stream of concatenated values or JSON
 * lines reads in a loop:
 *
 * <pre>{@code
 * try (JsonParser p = reader.parser(input)) {
 *   while (p.nextToken() != null) {
 *     Object datum = reader.read(p);
 *   }
 * }
 * }</pre>
 *
 * <p>Data that does not fit the schema raises a {@link JsonDataException} naming the line, the column and the field
 * path; malformed JSON and Jackson's stream constraints raise it too. Thread-safe once built.
 */
public final class JsonDatumReader {
  private final Schema writerSchema;
  private final Schema readerSchema;
  private final JsonReadOptions options;
  private final JsonValueReader root;
  private final JsonResolution resolution;
  private final JsonFactory factory;

  /** Reads JSON written with {@code schema} as values of the same schema. */
  public JsonDatumReader(Schema schema) {
    this(schema, JsonReadOptions.DEFAULT);
  }

  public JsonDatumReader(Schema schema, JsonReadOptions options) {
    this(schema, null, null, options);
  }

  /**
   * Reads JSON written with {@code writer} as values of {@code reader}, by the spec's resolution rules.
   *
   * @throws io.lancaster.avro.resolve.SchemaResolutionException when the schemas cannot resolve
   */
  public JsonDatumReader(Schema writer, Schema reader) {
    this(writer, reader, ResolutionOptions.DEFAULT, JsonReadOptions.DEFAULT);
  }

  public JsonDatumReader(Schema writer, Schema reader, ResolutionOptions resolution) {
    this(writer, reader, resolution, JsonReadOptions.DEFAULT);
  }

  /**
   * @param reader the schema of the values returned, or null for the writer's
   * @param resolution how the schemas resolve; ignored when {@code reader} is null
   */
  public JsonDatumReader(Schema writer, Schema reader, ResolutionOptions resolution, JsonReadOptions options) {
    this.writerSchema = Objects.requireNonNull(writer, "writer");
    this.options = Objects.requireNonNull(options, "options");
    this.readerSchema = reader == null ? writer : reader;
    this.resolution = reader == null ? null : new JsonResolution(writer, reader,
        resolution == null ? ResolutionOptions.DEFAULT : resolution, options.maxNestingDepth());
    this.root = SchemaVisitor.visit(writer, new Builder(options));
    this.factory = options.maxNestingDepth() == JsonReadOptions.DEFAULT_MAX_NESTING_DEPTH ? Json.factory()
        : Json.factory(options.maxNestingDepth());
  }

  /** The schema the JSON was written with. */
  public Schema writerSchema() {
    return writerSchema;
  }

  /** The schema of the values returned (the writer's when no reader schema was given). */
  public Schema readerSchema() {
    return readerSchema;
  }

  public JsonReadOptions options() {
    return options;
  }

  /**
   * Reads one JSON value: the one starting at the parser's current token, or, when the parser has none (it is
   * new, or the previous call consumed its value), the one starting at its next token. The value's tokens are
   * consumed: afterwards the parser has no current token, and {@code nextToken()} moves past the value. After an
   * error the parser is left somewhere inside the bad value; the input is best abandoned.
   *
   * @throws EOFException when the input has no more values
   * @throws JsonDataException when the JSON is malformed or does not fit the schema
   * @throws io.lancaster.avro.resolve.IncompatibleDataException when resolving to a reader schema, for a value
   *     the reader schema cannot hold (a union branch or enum symbol it lacks)
   */
  public Object read(JsonParser in) throws IOException {
    Object value;
    try {
      if (in.currentToken() == null && in.nextToken() == null) {
        throw new EOFException("no JSON value left to read");
      }
      value = root.read(in);
    } catch (JsonProcessingException e) {
      throw JsonErrors.wrap(e, in);
    }
    in.clearCurrentToken();
    return resolution == null ? value : resolution.resolve(value);
  }

  /** Reads the one JSON value of {@code json}; anything but whitespace after it is an error. */
  public Object read(String json) throws IOException {
    try (JsonParser in = factory.createParser(json)) {
      Object value = read(in);
      try {
        if (in.nextToken() != null) {
          throw JsonErrors.at(in, "expected the end of the input after one value, got " + JsonErrors.describe(in));
        }
      } catch (JsonProcessingException e) {
        throw JsonErrors.wrap(e, in);
      }
      return value;
    }
  }

  /** A parser of UTF-8 (or UTF-16/32, detected) JSON bounded by {@link JsonReadOptions#maxNestingDepth()}. */
  public JsonParser parser(InputStream in) throws IOException {
    return factory.createParser(in);
  }

  /** A parser of JSON text bounded by {@link JsonReadOptions#maxNestingDepth()}. */
  public JsonParser parser(Reader in) throws IOException {
    return factory.createParser(in);
  }

  /** Builds the reader tree; the one place where the schema is interpreted. */
  private static final class Builder extends SchemaVisitor<JsonValueReader> {
    private final JsonReadOptions options;

    Builder(JsonReadOptions options) {
      this.options = options;
    }

    @Override
    public JsonValueReader record(RecordSchema record, List<JsonValueReader> fields) {
      return new JsonRecordReader(record, fields, options);
    }

    @Override
    public JsonValueReader enumSchema(EnumSchema schema) {
      return JsonValueReaders.enums(schema);
    }

    @Override
    public JsonValueReader fixed(FixedSchema schema) {
      return JsonValueReaders.fixed(schema);
    }

    @Override
    public JsonValueReader array(ArraySchema array, JsonValueReader items) {
      return JsonValueReaders.array(items);
    }

    @Override
    public JsonValueReader map(MapSchema map, JsonValueReader values) {
      return JsonValueReaders.map(values);
    }

    @Override
    public JsonValueReader union(UnionSchema union, List<JsonValueReader> branches) {
      return new JsonUnionReader(union, branches);
    }

    @Override
    public JsonValueReader primitive(PrimitiveSchema schema) {
      switch (schema.type()) {
        case NULL: return JsonValueReaders.nulls();
        case BOOLEAN: return JsonValueReaders.booleans();
        case INT: return JsonValueReaders.ints();
        case LONG: return JsonValueReaders.longs();
        case FLOAT: return JsonValueReaders.floats();
        case DOUBLE: return JsonValueReaders.doubles();
        case STRING: return JsonValueReaders.strings();
        case BYTES: return JsonValueReaders.bytes();
        default: throw new AssertionError(schema.type());
      }
    }

    @Override
    public JsonValueReader recursive(RecordSchema record, Supplier<JsonValueReader> resolved) {
      return JsonValueReaders.recursive(resolved, options.maxNestingDepth());
    }
  }
}
