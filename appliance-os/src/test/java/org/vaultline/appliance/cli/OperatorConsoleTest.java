package org.vaultline.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.appliance.cli.OperatorConsole.Reply;
import org.vaultline.appliance.cli.ScsiCommandTest.Run;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.personality.RobotTiming;

/** The operator commands, against a standalone emulator started in process on a free port. */
class OperatorConsoleTest {
  @TempDir
  Path tmp;

  StandaloneEmulator emulator;
  StringWriter log = new StringWriter();
  OperatorConsole console;

  @BeforeEach
  void start() throws Exception {
    Personality p = Personality.named("hp-msl").withTiming(RobotTiming.instant());
    emulator = StandaloneEmulator.start(new StandaloneEmulator.Settings(p, InetAddress.getLoopbackAddress(), 0,
        Optional.of(tmp), "iqn.2024-01.org.vaultline:test", OptionalInt.empty(), List.of("A00001L6", "A00002L6"),
        Duration.ZERO), new PrintWriter(log, true));
    console = emulator.console();
  }

  @AfterEach
  void stop() {
    emulator.stop();
  }

  private String url(int lun) {
    return "iscsi://" + emulator.portal() + "/iqn.2024-01.org.vaultline:test/" + lun;
  }

  private Reply ok(String line) {
    Reply r = console.execute(line);
    assertThat(r.ok()).as(line + " -> " + r.text()).isTrue();
    return r;
  }

  private String error(String line) {
    Reply r = console.execute(line);
    assertThat(r.ok()).as(line).isFalse();
    assertThat(r.render()).startsWith("ERROR VLN");
    return r.text();
  }

  @Test
  void helpListsEveryCommand() {
    assertThat(ok("help").text()).contains("open-station", "close-station", "insert BARCODE", "--unlabelled",
        "remove ADDRESS|all", "power-cycle", "pause | resume", "fault UNIT KIND", "save", "quit");
  }

  @Test
  void repliesEndWithOkOrError() {
    assertThat(ok("open-station").render()).isEqualTo("I/O station 0 is open.\nOK\n");
    assertThat(console.execute("").render()).isEqualTo("OK\n");
    assertThat(console.execute("nonsense").render())
        .isEqualTo("ERROR VLN0360E Unknown operator command \"nonsense\"; type help for the list.\n");
  }

  @Test
  void insertingFillsTheStationCellByCellAndRemoveAllEmptiesIt() {
    ok("open-station");
    assertThat(ok("insert B00001L6").text()).isEqualTo("Inserted B00001L6 into I/O cell 0x01C0.");
    assertThat(ok("insert --unlabelled").text()).startsWith("Inserted [").endsWith("] into I/O cell 0x01C1.");
    assertThat(ok("insert B00003L6 --unreadable").text())
        .isEqualTo("Inserted B00003L6 into I/O cell 0x01C2 (label unreadable).");
    assertThat(error("insert B00004L6")).isEqualTo("VLN0362E Refused: I/O station 0 is full");
    assertThat(ok("remove 0x01C0").text()).isEqualTo("Removed B00001L6 from 0x01C0.");
    assertThat(ok("remove all").text()).startsWith("Removed 2 cartridge(s): [");
    assertThat(ok("remove all").text()).isEqualTo("The open I/O stations were empty.");
  }

  @Test
  void refusalsAndWrongSyntaxCarryMessageIds() {
    assertThat(error("insert B00001L6")).isEqualTo("VLN0362E Refused: open I/O station 0 before inserting");
    assertThat(error("remove all")).isEqualTo("VLN0362E Refused: no I/O station is open (open-station first)");
    assertThat(error("insert")).isEqualTo("VLN0361E Wrong syntax. The right form is: insert BARCODE [--unreadable] "
        + "| insert --unlabelled");
    assertThat(error("remove 0xZZ")).startsWith("VLN0361E Wrong syntax. The right form is: an element address");
    assertThat(error("open-station 7")).isEqualTo("VLN0362E Refused: no I/O station 7; the library has 1");
    assertThat(error("stock 0x0020 A00003L6")).startsWith("VLN0362E Refused: element 0x0020 already holds A00001L6");
    assertThat(error("fault changer")).startsWith("VLN0361E Wrong syntax. The right form is: fault UNIT KIND");
    assertThat(error("fault drive7 busy")).isEqualTo("VLN0362E Refused: no drive7; the library has 2 drive(s)");
    assertThat(error("fault changer explode")).contains("KIND is check-condition");
    assertThat(error("pause now")).isEqualTo("VLN0361E Wrong syntax. The right form is: pause");
  }

  @Test
  void operatorChangesAreSavedAtOnce() throws Exception {
    ok("open-station");
    ok("insert B00001L6");
    assertThat(Files.readString(tmp.resolve("library.state"))).contains("station 0 open")
        .contains("element 0x01C0 serial=B00001L6");
    ok("stock 0x0030 S00001L6");
    assertThat(Files.readString(tmp.resolve("library.state"))).contains("element 0x0030 serial=S00001L6");
    assertThat(ok("save").text()).isEqualTo("Saved the state to " + tmp.resolve("library.state") + ".");
  }

  @Test
  void aScriptedFaultReachesTheNextCommandOverIscsi() {
    assertThat(ok("fault changer check-condition 4/15/01 opcode=00").text()).startsWith("Scripted CheckCondition");
    Run r = ScsiCommandTest.run("scsi", "tur", url(0));
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).contains("CHECK CONDITION: HARDWARE ERROR").contains("[15/01]");
    assertThat(ScsiCommandTest.run("scsi", "tur", url(0)).status()).isZero();
  }

  @Test
  void aFaultOnADriveByLunNumber() {
    ScsiCommandTest.run("scsi", "tur", url(2)); // takes the power-on attention, which outranks the others
    ok("fault lun2 unit-attention 2A/01");
    Run r = ScsiCommandTest.run("scsi", "tur", url(2));
    assertThat(r.out()).contains("[2A/01]");
  }

  @Test
  void pauseMakesTheChangerNotReadyAndResumeRaisesNotReadyToReady() {
    ok("pause");
    Run paused = ScsiCommandTest.run("scsi", "tur", url(0));
    assertThat(paused.status()).isEqualTo(1);
    assertThat(paused.out()).contains("NOT READY").contains("[04/03]");
    ok("resume");
    Run resumed = ScsiCommandTest.run("scsi", "tur", url(0));
    assertThat(resumed.status()).isZero();
    assertThat(resumed.out()).contains("[28/00]");
  }

  @Test
  void powerCycleGivesEveryInitiatorPowerOnReset() {
    ScsiCommandTest.run("scsi", "tur", url(0));
    ok("power-cycle");
    assertThat(ScsiCommandTest.run("scsi", "tur", url(0)).out()).contains("[29/00]");
  }

  @Test
  void showAndLunsDescribeTheLibrary() {
    assertThat(ok("show").text()).contains("HP").contains("I/O station 0: closed").contains("A00001L6");
    assertThat(ok("luns").text()).contains("Portal: " + emulator.portal())
        .contains("LUN 0: medium changer").contains("LUN 2: tape drive 1 at element 0x01E1");
  }

  @Test
  void quitAsksTheEmulatorToStop() {
    Reply r = ok("quit");
    assertThat(r.quit()).isTrue();
    assertThat(emulator.isStopped()).isFalse();
    console.quit();
    assertThat(emulator.isStopped()).isTrue();
    assertThat(log.toString()).contains("VLN0352I Emulated library hp-msl stopped; state saved to");
  }
}
