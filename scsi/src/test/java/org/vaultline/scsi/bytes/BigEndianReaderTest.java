package org.vaultline.scsi.bytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.sense.MalformedResponseException;

class BigEndianReaderTest {
  private static final Bytes COUNTING = Bytes.fromHex("01 02 03 04 05 06 07 08 09 0a");
  private static final Bytes ONES = Bytes.fromHex("ff ff ff ff ff ff ff ff");

  /** One read of {@code width} bytes at an offset, for the tables below. */
  private interface Read {
    Object at(BigEndianReader r, int offset) throws MalformedResponseException;
  }

  private record Width(String name, int width, Read read) {}

  private static final List<Width> WIDTHS = List.of(
      new Width("u8", 1, BigEndianReader::u8),
      new Width("u16", 2, BigEndianReader::u16),
      new Width("u24", 3, BigEndianReader::u24),
      new Width("u32", 4, BigEndianReader::u32),
      new Width("u32AsInt", 4, BigEndianReader::u32AsInt),
      new Width("u48", 6, BigEndianReader::u48),
      new Width("u64", 8, BigEndianReader::u64),
      new Width("bit", 1, (r, o) -> r.bit(o, 0)),
      new Width("bits", 1, (r, o) -> r.bits(o, 3, 1)),
      new Width("bytes(3)", 3, (r, o) -> r.bytes(o, 3)),
      new Width("ascii(2)", 2, (r, o) -> r.ascii(o, 2)),
      new Width("asciiRaw(2)", 2, (r, o) -> r.asciiRaw(o, 2)));

  @Test
  void readsEveryWidthBigEndian() throws Exception {
    BigEndianReader r = new BigEndianReader(COUNTING);
    assertThat(r.u8(0)).isEqualTo(0x01);
    assertThat(r.u16(1)).isEqualTo(0x0203);
    assertThat(r.u24(2)).isEqualTo(0x030405);
    assertThat(r.u32(3)).isEqualTo(0x04050607L);
    assertThat(r.u32AsInt(0)).isEqualTo(0x01020304);
    assertThat(r.u48(4)).isEqualTo(0x05060708090aL);
    assertThat(r.u64(2)).isEqualTo(0x030405060708090aL);
  }

  @Test
  void readsAreUnsignedUpTo32BitsAnd64BitsWrapToALong() throws Exception {
    BigEndianReader r = new BigEndianReader(ONES);
    assertThat(r.u8(0)).isEqualTo(255);
    assertThat(r.u16(0)).isEqualTo(65_535);
    assertThat(r.u24(0)).isEqualTo(16_777_215);
    assertThat(r.u32(0)).isEqualTo(4_294_967_295L);
    assertThat(r.u48(0)).isEqualTo(281_474_976_710_655L);
    assertThat(r.u64(0)).isEqualTo(-1L);
  }

