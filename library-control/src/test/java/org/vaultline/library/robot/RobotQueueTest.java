package org.vaultline.library.robot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.library.inventory.EmulatorFixture;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.MoveMedium;
import org.vaultline.scsi.ssc.LoadUnload;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * One robot queue per library: drives rewind and unload side by side while MOVE MEDIUM goes one at a
 * time per medium transport. Concurrency is shown with latches (a command is held until the other
 * thread has got to a given point), never with sleeps or times.
 */
class RobotQueueTest {
  /** Bounds every hold, so that a broken robot fails the test instead of hanging it. */
  private static final long HOLD_SECONDS = 20;

  /** Runs a hook around each command on a transport. */
  private static final class Hooked implements ScsiTransport {
    interface Hook {
      void run(ScsiRequest r) throws TransportException;
    }

    private final ScsiTransport inner;
    private final Hook before;
    private final Hook after;

    Hooked(ScsiTransport inner, Hook before, Hook after) {
      this.inner = inner;
      this.before = before;
      this.after = after;
    }

    @Override
    public ScsiResult execute(ScsiRequest request) throws TransportException {
      before.run(request);
      try {
        return inner.execute(request);
      } finally {
        after.run(request);
      }
    }

    @Override
    public String describe() {
      return inner.describe();
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  private static boolean isUnload(ScsiRequest r) {
    return r.cdb().opcode() == LoadUnload.OPCODE && (r.cdb().bytes().get(4) & 1) == 0;
  }

  private static boolean isMove(ScsiRequest r) {
    return r.cdb().opcode() == MoveMedium.OPCODE;
  }

  /** Waits until {@code condition} holds (bounded); true when it did. */
  private static boolean await(BooleanSupplier condition) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(HOLD_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        return false;
      }
      Thread.onSpinWait();
      Thread.yield();
    }
    return true;
  }

  private static <T> List<T> inParallel(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      List<Future<T>> futures = new ArrayList<>();
      tasks.forEach(t -> futures.add(pool.submit(t)));
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get(60, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Libraries with more than one drive and one medium transport. */
  @ParameterizedTest
  @ValueSource(strings = {"stk-sl500", "hp-msl", "ibm-ts3500"})
  void twoDismountsUnloadTheirDrivesAtTheSameTimeAndMoveOneAfterTheOther(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "PAR001L5", "PAR002L5");
    AtomicBoolean armed = new AtomicBoolean();
    CountDownLatch unloads = new CountDownLatch(2);
    AtomicBoolean unloadsOverlapped = new AtomicBoolean(true);
    AtomicInteger movesInFlight = new AtomicInteger();
    AtomicInteger mostMovesInFlight = new AtomicInteger();
    AtomicBoolean firstMove = new AtomicBoolean(true);
    AtomicBoolean otherMoveWaited = new AtomicBoolean();
    AtomicReference<Robot> robotRef = new AtomicReference<>();
    f.wrapDrives(t -> new Hooked(t, r -> {
      if (armed.get() && isUnload(r)) {
        unloads.countDown();
        try {
          // each unload is held until the other drive's unload has started too
          unloadsOverlapped.compareAndSet(true, unloads.await(HOLD_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
          throw new TransportException("interrupted", e);
        }
      }
    }, r -> { }));
    f.wrapChanger(t -> new Hooked(t, r -> {
      if (armed.get() && isMove(r)) {
        mostMovesInFlight.accumulateAndGet(movesInFlight.incrementAndGet(), Math::max);
        if (firstMove.getAndSet(false)) {
          // while the first move is under way, the second dismount must be waiting for the robot
          otherMoveWaited.set(await(() -> robotRef.get().movesWaiting() == 1));
        }
      }
    }, r -> {
      if (armed.get() && isMove(r)) {
        movesInFlight.decrementAndGet();
      }
    }));
    Robot robot = f.robot().build();
    robotRef.set(robot);
    ElementAddress d0 = f.address(ElementKind.DATA_TRANSFER, 0);
    ElementAddress d1 = f.address(ElementKind.DATA_TRANSFER, 1);
    robot.mount("PAR001", d0);
    robot.mount("PAR002", d1);
    armed.set(true);

    List<CompletedMove> done = inParallel(List.of(() -> robot.dismount(d0), () -> robot.dismount(d1)));

    assertThat(unloads.getCount()).isZero();
    assertThat(unloadsOverlapped).isTrue();
    assertThat(otherMoveWaited).isTrue();
    assertThat(mostMovesInFlight.get()).isEqualTo(1);
    assertThat(done).hasSize(2);
    assertThat(f.cartridgeAt(f.address(ElementKind.STORAGE, 0))).contains("PAR001L5");
    assertThat(f.cartridgeAt(f.address(ElementKind.STORAGE, 1))).contains("PAR002L5");
    assertThat(robot.movesInFlight()).isZero();
    assertThat(robot.movesWaiting()).isZero();
  }

  /** The large library has two accessors: two moves go at once, one on each. */
  @Test
  void aLibraryWithTwoTransportsMakesTwoMovesAtOnce() throws Exception {
    EmulatorFixture f = EmulatorFixture.of("large", "TWO001L8", "TWO002L8");
    CountDownLatch moves = new CountDownLatch(2);
    AtomicBoolean overlapped = new AtomicBoolean(true);
    AtomicBoolean armed = new AtomicBoolean();
    f.wrapChanger(t -> new Hooked(t, r -> {
      if (armed.get() && isMove(r)) {
        moves.countDown();
        try {
          overlapped.compareAndSet(true, moves.await(HOLD_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
          throw new TransportException("interrupted", e);
        }
      }
    }, r -> { }));
    RecordingJournal journal = new RecordingJournal();
    Robot robot = f.robot().journal(journal).build();
    armed.set(true);

    inParallel(List.of(
        () -> robot.move(MoveRequest.of(f.address(ElementKind.STORAGE, 0), f.address(ElementKind.STORAGE, 10))),
        () -> robot.move(MoveRequest.of(f.address(ElementKind.STORAGE, 1), f.address(ElementKind.STORAGE, 11)))));

    assertThat(overlapped).isTrue();
    Set<ElementAddress> used = journal.intended.stream().map(PlannedMove::transport).collect(Collectors.toSet());
    assertThat(used).containsExactlyInAnyOrder(ElementAddress.of(1), ElementAddress.of(2));
    assertThat(f.cartridgeAt(f.address(ElementKind.STORAGE, 10))).contains("TWO001L8");
    assertThat(f.cartridgeAt(f.address(ElementKind.STORAGE, 11))).contains("TWO002L8");
  }

  /** Two moves to one slot: the queue serializes them and the second finds the slot full. */
  @Test
  void twoMovesToOneSlotAreMadeOneAfterTheOtherAndTheSecondIsRefused() throws Exception {
    EmulatorFixture f = EmulatorFixture.of("ibm-ts3100", "ONE001L5", "ONE002L5");
    Robot robot = f.robot().build();
    ElementAddress target = f.address(ElementKind.STORAGE, 5);
    List<Callable<String>> tasks = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      ElementAddress from = f.address(ElementKind.STORAGE, i);
      tasks.add(() -> {
        try {
          robot.move(MoveRequest.of(from, target));
          return "done";
        } catch (RobotException e) {
          return e.reason().name();
        }
      });
    }
    List<String> outcomes = inParallel(tasks);

    assertThat(outcomes).containsExactlyInAnyOrder("done", "DESTINATION_FULL");
    assertThat(f.lib.commands().matching(c -> c.opcode() == MoveMedium.OPCODE)).hasSize(1);
    assertThat(f.cartridgeAt(target)).isPresent();
  }
}
