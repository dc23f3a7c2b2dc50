package org.vaultline.library.store;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a transaction acts for: the administrator who typed the command and, for work done by a numbered
 * background process, the process. Both are written with every activity-log row of the transaction, and
 * the process number with the moves and operator requests it records.
 */
public record Origin(Optional<String> admin, Optional<Long> process) {
  /** The server acting on its own (start-up recovery, automatic check-in, schedules). */
  public static final Origin SERVER = new Origin(Optional.empty(), Optional.empty());

  public Origin {
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(process, "process");
  }

  public static Origin admin(String admin) {
    return new Origin(Optional.of(admin), Optional.empty());
  }

  public static Origin process(long number) {
    return new Origin(Optional.empty(), Optional.of(number));
  }

  /** This origin, working in background process {@code number} (started by the same administrator). */
  public Origin inProcess(long number) {
    return new Origin(admin, Optional.of(number));
  }

  @Override
  public String toString() {
    return admin.orElse("SERVER") + process.map(p -> " process " + p).orElse("");
  }
}
