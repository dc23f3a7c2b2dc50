package org.vaultline.device.iscsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vaultline.device.iscsi.Cdbs.await;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.transport.ScsiResult;

/** Our initiator against our target, in process, over loopback TCP. */
class IscsiTargetTest {
  private static final String IQN = "iqn.2024-01.org.vaultline:test-library";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final TestLun changer = new TestLun(8, "CHANGER", "CHG0001");
  private final TestLun tape = new TestLun(1, "ULT3580-TD6", "DRV0001");
  private final List<Pdu> sent = new CopyOnWriteArrayList<>();
  private final PduObserver recorder = new PduObserver() {
    @Override
    public void sent(Pdu pdu) {
      sent.add(pdu);
    }
  };
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private IscsiTarget target;

  @BeforeEach
  void startTarget() throws IOException {
    target = IscsiTarget.builder(IQN).lun(1, changer).lun(2, tape).start();
  }

  @AfterEach
  void stop() throws Exception {
    changer.open();
    tape.open();
    for (AutoCloseable c : toClose) {
      c.close();
    }
    target.close();
  }

  private IscsiSession open(InitiatorOptions o) throws IOException {
    return open(target, o);
  }

  private IscsiSession open(IscsiTarget t, InitiatorOptions o) throws IOException {
    IscsiSession s = IscsiSession.open("127.0.0.1", t.port(), IQN, o.withObserver(recorder));
    toClose.add(s);
    return s;
  }

  @Test
  void loginWithoutAuthenticationReachesEveryLunOfTheTarget() throws Exception {
    IscsiSession s = open(InitiatorOptions.defaults());
    ScsiResult changerInquiry = s.transport(1).execute(Cdbs.inquiry(96));
    ScsiResult tapeInquiry = s.transport(2).execute(Cdbs.inquiry(96));
    assertThat(changerInquiry.isGood()).isTrue();
    assertThat(changerInquiry.dataIn().get(0)).isEqualTo(8);
    assertThat(changerInquiry.dataIn().slice(16, 23)).isEqualTo(Bytes.ascii("CHANGER"));
    assertThat(tapeInquiry.dataIn().get(0)).isEqualTo(1);
    ScsiResult luns = s.transport(0).execute(Cdbs.reportLuns());
    assertThat(luns.dataIn()).isEqualTo(Bytes.fromHex(
        "00 00 00 10 00 00 00 00  00 01 00 00 00 00 00 00  00 02 00 00 00 00 00 00"));
    assertThat(luns.residual()).isEqualTo(256 - 24);
  }

  @Test
  void aLunThatIsNotThereAnswersInquiryWithQualifier3AndEverythingElseWithLunNotSupported() throws Exception {
    IscsiSession s = open(InitiatorOptions.defaults());
    ScsiResult inquiry = s.transport(7).execute(Cdbs.inquiry(36));
    assertThat(inquiry.dataIn().get(0)).isEqualTo(0x7f);
    ScsiResult tur = s.transport(7).execute(Cdbs.testUnitReady());
    assertThat(tur.isCheckCondition()).isTrue();
    assertThat(Sense.parse(tur.sense()).is(SenseKey.ILLEGAL_REQUEST, 0x25, 0x00)).isTrue();
  }

  @Test
  void discoveryListsTheTargetAtTheAddressTheInitiatorUsed() throws Exception {
    List<DiscoveredTarget> found = IscsiDiscovery.sendTargets("127.0.0.1", target.port(), InitiatorOptions.defaults());
    assertThat(found).containsExactly(new DiscoveredTarget(IQN,
        List.of(new DiscoveredTarget.Portal("127.0.0.1", target.port(), 1))));
  }

