package org.vaultline.library.drm;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vaultline.library.command.CommandTokens;

/**
 * The SET DRM... commands; each changes one field of {@link DrmSettings} ({@link #apply}). TSM's ranges and
 * defaults: names up to 255 characters; DRMDBBACKUPEXPIREDAYS and DRMRPFEXPIREDAYS 0..9999 (default 60);
 * DRMCHECKLABEL YES|NO (default YES); DRMFILEPROCESS NO|YES (default NO); prefixes up to 250 characters, and
 * {@code ""} removes a prefix, a command file name or a pool list. SET DRMAUTOCHECKIN ON|OFF is a Vaultline
 * extension: whether volumes DRM expects back are checked in when they appear in the I/O station.
 */
public sealed interface SetDrm extends DrmCommand {
  /** The settings with this command applied. */
  DrmSettings apply(DrmSettings s);

  /** SET DRMCOURIERNAME name. */
  record CourierName(String name) implements SetDrm {
    public CourierName {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public DrmSettings apply(DrmSettings s) {
      return s.withCourierName(name);
    }

    @Override
    public String commandText(ZoneId zone) {
      return "SET DRMCOURIERNAME " + CommandTokens.quoteIfNeeded(name);
    }
  }

  /** SET DRMVAULTNAME name. */
  record VaultName(String name) implements SetDrm {
    public VaultName {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public DrmSettings apply(DrmSettings s) {
      return s.withVaultName(name);
    }

    @Override
    public String commandText(ZoneId zone) {
      return "SET DRMVAULTNAME " + CommandTokens.quoteIfNeeded(name);
    }
  }

  /** SET DRMNOTMOUNTABLENAME location. */
  record NotMountableName(String name) implements SetDrm {
    public NotMountableName {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public DrmSettings apply(DrmSettings s) {
      return s.withNotMountableName(name);
    }

    @Override
    public String commandText(ZoneId zone) {
      return "SET DRMNOTMOUNTABLENAME " + CommandTokens.quoteIfNeeded(name);
    }
  }

  /** SET DRMDBBACKUPEXPIREDAYS days (0..9999). */
  record DbBackupExpireDays(int days) implements SetDrm {
    @Override
    public DrmSettings apply(DrmSettings s) {
      return s.withDbBackupExpireDays(days);
    }

    @Override
    public String commandText(ZoneId zone) {
      return "SET DRMDBBACKUPEXPIREDAYS " + days;
    }
  }

  /** SET DRMCHECKLABEL YES|NO. */
  record CheckLabel(boolean yes) implements SetDrm {
    @Override
    public DrmSettings apply(DrmSettings s) {
      return s.withCheckLabel(yes);
    }

    @Override
    public String commandText(ZoneId zone) {
      return "SET DRMCHECKLABEL " + (yes ? "YES" : "NO");
    }
  }

  /** SET DRMFILEPROCESS NO|YES. */
  record FileProcess(boolean yes) implements SetDrm {
    @Override
    public DrmSettings apply(DrmSettings s) {
      return s.withFileProcess(yes);
    }

    @Override
    public String commandText(ZoneId zone) {
      return "SET DRMFILEPROCESS " + (yes ? "YES" : "NO");
    }
  }

  /** SET DRMCMDFILENAME file; empty removes it. */
  record CmdFileName(Optional<String> file) implements SetDrm {
    public CmdFileName {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public DrmSettings apply(DrmSettings s) {
      return s.withCmdFileName(file);
    }

    @Override
    public String commandText(ZoneId zone) {
      return "SET DRMCMDFILENAME " + CommandTokens.quote(file.orElse(""));
    }
  }

  /** SET DRMPLANPREFIX prefix; empty removes it. */
  record PlanPrefix(Optional<String> prefix) implements SetDrm {
    public PlanPrefix {
      Objects.requireNonNull(prefix, "prefix");
    }

    @Override
    public DrmSettings apply(DrmSettings s) {
      return s.withPlanPrefix(prefix);
    }

    @Override
    public String commandText(ZoneId zone) {
      return "SET DRMPLANPREFIX " + CommandTokens.quote(prefix.orElse(""));
    }
  }

  /** SET DRMINSTRPREFIX prefix; empty removes it. */
  record InstrPrefix(Optional<String> prefix) implements SetDrm {
    public InstrPrefix {
      Objects.requireNonNull(prefix, "prefix");
    }

    @Override
    public DrmSettings apply(DrmSettings s) {
      return s.withInstrPrefix(prefix);
    }

    @Override
    public String commandText(ZoneId zone) {
      return "SET DRMINSTRPREFIX " + CommandTokens.quote(prefix.orElse(""));
    }
  }

  /** SET DRMPRIMSTGPOOL pool,...; empty means every primary pool. */
  record PrimaryPools(List<String> pools) implements SetDrm {
    public PrimaryPools {
      pools = List.copyOf(pools);
    }

    @Override
    public DrmSettings apply(DrmSettings s) {
      return s.withPrimaryPools(pools);
    }

    @Override
    public String commandText(ZoneId zone) {
      return "SET DRMPRIMSTGPOOL " + CommandTokens.list(pools);
    }
  }

  /** SET DRMCOPYSTGPOOL pool,...; empty means every copy pool. */
  record CopyPools(List<String> pools) implements SetDrm {
    public CopyPools {
      pools = List.copyOf(pools);
    }

    @Override
    public DrmSettings apply(DrmSettings s) {
      return s.withCopyPools(pools);
    }

    @Override
    public String commandText(ZoneId zone) {
      return "SET DRMCOPYSTGPOOL " + CommandTokens.list(pools);
    }
  }

  /** SET DRMACTIVEDATASTGPOOL pool,...; empty means no active-data pool. */
  record ActiveDataPools(List<String> pools) implements SetDrm {
    public ActiveDataPools {
      pools = List.copyOf(pools);
    }

    @Override
    public DrmSettings apply(DrmSettings s) {
      return s.withActiveDataPools(pools);
    }

    @Override
    public String commandText(ZoneId zone) {
      return "SET DRMACTIVEDATASTGPOOL " + CommandTokens.list(pools);
    }
  }

  /** SET DRMRPFEXPIREDAYS days (0..9999). */
  record RpfExpireDays(int days) implements SetDrm {
    @Override
    public DrmSettings apply(DrmSettings s) {
      return s.withRpfExpireDays(days);
    }

    @Override
    public String commandText(ZoneId zone) {
      return "SET DRMRPFEXPIREDAYS " + days;
    }
  }

  /** SET DRMAUTOCHECKIN ON|OFF (Vaultline). */
  record AutoCheckin(boolean on) implements SetDrm {
    @Override
    public DrmSettings apply(DrmSettings s) {
      return s.withAutoCheckin(on);
    }

    @Override
    public String commandText(ZoneId zone) {
      return "SET DRMAUTOCHECKIN " + (on ? "ON" : "OFF");
    }
  }
}
