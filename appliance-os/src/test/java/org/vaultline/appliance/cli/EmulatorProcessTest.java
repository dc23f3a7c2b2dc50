package org.vaultline.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.appliance.cli.ScsiCommandTest.Run;

/**
 * {@code vaultline emulator} as a real process on a free port: {@code vaultline scsi} against it over iSCSI,
 * the operator over the operator port, SIGTERM and kill -9 with the state directory, and libiscsi's tools
 * as a client we did not write.
 */
class EmulatorProcessTest {
  @TempDir
  Path tmp;

  private static Run run(String... args) {
    return ScsiCommandTest.run(args);
  }

  private EmulatorProcess start(Path stateDir, String... more) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("--personality", "ibm-ts3100", "--port", "0",
        "--operator-port", "0", "--move-time", "PT0S", "--load-time", "PT0S", "--inventory-time", "PT0S"));
    if (stateDir != null) {
      args.add("--state-dir");
      args.add(stateDir.toString());
    }
    args.addAll(List.of(more));
    return EmulatorProcess.start(args.toArray(String[]::new));
  }

  @Test
  void bannerGivesPortalIqnLunMapAndState() throws Exception {
    try (EmulatorProcess e = start(tmp.resolve("state"), "--stock", "A00001L5,A00002L5")) {
      String out = e.output();
      assertThat(out).contains("VLN0350I Emulated library ibm-ts3100 started: IBM TS3100")
          .contains("IQN: iqn.2024-01.org.vaultline:emulator.ibm-ts3100\n")
          .contains("LUN 0: medium changer IBM 3573-TL F.11, serial 00L4U78A5815_LL0  " + e.url(0) + "\n")
          .contains("LUN 1: tape drive 0 at element 0x0100, IBM ULT3580-TD5 H971, serial ")
          .contains("State: " + tmp.resolve("state").resolve("library.state") + " (new library, 2 cartridges)");
      assertThat(e.operatorPort).isPositive();
    }
  }

  @Test
  void scsiCommandsWorkOverIscsiAgainstTheEmulatorProcess() throws Exception {
    try (EmulatorProcess e = start(null, "--stock", "A00001L5,A00002L5")) {
      Run inq = run("scsi", "inquiry", e.url(0));
      assertThat(inq.status()).as(inq.err()).isZero();
      assertThat(inq.out()).contains("IBM 3573-TL F.11, changer").contains("Unit serial number (VPD page 80h): 00L4U78A5815_LL0");

      Run tur = run("scsi", "tur", e.url(0));
      assertThat(tur.status()).isZero();
      assertThat(tur.out()).endsWith("TEST UNIT READY: GOOD, the device is ready\n");

      Run drive = run("scsi", "tur", e.url(1));
      assertThat(drive.status()).isEqualTo(1);
      assertThat(drive.out()).contains("NOT READY: Medium not present");

      Run elements = run("scsi", "elements", e.url(0));
      assertThat(elements.status()).as(elements.err()).isZero();
      assertThat(elements.lines()).contains(
          "  Storage Changer " + e.url(0) + ":1 Drives, 23 Slots ( 1 Import/Export )",
          "      Storage Element 0x1000: Full :VolumeTag=A00001L5",
          "      Storage Element 0x1001: Full :VolumeTag=A00002L5",
          "      Storage Element 0x1002: Empty",
          "      Storage Element 0x0010 IMPORT/EXPORT: Empty");

      // MOVE MEDIUM, robot 0001h, from 1000h to 1005h
      Run move = run("scsi", "raw", e.url(0), "a5 00 00 01 10 00 10 05 00 00 00 00");
      assertThat(move.status()).as(move.out() + move.err()).isZero();
      assertThat(move.out()).contains("(MOVE MEDIUM)").contains("Status: GOOD");
      assertThat(run("scsi", "elements", e.url(0)).lines()).contains(
          "      Storage Element 0x1000: Empty",
          "      Storage Element 0x1005: Full :VolumeTag=A00001L5");

      // the same move again: the source is empty now
      Run again = run("scsi", "raw", e.url(0), "a5 00 00 01 10 00 10 05 00 00 00 00");
      assertThat(again.status()).isEqualTo(1);
      assertThat(again.out()).contains("Sense: ILLEGAL REQUEST: Medium source element empty [3B/0E]");
    }
  }

  @Test
  void theOperatorPortWorksTheIoStationAndElementsSeesIt() throws Exception {
    try (EmulatorProcess e = start(null)) {
      List<String> r = e.operator("open-station", "insert A00009L5");
      assertThat(r.get(0)).isEqualTo("I/O station 0 is open.\nOK\n");
      assertThat(r.get(1)).isEqualTo("Inserted A00009L5 into I/O cell 0x0010.\nOK\n");
      assertThat(run("scsi", "elements", e.url(0)).lines())
          .contains("      Storage Element 0x0010 IMPORT/EXPORT: Full :VolumeTag=A00009L5 :Imported :NoAccess");

      assertThat(e.operator("close-station")).containsExactly("I/O station 0 is closed.\nOK\n");
      Run after = run("scsi", "elements", e.url(0));
      assertThat(after.lines()).contains("      Storage Element 0x0010 IMPORT/EXPORT: Full :VolumeTag=A00009L5 :Imported");
      assertThat(after.out()).contains("[28/01]"); // import or export element accessed, reported and cleared

      assertThat(e.operator("remove 0x0010").get(0)).startsWith("ERROR VLN0362E Refused: open I/O station 0");
      assertThat(e.operator("frobnicate").get(0)).startsWith("ERROR VLN0360E Unknown operator command \"frobnicate\"");
      assertThat(e.operator("show").get(0)).contains("I/O station 0: closed").contains("A00009L5 imported").endsWith("OK\n");
      assertThat(e.output()).contains(": insert A00009L5 -> OK");
    }
  }

  @Test
  void sigtermSavesTheStateAndTheNextStartRestoresTheSameCartridges() throws Exception {
    Path state = tmp.resolve("state");
    try (EmulatorProcess e = start(state, "--stock", "A00001L5,A00002L5,A00003L5")) {
      assertThat(e.operator("open-station", "insert B00001L5", "close-station"))
          .allSatisfy(reply -> assertThat(reply).endsWith("OK\n"));
      assertThat(run("scsi", "tur", e.url(0)).status()).isZero(); // raw sends once: clear the attentions first
      assertThat(run("scsi", "raw", e.url(0), "a5 00 00 01 10 02 10 0a 00 00 00 00").status()).isZero();
      int status = e.terminate();
      assertThat(status).isEqualTo(143); // 128 + SIGTERM
      assertThat(e.output()).contains("VLN0352I Emulated library ibm-ts3100 stopped; state saved to "
          + state.resolve("library.state"));
    }
    String saved = Files.readString(state.resolve("library.state"), StandardCharsets.UTF_8);
    assertThat(saved).startsWith("vaultline-library-state 1\npersonality ibm-ts3100\n")
        .contains("element 0x100A serial=A00003L5").contains("element 0x0010 serial=B00001L5");

    try (EmulatorProcess e = start(state, "--stock", "IGNORED1L5")) {
      assertThat(e.output()).contains("(restored, 4 cartridges)")
          .contains("note: --stock ignored: the library starts from its saved state");
      assertThat(run("scsi", "elements", e.url(0)).lines()).contains(
          "      Storage Element 0x1000: Full :VolumeTag=A00001L5",
          "      Storage Element 0x1001: Full :VolumeTag=A00002L5",
          "      Storage Element 0x1002: Empty",
          "      Storage Element 0x100A: Full :VolumeTag=A00003L5",
          "      Storage Element 0x0010 IMPORT/EXPORT: Full :VolumeTag=B00001L5 :Imported")
          .noneMatch(l -> l.contains("IGNORED"));
      e.terminate();
    }
  }

  @Test
  void afterKillDashNineTheNextStartHasEveryOperatorChange() throws Exception {
    Path state = tmp.resolve("state");
    try (EmulatorProcess e = start(state, "--stock", "A00001L5")) {
      assertThat(e.operator("open-station", "insert C00001L5", "close-station"))
          .allSatisfy(reply -> assertThat(reply).endsWith("OK\n"));
      e.kill();
      assertThat(e.output()).doesNotContain("VLN0352I");
    }
    try (EmulatorProcess e = start(state)) {
      assertThat(e.output()).contains("(restored, 2 cartridges)");
      assertThat(run("scsi", "elements", e.url(0)).lines()).contains(
          "      Storage Element 0x1000: Full :VolumeTag=A00001L5",
          "      Storage Element 0x0010 IMPORT/EXPORT: Full :VolumeTag=C00001L5 :Imported");
      e.terminate();
    }
  }

  @Test
  void tapeContentsWrittenThroughTheDriveLunSurviveARestart() throws Exception {
    Path state = tmp.resolve("state");
    try (EmulatorProcess e = start(state, "--stock", "A00001L5")) {
      assertThat(run("scsi", "tur", e.url(0)).status()).isZero();
      // MOVE MEDIUM 1000h -> drive 0100h; the drive loads it
      assertThat(run("scsi", "raw", e.url(0), "a5 00 00 01 10 00 01 00 00 00 00 00").status()).isZero();
      assertThat(run("scsi", "tur", e.url(1)).status()).isZero();
      Run write = run("scsi", "raw", e.url(1), "--data-out", "de ad be ef", "0a 00 00 00 04 00"); // WRITE(6), 4 bytes
      assertThat(write.status()).as(write.out()).isZero();
      assertThat(run("scsi", "raw", e.url(1), "10 00 00 00 01 00").status()).isZero(); // WRITE FILEMARKS(6)
      assertThat(e.terminate()).isEqualTo(143);
    }
    assertThat(state.resolve("media").resolve("A00001L5.tape")).exists();
    try (EmulatorProcess e = start(state)) {
      assertThat(run("scsi", "elements", e.url(0)).out())
          .contains("Data Transfer Element 0x0100: Full (Storage Element 0x1000 Loaded) :VolumeTag=A00001L5");
      assertThat(run("scsi", "tur", e.url(1)).status()).isZero();
      assertThat(run("scsi", "raw", e.url(1), "01 00 00 00 00 00").status()).isZero(); // REWIND
      Run read = run("scsi", "raw", e.url(1), "--data-in", "4", "08 00 00 00 04 00"); // READ(6), 4 bytes
      assertThat(read.status()).as(read.out()).isZero();
      assertThat(read.out()).contains("Data in: 4 of 4 bytes (residual 0)\n0000  de ad be ef");
      e.terminate();
    }
  }

  @Test
  void robotMovesAreSavedByAutosaveBeforeAKill() throws Exception {
    Path state = tmp.resolve("state");
    try (EmulatorProcess e = start(state, "--stock", "A00001L5", "--autosave", "PT0.2S")) {
      assertThat(run("scsi", "tur", e.url(0)).status()).isZero(); // raw sends once: clear the power-on attention
      assertThat(run("scsi", "raw", e.url(0), "a5 00 00 01 10 00 10 07 00 00 00 00").status()).isZero();
      Path file = state.resolve("library.state");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!Files.readString(file).contains("element 0x1007 ") && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      e.kill();
    }
    assertThat(Files.readString(state.resolve("library.state"))).contains("element 0x1007 serial=A00001L5");
  }

  @Test
  void quitOnTheOperatorPortSavesAndExitsCleanly() throws Exception {
    Path state = tmp.resolve("state");
    try (EmulatorProcess e = start(state)) {
      assertThat(e.operator("quit")).containsExactly("Stopping.\nOK\n");
      assertThat(e.waitForExit()).isZero();
      assertThat(e.output()).contains("VLN0352I Emulated library ibm-ts3100 stopped; state saved to");
    }
    assertThat(state.resolve("library.state")).exists();
  }

  @Test
  void quitOnStandardInputStopsTheEmulator() throws Exception {
    try (EmulatorProcess e = start(null)) {
      try (var stdin = e.process.getOutputStream()) {
        stdin.write("show\nquit\n".getBytes(StandardCharsets.UTF_8));
      }
      assertThat(e.waitForExit()).isZero();
      assertThat(e.output()).contains("IBM TS3100 (3573-TL)").contains("Stopping.\nOK\n")
          .contains("stopped; no state directory, nothing saved.");
    }
  }

  @Test
  void libiscsiToolsSeeTheEmulatorsTargetAndLuns() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/iscsi-ls")) && Files.isExecutable(Path.of("/usr/bin/iscsi-inq")),
        "libiscsi-bin is not installed");
    try (EmulatorProcess e = start(null)) {
      String ls = tool("iscsi-ls", "-s", "iscsi://127.0.0.1:" + e.port);
      assertThat(ls.lines()).containsExactly(
          "Target:" + e.iqn + " Portal:127.0.0.1:" + e.port + ",1",
          "Lun:0    Type:MEDIA_CHANGER",
          "Lun:1    Type:SEQUENTIAL_ACCESS (No media loaded)");
      String inq = tool("iscsi-inq", e.url(0));
      assertThat(inq.lines()).contains("Peripheral Device Type:MEDIA_CHANGER", "Vendor:IBM     ",
          "Product:3573-TL         ");
      assertThat(tool("iscsi-inq", e.url(1)).lines()).contains("Peripheral Device Type:SEQUENTIAL_ACCESS");
      String serial = tool("iscsi-inq", "-e", "1", "-c", "128", e.url(0));
      assertThat(serial.strip()).isEqualTo("Unit Serial Number:[00L4U78A5815_LL0]");
    }
  }

  private static String tool(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", cmd) + ":\n" + out).isZero();
    return out;
  }
}
