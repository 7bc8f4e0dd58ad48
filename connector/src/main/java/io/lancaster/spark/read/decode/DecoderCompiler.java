package io.lancaster.spark.read.decode;

import io.lancaster.avro.file.MinimumSize;
import io.lancaster.avro.generic.GenericDatumReader;
import io.lancaster.avro.generic.GenericDatumWriter;
import io.lancaster.avro.io.BufferEncoder;
import io.lancaster.avro.io.ByteArrayDecoder;
import io.lancaster.avro.io.ReadLimits;
import io.lancaster.avro.resolve.ReadAction;
import io.lancaster.avro.resolve.Resolver;
import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.LogicalType;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.PrimitiveSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import io.lancaster.spark.types.AvroToSpark;
import io.lancaster.spark.types.TypeMappingOptions;
import io.lancaster.spark.types.UnionShape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DayTimeIntervalType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimeType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.sql.types.YearMonthIntervalType;

/**
 * Compiles a resolution plan (the file's writer schema against the read schema) and the Spark type the query
 * requests into a tree of {@link ColumnDecoder}s. Every decision is taken here, once per file: field matching,
 * pruning (what the query does not request is skipped by the writer's schema), promotions, logical types, union
 * members, defaults and the calendar rebase. The conversions are spark-avro's, so both read the same values.
 */
public final class DecoderCompiler {
  private final TypeMappingOptions typeOptions;
  private final FieldMatcher matcher;
  private final DateTimeRebase rebase;
  private final ReadLimits limits;
  private final Map<Schema, GenericDatumReader> skippers = new HashMap<>();

  public DecoderCompiler(TypeMappingOptions typeOptions, FieldMatcher matcher, DateTimeRebase rebase,
      ReadLimits limits) {
    this.typeOptions = typeOptions;
    this.matcher = matcher;
    this.rebase = rebase;
    this.limits = limits;
  }

  /**
   * The decoder of a file's records into a struct vector of {@code requested} (its children are the batch's
   * columns). A record read schema maps field by field; any other read schema is the single column {@code value}.
   */
  public ColumnDecoder compileRoot(ReadAction plan, StructType requested) {
    if (unwrap(plan) instanceof ReadAction.Record) {
      return compile(plan, requested, "");
    }
    int value = requested.getFieldIndex("value").isDefined() ? requested.fieldIndex("value") : -1;
    ColumnDecoder decoder = value < 0 ? skipper(writerOf(plan)) : compile(plan, requested.fields()[value].dataType(),
        "value");
    List<Structs.Fill> fills = new ArrayList<>();
    for (int j = 0; j < requested.fields().length; j++) {
      if (j != value) {
        fills.add(new Structs.Fill(j, ConstantWriter.NULL));
      }
    }
    return new Structs.Record(new Structs.Step[] {new Structs.Step("value", value, decoder)},
        fills.toArray(new Structs.Fill[0]));
  }

  private static ReadAction unwrap(ReadAction a) {
    return a instanceof ReadAction.Recursive r ? r.target() : a;
  }

  ColumnDecoder compile(ReadAction action, DataType type, String path) {
    if (type instanceof NullType) {
      return new Skipping(skipper(writerOf(action)));
    }
    if (action instanceof ReadAction.Primitive p) {
      return primitive(p.reader(), p.reader().type(), type, path);
    } else if (action instanceof ReadAction.Promote p) {
      return primitive(p.reader(), p.from(), type, path);
    } else if (action instanceof ReadAction.Fixed f) {
      return fixed(f.reader(), type, path);
    } else if (action instanceof ReadAction.Enum e) {
      return enumSymbols(e, type, path);
    } else if (action instanceof ReadAction.Array a) {
      if (!(type instanceof ArrayType at)) {
        throw mismatch(action.reader(), type, path);
      }
      ColumnDecoder items = compile(a.items(), at.elementType(), path + "[]");
      return new Collections.Array(items, MinimumSize.of(writerOf(a.items())));
    } else if (action instanceof ReadAction.Map m) {
      if (!(type instanceof MapType mt) || !(mt.keyType() instanceof StringType)) {
        throw mismatch(action.reader(), type, path);
      }
      return new Collections.Map(compile(m.values(), mt.valueType(), path + "{}"));
    } else if (action instanceof ReadAction.Record r) {
      if (!(type instanceof StructType st)) {
        throw mismatch(action.reader(), type, path);
      }
      return record(r, st, path);
    } else if (action instanceof ReadAction.WriterUnion u) {
      List<ReadAction> branches = u.branches();
      ColumnDecoder[] decoders = new ColumnDecoder[branches.size()];
      for (int i = 0; i < decoders.length; i++) {
        decoders[i] = compile(branches.get(i), type, path);
      }
      return new Unions.Branches(decoders);
    } else if (action instanceof ReadAction.ReaderUnion u) {
      return readerUnion(u, type, path);
    } else if (action instanceof ReadAction.Unresolvable u) {
      return new Primitives.Fail(u.reason() + (u.path() == null || u.path().isEmpty() ? "" : " at " + u.path()));
    } else if (action instanceof ReadAction.Recursive r) {
      return compile(r.target(), type, path);
    }
    throw new IllegalStateException("unknown read action " + action);
  }

