package io.lancaster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Usage errors exit 2 with the problem and the command's usage; help exits 0. */
class UsageTest {
  private static Cli.Result assertUsageError(String... args) {
    Cli.Result r = Cli.run(args);
    assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    return r;
  }

  @Test
  void noCommand() {
    assertThat(assertUsageError().err()).startsWith("lancaster: no command given\nusage: lancaster COMMAND [ARGS]");
  }

  @Test
  void anUnknownCommand() {
    assertThat(assertUsageError("toxml", "x.avro").err())
        .isEqualTo("lancaster: unknown command toxml (lancaster help lists the commands)\n");
  }

  @Test
  void aMissingFileArgument() {
    assertThat(assertUsageError("tojson").err())
        .isEqualTo("lancaster tojson: missing FILE\n"
            + "usage: lancaster tojson [--pretty] [--reader-schema R [--apache-compatible]] FILE\n");
    assertThat(assertUsageError("fingerprint", "--canonical").err()).startsWith("lancaster fingerprint: missing SCHEMA_FILE\n");
  }

  @Test
  void extraArgumentsAndUnknownOptions() {
    assertThat(assertUsageError("count", "a.avro", "b.avro").err()).startsWith("lancaster count: unexpected argument b.avro\n");
    assertThat(assertUsageError("tojson", "--compact", "a.avro").err()).startsWith("lancaster tojson: unknown option --compact\n");
    assertThat(assertUsageError("tojson", "--pretty=yes", "a.avro").err())
        .startsWith("lancaster tojson: option --pretty takes no value\n");
    assertThat(assertUsageError("fingerprint", "s.avsc", "--algorithm").err())
        .startsWith("lancaster fingerprint: option --algorithm needs a value\n");
    assertThat(assertUsageError("demo", "--records", "many").err())
        .startsWith("lancaster demo: --records needs a number of records (0 or more), got many\n");
  }

  @Test
  void helpListsEveryCommand() {
    for (String[] args : new String[][] {{"help"}, {"--help"}, {"-h"}}) {
      Cli.Result r = Cli.run(args);
      assertThat(r.exitCode()).isZero();
      assertThat(r.out()).contains("usage: lancaster COMMAND [ARGS]");
      for (Command c : Main.commands()) {
        assertThat(r.out()).containsPattern("(?m)^  " + c.name() + " +" + java.util.regex.Pattern.quote(c.summary()) + "$");
      }
    }
  }

  @Test
  void helpDescribesOneCommand() {
    Cli.Result r = Cli.run("help", "fingerprint");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("usage: lancaster fingerprint [--canonical] [--algorithm crc64|md5|sha256] SCHEMA_FILE\n")
        .contains("little-endian");
    assertThat(assertUsageError("help", "nope").err()).startsWith("lancaster help: unknown command nope\n");
  }
}
