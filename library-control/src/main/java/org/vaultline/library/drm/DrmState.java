package org.vaultline.library.drm;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.vaultline.library.command.Keyword;

/**
 * The DRM state of a volume, as IBM TSM / Spectrum Protect Disaster Recovery Manager names it (REFERENCE §3).
 *
 * <p>The life of an off-site volume: MOUNTABLE (on site, in or near the library) → NOTMOUNTABLE (on site, out of
 * the library) → COURIER (on its way to the vault) → VAULT; then, once the server decides it holds no valid data,
 * VAULTRETRIEVE (derived, never moved into by hand) → COURIERRETRIEVE (on its way back) → ONSITERETRIEVE (back;
 * the volume leaves DRM). States may be skipped by naming a later TOSTATE.
 */
public enum DrmState {
  MOUNTABLE("MOuntable", "Mountable"),
  NOTMOUNTABLE("NOTMOuntable", "Not mountable"),
  COURIER("COUrier", "Courier"),
  VAULT("VAult", "Vault"),
  VAULTRETRIEVE("VAULTRetrieve", "Vault retrieve"),
  COURIERRETRIEVE("COURIERRetrieve", "Courier retrieve"),
  ONSITERETRIEVE("ONSITERetrieve", "Onsite retrieve");

  private final Keyword keyword;
  private final String displayName;

  DrmState(String keyword, String displayName) {
    this.keyword = Keyword.of(keyword);
    this.displayName = displayName;
  }

  /** The command-line keyword with TSM's minimum abbreviation ({@code VAULTR} for VAULTRETRIEVE). */
  public Keyword keyword() {
    return keyword;
  }

  /** How QUERY DRMEDIA shows the state ({@code Vault retrieve}). */
  public String displayName() {
    return displayName;
  }

  /** The states MOVE DRMEDIA accepts as WHERESTATE; VAULT leaves only by derivation, ONSITERETRIEVE is out of DRM. */
  public static final Set<DrmState> MOVABLE_FROM =
      Set.copyOf(EnumSet.of(MOUNTABLE, NOTMOUNTABLE, COURIER, VAULTRETRIEVE, COURIERRETRIEVE));

  /**
   * Where MOVE DRMEDIA may take a volume from this state by hand (REFERENCE §3): MOUNTABLE→NOTMOUNTABLE|COURIER|VAULT;
   * NOTMOUNTABLE→COURIER|VAULT; COURIER→VAULT; VAULTRETRIEVE→COURIERRETRIEVE|ONSITERETRIEVE;
   * COURIERRETRIEVE→ONSITERETRIEVE. VAULT, ONSITERETRIEVE: nowhere (VAULT→VAULTRETRIEVE is derived).
   */
  public Set<DrmState> destinations() {
    switch (this) {
      case MOUNTABLE:
        return EnumSet.of(NOTMOUNTABLE, COURIER, VAULT);
      case NOTMOUNTABLE:
        return EnumSet.of(COURIER, VAULT);
      case COURIER:
        return EnumSet.of(VAULT);
      case VAULTRETRIEVE:
        return EnumSet.of(COURIERRETRIEVE, ONSITERETRIEVE);
      case COURIERRETRIEVE:
        return EnumSet.of(ONSITERETRIEVE);
      default:
        return EnumSet.noneOf(DrmState.class);
    }
  }

  /** The TOSTATE MOVE DRMEDIA uses when none is given: the next state; empty where there is none by hand. */
  public Optional<DrmState> next() {
    switch (this) {
      case MOUNTABLE:
        return Optional.of(NOTMOUNTABLE);
      case NOTMOUNTABLE:
        return Optional.of(COURIER);
      case COURIER:
        return Optional.of(VAULT);
      case VAULTRETRIEVE:
        return Optional.of(COURIERRETRIEVE);
      case COURIERRETRIEVE:
        return Optional.of(ONSITERETRIEVE);
      default:
        return Optional.empty();
    }
  }

  /** Finds a state by keyword, honouring TSM's minimum abbreviation; empty if none matches. */
  public static Optional<DrmState> byKeyword(String text) {
    for (DrmState s : values()) {
      if (s.keyword.matches(text)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
