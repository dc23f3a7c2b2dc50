package org.vaultline.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vaultline.emulator.Scsi.assertSense;
import static org.vaultline.emulator.Scsi.check;
import static org.vaultline.emulator.Scsi.ok;
import static org.vaultline.emulator.Scsi.run;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vaultline.emulator.fault.Fault;
import org.vaultline.emulator.fault.Trigger;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementType;
import org.vaultline.scsi.smc.MoveMedium;
import org.vaultline.scsi.smc.ReadElementStatus;
import org.vaultline.scsi.spc.Inquiry;
import org.vaultline.scsi.spc.TestUnitReady;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiStatus;
import org.vaultline.scsi.transport.ScsiTransport;

class FaultTest {
  private final VirtualClock clock = new VirtualClock();
  private EmulatedLibrary lib;
  private ScsiTransport changer;

  @BeforeEach
  void library() {
    lib = EmulatedLibrary.builder(Personality.named("ibm-ts3100")).clock(clock).stock("ABC001L5").build();
    lib.acknowledgePowerOn(Initiator.DEFAULT);
    changer = lib.changer();
  }

  private static MoveMedium move(int from, int to) {
    return MoveMedium.of(ElementAddress.of(0), ElementAddress.of(from), ElementAddress.of(to));
  }

  private boolean full(int address) throws Exception {
    return ok(changer, ReadElementStatus.of(ElementType.ALL, ElementAddress.of(address), 1)).elements().get(0).full();
  }

  @Test
  void aCheckConditionOnTheNthCommandIsAnsweredInsteadOfRunningIt() throws Exception {
    lib.inject(UnitId.CHANGER, Fault.checkCondition(Trigger.nth(2), SenseKey.HARDWARE_ERROR, 0x15, 0x01));
    ok(changer, new TestUnitReady());
    assertSense(check(changer, move(0x1000, 0x1001)), SenseKey.HARDWARE_ERROR, 0x15, 0x01);
    assertThat(full(0x1000)).as("the move did not happen").isTrue();
    ok(changer, move(0x1000, 0x1001));
  }

  @Test
  void aFaultOnAnOpcodeWaitsForThatCommand() throws Exception {
    lib.operator().inject(UnitId.CHANGER, Fault.checkCondition(Trigger.opcode(0xA5), SenseKey.NOT_READY, 0x04, 0x85));
    ok(changer, new TestUnitReady());
    ok(changer, Inquiry.standard(36));
    assertSense(check(changer, move(0x1000, 0x1001)), SenseKey.NOT_READY, 0x04, 0x85);
  }

  @Test
  void aUnitAttentionFaultIsReportedAndThenCleared() throws Exception {
    lib.inject(UnitId.CHANGER, new Fault.UnitAttention(Trigger.next(), 0x2A, 0x01));
    assertSense(check(changer, new TestUnitReady()), SenseKey.UNIT_ATTENTION, 0x2A, 0x01);
    ok(changer, new TestUnitReady());
  }

  @Test
  void busyIsAStatusWithoutSense() throws Exception {
    lib.inject(UnitId.CHANGER, new Fault.Busy(Trigger.next()));
    ScsiResult r = run(changer, new TestUnitReady());
    assertThat(r.status()).isEqualTo(ScsiStatus.BUSY.code());
    assertThat(r.sense().isEmpty()).isTrue();
  }

  @Test
  void aStallEndsInATransportExceptionAfterTheTimeoutAndTheMoveMayHaveHappened() throws Exception {
    lib.inject(UnitId.CHANGER, new Fault.Stall(Trigger.opcode(0xA5), true));
    var t0 = clock.now();
    MoveMedium m = move(0x1000, 0x1001);
    assertThatThrownBy(() -> changer.execute(ScsiRequest.of(m, Duration.ofMinutes(5))))
        .isInstanceOf(TransportException.class).hasMessageContaining("timed out");
    assertThat(clock.now()).isAfter(t0.plus(Duration.ofMinutes(5)));
    assertThat(full(0x1001)).isTrue();
    assertThat(lib.commands().withOpcode(0xA5).get(0).transportFailure()).isPresent();
  }

  @Test
  void aCommandSlowerThanItsTimeoutIsATransportException() throws Exception {
    MoveMedium m = move(0x1000, 0x1001);
    assertThatThrownBy(() -> changer.execute(ScsiRequest.of(m, Duration.ofSeconds(5))))
        .isInstanceOf(TransportException.class);
    assertThat(full(0x1001)).as("the robot finished anyway").isTrue();
  }

  @Test
  void aDroppedConnectionStaysDroppedUntilTheInitiatorConnectsAgain() throws Exception {
    lib.inject(UnitId.CHANGER, new Fault.DropConnection(Trigger.next(), false));
    assertThatThrownBy(() -> run(changer, new TestUnitReady())).isInstanceOf(TransportException.class);
    assertThatThrownBy(() -> run(changer, new TestUnitReady())).isInstanceOf(TransportException.class)
        .hasMessageContaining("closed");
    ok(lib.changer(), new TestUnitReady());
  }

  @Test
  void shortDataCutsTheResponseAndSetsTheResidual() throws Exception {
    lib.inject(UnitId.CHANGER, new Fault.ShortData(Trigger.next(), 10));
    ScsiResult r = run(changer, Inquiry.standard(96));
    assertThat(r.isGood()).isTrue();
    assertThat(r.dataIn().size()).isEqualTo(10);
    assertThat(r.residual()).isEqualTo(86);
  }

  @Test
  void faultsOnADriveDoNotTouchTheChanger() throws Exception {
    lib.inject(UnitId.drive(0), new Fault.Busy(Trigger.next()));
    ok(changer, new TestUnitReady());
    assertThat(run(lib.drive(0), new TestUnitReady()).status()).isEqualTo(ScsiStatus.BUSY.code());
  }
}
