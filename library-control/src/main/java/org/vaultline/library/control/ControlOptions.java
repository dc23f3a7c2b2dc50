package org.vaultline.library.control;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.vaultline.library.inventory.InventoryOptions;
import org.vaultline.library.robot.MoveJournal;
import org.vaultline.library.robot.RobotClock;
import org.vaultline.library.robot.RobotOptions;

/**
 * How {@link LibraryControl} runs its libraries.
 *
 * @param serverName the source name of this server's paths ({@code DEFINE PATH server_name ...}); paths from
 *     other sources are kept but not used
 * @param zone the server's time zone, for QUERY ACTLOG's dates and the dates written in tape labels
 * @param clock the robot's time: retries, status polls and drive-ready waits (tests pass the emulator's
 *     virtual clock)
 * @param robot the robot's per-operation limits
 * @param inventory how element status is paged
 * @param attentionPoll while an operator request is outstanding, how often the changer is asked (TEST UNIT
 *     READY) so that its UNIT ATTENTION 6/28/01 (I/O station used) arrives, and how often REPLY and CANCEL
 *     REQUEST are looked for
 * @param rescanInterval how often the I/O station is read while a request is outstanding even without an
 *     attention, for libraries that give none
 * @param journalWrapper wraps the store's journal of every move (tracing; the crash tests stop the process at
 *     each step through it)
 */
public record ControlOptions(String serverName, ZoneId zone, RobotClock clock, RobotOptions robot,
    InventoryOptions inventory, Duration attentionPoll, Duration rescanInterval,
    UnaryOperator<MoveJournal> journalWrapper) {

  /** Server VAULTLINE, the system zone and clock, default robot and inventory options, polls of 2 s and 30 s. */
  public static final ControlOptions DEFAULT = new ControlOptions("VAULTLINE", ZoneId.systemDefault(),
      RobotClock.system(), RobotOptions.DEFAULT, InventoryOptions.DEFAULT, Duration.ofSeconds(2),
      Duration.ofSeconds(30), UnaryOperator.identity());

  public ControlOptions {
    Objects.requireNonNull(serverName, "serverName");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(robot, "robot");
    Objects.requireNonNull(inventory, "inventory");
    Objects.requireNonNull(attentionPoll, "attentionPoll");
    Objects.requireNonNull(rescanInterval, "rescanInterval");
    Objects.requireNonNull(journalWrapper, "journalWrapper");
    if (attentionPoll.isNegative() || attentionPoll.isZero() || rescanInterval.isNegative()
        || rescanInterval.isZero()) {
      throw new IllegalArgumentException("poll intervals are positive: " + attentionPoll + ", " + rescanInterval);
    }
  }

  public ControlOptions withServerName(String s) {
    return new ControlOptions(s, zone, clock, robot, inventory, attentionPoll, rescanInterval, journalWrapper);
  }

  public ControlOptions withZone(ZoneId z) {
    return new ControlOptions(serverName, z, clock, robot, inventory, attentionPoll, rescanInterval, journalWrapper);
  }

  public ControlOptions withClock(RobotClock c) {
    return new ControlOptions(serverName, zone, c, robot, inventory, attentionPoll, rescanInterval, journalWrapper);
  }

  public ControlOptions withRobot(RobotOptions r) {
    return new ControlOptions(serverName, zone, clock, r, inventory, attentionPoll, rescanInterval, journalWrapper);
  }

  public ControlOptions withInventory(InventoryOptions i) {
    return new ControlOptions(serverName, zone, clock, robot, i, attentionPoll, rescanInterval, journalWrapper);
  }

  public ControlOptions withPolls(Duration attention, Duration rescan) {
    return new ControlOptions(serverName, zone, clock, robot, inventory, attention, rescan, journalWrapper);
  }

  public ControlOptions withJournalWrapper(UnaryOperator<MoveJournal> w) {
    return new ControlOptions(serverName, zone, clock, robot, inventory, attentionPoll, rescanInterval, w);
  }
}