  static List<Object[]> negotiations() {
    InitiatorOptions d = InitiatorOptions.defaults();
    return List.of(
        new Object[] {"immediate and unsolicited data", d.withWriteData(true, false, 65536, 262144), 8192},
        new Object[] {"R2T only", d.withWriteData(false, true, 65536, 262144), 262144},
        new Object[] {"immediate data then R2T", d.withWriteData(true, true, 65536, 262144), 262144},
        new Object[] {"CRC32C digests", d.withDigests(DigestOffer.REQUIRED, DigestOffer.REQUIRED), 262144},
        new Object[] {"512-byte segments both ways", d.withMaxRecvDataSegmentLength(512)
            .withWriteData(true, false, 4096, 16384), 512});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("negotiations")
  void aMebibyteBlockWrittenToTapeReadsBackTheSame(String name, InitiatorOptions options, int targetSegment)
      throws Exception {
    target.close();
    target = IscsiTarget.builder(IQN).lun(1, changer).lun(2, tape).maxRecvDataSegmentLength(targetSegment)
        .writeData(false, true, 65536, 262144).start();
    IscsiSession s = open(options);
    IscsiTransport drive = s.transport(2);
    byte[] block = new byte[1 << 20];
    new Random(42).nextBytes(block);
    assertThat(drive.execute(Cdbs.write6(Bytes.of(block))).isGood()).isTrue();
    assertThat(drive.execute(Cdbs.writeFilemarks(1)).isGood()).isTrue();
    assertThat(drive.execute(Cdbs.rewind()).isGood()).isTrue();
    ScsiResult read = drive.execute(Cdbs.read6(1 << 20));
    assertThat(read.isGood()).isTrue();
    assertThat(read.residual()).isZero();
    assertThat(read.dataIn()).isEqualTo(Bytes.of(block));
    ScsiResult filemark = drive.execute(Cdbs.read6(1 << 20));
    assertThat(filemark.isCheckCondition()).isTrue();
    assertThat(Sense.parse(filemark.sense()).filemark()).isTrue();
    if (options.headerDigest() == DigestOffer.REQUIRED) {
      assertThat(s.parameters().headerDigest()).isTrue();
      assertThat(s.parameters().dataDigest()).isTrue();
    }
    if (name.equals("R2T only")) {
      assertThat(sent).filteredOn(p -> p instanceof DataOut d && d.targetTransferTag() == Pdu.NO_TAG).isEmpty();
    }
    if (name.equals("immediate and unsolicited data")) {
      assertThat(sent).filteredOn(p -> p instanceof DataOut d && d.targetTransferTag() == Pdu.NO_TAG).isNotEmpty();
    }
    assertThat(sent).filteredOn(p -> p instanceof DataOut || p instanceof ScsiCommand)
        .allMatch(p -> p.data().size() <= targetSegment);
  }

  @Test
  void checkConditionComesBackWithItsSenseData() throws Exception {
    IscsiSession s = open(InitiatorOptions.defaults());
    ScsiResult r = s.transport(2).execute(Cdbs.read6(512));
    assertThat(r.isCheckCondition()).isTrue();
    assertThat(Sense.parse(r.sense()).key()).isEqualTo(SenseKey.BLANK_CHECK);
    assertThat(r.dataIn().isEmpty()).isTrue();
  }

  @Test
  void commandsToDifferentLunsAreInFlightTogether() throws Exception {
    IscsiSession s = open(InitiatorOptions.defaults());
    changer.hold();
    CompletableFuture<ScsiResult> slow = CompletableFuture.supplyAsync(() -> run(s.transport(1), Cdbs.inquiry(36)));
    assertThat(await(() -> sent.stream().anyMatch(p -> p instanceof ScsiCommand), WAIT)).isTrue();
    ScsiResult fast = s.transport(2).execute(Cdbs.inquiry(36));
    assertThat(fast.isGood()).isTrue();
    assertThat(slow).isNotDone();
    changer.open();
    assertThat(slow.get(20, TimeUnit.SECONDS).isGood()).isTrue();
  }

  @Test
  void manyThreadsShareOneSession() throws Exception {
    IscsiSession s = open(InitiatorOptions.defaults());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      int lun = 1 + i % 2;
      results.add(pool.submit(() -> {
        int good = 0;
        for (int n = 0; n < 100; n++) {
          good += s.transport(lun).execute(Cdbs.inquiry(36)).isGood() ? 1 : 0;
        }
        return good;
      }));
    }
    for (Future<Integer> f : results) {
      assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(100);
    }
    pool.shutdown();
    assertThat(s.logins()).isEqualTo(1);
  }