  // ---- records

  private ColumnDecoder record(ReadAction.Record r, StructType st, String path) {
    RecordSchema reader = r.reader();
    int[] readerOf = matcher.match(st, reader, path);
    int[] targetOf = new int[reader.fields().size()];
    java.util.Arrays.fill(targetOf, -1);
    for (int j = 0; j < readerOf.length; j++) {
      if (readerOf[j] >= 0) {
        targetOf[readerOf[j]] = j;
      }
    }
    List<Structs.Step> steps = new ArrayList<>();
    List<Schema> skipped = new ArrayList<>(); // consecutive unrequested writer fields, skipped by one program
    String firstSkipped = null;
    for (ReadAction.FieldStep step : r.steps()) {
      if (step instanceof ReadAction.ReadField rf && targetOf[rf.readerPosition()] >= 0) {
        if (!skipped.isEmpty()) {
          steps.add(new Structs.Step(firstSkipped, -1, SkipProgram.of(skipped, this::reader)));
          skipped = new ArrayList<>();
        }
        int j = targetOf[rf.readerPosition()];
        steps.add(new Structs.Step(rf.writerField(), j,
            compile(rf.action(), st.fields()[j].dataType(), join(path, st.fields()[j].name()))));
      } else {
        if (skipped.isEmpty()) {
          firstSkipped = step.writerField();
        }
        skipped.add(step instanceof ReadAction.SkipField sf ? sf.writer()
            : r.writer().field(step.writerField()).schema());
      }
    }
    if (!skipped.isEmpty()) {
      steps.add(new Structs.Step(firstSkipped, -1, SkipProgram.of(skipped, this::reader)));
    }
    List<Structs.Fill> fills = new ArrayList<>();
    for (int j = 0; j < readerOf.length; j++) {
      if (readerOf[j] < 0) {
        fills.add(new Structs.Fill(j, ConstantWriter.NULL));
      }
    }
    for (ReadAction.DefaultField d : r.defaults()) {
      int j = targetOf[d.field().position()];
      if (j >= 0) {
        fills.add(new Structs.Fill(j, defaultValue(d, st.fields()[j], join(path, st.fields()[j].name()))));
      }
    }
    return new Structs.Record(steps.toArray(new Structs.Step[0]), fills.toArray(new Structs.Fill[0]));
  }

