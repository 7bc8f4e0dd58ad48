package io.lancaster.spark.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.schema.Schema;
import io.lancaster.spark.read.AvroFiles.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Arrays (empty, nested, of records, of nullable items), maps (empty, of records, of nullable values, of arrays of
 * maps) and records nested three deep: Lancaster reads what spark-avro reads.
 */
class CollectionTypesReadTest {
  static final Schema SCHEMA = Schema.parse("""
      {"type":"record","name":"Coll","fields":[
        {"name":"id","type":"int"},
        {"name":"ints","type":{"type":"array","items":"int"}},
        {"name":"nested","type":{"type":"array","items":{"type":"array","items":"string"}}},
        {"name":"recs","type":{"type":"array","items":{"type":"record","name":"Item","fields":[
          {"name":"x","type":"int"},{"name":"y","type":["null","string"]}]}}},
        {"name":"opt","type":{"type":"array","items":["null","double"]}},
        {"name":"m","type":{"type":"map","values":"long"}},
        {"name":"mrec","type":{"type":"map","values":"Item"}},
        {"name":"mopt","type":{"type":"map","values":["null","string"]}},
        {"name":"mam","type":{"type":"map","values":{"type":"array","items":{"type":"map","values":"boolean"}}}},
        {"name":"deep","type":{"type":"record","name":"L1","fields":[
          {"name":"a","type":"int"},
          {"name":"l2","type":{"type":"record","name":"L2","fields":[
            {"name":"b","type":"string"},
            {"name":"l3","type":{"type":"record","name":"L3","fields":[
              {"name":"c","type":["null","long"]},
              {"name":"tags","type":{"type":"array","items":"string"}},
              {"name":"items","type":{"type":"array","items":"Item"}}]}}]}}]}}
      ]}""");

  @TempDir Path dir;

  static List<Object> rows() {
    Schema item = Values.named(SCHEMA, "Item");
    Schema l1 = Values.named(SCHEMA, "L1");
    Schema l2 = Values.named(SCHEMA, "L2");
    Schema l3 = Values.named(SCHEMA, "L3");
    List<Object> rows = new ArrayList<>();
    for (int k = 0; k < 40; k++) {
      boolean empty = k % 5 == 0;
      List<Integer> ints = new ArrayList<>();
      for (int i = 0; i < (empty ? 0 : k == 7 ? 5000 : k % 4 + 1); i++) {
        ints.add(i * k - 3);
      }
      List<List<String>> nested = empty ? List.of() : List.of(List.of(), List.of("a" + k), List.of("", "b", "c" + k));
      List<Object> recs = new ArrayList<>();
      for (int i = 0; i < (empty ? 0 : k % 3 + 1); i++) {
        recs.add(Values.record(item, i + k, i % 2 == 0 ? null : "y" + i));
      }
      List<Double> opt = empty ? List.of() : Arrays.asList(null, 1.5 * k, null, Double.NaN);
      Map<String, Object> m = new LinkedHashMap<>();
      Map<String, Object> mrec = new LinkedHashMap<>();
      Map<String, Object> mopt = new LinkedHashMap<>();
      Map<String, Object> mam = new LinkedHashMap<>();
      if (!empty) {
        m.put("k" + k, (long) k << 33);
        m.put("", -1L);
        mrec.put("only", Values.record(item, -k, "v"));
        mopt.put("null", null);
        mopt.put("set", "s" + k);
        mam.put("one", List.of(Map.of("t", true), Map.of(), Map.of("f", false, "g", true)));
        mam.put("none", List.of());
      }
      Object deep = Values.record(l1, k, Values.record(l2, "b" + k, Values.record(l3, k % 2 == 0 ? null : (long) k,
          empty ? List.of() : List.of("t1", "t" + k), recs)));
      rows.add(Values.record(SCHEMA, k, ints, nested, recs, opt, m, mrec, mopt, mam, deep));
    }
    return rows;
  }

  @ParameterizedTest
  @EnumSource(Writer.class)
  void collectionsAndNestedRecordsReadAsSparkAvroReadsThem(Writer writer) {
    AvroFiles.write(writer, dir.resolve("coll.avro"), SCHEMA, rows(), "snappy", 0);
    BothReaders.Outcome ours = BothReaders.assertSameRead(writer.toString(), dir.toString(), Map.of());
    assertThat(ours.rows()).hasSize(40);
  }

  /**
   * A deliberate difference: Lancaster keeps a map's entries in the order of the file; spark-avro in the order of
   * the HashMap Apache Avro's reader builds (so {@code map_keys} can differ, though the maps are equal).
   */
  @Test
  void mapEntriesKeepTheOrderOfTheFile() {
    AvroFiles.write(Writer.APACHE, dir.resolve("coll.avro"), SCHEMA, rows());
    BothReaders.Outcome ours = BothReaders.read(BothReaders.LANCASTER, dir.toString(), Map.of(),
        df -> df.filter("id = 1").selectExpr("map_keys(m)", "map_keys(mopt)"));
    assertThat(ours.rows()).containsExactly("{[\"k1\", \"\"], [\"null\", \"set\"]}");
  }
}
