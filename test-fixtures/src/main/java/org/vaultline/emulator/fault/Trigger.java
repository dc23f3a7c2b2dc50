package org.vaultline.emulator.fault;

/** When a scripted {@link Fault} fires, counted on its logical unit from the moment it is injected. */
public sealed interface Trigger {

  /** The {@code n}-th command (1 = the next one). */
  record NthCommand(int n) implements Trigger {
    public NthCommand {
      if (n < 1) {
        throw new IllegalArgumentException("commands are counted from 1: " + n);
      }
    }
  }

  /** The next command with this operation code. */
  record Opcode(int opcode) implements Trigger {
    public Opcode {
      if (opcode < 0 || opcode > 0xff) {
        throw new IllegalArgumentException("opcode " + opcode);
      }
    }
  }

  static Trigger next() {
    return new NthCommand(1);
  }

  static Trigger nth(int n) {
    return new NthCommand(n);
  }

  static Trigger opcode(int opcode) {
    return new Opcode(opcode);
  }
}
