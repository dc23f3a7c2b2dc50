package org.vaultline.scsi.transport;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vaultline.scsi.Command;

/**
 * Chooses each command's timeout: the command's own default unless the device said otherwise (REPORT
 * SUPPORTED OPERATION CODES with RCTD gives a recommended timeout per opcode and service action) or the
 * administrator configured one.
 */
public final class TimeoutPolicy {
  private final Map<Long, Duration> overrides = new ConcurrentHashMap<>();

  private static long key(int opcode, int serviceAction) {
    return (long) opcode << 32 | (serviceAction & 0xffffffffL);
  }

  /** Uses {@code timeout} for {@code opcode} whatever its service action. */
  public TimeoutPolicy override(int opcode, Duration timeout) {
    return override(opcode, -1, timeout);
  }

  /** Uses {@code timeout} for {@code opcode} with {@code serviceAction} (-1: any). */
  public TimeoutPolicy override(int opcode, int serviceAction, Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    overrides.put(key(opcode, serviceAction), timeout);
    return this;
  }

  public Duration timeoutFor(Command<?> command) {
    int opcode = command.cdb().opcode();
    // service action: byte 1 bits 4..0 of 12/16-byte service-action commands (A3h, 9Eh, 8Ch ...)
    int sa = command.cdb().length() > 1 ? command.cdb().bytes().get(1) & 0x1f : -1;
    Duration d = overrides.get(key(opcode, sa));
    if (d == null) {
      d = overrides.get(key(opcode, -1));
    }
    return d != null ? d : command.defaultTimeout();
  }
}
