package org.vaultline.library.drm;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The wording of the DRM messages, in one place so that the same condition always reads the same way (the wording of
 * command syntax errors, VLN0400E..VLN0412E, is in {@link DrmCommandParser}, next to the syntax). Texts say what was
 * wrong and what would be right, the way an operator wants it.
 */
public final class DrmMessages {
  private DrmMessages() {}

  // ---- MOVE DRMEDIA requests no volume could satisfy ----

  static DrmMessage whereStateNotMovable(DrmState where) {
    String why;
    if (where == DrmState.VAULT) {
      why = " A volume leaves VAULT only when the server makes it VAULTRETRIEVE.";
    } else if (where == DrmState.ONSITERETRIEVE) {
      why = " ONSITERETRIEVE volumes have left DRM.";
    } else {
      why = "";
    }
    return DrmMessageId.WHERESTATE_NOT_MOVABLE.with("MOVE DRMEDIA: WHERESTATE=" + where
        + " is not valid; volumes are moved from " + DrmText.orList(sorted(DrmState.MOVABLE_FROM)) + "." + why);
  }

  static DrmMessage toStateDerivedOnly() {
    return DrmMessageId.TOSTATE_DERIVED_ONLY.with("MOVE DRMEDIA: TOSTATE=VAULTRETRIEVE is not valid; the server"
        + " makes a volume VAULTRETRIEVE itself when its database backup series expires or reclamation empties it"
        + " at the vault.");
  }

  static DrmMessage toStateMountable() {
    return DrmMessageId.TOSTATE_MOUNTABLE.with("MOVE DRMEDIA: TOSTATE=MOUNTABLE is not valid; a volume becomes"
        + " MOUNTABLE again when it is checked into the library.");
  }

  static DrmMessage toStateNotReachable(DrmState where, DrmState to) {
    return DrmMessageId.TOSTATE_NOT_REACHABLE.with("MOVE DRMEDIA: TOSTATE=" + to + " is not reachable from WHERESTATE="
        + where + "; from " + where + " a volume can go to " + DrmText.orList(sorted(where.destinations())) + ".");
  }

  static DrmMessage toLocationOnsite() {
    return DrmMessageId.TOLOCATION_ONSITE.with("MOVE DRMEDIA: TOLOCATION cannot be used with TOSTATE=ONSITERETRIEVE;"
        + " the volume leaves DRM and keeps no location.");
  }

  static DrmMessage emptyWindow(String command, DateTimeWindow w, ZonedDateTime now) {
    return DrmMessageId.EMPTY_WINDOW.with(command + ": the date/time window " + w.describe(now)
        + " is empty; the beginning must not be after the end.");
  }

  // ---- why a volume is not selected ----

  static DrmMessage nameMismatch(String command, String volume, NamePattern p) {
    return DrmMessageId.NAME_MISMATCH.with(command + ": volume " + volume + " does not match " + p + ".");
  }

  static DrmMessage notDrmVolume(String command, DrmVolume v) {
    String what = v.kind() instanceof DrmVolumeKind.ScratchVolume ? "a scratch" : "a private";
    return DrmMessageId.NOT_A_DRM_VOLUME.with(command + ": volume " + v.name() + " is " + what
        + " library volume, not a DRM volume.");
  }

  static DrmMessage excludedBySource(String command, DrmVolume v, Source source) {
    boolean snapshot = v.kind() instanceof DrmVolumeKind.DatabaseSnapshot;
    return DrmMessageId.EXCLUDED_BY_SOURCE.with(command + ": volume " + v.name() + " is a database "
        + (snapshot ? "snapshot" : "backup") + " volume; SOURCE=" + source + " does not select it (SOURCE="
        + (snapshot ? "DBSNAPSHOT" : "DBBACKUP") + " does).");
  }

  static DrmMessage copyPoolNotSelected(String command, DrmVolume v, String pool, List<String> patterns) {
    return DrmMessageId.COPY_POOL_NOT_SELECTED.with(command + ": volume " + v.name() + " belongs to copy storage pool "
        + pool + ", which is not among " + String.join(",", patterns) + ".");
  }

  static DrmMessage activeDataPoolNotSelected(String command, DrmVolume v, String pool, List<String> patterns) {
    if (patterns.isEmpty()) {
      return DrmMessageId.ACTIVE_DATA_POOL_NOT_SELECTED.with(command + ": volume " + v.name()
          + " belongs to active-data pool " + pool + "; active-data pools are processed only when named by"
          + " SET DRMACTIVEDATASTGPOOL or ACTIVEDATASTGPOOL=.");
    }
    return DrmMessageId.ACTIVE_DATA_POOL_NOT_SELECTED.with(command + ": volume " + v.name()
        + " belongs to active-data pool " + pool + ", which is not among " + String.join(",", patterns) + ".");
  }

  static DrmMessage fileDeviceExcluded(String command, DrmVolume v) {
    String dc = v.device().deviceClass().isEmpty() ? "" : " " + v.device().deviceClass();
    return DrmMessageId.FILE_DEVICE_EXCLUDED.with(command + ": volume " + v.name() + " uses FILE device class" + dc
        + "; SET DRMFILEPROCESS is NO.");
  }

