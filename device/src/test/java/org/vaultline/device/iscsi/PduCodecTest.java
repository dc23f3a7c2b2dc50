package org.vaultline.device.iscsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vaultline.scsi.bytes.Bytes;

class PduCodecTest {
  private static final Digests BOTH = new Digests(true, true);

  @Test
  void nopOutHeaderHasTheLayoutOfRfc7143Section11_18() {
    NopOut nop = new NopOut(true, LunField.encode(2), 0x11223344, Pdu.NO_TAG, 0x0a0b0c0d, 0x01020304,
        Bytes.ascii("ping!"));
    assertThat(nop.header()).isEqualTo(Bytes.fromHex(
        "40 80 00 00 00 00 00 05" // I + opcode 00, F, TotalAHSLength 0, DataSegmentLength 5
            + "00 02 00 00 00 00 00 00" // LUN 2, peripheral device addressing
            + "11 22 33 44 ff ff ff ff" // ITT, TTT
            + "0a 0b 0c 0d 01 02 03 04" // CmdSN, ExpStatSN
            + "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"));
    byte[] wire = PduEncoder.encode(nop, Digests.NONE);
    assertThat(wire).hasSize(48 + 8);
    assertThat(Bytes.of(wire).slice(48, 56)).isEqualTo(Bytes.fromHex("70 69 6e 67 21 00 00 00"));
  }

  @Test
  void scsiCommandCarriesFlagsLengthAndCdbWhereTheStandardPutsThem() {
    ScsiCommand cmd = new ScsiCommand(false, true, true, false, ScsiCommand.SIMPLE, LunField.encode(1), 7, 96, 5, 9,
        Bytes.fromHex("12 00 00 00 60 00"), Bytes.EMPTY);
    assertThat(cmd.header()).isEqualTo(Bytes.fromHex(
        "01 c1 00 00 00 00 00 00" // opcode 01, F R ATTR=simple
            + "00 01 00 00 00 00 00 00"
            + "00 00 00 07 00 00 00 60" // ITT 7, expected data transfer length 96
            + "00 00 00 05 00 00 00 09" // CmdSN 5, ExpStatSN 9
            + "12 00 00 00 60 00 00 00 00 00 00 00 00 00 00 00"));
  }

  @Test
  void loginRequestPacksStagesAndIsid() {
    LoginRequest login = new LoginRequest(true, false, LoginRequest.OPERATIONAL, LoginRequest.FULL_FEATURE, 0, 0,
        0x800102030405L, 0, 1, 0, 1, 0, Bytes.EMPTY);
    assertThat(login.header().slice(0, 16)).isEqualTo(Bytes.fromHex(
        "43 87 00 00 00 00 00 00" // I + opcode 03; T, CSG 1, NSG 3
            + "80 01 02 03 04 05 00 00")); // ISID (type 10b random), TSIH 0
  }

  @Test
  void aCdbLongerThanSixteenBytesTravelsInAnExtendedCdbAhs() throws Exception {
    Bytes cdb32 = Bytes.fromHex("7f 00 00 00 00 00 00 18 " + "11 ".repeat(24));
    ScsiCommand cmd = new ScsiCommand(false, true, false, false, 1, 0, 1, 0, 1, 1, cdb32, Bytes.EMPTY);
    // AHSLength 17 (reserved byte + 16 CDB bytes), type 1, reserved, CDB bytes 16..31, padded to 20 bytes
    assertThat(cmd.ahs()).isEqualTo(Bytes.fromHex("00 11 01 00 " + "11 ".repeat(16)));
    assertThat(cmd.header().get(4)).isEqualTo(5);
    List<Pdu> back = decodeAll(PduEncoder.encode(cmd, BOTH), BOTH, 1);
    assertThat(back).containsExactly(cmd);
  }

  @Test
  void crc32cDigestsMatchTheRfc3720Examples() {
    // RFC 3720 B.4: 32 bytes of zeroes, of ones, incrementing and decrementing, in wire order
    byte[] zeros = new byte[32];
    byte[] ones = new byte[32];
    byte[] inc = new byte[32];
    byte[] dec = new byte[32];
    for (int i = 0; i < 32; i++) {
      ones[i] = (byte) 0xff;
      inc[i] = (byte) i;
      dec[i] = (byte) (31 - i);
    }
    assertThat(wire(zeros)).isEqualTo(Bytes.fromHex("aa 36 91 8a"));
    assertThat(wire(ones)).isEqualTo(Bytes.fromHex("43 ab a8 62"));
    assertThat(wire(inc)).isEqualTo(Bytes.fromHex("4e 79 dd 46"));
    assertThat(wire(dec)).isEqualTo(Bytes.fromHex("5c db 3f 11"));
  }

  private static Bytes wire(byte[] b) {
    byte[] d = new byte[4];
    Digests.putDigest(d, 0, Digests.crc32c(b, 0, b.length));
    return Bytes.of(d);
  }

