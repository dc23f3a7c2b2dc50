package org.vaultline.device.usb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/** CBW and CSW, BOT 5.1 and 5.2: bytes worked out from the specification, round trips, totality. */
class CommandWrapperCodecTest {
  private static final CommandBlockWrapper MOVE_MEDIUM = new CommandBlockWrapper(0x12345678, 0, false, 1,
      Bytes.of(0xA5, 0, 0, 0x01, 0x10, 0x00, 0x01, 0x00, 0, 0, 0, 0));
  private static final Bytes MOVE_MEDIUM_BYTES = Bytes.fromHex(
      "55 53 42 43 78 56 34 12 00 00 00 00 00 01 0c a5 00 00 01 10 00 01 00 00 00 00 00 00 00 00 00");
  private static final CommandStatusWrapper FAILED = new CommandStatusWrapper(0xCAFEBABE, 0x01020304L, 1);
  private static final Bytes FAILED_BYTES = Bytes.fromHex("55 53 42 53 be ba fe ca 04 03 02 01 01");

  @Test
  void aCommandBlockWrapperEncodesFieldByField() {
    assertThat(MOVE_MEDIUM.encode()).isEqualTo(MOVE_MEDIUM_BYTES);
  }

  @Test
  void aDataInWrapperSetsTheDirectionBitAndTheLength() {
    Bytes b = new CommandBlockWrapper(-1, 0xFFFF_FFFFL, true, 15, Bytes.of(0x12, 0, 0, 0, 0xff, 0)).encode();

    assertThat(b.slice(4, 15)).isEqualTo(Bytes.fromHex("ff ff ff ff ff ff ff ff 80 0f 06"));
  }

  @Test
  void aCommandStatusWrapperEncodesFieldByField() {
    assertThat(FAILED.encode()).isEqualTo(FAILED_BYTES);
  }

  @Test
  void bothWrappersDecodeToWhatWasEncoded() throws Exception {
    assertThat(CommandBlockWrapper.decode(MOVE_MEDIUM_BYTES)).isEqualTo(MOVE_MEDIUM);
    assertThat(CommandStatusWrapper.decode(FAILED_BYTES)).isEqualTo(FAILED);
    Random random = new Random(31);
    for (int i = 0; i < 1000; i++) {
      byte[] cdb = new byte[1 + random.nextInt(16)];
      random.nextBytes(cdb);
      CommandBlockWrapper c = new CommandBlockWrapper(random.nextInt(), random.nextLong() & 0xFFFF_FFFFL,
          random.nextBoolean(), random.nextInt(16), Bytes.of(cdb));
      CommandStatusWrapper s = new CommandStatusWrapper(random.nextInt(), random.nextLong() & 0xFFFF_FFFFL,
          random.nextInt(256));
      assertThat(CommandBlockWrapper.decode(c.encode())).isEqualTo(c);
      assertThat(CommandStatusWrapper.decode(s.encode())).isEqualTo(s);
    }
  }

  @Test
  void aStatusWrapperKeepsAReservedStatusAsRead() throws Exception {
    CommandStatusWrapper s = CommandStatusWrapper.decode(Bytes.fromHex("55 53 42 53 01 00 00 00 00 00 00 00 07"));

    assertThat(s.status()).isEqualTo(7);
    assertThat(s.describeStatus()).isEqualTo("reserved status 07h");
  }

  @Test
  void everyLengthButTheRightOneIsRefusedWithItsOffset() {
    for (int n = 0; n <= 40; n++) {
      if (n != 31) {
        Bytes cbw = MOVE_MEDIUM_BYTES.concat(Bytes.zeros(9)).prefix(n);
        assertThatThrownBy(() -> CommandBlockWrapper.decode(cbw)).isInstanceOf(MalformedResponseException.class)
            .hasMessageContaining("a CBW is 31 bytes, not " + n);
      }
      if (n != 13) {
        Bytes csw = FAILED_BYTES.concat(Bytes.zeros(27)).prefix(n);
        assertThatThrownBy(() -> CommandStatusWrapper.decode(csw)).isInstanceOf(MalformedResponseException.class)
            .hasMessageContaining("a CSW is 13 bytes, not " + n);
      }
    }
  }

  @Test
  void meaninglessCommandBlocksAreRefusedAtTheOffendingByte() {
    assertOffset(MOVE_MEDIUM_BYTES, 0, 0x56, 0);   // signature
    assertOffset(MOVE_MEDIUM_BYTES, 12, 0x01, 12); // reserved flag bits
    assertOffset(MOVE_MEDIUM_BYTES, 13, 0x11, 13); // reserved LUN bits
    assertOffset(MOVE_MEDIUM_BYTES, 14, 0x00, 14); // CB length 0
    assertOffset(MOVE_MEDIUM_BYTES, 14, 0x11, 14); // CB length 17
  }

  private static void assertOffset(Bytes valid, int at, int value, int offset) {
    byte[] b = valid.toByteArray();
    b[at] = (byte) value;
    assertThatThrownBy(() -> CommandBlockWrapper.decode(Bytes.of(b)))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> assertThat(e.offset()).isEqualTo(offset));
  }

  @Test
  void tenThousandRandomAndMutatedWrappersGiveARecordOrMalformedResponse() {
    Random random = new Random(0x55534253L);
    List<Bytes> samples = List.of(MOVE_MEDIUM_BYTES, FAILED_BYTES);
    for (int i = 0; i < 10_000; i++) {
      byte[] b;
      if (i % 2 == 0) {
        b = new byte[random.nextBoolean() ? random.nextInt(40) : (random.nextBoolean() ? 13 : 31)];
        random.nextBytes(b);
      } else {
        b = samples.get(random.nextInt(2)).toByteArray();
        for (int m = random.nextInt(3); m >= 0; m--) {
          int at = random.nextInt(b.length);
          b[at] = (byte) (at < 4 ? b[at] : random.nextInt(256)); // keep the signature most of the time
        }
      }
      Bytes in = Bytes.of(b);
      try {
        assertThat(CommandBlockWrapper.decode(in)).isNotNull();
      } catch (MalformedResponseException expected) {
        // allowed
      }
      try {
        assertThat(CommandStatusWrapper.decode(in)).isNotNull();
      } catch (MalformedResponseException expected) {
        // allowed
      }
    }
  }

  @Test
  void constructorsRefuseValuesTheWireCannotCarry() {
    assertThatThrownBy(() -> new CommandBlockWrapper(0, -1, false, 0, Bytes.of(0))).isInstanceOf(
        IllegalArgumentException.class);
    assertThatThrownBy(() -> new CommandBlockWrapper(0, 0, false, 16, Bytes.of(0))).isInstanceOf(
        IllegalArgumentException.class);
    assertThatThrownBy(() -> new CommandBlockWrapper(0, 0, false, 0, Bytes.zeros(17))).isInstanceOf(
        IllegalArgumentException.class);
    assertThatThrownBy(() -> new CommandStatusWrapper(0, 1L << 32, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
