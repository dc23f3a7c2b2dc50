package org.vaultline.library.control;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vaultline.library.control.LibraryCommand.AuditLibrary;
import org.vaultline.library.control.LibraryCommand.CheckLabel;
import org.vaultline.library.control.LibraryCommand.CheckinLibvolume;
import org.vaultline.library.control.LibraryCommand.CheckoutLibvolume;
import org.vaultline.library.control.LibraryCommand.LabelLibvolume;
import org.vaultline.library.control.LibraryCommand.Remove;
import org.vaultline.library.control.LibraryCommand.Search;
import org.vaultline.library.control.LibraryCommand.VolumeNames;
import org.vaultline.library.control.LibraryService.Answer;
import org.vaultline.library.control.LibraryService.Work;
import org.vaultline.library.drm.DrmEject;
import org.vaultline.library.drm.DrmLedger;
import org.vaultline.library.events.EventPayload;
import org.vaultline.library.inventory.InventoryElement;
import org.vaultline.library.inventory.LibraryInventory;
import org.vaultline.library.robot.MoveRequest;
import org.vaultline.library.robot.RobotException;
import org.vaultline.library.store.EventCategory;
import org.vaultline.library.store.LibraryVolume;
import org.vaultline.library.store.Message;
import org.vaultline.library.store.Messages;
import org.vaultline.library.store.Move;
import org.vaultline.library.store.MovePurpose;
import org.vaultline.library.store.MoveState;
import org.vaultline.library.store.OperatorRequest;
import org.vaultline.library.store.RequestKind;
import org.vaultline.library.store.Store;
import org.vaultline.scsi.sense.ScsiException;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementType;
import org.vaultline.scsi.transport.ScsiExecutor;

/**
 * CHECKIN LIBVOLUME, CHECKOUT LIBVOLUME, AUDIT LIBRARY and LABEL LIBVOLUME on one {@link LibraryService}: which
 * cartridges, which slots and cells, which drive for a label, and when to ask the operator. Every robot move goes
 * through the store's journal ({@link StoreJournal}); a volume is checked in or out in the transaction that
 * records its move as done ({@link Settlement}).
 */
final class LibraryOperations {
  private final LibraryService lib;
  private final Store store;
  private final String name;

  LibraryOperations(LibraryService lib) {
    this.lib = lib;
    this.store = lib.store();
    this.name = lib.name();
  }

  /** This volume was dealt with (and reported) already: go on with the next. */
  private static final class Skipped extends Exception {
    private static final long serialVersionUID = 1L;

    Skipped() {
      super(null, null, false, false);
    }
  }

  // ---- CHECKIN LIBVOLUME ----

  void checkin(Work w, CheckinLibvolume c) throws CommandException {
    int[] counts = new int[2];
    switch (c.search()) {
      case BULK -> {
        List<InventoryElement> cells = inserted(readStation(), c.volumes());
        if (cells.isEmpty() && !c.waitTime().isZero()) {
          cells = awaitInserted(w, c.volumes(), Optional.empty(), c.waitTime(), c.name());
        }
        for (InventoryElement e : cells) {
          if (lib.cancelled(w)) {
            break;
          }
          count(counts, checkinFrom(w, c, e));
        }
      }
      case YES -> {
        LibraryInventory inv = lib.refresh(w.origin(), w.out());
        Set<ElementAddress> homes = homes();
        for (InventoryElement e : inv.storage()) {
          if (lib.cancelled(w)) {
            break;
          }
          if (e.full() && !homes.contains(e.address()) && e.volser().map(v -> c.volumes().matches(v)).orElse(true)
              && !isCheckedIn(e)) {
            count(counts, checkinInPlace(w, c, e));
          }
        }
      }
      default -> {
        String volume = c.volumes().single().orElseThrow();
        if (store.read(r -> r.volumes().find(volume)).isPresent()) {
          throw CommandException.of(ControlMessages.VOLUME_ALREADY_IN, volume, name);
        }
        Optional<InventoryElement> inStation = readStation().stream()
            .filter(e -> e.volser().filter(volume::equals).isPresent()).findFirst();
        Optional<InventoryElement> inSlot = lib.current(w.origin(), w.out()).find(volume).stream()
            .filter(e -> e.type() == ElementType.STORAGE && !homes().contains(e.address())).findFirst();
        if (inStation.isPresent()) {
          count(counts, checkinFrom(w, c, inStation.get()));
        } else if (inSlot.isPresent()) {
          count(counts, checkinInPlace(w, c, inSlot.get()));
        } else if (!c.waitTime().isZero()) {
          for (InventoryElement e : awaitInserted(w, c.volumes(), Optional.of(volume), c.waitTime(), c.name())) {
            count(counts, checkinFrom(w, c, e));
          }
        } else {
          throw CommandException.of(ControlMessages.NOTHING_FOUND, "volume " + volume + " in library " + name);
        }
      }
    }
    lib.log(w, ControlMessages.CHECKIN_DONE, name, counts[0], counts[1]);
  }

  private static void count(int[] counts, boolean done) {
    counts[done ? 0 : 1]++;
  }

