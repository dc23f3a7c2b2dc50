package org.vaultline.emulator.target;

import java.time.Instant;
import java.util.Optional;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.Sense;

/**
 * What a handler answers: data-in (before the transport cuts it to the allocation length), when the
 * command completes on the emulator clock (the transport waits until then, outside the library lock),
 * and, for commands that transfer data and still end in CHECK CONDITION (a short READ, a WRITE past
 * early warning), the sense. A handler that must wait for the robot answers {@link #retryAt}: the
 * transport waits outside the lock and runs the command again.
 */
public record Reply(Bytes data, Optional<Instant> completeAt, Optional<Sense> sense, Optional<Instant> retryAt) {

  public static final Reply GOOD = new Reply(Bytes.EMPTY, Optional.empty(), Optional.empty(), Optional.empty());

  public static Reply data(Bytes data) {
    return new Reply(data, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static Reply at(Instant completeAt) {
    return new Reply(Bytes.EMPTY, Optional.of(completeAt), Optional.empty(), Optional.empty());
  }

  /** Not yet: run the command again at {@code t} (the robot or drive is busy until then). */
  public static Reply retryAt(Instant t) {
    return new Reply(Bytes.EMPTY, Optional.empty(), Optional.empty(), Optional.of(t));
  }

  public Reply withSense(Sense s) {
    return new Reply(data, completeAt, Optional.of(s), retryAt);
  }

  public Reply completingAt(Instant t) {
    return new Reply(data, Optional.of(t), sense, retryAt);
  }
}