  static DrmMessage notInWhereState(String command, DrmVolume v, String whereState) {
    return DrmMessageId.NOT_IN_WHERESTATE.with(command + ": volume " + v.name() + " is " + v.state() + ", not "
        + whereState + ".");
  }

  static DrmMessage locationMismatch(String command, DrmVolume v, String whereLocation) {
    return DrmMessageId.LOCATION_MISMATCH.with(command + ": volume " + v.name() + " is at "
        + v.location().map(l -> "location " + l).orElse("no recorded location") + ", not " + whereLocation + ".");
  }

  static DrmMessage outsideWindow(String command, DrmVolume v, DateTimeWindow w, ZonedDateTime now) {
    return DrmMessageId.OUTSIDE_WINDOW.with(command + ": volume " + v.name() + " was last updated "
        + DrmText.dateTime(v.lastUpdate(), now.getZone()) + ", outside " + w.describe(now) + ".");
  }

  public static DrmMessage noMatch(String command) {
    return DrmMessageId.NO_MATCH.with(command + ": no volume matches these criteria.");
  }

  // ---- what happened ----

  static DrmMessage moved(DrmVolume before, DrmVolume after) {
    return DrmMessageId.MOVED.with("Volume " + before.name() + " moved from " + before.state() + " to "
        + after.state() + after.location().map(l -> ", location " + l).orElse("") + ".");
  }

  static DrmMessage leftDrm(DrmVolume v, OnsiteDisposition d) {
    return DrmMessageId.LEFT_DRM.with("Volume " + v.name() + " is back on site and leaves DRM: "
        + (d == OnsiteDisposition.DELETE_VOLUME_HISTORY ? "its volume history entry is deleted"
            : "it returns to scratch") + ".");
  }

  static DrmMessage poolVolumeEmptied(DrmVolume v, String pool) {
    String what = v.kind() instanceof DrmVolumeKind.ActiveDataPoolVolume ? "active-data pool " : "copy storage pool ";
    return DrmMessageId.COPY_VOLUME_EMPTIED.with("Volume " + v.name() + " of " + what + pool
        + " is empty at the vault: VAULT -> VAULTRETRIEVE.");
  }

  static DrmMessage seriesExpired(DrmVolume v, String what, long series, int days, Instant newest, ZoneId zone) {
    return DrmMessageId.SERIES_EXPIRED.with("Database " + what + " series " + series + " expired (last volume written "
        + DrmText.dateTime(newest, zone) + ", more than " + days + " days ago): volume " + v.name()
        + " VAULT -> VAULTRETRIEVE.");
  }

  // ---- registration ----

  static DrmMessage alreadyDefined(String name) {
    return DrmMessageId.ALREADY_DEFINED.with("DEFINE DRMVOLUME: volume " + name
        + " is already defined differently; use UPDATE DRMVOLUME, or DELETE DRMVOLUME first.");
  }

  static DrmMessage notDefined(String command, String name) {
    return DrmMessageId.NOT_DEFINED.with(command + ": volume " + name + " is not defined to DRM.");
  }

  static DrmMessage statusNotApplicable(DrmVolume v) {
    return DrmMessageId.STATUS_NOT_APPLICABLE.with("UPDATE DRMVOLUME: volume " + v.name() + " is a "
        + v.kind().volumeType() + " volume; STATUS= applies to copy and active-data pool volumes only.");
  }

  static DrmMessage defined(DrmVolume v) {
    return DrmMessageId.DEFINED.with("Volume " + v.name() + " (" + v.kind().volumeType() + ") defined to DRM as "
        + v.state() + ".");
  }

  static DrmMessage updated(DrmVolume v) {
    return DrmMessageId.UPDATED.with("Volume " + v.name() + " updated.");
  }

  static DrmMessage deleted(DrmVolume v) {
    return DrmMessageId.DELETED.with("Volume " + v.name() + " deleted from DRM (it was " + v.state() + ").");
  }

  static DrmMessage unchanged(String name) {
    return DrmMessageId.UNCHANGED.with("Volume " + name + " is already defined so; nothing changed.");
  }

  // ---- import ----

  static DrmMessage importUnreadable(int line, String why) {
    return DrmMessageId.IMPORT_LINE_UNREADABLE.with("Line " + line + " was not imported: " + why);
  }

  static DrmMessage importTypeSkipped(int line, String volume, String type) {
    return DrmMessageId.IMPORT_TYPE_SKIPPED.with("Line " + line + ": volume " + volume + " of type " + type
        + " is not a DRM volume; skipped.");
  }

  static DrmMessage importNoVolhistory(String volume) {
    return DrmMessageId.IMPORT_NO_VOLHISTORY.with("Database backup volume " + volume
        + " has no QUERY VOLHISTORY entry, so its series is unknown; import the volume history with it.");
  }

  static DrmMessage importDuplicate(int line, String volume) {
    return DrmMessageId.IMPORT_DUPLICATE.with("Line " + line + ": volume " + volume
        + " appears again; the first entry is kept.");
  }

  static DrmMessage importBadValue(int line, String field, String value) {
    return DrmMessageId.IMPORT_BAD_VALUE.with("Line " + line + ": " + field + " \"" + value
        + "\" is not understood; line skipped.");
  }

  private static Set<DrmState> sorted(Set<DrmState> states) {
    return new TreeSet<>(states);
  }
}
