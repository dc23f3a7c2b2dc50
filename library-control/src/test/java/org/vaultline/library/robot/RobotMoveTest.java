package org.vaultline.library.robot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaultline.emulator.ReceivedCommand;
import org.vaultline.emulator.UnitId;
import org.vaultline.emulator.fault.Fault;
import org.vaultline.emulator.fault.Trigger;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.personality.Quirks;
import org.vaultline.emulator.personality.SenseCode;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.library.inventory.EmulatorFixture;
import org.vaultline.library.inventory.InterceptingTransport;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.MoveMedium;
import org.vaultline.scsi.ssc.LoadUnload;
import org.vaultline.scsi.ssc.Rewind;
import org.vaultline.scsi.transport.ScsiResult;

/**
 * Moves on every emulated personality: every direction, the order around drives, libraries that report
 * too early or pause, refusals and lost answers settled from element status, and the move journal.
 */
class RobotMoveTest {

  static List<String> personalities() {
    return Personality.CATALOGUE;
  }

  private static Personality withQuirks(String name, UnaryOperator<Quirks> q) {
    Personality p = Personality.named(name);
    return p.withQuirks(q.apply(p.quirks()));
  }

  private static ElementAddress slot(EmulatorFixture f, int i) {
    return f.address(ElementKind.STORAGE, i);
  }

  private static ElementAddress drive(EmulatorFixture f, int i) {
    return f.address(ElementKind.DATA_TRANSFER, i);
  }

  private static ElementAddress cell(EmulatorFixture f, int i) {
    return f.address(ElementKind.IMPORT_EXPORT, i);
  }

  private static List<ReceivedCommand> moves(EmulatorFixture f) {
    return f.lib.commands().matching(c -> c.unit().isChanger() && c.opcode() == MoveMedium.OPCODE);
  }