  @Test
  void aCommandThatTimesOutIsAbortedAndFailsWithTransportException() throws Exception {
    IscsiSession s = open(InitiatorOptions.defaults());
    changer.hold();
    assertThatThrownBy(() -> s.transport(1).execute(Cdbs.testUnitReady().withTimeout(Duration.ofMillis(300))))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("TEST UNIT READY timed out after 300 ms")
        .hasMessageContaining("ABORT TASK: function complete");
    ScsiCommand cmd = (ScsiCommand) sent.stream().filter(p -> p instanceof ScsiCommand).findFirst().orElseThrow();
    assertThat(sent).filteredOn(p -> p instanceof TaskManagementRequest).singleElement()
        .satisfies(p -> {
          TaskManagementRequest tmf = (TaskManagementRequest) p;
          assertThat(tmf.function()).isEqualTo(TaskManagementRequest.ABORT_TASK);
          assertThat(tmf.referencedTaskTag()).isEqualTo(cmd.initiatorTaskTag());
          assertThat(tmf.refCmdSN()).isEqualTo(cmd.cmdSN());
          assertThat(tmf.lun()).isEqualTo(LunField.encode(1));
        });
    changer.open();
    assertThat(s.transport(1).execute(Cdbs.inquiry(36)).isGood()).isTrue();
    assertThat(s.logins()).isEqualTo(1);
  }

  @Test
  void aDroppedConnectionFailsTheCommandInFlightAndTheNextCommandLogsInAgain() throws Exception {
    try (CuttableProxy proxy = new CuttableProxy("127.0.0.1", target.port())) {
      IscsiSession s = IscsiSession.open("127.0.0.1", proxy.port(), IQN,
          InitiatorOptions.defaults().withObserver(recorder));
      toClose.add(s);
      changer.hold();
      CompletableFuture<ScsiResult> inFlight = CompletableFuture.supplyAsync(
          () -> run(s.transport(1), Cdbs.testUnitReady()));
      // cut only once the logical unit holds the command, so that "sent once" below is about our initiator
      // and not about whether the proxy had forwarded it yet
      assertThat(await(() -> changer.cdbs().stream().anyMatch(c -> c.get(0) == 0x00), WAIT)).isTrue();
      proxy.cut();
      assertThatThrownBy(() -> inFlight.get(20, TimeUnit.SECONDS)).cause()
          .isInstanceOf(TransportException.class).hasMessageContaining("connection lost")
          .hasMessageContaining("TEST UNIT READY").hasMessageContaining("outcome is unknown");
      changer.open();
      assertThat(s.transport(1).execute(Cdbs.inquiry(36)).isGood()).isTrue();
      assertThat(s.logins()).isEqualTo(2);
      // the command was never sent twice: the LUN saw one TEST UNIT READY
      assertThat(changer.cdbs()).filteredOn(c -> c.get(0) == 0x00).hasSize(1);
      assertThat(sent).filteredOn(p -> p instanceof ScsiCommand c && c.cdb().get(0) == 0x00).hasSize(1);
      assertThat(await(() -> target.connectionCount() == 1, WAIT)).isTrue();
    }
  }

  @Test
  void targetPingsAreAnsweredAtOnce() throws Exception {
    target.close();
    target = IscsiTarget.builder(IQN).lun(1, changer).keepalive(Duration.ofMillis(20), Duration.ofSeconds(10))
        .start();
    IscsiSession s = open(InitiatorOptions.defaults());
    assertThat(await(() -> target.pingsAnswered() >= 3, WAIT)).isTrue();
    assertThat(sent).filteredOn(p -> p instanceof NopOut n && n.initiatorTaskTag() == Pdu.NO_TAG).isNotEmpty();
    assertThat(s.transport(1).execute(Cdbs.testUnitReady()).isGood()).isTrue();
  }

  @Test
  void initiatorPingsAreEchoed() throws Exception {
    IscsiSession s = open(InitiatorOptions.defaults());
    s.ping();
    assertThat(sent).filteredOn(p -> p instanceof NopOut n && n.initiatorTaskTag() != Pdu.NO_TAG).hasSize(1);
  }

  @Test
  void theTargetDropsAnInitiatorThatIgnoresItsPings() throws Exception {
    target.close();
    target = IscsiTarget.builder(IQN).lun(1, changer).keepalive(Duration.ofMillis(20), Duration.ofMillis(200))
        .start();
    try (RawSession raw = RawSession.login(target.port(), IQN, InitiatorOptions.defaults())) {
      assertThatThrownBy(() -> {
        while (true) {
          raw.connection.receive(); // pings arrive and go unanswered
        }
      }).isInstanceOf(EOFException.class);
    }
  }

