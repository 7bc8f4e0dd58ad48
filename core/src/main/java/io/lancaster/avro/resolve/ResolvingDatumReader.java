package io.lancaster.avro.resolve;

import io.lancaster.avro.generic.DatumReader;
import io.lancaster.avro.generic.GenericDatumReader;
import io.lancaster.avro.generic.ValueReader;
import io.lancaster.avro.generic.ValueReaders;
import io.lancaster.avro.io.Decoder;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.Schema;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads data written with one schema as generic values of another (schema evolution). The pair is resolved once
 * into a {@link ReadAction} plan, and the plan into a tree of {@link ValueReader}s: writer fields the reader does
 * not want are skipped without being materialised (whole array and map blocks at a time where the writer gave
 * their sizes), missing reader fields are filled from their defaults, promotions and enum mappings are fixed.
 * Thread-safe once built.
 *
 * @throws SchemaResolutionException from the constructor when the pair cannot resolve
 */
public final class ResolvingDatumReader implements DatumReader<Object> {
  private final Schema writer;
  private final Schema reader;
  private final ReadAction plan;
  private final ValueReader root;
  private final ValueReader writerSkipper;

  public ResolvingDatumReader(Schema writer, Schema reader) {
    this(writer, reader, ResolutionOptions.DEFAULT);
  }

  public ResolvingDatumReader(Schema writer, Schema reader, ResolutionOptions options) {
    this.writer = writer;
    this.reader = reader;
    this.plan = Resolver.plan(writer, reader, options);
    this.root = new Builder().build(plan);
    this.writerSkipper = skipperOf(writer);
  }

  private static ValueReader skipperOf(Schema writer) {
    GenericDatumReader r = new GenericDatumReader(writer);
    return new ValueReader() {
      @Override
      public Object read(Decoder in) throws IOException {
        return r.read(in);
      }

      @Override
      public void skip(Decoder in) throws IOException {
        r.skip(in);
      }
    };
  }

  public Schema writerSchema() {
    return writer;
  }

  public Schema readerSchema() {
    return reader;
  }

  /** The compiled plan, for readers of other object models. */
  public ReadAction plan() {
    return plan;
  }

  @Override
  public Object read(Decoder in) throws IOException {
    return root.read(in);
  }

  /** Skips one datum of the writer's schema. */
  @Override
  public void skip(Decoder in) throws IOException {
    writerSkipper.skip(in);
  }

  /** Turns the plan into readers; a plan node reached twice (shared or recursive) gets one reader. */
  private static final class Builder {
    private final Map<ReadAction, ValueReader> built = new IdentityHashMap<>();
    private final Map<Schema, ValueReader> skippers = new IdentityHashMap<>();

    ValueReader build(ReadAction action) {
      ValueReader done = built.get(action);
      if (done != null) {
        return done;
      }
      ValueReader r = create(action);
      built.put(action, r);
      return r;
    }

    private ValueReader skipper(Schema writer) {
      return skippers.computeIfAbsent(writer, ResolvingDatumReader::skipperOf);
    }

    private ValueReader create(ReadAction action) {
      if (action instanceof ReadAction.Primitive p) {
        return ValueReaders.primitive(p.reader().type());
      } else if (action instanceof ReadAction.Promote p) {
        return ResolvingReaders.promote(p.from(), p.reader().type());
      } else if (action instanceof ReadAction.Fixed f) {
        return ValueReaders.fixed((FixedSchema) f.reader());
      } else if (action instanceof ReadAction.Enum e) {
        return new ResolvingReaders.EnumReader(e);
      } else if (action instanceof ReadAction.Array a) {
        return ValueReaders.array(build(a.items()));
      } else if (action instanceof ReadAction.Map m) {
        return ValueReaders.map(build(m.values()));
      } else if (action instanceof ReadAction.Record r) {
        return record(r);
      } else if (action instanceof ReadAction.WriterUnion u) {
        ValueReader[] branches = new ValueReader[u.branches().size()];
        for (int i = 0; i < branches.length; i++) {
          branches[i] = build(u.branches().get(i));
        }
        return new ResolvingReaders.WriterUnionReader(branches);
      } else if (action instanceof ReadAction.ReaderUnion u) {
        return build(u.action()); // the writer wrote no branch index: the value itself
      } else if (action instanceof ReadAction.Unresolvable u) {
        String where = u.path().isEmpty() ? "" : " (field " + u.path() + ")";
        return new ResolvingReaders.UnresolvableReader(u.reason() + where, skipper(u.writer()));
      } else if (action instanceof ReadAction.Recursive rec) {
        ReadAction.Recursive target = rec;
        return ValueReaders.recursive(() -> build(target.target()));
      }
      throw new AssertionError("unknown plan node " + action);
    }

    private ValueReader record(ReadAction.Record r) {
      List<ReadAction.FieldStep> steps = r.steps();
      int[] positions = new int[steps.size()];
      ValueReader[] readers = new ValueReader[steps.size()];
      String[] names = new String[steps.size()];
      for (int i = 0; i < steps.size(); i++) {
        ReadAction.FieldStep step = steps.get(i);
        if (step instanceof ReadAction.ReadField f) {
          positions[i] = f.readerPosition();
          readers[i] = build(f.action());
          names[i] = f.readerField();
        } else {
          ReadAction.SkipField s = (ReadAction.SkipField) step;
          positions[i] = -1;
          readers[i] = skipper(s.writer());
          names[i] = s.writerField();
        }
      }
      int[] defaultPositions = new int[r.defaults().size()];
      Object[] defaults = new Object[r.defaults().size()];
      for (int i = 0; i < defaults.length; i++) {
        defaultPositions[i] = r.defaults().get(i).field().position();
        defaults[i] = r.defaults().get(i).value();
      }
      return new ResolvingReaders.RecordReader(r.reader(), positions, readers, names, defaultPositions, defaults);
    }
  }
}
