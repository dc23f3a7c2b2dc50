package org.vaultline.scsi.bytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.sense.MalformedResponseException;

class LittleEndianTest {

  @Test
  void writerPutsTheLeastSignificantByteFirst() {
    Bytes b = new LittleEndianWriter().u8(0x01).u16(0x0302).u32(0x07060504L).zeros(2).bytes(Bytes.of(0xaa))
        .toBytes();
    assertThat(b).isEqualTo(Bytes.fromHex("01 02 03 04 05 06 07 00 00 aa"));
  }

  @Test
  void aUsbCommandBlockWrapperSignatureIsWrittenAsUsbcInAscii() {
    // USB Mass Storage Bulk-Only Transport 5.1: dCBWSignature 43425355h, "USBC" on the wire
    assertThat(new LittleEndianWriter().u32(0x43425355L).toBytes()).isEqualTo(Bytes.ascii("USBC"));
  }

  @Test
  void readerReadsUnsignedLittleEndianValues() throws Exception {
    LittleEndianReader r = new LittleEndianReader(Bytes.fromHex("01 02 03 04 ff ff ff ff"));
    assertThat(r.length()).isEqualTo(8);
    assertThat(r.u8(4)).isEqualTo(255);
    assertThat(r.u16(0)).isEqualTo(0x0201);
    assertThat(r.u32(0)).isEqualTo(0x04030201L);
    assertThat(r.u32(4)).isEqualTo(4_294_967_295L);
    assertThat(r.bytes(2, 3)).isEqualTo(Bytes.of(3, 4, 0xff));
  }

  @Test
  void everyReadPastTheEndThrowsMalformedResponseWithTheOffset() {
    LittleEndianReader r = new LittleEndianReader(Bytes.of(1, 2, 3));
    assertThatThrownBy(() -> r.u8(3))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> assertThat(e.offset()).isEqualTo(3));
    assertThatThrownBy(() -> r.u16(2))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> assertThat(e.offset()).isEqualTo(2));
    assertThatThrownBy(() -> r.u32(0))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> assertThat(e.offset()).isZero())
        .hasMessageContaining("runs past the end of the data (3 bytes)");
    assertThatThrownBy(() -> r.bytes(1, 3))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> assertThat(e.offset()).isEqualTo(1));
    assertThatThrownBy(() -> r.u8(Integer.MAX_VALUE)).isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void negativeOffsetsThrowMalformedResponseAtOffsetZero() {
    LittleEndianReader r = new LittleEndianReader(Bytes.of(1, 2, 3, 4));
    assertThatThrownBy(() -> r.u8(-1))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> assertThat(e.offset()).isZero());
    assertThatThrownBy(() -> r.u32(-4)).isInstanceOf(MalformedResponseException.class);
  }

  /** Regression: a negative length passed the bounds check and Bytes.slice threw IllegalArgumentException. */
  @Test
  void aNegativeLengthThrowsMalformedResponse() {
    LittleEndianReader r = new LittleEndianReader(Bytes.of(1, 2, 3, 4));
    assertThatThrownBy(() -> r.bytes(2, -1)).isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void whatTheWriterWritesTheReaderReadsBack() throws Exception {
    Random random = new Random(7L);
    for (int i = 0; i < 1000; i++) {
      int v8 = random.nextInt(1 << 8);
      int v16 = random.nextInt(1 << 16);
      long v32 = random.nextLong() >>> 32;
      LittleEndianReader r = new LittleEndianReader(new LittleEndianWriter().u8(v8).u16(v16).u32(v32).toBytes());
      assertThat(r.u8(0)).isEqualTo(v8);
      assertThat(r.u16(1)).isEqualTo(v16);
      assertThat(r.u32(3)).isEqualTo(v32);
    }
  }

  @Test
  void writerGrowsPastItsInitialCapacity() {
    LittleEndianWriter w = new LittleEndianWriter();
    for (int i = 0; i < 100; i++) {
      w.u32(i);
    }
    assertThat(w.size()).isEqualTo(400);
    assertThat(w.toBytes().get(396)).isEqualTo(99);
  }
}
