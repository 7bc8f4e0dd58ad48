package io.lancaster.spark.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.spark.testing.LocalSpark;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.internal.SQLConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file-level settings of a write: every codec (option or conf) with its extension and {@code avro.codec},
 * compression levels, the sync interval (option or avro-mapred's key) and the header metadata.
 */
class CompressionAndMetadataTest {
  @TempDir Path dir;

  private static Dataset<Row> frame() {
    return LocalSpark.session().range(0, 2000, 1, 2)
        .selectExpr("id", "concat('value number ', id % 17) as s", "cast(id % 7 as double) as d");
  }

  private static List<String> expectedRows() {
    return WriteTests.canonical(frame().collectAsList());
  }

  @Test
  void everyCodecByOptionHasItsExtensionAndHeader() {
    String[][] codecs = {{"uncompressed", "null", ".avro"}, {"snappy", "snappy", ".snappy.avro"},
        {"deflate", "deflate", ".deflate.avro"}, {"bzip2", "bzip2", ".bzip2.avro"}, {"xz", "xz", ".xz.avro"},
        {"zstandard", "zstandard", ".zstandard.avro"}, {"ZSTANDARD", "zstandard", ".zstandard.avro"}};
    for (String[] c : codecs) {
      Path out = dir.resolve(c[0]);
      frame().write().format(WriteTests.LANCASTER).option("compression", c[0]).save(out.toString());
      List<Path> files = WriteTests.dataFiles(out);
      assertThat(files).as(c[0]).hasSize(2).allSatisfy(p -> assertThat(p.getFileName().toString())
          .startsWith("part-").endsWith(c[2]).doesNotEndWith(".avro.avro"));
      if (c[2].equals(".avro")) {
        assertThat(files).allSatisfy(p -> assertThat(p.getFileName().toString()).doesNotContain(".null."));
      }
      assertThat(WriteTests.readApache(out).metadata()).as(c[0])
          .allSatisfy(m -> assertThat(m).containsEntry("avro.codec", c[1]));
      assertThat(WriteTests.canonical(LocalSpark.session().read().format(LocalSpark.SPARK_AVRO)
          .load(out.toString()).collectAsList())).as(c[0]).isEqualTo(expectedRows());
    }
  }

  @Test
  void codecFromTheConfUnlessTheOptionSaysOtherwise() throws Exception {
    WriteTests.withConfs(Map.of("spark.sql.avro.compression.codec", "deflate"), () -> {
      frame().write().format(WriteTests.LANCASTER).save(dir.resolve("conf").toString());
      frame().write().format(WriteTests.LANCASTER).option("compression", "bzip2")
          .save(dir.resolve("option").toString());
      return null;
    });
    assertThat(WriteTests.dataFiles(dir.resolve("conf")))
        .allSatisfy(p -> assertThat(p.toString()).endsWith(".deflate.avro"));
    assertThat(WriteTests.dataFiles(dir.resolve("option")))
        .allSatisfy(p -> assertThat(p.toString()).endsWith(".bzip2.avro"));
    frame().write().format(WriteTests.LANCASTER).save(dir.resolve("default").toString());
    assertThat(WriteTests.readApache(dir.resolve("default")).metadata())
        .allSatisfy(m -> assertThat(m).containsEntry("avro.codec", "snappy"));
  }

  @Test
  void unknownCodecFailsListingTheValidOnes() {
    assertThatThrownBy(() -> frame().write().format(WriteTests.LANCASTER).option("compression", "lz4")
        .save(dir.resolve("x").toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'lz4'")
        .hasMessageContaining("uncompressed, deflate, snappy, bzip2, xz, zstandard");
  }

  @Test
  void deflateLevelFromTheConfOrAvroMapredKey() throws Exception {
    WriteTests.withConfs(Map.of("spark.sql.avro.deflate.level", "9"), () -> {
      frame().write().format(WriteTests.LANCASTER).option("compression", "deflate")
          .save(dir.resolve("level9").toString());
      frame().write().format(WriteTests.LANCASTER).option("compression", "deflate")
          .option("avro.mapred.deflate.level", "0").save(dir.resolve("level0").toString());
      return null;
    });
    // level 0 stores the blocks uncompressed; level 9 squeezes these repetitive rows
    assertThat(totalSize(dir.resolve("level0"))).isGreaterThan(2 * totalSize(dir.resolve("level9")));
    assertThat(WriteTests.canonical(LocalSpark.session().read().format(LocalSpark.SPARK_AVRO)
        .load(dir.resolve("level0").toString()).collectAsList())).isEqualTo(expectedRows());
  }

  @Test
  void levelsComeFromConfsThenAvroMapredKeys() {
    SQLConf sql = new SQLConf();
    Configuration hadoop = new Configuration(false);
    assertThat(WriteCompression.choose(null, sql, hadoop))
        .isEqualTo(new WriteCompression(WriteCompression.Kind.SNAPPY, -1));
    assertThat(WriteCompression.choose("deflate", sql, hadoop).level()).isEqualTo(-1);
    assertThat(WriteCompression.choose("xz", sql, hadoop).level()).isEqualTo(6);
    assertThat(WriteCompression.choose("zstandard", sql, hadoop).level()).isEqualTo(3);
    sql.setConfString("spark.sql.avro.deflate.level", "7");
    sql.setConfString("spark.sql.avro.xz.level", "2");
    sql.setConfString("spark.sql.avro.zstandard.level", "11");
    assertThat(WriteCompression.choose("Deflate", sql, hadoop).level()).isEqualTo(7);
    assertThat(WriteCompression.choose("xz", sql, hadoop).level()).isEqualTo(2);
    assertThat(WriteCompression.choose("zstandard", sql, hadoop).level()).isEqualTo(11);
    hadoop.set("avro.mapred.deflate.level", "4");
    hadoop.set("avro.mapred.xz.level", "8");
    hadoop.set("avro.mapred.zstd.level", "-5");
    assertThat(WriteCompression.choose("deflate", sql, hadoop).level()).isEqualTo(4);
    assertThat(WriteCompression.choose("xz", sql, hadoop).level()).isEqualTo(8);
    assertThat(WriteCompression.choose("zstandard", sql, hadoop).level()).isEqualTo(-5);
    hadoop.set("avro.mapred.xz.level", "12");
    assertThatThrownBy(() -> WriteCompression.choose("xz", sql, hadoop))
        .hasMessageContaining("xz compression level must be between 0 and 9, got 12");
  }

  @Test
  void everyCodecAndLevelWritesReadableFiles() {
    String[][] settings = {{"deflate", "spark.sql.avro.deflate.level", "1"}, {"deflate", "x", "9"},
        {"xz", "spark.sql.avro.xz.level", "0"}, {"xz", "x", "9"}, {"zstandard", "spark.sql.avro.zstandard.level", "1"},
        {"zstandard", "x", "19"}, {"zstandard", "x", "-3"}};
    for (String[] s : settings) {
      Path out = dir.resolve(s[0] + s[2]);
      String key = "avro.mapred." + (s[0].equals("zstandard") ? "zstd" : s[0]) + ".level";
      frame().write().format(WriteTests.LANCASTER).option("compression", s[0]).option(key, s[2])
          .save(out.toString());
      WriteTests.ApacheRead read = WriteTests.readApache(out);
      assertThat(read.records()).as(s[0] + s[2]).hasSize(2000);
      assertThat(read.metadata()).allSatisfy(m -> assertThat(m).containsEntry("avro.codec", s[0]));
    }
  }

  @Test
  void syncIntervalSetsTheBlockSize() throws Exception {
    frame().coalesce(1).write().format(WriteTests.LANCASTER).option("syncInterval", "1000")
        .save(dir.resolve("small").toString());
    frame().coalesce(1).write().format(WriteTests.LANCASTER).option("avro.mapred.sync.interval", "4000")
        .save(dir.resolve("mapred").toString());
    frame().coalesce(1).write().format(WriteTests.LANCASTER).save(dir.resolve("default").toString());
    long small = blocks(dir.resolve("small"));
    long mapred = blocks(dir.resolve("mapred"));
    long dflt = blocks(dir.resolve("default"));
    // about 26 bytes a row, 2000 rows: ~52 blocks of 1000 bytes, ~13 of 4000, one of 64000
    assertThat(small).isBetween(40L, 60L);
    assertThat(mapred).isBetween(10L, 16L);
    assertThat(dflt).isEqualTo(1L);
    assertThatThrownBy(() -> frame().write().format(WriteTests.LANCASTER).option("syncInterval", "10")
        .save(dir.resolve("bad").toString())).hasMessageContaining("syncInterval").hasMessageContaining("10");
  }

  @Test
  void metadataOptionsGoIntoTheHeader() {
    frame().write().format(WriteTests.LANCASTER).option("meta.Owner", "data-team").option("META.lineage.Job", "7")
        .save(dir.resolve("meta").toString());
    assertThat(WriteTests.readApache(dir.resolve("meta")).metadata()).allSatisfy(m -> assertThat(m)
        .containsEntry("Owner", "data-team")
        .containsEntry("lineage.Job", "7")
        .containsEntry("org.apache.spark.version", org.apache.spark.package$.MODULE$.SPARK_VERSION_SHORT())
        .containsKeys("avro.schema", "avro.codec"));
    assertThatThrownBy(() -> frame().write().format(WriteTests.LANCASTER).option("meta.avro.codec", "x")
        .save(dir.resolve("reserved").toString())).hasMessageContaining("meta.avro.codec");
  }

  private static long totalSize(Path out) throws Exception {
    long size = 0;
    for (Path p : WriteTests.dataFiles(out)) {
      size += Files.size(p);
    }
    return size;
  }

  private static long blocks(Path out) throws Exception {
    long blocks = 0;
    for (Path p : WriteTests.dataFiles(out)) {
      try (DataFileReader<GenericRecord> r = new DataFileReader<>(new File(p.toString()),
          new GenericDatumReader<>())) {
        while (r.hasNext()) {
          r.nextBlock();
          blocks++;
        }
      }
    }
    return blocks;
  }
}
