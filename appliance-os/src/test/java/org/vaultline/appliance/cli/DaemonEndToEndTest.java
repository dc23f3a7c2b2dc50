package org.vaultline.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.appliance.daemon.Daemon;
import org.vaultline.appliance.daemon.Vaultlined;
import org.vaultline.appliance.options.OptionsFile;
import org.vaultline.device.DeviceOpener;
import picocli.CommandLine;

/**
 * {@code vaultline} against the real daemon in process: first administrator registered the way
 * {@code vaultlined register-admin} does it, the API on a free port, the embedded broker on another.
 */
class DaemonEndToEndTest {
  @TempDir
  static Path dir;

  static Daemon daemon;
  static final String PASSWORD = "admin-secret-1";

  @BeforeAll
  static void startDaemon() throws Exception {
    Path opt = dir.resolve("vaultlined.opt");
    Files.write(opt, List.of("DATADIRECTORY " + dir.resolve("data"), "LOGDIRECTORY " + dir.resolve("log"),
        "ADMINPORT 0", "MQTTEMBEDDEDPORT 0", "TIMEZONE UTC", "APPLIANCENAME E2E"), StandardCharsets.UTF_8);
    Path pw = dir.resolve("pw");
    Files.writeString(pw, PASSWORD + "\n");
    assertThat(new CommandLine(new Vaultlined()).execute("--options", opt.toString(), "register-admin", "admin",
        "--password-file", pw.toString())).isZero();
    daemon = Daemon.start(OptionsFile.read(opt), opt.toString(),
        Daemon.Parts.production(url -> DeviceOpener.standard().open(url)).withEnvironment(Map.of()));
  }

  @AfterAll
  static void stopDaemon() {
    if (daemon != null) {
      daemon.close();
    }
  }

  @TempDir
  Path home;

  ClientRun client(String password) {
    return new ClientRun(home).env("VAULTLINE_PASSWORD", password);
  }

  ClientRun.Result admin(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "--server";
    all[1] = daemon.adminUrl().toString();
    all[2] = "--id";
    all[3] = "admin";
    System.arraycopy(args, 0, all, 4, args.length);
    return client(PASSWORD).run(all);
  }

  @Test
  void queryStatusPrintsTheServersTable() {
    ClientRun.Result r = admin("q", "status");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("E2E");
  }

  @Test
  void jsonIsTheApisBody() throws Exception {
    ClientRun.Result r = admin("--json", "query", "status");
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode n = FakeAdminServer.JSON.readTree(r.out());
    assertThat(n.get("ok").asBoolean()).isTrue();
    assertThat(n.get("command").asText()).isEqualTo("QUERY STATUS");
  }

  @Test
  void anAdministratorRegisteredThroughTheCliCanSignOnAndIsLimitedToItsAuthority() {
    ClientRun.Result reg = admin("reg", "admin", "reader1", "reader-secret-1");
    assertThat(reg.status()).as(reg.out() + reg.err()).isZero();
    ClientRun.Result q = admin("q", "admin");
    assertThat(q.out()).contains("READER1");
    ClientRun.Result asReader = client("reader-secret-1").run("--server", daemon.adminUrl().toString(), "--id",
        "reader1", "register", "admin", "x2", "x2-secret-1");
    assertThat(asReader.status()).isEqualTo(3);
    assertThat(asReader.err()).contains("SYSTEM");
  }

  @Test
  void theServersSyntaxMessageComesBackWithExitStatusTwo() {
    ClientRun.Result r = admin("q", "drmedia", "wherestate=nowhere");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("VLN04").contains("WHERESTATE");
  }

  @Test
  void aWrongPasswordIsRefusedWithExitStatusThree() {
    ClientRun.Result r = client("not-the-password").run("--server", daemon.adminUrl().toString(), "--id", "admin",
        "q", "status");
    assertThat(r.status()).isEqualTo(3);
    assertThat(r.err()).matches("VLN0\\d{3}E .*\n").doesNotContain("password is");
  }

  @Test
  void theConsoleRunsLinesAgainstTheDaemon() {
    ClientRun.Result r = client(PASSWORD).stdin("q status\nq drm\nq actlog search=\"issued command\"\nquit\n")
        .run("--server", daemon.adminUrl().toString(), "--id", "admin");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("Session established with server E2E").contains("q drm");
  }

  @Test
  void eventsPrintsTheRetainedStatusFromTheEmbeddedBroker() {
    ClientRun.Result r = admin("events");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("status  E2E online");
  }
}
