package org.vaultline.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vaultline.appliance.cli.OperatorConsole.Reply;
import org.vaultline.device.iscsi.InitiatorOptions;
import org.vaultline.device.iscsi.IscsiSession;
import org.vaultline.emulator.Initiator;
import org.vaultline.emulator.ReceivedCommand;
import org.vaultline.emulator.UnitId;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.personality.RobotTiming;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.transport.DataDirection;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;

/**
 * Each iSCSI session to the standalone emulator is its own initiator, as on a real library: unit attentions
 * and PREVENT MEDIUM REMOVAL are kept per session (per initiator port), not shared by everyone who logs in.
 */
class StandaloneEmulatorInitiatorsTest {
  private static final String IQN = "iqn.2024-01.org.vaultline:initiators";
  private static final Duration T = Duration.ofSeconds(20);

  private StandaloneEmulator emulator;
  private final List<IscsiSession> sessions = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    Personality p = Personality.named("hp-msl").withTiming(RobotTiming.instant());
    emulator = StandaloneEmulator.start(new StandaloneEmulator.Settings(p, InetAddress.getLoopbackAddress(), 0,
        Optional.empty(), IQN, OptionalInt.empty(), List.of("A00001L6"), Duration.ZERO),
        new PrintWriter(new StringWriter(), true));
  }

  @AfterEach
  void stop() {
    sessions.forEach(IscsiSession::close);
    emulator.stop();
  }

  private IscsiSession login(String initiatorName) throws Exception {
    IscsiSession s = IscsiSession.open("127.0.0.1", emulator.target().port(), IQN,
        InitiatorOptions.defaults().withInitiatorName(initiatorName));
    sessions.add(s);
    return s;
  }

  private static ScsiResult send(IscsiSession s, int lun, String name, Cdb cdb) throws Exception {
    return s.transport(lun).execute(new ScsiRequest(name, cdb, DataDirection.NONE, Bytes.EMPTY, 0, T));
  }

  private static ScsiResult tur(IscsiSession s) throws Exception {
    return send(s, 0, "TEST UNIT READY", Cdb.of(0x00, 0, 0, 0, 0, 0));
  }

  /** SPC-4 PREVENT ALLOW MEDIUM REMOVAL (1Eh); byte 4 bits 1..0: PREVENT. */
  private static ScsiResult preventAllow(IscsiSession s, boolean prevent) throws Exception {
    return send(s, 0, "PREVENT ALLOW MEDIUM REMOVAL", Cdb.of(0x1e, 0, 0, 0, prevent ? 1 : 0, 0));
  }

  private static String unitAttention(ScsiResult r) throws Exception {
    assertThat(r.isCheckCondition()).as("CHECK CONDITION expected, got %s", r).isTrue();
    Sense s = Sense.parse(r.sense());
    return String.format("%X/%02X/%02X", s.key().code(), s.asc(), s.ascq());
  }

  private Reply operator(String line) {
    return emulator.console().execute(line);
  }

  @Test
  void twoSessionsEachGetPowerOnFirstAndBothLearnThatTheStationWasOpenedAndClosed() throws Exception {
    IscsiSession alice = login("iqn.2024-01.org.example:alice");
    IscsiSession bob = login("iqn.2024-01.org.example:bob");

    assertThat(unitAttention(tur(alice))).isEqualTo("6/29/00");
    assertThat(tur(alice).isGood()).isTrue();
    assertThat(unitAttention(tur(bob))).isEqualTo("6/29/00");
    assertThat(tur(bob).isGood()).isTrue();

    assertThat(operator("open-station").ok()).isTrue();
    assertThat(operator("close-station").ok()).isTrue();

    assertThat(unitAttention(tur(alice))).isEqualTo("6/28/01");
    assertThat(tur(alice).isGood()).isTrue();
    assertThat(unitAttention(tur(bob))).isEqualTo("6/28/01");
    assertThat(tur(bob).isGood()).isTrue();
  }

  @Test
  void twoSessionsOfTheSameInitiatorNodeAreTwoInitiators() throws Exception {
    IscsiSession first = login(InitiatorOptions.DEFAULT_INITIATOR_NAME);
    IscsiSession second = login(InitiatorOptions.DEFAULT_INITIATOR_NAME);

    assertThat(unitAttention(tur(first))).isEqualTo("6/29/00");
    assertThat(unitAttention(tur(second))).isEqualTo("6/29/00");
    List<Initiator> who = emulator.library().commands().on(UnitId.CHANGER).stream()
        .map(ReceivedCommand::initiator).distinct().toList();
    assertThat(who).hasSize(2).allSatisfy(i -> assertThat(i.name())
        .matches("iqn\\.2024-01\\.org\\.vaultline:initiator,i,0x[0-9a-f]{12}"));
  }

  @Test
  void preventMediumRemovalIsHeldByTheSessionThatAskedAndOnlyItCanAllow() throws Exception {
    IscsiSession alice = login("iqn.2024-01.org.example:alice");
    IscsiSession bob = login("iqn.2024-01.org.example:bob");
    tur(alice);
    tur(bob);

    assertThat(preventAllow(alice, true).isGood()).isTrue();
    assertThat(preventAllow(bob, false).isGood()).isTrue();
    Reply refused = operator("open-station");
    assertThat(refused.ok()).isFalse();
    assertThat(refused.text()).contains("locked").contains("alice");

    assertThat(preventAllow(alice, false).isGood()).isTrue();
    assertThat(operator("open-station").ok()).isTrue();
  }

  @Test
  void aSessionThatReconnectsWithItsIsidIsTheSameInitiatorToTheEmulator() throws Exception {
    IscsiSession alice = login("iqn.2024-01.org.example:alice");
    tur(alice);
    alice.dropConnection();
    tur(alice);

    assertThat(alice.logins()).isEqualTo(2);
    List<ReceivedCommand> log = emulator.library().commands().on(UnitId.CHANGER);
    assertThat(log).hasSize(2);
    assertThat(log.get(1).initiator()).isEqualTo(log.get(0).initiator());
  }
}
