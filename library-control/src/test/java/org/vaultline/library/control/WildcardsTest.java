package org.vaultline.library.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WildcardsTest {
  @Test
  void starsAndQuestionMarksMatchAsInTsmIgnoringCase() {
    assertThat(Wildcards.matches("lib*", "LIB1")).isTrue();
    assertThat(Wildcards.matches("?IB1", "lib1")).isTrue();
    assertThat(Wildcards.matches("LIB?", "LIB12")).isFalse();
    assertThat(Wildcards.matches("*", "")).isTrue();
    assertThat(Wildcards.matches("", "")).isTrue();
    assertThat(Wildcards.matches("", "LIB1")).isFalse();
  }

  @Test
  void aPatternOfManyStarsThatCannotMatchIsRefusedWithoutExponentialBacktracking() {
    // the recursive matcher this replaced needed about C(60,30) steps here: an administrator's typo hung the server
    String name = "A".repeat(60);
    String hostile = "*A".repeat(30) + "*B";
    assertThat(Wildcards.matches(hostile, name)).isFalse();
    assertThat(Wildcards.matches("*A".repeat(30) + "*", name)).isTrue();
  }
}
