package org.vaultline.library.drm;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vaultline.library.events.EventPayload;
import org.vaultline.library.events.VolumeState;
import org.vaultline.library.store.DrmVolumes;
import org.vaultline.library.store.EventCategory;
import org.vaultline.library.store.Message;
import org.vaultline.library.store.Origin;
import org.vaultline.library.store.Reads;
import org.vaultline.library.store.Store;
import org.vaultline.library.store.Tx;

/**
 * Disaster Recovery Manager on the {@link Store} (schema 0002): the volumes DRM tracks, their history and the SET
 * DRM... settings. Every change of a volume is one store transaction that writes the volume row, a DRM history row
 * (who, when, from, to, location, process), an activity-log row and an outbox event whose {@code volumeState} keeps
 * the retained topic {@code volumes/<volser>} current (cleared when the volume reaches ONSITERETRIEVE and leaves
 * DRM). The decisions themselves are the pure ones of {@link MoveDrMedia#apply}, {@link DrmRegistration#applyTo}
 * and {@link VaultRetrieve}.
 *
 * <p>Thread-safe (the store serialises writes).
 */
public final class DrmLedger {
  /** The zone the canonical DEFINE/SET commands kept in the store are written in. */
  private static final ZoneId STORED_ZONE = ZoneOffset.UTC;

  private final Store store;
  private final ZoneId zone;
  private final DrmCommandParser storedParser = new DrmCommandParser(STORED_ZONE);

