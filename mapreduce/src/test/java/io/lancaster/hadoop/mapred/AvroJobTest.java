package io.lancaster.hadoop.mapred;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.codec.UnsupportedCodecException;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.io.AvroKey;
import io.lancaster.hadoop.io.AvroKeyComparator;
import io.lancaster.hadoop.io.AvroSerialization;
import io.lancaster.hadoop.io.AvroValue;
import io.lancaster.hadoop.io.AvroWrapper;
import org.apache.avro.mapred.Pair;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapred.FileOutputFormat;
import org.apache.hadoop.mapred.JobConf;
import org.junit.jupiter.api.Test;

class AvroJobTest {
  static final Schema WORD = Schema.parse("""
      {"type": "record", "name": "Word", "fields": [{"name": "text", "type": "string"},
       {"name": "lang", "type": {"type": "enum", "name": "Lang", "symbols": ["EN", "DE"]}, "order": "descending"}]}""");
  static final Schema COUNT = Schema.parse("\"long\"");

  private static org.apache.avro.Schema apache(Schema schema) {
    return new org.apache.avro.Schema.Parser().parse(schema.toString());
  }

  @Test
  void thePairSchemaIsAvroMapredsPair() {
    Schema pair = AvroJob.pairSchema(WORD, COUNT);
    assertThat(apache(pair)).isEqualTo(Pair.getPairSchema(apache(WORD), apache(COUNT)));
    assertThat(pair.toString()).contains("\"order\":\"ignore\"");
  }

  @Test
  void aMapOutputPairSchemaConfiguresTheShuffleFromItsKeyAndValue() {
    JobConf job = new JobConf(new Configuration(false));
    AvroJob.setMapOutputSchema(job, WORD, COUNT);

    assertThat(apache(AvroJob.getMapOutputSchema(job)))
        .isEqualTo(org.apache.avro.mapred.AvroJob.getMapOutputSchema(job))
        .isEqualTo(Pair.getPairSchema(apache(WORD), apache(COUNT)));
    assertThat(AvroSerialization.getKeyWriterSchema(job)).isEqualTo(WORD);
    assertThat(AvroSerialization.getKeyReaderSchema(job)).isEqualTo(WORD);
    assertThat(AvroSerialization.getValueWriterSchema(job)).isEqualTo(COUNT);
    assertThat(job.getMapOutputKeyClass()).isEqualTo(AvroKey.class);
    assertThat(job.getMapOutputValueClass()).isEqualTo(AvroValue.class);
    assertThat(job.getOutputKeyComparator()).isInstanceOf(AvroKeyComparator.class);
    assertThat(job.getTrimmedStrings(AvroSerialization.IO_SERIALIZATIONS))
        .endsWith(AvroSerialization.class.getName()).containsOnlyOnce(AvroSerialization.class.getName());
  }

  @Test
  void aMapOutputSchemaMustBeAPair() {
    JobConf job = new JobConf(new Configuration(false));
    assertThatThrownBy(() -> AvroJob.setMapOutputSchema(job, WORD)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a pair schema");
    assertThat(job.get(AvroConfigKeys.MAP_OUTPUT_SCHEMA)).isNull();
  }

  @Test
  void inputAndOutputSchemasAreReadByAvroMapredToo() {
    JobConf job = new JobConf(new Configuration(false));
    AvroJob.setInputSchema(job, WORD);
    AvroJob.setOutputSchema(job, COUNT);
    assertThat(org.apache.avro.mapred.AvroJob.getInputSchema(job)).isEqualTo(apache(WORD));
    assertThat(org.apache.avro.mapred.AvroJob.getOutputSchema(job)).isEqualTo(apache(COUNT));
    assertThat(AvroJob.getInputSchema(job)).isEqualTo(WORD);
    assertThat(AvroJob.getOutputSchema(job)).isEqualTo(COUNT);
    assertThat(AvroJob.getMapOutputSchema(job)).as("defaults to the output schema").isEqualTo(COUNT);
    assertThat(job.getOutputKeyClass()).isEqualTo(AvroWrapper.class);
    assertThat(job.getInputFormat()).isInstanceOf(AvroInputFormat.class);
    assertThat(job.getOutputFormat()).isInstanceOf(AvroOutputFormat.class);
  }

  @Test
  void formatsTheJobAlreadyHasAreKept() {
    JobConf job = new JobConf(new Configuration(false));
    job.setInputFormat(AvroAsTextInputFormat.class);
    job.setOutputFormat(AvroTextOutputFormat.class);
    AvroJob.setInputSchema(job, WORD);
    AvroJob.setOutputSchema(job, WORD);
    assertThat(job.getInputFormat()).isInstanceOf(AvroAsTextInputFormat.class);
    assertThat(job.getOutputFormat()).isInstanceOf(AvroTextOutputFormat.class);
  }

  @Test
  void theOutputCodecTurnsCompressionOnAndMustExist() {
    JobConf job = new JobConf(new Configuration(false));
    assertThat(FileOutputFormat.getCompressOutput(job)).isFalse();
    AvroJob.setOutputCodec(job, "zstandard");
    assertThat(job.get("avro.output.codec")).isEqualTo("zstandard");
    assertThat(FileOutputFormat.getCompressOutput(job)).isTrue();
    assertThatThrownBy(() -> AvroJob.setOutputCodec(job, "lz4")).isInstanceOf(UnsupportedCodecException.class);
    assertThat(job.get("avro.output.codec")).isEqualTo("zstandard");
  }

  @Test
  void outputMetadataIsStoredAsAvroMapredStoresIt() {
    byte[] everyByte = new byte[256];
    for (int i = 0; i < everyByte.length; i++) {
      everyByte[i] = (byte) i;
    }
    JobConf ours = new JobConf(new Configuration(false));
    JobConf theirs = new JobConf(new Configuration(false));
    AvroJob.setOutputMeta(ours, "owner", "Zoë");
    AvroJob.setOutputMeta(ours, "rows", 12345L);
    AvroJob.setOutputMeta(ours, "blob", everyByte);
    org.apache.avro.mapred.AvroJob.setOutputMeta(theirs, "owner", "Zoë");
    org.apache.avro.mapred.AvroJob.setOutputMeta(theirs, "rows", 12345L);
    org.apache.avro.mapred.AvroJob.setOutputMeta(theirs, "blob", everyByte);
    for (String key : new String[] {"avro.meta.text.owner", "avro.meta.text.rows", "avro.meta.binary.blob"}) {
      assertThat(ours.get(key)).as(key).isNotNull().isEqualTo(theirs.get(key));
    }
  }
}
