package org.vaultline.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console ({@code vaultline} alone, or {@code vaultline console}) fed commands on standard input. */
class ConsoleCommandTest {
  @TempDir
  java.nio.file.Path home;

  FakeAdminServer server;

  @BeforeEach
  void start() throws Exception {
    server = new FakeAdminServer("ADMIN", "secret");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  ClientRun console(String input) {
    return new ClientRun(home).env("VAULTLINE_PASSWORD", "secret").stdin(input);
  }

  @Test
  void eachLineIsSentAsTypedUntilQuit() {
    ClientRun.Result r = console("q drm\n\n  Move DRMedia * WHERESTate=mountable TOSTate=vault\nquit\nq req\n")
        .run("--server", server.url().toString(), "--id", "admin");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(server.commands()).containsExactly("q drm", "Move DRMedia * WHERESTate=mountable TOSTate=vault");
    assertThat(r.out()).startsWith("Vaultline administrative console. Session established with server TESTAPP"
        + " (version 0.1.0-TEST) at " + server.url() + "/.\n")
        .contains("A00017L6       MOUNTABLE").contains("VLN0110I Done: Move DRMedia");
    assertThat(r.out()).doesNotContain(ConsoleCommand.PROMPT);
  }

  @Test
  void quotesAreKeptAsTypedForTheServer() {
    console("set drmvaultname 'Iron Mountain'\nupdate drmvolume A1 location = \"Shelf 4\"\n")
        .run("console", "--server", server.url().toString(), "--id", "admin");
    assertThat(server.commands()).containsExactly("set drmvaultname 'Iron Mountain'",
        "update drmvolume A1 location = \"Shelf 4\"");
  }

  @Test
  void aWrongCommandIsReportedAndTheConsoleGoesOn() {
    ClientRun.Result r = console("qq drm\naudit library\nq drm 'unterminated\nq drm\n")
        .run("--server", server.url().toString(), "--id", "admin");
    assertThat(r.status()).isZero();
    assertThat(r.err()).contains("VLN0600E Unknown command: qq.").contains("VLN0602E AUDIT LIBRARY")
        .contains("VLN0604E The quote at column 7 is not closed");
    assertThat(server.commands()).containsExactly("q drm");
  }

  @Test
  void theConsoleSignsOnOnceAndSaysSoWhenThePasswordIsWrong() {
    ClientRun.Result r = new ClientRun(home).env("VAULTLINE_PASSWORD", "nope").stdin("q drm\n")
        .run("--server", server.url().toString(), "--id", "admin");
    assertThat(r.status()).isEqualTo(3);
    assertThat(r.err()).startsWith("VLN0801E Sign-on refused");
    assertThat(server.commands()).isEmpty();
  }

  @Test
  void jsonOutputHoldsForTheWholeConsole() throws Exception {
    ClientRun.Result r = console("q drm\n").run("--json", "--server", server.url().toString(), "--id", "admin");
    String last = r.out().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(FakeAdminServer.JSON.readTree(last).at("/messages/0/id").asText()).isEqualTo("VLN0402I");
  }

  @Test
  void otherVaultlineCommandsRunInTheConsoleButNotASecondConsole() {
    ClientRun.Result r = console("console\ndecode --help\n").run("--server", server.url().toString(), "--id", "admin");
    assertThat(r.err()).contains("VLN0606E");
    assertThat(r.out()).contains("Decode SCSI data bytes offline");
  }
}
