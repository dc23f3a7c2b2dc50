package org.vaultline.library.drm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tinylog.Logger;
import org.vaultline.library.store.BackgroundProcess;
import org.vaultline.library.store.Message;
import org.vaultline.library.store.Messages;
import org.vaultline.library.store.Origin;
import org.vaultline.library.store.ProcessState;

/**
 * MOVE DRMEDIA as a numbered background process (QUERY PROCESS / CANCEL PROCESS), or in the foreground with
 * WAIT=YES. Each volume is ejected (when it leaves a library and REMOVE is not NO) and then its state change
 * commits in its own transaction, so a cancelled or crashed run leaves every volume fully moved or untouched as
 * far as DRM is concerned. REMOVE: YES waits for the operator when the station is full; BULK raises one request and
 * resumes when the station has been emptied; UNTILEEFULL stops at the first full station and lists the volumes it
 * left; NO changes state only.
 *
 * <p>SET DRMCHECKLABEL YES (TSM's default) has the eject read each volume's tape label first
 * ({@link DrmEject#eject(String, String, boolean, Origin)}): a volume whose label does not name it is left unmoved
 * (VLN0540W) and the run goes on; an eject that fails (no drive free: TSM's check-out does not wait for one) ends the
 * run, the rest left unchanged. CANCEL PROCESS (or a server stop) is seen before each volume and while waiting for
 * the operator; the process then ends CANCELLED. Whenever an intended eject does not happen, its pending move
 * ({@link DrmLedger#intend}) is dropped with the message saying why.
 *
 * <p>A run that ejected cartridges which are still in the I/O station when it ends raises one operator request per
 * library to take them out for the courier ({@link DrmEject#requestCourierRemoval}); the process does not wait for
 * it. A cancelled run raises none: CANCEL PROCESS and a server stop look the same to it, and the requests of a
 * stopped server are cancelled when its libraries start again.
 */
public final class MoveDrMediaRun {
  /** How the run ended. */
  public enum End { COMPLETED, CANCELLED, STATION_FULL, FAILED }

  /**
   * @param moved the volumes as recorded after their move, in order
   * @param leftUnmoved the volumes selected but not moved (cancelled, UNTILEEFULL stop, eject failure)
   * @param cmdLines the CMD= lines (also written to the CMDFILENAME target when there is one)
   * @param messages what the administrator sees (and the activity log holds)
   */
  public record Result(long process, End end, List<DrmVolume> moved, List<String> leftUnmoved, List<String> cmdLines,
      List<Message> messages) {}

  private final DrmLedger ledger;
  private final DrmEject eject;