  /** Moves the cartridge from an I/O station cell (or wherever it is) into a free slot and checks it in. */
  private boolean checkinFrom(Work w, CheckinLibvolume c, InventoryElement at) throws CommandException {
    Optional<String> barcode = at.barcode();
    Optional<String> volume = at.volser();
    ElementAddress from = at.address();
    Optional<ElementAddress> drive = Optional.empty();
    try {
      if (c.checkLabel() == CheckLabel.YES) {
        Mounted m = mountAndRead(w, at.address(), volume, c.name());
        drive = Optional.of(m.drive());
        from = m.drive();
        Optional<String> label = verifiedLabel(w, m, at.address(), at.barcode(), volume);
        if (label.isEmpty()) {
          putBack(w, drive, at.address(), volume, MovePurpose.RELOCATE);
          return false;
        }
        volume = label;
      } else if (volume.isEmpty()) {
        lib.log(w, ControlMessages.NO_BARCODE, at.address(), name);
        return false;
      }
      String vol = volume.get();
      if (!c.volumes().matches(vol)) {
        putBack(w, drive, at.address(), Optional.of(vol), MovePurpose.RELOCATE);
        return false;
      }
      if (store.read(r -> r.volumes().find(vol)).isPresent()) {
        lib.log(w, ControlMessages.VOLUME_ALREADY_IN, vol, name);
        putBack(w, drive, at.address(), Optional.of(vol), MovePurpose.RELOCATE);
        return false;
      }
      ElementAddress slot;
      try {
        slot = lib.reserveFreeSlot(vol);
      } catch (CommandException e) {
        putBack(w, drive, at.address(), Optional.of(vol), MovePurpose.RELOCATE);
        throw e;
      }
      try {
        moveIn(w, c.status(), c.cleanings(), from, slot, vol, barcode);
        return true;
      } catch (RobotException e) {
        lib.log(w, ControlMessages.OPERATION_FAILED, c.name(), vol, name, e.getMessage());
        return false;
      } finally {
        lib.release(slot);
      }
    } catch (Skipped s) {
      return false;
    } finally {
      drive.ifPresent(lib::releaseDrive);
    }
  }

  /** The move that checks a volume in: the volume's row (home = the slot) is written with the intent. */
  private void moveIn(Work w, org.vaultline.library.store.VolumeStatus status, Optional<Integer> cleanings,
      ElementAddress from, ElementAddress slot, String vol, Optional<String> barcode) throws RobotException {
    Optional<String> type = DeviceTypes.ofVolume(barcode, lib.deviceType());
    MoveRequest req = MoveRequest.of(from, slot);
    if (barcode.isPresent()) {
      req = req.withVolume(vol);
    }
    lib.move(w, req, MovePurpose.CHECKIN, Optional.of(vol), tx -> tx.volumes().insert(
        LibraryVolume.checkedIn(name, vol, barcode, status, Optional.of(slot), type, tx.now())
            .withCleaningsLeft(cleanings, tx.now())));
  }

  /** SEARCH=YES: a cartridge in a slot is checked in where it is. */
  private boolean checkinInPlace(Work w, CheckinLibvolume c, InventoryElement at) throws CommandException {
    Optional<String> volume = at.volser();
    try {
      if (c.checkLabel() == CheckLabel.YES) {
        Mounted m = mountAndRead(w, at.address(), volume, c.name());
        Optional<String> label;
        try {
          label = verifiedLabel(w, m, at.address(), at.barcode(), volume);
        } finally {
          putBack(w, Optional.of(m.drive()), at.address(), volume, MovePurpose.DISMOUNT);
          lib.releaseDrive(m.drive());
        }
        if (label.isEmpty()) {
          return false;
        }
        volume = label;
      } else if (volume.isEmpty()) {
        lib.log(w, ControlMessages.NO_BARCODE, at.address(), name);
        return false;
      }
    } catch (Skipped s) {
      return false;
    }
    String vol = volume.get();
    if (!c.volumes().matches(vol)) {
      return false;
    }
    Optional<String> barcode = at.barcode();
    Optional<String> type = DeviceTypes.ofVolume(barcode, lib.deviceType());
    try {
      store.transact(w.origin(), tx -> {
        tx.volumes().insert(LibraryVolume.checkedIn(name, vol, barcode, c.status(), Optional.of(at.address()), type,
            tx.now()).withCleaningsLeft(c.cleanings(), tx.now()));
        Message m = tx.log(Messages.VOLUME_CHECKED_IN, vol, name, c.status(), at.address());
        w.out().add(m);
        tx.event(EventCategory.LIBRARY, EventPayload.of("library.volume.checkin", m.text()).with("library", name)
            .with("volume", vol).with("status", c.status().name()).with("home", at.address().value()).json());
      });
      return true;
    } catch (org.vaultline.library.store.ConflictException e) {
      lib.log(w, ControlMessages.VOLUME_ALREADY_IN, vol, name);
      return false;
    }
  }

  /**
   * The label read from a mounted cartridge, checked against its volser; empty (and reported) when the tape has
   * no standard label or it names another volume. The cartridge stays in the drive.
   */
  private Optional<String> verifiedLabel(Work w, Mounted m, ElementAddress at, Optional<String> barcode,
      Optional<String> volser) {
    Optional<String> label = m.first().volume();
    if (label.isEmpty()) {
      lib.log(w, ControlMessages.NO_TAPE_LABEL, at, name, m.first().describe());
      return Optional.empty();
    }
    if (volser.isPresent() && !volser.get().equals(label.get())) {
      lib.log(w, ControlMessages.LABEL_MISMATCH, at, name, barcode.orElse(volser.get()), label.get());
      return Optional.empty();
    }
    return label;
  }

  /**
   * The cartridges an operator put into the I/O station: every full cell except those holding a volume this
   * server ejected there (the last move into the cell was a CHECKOUT of that volume) and not imported since.
   * Libraries that never set ImpExp (tgt) are handled by the second rule alone.
   */
  private List<InventoryElement> inserted(List<InventoryElement> station, VolumeNames names) {
    Map<ElementAddress, String> ejected = ejectedByUs(station);
    List<InventoryElement> out = new ArrayList<>();
    for (InventoryElement e : station) {
      if (!e.full() || !e.accessible()) {
        continue;
      }
      boolean ours = !e.importedByOperator() && e.volser().isPresent()
          && e.volser().get().equals(ejected.get(e.address()));
      if (!ours && e.volser().map(names::matches).orElse(true)) {
        out.add(e);
      }
    }
    return out;
  }

  private Map<ElementAddress, String> ejectedByUs(List<InventoryElement> station) {
    Set<ElementAddress> cells = new HashSet<>();
    station.forEach(e -> cells.add(e.address()));
    Map<ElementAddress, String> ours = new HashMap<>();
    Set<ElementAddress> seen = new HashSet<>();
    for (Move m : store.read(r -> r.moves().recent(name, 2000))) {
      if (cells.contains(m.source())) {
        seen.add(m.source()); // the cartridge left the cell after any earlier eject
      }
      if (cells.contains(m.destination()) && seen.add(m.destination()) && m.purpose() == MovePurpose.CHECKOUT
          && (m.state() == MoveState.DONE || m.state() == MoveState.RESOLVED
          && m.foundAt().equals(Optional.of(m.destination())))) {
        m.volume().ifPresent(v -> ours.put(m.destination(), v));
      }
    }
    return ours;
  }

