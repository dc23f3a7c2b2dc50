package org.vaultline.library.drm;

import java.util.Objects;
import org.vaultline.library.store.Message;

/**
 * A DRM message an administrator reads: a stable ID and its text ({@code VLN0423E MOVE DRMEDIA: ...}).
 */
public record DrmMessage(DrmMessageId id, String text) {
  public DrmMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
  }

  /** The same message as the store and the command results carry it: ID and severity unchanged. */
  public Message toMessage() {
    return new Message(id.messageId(), text);
  }

  @Override
  public String toString() {
    return id.id() + " " + text;
  }
}
