package org.vaultline.library.drm;

import java.util.Objects;
import java.util.Optional;

/** What MOVE DRMEDIA does with one volume: {@link Moved} or {@link Refused}. */
public sealed interface MoveOutcome {
  /**
   * The volume moves.
   *
   * @param before the volume as it was
   * @param after the volume as it is to be recorded: new state, location and last update; library empty when it
   *     is checked out
   * @param checkOut true when the volume must leave its library (it was MOUNTABLE and checked in); REMOVE= says how
   * @param checkLabel true when the label is to be read before the volume leaves (SET DRMCHECKLABEL YES)
   * @param leavesDrm present when the volume reached ONSITERETRIEVE and leaves DRM, with what becomes of it
   * @param message VLN0440I, or VLN0441I when the volume leaves DRM
   */
  record Moved(DrmVolume before, DrmVolume after, boolean checkOut, boolean checkLabel,
      Optional<OnsiteDisposition> leavesDrm, DrmMessage message) implements MoveOutcome {
    public Moved {
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
      Objects.requireNonNull(leavesDrm, "leavesDrm");
      Objects.requireNonNull(message, "message");
    }

    public DrmState from() {
      return before.state();
    }

    public DrmState to() {
      return after.state();
    }
  }

  /** The volume stays as it is, for the reason given. */
  record Refused(DrmMessage message) implements MoveOutcome {
    public Refused {
      Objects.requireNonNull(message, "message");
    }
  }
}
