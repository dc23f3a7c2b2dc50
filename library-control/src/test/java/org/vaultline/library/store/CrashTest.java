package org.vaultline.library.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM ({@link CrashWriter}) writes to a real store file and is killed with SIGKILL at an
 * arbitrary moment, several times over. After every kill the store opens, and every committed state
 * change has exactly its activity-log and outbox rows, none without; outbox seqs run 1..n without gaps.
 */
class CrashTest {
  private static final int ROUNDS = 5;

  @TempDir Path dir;

  @Test
  void sigkillAtAnyMomentLeavesEveryCommittedChangeWithItsLogAndEventsAndNothingElse() throws Exception {
    Path db = dir.resolve("vaultline.db");
    Random random = new Random(20260503);
    long printedTotal = -1;
    for (int round = 0; round < ROUNDS; round++) {
      long lastPrinted = runAndKill(db, round, 20 + random.nextInt(60), random.nextInt(40));
      printedTotal = Math.max(printedTotal, lastPrinted);
      try (Store store = Store.open(db)) {
        long volumes = checkConsistent(store);
        assertThat(volumes - 1).as("every printed check-in was committed (round %d)", round)
            .isGreaterThanOrEqualTo(printedTotal);
        assertThat(volumes - 1).as("at most the one check-in after the last print (round %d)", round)
            .isLessThanOrEqualTo(printedTotal + 1);
      }
    }
  }

  /**
   * Starts the writer, waits for {@code minCommits} printed commits and a further pause, then SIGKILLs it.
   * The child's output goes to a file, not a pipe: Process.destroyForcibly closes the pipe and would lose
   * lines the child had written before it died.
   */
  private long runAndKill(Path db, int round, int minCommits, int pauseMillis) throws Exception {
    Path stdout = dir.resolve("writer-" + round + ".out");
    Path stderr = dir.resolve("writer-" + round + ".err");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process p = new ProcessBuilder(java, "-cp", classpath, CrashWriter.class.getName(), db.toString())
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile())
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (commits(stdout).size() < minCommits && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(p.isAlive()).as("writer still running; stderr: %s", read(stderr)).isTrue();
    assertThat(commits(stdout)).as("writer made progress; stderr: %s", read(stderr)).hasSizeGreaterThanOrEqualTo(
        minCommits);
    Thread.sleep(pauseMillis);
    p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks, no close()
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
    List<Long> commits = commits(stdout);
    return commits.get(commits.size() - 1);
  }

  /** The check-ins the writer has reported so far (complete lines only). */
  private static List<Long> commits(Path stdout) throws IOException {
    if (!Files.exists(stdout)) {
      return List.of();
    }
    String text = Files.readString(stdout, StandardCharsets.UTF_8);
    int end = text.lastIndexOf('\n');
    return end < 0 ? List.of() : text.substring(0, end).lines().filter(l -> l.startsWith("C "))
        .map(l -> Long.parseLong(l.substring(2))).toList();
  }

