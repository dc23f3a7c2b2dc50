package org.vaultline.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.appliance.cli.ScsiCommandTest.Run;
import org.vaultline.emulator.EmulatedLibrary;
import org.vaultline.emulator.personality.Personality;

/** {@code vaultline emulator}'s syntax and start-up refusals, in process (none of these starts serving). */
class EmulatorCommandTest {
  @TempDir
  Path tmp;

  private static Run run(String... args) {
    return ScsiCommandTest.run(args);
  }

  @Test
  void personalityIsRequired() {
    Run r = run("emulator", "--port", "0");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("VLN0100E Missing required option: '--personality=NAME|FILE'")
        .contains("The right form is:").contains("Usage: vaultline emulator");
  }

  @Test
  void anUnknownPersonalityListsTheCatalogue() {
    Run r = run("emulator", "--personality", "ibm-ts9999", "--port", "0");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("VLN0355E Unusable personality \"ibm-ts9999\": no personality \"ibm-ts9999\"; known: ")
        .contains("ibm-ts3100");
  }

  @Test
  void aBadDurationIsASyntaxError() {
    Run r = run("emulator", "--personality", "ibm-ts3100", "--move-time", "three seconds");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("VLN0356E --move-time takes seconds (3) or an ISO-8601 duration (PT3S)");
  }

  @Test
  void aBadIqnIsASyntaxError() {
    Run r = run("emulator", "--personality", "ibm-ts3100", "--iqn", "my library");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("VLN0359E --iqn my library is not an iSCSI name");
  }

  @Test
  void aPortOutOfRangeIsASyntaxError() {
    assertThat(run("emulator", "--personality", "ibm-ts3100", "--port", "70000").err())
        .startsWith("VLN0357E --port is 0 to 65535");
  }

  @Test
  void aPortInUseStopsTheStartWithExitThree() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Run r = run("emulator", "--personality", "ibm-ts3100", "--port", String.valueOf(taken.getLocalPort()));
      assertThat(r.status()).isEqualTo(3);
      assertThat(r.err()).startsWith("VLN0354E Cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  @Test
  void aStateSavedForAnotherPersonalityIsRefused() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("state"));
    byte[] other = EmulatedLibrary.builder(Personality.named("hp-msl")).build().saveState();
    Files.write(dir.resolve("library.state"), other);
    Run r = run("emulator", "--personality", "ibm-ts3100", "--port", "0", "--state-dir", dir.toString());
    assertThat(r.status()).isEqualTo(3);
    assertThat(r.err()).startsWith("VLN0353E The saved state in " + dir + " cannot be used: ")
        .contains("saved for personality hp-msl, not ibm-ts3100");
  }

  @Test
  void aPersonalityFileIsAccepted() throws Exception {
    Path file = tmp.resolve("mine.properties");
    try (var in = Personality.class.getResourceAsStream("/org/vaultline/emulator/personality/stk-sl500.properties")) {
      Files.write(file, in.readAllBytes());
    }
    // a file that parses, then a port that is taken: the personality was accepted
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Run r = run("emulator", "--personality", file.toString(), "--port", String.valueOf(taken.getLocalPort()));
      assertThat(r.err()).startsWith("VLN0354E");
    }
  }
}
