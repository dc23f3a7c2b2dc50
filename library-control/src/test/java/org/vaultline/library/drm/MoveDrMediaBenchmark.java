package org.vaultline.library.drm;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Benchmark (a main, not a test): pure state-only MOVE DRMEDIA transitions, COURIER → VAULT, for 10,000 volumes,
 * through the full per-volume path ({@link MoveDrMedia#apply}: request check, selection, move). No robot, no store.
 *
 * <p>Run: {@code java -cp library-control/target-x/classes:library-control/target-x/test-classes
 * org.vaultline.library.drm.MoveDrMediaBenchmark}.
 */
public final class MoveDrMediaBenchmark {
  private MoveDrMediaBenchmark() {}

  public static void main(String[] args) {
    int volumes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    List<DrmVolume> vols = new ArrayList<>(volumes);
    for (int i = 0; i < volumes; i++) {
      vols.add(DrmFixtures.volume(String.format("C%05dL6", i), DrmFixtures.copy("OFFSITE_COPY"), DrmState.COURIER));
    }
    MoveDrMedia request = MoveDrMedia.of("*").withWhereState(Optional.of(DrmState.COURIER))
        .withToState(Optional.of(DrmState.VAULT));
    DrmSettings settings = DrmSettings.defaults();
    ZonedDateTime now = DrmFixtures.NOW;
    long sink = 0;
    for (int warm = 0; warm < 20; warm++) {
      sink += run(request, vols, settings, now);
    }
    int rounds = 50;
    long[] times = new long[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      sink += run(request, vols, settings, now);
      times[r] = System.nanoTime() - t0;
    }
    java.util.Arrays.sort(times);
    long median = times[rounds / 2];
    System.out.printf("COURIER -> VAULT, %d volumes, state only (MoveDrMedia.apply per volume): median %.0f"
        + " transitions/s (%.2f ms per round), best %.0f/s, worst %.0f/s over %d rounds [%d]%n", volumes,
        volumes / (median / 1e9), median / 1e6, volumes / (times[0] / 1e9), volumes / (times[rounds - 1] / 1e9),
        rounds, sink % 7);
  }

  private static long run(MoveDrMedia request, List<DrmVolume> vols, DrmSettings settings, ZonedDateTime now) {
    long moved = 0;
    for (DrmVolume v : vols) {
      if (request.apply(v, settings, now) instanceof MoveOutcome.Moved m && m.to() == DrmState.VAULT) {
        moved++;
      }
    }
    if (moved != vols.size()) {
      throw new IllegalStateException("only " + moved + " of " + vols.size() + " moved");
    }
    return moved;
  }
}
