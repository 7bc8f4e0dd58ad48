package io.lancaster.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {
  private static final ArgSpec SPEC = new ArgSpec(Set.of("--pretty"), Set.of("--algorithm"), List.of("IN", "OUT"), 1);

  @Test
  void optionsMayComeAnywhereAndTakeTheirValueEitherWay() throws UsageException {
    Args a = Args.parse(List.of("in.avro", "--algorithm", "md5", "--pretty"), SPEC);
    assertThat(a.flag("--pretty")).isTrue();
    assertThat(a.value("--algorithm", "crc64")).isEqualTo("md5");
    assertThat(a.positional("IN")).isEqualTo("in.avro");
    assertThat(a.positional("OUT")).isNull();

    Args b = Args.parse(List.of("--algorithm=sha256", "x", "y"), SPEC);
    assertThat(b.flag("--pretty")).isFalse();
    assertThat(b.value("--algorithm", "crc64")).isEqualTo("sha256");
    assertThat(b.positional("OUT")).isEqualTo("y");
    assertThat(Args.parse(List.of("x"), SPEC).value("--algorithm", "crc64")).isEqualTo("crc64");
  }

  @Test
  void aLoneDashIsStandardInputAndDoubleDashEndsOptions() throws UsageException {
    assertThat(Args.parse(List.of("-"), SPEC).positional("IN")).isEqualTo("-");
    Args a = Args.parse(List.of("--", "--pretty", "-x"), SPEC);
    assertThat(a.flag("--pretty")).isFalse();
    assertThat(a.positional("IN")).isEqualTo("--pretty");
    assertThat(a.positional("OUT")).isEqualTo("-x");
  }

  @Test
  void reportsWhatIsWrong() {
    assertThatThrownBy(() -> Args.parse(List.of(), SPEC)).isInstanceOf(UsageException.class).hasMessage("missing IN");
    assertThatThrownBy(() -> Args.parse(List.of("a", "b", "c"), SPEC)).hasMessage("unexpected argument c");
    assertThatThrownBy(() -> Args.parse(List.of("-v", "a"), SPEC)).hasMessage("unknown option -v");
    assertThatThrownBy(() -> Args.parse(List.of("a", "--algorithm"), SPEC))
        .hasMessage("option --algorithm needs a value");
    assertThatThrownBy(() -> Args.parse(List.of("a", "--algorithm=x", "--algorithm", "y"), SPEC))
        .hasMessage("option --algorithm given twice");
    assertThatThrownBy(() -> Args.parse(List.of("a", "--pretty=1"), SPEC)).hasMessage("option --pretty takes no value");
  }

  @Test
  void theLastPositionalMayRepeat() throws UsageException {
    ArgSpec cat = new ArgSpec(Set.of(), Set.of("--codec"), List.of("OUT", "IN"), 0, true);
    Args a = Args.parse(List.of("out", "a", "--codec", "xz", "b", "c"), cat);
    assertThat(a.positional("OUT")).isEqualTo("out");
    assertThat(a.positional("IN")).isEqualTo("a");
    assertThat(a.repeated()).containsExactly("a", "b", "c");
    assertThat(Args.parse(List.of("out", "a"), cat).repeated()).containsExactly("a");
    assertThatThrownBy(() -> Args.parse(List.of("out"), cat)).hasMessage("missing IN");

    ArgSpec optional = new ArgSpec(Set.of(), Set.of(), List.of("NEW", "PREVIOUS"), 2, true);
    assertThat(Args.parse(List.of(), optional).repeated()).isEmpty();
    assertThat(Args.parse(List.of("n"), optional).repeated()).isEmpty();
    assertThat(Args.parse(List.of("n", "p1", "p2"), optional).repeated()).containsExactly("p1", "p2");
    assertThat(Args.parse(List.of("a", "b"), SPEC).repeated()).isEmpty();
  }
}