  @Test
  void theHeaderDigestCoversTheHeaderAndTheDataDigestCoversDataAndPadding() {
    NopOut nop = new NopOut(true, 0, 1, Pdu.NO_TAG, 1, 1, Bytes.ascii("abc"));
    byte[] wire = PduEncoder.encode(nop, BOTH);
    assertThat(wire).hasSize(48 + 4 + 4 + 4);
    assertThat(Digests.getDigest(wire, 48)).isEqualTo(Digests.crc32c(wire, 0, 48));
    assertThat(Digests.getDigest(wire, 56)).isEqualTo(Digests.crc32c(wire, 52, 4));
    assertThat(wire[55]).isZero(); // padding
  }

  @Test
  void noDataDigestFollowsAnEmptyDataSegment() {
    byte[] wire = PduEncoder.encode(new NopIn(0, 1, Pdu.NO_TAG, 1, 1, 1, Bytes.EMPTY), BOTH);
    assertThat(wire).hasSize(52);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3})
  void everyKindOfPduSurvivesEncodingAndDecoding(int digestCase) throws Exception {
    Digests d = new Digests((digestCase & 1) != 0, (digestCase & 2) != 0);
    Random r = new Random(7 + digestCase);
    for (int round = 0; round < 50; round++) {
      List<Pdu> pdus = PduSamples.all(r);
      byte[] stream = stream(pdus, d);
      assertThat(decodeAll(stream, d, stream.length)).containsExactlyElementsOf(pdus);
    }
  }

  @Test
  void aStreamFedOneByteAtATimeDecodesToTheSamePdus() throws Exception {
    List<Pdu> pdus = PduSamples.all(new Random(11));
    for (Digests d : List.of(Digests.NONE, BOTH)) {
      byte[] stream = stream(pdus, d);
      assertThat(decodeAll(stream, d, 1)).containsExactlyElementsOf(pdus);
    }
  }

  @Test
  void aStreamFedInChunksOfEverySizeDecodesToTheSamePdus() throws Exception {
    Random r = new Random(12);
    List<Pdu> pdus = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      pdus.addAll(PduSamples.all(r));
    }
    byte[] stream = stream(pdus, BOTH);
    for (int chunk : new int[] {2, 3, 47, 48, 49, 1000, 65536, stream.length}) {
      assertThat(decodeAll(stream, BOTH, chunk)).as("chunk %d", chunk).containsExactlyElementsOf(pdus);
    }
    PduDecoder decoder = new PduDecoder(0xffffff);
    decoder.digests(BOTH);
    List<Pdu> out = new ArrayList<>();
    for (int off = 0; off < stream.length; ) {
      int n = Math.min(stream.length - off, 1 + r.nextInt(5000));
      decoder.feed(stream, off, n);
      off += n;
      drain(decoder, out);
    }
    assertThat(out).containsExactlyElementsOf(pdus);
    assertThat(decoder.buffered()).isZero();
  }

  @Test
  void everyTruncationOfAStreamGivesOnlyTheCompletePdusBeforeTheCut() throws Exception {
    List<Pdu> pdus = PduSamples.all(new Random(13));
    byte[] stream = stream(pdus, BOTH);
    List<Integer> ends = new ArrayList<>();
    int end = 0;
    for (Pdu p : pdus) {
      end += PduEncoder.encode(p, BOTH).length;
      ends.add(end);
    }
    for (int cut = 0; cut <= stream.length; cut++) {
      PduDecoder decoder = new PduDecoder(0xffffff);
      decoder.digests(BOTH);
      decoder.feed(stream, 0, cut);
      List<Pdu> out = new ArrayList<>();
      drain(decoder, out);
      int complete = 0;
      while (complete < ends.size() && ends.get(complete) <= cut) {
        complete++;
      }
      assertThat(out).hasSize(complete);
    }
  }

  @Test
  void aDamagedHeaderDigestBreaksTheStreamForGood() {
    byte[] wire = stream(PduSamples.all(new Random(14)), BOTH);
    wire[20] ^= 1;
    PduDecoder decoder = new PduDecoder(0xffffff);
    decoder.digests(BOTH);
    decoder.feed(wire);
    assertThatThrownBy(decoder::next).isInstanceOf(MalformedPduException.class).hasMessageContaining("header digest");
    assertThatThrownBy(decoder::next).isInstanceOf(MalformedPduException.class);
  }

  @Test
  void aDamagedDataDigestCostsOnlyThatPdu() throws Exception {
    NopOut first = new NopOut(true, 0, 1, Pdu.NO_TAG, 1, 1, Bytes.ascii("first ping"));
    NopOut second = new NopOut(true, 0, 2, Pdu.NO_TAG, 1, 1, Bytes.ascii("second"));
    byte[] a = PduEncoder.encode(first, BOTH);
    a[53] ^= 0x40;
    PduDecoder decoder = new PduDecoder(0xffffff);
    decoder.digests(BOTH);
    decoder.feed(a);
    decoder.feed(PduEncoder.encode(second, BOTH));
    assertThatThrownBy(decoder::next).isInstanceOfSatisfying(DataDigestException.class,
        e -> assertThat(e.header()).isEqualTo(first.header()));
    assertThat(decoder.next()).contains(second);
  }

  @Test
  void aDataSegmentLongerThanTheLimitIsRefusedBeforeItIsBuffered() {
    PduDecoder decoder = new PduDecoder(8192);
    decoder.feed(PduEncoder.encode(new DataOut(true, 0, 1, 1, 1, 0, 0, Bytes.zeros(8193)), Digests.NONE), 0, 48);
    assertThatThrownBy(decoder::next).isInstanceOf(MalformedPduException.class).hasMessageContaining("8193");
  }

  @Test
  void aSenseLengthPastTheDataSegmentIsMalformedButLeavesTheStreamInStep() throws Exception {
    ScsiResponse bad = new ScsiResponse(false, false, 0, 2, 1, 1, 1, 1, 0, 0, Bytes.EMPTY, Bytes.EMPTY);
    Bytes header = Bytes.of(bad.header().toByteArray());
    byte[] h = header.toByteArray();
    h[7] = 4; // DataSegmentLength 4
    byte[] wire = new byte[52];
    System.arraycopy(h, 0, wire, 0, 48);
    wire[48] = 0;
    wire[49] = 18; // SenseLength 18 with only 2 bytes after it
    NopIn next = new NopIn(0, 5, Pdu.NO_TAG, 1, 1, 1, Bytes.EMPTY);
    PduDecoder decoder = new PduDecoder(0xffffff);
    decoder.feed(wire);
    decoder.feed(PduEncoder.encode(next, Digests.NONE));
    assertThatThrownBy(decoder::next).isInstanceOf(MalformedPduException.class).hasMessageContaining("SenseLength");
    assertThat(decoder.next()).contains(next);
  }

  @Test
  void anUnknownOpcodeIsKeptRaw() throws Exception {
    byte[] wire = new byte[48];
    wire[0] = 0x1c;
    wire[16] = 0x12;
    Pdu p = decodeAll(wire, Digests.NONE, 48).get(0);
    assertThat(p).isInstanceOf(UnknownPdu.class);
    assertThat(p.opcode()).isEqualTo(0x1c);
    assertThat(p.initiatorTaskTag()).isEqualTo(0x12000000);
  }

  /** Totality: random bytes and mutated valid streams give PDUs or MalformedPduException, nothing else. */
  @Test
  void garbageGivesPdusOrMalformedPduExceptionAndNothingElse() {
    Random r = new Random(20240101);
    byte[] valid = stream(PduSamples.all(new Random(1)), BOTH);
    byte[] validPlain = stream(PduSamples.all(new Random(2)), Digests.NONE);
    int malformed = 0;
    int decoded = 0;
    for (int i = 0; i < 12_000; i++) {
      byte[] input;
      Digests d = r.nextBoolean() ? BOTH : Digests.NONE;
      switch (i % 3) {
        case 0 -> {
          input = new byte[r.nextInt(600)];
          r.nextBytes(input);
        }
        case 1 -> {
          input = (d == BOTH ? valid : validPlain).clone();
          for (int m = 0, n = 1 + r.nextInt(8); m < n; m++) {
            input[r.nextInt(input.length)] = (byte) r.nextInt(256);
          }
        }
        default -> {
          input = (d == BOTH ? valid : validPlain).clone();
          int at = r.nextInt(input.length);
          input[at] = (byte) r.nextInt(256);
          input = java.util.Arrays.copyOf(input, r.nextInt(input.length + 1));
        }
      }
      PduDecoder decoder = new PduDecoder(65536);
      decoder.digests(d);
      int chunk = 1 + r.nextInt(200);
      try {
        for (int off = 0; off < input.length; off += chunk) {
          decoder.feed(input, off, Math.min(chunk, input.length - off));
          while (decoder.next().isPresent()) {
            decoded++;
          }
        }
      } catch (MalformedPduException e) {
        malformed++;
      }
    }
    assertThat(malformed).isGreaterThan(1000);
    assertThat(decoded).isGreaterThan(1000);
  }

  static byte[] stream(List<Pdu> pdus, Digests d) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Pdu p : pdus) {
      out.writeBytes(PduEncoder.encode(p, d));
    }
    return out.toByteArray();
  }

  static List<Pdu> decodeAll(byte[] stream, Digests d, int chunk) throws MalformedPduException {
    PduDecoder decoder = new PduDecoder(0xffffff);
    decoder.digests(d);
    List<Pdu> out = new ArrayList<>();
    for (int off = 0; off < stream.length; off += chunk) {
      decoder.feed(stream, off, Math.min(chunk, stream.length - off));
      drain(decoder, out);
    }
    return out;
  }

  private static void drain(PduDecoder decoder, List<Pdu> out) throws MalformedPduException {
    for (Optional<Pdu> p = decoder.next(); p.isPresent(); p = decoder.next()) {
      out.add(p.get());
    }
  }
}