  private static MoveMedium decode(ReceivedCommand c) {
    try {
      return MoveMedium.fromCdb(c.cdb());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static boolean good(ReceivedCommand c) {
    return c.result().map(ScsiResult::isGood).orElse(false);
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void movesACartridgeInEveryDirectionAndJournalsEachMove(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "MOV001L5");
    RecordingJournal journal = new RecordingJournal();
    Robot robot = f.robot().journal(journal).build();
    List<ElementAddress> path = new ArrayList<>(List.of(slot(f, 0), slot(f, 1), drive(f, 0), cell(f, 0),
        drive(f, 0)));
    if (f.lib.driveCount() > 1) {
      path.add(drive(f, 1));
    }
    path.addAll(List.of(slot(f, 2), cell(f, 0), slot(f, 0)));

    for (int i = 1; i < path.size(); i++) {
      CompletedMove m = robot.move(MoveRequest.of(path.get(i - 1), path.get(i)).withVolume("MOV001"));
      assertThat(f.cartridgeAt(path.get(i))).as("after %s", m.move()).contains("MOV001L5");
      assertThat(f.cartridgeAt(path.get(i - 1))).isEmpty();
      assertThat(m.destination().barcode()).contains("MOV001L5");
      assertThat(m.source().full()).isFalse();
      assertThat(robot.inventory().element(path.get(i)).orElseThrow().full()).isTrue();
    }
    int n = path.size() - 1;
    List<String> expected = new ArrayList<>();
    for (int id = 1; id <= n; id++) {
      expected.addAll(List.of("intended " + id, "moving " + id, "completed " + id));
    }
    assertThat(journal.events).containsExactlyElementsOf(expected);
    assertThat(journal.intended).allMatch(p -> p.volume().equals(Optional.of("MOV001")));
    assertThat(f.lib.internalErrors()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void aCartridgeLeavesADriveOnlyAfterItIsRewoundAndUnloaded(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "MOV001L5");
    Robot robot = f.robot().build();
    robot.mount(slot(f, 0), drive(f, 0));
    f.lib.commands().clear();
    robot.dismount(drive(f, 0));

    List<ReceivedCommand> log = f.lib.commands().all();
    ReceivedCommand out = log.stream().filter(c -> c.unit().isChanger() && c.opcode() == MoveMedium.OPCODE)
        .filter(c -> decode(c).source().equals(drive(f, 0))).findFirst().orElseThrow();
    ReceivedCommand rewind = log.stream().filter(c -> c.unit().equals(UnitId.drive(0)) && c.opcode() == Rewind.OPCODE)
        .findFirst().orElseThrow();
    ReceivedCommand unload = log.stream().filter(c -> c.unit().equals(UnitId.drive(0))
        && c.opcode() == LoadUnload.OPCODE && (c.cdb().bytes().get(4) & 1) == 0).findFirst().orElseThrow();
    assertThat(rewind.sequence()).isLessThan(unload.sequence());
    assertThat(unload.sequence()).isLessThan(out.sequence());
    assertThat(good(rewind) && good(unload) && good(out)).isTrue();
    assertThat(f.cartridgeAt(slot(f, 0))).contains("MOV001L5");
  }

  /** The library answers 5/53/02 although the drive was unloaded: unload again, then move again. */
  @ParameterizedTest
  @MethodSource("personalities")
  void aDriveTheLibraryStillSaysHoldsItsCartridgeIsUnloadedAgainAndTheMoveRetried(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "MOV001L5");
    Robot robot = f.robot().build();
    robot.mount(slot(f, 0), drive(f, 0));
    f.lib.inject(UnitId.CHANGER, new Fault.CheckCondition(Trigger.opcode(MoveMedium.OPCODE),
        Sense.of(SenseKey.ILLEGAL_REQUEST, 0x53, 0x02)));
    f.lib.commands().clear();
    CompletedMove m = robot.dismount(drive(f, 0));

    assertThat(m.attempts()).isEqualTo(2);
    List<ReceivedCommand> moves = moves(f);
    assertThat(moves).hasSize(2);
    assertThat(good(moves.get(0))).isFalse();
    assertThat(good(moves.get(1))).isTrue();
    assertThat(f.lib.commands().matching(c -> c.unit().equals(UnitId.drive(0))
        && c.sequence() > moves.get(0).sequence() && c.sequence() < moves.get(1).sequence())).isNotEmpty();
    assertThat(f.cartridgeAt(slot(f, 0))).contains("MOV001L5");
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void aLoadedDriveWithoutAKnownTapeDeviceIsReportedAsKeepingItsCartridge(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "MOV001L5");
    f.robot().build().mount(slot(f, 0), drive(f, 0));
    RecordingJournal journal = new RecordingJournal();
    Robot blind = org.vaultline.library.robot.Robot.builder(f.reader()).clock(f.robotClock()).journal(journal).build();

    RobotException e = catchThrowableOfType(RobotException.class, () -> blind.dismount(drive(f, 0)));
    assertThat(e.reason()).isEqualTo(RobotException.Reason.REMOVAL_PREVENTED);
    assertThat(e.getMessage()).contains("no tape device is known").contains("53/02");
    assertThat(e.cartridgeAt()).contains(drive(f, 0));
    assertThat(journal.failures).singleElement().satisfies(x -> {
      assertThat(x.outcome()).isEqualTo(MoveFailure.Outcome.NOT_MOVED);
      assertThat(x.sense()).map(s -> s.asc()).contains(0x53);
    });
    assertThat(f.cartridgeAt(drive(f, 0))).contains("MOV001L5");
  }

  /** With the emulator's "move reported done before it is done": the journal hears of it only when it is. */
  @ParameterizedTest
  @MethodSource("personalities")
  void movesALibraryReportsDoneTooEarlyArePolledUntilElementStatusShowsThem(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(withQuirks(name, q -> q.withMoveReportedEarly(true)), "MOV001L5");
    RecordingJournal journal = new RecordingJournal();
    List<Boolean> arrived = new ArrayList<>();
    journal.onCompleted = c -> arrived.add(f.cartridgeAt(c.move().destination()).isPresent()
        && f.cartridgeAt(c.move().source()).isEmpty());
    Robot robot = f.robot().journal(journal).build();

    robot.move(MoveRequest.of(slot(f, 0), slot(f, 1)));
    MountedVolume mounted = robot.mount(slot(f, 1), drive(f, 0));
    robot.dismount(drive(f, 0), cell(f, 0));
    robot.move(MoveRequest.of(cell(f, 0), slot(f, 0)));

    assertThat(arrived).containsExactly(true, true, true, true);
    assertThat(journal.completed).allMatch(c -> c.statusPolls() > 1);
    // the drive was still threading the tape when the robot was done: TEST UNIT READY waited it out
    assertThat(f.lib.commands().matching(c -> c.unit().equals(UnitId.drive(0)) && c.opcode() == 0x00
        && c.result().filter(ScsiResult::isCheckCondition).isPresent()
        && senseOf(c).is(SenseKey.NOT_READY, 0x04, 0x01))).isNotEmpty();
    assertThat(mounted.volume()).contains("MOV001");
    assertThat(f.cartridgeAt(slot(f, 0))).contains("MOV001L5");
  }

  /** IBM 2/04/85 (library paused) is waited out; 2/04/03 (manual intervention) fails with the sense. */
  @ParameterizedTest
  @MethodSource("personalities")
  void aPausedLibraryIsWaitedForWhenItSaysPausedAndReportedWhenItNeedsAnOperator(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "MOV001L5");
    Robot robot = f.robot().build();
    boolean ibm = f.personality.quirks().pausedSense().asc() == 0x04
        && f.personality.quirks().pausedSense().ascq() == 0x85;
    f.lib.operator().pause();
    if (ibm) {
      f.afterSleep.add(() -> {
        if (f.lib.physical().isPaused()) {
          f.lib.operator().resume();
        }
      });
      robot.move(MoveRequest.of(slot(f, 0), slot(f, 1)));
      assertThat(f.cartridgeAt(slot(f, 1))).contains("MOV001L5");
      assertThat(f.lib.commands().matching(c -> c.result().filter(r -> r.isCheckCondition()).isPresent()
          && senseOf(c).is(SenseKey.NOT_READY, 0x04, 0x85))).isNotEmpty();
    } else {
      RobotException e = catchThrowableOfType(RobotException.class,
          () -> robot.move(MoveRequest.of(slot(f, 0), slot(f, 1))));
      assertThat(e.reason()).isEqualTo(RobotException.Reason.NOT_READY);
      assertThat(e.getMessage()).contains("not ready").contains("04/03");
      assertThat(moves(f)).isEmpty();
      f.lib.operator().resume();
      robot.move(MoveRequest.of(slot(f, 0), slot(f, 1)));
      assertThat(f.cartridgeAt(slot(f, 1))).contains("MOV001L5");
    }
  }

  private static Sense senseOf(ReceivedCommand c) {
    try {
      return Sense.parse(c.result().orElseThrow().sense());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void aUnitAttentionOnMoveMediumIsRetriedAndTheMoveMadeOnce(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "MOV001L5");
    Robot robot = f.robot().build();
    f.attentionListeners.add(robot::unitAttention);
    f.lib.inject(UnitId.CHANGER, new Fault.UnitAttention(Trigger.opcode(MoveMedium.OPCODE), 0x29, 0x00));
    CompletedMove m = robot.move(MoveRequest.of(slot(f, 0), slot(f, 1)));

    assertThat(m.attempts()).isEqualTo(1);
    assertThat(moves(f)).hasSize(2);
    assertThat(moves(f).stream().filter(RobotMoveTest::good)).hasSize(1);
    assertThat(robot.isStale()).isTrue();
    assertThat(f.cartridgeAt(slot(f, 1))).contains("MOV001L5");
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void anEmptySourceAFullDestinationOrAnotherVolumeAreRefusedBeforeTheRobotMoves(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "MOV001L5", "MOV002L5");
    RecordingJournal journal = new RecordingJournal();
    Robot robot = f.robot().journal(journal).build();

    RobotException empty = catchThrowableOfType(RobotException.class,
        () -> robot.move(MoveRequest.of(slot(f, 2), slot(f, 3)).withVolume("MOV002")));
    assertThat(empty.reason()).isEqualTo(RobotException.Reason.SOURCE_EMPTY);
    assertThat(empty.cartridgeAt()).contains(slot(f, 1));
    assertThat(empty.getMessage()).contains("is empty").contains("MOV002 at " + slot(f, 1));

    RobotException full = catchThrowableOfType(RobotException.class,
        () -> robot.move(MoveRequest.of(slot(f, 0), slot(f, 1))));
    assertThat(full.reason()).isEqualTo(RobotException.Reason.DESTINATION_FULL);
    assertThat(full.getMessage()).contains("MOV002L5");
    assertThat(full.cartridgeAt()).contains(slot(f, 0));

    RobotException other = catchThrowableOfType(RobotException.class,
        () -> robot.move(MoveRequest.of(slot(f, 0), slot(f, 3)).withVolume("MOV002")));
    assertThat(other.reason()).isEqualTo(RobotException.Reason.VOLUME_MISMATCH);
    assertThat(other.cartridgeAt()).contains(slot(f, 1));

    assertThat(moves(f)).isEmpty();
    assertThat(journal.events).isEmpty();
  }

  /** 5/3B/0E and 5/3B/0D from the library itself: element status is read, the cartridge is where it says. */
  @ParameterizedTest
  @MethodSource("personalities")
  void sourceEmptyOrDestinationFullAnsweredByTheLibraryIsSettledFromElementStatus(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "MOV001L5");
    RecordingJournal journal = new RecordingJournal();
    Robot robot = f.robot().journal(journal).build();

    for (int ascq : new int[] {0x0E, 0x0D}) {
      f.lib.inject(UnitId.CHANGER, new Fault.CheckCondition(Trigger.opcode(MoveMedium.OPCODE),
          Sense.of(SenseKey.ILLEGAL_REQUEST, 0x3B, ascq)));
      RobotException e = catchThrowableOfType(RobotException.class,
          () -> robot.move(MoveRequest.of(slot(f, 0), slot(f, 2))));
      assertThat(e.reason()).isEqualTo(ascq == 0x0E ? RobotException.Reason.SOURCE_EMPTY
          : RobotException.Reason.DESTINATION_FULL);
      assertThat(e.cartridgeAt()).contains(slot(f, 0));
      assertThat(e.getMessage()).contains(String.format("3B/%02X", ascq)).contains("the library shows the cartridge at "
          + slot(f, 0));
      assertThat(e.sense()).map(s -> s.ascq()).contains(ascq);
    }
    assertThat(journal.events).containsExactly("intended 1", "moving 1", "failed 1 NOT_MOVED", "intended 2",
        "moving 2", "failed 2 NOT_MOVED");
    assertThat(f.cartridgeAt(slot(f, 0))).contains("MOV001L5");
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void aMoveWhoseAnswerWasLostIsSettledFromElementStatus(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "MOV001L5");
    RecordingJournal journal = new RecordingJournal();
    Robot robot = f.robot().journal(journal).build();

    f.lib.inject(UnitId.CHANGER, new Fault.Stall(Trigger.opcode(MoveMedium.OPCODE), true));
    CompletedMove made = robot.move(MoveRequest.of(slot(f, 0), slot(f, 1)));
    assertThat(made.note()).hasValueSatisfying(n -> assertThat(n).contains("element status shows the move made"));
    assertThat(f.cartridgeAt(slot(f, 1))).contains("MOV001L5");

    f.lib.inject(UnitId.CHANGER, new Fault.Stall(Trigger.opcode(MoveMedium.OPCODE), false));
    RobotException e = catchThrowableOfType(RobotException.class,
        () -> robot.move(MoveRequest.of(slot(f, 1), slot(f, 2))));
    assertThat(e.reason()).isEqualTo(RobotException.Reason.OUTCOME_UNKNOWN);
    assertThat(e.cartridgeAt()).contains(slot(f, 1));
    assertThat(journal.failures).singleElement()
        .satisfies(x -> assertThat(x.outcome()).isEqualTo(MoveFailure.Outcome.NOT_MOVED));
    assertThat(journal.events).containsExactly("intended 1", "moving 1", "completed 1", "intended 2", "moving 2",
        "failed 2 NOT_MOVED");
  }

  /** A MOVE MEDIUM timeout shorter than the robot's move: the command ends, the move stands. */
  @ParameterizedTest
  @MethodSource("personalities")
  void theMoveTimeoutEndsTheCommandAndElementStatusSaysWhatHappened(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "MOV001L5");
    Robot robot = f.robot().options(RobotOptions.DEFAULT.withMoveTimeout(Duration.ofSeconds(1))).build();
    CompletedMove m = robot.move(MoveRequest.of(slot(f, 0), slot(f, 1)));

    assertThat(m.note()).hasValueSatisfying(n -> assertThat(n).contains("timed out"));
    assertThat(moves(f)).singleElement().satisfies(c -> assertThat(c.transportFailure()).isPresent());
    assertThat(f.cartridgeAt(slot(f, 1))).contains("MOV001L5");
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void aMoveTheLibraryNeverFinishesFailsAfterTheCompletionTimeout(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "MOV001L5").wrapChanger(t -> new InterceptingTransport(t,
        req -> req.cdb().opcode() == MoveMedium.OPCODE ? Optional.of(ScsiResult.good()) : Optional.empty()));
    RecordingJournal journal = new RecordingJournal();
    Robot robot = f.robot().journal(journal).options(RobotOptions.DEFAULT.withCompletionTimeout(Duration.ofSeconds(90)))
        .build();

    RobotException e = catchThrowableOfType(RobotException.class,
        () -> robot.move(MoveRequest.of(slot(f, 0), slot(f, 1))));
    assertThat(e.reason()).isEqualTo(RobotException.Reason.NOT_COMPLETED);
    assertThat(e.cartridgeAt()).contains(slot(f, 0));
    assertThat(journal.failures).singleElement()
        .satisfies(x -> assertThat(x.outcome()).isEqualTo(MoveFailure.Outcome.NOT_MOVED));
  }