  @Test
  void pdusTheTargetCannotTakeAreRejectedWithTheirHeader() throws Exception {
    try (RawSession raw = RawSession.login(target.port(), IQN, InitiatorOptions.defaults())) {
      byte[] vendor = new byte[48];
      vendor[0] = 0x1c;
      vendor[1] = (byte) 0x80;
      vendor[19] = 9;
      UnknownPdu unknown = new UnknownPdu(Bytes.of(vendor), Bytes.EMPTY, Bytes.EMPTY);
      raw.connection.send(unknown);
      assertThat(raw.receive()).isInstanceOfSatisfying(Reject.class, r -> {
        assertThat(r.reason()).isEqualTo(Reject.PROTOCOL_ERROR);
        assertThat(r.data()).isEqualTo(unknown.header());
        assertThat(r.rejectedTaskTag()).isEqualTo(9);
      });
      byte[] snack = new byte[48];
      snack[0] = 0x10;
      raw.connection.send(new UnknownPdu(Bytes.of(snack), Bytes.EMPTY, Bytes.EMPTY));
      assertThat(raw.receive()).isInstanceOfSatisfying(Reject.class,
          r -> assertThat(r.reason()).isEqualTo(Reject.COMMAND_NOT_SUPPORTED));
      ScsiCommand bidirectional = new ScsiCommand(false, true, true, true, 1, LunField.encode(1), 10, 512,
          raw.outcome.cmdSN(), raw.outcome.expStatSN(), Bytes.fromHex("12 00 00 00 24 00"), Bytes.EMPTY);
      raw.connection.send(bidirectional);
      assertThat(raw.receive()).isInstanceOfSatisfying(Reject.class,
          r -> assertThat(r.reason()).isEqualTo(Reject.INVALID_PDU_FIELD));
      raw.connection.send(new NopIn(0, 11, Pdu.NO_TAG, 0, 0, 0, Bytes.EMPTY)); // a target opcode
      assertThat(raw.receive()).isInstanceOf(Reject.class);
      raw.connection.send(new NopOut(true, 0, 12, Pdu.NO_TAG, raw.outcome.cmdSN() + 1, 0, Bytes.ascii("still here")));
      assertThat(raw.receive()).isInstanceOfSatisfying(NopIn.class,
          n -> assertThat(n.data()).isEqualTo(Bytes.ascii("still here")));
    }
  }

  @Test
  void aDamagedDataDigestIsRejectedAndTheConnectionCarriesOn() throws Exception {
    InitiatorOptions crc = InitiatorOptions.defaults().withDigests(DigestOffer.REQUIRED, DigestOffer.REQUIRED);
    try (RawSession raw = RawSession.login(target.port(), IQN, crc)) {
      NopOut ping = new NopOut(true, 0, 21, Pdu.NO_TAG, raw.outcome.cmdSN(), 0, Bytes.ascii("damaged"));
      byte[] wire = PduEncoder.encode(ping, new Digests(true, true));
      wire[52] ^= 0x20;
      OutputStream out = raw.connection.socket().getOutputStream();
      out.write(wire);
      out.flush();
      assertThat(raw.receive()).isInstanceOfSatisfying(Reject.class, r -> {
        assertThat(r.reason()).isEqualTo(Reject.DATA_DIGEST_ERROR);
        assertThat(r.rejectedTaskTag()).isEqualTo(21);
      });
      raw.connection.send(new NopOut(true, 0, 22, Pdu.NO_TAG, raw.outcome.cmdSN(), 0, Bytes.ascii("intact")));
      assertThat(raw.receive()).isInstanceOfSatisfying(NopIn.class, n -> assertThat(n.initiatorTaskTag()).isEqualTo(22));
    }
  }

  @Test
  void logoutEndsTheSessionOnBothSides() throws Exception {
    IscsiSession s = IscsiSession.open("127.0.0.1", target.port(), IQN, InitiatorOptions.defaults().withObserver(recorder));
    assertThat(await(() -> target.connectionCount() == 1, WAIT)).isTrue();
    s.close();
    assertThat(sent).filteredOn(p -> p instanceof LogoutRequest).hasSize(1);
    assertThat(await(() -> target.connectionCount() == 0, WAIT)).isTrue();
    assertThatThrownBy(() -> s.transport(1).execute(Cdbs.testUnitReady())).isInstanceOf(TransportException.class)
        .hasMessageContaining("session closed");
  }

  @Test
  void severalSessionsRunAtOnce() throws Exception {
    IscsiSession a = open(InitiatorOptions.defaults().withInitiatorName("iqn.2024-01.org.vaultline:a"));
    IscsiSession b = open(InitiatorOptions.defaults().withInitiatorName("iqn.2024-01.org.vaultline:b"));
    assertThat(a.transport(1).execute(Cdbs.inquiry(36)).isGood()).isTrue();
    assertThat(b.transport(2).execute(Cdbs.inquiry(36)).isGood()).isTrue();
    assertThat(target.connectionCount()).isEqualTo(2);
  }