  /** Asserts the invariants; returns the number of volumes. */
  private static long checkConsistent(Store store) {
    return store.read(r -> {
      Db db = r.db();
      assertThat(db.query("PRAGMA integrity_check", row -> row.string("integrity_check"))).containsExactly("ok");
      assertThat(db.query("PRAGMA foreign_key_check", row -> row.getLong(1))).isEmpty();

      // check-ins: volumes 0..n-1 without holes, each with its element, one VLN0110I and one event
      long volumes = db.queryLong("SELECT count(*) FROM library_volume");
      assertThat(volumes).isPositive();
      assertThat(db.queryLong("SELECT max(CAST(substr(volume, 2) AS INTEGER)) FROM library_volume"))
          .isEqualTo(volumes - 1);
      assertThat(db.queryLong("SELECT count(*) FROM element")).isEqualTo(volumes);
      assertThat(db.queryLong("SELECT count(*) FROM library_volume v JOIN element e ON e.library = v.library"
          + " AND e.address = v.home_element AND e.barcode = v.barcode")).isEqualTo(volumes);
      assertThat(db.queryLong("SELECT count(*) FROM activity_log WHERE msg_number = 110")).isEqualTo(volumes);
      assertThat(db.queryLong("SELECT count(DISTINCT v.volume) FROM library_volume v JOIN activity_log a"
          + " ON a.msg_number = 110 AND a.text LIKE 'Volume ' || v.volume || ' %'")).isEqualTo(volumes);
      assertThat(db.queryLong("SELECT count(*) FROM outbox WHERE json_extract(payload, '$.type') = 'volume.checkedin'"))
          .isEqualTo(volumes);
      assertThat(db.queryLong("SELECT count(DISTINCT v.volume) FROM library_volume v JOIN outbox o"
          + " ON json_extract(o.payload, '$.volume') = v.volume AND json_extract(o.payload, '$.type') = 'volume.checkedin'"))
          .isEqualTo(volumes);

      // moves: each intent has its VLN0120I and event; each DONE its VLN0121I and event; INTENDED ones
      // (killed between the two transactions) have only the first
      long moves = db.queryLong("SELECT count(*) FROM move");
      long done = db.queryLong("SELECT count(*) FROM move WHERE state = 'DONE'");
      assertThat(db.queryLong("SELECT count(*) FROM move WHERE state NOT IN ('INTENDED', 'DONE')")).isZero();
      assertThat(moves - done).as("at most one move interrupted per kill").isLessThanOrEqualTo(ROUNDS);
      assertThat(db.queryLong("SELECT count(*) FROM activity_log WHERE msg_number = 120")).isEqualTo(moves);
      assertThat(db.queryLong("SELECT count(*) FROM activity_log WHERE msg_number = 121")).isEqualTo(done);
      assertThat(db.queryLong("SELECT count(*) FROM outbox WHERE json_extract(payload, '$.type') = 'move.intended'"))
          .isEqualTo(moves);
      assertThat(db.queryLong("SELECT count(*) FROM outbox WHERE json_extract(payload, '$.type') = 'move.done'"))
          .isEqualTo(done);
      assertThat(db.queryLong("SELECT count(*) FROM move m WHERE m.state = 'DONE' AND NOT EXISTS (SELECT 1 FROM outbox o"
          + " WHERE json_extract(o.payload, '$.type') = 'move.done' AND json_extract(o.payload, '$.move') = m.id)"))
          .isZero();

      // status changes
      long updated = db.queryLong("SELECT count(*) FROM library_volume WHERE status = 'PRIVATE'");
      assertThat(db.queryLong("SELECT count(*) FROM activity_log WHERE msg_number = 112")).isEqualTo(updated);
      assertThat(db.queryLong("SELECT count(*) FROM outbox WHERE json_extract(payload, '$.type') = 'volume.updated'"))
          .isEqualTo(updated);

      // outbox: seq 1..n, no gaps, nothing else in it; the sequence counter agrees
      long events = db.queryLong("SELECT count(*) FROM outbox");
      assertThat(events).isEqualTo(volumes + moves + done + updated);
      assertThat(db.queryLong("SELECT min(seq) FROM outbox")).isEqualTo(1);
      assertThat(db.queryLong("SELECT max(seq) FROM outbox")).isEqualTo(events);
      assertThat(db.queryLong("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")).isEqualTo(events);
      List<Long> seqs = db.query("SELECT seq FROM outbox ORDER BY created, seq", row -> row.getLong(1));
      assertThat(seqs).as("seq order is commit order").isSorted();

      // the activity log holds nothing else but the library definition and one row per schema migration
      long others = db.queryLong("SELECT count(*) FROM activity_log WHERE msg_number NOT IN (1, 110, 112, 120, 121)");
      assertThat(others).isEqualTo(1);
      assertThat(db.queryLong("SELECT count(*) FROM activity_log WHERE msg_number = 1"))
          .isEqualTo(db.queryLong("SELECT count(*) FROM schema_version"));
      return volumes;
    });
  }

  private static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }
}
