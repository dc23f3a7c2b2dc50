package org.vaultline.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Every command the emulated library received, in order, for tests to assert on. */
public final class CommandLog {
  private final List<ReceivedCommand> commands = new ArrayList<>();
  private long sequence;

  synchronized long nextSequence() {
    return ++sequence;
  }

  synchronized void add(ReceivedCommand c) {
    commands.add(c);
  }

  public synchronized List<ReceivedCommand> all() {
    return List.copyOf(commands);
  }

  public synchronized List<ReceivedCommand> on(UnitId unit) {
    return matching(c -> c.unit().equals(unit));
  }

  public synchronized List<ReceivedCommand> withOpcode(int opcode) {
    return matching(c -> c.opcode() == opcode);
  }

  public synchronized List<ReceivedCommand> matching(Predicate<ReceivedCommand> p) {
    return commands.stream().filter(p).toList();
  }

  public synchronized void clear() {
    commands.clear();
  }
}
