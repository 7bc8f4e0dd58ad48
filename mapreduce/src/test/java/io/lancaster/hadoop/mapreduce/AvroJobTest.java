package io.lancaster.hadoop.mapreduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lancaster.avro.order.UncomparableException;
import io.lancaster.avro.schema.Schema;
import io.lancaster.hadoop.AvroConfigKeys;
import io.lancaster.hadoop.io.AvroKey;
import io.lancaster.hadoop.io.AvroKeyComparator;
import io.lancaster.hadoop.io.AvroSerialization;
import io.lancaster.hadoop.io.AvroValue;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.serializer.SerializationFactory;
import org.apache.hadoop.io.serializer.WritableSerialization;
import org.apache.hadoop.mapreduce.Job;
import org.junit.jupiter.api.Test;

class AvroJobTest {
  static final Schema USER = Schema.parse("""
      {"type": "record", "name": "User", "namespace": "example", "fields": [
        {"name": "name", "type": "string"},
        {"name": "email", "type": ["null", "string"], "default": null},
        {"name": "visits", "type": {"type": "array", "items": "long"}, "order": "descending"}]}""");
  static final Schema COUNT = Schema.parse("\"long\"");

  private static org.apache.avro.Schema apache(Schema schema) {
    return new org.apache.avro.Schema.Parser().parse(schema.toString());
  }

  @Test
  void schemasAreStoredUnderAvroMapredsKeysAndReadBackByBoth() throws IOException {
    Job job = Job.getInstance(new Configuration(false));
    AvroJob.setInputKeySchema(job, USER);
    AvroJob.setInputValueSchema(job, COUNT);
    AvroJob.setMapOutputKeySchema(job, USER);
    AvroJob.setMapOutputValueSchema(job, COUNT);
    AvroJob.setOutputKeySchema(job, USER);
    AvroJob.setOutputValueSchema(job, COUNT);
    Configuration conf = job.getConfiguration();

    assertThat(conf.get("avro.schema.input.key")).isEqualTo(USER.toString());
    assertThat(List.of(AvroJob.getInputKeySchema(conf), AvroJob.getInputValueSchema(conf),
        AvroJob.getMapOutputKeySchema(conf), AvroJob.getMapOutputValueSchema(conf),
        AvroJob.getOutputKeySchema(conf), AvroJob.getOutputValueSchema(conf)))
        .containsExactly(USER, COUNT, USER, COUNT, USER, COUNT);
    assertThat(List.of(org.apache.avro.mapreduce.AvroJob.getInputKeySchema(conf),
        org.apache.avro.mapreduce.AvroJob.getInputValueSchema(conf),
        org.apache.avro.mapreduce.AvroJob.getMapOutputKeySchema(conf),
        org.apache.avro.mapreduce.AvroJob.getMapOutputValueSchema(conf),
        org.apache.avro.mapreduce.AvroJob.getOutputKeySchema(conf),
        org.apache.avro.mapreduce.AvroJob.getOutputValueSchema(conf)))
        .containsExactly(apache(USER), apache(COUNT), apache(USER), apache(COUNT), apache(USER), apache(COUNT));
    assertThat(job.getOutputKeyClass()).isEqualTo(AvroKey.class);
    assertThat(job.getOutputValueClass()).isEqualTo(AvroValue.class);
  }

  @Test
  void aJobConfiguredWithAvroMapredReadsTheSameWithOurs() throws IOException {
    Job job = Job.getInstance(new Configuration(false));
    org.apache.avro.mapreduce.AvroJob.setInputKeySchema(job, apache(USER));
    org.apache.avro.mapreduce.AvroJob.setMapOutputKeySchema(job, apache(USER));
    org.apache.avro.mapreduce.AvroJob.setMapOutputValueSchema(job, apache(COUNT));
    org.apache.avro.mapreduce.AvroJob.setOutputKeySchema(job, apache(USER));
    Configuration conf = job.getConfiguration();
    assertThat(AvroJob.getInputKeySchema(conf)).isEqualTo(USER);
    assertThat(AvroJob.getMapOutputKeySchema(conf)).isEqualTo(USER);
    assertThat(AvroSerialization.getKeyReaderSchema(conf)).isEqualTo(USER);
    assertThat(AvroJob.getMapOutputValueSchema(conf)).isEqualTo(COUNT);
    assertThat(AvroJob.getOutputKeySchema(conf)).isEqualTo(USER);
  }

  @Test
  void aMapOutputKeySchemaMakesAvroKeysTheSortedAndGroupedShuffleKeys() throws IOException {
    Job job = Job.getInstance(new Configuration());
    AvroJob.setMapOutputKeySchema(job, USER);
    AvroJob.setMapOutputValueSchema(job, COUNT);
    Configuration conf = job.getConfiguration();

    assertThat(job.getMapOutputKeyClass()).isEqualTo(AvroKey.class);
    assertThat(job.getMapOutputValueClass()).isEqualTo(AvroValue.class);
    assertThat(job.getSortComparator()).isInstanceOf(AvroKeyComparator.class);
    assertThat(job.getGroupingComparator()).isInstanceOf(AvroKeyComparator.class);
    String[] serializations = conf.getTrimmedStrings(AvroSerialization.IO_SERIALIZATIONS);
    assertThat(serializations[0]).isEqualTo(WritableSerialization.class.getName());
    assertThat(serializations).containsOnlyOnce(AvroSerialization.class.getName());
    assertThat(serializations[serializations.length - 1]).isEqualTo(AvroSerialization.class.getName());
    SerializationFactory factory = new SerializationFactory(conf);
    assertThat(factory.getSerialization(AvroKey.class)).isInstanceOf(AvroSerialization.class);
    assertThat(factory.getSerialization(AvroValue.class)).isInstanceOf(AvroSerialization.class);
    assertThat(factory.getSerialization(Text.class)).isInstanceOf(WritableSerialization.class);
  }

  @Test
  void withoutHadoopsDefaultsWritablesStillSerialize() throws IOException {
    Job job = Job.getInstance(new Configuration(false));
    AvroJob.setMapOutputKeySchema(job, USER);
    assertThat(job.getConfiguration().getTrimmedStrings(AvroSerialization.IO_SERIALIZATIONS))
        .containsExactly(WritableSerialization.class.getName(), AvroSerialization.class.getName());
  }

  @Test
  void aKeySchemaWithoutSortOrderIsRejectedWhenTheJobIsConfigured() throws IOException {
    Job job = Job.getInstance(new Configuration(false));
    Schema withMap = Schema.parse("""
        {"type": "record", "name": "K", "fields": [{"name": "m", "type": {"type": "map", "values": "int"}}]}""");
    assertThatThrownBy(() -> AvroJob.setMapOutputKeySchema(job, withMap)).isInstanceOf(UncomparableException.class);
    assertThat(job.getConfiguration().get(AvroConfigKeys.MAP_OUTPUT_KEY_WRITER_SCHEMA)).isNull();
    assertThatThrownBy(() -> AvroJob.setMapOutputKeySchema(job, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void unsetSchemasAreNull() {
    Configuration conf = new Configuration(false);
    assertThat(AvroJob.getInputKeySchema(conf)).isNull();
    assertThat(AvroJob.getMapOutputKeySchema(conf)).isNull();
    assertThat(AvroJob.getOutputValueSchema(conf)).isNull();
  }
}
