package org.vaultline.appliance.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.appliance.auth.MutableClock;
import org.vaultline.library.store.OutboxLimits;
import org.vaultline.library.store.OutboxStatus;
import org.vaultline.library.store.StoreOptions;

/**
 * The outbox housekeeping the daemon schedules (every {@link Daemon.Parts#housekeeping()}): published events past
 * their keeping time leave the outbox, and an outbox filling up because the broker cannot be reached is announced
 * with VLN0010W and, past its limit, trimmed with VLN0011W. The store runs on a clock the test moves; housekeeping
 * runs every 50 ms of real time.
 */
class DaemonHousekeepingTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private DaemonFixture f;

  @AfterEach
  void stop() {
    if (f != null) {
      f.close();
    }
  }

  private DaemonFixture start(OutboxLimits limits, String... options) throws Exception {
    return new DaemonFixture(dir, Map.of(), p -> p
        .withStoreOptions(StoreOptions.DEFAULT.withClock(clock).withOutboxLimits(limits))
        .withHousekeeping(Duration.ofMillis(50))
        .withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(1)), options);
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still not " + what + " after " + WAIT);
      }
      Thread.sleep(20);
    }
  }

  private OutboxStatus outbox() {
    return f.daemon.store().outbox().status();
  }

  @Test
  void publishedEventsOlderThanTheKeepingTimeAreRemovedOnTheDaemonsSchedule() throws Exception {
    f = start(new OutboxLimits(1_000, Duration.ofDays(30), 0.8, Duration.ofHours(1)));
    f.defineLibrary();
    f.admin("checkin libvolume LIB1 search=yes status=scratch checklabel=barcode");
    await("published", () -> outbox().unpublished() == 0 && outbox().published() > 0);
    long published = outbox().published();

    clock.advance(Duration.ofMinutes(30)); // not yet past keepPublished: housekeeping keeps them
    long runs = housekeepingRuns();
    await("housekept twice more", () -> housekeepingRuns() >= runs + 2);
    assertThat(outbox().published()).isEqualTo(published);

    clock.advance(Duration.ofMinutes(31));
    await("removed", () -> outbox().published() == 0);
    assertThat(outbox().lastSeq()).as("seq goes on").isGreaterThanOrEqualTo(published);
    assertThat(f.admin("q libvol").body().path("rows")).hasSize(4);
  }

  @Test
  void anOutboxFillingUpWhileTheBrokerIsDownIsAnnouncedAndTrimmedWithItsMessageIds() throws Exception {
    int deadPort;
    try (ServerSocket s = new ServerSocket(0)) {
      deadPort = s.getLocalPort(); // nothing listens there once closed
    }
    f = start(new OutboxLimits(6, Duration.ofDays(30), 0.5, Duration.ofDays(7)),
        "MQTTBROKER tcp://127.0.0.1:" + deadPort);
    f.defineLibrary();
    f.admin("checkin libvolume LIB1 search=yes status=scratch checklabel=barcode");
    assertThat(outbox().lastSeq()).as("the check-in wrote events").isGreaterThan(6);

    await("warned and trimmed", () -> has(f.actlog(), "VLN0010W") && has(f.actlog(), "VLN0011W"));
    assertThat(f.actlog()).anyMatch(l -> l.startsWith("VLN0010W The event outbox holds")
        && l.contains("Check the MQTT broker connection"));
    assertThat(f.actlog()).anyMatch(l -> l.startsWith("VLN0011W Event outbox limit exceeded (6 events"));
    await("within its limit", () -> outbox().unpublished() <= 6);
    assertThat(outbox().discarded()).isPositive();
  }

  private static boolean has(List<String> actlog, String id) {
    return actlog.stream().anyMatch(l -> l.startsWith(id));
  }

  /** How many times the daemon's schedule has run housekeeping. */
  private long housekeepingRuns() {
    return f.daemon.housekeepingRuns();
  }
}
