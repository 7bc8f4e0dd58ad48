package io.lancaster.hive.schema;

import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.Name;
import io.lancaster.avro.schema.RecordSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Copies of record schemas with fewer fields: column projections and resolution targets. */
public final class RecordSchemas {
  private RecordSchemas() {}

  /** A record of the same name, doc, aliases and properties with only the fields {@code keep} accepts. */
  public static RecordSchema subset(RecordSchema record, Predicate<Field> keep) {
    List<String> aliases = new ArrayList<>();
    for (Name alias : record.aliases()) {
      aliases.add(alias.fullName());
    }
    RecordSchema copy = new RecordSchema(record.name(), record.doc(), aliases, record.isError(),
        record.properties());
    List<Field> fields = new ArrayList<>();
    for (Field f : record.fields()) {
      if (keep.test(f)) {
        fields.add(new Field(f.name(), f.schema(), f.doc(), f.defaultValue(), f.order(), f.aliases(),
            f.properties()));
      }
    }
    copy.setFields(fields);
    return copy;
  }
}
