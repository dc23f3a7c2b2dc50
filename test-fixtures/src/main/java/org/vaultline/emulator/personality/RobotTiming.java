package org.vaultline.emulator.personality;

import java.time.Duration;

/**
 * How long the mechanics take (REFERENCE §1 "robot speeds"): one MOVE MEDIUM, the inventory of one
 * element (INITIALIZE ELEMENT STATUS), and one drive load or unload.
 */
public record RobotTiming(Duration move, Duration inventoryPerElement, Duration load) {
  public RobotTiming {
    if (move.isNegative() || inventoryPerElement.isNegative() || load.isNegative()) {
      throw new IllegalArgumentException("durations are not negative");
    }
  }

  /** Everything instant: for tests that do not care about time. */
  public static RobotTiming instant() {
    return new RobotTiming(Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  public Duration inventory(int elements) {
    return inventoryPerElement.multipliedBy(elements);
  }
}
