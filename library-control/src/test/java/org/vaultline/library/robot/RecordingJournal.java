package org.vaultline.library.robot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/** A move journal that writes down what it hears, in order, and can look at the library meanwhile. */
final class RecordingJournal implements MoveJournal {
  final List<String> events = Collections.synchronizedList(new ArrayList<>());
  final List<PlannedMove> intended = Collections.synchronizedList(new ArrayList<>());
  final List<CompletedMove> completed = Collections.synchronizedList(new ArrayList<>());
  final List<MoveFailure> failures = Collections.synchronizedList(new ArrayList<>());
  volatile Consumer<CompletedMove> onCompleted = c -> { };
  private long next;

  @Override
  public synchronized long intended(PlannedMove move) {
    intended.add(move);
    long id = ++next;
    events.add("intended " + id);
    return id;
  }

  @Override
  public void moving(long id, PlannedMove move) {
    events.add("moving " + id);
  }

  @Override
  public void completed(long id, CompletedMove move) {
    onCompleted.accept(move);
    completed.add(move);
    events.add("completed " + id);
  }

  @Override
  public void failed(long id, MoveFailure failure) {
    failures.add(failure);
    events.add("failed " + id + " " + failure.outcome());
  }
}
