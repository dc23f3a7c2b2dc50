package org.vaultline.library.drm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what a TSM / Spectrum Protect server says about its volumes into DRM registrations: database backups and
 * snapshots with their series from QUERY VOLHISTORY ({@link VolhistoryImport}), states, locations and the copy and
 * active-data pool volumes from the DRMEDIA view ({@link DrmediaImport}). Either may be empty:
 * <ul>
 *   <li>a database backup volume takes its state, location, library and last update from its DRMEDIA row; without
 *       one it is MOUNTABLE at its Volume Location;</li>
 *   <li>a DRMEDIA database backup row without a volume history entry cannot be registered (its series is unknown)
 *       and is reported (VLN0472W);</li>
 *   <li>a pool volume in VAULTRETRIEVE is registered EMPTY (the server has emptied it), any other as FULL;</li>
 *   <li>a volume whose last volume history event is STGDELETE and that is not in DRMEDIA is deleted (DELETE
 *       DRMVOLUME, applied first); STGNEW and STGREUSE events are not reported (the pool of a storage pool volume
 *       comes from DRMEDIA); other types (EXPORT, BACKUPSET, RPFILE, ...) are reported as skipped (VLN0471W).</li>
 * </ul>
 * A volume that appears twice is reported (VLN0473W) and its first entry kept. Volume names in FILE device classes
 * are paths; such volumes get a FILE device.
 */
public final class TsmImport {
  private TsmImport() {}

  public static ImportResult registrations(VolhistoryImport.Result history, DrmediaImport.Result drmedia) {
    List<DrmMessage> problems = new ArrayList<>(history.problems());
    problems.addAll(drmedia.problems());
    Map<String, DrmediaImport.Row> rows = new LinkedHashMap<>();
    for (DrmediaImport.Row r : drmedia.rows()) {
      if (rows.putIfAbsent(r.volumeName(), r) != null) {
        problems.add(DrmMessages.importDuplicate(r.line(), r.volumeName()));
      }
    }
    Map<String, String> lastEvent = new HashMap<>();
    for (VolhistoryImport.Entry e : history.entries()) {
      lastEvent.put(e.volumeName(), e.type());
    }
    List<DrmRegistration> deletes = new ArrayList<>();
    List<DrmRegistration> defines = new ArrayList<>();
    Set<String> defined = new HashSet<>();
    Set<String> deleted = new HashSet<>();
    for (VolhistoryImport.Entry e : history.entries()) {
      String name = e.volumeName();
      switch (e.type()) {
        case "BACKUPFULL":
        case "BACKUPINCR":
        case "DBSNAPSHOT":
          if (!defined.add(name)) {
            problems.add(DrmMessages.importDuplicate(e.line(), name));
            break;
          }
          defines.add(database(e, Optional.ofNullable(rows.remove(name))));
          break;
        case "STGDELETE":
          if ("STGDELETE".equals(lastEvent.get(name)) && !rows.containsKey(name) && deleted.add(name)) {
            deletes.add(new DeleteDrmVolume(name));
          }
          break;
        case "STGNEW":
        case "STGREUSE":
          break;
        default:
          problems.add(DrmMessages.importTypeSkipped(e.line(), name, e.type()));
      }
    }
    for (DrmediaImport.Row r : rows.values()) {
      if (r.volumeType() == DrmediaImport.VolumeType.DBBACKUP
          || r.volumeType() == DrmediaImport.VolumeType.DBSNAPSHOT) {
        problems.add(DrmMessages.importNoVolhistory(r.volumeName()));
        continue;
      }
      defines.add(pool(r));
    }
    List<DrmRegistration> all = new ArrayList<>(deletes);
    all.addAll(defines);
    return new ImportResult(all, problems);
  }

  private static DefineDrmVolume database(VolhistoryImport.Entry e, Optional<DrmediaImport.Row> row) {
    DrmVolumeKind kind;
    if (e.type().equals("DBSNAPSHOT")) {
      kind = new DrmVolumeKind.DatabaseSnapshot(e.series(), e.sequence(), e.dateTime());
    } else {
      kind = new DrmVolumeKind.DatabaseBackup(e.type().equals("BACKUPFULL") ? DrmVolumeKind.BackupType.FULL
          : DrmVolumeKind.BackupType.INCREMENTAL, e.series(), e.operation(), e.sequence(), e.dateTime());
    }
    Device device = new Device(e.deviceClass(),
        TsmText.looksLikePath(e.volumeName()) ? Device.DeviceType.FILE : Device.DeviceType.TAPE, Device.DEFAULT_PREFIX);
    if (row.isEmpty()) {
      return new DefineDrmVolume(e.volumeName(), kind, DrmState.MOUNTABLE, e.location(), Optional.empty(),
          Optional.of(e.dateTime()), device);
    }
    DrmediaImport.Row r = row.get();
    return new DefineDrmVolume(e.volumeName(), kind, r.state(), r.location(), library(r),
        Optional.of(r.updated().orElse(e.dateTime())), device);
  }

  private static DefineDrmVolume pool(DrmediaImport.Row r) {
    PoolVolumeStatus status = r.state() == DrmState.VAULTRETRIEVE ? PoolVolumeStatus.EMPTY : PoolVolumeStatus.FULL;
    String pool = r.pool().orElseThrow();
    DrmVolumeKind kind = r.volumeType() == DrmediaImport.VolumeType.COPYSTGPOOL
        ? new DrmVolumeKind.CopyPoolVolume(pool, status) : new DrmVolumeKind.ActiveDataPoolVolume(pool, status);
    Device device = TsmText.looksLikePath(r.volumeName()) ? Device.file("") : Device.unknownTape();
    return new DefineDrmVolume(r.volumeName(), kind, r.state(), r.location(), library(r), r.updated(), device);
  }

  /** Only a MOUNTABLE volume is in a library. */
  private static Optional<String> library(DrmediaImport.Row r) {
    return r.state() == DrmState.MOUNTABLE ? r.library() : Optional.empty();
  }

  /** For callers that only have one side. */
  public static ImportResult registrations(VolhistoryImport.Result history) {
    return registrations(history, new DrmediaImport.Result(List.of(), List.of()));
  }

  public static ImportResult registrations(DrmediaImport.Result drmedia) {
    return registrations(new VolhistoryImport.Result(List.of(), List.of()), drmedia);
  }
}
