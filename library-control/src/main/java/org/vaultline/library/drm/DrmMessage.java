package org.vaultline.library.drm;

import java.util.Objects;

/**
 * A DRM message an administrator reads: a stable ID and its text ({@code VLN0423E MOVE DRMEDIA: ...}).
 */
public record DrmMessage(DrmMessageId id, String text) {
  public DrmMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
  }

  @Override
  public String toString() {
    return id.id() + " " + text;
  }
}
