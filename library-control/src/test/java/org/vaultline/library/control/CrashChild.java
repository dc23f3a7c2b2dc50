package org.vaultline.library.control;

import java.nio.file.Path;
import java.time.Duration;
import org.vaultline.device.DeviceOpener;
import org.vaultline.library.robot.CompletedMove;
import org.vaultline.library.robot.MoveFailure;
import org.vaultline.library.robot.MoveJournal;
import org.vaultline.library.robot.PlannedMove;
import org.vaultline.library.store.Origin;
import org.vaultline.library.store.Store;

/**
 * The server side of the crash tests, run in a child JVM that the test kills with SIGKILL: a store and a
 * {@link LibraryControl} reaching {@link EmulatorServer} over iSCSI, running the given commands. Its journal
 * prints each step of every move ({@code INTENDED id}, {@code MOVING id}, {@code COMPLETED id} before the
 * completion is recorded, {@code RECORDED id} after) and, at the step named in its arguments, stops there and
 * waits to be killed.
 *
 * <p>{@code java CrashChild STORE PORT STOP_AT COMMAND...}, STOP_AT one of {@code INTENDED}, {@code COMPLETED},
 * {@code NONE} ({@code MOVING} is killed by the test while MOVE MEDIUM runs, so the child does not stop there).
 * Prints {@code OK} after each command and {@code DONE} at the end.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    String stopAt = args[2];
    try (Store store = Store.open(db)) {
      ControlOptions options = ControlOptions.DEFAULT.withPolls(Duration.ofMillis(50), Duration.ofMillis(200))
          .withJournalWrapper(j -> new Stepping(j, stopAt));
      try (LibraryControl control = new LibraryControl(store, DeviceOpener.standard()::open, options)) {
        for (int i = 3; i < args.length; i++) {
          String line = args[i].replace("${PORT}", Integer.toString(port));
          CommandResult r = control.execute(line, Origin.admin("ADMIN"));
          System.out.print(r.text());
          System.out.println("OK " + line);
          System.out.flush();
        }
      }
    }
    System.out.println("DONE");
    System.out.flush();
  }

  /** Prints every step and stops at one. */
  private static final class Stepping implements MoveJournal {
    private final MoveJournal journal;
    private final String stopAt;

    Stepping(MoveJournal journal, String stopAt) {
      this.journal = journal;
      this.stopAt = stopAt;
    }

    private void step(String name, long id) {
      System.out.println(name + " " + id);
      System.out.flush();
      if (name.equals(stopAt)) {
        while (true) {
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            // keep waiting for the SIGKILL
          }
        }
      }
    }

    @Override
    public long intended(PlannedMove move) {
      long id = journal.intended(move);
      step("INTENDED", id);
      return id;
    }

    @Override
    public void moving(long id, PlannedMove move) {
      journal.moving(id, move);
      System.out.println("MOVING " + id);
      System.out.flush();
    }

    @Override
    public void completed(long id, CompletedMove move) {
      step("COMPLETED", id);
      journal.completed(id, move);
      System.out.println("RECORDED " + id);
      System.out.flush();
    }

    @Override
    public void failed(long id, MoveFailure failure) {
      System.out.println("FAILED " + id + " " + failure.outcome());
      System.out.flush();
      journal.failed(id, failure);
    }
  }
}
