package org.vaultline.device.iscsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vaultline.device.iscsi.Cdbs.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaultline.peers.Tgtd;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;

/**
 * Our initiator against a real tgtd (Debian tgt 1.0.85) emulating a tape library: a changer on LUN 1 with
 * five slots (1000..1004), one I/E station (10) and two drives (500, 501 on LUNs 2 and 3).
 */
class TgtdTest {
  private static final String IQN = "iqn.2024-01.org.vaultline:tgtd-library";
  private static final Tgtd.Layout LAYOUT = new Tgtd.Layout(1, 1000, 5, 10, 1, 500, 2);
  private static final int TRANSPORT = 1;
  private static final int SLOT_1 = 1000;
  private static final int SLOT_2 = 1001;
  private static final int SLOT_3 = 1002;
  private static final int DRIVE_1 = 500;

  @TempDir
  Path dir;
  private Tgtd tgtd;
  private Tgtd.Library library;
  private final List<Pdu> sent = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @BeforeAll
  static void tgtInstalled() {
    // A peer we did not write is the point of this test: missing, it fails (make test installs it).
    assertThat(Tgtd.isAvailable()).as("tgt is not installed: run make deps (apt-get install tgt)").isTrue();
  }

  @BeforeEach
  void startTgtd() throws Exception {
    tgtd = Tgtd.start(dir);
    library = tgtd.library(1, IQN, LAYOUT, Map.of(SLOT_1, "VL0001L6", SLOT_2, "VL0002L6", 10, "VL0003L6"));
  }

