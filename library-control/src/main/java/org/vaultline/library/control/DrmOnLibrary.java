package org.vaultline.library.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.tinylog.Logger;
import org.vaultline.library.control.LibraryService.Work;
import org.vaultline.library.drm.DrmEject;
import org.vaultline.library.drm.DrmLedger;
import org.vaultline.library.store.Message;
import org.vaultline.library.store.Messages;
import org.vaultline.library.store.Origin;

/**
 * Disaster Recovery Manager on the libraries of a {@link LibraryControl}: MOVE DRMEDIA's eject through the I/O
 * station (REFERENCE §3, REMOVE=) with the check-out machinery of CHECKOUT LIBVOLUME, and automatic check-in of
 * returning volumes found in the station.
 */
public final class DrmOnLibrary implements DrmEject {
  private final LibraryControl control;

  public DrmOnLibrary(LibraryControl control) {
    this.control = Objects.requireNonNull(control, "control");
  }

  /** The eject without a label check. */
  @Override
  public Result eject(String library, String volume, Origin origin) {
    return eject(library, volume, false, origin);
  }

  /** The eject, reading the tape label first when {@code checkLabel} (see {@code LibraryOperations.ejectForDrm}). */
  @Override
  public Result eject(String library, String volume, boolean checkLabel, Origin origin) {
    try {
      LibraryService lib = control.library(library);
      lib.enter();
      try {
        return new LibraryOperations(lib).ejectForDrm(new Work(origin, new ArrayList<>()), volume, checkLabel);
      } finally {
        lib.leave();
      }
    } catch (CommandException e) {
      return new Failed(e.message().render());
    }
  }

  /**
   * One request to empty the station, waited for with {@code LibraryService.ask}. {@code cancelled} is not polled
   * here: MOVE DRMEDIA's cancellation is its process's (CANCEL PROCESS), which the wait itself watches through
   * {@code origin}'s process number.
   */
  @Override
  public boolean awaitEmptied(String library, boolean reply, BooleanSupplier cancelled, Origin origin) {
    try {
      LibraryService lib = control.library(library);
      return new LibraryOperations(lib).awaitEmptiedForDrm(new Work(origin, new ArrayList<>()), reply);
    } catch (CommandException e) {
      Logger.warn("MOVE DRMEDIA waiting for library {}: {}", library, e.message().render());
      return false;
    }
  }

  /**
   * The request to take MOVE DRMEDIA's ejected cartridges out of the I/O station for the courier
   * ({@code LibraryOperations.requestCourierRemoval}); a failure to raise it is logged, not thrown: the run has
   * done its work.
   */
  @Override
  public Optional<Message> requestCourierRemoval(String library, List<String> volumes, String op, Origin origin) {
    List<Message> out = new ArrayList<>();
    try {
      LibraryService lib = control.library(library);
      lib.enter();
      try {
        new LibraryOperations(lib).requestCourierRemoval(new Work(origin, out), volumes, op);
      } finally {
        lib.leave();
      }
    } catch (CommandException e) {
      Logger.warn("{}: no request to take the ejected cartridges out of library {}: {}", op, library,
          e.message().render());
      return Optional.empty();
    }
    return out.stream().filter(m -> m.id().equals(Messages.REQUEST_RAISED.id())).findFirst();
  }

  /**
   * Automatic check-in on {@code library}: what the operator put into its I/O station is looked at once (the
   * reaction to 6/28/01 and the rescan). Requests to take ejected cartridges out for the courier are satisfied when
   * the station shows them gone; returning DRM volumes are checked in as scratch; unknown cartridges raise an
   * operator request.
   *
   * @return the volumes checked in
   */
  public List<String> autoCheckin(String library, DrmLedger ledger, Origin origin) throws CommandException {
    return autoCheckin(control.library(library), ledger, origin);
  }

  /** {@link #autoCheckin(String, DrmLedger, Origin)} on a running library (the station watcher's). */
  static List<String> autoCheckin(LibraryService lib, DrmLedger ledger, Origin origin) throws CommandException {
    List<Message> out = new ArrayList<>();
    lib.enter();
    try {
      lib.settleStanding(origin, out);
      return new LibraryOperations(lib).drmCheckin(new Work(origin, out), ledger);
    } finally {
      lib.leave();
    }
  }
}
