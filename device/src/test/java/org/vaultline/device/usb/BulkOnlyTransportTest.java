package org.vaultline.device.usb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vaultline.device.sgio.ScriptedLogicalUnit;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.transport.DataDirection;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiStatus;

class BulkOnlyTransportTest {
  private final ScriptedLogicalUnit drive = ScriptedLogicalUnit.tapeDrive();
  private final InMemoryBulkOnlyDevice device = new InMemoryBulkOnlyDevice().lun(0, drive);

  private static ScsiRequest inquiry(int allocation) {
    return new ScsiRequest("INQUIRY", Cdb.of(0x12, 0, 0, 0, allocation, 0), DataDirection.FROM_DEVICE,
        Bytes.EMPTY, allocation, Duration.ofSeconds(10));
  }

  private static ScsiRequest testUnitReady() {
    return new ScsiRequest("TEST UNIT READY", Cdb.of(0, 0, 0, 0, 0, 0), DataDirection.NONE, Bytes.EMPTY, 0,
        Duration.ofSeconds(10));
  }

  private static ScsiRequest unknownCommand() {
    return new ScsiRequest("VENDOR C1", Cdb.of(0xC1, 0, 0, 0, 0, 0), DataDirection.FROM_DEVICE, Bytes.EMPTY, 64,
        Duration.ofSeconds(10));
  }

  @Test
  void theCommandBlockWrapperIsLittleEndianAroundTheCdb() throws Exception {
    try (BulkOnlyTransport t = BulkOnlyTransport.open(device)) {
      t.execute(inquiry(36));
    }
    assertThat(device.commands().get(0).encode()).isEqualTo(Bytes.fromHex(
        "55 53 42 43 01 00 00 00 24 00 00 00 80 00 06 12 00 00 00 24 00 00 00 00 00 00 00 00 00 00 00"));
  }

  @Test
  void dataInArrivesWithTheResidualOfAShortAnswer() throws Exception {
    try (BulkOnlyTransport t = BulkOnlyTransport.open(device)) {
      ScsiResult full = t.execute(inquiry(36));
      ScsiResult shortAnswer = t.execute(inquiry(96));

      assertThat(full.isGood()).isTrue();
      assertThat(full.dataIn().slice(8, 11)).isEqualTo(Bytes.ascii("IBM"));
      assertThat(full.residual()).isZero();
      assertThat(shortAnswer.dataIn().size()).isEqualTo(36);
      assertThat(shortAnswer.residual()).isEqualTo(60);
    }
  }

  @Test
  void oneMebibyteGoesOutAndComesBack() throws Exception {
    byte[] block = new byte[1 << 20];
    new Random(5).nextBytes(block);
    Bytes data = Bytes.of(block);
    int n = data.size();
    try (BulkOnlyTransport t = BulkOnlyTransport.open(device)) {
      ScsiResult w = t.execute(new ScsiRequest("WRITE BUFFER", Cdb.of(0x3B, 2, 0, 0, 0, 0, n >> 16, n >> 8, n, 0),
          DataDirection.TO_DEVICE, data, 0, Duration.ofSeconds(60)));
      ScsiResult r = t.execute(new ScsiRequest("READ BUFFER", Cdb.of(0x3C, 2, 0, 0, 0, 0, n >> 16, n >> 8, n, 0),
          DataDirection.FROM_DEVICE, Bytes.EMPTY, n, Duration.ofSeconds(60)));

      assertThat(w.isGood()).isTrue();
      assertThat(drive.buffer()).isEqualTo(data);
      assertThat(r.dataIn()).isEqualTo(data);
      assertThat(device.commands().get(0).dataIn()).isFalse();
      assertThat(device.commands().get(0).dataTransferLength()).isEqualTo(1 << 20);
    }
  }

  @Test
  void aFailedCommandIsFollowedByRequestSenseAndReturnsItsSense() throws Exception {
    try (BulkOnlyTransport t = BulkOnlyTransport.open(device)) {
      ScsiResult r = t.execute(unknownCommand());

      assertThat(r.status()).isEqualTo(ScsiStatus.CHECK_CONDITION.code());
      assertThat(Sense.parse(r.sense()).is(SenseKey.ILLEGAL_REQUEST, 0x20, 0x00)).isTrue();
      assertThat(r.residual()).isEqualTo(64);
      assertThat(device.commands()).extracting(c -> c.cdb().get(0)).containsExactly(0xC1, 0x03);
      assertThat(device.commands().get(1).cdb()).isEqualTo(Bytes.of(0x03, 0, 0, 0, 18, 0));
      assertThat(device.commands().get(1).dataTransferLength()).isEqualTo(18);
      assertThat(t.execute(testUnitReady()).isGood()).as("the LUN carries on").isTrue();
    }
  }