  /**
   * Asks the operator to put cartridges (or {@code volume}) into the I/O station and waits; returns what was
   * inserted once the library shows it, the operator replies, or the wait ends (then nothing).
   */
  private List<InventoryElement> awaitInserted(Work w, VolumeNames names, Optional<String> volume, Duration wait,
      String op) throws CommandException {
    if (lib.inventory().importExport().isEmpty()) {
      throw CommandException.of(ControlMessages.NOTHING_FOUND, "cartridges to check in: library " + name
          + " has no I/O station over SCSI; put them into free slots and use SEARCH=YES");
    }
    Set<String> before = new HashSet<>();
    for (InventoryElement e : readStation()) {
      if (e.full()) {
        before.add(e.address() + "=" + e.barcode().orElse(""));
      }
    }
    String text = volume.map(v -> "Insert volume " + v).orElse("Insert the cartridges to check in")
        + " into the I/O station of library " + name + " and close it (" + op + ", waiting " + wait.toMinutes()
        + " minutes).";
    Answer a = lib.ask(w, RequestKind.INSERT_CARTRIDGES, text, volume, Optional.of(wait), () -> {
      List<InventoryElement> station = lib.readStation();
      boolean inserted = false;
      for (InventoryElement e : station) {
        if (!e.accessible()) {
          return false; // the door is still open
        }
        inserted |= e.full() && !before.contains(e.address() + "=" + e.barcode().orElse(""))
            && (volume.isEmpty() || e.volser().equals(volume));
      }
      return inserted;
    });
    if (!a.goOn()) {
      lib.log(w, ControlMessages.WAIT_ENDED, op, name, "for inserted cartridges",
          a.name().toLowerCase(java.util.Locale.ROOT));
      return List.of();
    }
    List<InventoryElement> cells = inserted(readStation(), names);
    return volume.isEmpty() ? cells
        : cells.stream().filter(e -> e.volser().equals(volume)).toList();
  }

  // ---- CHECKOUT LIBVOLUME ----

