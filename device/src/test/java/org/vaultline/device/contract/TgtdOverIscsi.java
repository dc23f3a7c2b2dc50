package org.vaultline.device.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.vaultline.device.iscsi.CuttableProxy;
import org.vaultline.device.iscsi.InitiatorOptions;
import org.vaultline.device.iscsi.IscsiSession;
import org.vaultline.device.iscsi.Pdu;
import org.vaultline.device.iscsi.PduObserver;
import org.vaultline.device.iscsi.ScsiCommand;
import org.vaultline.device.iscsi.TaskManagementRequest;
import org.vaultline.emulator.personality.DeviceIdentity;
import org.vaultline.peers.Tgtd;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.transport.ScsiTransport;
import org.vaultline.scsi.transport.Sleeper;

/**
 * A real tgtd (Debian tgt) configured like the emulator as far as tgt can be: the same element
 * addresses, barcodes, vendor, product, revision and serial numbers, the changer on LUN 1 and the drive
 * on LUN 2, reached by our initiator through a {@link CuttableProxy}. tgtd runs on a free loopback port
 * and is stopped by PID. A dropped connection is the proxy cutting the connection while tgtd is
 * stopped (SIGSTOP) with the command unanswered; a timeout is a command sent to a stopped tgtd, which is
 * let go (SIGCONT) once the initiator has sent its ABORT TASK.
 */
final class TgtdOverIscsi extends LibraryUnderTest {
  static final String IQN = "iqn.2024-01.org.vaultline:contract-tgtd";
  private static final int TID = 1;

  private final Tgtd tgtd;
  private final Tgtd.Library config;
  private final CuttableProxy proxy;
  private final IscsiSession session;
  private final AtomicReference<CountDownLatch> moveSent = new AtomicReference<>(new CountDownLatch(0));
  private final AtomicReference<CountDownLatch> abortSent = new AtomicReference<>(new CountDownLatch(0));

  TgtdOverIscsi(Path dir) throws Exception {
    assertThat(Tgtd.isAvailable()).as("tgt is not installed: run make deps (apt-get install tgt)").isTrue();
    tgtd = Tgtd.start(dir);
    try {
      Map<Integer, String> cartridges = new LinkedHashMap<>();
      for (Map.Entry<ElementAddress, String> c : CARTRIDGES.entrySet()) {
        cartridges.put(c.getKey().value(), c.getValue());
      }
      config = tgtd.library(TID, IQN, new Tgtd.Layout(TRANSPORT.value(), SLOTS.get(0).value(), SLOTS.size(),
          IMPORT_EXPORT.value(), 1, DRIVE.value(), 1), cartridges);
      DeviceIdentity changer = PERSONALITY.changer();
      identity(config.changerLun(), changer, CHANGER_SERIAL, false);
      identity(config.driveLuns().get(0), PERSONALITY.drive(), DRIVE_SERIAL, true);
      proxy = new CuttableProxy("127.0.0.1", tgtd.port());
      session = IscsiSession.open("127.0.0.1", proxy.port(), IQN, InitiatorOptions.defaults()
          .withObserver(new PduObserver() {
            @Override
            public void sent(Pdu pdu) {
              if (pdu instanceof ScsiCommand c && c.cdb().get(0) == 0xA5) {
                moveSent.get().countDown();
              }
              if (pdu instanceof TaskManagementRequest) {
                abortSent.get().countDown();
              }
            }
          }));
    } catch (Exception | AssertionError e) {
      tgtd.close();
      throw e;
    }
  }

  private void identity(int lun, DeviceIdentity id, String serial, boolean removable) throws Exception {
    tgtd.admin("--mode", "logicalunit", "--op", "update", "--tid", Integer.toString(TID), "--lun",
        Integer.toString(lun), "--params", "vendor_id=" + id.vendor() + ",product_id=" + id.product()
            + ",product_rev=" + id.revision() + ",scsi_sn=" + serial + ",removable=" + (removable ? 1 : 0));
  }

  @Override
  ExpectedDifferences differences() {
    return ExpectedDifferences.TGT;
  }

  @Override
  ScsiTransport changer() {
    return session.transport(config.changerLun());
  }

  @Override
  ScsiTransport drive() {
    return session.transport(config.driveLuns().get(0));
  }

  /** tgt answers at once; backoff only matters if it ever says "becoming ready". */
  @Override
  Sleeper sleeper() {
    return Sleeper.SYSTEM;
  }

  @Override
  OptionalInt logins() {
    return OptionalInt.of(session.logins());
  }

  @Override
  Throwable dropConnectionDuring(Command<?> command) throws Exception {
    ExecutorService caller = Executors.newSingleThreadExecutor();
    CountDownLatch sent = new CountDownLatch(1);
    moveSent.set(sent);
    try {
      tgtd.suspend();
      Future<?> inFlight = caller.submit(() -> executor(changer()).execute(command));
      if (!sent.await(20, TimeUnit.SECONDS)) {
        throw new AssertionError(command.name() + " was never sent");
      }
      proxy.cut();
      return Outcome.of(inFlight);
    } finally {
      tgtd.resume();
      caller.shutdownNow();
      caller.awaitTermination(20, TimeUnit.SECONDS);
    }
  }

  @Override
  Recovery recoveryAfterDrop() {
    return Recovery.SAME_TRANSPORT;
  }

  @Override
  Stalled stallNextChangerCommand() throws Exception {
    CountDownLatch abort = new CountDownLatch(1);
    abortSent.set(abort);
    tgtd.suspend();
    // let tgtd go once the initiator gives up on the command, so that it can answer the abort
    CompletableFuture<Void> resumer = CompletableFuture.runAsync(() -> {
      try {
        if (abort.await(30, TimeUnit.SECONDS)) {
          tgtd.resume();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    return () -> {
      tgtd.resume();
      resumer.get(30, TimeUnit.SECONDS);
    };
  }

  @Override
  public void close() throws IOException {
    long pid = tgtd.pid();
    try {
      session.close();
      proxy.close();
    } finally {
      tgtd.close();
    }
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("tgtd %d stopped", pid)
        .isFalse();
  }

  @Override
  public String toString() {
    return "tgtd " + tgtd.pid() + " on 127.0.0.1:" + tgtd.port();
  }
}