  @Test
  void aDataPhaseEndedByAStallIsClearedAndTheStatusStillRead() throws Exception {
    device.thenFault(InMemoryBulkOnlyDevice.Fault.STALL_SHORT_DATA);
    try (BulkOnlyTransport t = BulkOnlyTransport.open(device)) {
      ScsiResult r = t.execute(unknownCommand());

      assertThat(r.isCheckCondition()).isTrue();
      assertThat(device.controlRequests()).containsExactly("clear halt IN");
    }
  }

  @Test
  void aStalledStatusIsClearedAndReadAgain() throws Exception {
    device.thenFault(InMemoryBulkOnlyDevice.Fault.STALL_CSW_ONCE);
    try (BulkOnlyTransport t = BulkOnlyTransport.open(device)) {
      assertThat(t.execute(testUnitReady()).isGood()).isTrue();
      assertThat(device.controlRequests()).containsExactly("clear halt IN");
    }
  }

  @Test
  void aPhaseErrorLeadsToResetRecoveryAndATransportError() throws Exception {
    device.thenFault(InMemoryBulkOnlyDevice.Fault.PHASE_ERROR);
    try (BulkOnlyTransport t = BulkOnlyTransport.open(device)) {
      assertThatThrownBy(() -> t.execute(testUnitReady()))
          .isInstanceOf(TransportException.class)
          .hasMessage("usb:in-memory lun 0: TEST UNIT READY: CSW phase error; reset recovery done, outcome unknown");
      assertThat(device.controlRequests()).containsExactly("reset", "clear halt IN", "clear halt OUT");
      assertThat(t.execute(testUnitReady()).isGood()).as("usable after recovery").isTrue();
    }
  }

  @Test
  void aStatusWithTheWrongSignatureIsRefused() throws Exception {
    device.thenFault(InMemoryBulkOnlyDevice.Fault.BAD_SIGNATURE);
    try (BulkOnlyTransport t = BulkOnlyTransport.open(device)) {
      assertThatThrownBy(() -> t.execute(testUnitReady()))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("invalid CSW")
          .hasMessageContaining("CSW signature 58425355, expected 53425355");
      assertThat(device.controlRequests()).containsExactly("reset", "clear halt IN", "clear halt OUT");
    }
  }

  @Test
  void aStatusForAnotherTagIsRefused() throws Exception {
    device.thenFault(InMemoryBulkOnlyDevice.Fault.WRONG_TAG);
    try (BulkOnlyTransport t = BulkOnlyTransport.open(device)) {
      assertThatThrownBy(() -> t.execute(testUnitReady()))
          .hasMessageContaining("CSW tag 00000002 does not match CBW tag 00000001");
    }
  }

  @Test
  void aShortStatusIsRefused() throws Exception {
    device.thenFault(InMemoryBulkOnlyDevice.Fault.SHORT_CSW);
    try (BulkOnlyTransport t = BulkOnlyTransport.open(device)) {
      assertThatThrownBy(() -> t.execute(testUnitReady())).hasMessageContaining("a CSW is 13 bytes, not 12");
    }
  }

  @Test
  void aResidueLargerThanTheTransferIsIgnored() throws Exception {
    device.thenFault(InMemoryBulkOnlyDevice.Fault.RESIDUE_TOO_LARGE);
    try (BulkOnlyTransport t = BulkOnlyTransport.open(device)) {
      ScsiResult r = t.execute(inquiry(36));

      assertThat(r.residual()).isZero();
      assertThat(r.dataIn().size()).isEqualTo(36);
    }
  }

  @Test
  void aTimeoutLeadsToResetRecoveryAndATransportError() throws Exception {
    device.thenFault(InMemoryBulkOnlyDevice.Fault.HANG_BEFORE_CSW);
    try (BulkOnlyTransport t = BulkOnlyTransport.open(device)) {
      assertThatThrownBy(() -> t.execute(testUnitReady()))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("timed out after 10000 ms waiting for the status (CSW)");
      assertThat(device.controlRequests()).containsExactly("reset", "clear halt IN", "clear halt OUT");
    }
  }

  @Test
  void anUnpluggedDeviceIsATransportErrorWithoutRecoveryAttempts() throws Exception {
    device.thenFault(InMemoryBulkOnlyDevice.Fault.DISCONNECT);
    try (BulkOnlyTransport t = BulkOnlyTransport.open(device)) {
      assertThatThrownBy(() -> t.execute(testUnitReady())).hasMessageContaining("device disconnected");
      assertThat(device.controlRequests()).isEmpty();
    }
  }

