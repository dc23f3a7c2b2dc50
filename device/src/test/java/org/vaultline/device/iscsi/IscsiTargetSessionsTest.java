package org.vaultline.device.iscsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vaultline.device.iscsi.Cdbs.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiTransport;

/** Per-session logical units ({@link LunFactory}): one transport per iSCSI session, closed with it. */
class IscsiTargetSessionsTest {
  private static final String IQN = "iqn.2024-01.org.vaultline:sessions";
  private static final String ALICE = "iqn.2024-01.org.example:alice";
  private static final String BOB = "iqn.2024-01.org.example:bob";
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** Every transport the factory made, in order. */
  private final List<SessionLun> made = new CopyOnWriteArrayList<>();
  private final LunFactory factory = who -> {
    SessionLun l = new SessionLun(who);
    made.add(l);
    return l;
  };
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private IscsiTarget target;

  /** A logical unit that remembers whose it is, what it ran, and whether it was closed. */
  private static final class SessionLun implements ScsiTransport {
    final InitiatorId who;
    final AtomicInteger commands = new AtomicInteger();
    volatile boolean closed;

    SessionLun(InitiatorId who) {
      this.who = who;
    }

    @Override
    public ScsiResult execute(ScsiRequest request) {
      commands.incrementAndGet();
      return ScsiResult.good();
    }

    @Override
    public String describe() {
      return "session LUN of " + who;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
    if (target != null) {
      target.close();
    }
  }

  private IscsiTarget start(IscsiTarget.Builder b) throws IOException {
    target = b.start();
    return target;
  }

  private IscsiSession open(String initiatorName) throws IOException {
    IscsiSession s = IscsiSession.open("127.0.0.1", target.port(), IQN,
        InitiatorOptions.defaults().withInitiatorName(initiatorName));
    toClose.add(s);
    return s;
  }

  private static ScsiResult tur(RawSession raw, int itt, int cmdSN) throws IOException {
    raw.connection.send(new ScsiCommand(false, true, false, false, ScsiCommand.SIMPLE, LunField.encode(0), itt, 0,
        cmdSN, raw.outcome.expStatSN(), Bytes.fromHex("00 00 00 00 00 00"), Bytes.EMPTY));
    Pdu p = raw.receive();
    assertThat(p).isInstanceOf(ScsiResponse.class);
    ScsiResponse r = (ScsiResponse) p;
    assertThat(r.response()).isEqualTo(ScsiResponse.COMMAND_COMPLETED);
    return new ScsiResult(r.status(), Bytes.EMPTY, r.sense(), 0);
  }

  @Test
  void twoSessionsEachGetTheirOwnTransportMadeOnTheirFirstCommand() throws Exception {
    start(IscsiTarget.builder(IQN).lun(0, factory));
    IscsiSession alice = open(ALICE);
    IscsiSession bob = open(BOB);
    assertThat(made).isEmpty();
    assertThat(alice.transport(0).execute(Cdbs.testUnitReady()).isGood()).isTrue();
    assertThat(alice.transport(0).execute(Cdbs.testUnitReady()).isGood()).isTrue();
    assertThat(bob.transport(0).execute(Cdbs.testUnitReady()).isGood()).isTrue();

    assertThat(made).hasSize(2);
    assertThat(made.get(0).who.name()).isEqualTo(ALICE);
    assertThat(made.get(0).commands).hasValue(2);
    assertThat(made.get(1).who.name()).isEqualTo(BOB);
    assertThat(made.get(1).commands).hasValue(1);
    assertThat(made).noneMatch(l -> l.closed);
  }

  @Test
  void twoSessionsOfOneInitiatorNodeAreTwoInitiatorsToldApartByIsid() throws Exception {
    start(IscsiTarget.builder(IQN).lun(0, factory));
    open(ALICE).transport(0).execute(Cdbs.testUnitReady());
    open(ALICE).transport(0).execute(Cdbs.testUnitReady());

    assertThat(made).hasSize(2);
    assertThat(made.get(0).who.name()).isEqualTo(made.get(1).who.name());
    assertThat(made.get(0).who).isNotEqualTo(made.get(1).who);
    assertThat(made.get(0).who.portName()).matches("iqn\\.2024-01\\.org\\.example:alice,i,0x[0-9a-f]{12}");
  }

  @Test
  void reportLunsAndUnknownLunsAreAnsweredWithoutMakingATransport() throws Exception {
    start(IscsiTarget.builder(IQN).lun(0, factory));
    IscsiSession s = open(ALICE);
    assertThat(s.transport(0).execute(Cdbs.reportLuns()).isGood()).isTrue();
    assertThat(s.transport(5).execute(Cdbs.testUnitReady()).isGood()).isFalse();
    assertThat(made).isEmpty();
  }