  public MoveDrMediaRun(DrmLedger ledger, DrmEject eject) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.eject = Objects.requireNonNull(eject, "eject");
  }

  /**
   * Starts the process and runs it on a new thread unless WAIT=YES, in which case it runs here.
   *
   * @return the process number and, with WAIT=YES, the finished result; a request in error is refused without a
   *     process (number 0)
   */
  public Started start(MoveDrMedia request, Origin origin) {
    Optional<DrmMessage> error = request.requestError();
    if (error.isPresent()) {
      return new Started(0, Optional.of(new Result(0, End.FAILED, List.of(), List.of(), List.of(),
          List.of(error.get().toMessage()))), null);
    }
    String description = request.commandText(ledger.zone());
    long number = ledger.store().write(origin, tx -> {
      BackgroundProcess p = tx.processes().start(description);
      tx.log(Messages.PROCESS_STARTED, p.number(), description);
      return p.number();
    });
    if (request.waitForCompletion()) {
      return new Started(number, Optional.of(run(request, origin.inProcess(number), number, description)), null);
    }
    Thread t = new Thread(() -> run(request, origin.inProcess(number), number, description),
        "move-drmedia-" + number);
    t.setDaemon(true);
    t.start();
    return new Started(number, Optional.empty(), t);
  }

  /** A started run: its process number, the result when it ran in the foreground, its thread otherwise. */
  public record Started(long process, Optional<Result> result, Thread thread) {
    /** Waits for a background run to end. */
    public void join() throws InterruptedException {
      if (thread != null) {
        thread.join();
      }
    }
  }

  private boolean cancelled(long number) {
    return ledger.store().read(r -> r.processes().find(number).map(BackgroundProcess::cancelRequested)
        .orElse(true));
  }

  Result run(MoveDrMedia request, Origin in, long number, String description) {
    List<DrmVolume> moved = new ArrayList<>();
    List<String> left = new ArrayList<>();
    List<Message> messages = new ArrayList<>();
    List<String> cmdLines = new ArrayList<>();
    Map<String, List<String>> ejected = new LinkedHashMap<>();
    End end = End.COMPLETED;
    try {
      List<DrmVolume> selected = ledger.select(request);
      if (selected.isEmpty()) {
        messages.add(DrmMessages.noMatch(MoveDrMedia.NAME).toMessage());
      }
      boolean ejects = request.remove() != RemoveMode.NO;
      boolean checkLabel = ejects && ledger.settings().checkLabel();
      for (int i = 0; i < selected.size(); i++) {
        DrmVolume v = selected.get(i);
        if (end != End.COMPLETED || cancelled(number)) {
          if (end == End.COMPLETED) {
            end = End.CANCELLED;
          }
          left.add(v.name());
          continue;
        }
        boolean leavesLibrary = v.state() == DrmState.MOUNTABLE && v.library().isPresent();
        if (ejects && leavesLibrary) {
          End e = ejectOne(request, v, number, checkLabel, messages, in);
          if (e == End.COMPLETED) {
            ejected.computeIfAbsent(v.library().orElseThrow(), l -> new ArrayList<>()).add(v.name());
          }
          if (e == null) {
            left.add(v.name()); // refused: this one stays, the others go on
            continue;
          }
          if (e != End.COMPLETED) {
            end = e;
            left.add(v.name());
            continue;
          }
        }
        MoveOutcome o = ledger.move(request, v.name(), in, Optional.of("Volume " + (i + 1) + " of "
            + selected.size() + ": " + v.name() + " moved to " + request.effectiveToState().orElseThrow() + "."));
        if (o instanceof MoveOutcome.Moved m) {
          moved.add(m.after());
          messages.add(m.message().toMessage());
        } else {
          messages.add(((MoveOutcome.Refused) o).message().toMessage());
        }
      }
      if (!left.isEmpty()) {
        DrmMessage m = DrmMessageId.LEFT_UNMOVED.with(MoveDrMedia.NAME + " process " + number + " left "
            + left.size() + " volumes unchanged: " + String.join(", ", left) + ".");
        ledger.log(m, in);
        messages.add(m.toMessage());
      }
      if (request.cmd().isPresent() && !moved.isEmpty()) {
        CmdOutput c = request.cmd().get();
        cmdLines.addAll(c.cmd().lines(moved));
        Optional<String> target = c.target(ledger.settings());
        if (target.isPresent()) {
          write(Path.of(target.get()), cmdLines, c.append());
        }
      }
    } catch (RuntimeException | IOException e) {
      end = End.FAILED;
      DrmMessage m = DrmMessageId.RUN_FAILED.with(MoveDrMedia.NAME + " process " + number + " failed: " + e);
      try {
        ledger.log(m, in);
      } catch (RuntimeException again) {
        e.addSuppressed(again);
      }
      messages.add(m.toMessage());
    } finally {
      if (end != End.CANCELLED) {
        for (Map.Entry<String, List<String>> e : ejected.entrySet()) {
          try {
            eject.requestCourierRemoval(e.getKey(), e.getValue(), MoveDrMedia.NAME + " process " + number, in)
                .ifPresent(messages::add);
          } catch (RuntimeException x) {
            Logger.warn(x, "{} process {}: no request to take the ejected cartridges out of library {}",
                MoveDrMedia.NAME, number, e.getKey());
          }
        }
      }
      ProcessState state = end == End.COMPLETED || end == End.STATION_FULL ? ProcessState.COMPLETED
          : end == End.CANCELLED ? ProcessState.CANCELLED : ProcessState.FAILED;
      String how = end.name().toLowerCase().replace('_', ' ') + ", " + moved.size() + " volumes moved";
      ledger.store().transact(in, tx -> {
        tx.processes().finish(number, state);
        Message m = tx.log(Messages.PROCESS_ENDED, number, description, how);
        messages.add(m);
      });
    }
    return new Result(number, end, List.copyOf(moved), List.copyOf(left), List.copyOf(cmdLines),
        List.copyOf(messages));
  }

  /**
   * Ejects one volume according to REMOVE: COMPLETED when it is out, null when this volume was refused (its label)
   * and the run goes on, else how the run ends. When it did not leave, its pending move is dropped in the
   * transaction that logs why.
   */
  private End ejectOne(MoveDrMedia request, DrmVolume v, long number, boolean checkLabel, List<Message> messages,
      Origin in) {
    String library = v.library().orElseThrow();
    ledger.intend(request, v.name(), in);
    while (true) {
      DrmEject.Result r = eject.eject(library, v.name(), checkLabel, in);
      if (r instanceof DrmEject.Ejected) {
        return End.COMPLETED;
      }
      DrmMessage why;
      End end;
      if (r instanceof DrmEject.Refused f) {
        why = DrmMessageId.NOT_EJECTED.with("Volume " + v.name() + " was not ejected from library " + library
            + " and stays " + v.state() + ": " + f.reason() + ".");
        end = null;
      } else if (r instanceof DrmEject.Failed f) {
        why = DrmMessageId.EJECT_FAILED.with("Volume " + v.name() + " could not be ejected from library " + library
            + ": " + f.reason());
        end = End.FAILED;
      } else if (request.remove() == RemoveMode.UNTILEEFULL) {
        why = DrmMessageId.STATION_FULL.with("The I/O station of library " + library
            + " is full; REMOVE=UNTILEEFULL ends here.");
        end = End.STATION_FULL;
      } else if (eject.awaitEmptied(library, request.remove() == RemoveMode.YES, () -> cancelled(number), in)
          && !cancelled(number)) {
        continue; // emptied: try again
      } else {
        why = DrmMessageId.NOT_EJECTED.with("Volume " + v.name() + " was not ejected from library " + library
            + " and stays " + v.state() + ": " + MoveDrMedia.NAME + " process " + number + " was cancelled.");
        end = End.CANCELLED;
      }
      ledger.dropPending(v.name(), why, in);
      messages.add(why.toMessage());
      return end;
    }
  }

  private static void write(Path file, List<String> lines, boolean append) throws IOException {
    StringBuilder b = new StringBuilder();
    lines.forEach(l -> b.append(l).append('\n'));
    if (append) {
      Files.writeString(file, b, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } else {
      Files.writeString(file, b, StandardCharsets.UTF_8);
    }
  }
}
