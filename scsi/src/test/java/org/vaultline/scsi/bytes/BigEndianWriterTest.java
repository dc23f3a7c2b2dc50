package org.vaultline.scsi.bytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BigEndianWriterTest {

  @Test
  void writesEveryWidthMostSignificantByteFirst() {
    Bytes b = new BigEndianWriter()
        .u8(0x01).u16(0x0203).u24(0x040506).u32(0x0708090aL).u48(0x0b0c0d0e0f10L).u64(0x1112131415161718L)
        .toBytes();
    assertThat(b).isEqualTo(Bytes.fromHex(
        "01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 11 12 13 14 15 16 17 18"));
  }

  @Test
  void valuesAreCutToTheirWidth() {
    assertThat(new BigEndianWriter().u8(0x1ff).u16(0x12345).u32(0x1_2345_6789L).toBytes())
        .isEqualTo(Bytes.fromHex("ff 23 45 23 45 67 89"));
    assertThat(new BigEndianWriter().u64(-1L).toBytes()).isEqualTo(Bytes.fromHex("ff ff ff ff ff ff ff ff"));
  }

  @Test
  void zerosBytesAndAsciiPaddedAppend() {
    Bytes b = new BigEndianWriter(1)
        .zeros(2).bytes(Bytes.of(0xaa, 0xbb)).asciiPadded("IBM", 5).asciiPadded("ULTRIUM", 3)
        .toBytes();
    assertThat(b).isEqualTo(Bytes.fromHex("00 00 aa bb 49 42 4d 20 20 55 4c 54"));
  }

  @Test
  void putAtFillsFieldsAlreadyWritten() {
    BigEndianWriter w = new BigEndianWriter().zeros(10);
    w.putU8At(0, 0x11).putU16At(1, 0x2233).putU24At(3, 0x445566).putU32At(6, 0x778899aaL);
    assertThat(w.toBytes()).isEqualTo(Bytes.fromHex("11 22 33 44 55 66 77 88 99 aa"));
    assertThat(w.size()).isEqualTo(10);
  }

  @Test
  void setBitAtSetsAndClearsOneBit() {
    BigEndianWriter w = new BigEndianWriter().u8(0x0f);
    w.setBitAt(0, 7, true).setBitAt(0, 0, false);
    assertThat(w.toBytes()).isEqualTo(Bytes.of(0x8e));
  }

  @Test
  void putAtOutsideWhatWasWrittenIsAProgrammingError() {
    BigEndianWriter w = new BigEndianWriter().zeros(3);
    assertThatThrownBy(() -> w.putU8At(3, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> w.putU16At(2, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> w.putU24At(1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> w.putU32At(0, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> w.putU8At(-1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> w.setBitAt(5, 0, true)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void toBytesIsASnapshotThatLaterWritesDoNotChange() {
    BigEndianWriter w = new BigEndianWriter().u8(1);
    Bytes first = w.toBytes();
    w.putU8At(0, 9).u8(2);
    assertThat(first).isEqualTo(Bytes.of(1));
    assertThat(w.toBytes()).isEqualTo(Bytes.of(9, 2));
  }

  @Test
  void growsPastItsInitialCapacity() {
    BigEndianWriter w = new BigEndianWriter(8);
    for (int i = 0; i < 1000; i++) {
      w.u8(i);
    }
    assertThat(w.size()).isEqualTo(1000);
    assertThat(w.toBytes().get(999)).isEqualTo(999 & 0xff);
  }

  @Test
  void whatTheWriterWritesTheReaderReadsBack() throws Exception {
    Random random = new Random(20_240_501L);
    for (int i = 0; i < 1000; i++) {
      int v8 = random.nextInt(1 << 8);
      int v16 = random.nextInt(1 << 16);
      int v24 = random.nextInt(1 << 24);
      long v32 = random.nextLong() >>> 32;
      long v48 = random.nextLong() >>> 16;
      long v64 = random.nextLong();
      Bytes b = new BigEndianWriter().u8(v8).u16(v16).u24(v24).u32(v32).u48(v48).u64(v64).toBytes();
      BigEndianReader r = new BigEndianReader(b);
      assertThat(r.u8(0)).isEqualTo(v8);
      assertThat(r.u16(1)).isEqualTo(v16);
      assertThat(r.u24(3)).isEqualTo(v24);
      assertThat(r.u32(6)).isEqualTo(v32);
      assertThat(r.u48(10)).isEqualTo(v48);
      assertThat(r.u64(16)).isEqualTo(v64);
      assertThat(r.length()).isEqualTo(24);
    }
  }
}