  @AfterEach
  void stopTgtd() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
    long pid = tgtd.pid();
    tgtd.close();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("tgtd %d stopped", pid).isFalse();
  }

  private IscsiSession open(int port, InitiatorOptions options) throws Exception {
    IscsiSession s = IscsiSession.open("127.0.0.1", port, IQN, options.withObserver(new PduObserver() {
      @Override
      public void sent(Pdu pdu) {
        sent.add(pdu);
      }
    }));
    toClose.add(s);
    return s;
  }

  private IscsiSession open() throws Exception {
    return open(tgtd.port(), InitiatorOptions.defaults());
  }

  /** TEST UNIT READY until GOOD: tgt reports 6/29/00 on the first command of every session. */
  private static void ready(IscsiTransport t) throws Exception {
    for (int i = 0; i < 50; i++) {
      ScsiResult r = t.execute(Cdbs.testUnitReady());
      if (r.isGood()) {
        return;
      }
      Sense s = Sense.parse(r.sense());
      assertThat(s.key()).as(s.description()).isIn(SenseKey.UNIT_ATTENTION, SenseKey.NOT_READY);
      Thread.sleep(s.key() == SenseKey.NOT_READY ? 100 : 0);
    }
    throw new AssertionError(t.describe() + " never became ready");
  }

  private static Sense sense(ScsiResult r) throws Exception {
    assertThat(r.isCheckCondition()).as(r.toString()).isTrue();
    return Sense.parse(r.sense());
  }

  @Test
  void theTestTgtdReallyListensOnItsOwnLoopbackPort() throws Exception {
    assertThat(tgtd.isListening()).isTrue();
    assertThat(tgtd.port()).isNotEqualTo(3260);
  }

  @Test
  void discoveryFindsTheTargetAtTgtdsBindAddress() throws Exception {
    List<DiscoveredTarget> found = IscsiDiscovery.sendTargets("127.0.0.1", tgtd.port(), InitiatorOptions.defaults());
    assertThat(found).containsExactly(new DiscoveredTarget(IQN,
        List.of(new DiscoveredTarget.Portal("127.0.0.1", tgtd.port(), 1))));
  }

  @Test
  void loginWithoutAuthenticationAssumes8192ForTheUndeclaredSegmentLength() throws Exception {
    IscsiSession s = open();
    assertThat(s.parameters().targetMaxRecvDataSegmentLength()).isEqualTo(8192);
    ScsiResult changer = s.transport(library.changerLun()).execute(Cdbs.inquiry(96));
    assertThat(changer.dataIn().get(0)).isEqualTo(8);
    assertThat(changer.dataIn().slice(8, 16)).isEqualTo(Bytes.ascii("STK     "));
    assertThat(changer.dataIn().slice(16, 20)).isEqualTo(Bytes.ascii("L700"));
    ScsiResult drive = s.transport(library.driveLuns().get(0)).execute(Cdbs.inquiry(96));
    assertThat(drive.dataIn().get(0)).isEqualTo(1);
    assertThat(drive.dataIn().slice(16, 27)).isEqualTo(Bytes.ascii("ULT3580-TD6"));
  }

  @Test
  void readElementStatusReportsTheBarcodesOfFullSlots() throws Exception {
    IscsiTransport changer = open().transport(library.changerLun());
    ready(changer);
    ScsiResult r = changer.execute(Cdbs.readElementStatus(2, SLOT_1, 5, 4096));
    assertThat(r.isGood()).isTrue();
    Bytes d = r.dataIn();
    int descriptor = d.get(10) << 8 | d.get(11);
    assertThat(descriptor).isEqualTo(52); // 12 bytes + 36-byte primary volume tag + 4
    assertThat(d.get(9) & 0x80).isEqualTo(0x80); // PVolTag
    // tgt's known bug: the report is 8 bytes shorter than the five 52-byte descriptors it announces
    assertThat(d.size()).isEqualTo(8 + 8 + 5 * 52 - 8);
    List<String> slots = new ArrayList<>();
    for (int off = 16; off + descriptor <= d.size(); off += descriptor) {
      int address = d.get(off) << 8 | d.get(off + 1);
      boolean full = (d.get(off + 2) & 1) != 0;
      String tag = new String(d.slice(off + 12, off + 44).toByteArray(), java.nio.charset.StandardCharsets.US_ASCII)
          .strip();
      slots.add(address + (full ? " " + tag : " empty"));
    }
    assertThat(slots).containsExactly("1000 VL0001L6", "1001 VL0002L6", "1002 empty", "1003 empty");
    ScsiResult ie = changer.execute(Cdbs.readElementStatus(3, 10, 1, 1024));
    assertThat(ie.dataIn().slice(16 + 12, 16 + 20)).isEqualTo(Bytes.ascii("VL0003L6"));
  }

  @Test
  void moveMediumLoadsADriveAndReportsSourceEmptyAndDestinationFull() throws Exception {
    IscsiTransport changer = open().transport(library.changerLun());
    ready(changer);
    assertThat(changer.execute(Cdbs.moveMedium(TRANSPORT, SLOT_1, DRIVE_1)).isGood()).isTrue();
    ScsiResult drive = changer.execute(Cdbs.readElementStatus(4, DRIVE_1, 1, 1024));
    assertThat(drive.dataIn().get(16 + 2) & 1).isEqualTo(1);
    assertThat(drive.dataIn().slice(16 + 12, 16 + 20)).isEqualTo(Bytes.ascii("VL0001L6"));
    Sense empty = sense(changer.execute(Cdbs.moveMedium(TRANSPORT, SLOT_1, SLOT_3)));
    assertThat(empty.is(SenseKey.ILLEGAL_REQUEST, 0x3b, 0x0e)).as(empty.description()).isTrue();
    Sense full = sense(changer.execute(Cdbs.moveMedium(TRANSPORT, SLOT_2, DRIVE_1)));
    assertThat(full.is(SenseKey.ILLEGAL_REQUEST, 0x3b, 0x0d)).as(full.description()).isTrue();
  }

  static List<Object[]> negotiations() {
    InitiatorOptions d = InitiatorOptions.defaults();
    return List.of(
        new Object[] {"defaults", d, false},
        new Object[] {"R2T only", d.withWriteData(false, true, 65536, 262144), false},
        new Object[] {"immediate and unsolicited data", d.withWriteData(true, false, 65536, 262144), false},
        new Object[] {"CRC32C header and data digests", d.withDigests(DigestOffer.REQUIRED, DigestOffer.REQUIRED),
            true});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("negotiations")
  void aMebibyteBlockWrittenToATgtTapeReadsBackTheSame(String name, InitiatorOptions options, boolean digests)
      throws Exception {
    if (digests) {
      tgtd.admin("--mode", "target", "--op", "update", "--tid", "1", "--name", "HeaderDigest", "--value", "CRC32C");
      tgtd.admin("--mode", "target", "--op", "update", "--tid", "1", "--name", "DataDigest", "--value", "CRC32C");
    }
    IscsiSession s = open(tgtd.port(), options);
    IscsiTransport changer = s.transport(library.changerLun());
    ready(changer);
    assertThat(changer.execute(Cdbs.moveMedium(TRANSPORT, SLOT_1, DRIVE_1)).isGood()).isTrue();
    IscsiTransport drive = s.transport(library.driveLuns().get(0));
    ready(drive);
    byte[] block = new byte[1 << 20];
    new Random(7).nextBytes(block);
    ScsiResult written = drive.execute(Cdbs.write6(Bytes.of(block)));
    assertThat(written.isGood()).as(written.toString()).isTrue();
    assertThat(drive.execute(Cdbs.writeFilemarks(1)).isGood()).isTrue();
    assertThat(drive.execute(Cdbs.rewind()).isGood()).isTrue();
    ScsiResult read = drive.execute(Cdbs.read6(1 << 20));
    assertThat(read.isGood()).as(read.toString()).isTrue();
    assertThat(read.dataIn()).isEqualTo(Bytes.of(block));
    assertThat(s.parameters().headerDigest()).isEqualTo(digests);
    assertThat(s.parameters().dataDigest()).isEqualTo(digests);
    assertThat(sent).filteredOn(p -> p instanceof DataOut || p instanceof ScsiCommand)
        .allMatch(p -> p.data().size() <= 8192);
  }

  @Test
  void tgtAcceptsOneWayChapAndProvesItselfForMutualChap() throws Exception {
    tgtd.chap(1, "backup", "correct-horse-12", false);
    assertThatThrownBy(this::open)
        .isInstanceOfSatisfying(LoginRejectedException.class, e -> assertThat(e.status()).isEqualTo(0x0201));
    InitiatorOptions oneWay = InitiatorOptions.defaults().withChap(new ChapCredentials("backup", "correct-horse-12"));
    assertThat(open(tgtd.port(), oneWay).transport(1).execute(Cdbs.inquiry(36)).isGood()).isTrue();
    assertThatThrownBy(() -> open(tgtd.port(), InitiatorOptions.defaults()
        .withChap(new ChapCredentials("backup", "wrong-horse-123"))))
        .isInstanceOfSatisfying(LoginRejectedException.class, e -> assertThat(e.status()).isEqualTo(0x0201));
    tgtd.chap(1, "library", "battery-staple-34", true);
    assertThat(open(tgtd.port(), oneWay.withMutualChap(new ChapCredentials("library", "battery-staple-34")))
        .transport(1).execute(Cdbs.inquiry(36)).isGood()).isTrue();
    assertThatThrownBy(() -> open(tgtd.port(),
        oneWay.withMutualChap(new ChapCredentials("library", "not-the-secret-1"))))
        .isInstanceOf(LoginRejectedException.class).hasMessageContaining("target failed mutual CHAP");
  }

  @Test
  void aConnectionDroppedMidCommandFailsItAndTheNextCommandLogsInAgain() throws Exception {
    try (CuttableProxy proxy = new CuttableProxy("127.0.0.1", tgtd.port())) {
      IscsiSession s = open(proxy.port(), InitiatorOptions.defaults());
      IscsiTransport changer = s.transport(library.changerLun());
      ready(changer);
      tgtd.suspend();
      long before = proxy.upstreamBytes();
      CompletableFuture<ScsiResult> inFlight = CompletableFuture.supplyAsync(
          () -> run(changer, Cdbs.moveMedium(TRANSPORT, SLOT_1, DRIVE_1)));
      // the observer sees the PDU just before it is written: wait until its 48-byte header has left the initiator
      assertThat(await(() -> sent.stream().anyMatch(p -> p instanceof ScsiCommand c && c.cdb().get(0) == 0xa5)
          && proxy.upstreamBytes() >= before + 48, Duration.ofSeconds(20))).isTrue();
      proxy.cut();
      assertThatThrownBy(() -> inFlight.get(20, TimeUnit.SECONDS)).cause().isInstanceOf(TransportException.class)
          .hasMessageContaining("MOVE MEDIUM was in flight; its outcome is unknown");
      tgtd.resume();
      ready(changer);
      assertThat(s.logins()).isEqualTo(2);
      assertThat(sent).filteredOn(p -> p instanceof ScsiCommand c && c.cdb().get(0) == 0xa5).hasSize(1);
    }
  }

  @Test
  void aCommandTgtDoesNotAnswerInTimeIsAbortedAndFails() throws Exception {
    CountDownLatch abortSent = new CountDownLatch(1);
    IscsiSession s = IscsiSession.open("127.0.0.1", tgtd.port(), IQN, InitiatorOptions.defaults()
        .withObserver(new PduObserver() {
          @Override
          public void sent(Pdu pdu) {
            sent.add(pdu);
            if (pdu instanceof TaskManagementRequest) {
              abortSent.countDown();
            }
          }
        }));
    toClose.add(s);
    IscsiTransport changer = s.transport(library.changerLun());
    ready(changer);
    tgtd.suspend();
    CompletableFuture<Void> resumer = CompletableFuture.runAsync(() -> {
      try {
        if (abortSent.await(20, TimeUnit.SECONDS)) {
          tgtd.resume();
        }
      } catch (Exception e) {
        throw new CompletionException(e);
      }
    });
    ScsiRequest inquiry = Cdbs.inquiry(36).withTimeout(Duration.ofMillis(300));
    assertThatThrownBy(() -> changer.execute(inquiry)).isInstanceOf(TransportException.class)
        // tgt answers the INQUIRY it finds before the abort, then "task does not exist"
        .hasMessageContaining("INQUIRY timed out after 300 ms; ABORT TASK: ")
        .hasMessageNotContaining("LOGICAL UNIT RESET");
    resumer.get(20, TimeUnit.SECONDS);
    assertThat(sent).filteredOn(p -> p instanceof TaskManagementRequest)
        .first().extracting(p -> ((TaskManagementRequest) p).function()).isEqualTo(TaskManagementRequest.ABORT_TASK);
    ready(changer);
    assertThat(s.logins()).isEqualTo(1);
  }

  private static ScsiResult run(IscsiTransport t, ScsiRequest r) {
    try {
      return t.execute(r);
    } catch (TransportException e) {
      throw new CompletionException(e);
    }
  }
}
