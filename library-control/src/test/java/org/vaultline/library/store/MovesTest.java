package org.vaultline.library.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.scsi.smc.ElementAddress;

/** Move intents: recorded before the robot moves, finished after, settled at restart. */
class MovesTest {
  @TempDir Path dir;
  final MutableClock clock = new MutableClock();
  Store store;

  @BeforeEach
  void open() {
    store = TestStores.open(dir, clock);
    TestStores.defineLibrary(store, "LIB1");
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Move intend(Origin origin, String volume, int from, int to, MovePurpose purpose) {
    return store.write(origin, tx -> {
      Move m = tx.moves().intend(new MoveIntent("LIB1", Optional.of(volume), ElementAddress.of(from),
          ElementAddress.of(to), Optional.of(ElementAddress.of(1)), purpose));
      tx.log(Messages.MOVE_INTENDED, m.id(), "LIB1", volume, m.source(), m.destination());
      return m;
    });
  }

  @Test
  void anIntendedMoveIsUnfinishedUntilDone() {
    long process = store.write(tx -> {
      BackgroundProcess p = tx.processes().start("CHECKIN LIBVOLUME");
      tx.log(Messages.PROCESS_STARTED, p.number(), p.description());
      return p.number();
    });
    Move m = intend(Origin.process(process), "A00001", 0x1000, 0x100, MovePurpose.MOUNT);
    assertThat(m.state()).isEqualTo(MoveState.INTENDED);
    assertThat(m.process()).contains(process);
    assertThat(m.transport()).contains(ElementAddress.of(1));
    assertThat(m.purpose()).isEqualTo(MovePurpose.MOUNT);
    assertThat(m.finished()).isEmpty();
    List<Move> unfinished = store.read(r -> r.moves().unfinished("LIB1"));
    assertThat(unfinished).containsExactly(m);
    clock.advance(Duration.ofSeconds(12));
    Move done = store.write(tx -> {
      Move d = tx.moves().done(m.id());
      tx.log(Messages.MOVE_DONE, m.id(), "LIB1");
      return d;
    });
    assertThat(done.state()).isEqualTo(MoveState.DONE);
    assertThat(done.finished()).contains(m.intended().plus(Duration.ofSeconds(12)));
    List<Move> none = store.read(r -> r.moves().unfinished());
    assertThat(none).isEmpty();
  }

  @Test
  void aMoveNamingAProcessThatDoesNotExistIsRefused() {
    assertThatThrownBy(() -> intend(Origin.process(77), "A00001", 0x1000, 0x100, MovePurpose.MOUNT))
        .isInstanceOf(ConflictException.class).hasMessageContaining("FOREIGN KEY");
  }

  @Test
  void aFailedMoveKeepsItsReason() {
    Move m = intend(Origin.SERVER, "A00001", 0x1000, 0x100, MovePurpose.MOUNT);
    Move failed = store.write(tx -> {
      Move f = tx.moves().failed(m.id(), "ILLEGAL REQUEST: Medium destination element full [3B/0D]");
      tx.log(Messages.MOVE_FAILED, m.id(), "LIB1", f.outcome().orElseThrow());
      return f;
    });
    assertThat(failed.state()).isEqualTo(MoveState.FAILED);
    assertThat(failed.outcome()).hasValueSatisfying(o -> assertThat(o).contains("3B/0D"));
  }

  @Test
  void anUnfinishedMoveIsResolvedWhereTheLibrarySaysTheCartridgeIs() {
    Move m = intend(Origin.SERVER, "A00001", 0x1000, 0x10, MovePurpose.CHECKOUT);
    Move resolved = store.write(tx -> {
      Move r = tx.moves().resolved(m.id(), Optional.of(ElementAddress.of(0x10)), "cartridge in the I/O station");
      tx.log(Messages.MOVE_RESOLVED, m.id(), "LIB1", "A00001L6 at element 0x0010");
      return r;
    });
    assertThat(resolved.state()).isEqualTo(MoveState.RESOLVED);
    assertThat(resolved.foundAt()).contains(ElementAddress.of(0x10));
    assertThat(resolved.outcome()).contains("cartridge in the I/O station");
  }

  @Test
  void aMoveLeavesIntendedOnlyOnce() {
    Move m = intend(Origin.SERVER, "A00001", 0x1000, 0x100, MovePurpose.MOUNT);
    store.transact(tx -> {
      tx.moves().done(m.id());
      tx.log(Messages.MOVE_DONE, m.id(), "LIB1");
    });
    assertThatThrownBy(() -> store.transact(tx -> {
      tx.moves().failed(m.id(), "late");
      tx.log(Messages.MOVE_FAILED, m.id(), "LIB1", "late");
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("is not INTENDED: DONE");
    assertThatThrownBy(() -> store.transact(tx -> tx.moves().done(999))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no such move");
  }

  @Test
  void recentMovesComeNewestFirstAndUnfinishedOldestFirst() {
    Move a = intend(Origin.SERVER, "A00001", 0x1000, 0x100, MovePurpose.MOUNT);
    Move b = intend(Origin.SERVER, "A00002", 0x1001, 0x101, MovePurpose.MOUNT);
    Move c = intend(Origin.SERVER, "A00003", 0x1002, 0x102, MovePurpose.MOUNT);
    store.transact(tx -> {
      tx.moves().done(b.id());
      tx.log(Messages.MOVE_DONE, b.id(), "LIB1");
    });
    store.read(r -> {
      assertThat(r.moves().recent("LIB1", 2)).extracting(Move::id).containsExactly(c.id(), b.id());
      assertThat(r.moves().unfinished()).extracting(Move::id).containsExactly(a.id(), c.id());
      assertThat(r.moves().find(b.id())).map(Move::state).contains(MoveState.DONE);
      return null;
    });
  }
}
