package org.vaultline.library.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.library.inventory.EmulatorFixture;
import org.vaultline.library.store.OperatorRequest;
import org.vaultline.library.store.RequestKind;
import org.vaultline.library.store.RequestState;
import org.vaultline.scsi.smc.ElementAddress;

/**
 * Operator requests: numbered and listed, answered by REPLY, given up by CANCEL REQUEST or a wait time, and
 * satisfied by what the library shows (the I/O station emptied or filled, reported by UNIT ATTENTION 6/28/01;
 * a cartridge taken from a slot of a library without an I/O station, noticed by rescanning). Each request and its
 * end is an activity-log row and an outbox event.
 */
class OperatorRequestTest {
  @TempDir Path dir;

  /** The system clock, moved on by hand (wait times run on the store's clock). */
  static final class ShiftedClock extends Clock {
    final AtomicReference<Duration> shift = new AtomicReference<>(Duration.ZERO);

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(shift.get());
    }
  }

  /** hp-msl (3 I/O cells) with five volumes checked in. */
  private ControlFixture msl(ControlOptions options, Clock clock) {
    EmulatorFixture emulator = EmulatorFixture.of("hp-msl", "OPR001L5", "OPR002L5", "OPR003L5", "OPR004L5",
        "OPR005L5");
    ControlFixture f = ControlFixture.of(emulator, dir, options, clock).define(1);
    f.run("checkin libvolume LIB1 search=yes status=private checklabel=barcode");
    return f;
  }

  private ControlFixture msl() {
    return msl(ControlFixture.options(), Clock.systemUTC());
  }

  @Test
  void cancelRequestEndsTheWaitingCheckoutAndLeavesTheRestCheckedIn() throws Exception {
    try (ControlFixture f = msl()) {
      Future<CommandResult> out = f.start("checkout libvolume LIB1 vollist=OPR001,OPR002,OPR003,OPR004 checkl=no");
      OperatorRequest r = f.awaitRequest();
      assertThat(r.kind()).isEqualTo(RequestKind.EMPTY_IO_STATION);
      assertThat(r.text()).contains("OPR001L5").contains("OPR002L5").contains("OPR003L5");
      ResultTable q = f.run("query request").table().orElseThrow();
      assertThat(q.cell(0, "Request")).isEqualTo(String.format("%03d", r.number()));
      assertThat(q.cell(0, "Request Text")).isEqualTo(r.text());
      CommandResult cancel = f.run("cancel request " + r.number());
      assertThat(cancel.text()).startsWith("VLN0142I Request " + r.number() + " cancelled by ADMIN.");
      CommandResult done = out.get(30, TimeUnit.SECONDS);
      assertThat(done.has(264)).as(done.text()).isTrue();
      assertThat(done.text()).contains("VLN0250I CHECKOUT LIBVOLUME for library LIB1 completed: 3 volumes checked"
          + " out, 1 not.");
      assertThat(f.volume("OPR004")).isPresent();
      assertThat(f.store.read(x -> x.requests().find(r.number())).orElseThrow().state())
          .isEqualTo(RequestState.CANCELLED);
      assertThat(f.events()).anyMatch(e -> e.contains("request.cancelled"));
      assertThat(f.refused("cancel request " + r.number()).message().id().toString()).isEqualTo("VLN0260E");
    }
  }

  @Test
  void aReplyIsCheckedAgainstTheLibraryAndAskedAgainWhenTheStationIsStillFull() throws Exception {
    try (ControlFixture f = msl()) {
      Future<CommandResult> out = f.start("checkout libvolume LIB1 vollist=OPR001,OPR002,OPR003,OPR004 checkl=no");
      OperatorRequest first = f.awaitRequest();
      assertThat(f.run("reply " + first.number()).text()).startsWith("VLN0141I Request " + first.number()
          + " answered by ADMIN");
      ControlFixture.await("a second request", () -> f.outstanding().stream()
          .anyMatch(r -> r.number() != first.number()));
      OperatorRequest second = f.awaitRequest();
      assertThat(f.store.read(x -> x.requests().find(first.number())).orElseThrow().state())
          .isEqualTo(RequestState.ANSWERED);
      f.emptyStations();
      CommandResult done = out.get(30, TimeUnit.SECONDS);
      assertThat(done.hasErrors()).as(done.text()).isFalse();
      assertThat(f.store.read(x -> x.requests().find(second.number())).orElseThrow().state())
          .isEqualTo(RequestState.SATISFIED);
      assertThat(f.volume("OPR004")).isEmpty();
      assertThat(f.refused("reply " + second.number()).message().id().toString()).isEqualTo("VLN0260E");
    }
  }

  @Test
  void removeYesWaitsAtTheEndUntilTheOperatorHasTakenEverything() throws Exception {
    try (ControlFixture f = msl()) {
      Future<CommandResult> out = f.start("checkout libvolume LIB1 OPR001 remove=yes checklabel=no");
      OperatorRequest r = f.awaitRequest();
      assertThat(r.text()).contains("OPR001L5").contains("the check-out has ended");
      assertThat(out.isDone()).isFalse();
      f.emptyStations();
      assertThat(out.get(30, TimeUnit.SECONDS).hasErrors()).isFalse();
      assertThat(f.store.read(x -> x.requests().find(r.number())).orElseThrow().state())
          .isEqualTo(RequestState.SATISFIED);
    }
  }

  @Test
  void checkinSearchBulkAsksForCartridgesAndTakesThemWhenTheStationCloses() throws Exception {
    try (ControlFixture f = msl()) {
      Future<CommandResult> in = f.start("checkin libv LIB1 search=bulk stat=scr checkl=barcode waittime=5");
      OperatorRequest r = f.awaitRequest();
      assertThat(r.kind()).isEqualTo(RequestKind.INSERT_CARTRIDGES);
      assertThat(r.expires()).isPresent();
      f.insert("INS001L5", "INS002L5");
      CommandResult done = in.get(30, TimeUnit.SECONDS);
      assertThat(done.text()).contains("VLN0143I Request " + r.number() + " satisfied")
          .contains("2 volumes checked in");
      assertThat(f.volume("INS001")).isPresent();
      assertThat(f.volume("INS002")).isPresent();
    }
  }

  @Test
  void aNamedVolumeIsAskedForAndTheWaitTimeEndsTheRequest() throws Exception {
    ShiftedClock clock = new ShiftedClock();
    try (ControlFixture f = msl(ControlFixture.options(), clock)) {
      Future<CommandResult> in = f.start("checkin libvolume LIB1 NEW001 status=scratch checklabel=barcode waittime=2");
      OperatorRequest r = f.awaitRequest();
      assertThat(r.volume()).contains("NEW001");
      assertThat(r.text()).startsWith("Insert volume NEW001 into the I/O station of library LIB1");
      clock.shift.set(Duration.ofMinutes(3));
      CommandResult done = in.get(30, TimeUnit.SECONDS);
      assertThat(done.text()).contains("VLN0262W Request " + r.number() + " was not answered within its wait time"
          + " (2 minutes); cancelled.");
      assertThat(f.volume("NEW001")).isEmpty();
      assertThat(f.events()).anyMatch(e -> e.contains("request.expired"));
    }
  }

  @Test
  void withoutAnIoStationTheOperatorTakesTheCartridgeFromItsSlotAndARescanNoticesIt() throws Exception {
    Personality p = Personality.named("stk-sl500");
    p = p.withQuirks(p.quirks().withNoImportExport(true));
    EmulatorFixture emulator = EmulatorFixture.of(p, "NIO001L4");
    ControlOptions rescanning = ControlFixture.options().withPolls(Duration.ofMillis(10), Duration.ofMillis(50));
    try (ControlFixture f = ControlFixture.of(emulator, dir, rescanning).define(0)) {
      f.run("checkin libvolume LIB1 search=yes status=private checklabel=barcode");
      ElementAddress slot = f.volume("NIO001").orElseThrow().homeElement().orElseThrow();
      Future<CommandResult> out = f.start("checkout libvolume LIB1 NIO001 checklabel=no");
      OperatorRequest r = f.awaitRequest();
      assertThat(r.kind()).isEqualTo(RequestKind.REMOVE_FROM_SLOT);
      assertThat(r.text()).contains("element " + slot);
      emulator.lib.operator().takeOut(slot.value()); // no unit attention for this
      CommandResult done = out.get(30, TimeUnit.SECONDS);
      assertThat(done.hasErrors()).as(done.text()).isFalse();
      assertThat(f.volume("NIO001")).isEmpty();
      assertThat(f.store.read(x -> x.requests().find(r.number())).orElseThrow().state())
          .isEqualTo(RequestState.SATISFIED);
      List<String> log = f.actlog();
      assertThat(log).anyMatch(l -> l.startsWith("VLN0140I Request " + r.number()))
          .anyMatch(l -> l.startsWith("VLN0143I Request " + r.number()));
    }
  }

  @Test
  void requestsLeftByAStoppedServerAreCancelledWhenTheLibraryStartsAgain() throws Exception {
    try (ControlFixture f = msl()) {
      Future<CommandResult> out = f.start("checkout libvolume LIB1 vollist=OPR001,OPR002,OPR003,OPR004 checkl=no");
      OperatorRequest r = f.awaitRequest();
      out.cancel(true);
      ControlFixture.await("the checkout to stop", out::isDone);
      f.restart();
      f.control.library("LIB1");
      assertThat(f.outstanding()).isEmpty();
      assertThat(f.actlog()).anyMatch(l -> l.startsWith("VLN0233W Request " + r.number()));
      assertThat(f.addresses(ElementKind.IMPORT_EXPORT)).isNotEmpty();
    }
  }
}
