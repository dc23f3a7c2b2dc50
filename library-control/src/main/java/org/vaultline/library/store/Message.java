package org.vaultline.library.store;

import java.util.Objects;

/**
 * A message with its arguments filled in, ready for the activity log or an operator:
 * {@code VLN0110I Volume A00017 checked into library LIB1 as SCRATCH, home element 0x1003.}
 */
public record Message(MessageId id, String text) {
  public Message {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
  }

  public Severity severity() {
    return id.severity();
  }

  /** The ID and the text, as the activity log and the CLI print it. */
  public String render() {
    return id + " " + text;
  }

  @Override
  public String toString() {
    return render();
  }
}
