package org.vaultline.scsi.bytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BytesTest {

  @Test
  void ofIntsTakesEachValueModulo256() {
    assertThat(Bytes.of(0x12, 0x100, -1, 0x7f).hex()).isEqualTo("12 00 ff 7f");
  }

  @Test
  void ofByteArrayCopiesSoLaterChangesDoNotLeakIn() {
    byte[] source = {1, 2, 3};
    Bytes b = Bytes.of(source);
    source[0] = 9;
    assertThat(b.get(0)).isEqualTo(1);
  }

  @Test
  void toByteArrayHandsOutACopy() {
    Bytes b = Bytes.of(1, 2, 3);
    b.toByteArray()[0] = 9;
    assertThat(b.get(0)).isEqualTo(1);
  }

  @Test
  void ofRangeCopiesJustThatRange() {
    byte[] source = {1, 2, 3, 4, 5};
    assertThat(Bytes.of(source, 1, 3)).isEqualTo(Bytes.of(2, 3, 4));
    assertThat(Bytes.of(source, 5, 0)).isEqualTo(Bytes.EMPTY);
  }

  /** Regression: Arrays.copyOfRange padded a range past the end with zeros instead of failing. */
  @Test
  void ofRangeOutsideTheArrayIsRefused() {
    byte[] source = {1, 2, 3};
    assertThatThrownBy(() -> Bytes.of(source, 2, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> Bytes.of(source, -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void getReturnsUnsignedValues() {
    Bytes b = Bytes.of(0x00, 0x7f, 0x80, 0xff);
    assertThat(b.get(0)).isZero();
    assertThat(b.get(1)).isEqualTo(127);
    assertThat(b.get(2)).isEqualTo(128);
    assertThat(b.get(3)).isEqualTo(255);
    assertThat(b.size()).isEqualTo(4);
    assertThat(b.isEmpty()).isFalse();
    assertThat(Bytes.EMPTY.isEmpty()).isTrue();
  }

  @Test
  void zerosAndAsciiMakeWhatTheySay() {
    assertThat(Bytes.zeros(3)).isEqualTo(Bytes.of(0, 0, 0));
    assertThat(Bytes.ascii("IBM ")).isEqualTo(Bytes.of(0x49, 0x42, 0x4d, 0x20));
    assertThat(Bytes.ascii("\u00e9")).isEqualTo(Bytes.of(0xe9));
  }

  @Test
  void fromHexReadsPairsSeparatedByAnyWhitespace() {
    assertThat(Bytes.fromHex("12 00 00 00 60 00")).isEqualTo(Bytes.of(0x12, 0, 0, 0, 0x60, 0));
    assertThat(Bytes.fromHex("  01 80\n03\t02\r\n  ")).isEqualTo(Bytes.of(1, 0x80, 3, 2));
    assertThat(Bytes.fromHex("0183")).isEqualTo(Bytes.of(1, 0x83));
    assertThat(Bytes.fromHex("aB Cd")).isEqualTo(Bytes.of(0xab, 0xcd));
    assertThat(Bytes.fromHex("")).isEqualTo(Bytes.EMPTY);
  }

  @Test
  void fromHexAcceptsOxPrefixesAtTheStartOfATokenOnly() {
    assertThat(Bytes.fromHex("0x12 0X34 56")).isEqualTo(Bytes.of(0x12, 0x34, 0x56));
    assertThat(Bytes.fromHex("0x1234")).isEqualTo(Bytes.of(0x12, 0x34));
    assertThatThrownBy(() -> Bytes.fromHex("a0x1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fromHexRefusesAnOddNumberOfDigits() {
    assertThatThrownBy(() -> Bytes.fromHex("12 3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("odd number of hex digits")
        .hasMessageContaining("12 3");
  }

  @Test
  void fromHexRefusesCharactersThatAreNotHex() {
    assertThatThrownBy(() -> Bytes.fromHex("12 zz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not hex")
        .hasMessageContaining("12 zz");
  }

  @Test
  void sliceTakesFromInclusiveToExclusive() {
    Bytes b = Bytes.of(1, 2, 3, 4, 5);
    assertThat(b.slice(1, 3)).isEqualTo(Bytes.of(2, 3));
    assertThat(b.slice(2, 2)).isEqualTo(Bytes.EMPTY);
    assertThat(b.slice(0, 5)).isSameAs(b);
  }

  /** Regression: slice past the end used to return zero padding instead of failing. */
  @Test
  void sliceOutsideTheBytesIsRefused() {
    Bytes b = Bytes.of(1, 2, 3);
    assertThatThrownBy(() -> b.slice(0, 4)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> b.slice(2, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> b.slice(-1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void prefixStopsAtTheEnd() {
    Bytes b = Bytes.of(1, 2, 3);
    assertThat(b.prefix(2)).isEqualTo(Bytes.of(1, 2));
    assertThat(b.prefix(10)).isEqualTo(b);
    assertThat(b.prefix(0)).isEqualTo(Bytes.EMPTY);
  }

  @Test
  void concatAppends() {
    assertThat(Bytes.of(1, 2).concat(Bytes.of(3))).isEqualTo(Bytes.of(1, 2, 3));
    assertThat(Bytes.EMPTY.concat(Bytes.EMPTY)).isEqualTo(Bytes.EMPTY);
  }

  @Test
  void copyToWritesIntoTheGivenArrayAtTheOffset() {
    byte[] dest = new byte[5];
    Bytes.of(7, 8).copyTo(dest, 2);
    assertThat(dest).containsExactly(0, 0, 7, 8, 0);
  }

  @Test
  void equalContentMeansEqualAndSameHashCode() {
    Bytes a = Bytes.of(1, 2, 3);
    Bytes b = Bytes.fromHex("01 02 03");
    assertThat(a).isEqualTo(b);
    assertThat(a.hashCode()).isEqualTo(b.hashCode());
    assertThat(a).isNotEqualTo(Bytes.of(1, 2));
    assertThat(a).isNotEqualTo(Bytes.of(1, 2, 4));
    assertThat(a).isNotEqualTo("01 02 03");
    assertThat(Bytes.of()).isEqualTo(Bytes.EMPTY);
    assertThat(Bytes.of(new byte[0])).isSameAs(Bytes.EMPTY);
  }

  @Test
  void compareToOrdersBytesAsUnsignedValuesThenByLength() {
    assertThat(Bytes.of(0x80)).isGreaterThan(Bytes.of(0x7f));
    assertThat(Bytes.of(0xff)).isGreaterThan(Bytes.of(0x00));
    assertThat(Bytes.of(1, 2)).isLessThan(Bytes.of(1, 2, 0));
    assertThat(Bytes.EMPTY).isLessThan(Bytes.of(0));
    assertThat(Bytes.of(1, 2).compareTo(Bytes.of(1, 2))).isZero();
  }

  @Test
  void hexIsLowerCasePairsSeparatedBySpaces() {
    assertThat(Bytes.of(0x12, 0xab, 0x00).hex()).isEqualTo("12 ab 00");
    assertThat(Bytes.EMPTY.hex()).isEmpty();
  }

  @Test
  void toStringShowsUpTo64BytesInFull() {
    Bytes b = counting(64);
    assertThat(b.toString()).isEqualTo(b.hex());
  }

  @Test
  void toStringShortensLongerValuesInTheMiddle() {
    Bytes b = counting(100);
    assertThat(b.toString()).isEqualTo(
        "00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 11 12 13 14 15 16 17 18 19 1a 1b 1c 1d 1e 1f"
            + " ... (100 bytes) ... "
            + "54 55 56 57 58 59 5a 5b 5c 5d 5e 5f 60 61 62 63");
  }

  @Test
  void hexDumpPrints16BytesALineWithOffsets() {
    assertThat(counting(18).hexDump()).isEqualTo(
        "0000  00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f \n"
            + "0010  10 11 \n");
    assertThat(Bytes.EMPTY.hexDump()).isEmpty();
  }

  private static Bytes counting(int n) {
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = i;
    }
    return Bytes.of(v);
  }
}
