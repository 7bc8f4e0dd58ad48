package io.lancaster.spark.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TypeMappingOptionsTest {

  @Test
  void defaultsAreSparkAvros() {
    assertThat(TypeMappingOptions.DEFAULT).isEqualTo(new TypeMappingOptions(false, "member_", -1));
  }

  @Test
  void recursionDepthAboveFifteenIsRejectedByName() {
    assertThat(TypeMappingOptions.DEFAULT.withRecursiveFieldMaxDepth(15).recursiveFieldMaxDepth()).isEqualTo(15);
    assertThatThrownBy(() -> TypeMappingOptions.DEFAULT.withRecursiveFieldMaxDepth(16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recursiveFieldMaxDepth")
        .hasMessageContaining("16");
  }
}