  private ConstantWriter defaultValue(ReadAction.DefaultField d, StructField target, String path) {
    Field field = d.field();
    BufferEncoder encoder = new BufferEncoder();
    try {
      new GenericDatumWriter(field.schema()).write(d.value(), encoder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the default of " + path, e);
    }
    byte[] encoded = encoder.toByteArray();
    ColumnDecoder decoder = compile(Resolver.plan(field.schema(), field.schema()), target.dataType(), path);
    return ConstantWriter.encoded(encoded, decoder, new ByteArrayDecoder(encoded, limits));
  }

  // ---- unions

  private ColumnDecoder readerUnion(ReadAction.ReaderUnion u, DataType type, String path) {
    UnionSchema union = u.reader();
    if (u.branch() == union.nullIndex()) {
      return Primitives.Nulls.INSTANCE;
    }
    UnionShape shape = UnionShape.of(union, typeOptions);
    switch (shape.kind()) {
      case NULL_ONLY:
        return Primitives.Nulls.INSTANCE;
      case MEMBERS: {
        if (!(type instanceof StructType st)) {
          throw mismatch(union, type, path);
        }
        int member = shape.memberOf(u.branch());
        StructType members = (StructType) AvroToSpark.toSparkType(union, typeOptions).dataType();
        int target = -1;
        if (member >= 0 && member < members.fields().length) {
          String name = members.fields()[member].name();
          target = st.getFieldIndex(name).isDefined() ? st.fieldIndex(name) : -1;
          if (target < 0 && matcher.positional() && member < st.fields().length) {
            target = member;
          }
        }
        ColumnDecoder decoder = target < 0 ? skipper(writerOf(u.action()))
            : compile(u.action(), st.fields()[target].dataType(), join(path, st.fields()[target].name()));
        return new Unions.Member(target, st.fields().length, decoder);
      }
      default:
        return compile(u.action(), type, path);
    }
  }

  // ---- primitives

  private ColumnDecoder primitive(Schema reader, Schema.Type writer, DataType type, String path) {
    LogicalType logical = reader.logicalType();
    boolean writerInt = writer == Schema.Type.INT;
    switch (reader.type()) {
      case NULL:
        return Primitives.Nulls.INSTANCE;
      case BOOLEAN:
        if (type instanceof BooleanType) {
          return new Primitives.Booleans();
        }
        break;
      case INT:
        if (type instanceof IntegerType || type instanceof YearMonthIntervalType) {
          return new Primitives.Ints();
        } else if (type instanceof DateType) {
          return new Temporals.Dates(rebase);
        } else if (type instanceof TimestampNTZType && logical == LogicalType.Simple.DATE) {
          return new Temporals.DatesAsLocalTimestamps(rebase);
        } else if (type instanceof LongType) {
          return new Primitives.IntsAsLongs();
        } else if (type instanceof DoubleType) {
          return new Primitives.IntsAsDoubles();
        } else if (type instanceof FloatType) {
          return new Primitives.IntsAsFloats();
        }
        break;
      case LONG:
        if (type instanceof LongType || type instanceof DayTimeIntervalType) {
          return writerInt ? new Primitives.IntsAsLongs() : new Primitives.Longs();
        } else if (type instanceof TimestampType) {
          if (logical == null || logical == LogicalType.Simple.TIMESTAMP_MILLIS) {
            return new Temporals.Timestamps(writerInt, true, rebase);
          } else if (logical == LogicalType.Simple.TIMESTAMP_MICROS) {
            return new Temporals.Timestamps(writerInt, false, rebase);
          }
        } else if (type instanceof TimestampNTZType) {
          if (logical == null || logical == LogicalType.Simple.LOCAL_TIMESTAMP_MILLIS) {
            return new Temporals.Timestamps(writerInt, true, DateTimeRebase.CORRECTED);
          } else if (logical == LogicalType.Simple.LOCAL_TIMESTAMP_MICROS) {
            return new Temporals.Timestamps(writerInt, false, DateTimeRebase.CORRECTED);
          }
        } else if (type instanceof TimeType && logical == LogicalType.Simple.TIME_MICROS) {
          return new Temporals.TimeMicros(writerInt);
        } else if (type instanceof DateType) {
          return new Temporals.MillisAsDates(writerInt);
        } else if (type instanceof DecimalType dt && !writerInt && "custom-decimal".equals(
            reader.propertyAsString("logicalType"))) {
          return new Decimals.FromLong(dt.precision());
        } else if (type instanceof DoubleType) {
          return writerInt ? new Primitives.IntsAsDoubles() : new Primitives.LongsAsDoubles();
        } else if (type instanceof FloatType) {
          return writerInt ? new Primitives.IntsAsFloats() : new Primitives.LongsAsFloats();
        }
        break;
      case FLOAT:
        if (type instanceof FloatType) {
          return writerInt ? new Primitives.IntsAsFloats()
              : writer == Schema.Type.LONG ? new Primitives.LongsAsFloats() : new Primitives.Floats();
        } else if (type instanceof DoubleType) {
          return writerInt ? new Primitives.IntsAsDoubles()
              : writer == Schema.Type.LONG ? new Primitives.LongsAsDoubles() : new Primitives.FloatsAsDoubles();
        }
        break;
      case DOUBLE:
        if (type instanceof DoubleType) {
          switch (writer) {
            case INT: return new Primitives.IntsAsDoubles();
            case LONG: return new Primitives.LongsAsDoubles();
            case FLOAT: return new Primitives.FloatsAsDoubles();
            default: return new Primitives.Doubles();
          }
        }
        break;
      case STRING:
        if (type instanceof StringType || type instanceof BinaryType) {
          return new Primitives.Binary(writer == Schema.Type.STRING);
        }
        break;
      case BYTES:
        if (type instanceof BinaryType || type instanceof StringType) {
          return new Primitives.Binary(writer == Schema.Type.STRING);
        } else if (type instanceof DecimalType dt && logical instanceof LogicalType.Decimal d) {
          return decimal(-1, d, dt, reader, path);
        }
        break;
      default:
        break;
    }
    throw mismatch(reader, type, path);
  }

  private ColumnDecoder fixed(FixedSchema reader, DataType type, String path) {
    if (type instanceof BinaryType) {
      return new Primitives.FixedBinary(reader.size());
    } else if (type instanceof DecimalType dt && reader.logicalType() instanceof LogicalType.Decimal d) {
      return decimal(reader.size(), d, dt, reader, path);
    }
    throw mismatch(reader, type, path);
  }

  private ColumnDecoder decimal(int fixedSize, LogicalType.Decimal d, DecimalType dt, Schema reader, String path) {
    if (d.precision() == dt.precision() && d.scale() == dt.scale()) {
      return new Decimals.SameScale(fixedSize, d.precision());
    }
    if (d.precision() - d.scale() > dt.precision() - dt.scale()) {
      // As spark-avro: a read type with fewer integer digits than the file's would silently lose values.
      throw mismatch(reader, dt, path);
    }
    return new Decimals.Rescaled(fixedSize, d.scale(), dt.precision(), dt.scale());
  }

  private ColumnDecoder enumSymbols(ReadAction.Enum e, DataType type, String path) {
    if (!(type instanceof StringType)) {
      throw mismatch(e.reader(), type, path);
    }
    EnumSchema reader = e.reader();
    List<String> writerSymbols = e.writer().symbols();
    byte[][] bytes = new byte[writerSymbols.size()][];
    for (int i = 0; i < bytes.length; i++) {
      int r = e.readerOrdinal()[i];
      bytes[i] = r < 0 ? null : reader.symbols().get(r).getBytes(StandardCharsets.UTF_8);
    }
    return new Primitives.EnumSymbols(bytes, writerSymbols.toArray(new String[0]), reader.fullName());
  }

  // ---- skipping

  private ColumnDecoder skipper(Schema writer) {
    return SkipProgram.of(List.of(writer), this::reader);
  }

  /** The (shared) generic reader that skips values of a writer schema exactly. */
  private GenericDatumReader reader(Schema writer) {
    return skippers.computeIfAbsent(writer, GenericDatumReader::new);
  }

  /** The writer's schema of the values an action reads: what skipping them must follow. */
  static Schema writerOf(ReadAction action) {
    if (action instanceof ReadAction.Primitive p) {
      return p.reader();
    } else if (action instanceof ReadAction.Promote p) {
      return PrimitiveSchema.of(p.from());
    } else if (action instanceof ReadAction.Fixed f) {
      return f.writer();
    } else if (action instanceof ReadAction.Enum e) {
      return e.writer();
    } else if (action instanceof ReadAction.Array a) {
      return new ArraySchema(writerOf(a.items()));
    } else if (action instanceof ReadAction.Map m) {
      return new MapSchema(writerOf(m.values()));
    } else if (action instanceof ReadAction.Record r) {
      return r.writer();
    } else if (action instanceof ReadAction.WriterUnion u) {
      return u.writer();
    } else if (action instanceof ReadAction.ReaderUnion u) {
      return writerOf(u.action());
    } else if (action instanceof ReadAction.Unresolvable u) {
      return u.writer();
    } else if (action instanceof ReadAction.Recursive r) {
      return writerOf(r.target());
    }
    throw new IllegalStateException("unknown read action " + action);
  }

  /** A column of Spark's NullType: the value is skipped and the row is null. */
  private static final class Skipping extends ColumnDecoder {
    private final ColumnDecoder skip;

    Skipping(ColumnDecoder skip) {
      this.skip = skip;
    }

    @Override
    public void decode(ByteArrayDecoder in, org.apache.spark.sql.execution.vectorized.WritableColumnVector out,
        int row) throws IOException {
      skip.decode(in, out, row);
      out.putNull(row);
    }
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static IncompatibleTypeException mismatch(Schema avro, DataType type, String path) {
    return new IncompatibleTypeException("Cannot read Avro " + (path.isEmpty() ? "value" : "field '" + path + "'")
        + " of type " + avro + " as Spark type " + type.sql());
  }
}
