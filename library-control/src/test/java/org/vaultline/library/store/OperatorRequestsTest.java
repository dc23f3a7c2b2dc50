package org.vaultline.library.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operator requests: QUERY REQUEST, REPLY n, CANCEL REQUEST n, satisfied by the library. */
class OperatorRequestsTest {
  @TempDir Path dir;
  final MutableClock clock = new MutableClock();
  Store store;

  @BeforeEach
  void open() {
    store = TestStores.open(dir, clock);
    TestStores.defineLibrary(store, "LIB1");
    startProcess();
  }

  @AfterEach
  void close() {
    store.close();
  }

  long process;

  private void startProcess() {
    process = store.write(tx -> {
      BackgroundProcess p = tx.processes().start("CHECKOUT LIBVOLUME");
      tx.log(Messages.PROCESS_STARTED, p.number(), p.description());
      return p.number();
    });
  }

  private OperatorRequest raise(RequestKind kind, String text, Optional<Duration> wait) {
    return store.write(Origin.process(process), tx -> {
      OperatorRequest r = tx.requests().raise(Optional.of("LIB1"), kind, text, Optional.empty(),
          wait.map(w -> tx.now().plus(w)));
      tx.log(Messages.REQUEST_RAISED, r.number(), text);
      tx.event(EventCategory.REQUESTS, "{\"type\":\"request.raised\",\"number\":" + r.number() + "}");
      return r;
    });
  }

  @Test
  void requestsAreNumberedInOrderAndListedWhileOutstanding() {
    OperatorRequest a = raise(RequestKind.EMPTY_IO_STATION, "Remove the cartridges from the I/O station of LIB1.",
        Optional.empty());
    OperatorRequest b = raise(RequestKind.INSERT_CARTRIDGES, "Insert cartridges into LIB1.",
        Optional.of(Duration.ofMinutes(60)));
    assertThat(b.number()).isEqualTo(a.number() + 1);
    assertThat(a.state()).isEqualTo(RequestState.RAISED);
    assertThat(a.process()).contains(process);
    assertThat(a.library()).contains("LIB1");
    assertThat(b.expires()).contains(clock.instant().plus(Duration.ofMinutes(60)));
    List<OperatorRequest> outstanding = store.read(r -> r.requests().outstanding());
    assertThat(outstanding).containsExactly(a, b);
  }

  @Test
  void aReplyIsRecordedWithTheAdministratorAndEndsTheRequest() {
    OperatorRequest a = raise(RequestKind.OTHER, "Check the gripper.", Optional.empty());
    clock.advance(Duration.ofMinutes(3));
    boolean answered = store.write(Origin.admin("OPER1"), tx -> {
      boolean ok = tx.requests().answer(a.number(), Optional.of("done"));
      tx.log(Messages.REQUEST_ANSWERED, a.number(), "OPER1", "done");
      return ok;
    });
    assertThat(answered).isTrue();
    OperatorRequest after = store.read(r -> r.requests().find(a.number())).orElseThrow();
    assertThat(after.state()).isEqualTo(RequestState.ANSWERED);
    assertThat(after.resolvedBy()).contains("OPER1");
    assertThat(after.reply()).contains("done");
    assertThat(after.resolved()).contains(a.raised().plus(Duration.ofMinutes(3)));
    List<OperatorRequest> outstanding = store.read(r -> r.requests().outstanding("LIB1"));
    assertThat(outstanding).isEmpty();
  }

  @Test
  void aRequestSatisfiedByTheLibraryCannotBeAnsweredAfterwards() {
    OperatorRequest a = raise(RequestKind.EMPTY_IO_STATION, "Empty the I/O station.", Optional.empty());
    boolean[] results = store.write(tx -> {
      boolean satisfied = tx.requests().satisfy(a.number(), "I/O station emptied (6/28/01)");
      boolean answered = tx.requests().answer(a.number(), Optional.empty());
      boolean cancelled = tx.requests().cancel(a.number(), Optional.empty());
      tx.log(Messages.REQUEST_SATISFIED, a.number(), "I/O station emptied");
      return new boolean[] {satisfied, answered, cancelled};
    });
    assertThat(results).containsExactly(true, false, false);
    OperatorRequest after = store.read(r -> r.requests().find(a.number())).orElseThrow();
    assertThat(after.state()).isEqualTo(RequestState.SATISFIED);
    assertThat(after.resolvedBy()).isEmpty();
  }

  @Test
  void expiredRequestsAreFoundByTheirWaitTime() {
    OperatorRequest a = raise(RequestKind.INSERT_CARTRIDGES, "Insert.", Optional.of(Duration.ofMinutes(1)));
    raise(RequestKind.INSERT_CARTRIDGES, "Insert more.", Optional.of(Duration.ofMinutes(10)));
    raise(RequestKind.OTHER, "Forever.", Optional.empty());
    clock.advance(Duration.ofMinutes(5));
    List<OperatorRequest> expired = store.read(r -> r.requests().expired(r.now()));
    assertThat(expired).extracting(OperatorRequest::number).containsExactly(a.number());
    store.transact(tx -> {
      assertThat(tx.requests().cancel(a.number(), Optional.of("WAITTIME expired"))).isTrue();
      tx.log(Messages.REQUEST_CANCELLED, a.number(), "SERVER");
    });
    OperatorRequest after = store.read(r -> r.requests().find(a.number())).orElseThrow();
    assertThat(after.state()).isEqualTo(RequestState.CANCELLED);
    assertThat(after.reply()).contains("WAITTIME expired");
  }
}
