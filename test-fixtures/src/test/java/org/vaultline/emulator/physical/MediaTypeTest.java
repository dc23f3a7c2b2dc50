package org.vaultline.emulator.physical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaTypeTest {
  @Test
  void theLabelSuffixNamesTheGeneration() {
    assertThat(MediaType.fromBarcode("ABC123L5")).contains(MediaType.LTO5);
    assertThat(MediaType.fromBarcode("ABC123L9")).contains(MediaType.LTO9);
    assertThat(MediaType.fromBarcode("ABC123M8")).contains(MediaType.LTO7);
    assertThat(MediaType.fromBarcode("CLN001L1")).contains(MediaType.CLEANING);
    assertThat(MediaType.fromBarcode("ABC123")).isEmpty();
  }

  @Test
  void cleaningCartridgesAreSmcMediumType2() {
    assertThat(MediaType.CLEANING.smcMediumType()).isEqualTo(2);
    assertThat(MediaType.LTO6.smcMediumType()).isEqualTo(1);
  }
}
