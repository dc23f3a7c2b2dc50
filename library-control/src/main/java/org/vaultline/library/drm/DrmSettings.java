package org.vaultline.library.drm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The DRM settings, as QUERY DRMSTATUS shows them and the SET DRM... commands change them. Defaults are TSM's
 * installation values: courier COURIER, vault VAULT, not-mountable location NOTMOUNTABLE, database backup series
 * expire after 60 days, recovery plan files after 60 days, labels are checked, FILE device classes are not
 * processed, every copy pool is eligible, no active-data pool is. {@code autoCheckin} (SET DRMAUTOCHECKIN, default
 * ON) is a Vaultline extension.
 *
 * @param primaryPools SET DRMPRIMSTGPOOL patterns; empty means every primary pool
 * @param copyPools SET DRMCOPYSTGPOOL patterns; empty means every copy pool
 * @param activeDataPools SET DRMACTIVEDATASTGPOOL patterns; empty means no active-data pool
 */
public record DrmSettings(String courierName, String vaultName, String notMountableName, int dbBackupExpireDays,
    boolean checkLabel, boolean fileProcess, Optional<String> cmdFileName, Optional<String> planPrefix,
    Optional<String> instrPrefix, List<String> primaryPools, List<String> copyPools, List<String> activeDataPools,
    int rpfExpireDays, boolean autoCheckin) {
  public static final int MAX_EXPIRE_DAYS = 9999;
  public static final int MAX_NAME_LENGTH = 255;
  public static final int MAX_PREFIX_LENGTH = 250;

  public DrmSettings {
    Objects.requireNonNull(courierName, "courierName");
    Objects.requireNonNull(vaultName, "vaultName");
    Objects.requireNonNull(notMountableName, "notMountableName");
    Objects.requireNonNull(cmdFileName, "cmdFileName");
    Objects.requireNonNull(planPrefix, "planPrefix");
    Objects.requireNonNull(instrPrefix, "instrPrefix");
    primaryPools = List.copyOf(primaryPools);
    copyPools = List.copyOf(copyPools);
    activeDataPools = List.copyOf(activeDataPools);
    if (dbBackupExpireDays < 0 || dbBackupExpireDays > MAX_EXPIRE_DAYS) {
      throw new IllegalArgumentException("DRMDBBACKUPEXPIREDAYS is 0..9999, not " + dbBackupExpireDays);
    }
    if (rpfExpireDays < 0 || rpfExpireDays > MAX_EXPIRE_DAYS) {
      throw new IllegalArgumentException("DRMRPFEXPIREDAYS is 0..9999, not " + rpfExpireDays);
    }
  }

  /** TSM's installation defaults, with automatic check-in on. */
  public static DrmSettings defaults() {
    return new DrmSettings("COURIER", "VAULT", "NOTMOUNTABLE", 60, true, false, Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(), 60, true);
  }

  /** The location a volume gets when it arrives in {@code state} without TOLOCATION; empty when none. */
  public Optional<String> locationFor(DrmState state) {
    switch (state) {
      case NOTMOUNTABLE:
        return Optional.of(notMountableName);
      case COURIER:
      case COURIERRETRIEVE:
        return Optional.of(courierName);
      case VAULT:
      case VAULTRETRIEVE:
        return Optional.of(vaultName);
      default:
        return Optional.empty();
    }
  }

  public DrmSettings withCourierName(String v) {
    return new DrmSettings(v, vaultName, notMountableName, dbBackupExpireDays, checkLabel, fileProcess,
        cmdFileName, planPrefix, instrPrefix, primaryPools, copyPools, activeDataPools, rpfExpireDays, autoCheckin);
  }

  public DrmSettings withVaultName(String v) {
    return new DrmSettings(courierName, v, notMountableName, dbBackupExpireDays, checkLabel, fileProcess,
        cmdFileName, planPrefix, instrPrefix, primaryPools, copyPools, activeDataPools, rpfExpireDays, autoCheckin);
  }

  public DrmSettings withNotMountableName(String v) {
    return new DrmSettings(courierName, vaultName, v, dbBackupExpireDays, checkLabel, fileProcess,
        cmdFileName, planPrefix, instrPrefix, primaryPools, copyPools, activeDataPools, rpfExpireDays, autoCheckin);
  }

  public DrmSettings withDbBackupExpireDays(int v) {
    return new DrmSettings(courierName, vaultName, notMountableName, v, checkLabel, fileProcess,
        cmdFileName, planPrefix, instrPrefix, primaryPools, copyPools, activeDataPools, rpfExpireDays, autoCheckin);
  }

  public DrmSettings withCheckLabel(boolean v) {
    return new DrmSettings(courierName, vaultName, notMountableName, dbBackupExpireDays, v, fileProcess,
        cmdFileName, planPrefix, instrPrefix, primaryPools, copyPools, activeDataPools, rpfExpireDays, autoCheckin);
  }

  public DrmSettings withFileProcess(boolean v) {
    return new DrmSettings(courierName, vaultName, notMountableName, dbBackupExpireDays, checkLabel, v,
        cmdFileName, planPrefix, instrPrefix, primaryPools, copyPools, activeDataPools, rpfExpireDays, autoCheckin);
  }

  public DrmSettings withCmdFileName(Optional<String> v) {
    return new DrmSettings(courierName, vaultName, notMountableName, dbBackupExpireDays, checkLabel, fileProcess,
        v, planPrefix, instrPrefix, primaryPools, copyPools, activeDataPools, rpfExpireDays, autoCheckin);
  }

  public DrmSettings withPlanPrefix(Optional<String> v) {
    return new DrmSettings(courierName, vaultName, notMountableName, dbBackupExpireDays, checkLabel, fileProcess,
        cmdFileName, v, instrPrefix, primaryPools, copyPools, activeDataPools, rpfExpireDays, autoCheckin);
  }

  public DrmSettings withInstrPrefix(Optional<String> v) {
    return new DrmSettings(courierName, vaultName, notMountableName, dbBackupExpireDays, checkLabel, fileProcess,
        cmdFileName, planPrefix, v, primaryPools, copyPools, activeDataPools, rpfExpireDays, autoCheckin);
  }

  public DrmSettings withPrimaryPools(List<String> v) {
    return new DrmSettings(courierName, vaultName, notMountableName, dbBackupExpireDays, checkLabel, fileProcess,
        cmdFileName, planPrefix, instrPrefix, v, copyPools, activeDataPools, rpfExpireDays, autoCheckin);
  }

  public DrmSettings withCopyPools(List<String> v) {
    return new DrmSettings(courierName, vaultName, notMountableName, dbBackupExpireDays, checkLabel, fileProcess,
        cmdFileName, planPrefix, instrPrefix, primaryPools, v, activeDataPools, rpfExpireDays, autoCheckin);
  }

  public DrmSettings withActiveDataPools(List<String> v) {
    return new DrmSettings(courierName, vaultName, notMountableName, dbBackupExpireDays, checkLabel, fileProcess,
        cmdFileName, planPrefix, instrPrefix, primaryPools, copyPools, v, rpfExpireDays, autoCheckin);
  }

  public DrmSettings withRpfExpireDays(int v) {
    return new DrmSettings(courierName, vaultName, notMountableName, dbBackupExpireDays, checkLabel, fileProcess,
        cmdFileName, planPrefix, instrPrefix, primaryPools, copyPools, activeDataPools, v, autoCheckin);
  }

  public DrmSettings withAutoCheckin(boolean v) {
    return new DrmSettings(courierName, vaultName, notMountableName, dbBackupExpireDays, checkLabel, fileProcess,
        cmdFileName, planPrefix, instrPrefix, primaryPools, copyPools, activeDataPools, rpfExpireDays, v);
  }
}