  @Test
  void aSessionThatLogsInAgainWithTheSameIsidGetsTheSameInitiator() throws Exception {
    start(IscsiTarget.builder(IQN).lun(0, factory));
    IscsiSession s = open(ALICE);
    s.transport(0).execute(Cdbs.testUnitReady());
    s.dropConnection();
    assertThat(s.transport(0).execute(Cdbs.testUnitReady()).isGood()).isTrue();

    assertThat(s.logins()).isEqualTo(2);
    assertThat(made).hasSize(2);
    assertThat(made.get(1).who).isEqualTo(made.get(0).who);
    assertThat(made.get(1)).isNotSameAs(made.get(0));
    assertThat(await(() -> made.get(0).closed, WAIT)).isTrue();
    assertThat(made.get(1).closed).isFalse();
  }

  @Test
  void sessionReinstatementClosesTheOldSessionsTransportBeforeTheNewOneIsMade() throws Exception {
    start(IscsiTarget.builder(IQN).lun(0, factory));
    // RawSession always logs in with ISID 800000123456h: the second login reinstates the first session
    try (RawSession first = RawSession.login(target.port(), IQN, InitiatorOptions.defaults())) {
      assertThat(tur(first, 1, first.outcome.cmdSN()).isGood()).isTrue();
      try (RawSession second = RawSession.login(target.port(), IQN, InitiatorOptions.defaults())) {
        assertThat(tur(second, 1, second.outcome.cmdSN()).isGood()).isTrue();
      }
    }
    assertThat(made).hasSize(2);
    InitiatorId expected = new InitiatorId(InitiatorOptions.DEFAULT_INITIATOR_NAME, 0x800000123456L);
    assertThat(made).extracting(l -> l.who).containsExactly(expected, expected);
    // the reinstating login ends the old session before the new session's first command runs
    assertThat(made.get(0).closed).isTrue();
  }

  @Test
  void logoutClosesTheSessionsTransportsAndOnlyThose() throws Exception {
    start(IscsiTarget.builder(IQN).lun(0, factory).lun(1, factory));
    IscsiSession alice = open(ALICE);
    IscsiSession bob = open(BOB);
    alice.transport(0).execute(Cdbs.testUnitReady());
    alice.transport(1).execute(Cdbs.testUnitReady());
    bob.transport(0).execute(Cdbs.testUnitReady());
    alice.close();

    assertThat(await(() -> made.stream().filter(l -> l.who.name().equals(ALICE)).allMatch(l -> l.closed), WAIT))
        .isTrue();
    assertThat(made).filteredOn(l -> l.who.name().equals(ALICE)).hasSize(2);
    assertThat(made).filteredOn(l -> l.who.name().equals(BOB)).singleElement()
        .satisfies(l -> assertThat(l.closed).isFalse());
  }

  @Test
  void aDroppedConnectionClosesTheSessionsTransport() throws Exception {
    start(IscsiTarget.builder(IQN).lun(0, factory));
    try (RawSession raw = RawSession.login(target.port(), IQN, InitiatorOptions.defaults())) {
      tur(raw, 1, raw.outcome.cmdSN());
    }
    assertThat(made).hasSize(1);
    assertThat(await(() -> made.get(0).closed, WAIT)).isTrue();
  }

  @Test
  void closingTheTargetClosesTheSessionTransportsButNotSharedOnes() throws Exception {
    SessionLun shared = new SessionLun(new InitiatorId("caller", 0));
    start(IscsiTarget.builder(IQN).lun(0, factory).lun(1, shared));
    IscsiSession alice = open(ALICE);
    alice.transport(0).execute(Cdbs.testUnitReady());
    alice.transport(1).execute(Cdbs.testUnitReady());
    IscsiSession bob = open(BOB);
    bob.transport(1).execute(Cdbs.testUnitReady());
    bob.close();
    target.close();

    assertThat(made).singleElement().satisfies(l -> assertThat(l.closed).isTrue());
    assertThat(shared.commands).hasValue(2);
    assertThat(shared.closed).isFalse();
  }

  @Test
  void aFactoryThatFailsGivesTargetFailureAndIsAskedAgainOnTheNextCommand() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    start(IscsiTarget.builder(IQN).lun(0, who -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("not yet");
      }
      return factory.open(who);
    }));
    IscsiSession s = open(ALICE);
    assertThatThrownBy(() -> s.transport(0).execute(Cdbs.testUnitReady()))
        .isInstanceOf(TransportException.class).hasMessageContaining("target failure");
    assertThat(s.transport(0).execute(Cdbs.testUnitReady()).isGood()).isTrue();
    assertThat(calls).hasValue(2);
    assertThat(made).hasSize(1);
  }

  @Test
  void anInitiatorIdIsANameAndA48BitIsid() {
    assertThat(new InitiatorId("iqn.x", 0x800000123456L).portName()).isEqualTo("iqn.x,i,0x800000123456");
    assertThat(new InitiatorId("iqn.x", 1).toString()).isEqualTo("iqn.x,i,0x000000000001");
    assertThatThrownBy(() -> new InitiatorId("", 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InitiatorId("iqn.x", 1L << 48)).isInstanceOf(IllegalArgumentException.class);
  }
}