  @Test
  void anUnknownTargetNameIsRefusedWithStatus0203() {
    assertThatThrownBy(() -> IscsiSession.open("127.0.0.1", target.port(), "iqn.2024-01.org.vaultline:nope",
        InitiatorOptions.defaults()))
        .isInstanceOfSatisfying(LoginRejectedException.class, e -> assertThat(e.status()).isEqualTo(0x0203))
        .hasMessageContaining("target not found");
  }

  @Test
  void oneWayChapLetsTheRightSecretInAndKeepsOthersOut() throws Exception {
    ChapCredentials user = new ChapCredentials("backup", "correct-horse-12");
    IscsiTarget chapTarget = IscsiTarget.builder(IQN).lun(1, changer).chap(user).start();
    try {
      IscsiSession s = open(chapTarget, InitiatorOptions.defaults().withChap(user));
      assertThat(s.transport(1).execute(Cdbs.inquiry(36)).isGood()).isTrue();
      assertThat(sent).filteredOn(p -> p instanceof LoginRequest l && l.currentStage() == LoginRequest.SECURITY)
          .hasSize(3);
      assertThatThrownBy(() -> open(chapTarget, InitiatorOptions.defaults()
          .withChap(new ChapCredentials("backup", "wrong-horse-123"))))
          .isInstanceOfSatisfying(LoginRejectedException.class, e -> assertThat(e.status()).isEqualTo(0x0201));
      assertThatThrownBy(() -> open(chapTarget, InitiatorOptions.defaults()))
          .isInstanceOfSatisfying(LoginRejectedException.class, e -> assertThat(e.status()).isEqualTo(0x0201));
    } finally {
      chapTarget.close();
    }
  }

  @Test
  void mutualChapMakesTheTargetProveItselfToo() throws Exception {
    ChapCredentials user = new ChapCredentials("backup", "correct-horse-12");
    ChapCredentials library = new ChapCredentials("library", "battery-staple-34");
    IscsiTarget chapTarget = IscsiTarget.builder(IQN).lun(1, changer).chap(user).mutualChap(library).start();
    IscsiTarget impostor = IscsiTarget.builder(IQN).lun(1, changer).chap(user)
        .mutualChap(new ChapCredentials("library", "not-the-secret-1")).start();
    IscsiTarget oneWayOnly = IscsiTarget.builder(IQN).lun(1, changer).chap(user).start();
    try {
      InitiatorOptions mutual = InitiatorOptions.defaults().withChap(user).withMutualChap(library);
      IscsiSession s = open(chapTarget, mutual);
      assertThat(s.transport(1).execute(Cdbs.inquiry(36)).isGood()).isTrue();
      assertThatThrownBy(() -> open(impostor, mutual)).isInstanceOf(LoginRejectedException.class)
          .hasMessageContaining("target failed mutual CHAP");
      assertThatThrownBy(() -> open(oneWayOnly, mutual))
          .isInstanceOfSatisfying(LoginRejectedException.class, e -> assertThat(e.status()).isEqualTo(0x0201));
    } finally {
      chapTarget.close();
      impostor.close();
      oneWayOnly.close();
    }
  }

  @Test
  void aTransportUrlCarriesCredentialsAndLun() throws Exception {
    ChapCredentials user = new ChapCredentials("backup", "correct-horse-12");
    IscsiTarget chapTarget = IscsiTarget.builder(IQN).lun(2, tape).chap(user).start();
    try (IscsiTransport t = IscsiTransport.open(IscsiUrl.parse("iscsi://backup%correct-horse-12@127.0.0.1:"
        + chapTarget.port() + "/" + IQN + "/2"), InitiatorOptions.defaults())) {
      assertThat(t.execute(Cdbs.inquiry(36)).dataIn().get(0)).isEqualTo(1);
      assertThat(t.describe()).isEqualTo("iscsi://127.0.0.1:" + chapTarget.port() + "/" + IQN + "/2");
    } finally {
      chapTarget.close();
    }
  }

  private static ScsiResult run(IscsiTransport t, org.vaultline.scsi.transport.ScsiRequest r) {
    try {
      return t.execute(r);
    } catch (TransportException e) {
      throw new java.util.concurrent.CompletionException(e);
    }
  }
}