  @Test
  void tagsGrowWithEveryCommandIncludingRequestSense() throws Exception {
    try (BulkOnlyTransport t = BulkOnlyTransport.open(device)) {
      t.execute(testUnitReady());
      t.execute(unknownCommand());
      t.execute(testUnitReady());
    }
    assertThat(device.commands()).extracting(CommandBlockWrapper::tag).containsExactly(1, 2, 3, 4);
  }

  @Test
  void lunsShareThePipesWhichCloseWithTheLastOne() throws Exception {
    ScriptedLogicalUnit changer = new ScriptedLogicalUnit(0x08, "IBM", "3573-TL", "1013000655");
    device.lun(1, changer);
    BulkOnlyTransport lun0 = BulkOnlyTransport.open(device);
    BulkOnlyTransport lun1 = lun0.lun(1);

    assertThat(lun1.execute(inquiry(36)).dataIn().get(0)).isEqualTo(0x08);
    assertThat(device.commands().get(0).lun()).isEqualTo(1);
    assertThat(lun1.describe()).isEqualTo("usb:in-memory lun 1");
    lun0.close();
    assertThat(device.isClosed()).isFalse();
    assertThat(lun1.execute(testUnitReady()).isGood()).isTrue();
    assertThatThrownBy(() -> lun0.execute(testUnitReady())).hasMessageContaining("closed");
    lun1.close();
    assertThat(device.isClosed()).isTrue();
  }

  @Test
  void aCommandToAnAbsentLunGetsItsSenseToo() throws Exception {
    try (BulkOnlyTransport t = BulkOnlyTransport.open(device); BulkOnlyTransport absent = t.lun(3)) {
      ScsiResult r = absent.execute(testUnitReady());

      assertThat(Sense.parse(r.sense()).is(SenseKey.ILLEGAL_REQUEST, 0x25, 0x00)).isTrue();
    }
  }

  @Test
  void aCdbLongerThanSixteenBytesCannotBeCarried() {
    try (BulkOnlyTransport t = BulkOnlyTransport.open(device)) {
      ScsiRequest r = new ScsiRequest("VARIABLE", new Cdb(Bytes.zeros(32).concat(Bytes.of(0x7f))),
          DataDirection.NONE, Bytes.EMPTY, 0, Duration.ofSeconds(1));
      assertThatThrownBy(() -> t.execute(r)).hasMessageContaining("does not fit a CBW");
      assertThat(device.commands()).isEmpty();
    }
  }

  @Test
  void theProbeFindsTheDriveAndTheChangerBehindOneInterface() throws Exception {
    device.lun(1, new ScriptedLogicalUnit(0x08, "IBM", "3573-TL", "1013000655"));
    try (BulkOnlyTransport t = BulkOnlyTransport.open(device)) {
      List<LogicalUnitInfo> units = BulkOnlyProbe.probe(t);

      assertThat(units).extracting(LogicalUnitInfo::lun).containsExactly(0, 1);
      assertThat(units).allMatch(LogicalUnitInfo::isTapeOrChanger);
      assertThat(units.get(0).inquiry().product()).isEqualTo("ULT3580-TD5");
      assertThat(units.get(1).inquiry().product()).isEqualTo("3573-TL");
      assertThat(units.get(1)).hasToString("LUN 1: changer IBM 3573-TL 0123");
      assertThat(device.isClosed()).as("the probe closes only its own LUN views").isFalse();
    }
  }

  @Test
  void theProbeReadsARealDrivesInquiryData() throws Exception {
    Bytes ibmLto3 = org.vaultline.scsi.Inhex.resource("vectors/04_ibm_ultrium-td3_std_inquiry.hex");
    drive.thenAnswer(ScsiResult.good(ibmLto3.prefix(36), 0));
    try (BulkOnlyTransport t = BulkOnlyTransport.open(device)) {
      List<LogicalUnitInfo> units = BulkOnlyProbe.probe(t);

      assertThat(units).singleElement().hasToString("LUN 0: tape IBM ULTRIUM-TD3 5CM0");
    }
  }

  @Test
  void aLunAnsweringCheckConditionIsLeftOutOfTheProbe() throws Exception {
    drive.thenAnswer(ScsiResult.checkCondition(Sense.of(SenseKey.NOT_READY, 0x04, 0x01).encodeFixed()));
    try (BulkOnlyTransport t = BulkOnlyTransport.open(device)) {
      assertThat(BulkOnlyProbe.probe(t)).isEmpty();
    }
  }

  @Test
  void aDeviceThatStallsGetMaxLunHasOnlyLunZero() throws Exception {
    device.stallMaxLun();
    try (BulkOnlyTransport t = BulkOnlyTransport.open(device)) {
      assertThat(t.maxLun()).isZero();
      assertThat(BulkOnlyProbe.probe(t)).hasSize(1);
    }
  }
}
