package org.vaultline.library.drm;

import java.util.Objects;
import java.util.Optional;

/**
 * CMD=, CMDFILENAME= and APPEND= of MOVE DRMEDIA and QUERY DRMEDIA: the lines to produce and where they go. Without
 * CMDFILENAME the file named by SET DRMCMDFILENAME is used; writing (and APPEND=YES versus replacing the file) is the
 * caller's business: DRM only produces the lines ({@link CmdTemplate#lines}).
 */
public record CmdOutput(CmdTemplate cmd, Optional<String> fileName, boolean append) {
  public CmdOutput {
    Objects.requireNonNull(cmd, "cmd");
    Objects.requireNonNull(fileName, "fileName");
  }

  /** The file to write: CMDFILENAME=, else SET DRMCMDFILENAME; empty when neither is set. */
  public Optional<String> target(DrmSettings settings) {
    return fileName.isPresent() ? fileName : settings.cmdFileName();
  }
}