  static Stream<Arguments> refusals() {
    List<Arguments> out = new ArrayList<>();
    for (String p : Personality.CATALOGUE) {
      out.add(Arguments.of(p, "4/15/01", RobotException.Reason.REFUSED));
      out.add(Arguments.of(p, "5/21/01", RobotException.Reason.NO_SUCH_ELEMENT));
      out.add(Arguments.of(p, "5/3B/82", RobotException.Reason.NO_SUCH_ELEMENT));
      out.add(Arguments.of(p, "2/04/8E", RobotException.Reason.NOT_READY));
      out.add(Arguments.of(p, "2/3A/00", RobotException.Reason.NOT_READY));
    }
    return out.stream();
  }

  /** REFERENCE §1 "sense codes to handle explicitly", as answers to MOVE MEDIUM. */
  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("refusals")
  void aRefusedMoveSaysWhyAndWhereTheCartridgeIs(String name, String sense, RobotException.Reason reason)
      throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "MOV001L5");
    RecordingJournal journal = new RecordingJournal();
    Robot robot = f.robot().journal(journal).build();
    f.lib.inject(UnitId.CHANGER, new Fault.CheckCondition(Trigger.opcode(MoveMedium.OPCODE),
        SenseCode.parse(sense).toSense()));

    RobotException e = catchThrowableOfType(RobotException.class,
        () -> robot.move(MoveRequest.of(slot(f, 0), slot(f, 1))));
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.getMessage()).contains(sense.substring(2))
        .contains("the library shows the cartridge at " + slot(f, 0));
    assertThat(e.cartridgeAt()).contains(slot(f, 0));
    assertThat(journal.events).containsExactly("intended 1", "moving 1", "failed 1 NOT_MOVED");
    assertThat(moves(f)).hasSize(1);
  }

  @Test
  void anEmptyDriveBayOrATransportIsNoPlaceToMoveTo() throws Exception {
    EmulatorFixture f = EmulatorFixture.of("ibm-ts3500", "MOV001L6");
    Robot robot = f.robot().build();

    RobotException gap = catchThrowableOfType(RobotException.class,
        () -> robot.move(MoveRequest.of(slot(f, 0), ElementAddress.of(0x105))));
    assertThat(gap.reason()).isEqualTo(RobotException.Reason.NO_SUCH_ELEMENT);
    assertThatThrownBy(() -> robot.move(MoveRequest.of(slot(f, 0), ElementAddress.of(0x0001))))
        .isInstanceOf(RobotException.class).hasMessageContaining("medium transport");
    assertThatThrownBy(() -> robot.move(MoveRequest.of(slot(f, 0), slot(f, 0))))
        .isInstanceOf(RobotException.class).hasMessageContaining("same element");
    assertThat(moves(f)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void aLibraryWithoutIoStationHasNoCellToExportTo(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(withQuirks(name, q -> q.withNoImportExport(true)), "MOV001L5");
    Robot robot = f.robot().build();
    RobotException e = catchThrowableOfType(RobotException.class,
        () -> robot.move(MoveRequest.of(slot(f, 0), cell(f, 0))));

    assertThat(e.reason()).isEqualTo(RobotException.Reason.NO_SUCH_ELEMENT);
    assertThat(e.getMessage()).contains("exposes no I/O station");
    assertThat(moves(f)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void anOpenIoStationIsOutOfReachAndAClosedOnesCartridgeIsImported(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "MOV001L5");
    Robot robot = f.robot().build();
    f.attentionListeners.add(robot::unitAttention);
    f.lib.operator().openStation();

    RobotException e = catchThrowableOfType(RobotException.class,
        () -> robot.move(MoveRequest.of(slot(f, 0), cell(f, 0))));
    assertThat(e.reason()).isEqualTo(RobotException.Reason.NOT_ACCESSIBLE);
    assertThat(e.getMessage()).contains("I/O station is open");
    assertThat(robot.isStale()).isTrue();

    f.lib.operator().insert("IMP001L5");
    f.lib.operator().closeStation();
    CompletedMove in = robot.move(MoveRequest.of(cell(f, 0), slot(f, 5)).withVolume("IMP001"));
    assertThat(in.move().volume()).contains("IMP001");
    assertThat(f.cartridgeAt(slot(f, 5))).contains("IMP001L5");
    assertThat(moves(f)).hasSize(1);
  }

  @Test
  void aJournalThatCannotRecordTheIntentStopsTheMoveBeforeItIsSent() throws Exception {
    EmulatorFixture f = EmulatorFixture.of("hp-msl", "MOV001L5");
    Robot robot = f.robot().build();
    MoveJournal broken = new MoveJournal() {
      @Override
      public long intended(PlannedMove move) {
        throw new IllegalStateException("disk full");
      }

      @Override
      public void completed(long id, CompletedMove move) {
      }

      @Override
      public void failed(long id, MoveFailure failure) {
      }
    };
    RobotException e = catchThrowableOfType(RobotException.class,
        () -> robot.move(MoveRequest.of(slot(f, 0), slot(f, 1)), broken));
    assertThat(e.reason()).isEqualTo(RobotException.Reason.JOURNAL);
    assertThat(e.getMessage()).contains("disk full");
    assertThat(moves(f)).isEmpty();
    assertThat(robot.movesInFlight()).isZero();
  }
}
