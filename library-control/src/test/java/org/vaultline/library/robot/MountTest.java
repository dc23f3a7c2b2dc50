package org.vaultline.library.robot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaultline.emulator.UnitId;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.physical.Cartridge;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.emulator.physical.Label;
import org.vaultline.emulator.physical.MediaType;
import org.vaultline.library.inventory.EmulatorFixture;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.spc.TestUnitReady;
import org.vaultline.scsi.ssc.LoadUnload;
import org.vaultline.scsi.ssc.ReadPosition;

/** Mount and dismount for the tape layer on every emulated personality. */
class MountTest {

  static List<String> personalities() {
    return Personality.CATALOGUE;
  }

  private static ElementAddress slot(EmulatorFixture f, int i) {
    return f.address(ElementKind.STORAGE, i);
  }

  private static ElementAddress drive(EmulatorFixture f, int i) {
    return f.address(ElementKind.DATA_TRANSFER, i);
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void aVolumeMountedByVolserIsReadyForTheTapeLayerAndGoesBackHome(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "MNT001L5", "MNT002L5");
    Robot robot = f.robot().build();
    ElementAddress last = drive(f, f.lib.driveCount() - 1);

    MountedVolume m = robot.mount("MNT002", last);
    assertThat(m.volume()).contains("MNT002");
    assertThat(m.home()).isEqualTo(slot(f, 1));
    assertThat(m.drive()).isEqualTo(last);
    m.tape().execute(new TestUnitReady());
    assertThat(m.tape().execute(new ReadPosition()).firstLocation()).isZero();
    assertThat(f.cartridgeAt(last)).contains("MNT002L5");

    CompletedMove back = robot.dismount(last);
    assertThat(back.move().destination()).isEqualTo(slot(f, 1));
    assertThat(f.cartridgeAt(slot(f, 1))).contains("MNT002L5");
    assertThat(f.cartridgeAt(last)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void aDismountCanTakeTheCartridgeToAnotherSlot(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "MNT001L5");
    Robot robot = f.robot().build();
    robot.mount(slot(f, 0), drive(f, 0));
    robot.dismount(drive(f, 0), slot(f, 7));

    assertThat(f.cartridgeAt(slot(f, 7))).contains("MNT001L5");
    assertThat(f.cartridgeAt(slot(f, 0))).isEmpty();
  }

  /** A cartridge put into the drive bay by hand sits there unthreaded: the robot loads it. */
  @ParameterizedTest
  @MethodSource("personalities")
  void aCartridgeSittingUnloadedInADriveIsLoadedAndHasNoHomeToGoBackTo(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name);
    f.lib.operator().stock(drive(f, 0).value(), Cartridge.labelled("HND001L5", MediaType.LTO5));
    Robot robot = f.robot().build();

    MountedVolume m = robot.mount("HND001", drive(f, 0));
    assertThat(m.volume()).contains("HND001");
    assertThat(f.lib.commands().matching(c -> c.unit().equals(UnitId.drive(0)) && c.opcode() == LoadUnload.OPCODE
        && (c.cdb().bytes().get(4) & 1) == 1)).hasSize(1);
    m.tape().execute(new TestUnitReady());

    RobotException e = catchThrowableOfType(RobotException.class, () -> robot.dismount(drive(f, 0)));
    assertThat(e.reason()).isEqualTo(RobotException.Reason.INVALID_REQUEST);
    assertThat(e.getMessage()).contains("name a destination");
    robot.dismount(drive(f, 0), slot(f, 3));
    assertThat(f.cartridgeAt(slot(f, 3))).contains("HND001L5");
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void aVolumeThatIsNotThereOrOnTwoCartridgesIsNotMounted(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "MNT001L5");
    f.lib.operator().stock(slot(f, 1).value(), new Cartridge("SERIAL01", Optional.of(Label.of("DUP001L5")),
        MediaType.LTO5, false));
    f.lib.operator().stock(slot(f, 2).value(), new Cartridge("SERIAL02", Optional.of(Label.of("DUP001L5")),
        MediaType.LTO5, false));
    Robot robot = f.robot().build();

    assertThat(catchThrowableOfType(RobotException.class, () -> robot.mount("NOT001", drive(f, 0))).reason())
        .isEqualTo(RobotException.Reason.VOLUME_NOT_FOUND);
    RobotException dup = catchThrowableOfType(RobotException.class, () -> robot.mount("DUP001", drive(f, 0)));
    assertThat(dup.reason()).isEqualTo(RobotException.Reason.VOLUME_MISMATCH);
    assertThat(dup.getMessage()).contains("duplicate labels");
    assertThat(f.cartridgeAt(drive(f, 0))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void aFullDriveTakesNoSecondCartridge(String name) throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name, "MNT001L5", "MNT002L5");
    Robot robot = f.robot().build();
    robot.mount("MNT001", drive(f, 0));

    RobotException e = catchThrowableOfType(RobotException.class, () -> robot.mount("MNT002", drive(f, 0)));
    assertThat(e.reason()).isEqualTo(RobotException.Reason.DESTINATION_FULL);
    assertThat(e.getMessage()).contains("MNT001L5");
    assertThat(f.cartridgeAt(slot(f, 1))).contains("MNT002L5");
  }

  @Test
  void aDriveWithoutATapeDeviceCannotBeMountedAndNothingMoves() throws Exception {
    EmulatorFixture f = EmulatorFixture.of("stk-sl500", "MNT001L4");
    Robot robot = Robot.builder(f.reader()).clock(f.robotClock()).build();

    RobotException e = catchThrowableOfType(RobotException.class, () -> robot.mount("MNT001", drive(f, 0)));
    assertThat(e.reason()).isEqualTo(RobotException.Reason.NO_DRIVE_PATH);
    assertThat(f.cartridgeAt(slot(f, 0))).contains("MNT001L4");
  }

  /** The tape layer's own PREVENT MEDIUM REMOVAL on the drive is lifted before unloading. */
  @Test
  void aDriveLockedByPreventMediumRemovalIsUnlockedToDismount() throws Exception {
    EmulatorFixture f = EmulatorFixture.of("ibm-ts3100", "MNT001L5");
    Robot robot = f.robot().build();
    MountedVolume m = robot.mount("MNT001", drive(f, 0));
    m.tape().execute(org.vaultline.scsi.spc.PreventAllowMediumRemoval.preventRemoval());

    robot.dismount(drive(f, 0));
    assertThat(f.cartridgeAt(slot(f, 0))).contains("MNT001L5");
  }
}
