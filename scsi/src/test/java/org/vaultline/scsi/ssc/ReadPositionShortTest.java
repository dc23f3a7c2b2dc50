package org.vaultline.scsi.ssc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

class ReadPositionShortTest {

  @Test
  void everyFieldIsReadFromItsShortFormByte() throws Exception {
    // byte 0: BOP EOP LOCU BYCU rsvd LOLU PERR BPEW = 1010 0101; partition 3;
    // first 00010203, last 04050607, byte 12 reserved, objects 080910h, bytes 11121314h
    Bytes data = Bytes.fromHex("A5 03 00 00 00 01 02 03 04 05 06 07 00 08 09 10 11 12 13 14");
    ReadPositionShort p = new ReadPosition().parse(data);
    assertThat(p.beginningOfPartition()).isTrue();
    assertThat(p.endOfPartition()).isFalse();
    assertThat(p.objectCountUnknown()).isTrue();
    assertThat(p.byteCountUnknown()).isFalse();
    assertThat(p.locationUnknown()).isTrue();
    assertThat(p.positionError()).isFalse();
    assertThat(p.beyondProgrammableEarlyWarning()).isTrue();
    assertThat(p.partition()).isEqualTo(3);
    assertThat(p.firstLocation()).isEqualTo(0x00010203L);
    assertThat(p.lastLocation()).isEqualTo(0x04050607L);
    assertThat(p.objectsInBuffer()).isEqualTo(0x080910);
    assertThat(p.bytesInBuffer()).isEqualTo(0x11121314L);
    assertThat(p.knownLocation()).isEmpty();
  }

  @Test
  void allFlagsTheOtherWayAndUnsignedMaximaAreRead() throws Exception {
    Bytes data = Bytes.fromHex("5A 00 FF FF FF FF FF FF FF FF FF FE FF FF FF FF FF FF FF FF");
    ReadPositionShort p = ReadPositionShort.parse(data);
    assertThat(p.beginningOfPartition()).isFalse();
    assertThat(p.endOfPartition()).isTrue();
    assertThat(p.objectCountUnknown()).isFalse();
    assertThat(p.byteCountUnknown()).isTrue();
    assertThat(p.locationUnknown()).isFalse();
    assertThat(p.positionError()).isTrue();
    assertThat(p.beyondProgrammableEarlyWarning()).isFalse();
    assertThat(p.firstLocation()).isEqualTo(0xFFFFFFFFL);
    assertThat(p.lastLocation()).isEqualTo(0xFFFFFFFEL);
    assertThat(p.objectsInBuffer()).isEqualTo(0xFFFFFF);
    assertThat(p.bytesInBuffer()).isEqualTo(0xFFFFFFFFL);
    assertThat(p.knownLocation()).isEqualTo(OptionalLong.of(0xFFFFFFFFL));
  }

  @Test
  void atBeginningOfTapeTheDriveReportsBopAndBlockZero() {
    assertThat(ReadPositionShort.at(0, 0).encode())
        .isEqualTo(Bytes.fromHex("80 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"));
  }

  @Test
  void encodeThenParseGivesTheSameRecord() throws Exception {
    ReadPositionShort p = new ReadPositionShort(false, true, true, false, false, true, true, 7,
        123_456L, 123_460L, 4, 1_048_576L);
    assertThat(p.encode().size()).isEqualTo(20);
    assertThat(ReadPositionShort.parse(p.encode())).isEqualTo(p);
  }

  @Test
  void nineteenBytesAreTooFew() {
    assertThatThrownBy(() -> ReadPositionShort.parse(Bytes.zeros(19)))
        .isInstanceOf(MalformedResponseException.class)
        .extracting(e -> ((MalformedResponseException) e).offset()).isEqualTo(19);
  }

  @Test
  void tgtsAllZeroAnswerParsesAsBlockZero() throws Exception {
    // tgt returns zeros for READ POSITION (REFERENCE section 4): no BOP, location 0
    ReadPositionShort p = ReadPositionShort.parse(Bytes.zeros(20));
    assertThat(p.firstLocation()).isZero();
    assertThat(p.beginningOfPartition()).isFalse();
  }
}