  /**
   * @param zone the administrator's zone: relative dates and times of MOVE/QUERY DRMEDIA are resolved in it
   */
  public DrmLedger(Store store, ZoneId zone) {
    this.store = Objects.requireNonNull(store, "store");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  public Store store() {
    return store;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The store clock's time in the administrator's zone. */
  public ZonedDateTime now() {
    return Instant.ofEpochMilli(store.clock().millis()).atZone(zone);
  }

  // ---- reading ------------------------------------------------------------------------------------------

  /** The settings: TSM's defaults with every stored SET DRM... applied. */
  public DrmSettings settings() {
    return store.read(this::settings);
  }

  DrmSettings settings(Reads r) {
    DrmSettings s = DrmSettings.defaults();
    for (String command : r.drmVolumes().settings().values()) {
      s = ((SetDrm) parseStored(command)).apply(s);
    }
    return s;
  }

  /** Every volume DRM tracks, by name. */
  public List<DrmVolume> volumes() {
    return store.read(this::volumes);
  }

  List<DrmVolume> volumes(Reads r) {
    List<DrmVolume> out = new ArrayList<>();
    for (DrmVolumes.Row row : r.drmVolumes().all()) {
      out.add(toVolume(row));
    }
    return out;
  }

  public Optional<DrmVolume> find(String name) {
    return store.read(r -> find(r, name));
  }

  Optional<DrmVolume> find(Reads r, String name) {
    return r.drmVolumes().find(name).map(this::toVolume);
  }

  /** The history of one volume, oldest first (volumes that left DRM keep theirs). */
  public List<DrmVolumes.History> history(String name) {
    return store.read(r -> r.drmVolumes().history(name));
  }

  /** QUERY DRMEDIA on the stored volumes: the report, or VLN0439E when nothing matches. */
  public String query(QueryDrMedia q) {
    return store.read(r -> q.render(volumes(r), settings(r), now()));
  }

  /** The volumes QUERY DRMEDIA selects, by name, read with the settings in one snapshot. */
  public List<DrmVolume> selected(QueryDrMedia q) {
    return store.read(r -> q.select(volumes(r), settings(r), now()));
  }

  /** QUERY DRMSTATUS on the stored settings. */
  public String queryStatus() {
    return QueryDrmStatus.render(settings());
  }

  // ---- changing -----------------------------------------------------------------------------------------

  /** SET DRM...: the setting is stored (as its canonical command) with an activity-log row. */
  public DrmSettings set(SetDrm command, Origin origin) {
    String text = command.commandText(STORED_ZONE);
    String name = text.split(" ")[1];
    return store.write(origin, tx -> {
      tx.drmVolumes().putSetting(name, text);
      DrmMessage m = DrmMessageId.SETTING_CHANGED.with(command.commandText(zone) + ": done.");
      tx.log(toMessage(m));
      return settings(tx);
    });
  }

  /** DEFINE/UPDATE/DELETE DRMVOLUME in one transaction; Rejected and Unchanged outcomes change nothing. */
  public RegistrationOutcome register(DrmRegistration command, Origin origin) {
    return store.write(origin, tx -> {
      Optional<DrmVolume> current = find(tx, command.volumeName());
      RegistrationOutcome outcome = command.applyTo(current, tx.now());
      if (outcome instanceof RegistrationOutcome.Defined d) {
        record(tx, Optional.empty(), d.volume(), "DEFINE DRMVOLUME", d.message());
        d.derived().ifPresent(x -> tx.log(toMessage(x.message())));
      } else if (outcome instanceof RegistrationOutcome.Updated u) {
        record(tx, Optional.of(u.before()), u.after(), u.derived().isPresent() ? "derived" : "UPDATE DRMVOLUME",
            u.derived().map(VaultRetrieve.Derivation::message).orElse(u.message()));
      } else if (outcome instanceof RegistrationOutcome.Deleted del) {
        DrmVolume b = del.before();
        tx.drmVolumes().remove(b.name());
        tx.drmVolumes().recordHistory(b.name(), Optional.of(b.state().name()), "DELETED", Optional.empty(),
            "DELETE DRMVOLUME");
        tx.log(toMessage(del.message()));
        tx.event(EventCategory.DRM, EventPayload.of("drm.deleted", del.message().text()).with("volume", b.name())
            .with("from", b.state().name()).volumeLeftDrm(b.name()).json());
      }
      return outcome;
    });
  }

  /**
   * MOVE DRMEDIA for one volume, in its own transaction: the volume is read again, the state machine decides,
   * and a move is recorded. A {@link MoveOutcome.Refused} changes nothing (the volume changed since it was
   * selected, or does not match).
   */
  public MoveOutcome move(MoveDrMedia request, String name, Origin origin) {
    return move(request, name, origin, Optional.empty());
  }

  /**
   * {@link #move(MoveDrMedia, String, Origin)}, also setting the QUERY PROCESS status of the origin's process to
   * {@code progress} in the same transaction when the volume moved.
   */
  public MoveOutcome move(MoveDrMedia request, String name, Origin origin, Optional<String> progress) {
    return store.write(origin, tx -> {
      Optional<DrmVolume> v = find(tx, name);
      if (v.isEmpty()) {
        return new MoveOutcome.Refused(DrmMessages.notDefined(MoveDrMedia.NAME, name));
      }
      MoveOutcome o = request.apply(v.get(), settings(tx), tx.now().atZone(zone));
      if (o instanceof MoveOutcome.Moved m) {
        record(tx, Optional.of(m.before()), m.after(), MoveDrMedia.NAME, m.message());
        origin.process().ifPresent(n -> progress.ifPresent(p -> tx.processes().status(n, p)));
      }
      return o;
    });
  }

  /** The volumes MOVE DRMEDIA selects now, by name (empty for a request that is itself in error). */
  public List<DrmVolume> select(MoveDrMedia request) {
    if (request.requestError().isPresent()) {
      return List.of();
    }
    return store.read(r -> {
      DrmSettings s = settings(r);
      ZonedDateTime now = now();
      DrmSelection sel = request.selection();
      List<DrmVolume> out = new ArrayList<>();
      for (DrmVolume v : volumes(r)) {
        if (sel.selects(v, s, now)) {
          out.add(v);
        }
      }
      return out;
    });
  }

  /**
   * The server's derivation VAULT → VAULTRETRIEVE (copy-pool volumes emptied, database-backup series expired,
   * never the latest): each derived volume in its own transaction.
   *
   * @return the volumes that became VAULTRETRIEVE
   */
  public List<DrmVolume> deriveVaultRetrieve() {
    List<VaultRetrieve.Derivation> ds = store.read(r -> VaultRetrieve.derive(volumes(r), settings(r), now()));
    List<DrmVolume> out = new ArrayList<>();
    for (VaultRetrieve.Derivation d : ds) {
      store.transact(Origin.SERVER, tx -> {
        Optional<DrmVolume> current = find(tx, d.before().name());
        if (current.isPresent() && current.get().state() == DrmState.VAULT) {
          record(tx, current, d.after().withLastUpdate(tx.now()), "derived", d.message());
        }
      });
      out.add(d.after());
    }
    return out;
  }

  /** What automatic check-in found for one cartridge. */
  public enum Arrival {
    /**
     * COURIERRETRIEVE or VAULTRETRIEVE: check it in as scratch; its move to ONSITERETRIEVE is pending until the
     * library shows it checked in ({@link #checkedInBack}) or not ({@link #notCheckedInBack}).
     */
    RETURNING,
    /** DRM tracks it in another state: leave it to the administrator. */
    NOT_RETURNING,
    /** DRM does not know it: raise an operator request. */
    UNKNOWN
  }

  /**
   * Automatic check-in found {@code name}'s cartridge in the I/O station of {@code library}. A volume DRM knows as
   * COURIERRETRIEVE or VAULTRETRIEVE is {@link Arrival#RETURNING}: its move to ONSITERETRIEVE is recorded as
   * pending (VLN0492I), and nothing else changes until the check-in has been done. The pending move lets a server
   * that stops between the check-in and the state change complete it at the next start ({@link #reconcile}), as for
   * MOVE DRMEDIA's ejects.
   */
  public Arrival returning(String name, String library, Origin origin) {
    return store.write(origin, tx -> {
      Optional<DrmVolume> v = find(tx, name);
      if (v.isEmpty()) {
        return Arrival.UNKNOWN;
      }
      DrmState s = v.get().state();
      if (!isReturning(s)) {
        return Arrival.NOT_RETURNING;
      }
      tx.drmVolumes().setPending(name, Optional.of(backOnsite(name, s).commandText(STORED_ZONE)));
      tx.log(toMessage(DrmMessageId.CHECKIN_STARTED.with("Volume " + name + " (" + s + ") is in the I/O station of"
          + " library " + library + "; it is being checked in as scratch.")));
      return Arrival.RETURNING;
    });
  }

  /**
   * The library shows {@code name} checked into {@code library} by automatic check-in: it goes to ONSITERETRIEVE
   * and leaves DRM (VLN0485I), in one transaction with its history and the event that clears
   * {@code volumes/<volser>}.
   *
   * @return false when it was no longer COURIERRETRIEVE or VAULTRETRIEVE (changed meanwhile; nothing done)
   */
  public boolean checkedInBack(String name, String library, Origin origin) {
    return store.write(origin, tx -> {
      Optional<DrmVolume> v = find(tx, name);
      if (v.isEmpty()) {
        return false;
      }
      DrmState s = v.get().state();
      if (!isReturning(s)) {
        tx.drmVolumes().setPending(name, Optional.empty());
        return false;
      }
      MoveOutcome.Moved m = backOnsite(name, s).move(v.get(), settings(tx), tx.now());
      record(tx, v, m.after(), "automatic check-in", DrmMessageId.CHECKED_IN_BACK.with("Volume " + name
          + " was checked in as scratch into library " + library + " and leaves DRM (" + s
          + " -> ONSITERETRIEVE)."));
      return true;
    });
  }

  /**
   * Automatic check-in of {@code name} into {@code library} did not happen ({@code why}): its pending move is
   * dropped and it keeps its state (VLN0493W), so the check-in is tried again the next time the I/O station is used.
   */
  public void notCheckedInBack(String name, String library, String why, Origin origin) {
    store.transact(origin, tx -> {
      Optional<DrmVolume> v = find(tx, name);
      if (v.isEmpty()) {
        return;
      }
      tx.drmVolumes().setPending(name, Optional.empty());
      String reason = why.endsWith(".") ? why.substring(0, why.length() - 1) : why;
      tx.log(toMessage(DrmMessageId.CHECKIN_NOT_DONE.with("Volume " + name + " was not checked in from the I/O"
          + " station of library " + library + ": " + reason + ". It stays " + v.get().state() + "; automatic"
          + " check-in tries again when the I/O station is next used.")));
    });
  }

  private static boolean isReturning(DrmState s) {
    return s == DrmState.COURIERRETRIEVE || s == DrmState.VAULTRETRIEVE;
  }

  /** The move of a returning volume back on site, as kept pending while it is checked in. */
  private static MoveDrMedia backOnsite(String name, DrmState s) {
    return MoveDrMedia.of(name).withWhereState(Optional.of(s)).withToState(Optional.of(DrmState.ONSITERETRIEVE))
        .withRemove(RemoveMode.NO).withWait(true);
  }

  /**
   * Before MOVE DRMEDIA ejects a volume: its move is recorded as pending, so that a crash between the eject and the
   * state change is completed (or dropped) by {@link #reconcile} at the next start.
   */
  public void intend(MoveDrMedia request, String name, Origin origin) {
    String pending = request.withVolume(name).withRemove(RemoveMode.NO).withCmd(Optional.empty()).withWait(true)
        .commandText(STORED_ZONE);
    store.transact(origin, tx -> {
      if (tx.drmVolumes().setPending(name, Optional.of(pending))) {
        tx.log(toMessage(DrmMessageId.EJECT_INTENDED.with("Volume " + name + " is being ejected for "
            + MoveDrMedia.NAME + origin.process().map(p -> " process " + p).orElse("") + ".")));
      }
    });
  }

  /**
   * At start-up, after the library has settled its unfinished moves from element status: each volume with a
   * pending MOVE DRMEDIA whose library record is gone (the eject happened: the check-out committed) gets its state
   * change now; one still checked in keeps its state. A returning volume whose automatic check-in was pending
   * ({@link #returning}) leaves DRM if it is checked in now, and keeps its state if not. Either way the volume ends
   * fully moved or untouched.
   *
   * @return the volumes whose move was completed
   */
  public List<String> reconcile(Origin origin) {
    return reconcile(origin, java.util.Set.of());
  }

  /**
   * {@link #reconcile(Origin)}, leaving alone the pending moves of volumes in {@code unavailable} libraries (they
   * could not be started, so their unfinished moves are not settled yet: the next start decides).
   */
  public List<String> reconcile(Origin origin, java.util.Set<String> unavailable) {
    Map<String, String> pending = store.read(r -> r.drmVolumes().pending());
    List<String> completed = new ArrayList<>();
    for (Map.Entry<String, String> e : pending.entrySet()) {
      MoveDrMedia m = (MoveDrMedia) parseStored(e.getValue());
      String name = e.getKey();
      boolean done = store.write(origin, tx -> {
        Optional<DrmVolume> v = find(tx, name);
        if (v.isEmpty() || v.get().library().filter(unavailable::contains).isPresent()) {
          return false;
        }
        if (isReturning(v.get().state())) {
          return reconcileReturn(tx, v.get(), m, unavailable);
        }
        boolean ejected = tx.volumes().find(name).filter(lv -> v.get().library().equals(Optional.of(lv.library())))
            .isEmpty();
        if (ejected) {
          MoveOutcome o = m.apply(v.get(), settings(tx), tx.now().atZone(zone));
          if (o instanceof MoveOutcome.Moved moved) {
            tx.log(toMessage(DrmMessageId.PENDING_COMPLETED.with("Volume " + name + " was ejected before the"
                + " server stopped; its " + MoveDrMedia.NAME + " is completed now.")));
            record(tx, v, moved.after(), "completed at restart", moved.message());
            return true;
          }
        }
        tx.drmVolumes().setPending(name, Optional.empty());
        tx.log(toMessage(DrmMessageId.PENDING_DROPPED.with("Volume " + name + " was not ejected before the server"
            + " stopped; it stays " + v.get().state() + ".")));
        return false;
      });
      if (done) {
        completed.add(name);
      }
    }
    return completed;
  }

  /** {@link #reconcile} of a pending automatic check-in: completed when the volume is checked in, else dropped. */
  private boolean reconcileReturn(Tx tx, DrmVolume v, MoveDrMedia pending, java.util.Set<String> unavailable) {
    String name = v.name();
    Optional<org.vaultline.library.store.LibraryVolume> in = tx.volumes().find(name);
    if (in.filter(lv -> unavailable.contains(lv.library())).isPresent()) {
      return false; // its check-in move is not settled yet: the next start decides
    }
    if (in.isPresent()) {
      MoveOutcome.Moved moved = pending.move(v, settings(tx), tx.now());
      tx.log(toMessage(DrmMessageId.PENDING_COMPLETED.with("Volume " + name + " was checked in before the server"
          + " stopped; it leaves DRM now.")));
      record(tx, Optional.of(v), moved.after(), "completed at restart", DrmMessageId.CHECKED_IN_BACK.with("Volume "
          + name + " was checked in as scratch into library " + in.get().library() + " and leaves DRM ("
          + v.state() + " -> ONSITERETRIEVE)."));
      return true;
    }
    tx.drmVolumes().setPending(name, Optional.empty());
    tx.log(toMessage(DrmMessageId.PENDING_DROPPED.with("Volume " + name + " was not checked in before the server"
        + " stopped; it stays " + v.state() + ".")));
    return false;
  }

  /**
   * The eject MOVE DRMEDIA intended for {@code name} did not happen (station full, refused, failed, cancelled): its
   * pending move is dropped so that nothing is completed for it at the next start, and {@code why} is logged.
   */
  public void dropPending(String name, DrmMessage why, Origin origin) {
    store.transact(origin, tx -> {
      tx.drmVolumes().setPending(name, Optional.empty());
      tx.log(toMessage(why));
    });
  }

  /** Writes an activity-log row for a DRM message in its own transaction (no volume changes). */
  public void log(DrmMessage m, Origin origin) {
    store.transact(origin, tx -> tx.log(toMessage(m)));
  }

  // ---- inside a transaction -----------------------------------------------------------------------------

  /**
   * Records one change of a volume inside {@code tx}: the row (removed when {@code after} is ONSITERETRIEVE),
   * history, activity log and the outbox event.
   */
  void record(Tx tx, Optional<DrmVolume> before, DrmVolume after, String reason, DrmMessage message) {
    Optional<String> from = before.map(b -> b.state().name());
    if (after.state() == DrmState.ONSITERETRIEVE) {
      tx.drmVolumes().remove(after.name());
    } else {
      tx.drmVolumes().put(toRow(after));
    }
    tx.drmVolumes().recordHistory(after.name(), from, after.state().name(), after.location(), reason);
    tx.log(toMessage(message));
    EventPayload p = EventPayload.of(before.isEmpty() ? "drm.defined" : "drm.transition", message.text())
        .with("volume", after.name()).with("to", after.state().name()).with("reason", reason);
    from.ifPresent(f -> p.with("from", f));
    tx.origin().process().ifPresent(n -> p.with("process", n));
    if (after.state() == DrmState.ONSITERETRIEVE) {
      p.volumeLeftDrm(after.name());
    } else {
      p.volumeState(new VolumeState(after.name(), after.state().name(), after.location(), after.library(),
          after.kind().volumeType(), after.pool()));
    }
    tx.event(EventCategory.DRM, p.json());
  }

  static Message toMessage(DrmMessage m) {
    return m.toMessage();
  }

  DrmVolumes.Row toRow(DrmVolume v) {
    return new DrmVolumes.Row(v.name(), v.state().name(), v.location(), v.library(), v.kind().sqlVolumeType(),
        v.pool(), v.lastUpdate(), DefineDrmVolume.of(v).commandText(STORED_ZONE));
  }

  DrmVolume toVolume(DrmVolumes.Row row) {
    DefineDrmVolume d = (DefineDrmVolume) parseStored(row.definition());
    // The row's columns are authoritative for what changes; the definition carries kind and device.
    return d.toVolume(row.updated()).withState(DrmState.valueOf(row.state()), row.location(), row.updated())
        .withLibrary(row.library());
  }

  private DrmCommand parseStored(String command) {
    try {
      return storedParser.parse(command);
    } catch (DrmSyntaxException e) {
      throw new IllegalStateException("stored DRM command no longer parses: " + command, e);
    }
  }

  /** For tests and the benchmark: how many volumes and history rows the store holds. */
  public Map<String, Long> counts() {
    return store.read(r -> Map.of("volumes", r.drmVolumes().count(), "history", r.drmVolumes().historyCount()));
  }
}
