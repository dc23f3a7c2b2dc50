package org.vaultline.library.drm;

import java.time.ZoneId;

/**
 * A DRM administrative command, parsed from TSM syntax by {@link DrmCommandParser}: MOVE DRMEDIA, QUERY DRMEDIA,
 * QUERY DRMSTATUS, SET DRM..., and the registration commands DEFINE/UPDATE/DELETE DRMVOLUME.
 */
public sealed interface DrmCommand permits MoveDrMedia, QueryDrMedia, QueryDrmStatus, SetDrm, DrmRegistration {
  /**
   * The command in canonical TSM syntax (full keywords, every non-default parameter), dates written in
   * {@code zone}; a parser for the same zone turns it back into an equal command.
   */
  String commandText(ZoneId zone);
}