  void checkout(Work w, CheckoutLibvolume c) throws CommandException {
    List<LibraryVolume> vols = store.read(r -> r.volumes().list(name)).stream()
        .filter(v -> c.volumes().matches(v.volume())).toList();
    if (vols.isEmpty()) {
      Optional<String> single = c.volumes().single();
      throw single.isPresent() ? CommandException.of(ControlMessages.VOLUME_NOT_IN_LIBRARY, single.get(), name)
          : CommandException.of(ControlMessages.NOTHING_FOUND, c.volumes() + " in library " + name);
    }
    if (c.remove() == Remove.NO) {
      for (LibraryVolume v : vols) {
        store.transact(w.origin(), tx -> {
          tx.volumes().delete(v.volume());
          Message m = tx.log(Messages.VOLUME_CHECKED_OUT, v.volume(), name);
          w.out().add(m);
          tx.event(EventCategory.LIBRARY, EventPayload.of("library.volume.checkout", m.text()).with("library", name)
              .with("volume", v.volume()).json());
        });
      }
      lib.log(w, ControlMessages.CHECKOUT_DONE, name, vols.size(), 0);
      return;
    }
    LibraryInventory inv = lib.current(w.origin(), w.out());
    boolean station = inv.hasImportExport();
    List<String> ejected = new ArrayList<>();
    int not = 0;
    boolean stopped = false;
    for (LibraryVolume v : vols) {
      if (stopped || lib.cancelled(w)) {
        stopped = true;
        not++;
        continue;
      }
      Optional<InventoryElement> at = cartridgeOf(w, v);
      if (at.isEmpty()) {
        lib.log(w, ControlMessages.OPERATION_FAILED, c.name(), v.volume(), name, "the library does not show its"
            + " cartridge; run AUDIT LIBRARY");
        not++;
        continue;
      }
      if (!station) {
        if (removeFromSlot(w, c.name(), v, at.get())) {
          ejected.add(v.volume());
        } else {
          not++;
          stopped = true;
        }
        continue;
      }
      Optional<ElementAddress> drive = Optional.empty();
      ElementAddress from = at.get().address();
      ElementAddress home = v.homeElement().orElse(from);
      try {
        if (c.checkLabel()) {
          Mounted m = mountAndRead(w, from, Optional.of(v.volume()), c.name());
          drive = Optional.of(m.drive());
          if (verifiedLabel(w, m, from, v.barcode(), Optional.of(v.volume())).isEmpty()) {
            putBack(w, drive, home, Optional.of(v.volume()), MovePurpose.DISMOUNT);
            not++;
            continue;
          }
          from = m.drive();
        }
        Optional<ElementAddress> cell = freeCell(w, c.name());
        if (cell.isEmpty()) {
          putBack(w, drive, home, Optional.of(v.volume()), MovePurpose.DISMOUNT);
          stopped = true;
          not++;
          continue;
        }
        try {
          MoveRequest req = MoveRequest.of(from, cell.get());
          if (at.get().barcode().isPresent()) {
            req = req.withVolume(v.volume());
          }
          lib.move(w, req, MovePurpose.CHECKOUT, Optional.of(v.volume()), tx -> { });
          ejected.add(v.volume());
        } catch (RobotException e) {
          lib.log(w, ControlMessages.OPERATION_FAILED, c.name(), v.volume(), name, e.getMessage());
          not++;
          if (drive.isPresent() && e.cartridgeAt().equals(drive)) {
            putBack(w, drive, home, Optional.of(v.volume()), MovePurpose.DISMOUNT);
          }
        } finally {
          lib.release(cell.get());
        }
      } catch (Skipped s) {
        not++;
      } finally {
        drive.ifPresent(lib::releaseDrive);
      }
    }
    if (!ejected.isEmpty() && station) {
      lib.log(w, ControlMessages.REMOVE_CARTRIDGES, ejected.size(), name, String.join(", ", ejected));
      if (c.remove() == Remove.YES) {
        Answer a = awaitEmptied(w, c.name(), "the check-out has ended");
        if (!a.goOn()) {
          lib.log(w, ControlMessages.WAIT_ENDED, c.name(), name, "to empty the I/O station",
              a.name().toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    lib.log(w, ControlMessages.CHECKOUT_DONE, name, ejected.size(), not);
  }

  /** Where the library shows the volume's cartridge (the inventory read again once when it is not there). */
  private Optional<InventoryElement> cartridgeOf(Work w, LibraryVolume v) throws CommandException {
    LibraryInventory inv = lib.current(w.origin(), w.out());
    List<InventoryElement> found = find(inv, v);
    if (found.size() != 1) {
      found = find(lib.refresh(w.origin(), w.out()), v);
    }
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  private static List<InventoryElement> find(LibraryInventory inv, LibraryVolume v) {
    List<InventoryElement> found = inv.find(v.barcode().orElse(v.volume()));
    return found.isEmpty() && v.barcode().isPresent() ? inv.find(v.volume()) : found;
  }

  /**
   * A free I/O station cell; when there is none, asks the operator to empty the station and waits until the
   * library shows it emptied (or the operator replies). Empty when the request was cancelled or timed out.
   */
  private Optional<ElementAddress> freeCell(Work w, String op) throws CommandException {
    while (true) {
      List<InventoryElement> station = readStation();
      Optional<ElementAddress> cell = lib.reserveFreeCell(station);
      if (cell.isPresent()) {
        return cell;
      }
      Answer a = awaitEmptied(w, op, "the check-out goes on when it is empty");
      if (!a.goOn()) {
        lib.log(w, ControlMessages.WAIT_ENDED, op, name, "to empty the I/O station",
            a.name().toLowerCase(java.util.Locale.ROOT));
        return Optional.empty();
      }
    }
  }

  /**
   * Asks the operator to empty the I/O station and waits until none of the cartridges in it now is still
   * there and the station is closed again.
   */
  private Answer awaitEmptied(Work w, String op, String then) throws CommandException {
    List<InventoryElement> station = readStation();
    Set<String> present = new HashSet<>();
    List<String> labels = new ArrayList<>();
    for (InventoryElement e : station) {
      if (e.full()) {
        present.add(e.address() + "=" + e.barcode().orElse(""));
        labels.add(e.barcode().orElse("unlabelled at " + e.address()));
      }
    }
    String text = "Remove the " + labels.size() + " cartridges (" + String.join(", ", labels) + ") from the I/O"
        + " station of library " + name + " and close it; " + then + " (" + op + ").";
    return lib.ask(w, RequestKind.EMPTY_IO_STATION, text, Optional.empty(), Optional.empty(), () -> {
      for (InventoryElement e : lib.readStation()) {
        if (!e.accessible() || e.full() && present.contains(e.address() + "=" + e.barcode().orElse(""))) {
          return false;
        }
      }
      return true;
    });
  }

  /** No I/O station: the operator takes the cartridge from its slot (REFERENCE §3, REMOVE). */
  private boolean removeFromSlot(Work w, String op, LibraryVolume v, InventoryElement at)
      throws CommandException {
    String text = "Remove volume " + v.volume() + " from " + at.type().text() + " element " + at.address()
        + " of library " + name + " (it has no I/O station) (" + op + ").";
    Answer a = lib.ask(w, RequestKind.REMOVE_FROM_SLOT, text, Optional.of(v.volume()), Optional.empty(),
        () -> lib.readElement(at.type(), at.address()).map(e -> !e.full()).orElse(true));
    if (!a.goOn()) {
      lib.log(w, ControlMessages.WAIT_ENDED, op, name, "to take volume " + v.volume(),
          a.name().toLowerCase(java.util.Locale.ROOT));
      return false;
    }
    store.transact(w.origin(), tx -> {
      tx.volumes().delete(v.volume());
      Message m = tx.log(Messages.VOLUME_CHECKED_OUT, v.volume(), name);
      w.out().add(m);
      tx.event(EventCategory.LIBRARY, EventPayload.of("library.volume.checkout", m.text()).with("library", name)
          .with("volume", v.volume()).json());
    });
    return true;
  }

  // ---- DRM: MOVE DRMEDIA's eject, automatic check-in ----

  /**
   * MOVE DRMEDIA's eject of one volume: its cartridge to a free I/O station cell, checked out in the transaction
   * that records the move done. A full station is reported, not waited for: REMOVE= decides. Without an exposed
   * station the operator is asked to take the cartridge from its slot (no label is read then).
   *
   * <p>{@code checkLabel} (SET DRMCHECKLABEL YES, TSM's default): the cartridge is first mounted in a free drive and
   * its VOL1 label read, as CHECKOUT LIBVOLUME CHECKLABEL=YES does; a label naming another volume, no standard label
   * or a read failure puts it back home and refuses this volume ({@link DrmEject.Refused}: the run goes on with the
   * next). No free drive fails the eject ({@link DrmEject.Failed}: the run stops, the rest left unchanged), because
   * TSM's check-out processing does not wait for a drive to become available (IBM, CHECKOUT LIBVOLUME,
   * restrictions); the message says to run it again when a drive is free or to SET DRMCHECKLABEL NO.
   */
  DrmEject.Result ejectForDrm(Work w, String volume, boolean checkLabel) throws CommandException {
    Optional<LibraryVolume> found = store.read(r -> r.volumes().find(volume)).filter(v -> v.library().equals(name));
    if (found.isEmpty()) {
      return new DrmEject.Failed("volume " + volume + " is not checked into library " + name);
    }
    LibraryVolume v = found.get();
    Optional<InventoryElement> at = cartridgeOf(w, v);
    if (at.isEmpty()) {
      return new DrmEject.Failed("the library does not show its cartridge; run AUDIT LIBRARY");
    }
    if (!lib.current(w.origin(), w.out()).hasImportExport()) {
      return removeFromSlot(w, "MOVE DRMEDIA", v, at.get()) ? new DrmEject.Ejected(at.get().address().toString())
          : new DrmEject.Failed("the operator did not take it from its slot");
    }
    Optional<ElementAddress> cell = lib.reserveFreeCell(readStation());
    if (cell.isEmpty()) {
      return new DrmEject.StationFull();
    }
    ElementAddress from = at.get().address();
    ElementAddress home = v.homeElement().orElse(from);
    Optional<ElementAddress> drive = Optional.empty();
    try {
      if (checkLabel) {
        Mounted m;
        try {
          m = mountAndRead(w, from, Optional.of(v.volume()), "MOVE DRMEDIA");
        } catch (CommandException e) {
          // no drive free: TSM's check-out does not wait for one either
          Message msg = lib.log(w, ControlMessages.NO_DRIVE_FOR_DRM_LABEL, v.volume(), name, e.message().text());
          return new DrmEject.Failed(msg.text());
        } catch (Skipped s) {
          return new DrmEject.Refused("its tape label could not be read; it was put back");
        }
        drive = Optional.of(m.drive());
        if (verifiedLabel(w, m, from, v.barcode(), Optional.of(v.volume())).isEmpty()) {
          putBack(w, drive, home, Optional.of(v.volume()), MovePurpose.DISMOUNT);
          return new DrmEject.Refused(m.first().volume().map(l -> "its tape label says " + l)
              .orElse("it has no standard tape label (" + m.first().describe() + ")") + "; it was put back");
        }
        from = m.drive();
      }
      MoveRequest req = MoveRequest.of(from, cell.get());
      if (at.get().barcode().isPresent()) {
        req = req.withVolume(v.volume());
      }
      lib.move(w, req, MovePurpose.CHECKOUT, Optional.of(v.volume()), tx -> { });
      return new DrmEject.Ejected(cell.get().toString());
    } catch (RobotException e) {
      lib.log(w, ControlMessages.OPERATION_FAILED, "MOVE DRMEDIA", v.volume(), name, e.getMessage());
      if (drive.isPresent() && e.cartridgeAt().equals(drive)) {
        putBack(w, drive, home, Optional.of(v.volume()), MovePurpose.DISMOUNT);
      }
      return new DrmEject.Failed(e.getMessage());
    } finally {
      lib.release(cell.get());
      drive.ifPresent(lib::releaseDrive);
    }
  }

  /** MOVE DRMEDIA with a full station: one request to empty it; true when it was emptied or answered. */
  boolean awaitEmptiedForDrm(Work w, boolean reply) throws CommandException {
    Answer a = awaitEmptied(w, "MOVE DRMEDIA", reply ? "MOVE DRMEDIA goes on when it is empty and you reply"
        : "MOVE DRMEDIA goes on by itself when it is empty");
    if (!a.goOn()) {
      lib.log(w, ControlMessages.WAIT_ENDED, "MOVE DRMEDIA", name, "to empty the I/O station",
          a.name().toLowerCase(java.util.Locale.ROOT));
    }
    return a.goOn();
  }

  /**
   * The end of a MOVE DRMEDIA run that ejected {@code volumes} from this library: those whose cartridges are still
   * in the I/O station are named in one operator request to take them out for the courier (issue 7: "5 cartridges
   * in the I/O station of LIB1 ready for the courier"). Nobody waits for it, so the process ends; the request is
   * satisfied by itself once the library shows those cartridges gone and the station closed
   * ({@link LibraryService#settleStanding}, on 6/28/01 or a rescan), or ended by REPLY or CANCEL REQUEST.
   *
   * @param op who ejected them, for the text ({@code MOVE DRMEDIA process 7})
   * @return the request's number, empty when none of them is in the station
   */
  Optional<Long> requestCourierRemoval(Work w, List<String> volumes, String op) throws CommandException {
    if (volumes.isEmpty() || !lib.inventory().hasImportExport()) {
      return Optional.empty();
    }
    Set<String> ejected = new HashSet<>(volumes);
    Set<String> cells = new HashSet<>();
    List<String> names = new ArrayList<>();
    for (InventoryElement e : readStation()) {
      if (e.full() && e.volser().filter(ejected::contains).isPresent()) {
        cells.add(cellKey(e));
        names.add(e.volser().get());
      }
    }
    if (names.isEmpty()) {
      return Optional.empty();
    }
    String text = "Remove " + (names.size() == 1 ? "1 cartridge" : names.size() + " cartridges")
        + " from the I/O station of library " + name + " for the courier: " + String.join(", ", names) + " ("
        + op + ").";
    Optional<String> volume = names.size() == 1 ? Optional.of(names.get(0)) : Optional.empty();
    return Optional.of(lib.raiseStanding(w, RequestKind.EMPTY_IO_STATION, text, volume, cells, names));
  }

  /**
   * Automatic check-in (SET DRMAUTOCHECKIN ON): every cartridge the operator put into the I/O station that DRM
   * knows as COURIERRETRIEVE or VAULTRETRIEVE is checked in as scratch and then leaves DRM (ONSITERETRIEVE); a
   * cartridge nobody knows raises an operator request and stays where it is. Cartridges just ejected for the courier
   * (named by an outstanding request to take them out) are not returning and are left alone.
   *
   * <p>The DRM state follows the library: the volume leaves DRM only once the check-in has been committed
   * (VLN0485I). A check-in that fails (the move refused, no free slot) leaves it COURIERRETRIEVE or VAULTRETRIEVE
   * (VLN0493W) and it is tried again when the station is next used; one whose move has an unknown outcome stays
   * pending for the next start to decide from element status ({@link DrmLedger#reconcile}).
   *
   * @return the volumes checked in
   */
  List<String> drmCheckin(Work w, DrmLedger ledger) throws CommandException {
    List<String> in = new ArrayList<>();
    if (!ledger.settings().autoCheckin()) {
      return in;
    }
    CheckinLibvolume scratch = new CheckinLibvolume(name, LibraryCommand.Search.BULK, VolumeNames.ANY,
        org.vaultline.library.store.VolumeStatus.SCRATCH, CheckLabel.BARCODE, Duration.ZERO, Optional.empty());
    Set<String> forCourier = lib.awaitingRemoval();
    for (InventoryElement e : inserted(readStation(), VolumeNames.ANY)) {
      if (forCourier.contains(cellKey(e)) && !e.importedByOperator()) {
        continue; // still the cartridge ejected for the courier, not one the operator brought (back)
      }
      Optional<String> vol = e.volser();
      if (vol.isPresent() && store.read(r -> r.volumes().find(vol.get())).isPresent()) {
        continue;
      }
      DrmLedger.Arrival a = vol.isEmpty() ? DrmLedger.Arrival.UNKNOWN
          : ledger.returning(vol.get(), name, w.origin());
      if (a == DrmLedger.Arrival.RETURNING) {
        if (checkinReturning(w, ledger, scratch, e, vol.get())) {
          in.add(vol.get());
        }
      } else if (a == DrmLedger.Arrival.UNKNOWN && !requested(e)) {
        String text = "Cartridge " + e.barcode().orElse("without barcode") + " in I/O station element " + e.address()
            + " of library " + name + " is not known to DRM; check it in by hand or take it out.";
        store.transact(w.origin(), tx -> {
          OperatorRequest r = tx.requests().raise(Optional.of(name), RequestKind.UNKNOWN_CARTRIDGE, text, vol,
              Optional.empty());
          Message m = tx.log(Messages.REQUEST_RAISED, r.number(), text);
          w.out().add(m);
          tx.event(EventCategory.REQUESTS, EventPayload.of("request.raised", m.text()).with("request", r.number())
              .with("library", name).with("kind", RequestKind.UNKNOWN_CARTRIDGE.name())
              .with("volume", vol.orElse("")).json());
        });
      }
    }
    return in;
  }

  /**
   * Checks in one returning volume, then tells DRM what the store shows, not what the attempt answered (a move that
   * fails with the cartridge in a slot checks it in all the same; one with an unknown outcome decides nothing).
   */
  private boolean checkinReturning(Work w, DrmLedger ledger, CheckinLibvolume scratch, InventoryElement at,
      String vol) throws CommandException {
    int before = w.out().size();
    try {
      checkinFrom(w, scratch, at);
    } catch (CommandException | RuntimeException x) {
      String why = x instanceof CommandException c ? c.message().text() : x.toString();
      settleReturn(w, ledger, vol, Optional.of(why), before);
      throw x;
    }
    return settleReturn(w, ledger, vol, Optional.empty(), before);
  }

  private boolean settleReturn(Work w, DrmLedger ledger, String vol, Optional<String> failure, int before) {
    boolean unsettled = store.read(r -> r.moves().unfinished(name)).stream()
        .anyMatch(m -> m.volume().equals(Optional.of(vol)));
    if (unsettled) {
      return false; // the outcome is not known (VLN0255W): the next start settles the move, then DRM follows
    }
    boolean checkedIn = store.read(r -> r.volumes().find(vol)).filter(v -> v.library().equals(name)).isPresent();
    if (checkedIn) {
      ledger.checkedInBack(vol, name, w.origin());
      return true;
    }
    String why = failure.orElseGet(() -> {
      for (int i = w.out().size() - 1; i >= before; i--) {
        Message m = w.out().get(i);
        if (m.severity() != org.vaultline.library.store.Severity.INFORMATION) {
          return m.text();
        }
      }
      return "the check-in did not complete";
    });
    ledger.notCheckedInBack(vol, name, why, w.origin());
    return false;
  }

  /** Whether an outstanding UNKNOWN_CARTRIDGE request already names this cartridge's element. */
  private boolean requested(InventoryElement e) {
    String where = "I/O station element " + e.address() + " ";
    return store.read(r -> r.requests().outstanding()).stream()
        .anyMatch(r -> r.kind() == RequestKind.UNKNOWN_CARTRIDGE && r.text().contains(where));
  }

  // ---- AUDIT LIBRARY ----

  void audit(Work w, AuditLibrary c) throws CommandException {
    LibraryInventory inv = lib.refresh(w.origin(), w.out());
    List<LibraryVolume> vols = store.read(r -> r.volumes().list(name));
    Map<ElementAddress, String> labels = new HashMap<>();
    if (c.checkLabel()) {
      Set<String> known = new HashSet<>();
      vols.forEach(v -> {
        known.add(v.volume());
        v.barcode().ifPresent(known::add);
      });
      for (InventoryElement e : inv.storage()) {
        if (e.full() && (e.barcode().isEmpty() || known.contains(e.barcode().get())
            || e.volser().filter(known::contains).isPresent())) {
          try {
            Mounted m = mountAndRead(w, e.address(), e.volser(), c.name());
            m.first().volume().ifPresent(l -> labels.put(e.address(), l));
            putBack(w, Optional.of(m.drive()), e.address(), e.volser(), MovePurpose.DISMOUNT);
            lib.releaseDrive(m.drive());
          } catch (Skipped s) {
            // reported; the cartridge is judged by its barcode alone
          }
        }
      }
      inv = lib.refresh(w.origin(), w.out());
    }
    LibraryInventory now = inv;
    Map<String, Optional<ElementAddress>> homes = new LinkedHashMap<>();
    Map<String, ElementAddress> corrected = new LinkedHashMap<>();
    Map<String, ElementAddress> previous = new HashMap<>();
    Map<String, Optional<ElementAddress>> removed = new LinkedHashMap<>();
    List<String[]> duplicates = new ArrayList<>();
    List<String[]> mismatches = new ArrayList<>();
    Set<ElementAddress> accounted = new HashSet<>();
    for (LibraryVolume v : vols) {
      List<InventoryElement> found = new ArrayList<>(find(now, v));
      for (Map.Entry<ElementAddress, String> l : labels.entrySet()) {
        Optional<InventoryElement> e = now.element(l.getKey());
        if (l.getValue().equals(v.volume()) && e.isPresent() && e.get().barcode().isEmpty()
            && !found.contains(e.get())) {
          found.add(e.get());
        }
      }
      found.forEach(e -> accounted.add(e.address()));
      if (found.size() > 1) {
        duplicates.add(new String[] {v.volume(), Integer.toString(found.size()),
            found.stream().map(e -> e.address().toString()).toList().toString()});
        continue;
      }
      if (found.isEmpty()) {
        removed.put(v.volume(), Optional.empty());
        continue;
      }
      InventoryElement e = found.get(0);
      String label = labels.get(e.address());
      if (label != null && !label.equals(v.volume())) {
        mismatches.add(new String[] {e.address().toString(), e.barcode().orElse(v.volume()), label});
      }
      if (e.type() == ElementType.IMPORT_EXPORT) {
        removed.put(v.volume(), Optional.of(e.address()));
      } else if (e.type() == ElementType.STORAGE && !v.homeElement().equals(Optional.of(e.address()))) {
        homes.put(v.volume(), Optional.of(e.address()));
        corrected.put(v.volume(), e.address());
        v.homeElement().ifPresent(h -> previous.put(v.volume(), h));
      }
    }
    List<InventoryElement> strangers = new ArrayList<>();
    for (InventoryElement e : now.elements(ElementType.ALL)) {
      if (e.full() && (e.type() == ElementType.STORAGE || e.type() == ElementType.DATA_TRANSFER)
          && !accounted.contains(e.address()) && !e.isCleaningCartridge()) {
        strangers.add(e);
      }
    }
    store.transact(w.origin(), tx -> {
      for (Map.Entry<String, Optional<ElementAddress>> r : removed.entrySet()) {
        tx.volumes().delete(r.getKey());
        w.out().add(r.getValue().isPresent()
            ? tx.log(ControlMessages.AUDIT_IN_STATION, name, r.getKey(), r.getValue().get())
            : tx.log(Messages.AUDIT_VOLUME_MISSING, name, r.getKey()));
      }
      Map<String, Optional<ElementAddress>> all = new LinkedHashMap<>(homes);
      for (Optional<ElementAddress> target : homes.values()) {
        tx.volumes().findAtHome(name, target.orElseThrow()).filter(o -> !all.containsKey(o.volume()))
            .ifPresent(o -> all.put(o.volume(), Optional.empty()));
      }
      tx.volumes().rehome(name, all);
      for (Map.Entry<String, ElementAddress> h : corrected.entrySet()) {
        w.out().add(tx.log(Messages.AUDIT_HOME_CORRECTED, name, h.getKey(), h.getValue(),
            Optional.ofNullable(previous.get(h.getKey())).map(Object::toString).orElse("unknown")));
      }
      for (String[] d : duplicates) {
        w.out().add(tx.log(ControlMessages.AUDIT_DUPLICATE, name, d[0], d[1], d[2]));
      }
      for (String[] mm : mismatches) {
        w.out().add(tx.log(ControlMessages.AUDIT_LABEL_MISMATCH, name, mm[0], mm[1], mm[2]));
      }
      for (InventoryElement e : strangers) {
        String what = e.barcode().or(() -> Optional.ofNullable(labels.get(e.address())).map(l -> "labelled " + l))
            .orElse("without a readable barcode");
        w.out().add(tx.log(Messages.AUDIT_UNKNOWN_CARTRIDGE, name, what, e.address()));
      }
      Message done = tx.log(Messages.AUDIT_COMPLETED, name, vols.size(), corrected.size(), removed.size(),
          strangers.size());
      w.out().add(done);
      tx.event(EventCategory.LIBRARY, EventPayload.of("library.audit", done.text()).with("library", name)
          .with("volumes", vols.size()).with("corrected", corrected.size()).with("removed", removed.size())
          .with("unknown", strangers.size()).json());
    });
  }

  // ---- LABEL LIBVOLUME ----

  void label(Work w, LabelLibvolume c) throws CommandException {
    List<InventoryElement> targets = new ArrayList<>();
    switch (c.search()) {
      case YES -> {
        for (InventoryElement e : lib.refresh(w.origin(), w.out()).storage()) {
          if (e.full() && e.volser().filter(c.volumes()::matches).isPresent() && !isCheckedIn(e)) {
            targets.add(e);
          }
        }
      }
      case BULK -> {
        targets.addAll(inserted(readStation(), c.volumes()));
        if (targets.isEmpty() && !c.waitTime().isZero()) {
          targets.addAll(awaitInserted(w, c.volumes(), Optional.empty(), c.waitTime(), c.name()));
        }
      }
      default -> {
        String volume = c.volumes().single().orElseThrow();
        List<InventoryElement> found = lib.current(w.origin(), w.out()).find(volume).stream()
            .filter(e -> e.type() == ElementType.STORAGE).toList();
        Optional<InventoryElement> inStation = readStation().stream()
            .filter(e -> e.volser().filter(volume::equals).isPresent()).findFirst();
        if (inStation.isPresent()) {
          targets.add(inStation.get());
        } else if (found.size() == 1) {
          targets.add(found.get(0));
        } else if (!c.waitTime().isZero() && found.isEmpty()) {
          targets.addAll(awaitInserted(w, c.volumes(), Optional.of(volume), c.waitTime(), c.name()));
        } else {
          throw CommandException.of(ControlMessages.NOTHING_FOUND, "volume " + volume + " in library " + name);
        }
      }
    }
    int done = 0;
    for (InventoryElement e : targets) {
      if (lib.cancelled(w)) {
        break;
      }
      done += labelOne(w, c, e) ? 1 : 0;
    }
    lib.log(w, ControlMessages.LABEL_DONE, name, done, targets.size() - done);
  }

  private boolean labelOne(Work w, LabelLibvolume c, InventoryElement at) throws CommandException {
    if (at.volser().isEmpty()) {
      lib.log(w, ControlMessages.NO_BARCODE, at.address(), name);
      return false;
    }
    String vol = at.volser().get();
    Optional<LibraryVolume> checkedIn = store.read(r -> r.volumes().find(vol));
    Mounted m;
    try {
      m = mountAndRead(w, at.address(), Optional.of(vol), c.name());
    } catch (Skipped s) {
      return false;
    }
    boolean labelled = false;
    try {
      Optional<String> existing = m.first().volume();
      if (existing.isPresent() && !c.overwrite()) {
        lib.log(w, ControlMessages.LABEL_EXISTS, at.address(), name, existing.get());
      } else {
        LocalDate today = LocalDate.ofInstant(store.clock().instant(), lib.options().zone());
        Duration timeout = lib.options().robot().driveTimeout();
        TapeIo.writeLabel(m.tape(), TapeLabel.of(vol, today), timeout);
        TapeIo.FirstBlock check = TapeIo.readFirst(m.tape(), timeout);
        if (!check.volume().equals(Optional.of(vol))) {
          lib.log(w, ControlMessages.OPERATION_FAILED, c.name(), vol, name, "the label read back is not " + vol
              + ": " + check.describe());
        } else {
          store.transact(w.origin(), tx -> {
            Message msg = tx.log(ControlMessages.VOLUME_LABELLED, vol, name, "VOL1 and HDR1 in drive "
                + lib.driveName(m.drive()));
            w.out().add(msg);
            tx.event(EventCategory.LIBRARY, EventPayload.of("library.volume.labelled", msg.text())
                .with("library", name).with("volume", vol).json());
          });
          labelled = true;
        }
      }
    } catch (ScsiException e) {
      lib.log(w, ControlMessages.OPERATION_FAILED, c.name(), vol, name, e.getMessage());
    }
    try {
      if (labelled && checkedIn.isEmpty() && c.checkin().isPresent()) {
        ElementAddress slot = at.type() == ElementType.STORAGE ? at.address() : lib.reserveFreeSlot(vol);
        try {
          moveIn(w, c.checkin().get(), Optional.empty(), m.drive(), slot, vol, at.barcode());
        } catch (RobotException e) {
          lib.log(w, ControlMessages.OPERATION_FAILED, c.name(), vol, name, e.getMessage());
        } finally {
          lib.release(slot);
        }
      } else {
        ElementAddress back = checkedIn.flatMap(LibraryVolume::homeElement).orElse(at.address());
        putBack(w, Optional.of(m.drive()), back, Optional.of(vol),
            checkedIn.isPresent() ? MovePurpose.DISMOUNT : MovePurpose.RELOCATE);
      }
    } finally {
      lib.releaseDrive(m.drive());
    }
    return labelled;
  }

  // ---- drives ----

  /** A cartridge mounted in a drive for its label, and what the tape begins with. */
  private record Mounted(ElementAddress drive, ElementAddress from, TapeIo.FirstBlock first, ScsiExecutor tape) {
  }

  /**
   * Mounts the cartridge at {@code from} in a free drive and reads the beginning of its tape. The drive stays
   * reserved for the caller, who moves the cartridge on and releases it. When something fails, the failure is
   * logged, the cartridge goes back to {@code from} and {@link Skipped} is thrown.
   */
  private Mounted mountAndRead(Work w, ElementAddress from, Optional<String> volume, String op)
      throws CommandException, Skipped {
    ElementAddress drive = lib.reserveDrive();
    try {
      MoveRequest req = MoveRequest.of(from, drive);
      if (volume.isPresent()) {
        req = req.withVolume(volume.get());
      }
      lib.move(w, req, MovePurpose.MOUNT, volume, tx -> { });
    } catch (RobotException e) {
      lib.releaseDrive(drive);
      lib.log(w, ControlMessages.OPERATION_FAILED, op, volume.orElse("at " + from), name, e.getMessage());
      throw new Skipped();
    }
    ScsiExecutor tape = lib.robot().drive(drive).orElseThrow();
    try {
      lib.robot().awaitReady(drive);
      return new Mounted(drive, from, TapeIo.readFirst(tape, lib.options().robot().driveTimeout()), tape);
    } catch (RobotException | ScsiException e) {
      lib.log(w, ControlMessages.OPERATION_FAILED, op, volume.orElse("at " + from), name, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      lib.log(w, ControlMessages.OPERATION_FAILED, op, volume.orElse("at " + from), name, "interrupted");
    }
    putBack(w, Optional.of(drive), from, volume, MovePurpose.DISMOUNT);
    lib.releaseDrive(drive);
    throw new Skipped();
  }

  /** Takes the cartridge out of {@code drive} (when there is one) and puts it at {@code to}; failures logged. */
  private void putBack(Work w, Optional<ElementAddress> drive, ElementAddress to, Optional<String> volume,
      MovePurpose purpose) {
    if (drive.isEmpty()) {
      return;
    }
    try {
      lib.move(w, MoveRequest.of(drive.get(), to), purpose, volume, tx -> { });
    } catch (RobotException e) {
      lib.log(w, ControlMessages.OPERATION_FAILED, purpose.name(), volume.orElse("in " + drive.get()), name,
          e.getMessage());
    }
  }

  // ---- helpers ----

  /** An I/O station cell and what it holds, as requests to empty the station remember them. */
  private static String cellKey(InventoryElement e) {
    return e.address() + "=" + e.barcode().orElse("");
  }

  private List<InventoryElement> readStation() throws CommandException {
    try {
      return lib.readStation();
    } catch (ScsiException e) {
      throw CommandException.of(ControlMessages.LIBRARY_UNREACHABLE, name, "its changer", e.getMessage());
    }
  }

  private Set<ElementAddress> homes() {
    Set<ElementAddress> homes = new HashSet<>();
    store.read(r -> r.volumes().list(name)).forEach(v -> v.homeElement().ifPresent(homes::add));
    return homes;
  }

  /** Whether the cartridge's volume (by barcode or volser) is checked in, here or in another library. */
  private boolean isCheckedIn(InventoryElement e) {
    if (e.volser().isEmpty()) {
      return false;
    }
    return store.read(r -> r.volumes().find(e.volser().get()).isPresent()
        || e.barcode().flatMap(b -> r.volumes().findByBarcode(name, b)).isPresent());
  }
}
