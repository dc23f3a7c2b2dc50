package org.vaultline.library.control;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.tinylog.Logger;
import org.vaultline.library.drm.DrmLedger;
import org.vaultline.library.store.Origin;
import org.vaultline.library.store.Store;

/**
 * Automatic check-in (issue 6, SET DRMAUTOCHECKIN ON) for one started library: a thread that notices when the
 * operator has used the I/O station and then checks in the volumes DRM knows as COURIERRETRIEVE or VAULTRETRIEVE
 * (they go to ONSITERETRIEVE and leave DRM) and raises one operator request per cartridge nobody knows. It also
 * satisfies the requests nobody waits for, such as the one to take MOVE DRMEDIA's ejected cartridges out for the
 * courier, once the station shows them gone (whether automatic check-in is on or off); while such a request is
 * outstanding the station is also looked at every {@link ControlOptions#rescanInterval()}, for libraries that do
 * not report the station's use.
 *
 * <p>The station's use is reported by the changer as UNIT ATTENTION 6/28/01 (SPC-4: NOT READY TO READY CHANGE,
 * MEDIUM MAY HAVE CHANGED; SMC-3 6.2: an import/export element was accessed), which arrives only with the next
 * command. So while the library is idle the watcher asks TEST UNIT READY every
 * {@link ControlOptions#attentionPoll()}, as {@code LibraryService.ask} does while an operator request is
 * outstanding. The station is also looked at once when the watcher starts: it may hold cartridges put in while
 * the server was down.
 *
 * <p>An operation in progress takes precedence: while one runs on the library, or any numbered background process
 * runs (a MOVE DRMEDIA between two ejects, a process waiting for the operator), the attention is remembered and the
 * check-in runs once the library is idle. A failure is logged (VLN0509W) and the watcher goes on.
 */
final class StationWatcher {
  private final LibraryService lib;
  private final DrmLedger ledger;
  private final Store store;
  private final Duration poll;
  private final BooleanSupplier otherWork;
  private final Thread thread;
  private volatile boolean stopped;

  /**
   * @param otherWork true while some other work must go first (by default: a numbered process is running)
   */
  StationWatcher(LibraryService lib, DrmLedger ledger, BooleanSupplier otherWork) {
    this.lib = Objects.requireNonNull(lib, "lib");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.store = ledger.store();
    this.poll = lib.options().attentionPoll();
    this.otherWork = Objects.requireNonNull(otherWork, "otherWork");
    this.thread = new Thread(this::run, "station-watcher-" + lib.name());
    this.thread.setDaemon(true);
  }

  StationWatcher start() {
    thread.start();
    return this;
  }

  /** Stops after the check-in in progress, if any. */
  void stop() {
    stopped = true;
    lib.wake();
  }

  /** Waits up to {@code timeout} for the thread to end; true when it has. */
  boolean join(Duration timeout) throws InterruptedException {
    thread.join(Math.max(1, timeout.toMillis()));
    return !thread.isAlive();
  }

  boolean isAlive() {
    return thread.isAlive();
  }

  LibraryService library() {
    return lib;
  }

  private void run() {
    boolean pending = true; // the station may already hold cartridges
    java.time.Instant nextRescan = store.clock().instant().plus(lib.options().rescanInterval());
    while (!stopped && !lib.isClosed()) {
      try {
        boolean idle = !lib.isBusy() && !otherWork.getAsBoolean();
        if (idle && !pending && lib.hasStanding() && !store.clock().instant().isBefore(nextRescan)) {
          pending = true;
        }
        if (idle && pending) {
          pending = false;
          nextRescan = store.clock().instant().plus(lib.options().rescanInterval());
          if (ledger.settings().autoCheckin()) {
            checkin(); // settles the standing requests first
          } else {
            settle();
          }
          continue;
        }
        if (idle) {
          lib.poll(); // delivers a pending 6/28/01 to the service, which flags it for us
        }
        if (lib.awaitStationAttention(poll)) {
          pending = true;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        Logger.error(e, "Library {}: the station watcher failed; it goes on", lib.name());
        try {
          Thread.sleep(Math.max(1, poll.toMillis()));
        } catch (InterruptedException again) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void settle() {
    try {
      lib.enter();
      try {
        lib.settleStanding(Origin.SERVER, new java.util.ArrayList<>());
      } finally {
        lib.leave();
      }
    } catch (RuntimeException e) {
      Logger.warn(e, "Library {}: looking at the requests to empty the I/O station failed", lib.name());
    }
  }

  private void checkin() {
    try {
      List<String> in = DrmOnLibrary.autoCheckin(lib, ledger, Origin.SERVER);
      if (!in.isEmpty()) {
        store.transact(Origin.SERVER, tx -> tx.log(ControlMessages.AUTO_CHECKIN_DONE, lib.name(), in.size(),
            String.join(", ", in)));
      }
    } catch (CommandException e) {
      store.transact(Origin.SERVER, tx -> tx.log(ControlMessages.AUTO_CHECKIN_FAILED, lib.name(),
          e.message().render()));
    }
  }
}
