package org.vaultline.scsi.bytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.vaultline.scsi.Totality;
import org.vaultline.scsi.sense.MalformedResponseException;

/** The shared test helper {@link Totality}: it must catch what it is for, and only that. */
class TotalityTest {

  /** A total parser: the first two bytes are a big-endian value, nothing else is required. */
  private static Object total(Bytes b) throws MalformedResponseException {
    return new BigEndianReader(b).u16(0);
  }

  @Test
  void everyTruncationFeedsEveryPrefixIncludingEmptyAndWhole() {
    List<Integer> sizes = new ArrayList<>();
    int parsed = Totality.everyTruncation(Bytes.of(1, 2, 3), b -> {
      sizes.add(b.size());
      return total(b);
    });
    assertThat(sizes).containsExactly(0, 1, 2, 3);
    assertThat(parsed).isEqualTo(2);
  }

  @Test
  void nullResultsForVoidAreAccepted() {
    assertThat(Totality.everyTruncation(Bytes.of(1), b -> null)).isEqualTo(2);
  }

  @Test
  void anythingButMalformedResponseFailsWithTheInputInHex() {
    assertThatThrownBy(() -> Totality.everyTruncation(Bytes.of(0xab, 0xcd), b -> {
      byte[] a = b.toByteArray();
      return a[1];
    }))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("ArrayIndexOutOfBoundsException")
        .hasMessageContaining("truncation to 0 bytes")
        .hasCauseInstanceOf(ArrayIndexOutOfBoundsException.class);
  }

  @Test
  void randomInputsFailOnTheFirstBadInputWithItsHex() {
    assertThatThrownBy(() -> Totality.randomInputs(1L, 100, List.of(), b -> {
      if (b.size() > 200) {
        throw new IllegalArgumentException("too long");
      }
      return b;
    }))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("IllegalArgumentException: too long")
        .hasMessageContaining("of seed 1");
  }

  @Test
  void randomInputsMixPureRandomAndMutatedSamplesOfManyLengths() {
    Bytes sample = Bytes.fromHex("70 00 05 00 00 00 00 0a 00 00 00 00 24 00 00 c0 00 02");
    List<Bytes> seen = new ArrayList<>();
    int parsed = Totality.randomInputs(42L, 2000, List.of(sample), b -> {
      seen.add(b);
      return total(b);
    });
    assertThat(seen).hasSize(2000);
    assertThat(parsed).isPositive();
    assertThat(seen).anyMatch(b -> b.size() > 100);
    assertThat(seen).anyMatch(b -> b.size() < 2);
    assertThat(seen).anyMatch(b -> b.size() == sample.size() && !b.equals(sample));
    // the same seed gives the same inputs, so a failure can be replayed
    List<Bytes> again = new ArrayList<>();
    Totality.randomInputs(42L, 2000, List.of(sample), b -> again.add(b));
    assertThat(again).isEqualTo(seen);
  }
}
