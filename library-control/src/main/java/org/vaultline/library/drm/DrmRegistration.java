package org.vaultline.library.drm;

import java.time.Instant;
import java.util.Optional;

/**
 * How the backup application tells DRM about its volumes: DEFINE DRMVOLUME when a volume starts holding DRM data,
 * UPDATE DRMVOLUME when a pool volume fills up or reclamation empties it, DELETE DRMVOLUME when the application
 * deletes it. These are commands in TSM syntax so that a few lines of script can turn a TSM server's QUERY
 * VOLHISTORY / QUERY DRMEDIA output or a Bacula/Bareos catalogue listing into a file of them
 * ({@link CommandFileImport}). Applying one is pure ({@link #applyTo}); the store records the outcome.
 */
public sealed interface DrmRegistration extends DrmCommand permits DefineDrmVolume, UpdateDrmVolume,
    DeleteDrmVolume {
  /** The volume this is about. */
  String volumeName();

  /**
   * What this registration does to the volume as DRM knows it now.
   *
   * @param current the volume of that name, empty when DRM does not know it
   * @param now the time of the change
   */
  RegistrationOutcome applyTo(Optional<DrmVolume> current, Instant now);
}
