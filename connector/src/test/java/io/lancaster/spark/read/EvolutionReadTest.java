package io.lancaster.spark.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.schema.Schema;
import io.lancaster.spark.read.AvroFiles.Writer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Schema evolution: files read with a reader schema given by {@code avroSchema} (JSON) or {@code avroSchemaUrl} (a
 * file: URL) resolve as in spark-avro (which resolves with Apache Avro): added fields with defaults, removed
 * fields, promotions, a field renamed through an alias, an enum with new symbols and a default, widened unions.
 */
class EvolutionReadTest {
  @TempDir Path dir;

  /**
   * One evolution: the writer's and the reader's fields (after an int {@code id}; JSON with single quotes for
   * double) and a maker of the other fields' values of a row.
   */
  record Evolution(String name, String writerFields, String readerFields, IntFunction<Object[]> values) {
    Schema writer() {
      return Schema.parse(record(writerFields));
    }

    String reader() {
      return record(readerFields);
    }

    private static String record(String fields) {
      return json("{'type':'record','name':'Ev','namespace':'ev','fields':[{'name':'id','type':'int'}," + fields
          + "]}");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static List<Evolution> evolutions() {
    Schema colorWriter = Schema.parse(json("{'type':'enum','name':'Color','namespace':'ev',"
        + "'symbols':['RED','GREEN','PURPLE']}"));
    return List.of(
        new Evolution("added fields with defaults", "{'name':'a','type':'string'}",
            "{'name':'a','type':'string'},{'name':'country','type':'string','default':'NZ'},"
                + "{'name':'score','type':['null','double'],'default':null},"
                + "{'name':'tags','type':{'type':'array','items':'long'},'default':[1,2]},"
                + "{'name':'pt','type':{'type':'record','name':'Pt','fields':[{'name':'x',"
                + "'type':'int'},{'name':'y','type':'int','default':-1}]},'default':{'x':3}}",
            k -> new Object[] {"a" + k}),
        new Evolution("removed fields", "{'name':'old','type':'string'},{'name':'n','type':'int'},"
            + "{'name':'gone','type':{'type':'array','items':'bytes'}}",
            "{'name':'n','type':'int'}",
            k -> new Object[] {"old" + k, k * 3, List.of(Values.bytes(k), Values.bytes())}),
        new Evolution("promotions", "{'name':'i','type':'int'},{'name':'f','type':'float'},"
            + "{'name':'l','type':'long'},{'name':'s','type':'bytes'},"
            + "{'name':'a','type':{'type':'array','items':'int'}}",
            "{'name':'i','type':'long'},{'name':'f','type':'double'},{'name':'l','type':'double'},"
                + "{'name':'s','type':'string'},{'name':'a','type':{'type':'array','items':'double'}}",
            k -> new Object[] {k == 1 ? Integer.MIN_VALUE : k * 1000, k * 0.1f, (1L << 60) + k,
                Values.bytes(104, 105), List.of(k, -k)}),
        new Evolution("renamed through an alias", "{'name':'name','type':'string'}",
            "{'name':'full_name','type':'string','aliases':['name']}", k -> new Object[] {"n" + k}),
        new Evolution("enum with added symbols and a default",
            "{'name':'c','type':" + colorWriter + "}",
            "{'name':'c','type':{'type':'enum','name':'Color','symbols':['BLUE','GREEN','RED',"
                + "'YELLOW'],'default':'YELLOW'}}",
            k -> new Object[] {Values.symbol(colorWriter, List.of("RED", "GREEN", "PURPLE").get(k % 3))}),
        new Evolution("widened unions", "{'name':'u','type':['null','int']},{'name':'v','type':'int'},"
            + "{'name':'w','type':['int','string']}",
            "{'name':'u','type':['null','int','string']},{'name':'v','type':['null','long']},"
                + "{'name':'w','type':['null','string','long']}",
            k -> new Object[] {k % 2 == 0 ? null : k, k, k % 2 == 0 ? (Object) k : "w" + k}));
  }

  static Stream<Arguments> evolutionsAndSchemaOptions() {
    List<Arguments> out = new ArrayList<>();
    for (Evolution e : evolutions()) {
      out.add(Arguments.of(e, false));
      if (e.name().startsWith("added") || e.name().startsWith("enum")) {
        out.add(Arguments.of(e, true));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}, by URL {1}")
  @MethodSource("evolutionsAndSchemaOptions")
  void readerSchemaResolvesAsInSparkAvro(Evolution e, boolean byUrl) throws IOException {
    Schema writer = e.writer();
    List<Object> rows = new ArrayList<>();
    for (int k = 0; k < 6; k++) {
      Object[] fields = e.values().apply(k);
      Object[] all = new Object[fields.length + 1];
      all[0] = k;
      System.arraycopy(fields, 0, all, 1, fields.length);
      rows.add(Values.record(writer, all));
    }
    Path data = dir.resolve("data");
    AvroFiles.write(byUrl ? Writer.APACHE : Writer.LANCASTER, data.resolve("a.avro"), writer, rows);
    Map<String, String> options;
    if (byUrl) {
      Path schemaFile = Files.writeString(dir.resolve("reader.avsc"), e.reader());
      options = Map.of("avroSchemaUrl", schemaFile.toUri().toString());
    } else {
      options = Map.of("avroSchema", e.reader());
    }
    BothReaders.Outcome ours = BothReaders.assertSameRead(e.name(), data.toString(), options);
    assertThat(ours.rows()).hasSize(6);
    BothReaders.Outcome asWritten = BothReaders.read(BothReaders.LANCASTER, data.toString(), Map.of(), df -> df);
    assertThat(List.of(ours.schema(), ours.rows())).as("the reader schema changes what is read")
        .isNotEqualTo(List.of(asWritten.schema(), asWritten.rows()));
  }

  @Test
  void incompatibleReaderSchemaFailsInBoth() {
    Schema writer = Schema.parse(json("{'type':'record','name':'Ev','fields':[{'name':'v','type':'string'}]}"));
    AvroFiles.write(Writer.LANCASTER, dir.resolve("a.avro"), writer, List.of(Values.record(writer, "x")));
    String reader = json("{'type':'record','name':'Ev','fields':[{'name':'v','type':'int'}]}");
    BothReaders.Outcome ours = BothReaders.assertAlike("string read as int", dir.toString(),
        Map.of("avroSchema", reader), df -> df);
    assertThat(ours.failed()).isTrue();
  }

  @Test
  void readerFieldWithoutDefaultMissingFromTheFileFailsInBoth() {
    Schema writer = Schema.parse(json("{'type':'record','name':'Ev','fields':[{'name':'v','type':'int'}]}"));
    AvroFiles.write(Writer.LANCASTER, dir.resolve("a.avro"), writer, List.of(Values.record(writer, 1)));
    String reader = json("{'type':'record','name':'Ev','fields':[{'name':'v','type':'int'},"
        + "{'name':'w','type':'string'}]}");
    BothReaders.Outcome ours = BothReaders.assertAlike("missing w", dir.toString(), Map.of("avroSchema", reader),
        df -> df);
    assertThat(ours.failed()).isTrue();
  }

  private static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }
}