  @Test
  void u32AsIntRefusesValuesAboveIntMaxWithTheOffset() {
    BigEndianReader r = new BigEndianReader(Bytes.fromHex("00 80 00 00 00"));
    assertThatThrownBy(() -> r.u32AsInt(1))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> assertThat(e.offset()).isEqualTo(1))
        .hasMessageContaining("2147483648");
  }

  @Test
  void bitAndBitsNumberBitsFromTheLeastSignificant() throws Exception {
    BigEndianReader r = new BigEndianReader(Bytes.of(0b1010_0110));
    assertThat(r.bit(0, 7)).isTrue();
    assertThat(r.bit(0, 6)).isFalse();
    assertThat(r.bit(0, 0)).isFalse();
    assertThat(r.bit(0, 1)).isTrue();
    assertThat(r.bits(0, 7, 4)).isEqualTo(0b1010);
    assertThat(r.bits(0, 3, 1)).isEqualTo(0b011);
    assertThat(r.bits(0, 7, 0)).isEqualTo(0xa6);
  }

  @Test
  void bytesAndRestCopyOutRanges() throws Exception {
    BigEndianReader r = new BigEndianReader(COUNTING);
    assertThat(r.bytes(8, 2)).isEqualTo(Bytes.of(9, 10));
    assertThat(r.bytes(10, 0)).isEqualTo(Bytes.EMPTY);
    assertThat(r.rest(7)).isEqualTo(Bytes.of(8, 9, 10));
    assertThat(r.rest(10)).isEqualTo(Bytes.EMPTY);
    assertThat(r.rest(99)).isEqualTo(Bytes.EMPTY);
    assertThat(r.rest(-5)).isEqualTo(COUNTING);
  }

  @Test
  void asciiDropsTrailingSpacesAndNulsButAsciiRawKeepsThem() throws Exception {
    BigEndianReader r = new BigEndianReader(Bytes.ascii("IBM  \0 X"));
    assertThat(r.ascii(0, 7)).isEqualTo("IBM");
    assertThat(r.ascii(0, 8)).isEqualTo("IBM  \0 X");
    assertThat(r.ascii(3, 4)).isEmpty();
    assertThat(r.asciiRaw(0, 7)).isEqualTo("IBM  \0 ");
  }

  @Test
  void hasChecksOffsetAndLengthAgainstTheEnd() {
    BigEndianReader r = new BigEndianReader(COUNTING);
    assertThat(r.length()).isEqualTo(10);
    assertThat(r.has(0, 10)).isTrue();
    assertThat(r.has(10, 0)).isTrue();
    assertThat(r.has(9, 2)).isFalse();
    assertThat(r.has(-1, 1)).isFalse();
    assertThat(r.has(0, -1)).isFalse();
    assertThat(r.has(Integer.MAX_VALUE, Integer.MAX_VALUE)).isFalse();
  }

  @Test
  void everyReadPastTheEndThrowsMalformedResponseWithTheOffset() {
    BigEndianReader r = new BigEndianReader(COUNTING);
    for (Width w : WIDTHS) {
      int offset = COUNTING.size() - w.width() + 1;
      assertThatThrownBy(() -> w.read().at(r, offset))
          .as(w.name())
          .isInstanceOfSatisfying(MalformedResponseException.class,
              e -> assertThat(e.offset()).as(w.name()).isEqualTo(offset))
          .hasMessageContaining("runs past the end of the data (10 bytes)");
    }
  }

  @Test
  void everyReadThatEndsExactlyAtTheEndSucceeds() throws Exception {
    BigEndianReader r = new BigEndianReader(COUNTING);
    for (Width w : WIDTHS) {
      assertThat(w.read().at(r, COUNTING.size() - w.width())).as(w.name()).isNotNull();
    }
  }

  @Test
  void everyReadOfAnEmptyResponseThrowsAtOffsetZero() {
    BigEndianReader r = new BigEndianReader(Bytes.EMPTY);
    for (Width w : WIDTHS) {
      assertThatThrownBy(() -> w.read().at(r, 0))
          .as(w.name())
          .isInstanceOfSatisfying(MalformedResponseException.class, e -> assertThat(e.offset()).isZero());
    }
  }

  @Test
  void everyReadAtANegativeOffsetThrowsMalformedResponseNotIndexOutOfBounds() {
    BigEndianReader r = new BigEndianReader(COUNTING);
    for (Width w : WIDTHS) {
      assertThatThrownBy(() -> w.read().at(r, -1))
          .as(w.name())
          .isInstanceOfSatisfying(MalformedResponseException.class, e -> assertThat(e.offset()).isZero());
      assertThatThrownBy(() -> w.read().at(r, Integer.MIN_VALUE))
          .as(w.name())
          .isInstanceOf(MalformedResponseException.class);
    }
  }

  @Test
  void readsAtHugeOffsetsThrowMalformedResponseNotOverflow() {
    BigEndianReader r = new BigEndianReader(COUNTING);
    for (Width w : WIDTHS) {
      assertThatThrownBy(() -> w.read().at(r, Integer.MAX_VALUE))
          .as(w.name())
          .isInstanceOf(MalformedResponseException.class);
    }
    assertThatThrownBy(() -> r.bytes(0, -1)).isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void subReadsWithItsOwnOffsetsAndReportsAbsoluteOnes() throws Exception {
    BigEndianReader r = new BigEndianReader(COUNTING);
    BigEndianReader sub = r.sub(4, 3);
    assertThat(sub.length()).isEqualTo(3);
    assertThat(sub.u8(0)).isEqualTo(5);
    assertThat(sub.u16(1)).isEqualTo(0x0607);
    assertThat(sub.absoluteOffset(2)).isEqualTo(6);
    assertThat(sub.rest(1)).isEqualTo(Bytes.of(6, 7));
    BigEndianReader subSub = sub.sub(1, 2);
    assertThat(subSub.u16(0)).isEqualTo(0x0607);
    assertThat(subSub.absoluteOffset(0)).isEqualTo(5);
  }

  @Test
  void aSubReaderEndsAtItsLengthEvenWhenTheParentGoesOn() throws Exception {
    BigEndianReader sub = new BigEndianReader(COUNTING).sub(4, 3);
    for (Width w : WIDTHS) {
      int offset = Math.max(0, 3 - w.width() + 1);
      assertThatThrownBy(() -> w.read().at(sub, offset))
          .as(w.name())
          .isInstanceOfSatisfying(MalformedResponseException.class,
              e -> assertThat(e.offset()).as(w.name()).isEqualTo(4 + offset))
          .hasMessageContaining("(7 bytes)");
    }
  }

  @Test
  void subPastTheEndOrWithNegativeArgumentsThrowsMalformedResponse() {
    BigEndianReader r = new BigEndianReader(COUNTING);
    assertThatThrownBy(() -> r.sub(8, 3))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> assertThat(e.offset()).isEqualTo(8))
        .hasMessageContaining("sub-structure");
    assertThatThrownBy(() -> r.sub(-1, 2)).isInstanceOf(MalformedResponseException.class);
    assertThatThrownBy(() -> r.sub(2, -1)).isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void subClampedShortensToWhatIsThere() throws Exception {
    BigEndianReader r = new BigEndianReader(COUNTING);
    BigEndianReader clamped = r.subClamped(8, 100);
    assertThat(clamped.length()).isEqualTo(2);
    assertThat(clamped.u16(0)).isEqualTo(0x090a);
    assertThat(r.subClamped(20, 5).length()).isZero();
    assertThat(r.subClamped(-3, 2).u8(0)).isEqualTo(1);
    assertThat(r.subClamped(3, -2).length()).isZero();
  }

  /** Regression: base + offset overflowed int, giving a reader that started before the data. */
  @Test
  void subClampedAtAHugeOffsetOfASubReaderIsEmpty() throws Exception {
    BigEndianReader sub = new BigEndianReader(COUNTING).sub(4, 3);
    BigEndianReader clamped = sub.subClamped(Integer.MAX_VALUE, Integer.MAX_VALUE);
    assertThat(clamped.length()).isZero();
    assertThat(clamped.rest(0)).isEqualTo(Bytes.EMPTY);
    assertThatThrownBy(() -> clamped.u8(0)).isInstanceOf(MalformedResponseException.class);
  }
}
