package org.vaultline.appliance.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.appliance.daemon.DaemonFixture.Reply;
import picocli.CommandLine;

/** The daemon in process, driven through its administrative API as a client would (contracts section 2). */
class DaemonApiTest {
  @TempDir Path dir;
  DaemonFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new DaemonFixture(dir);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void theDaemonWritesItsUrlAndItsStatusNamesTheEmbeddedBroker() throws Exception {
    Path urlFile = dir.resolve("data").resolve(Daemon.ADMIN_URL_FILE);
    assertThat(Files.readString(urlFile).strip()).isEqualTo(f.daemon.adminUrl().toString())
        .startsWith("http://127.0.0.1:");
    Reply r = f.send(HttpRequest.newBuilder(f.url("/api/v1/status"))
        .header("Authorization", DaemonFixture.basic(DaemonFixture.ADMIN, DaemonFixture.ADMIN_PASSWORD)).GET());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().path("appliance").asText()).isEqualTo("VAULTLINE");
    assertThat(r.body().path("version").asText()).isNotBlank();
    assertThat(r.body().path("started").asText()).endsWith("Z");
    JsonNode mqtt = r.body().path("mqtt");
    assertThat(mqtt.path("brokers").get(0).asText()).startsWith("tcp://127.0.0.1:");
    assertThat(mqtt.path("rootTopic").asText()).isEqualTo("vaultline/VAULTLINE");
    assertThat(mqtt.path("version").asText()).isEqualTo("5");
  }

  @Test
  void aLibraryDefinedThroughTheApiIsCheckedInAndQueriedWithRows() throws Exception {
    f.defineLibrary();
    Reply checkin = f.admin("checkin libvolume LIB1 search=yes status=scratch checklabel=barcode");
    assertThat(checkin.status()).as("%s", checkin.body()).isEqualTo(200);
    assertThat(checkin.body().path("ok").asBoolean()).as("%s", checkin.text()).isTrue();
    Reply q = f.admin("q libv");
    assertThat(q.status()).isEqualTo(200);
    assertThat(q.body().path("command").asText()).isEqualTo("QUERY LIBVOLUME");
    List<String> volumes = new ArrayList<>();
    q.body().path("rows").forEach(row -> volumes.add(row.path("Volume Name").asText()));
    assertThat(volumes).containsExactlyInAnyOrder("CPY001", "CPY002", "CPY003", "DBB001");
    assertThat(q.text()).contains("Library Name").contains("CPY001");
    Reply lib = f.admin("query library");
    assertThat(lib.body().path("rows").get(0).path("Library Name").asText()).isEqualTo("LIB1");
  }

  @Test
  void aRestartKeepsAdministratorsAndDefinitionsAndStartsTheLibraryAgain() throws Exception {
    f.defineLibrary();
    f.admin("checkin libvolume LIB1 search=yes status=scratch checklabel=barcode");
    f.admin("register admin oper oper-secret-1 authority=operator");
    f.restart();
    assertThat(f.actlog()).anyMatch(l -> l.startsWith("VLN0506I Server started: 1 libraries ready"))
        .anyMatch(l -> l.startsWith("VLN0812I Server VAULTLINE stopped."));
    Reply q = f.post("OPER", "oper-secret-1", "q libvol");
    assertThat(q.status()).isEqualTo(200);
    assertThat(q.body().path("rows")).hasSize(4);
  }

  @Test
  void missingCredentialsAreRefusedWith401AndAChallenge() throws Exception {
    Reply r = f.send(HttpRequest.newBuilder(f.url("/api/v1/command"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"command\":\"q status\"}")));
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.body().path("ok").asBoolean()).isFalse();
    assertThat(r.messageIds()).containsExactly("VLN0830E");
    assertThat(r.text()).contains("Authorization: Basic");
  }

  @Test
  void aWrongPasswordAndAnUnknownIdGetTheSameAnswer() throws Exception {
    Reply wrong = f.post(DaemonFixture.ADMIN, "not-the-password", "q status");
    Reply unknown = f.post("NOBODY", "not-the-password", "q status");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(wrong.body().path("messages")).isEqualTo(unknown.body().path("messages"));
    assertThat(wrong.messageIds()).containsExactly("VLN0751E");
  }

  @Test
  void fiveFailedLoginsLockTheIdOutEvenForTheRightPassword() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(f.post(DaemonFixture.ADMIN, "wrong-" + i, "q status").status()).isEqualTo(401);
    }
    Reply r = f.admin("q status");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.messageIds()).containsExactly("VLN0752E");
    assertThat(f.actlog()).anyMatch(l -> l.startsWith("VLN0837W Login failed for administrator ADMIN (4 in a row)"))
        .anyMatch(l -> l.startsWith("VLN0838W Administrator ADMIN is locked out until"));
  }

  @Test
  void aReadAdministratorMayQueryButNotConfigure() throws Exception {
    assertThat(f.admin("register admin reader reader-secret").status()).isEqualTo(200);
    Reply refused = f.post("READER", "reader-secret", "define library LIB9");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.messageIds()).containsExactly("VLN0753E");
    assertThat(refused.text()).contains("DEFINE LIBRARY").contains("needs authority SYSTEM");
    assertThat(f.post("READER", "reader-secret", "q status").status()).isEqualTo(200);
    Reply move = f.post("READER", "reader-secret", "move drmedia * wherestate=mountable tostate=vault");
    assertThat(move.status()).isEqualTo(403);
    assertThat(move.text()).contains("needs authority OPERATOR");
  }

  @Test
  void anUnknownCommandOrAWrongFormIsA400ThatShowsTheCorrectForm() throws Exception {
    Reply unknown = f.admin("frobnicate everything");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().path("ok").asBoolean()).isFalse();
    assertThat(unknown.messageIds()).hasSize(1);
    Reply missing = f.admin("reg admin OPER");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.messageIds()).containsExactly("VLN0831E");
    assertThat(missing.text()).contains("The correct form is: REGister Admin admin_name password");
    Reply body = f.send(HttpRequest.newBuilder(f.url("/api/v1/command"))
        .header("Authorization", DaemonFixture.basic(DaemonFixture.ADMIN, DaemonFixture.ADMIN_PASSWORD))
        .POST(HttpRequest.BodyPublishers.ofString("not json")));
    assertThat(body.status()).isEqualTo(400);
    assertThat(body.messageIds()).containsExactly("VLN0836E");
  }

  @Test
  void everyCommandIsInTheActivityLogWithTheAdminIdAndPasswordsMasked() throws Exception {
    assertThat(f.admin("register admin oper oper-secret-1 authority=operator").status()).isEqualTo(200);
    assertThat(f.post("OPER", "oper-secret-1", "update admin oper oper-secret-2").status()).isEqualTo(200);
    assertThat(f.post("OPER", "oper-secret-2", "q admin").status()).isEqualTo(200);
    List<String> log = f.actlog();
    assertThat(log).contains(
        "VLN0820I Administrator ADMIN issued command: register admin oper ?***? authority=operator [ADMIN]",
        "VLN0821I Administrator OPER registered with authority OPERATOR. [ADMIN]",
        "VLN0820I Administrator OPER issued command: update admin oper ?***? [OPER]",
        "VLN0822I Password of administrator OPER updated. [OPER]",
        "VLN0820I Administrator OPER issued command: q admin [OPER]");
    assertThat(String.join("\n", log)).doesNotContain("oper-secret");
  }

  @Test
  void queryAdminShowsAuthorityAndLockAndALockedAdminCannotLogIn() throws Exception {
    f.admin("register admin oper oper-secret-1 auth=o");
    Reply lock = f.admin("lock admin oper");
    assertThat(lock.messageIds()).containsExactly("VLN0824I");
    Reply q = f.admin("q ad");
    assertThat(q.body().path("columns").toString())
        .isEqualTo("[\"Administrator Name\",\"Days Since Last Access\",\"Locked?\",\"Authority\"]");
    JsonNode rows = q.body().path("rows");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).path("Administrator Name").asText()).isEqualTo("OPER");
    assertThat(rows.get(1).path("Locked?").asText()).isEqualTo("Yes");
    assertThat(rows.get(1).path("Authority").asText()).isEqualTo("OPERATOR");
    assertThat(rows.get(0).path("Days Since Last Access").asText()).isEqualTo("<1");
    Reply refused = f.post("OPER", "oper-secret-1", "q status");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.messageIds()).containsExactly("VLN0829E");
    assertThat(f.admin("unlock admin oper").messageIds()).containsExactly("VLN0825I");
    assertThat(f.post("OPER", "oper-secret-1", "q status").status()).isEqualTo(200);
    Reply self = f.admin("remove admin admin");
    assertThat(self.status()).isEqualTo(200);
    assertThat(self.body().path("ok").asBoolean()).isFalse();
    assertThat(self.messageIds()).containsExactly("VLN0834E");
  }

  @Test
  void aStoppingServerRefusesCommandsWith503() throws Exception {
    f.daemon.commands().refuseNewCommands();
    Reply r = f.admin("q status");
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.messageIds()).containsExactly("VLN0833E");
  }

  @Test
  void drmVolumesAreDefinedAndQueriedThroughTheApi() throws Exception {
    f.defineLibrary();
    f.admin("checkin libvolume LIB1 search=yes status=scratch checklabel=barcode");
    Reply def = f.admin("define drmvolume CPY001 type=copystgpool pool=OFFSITE status=full library=LIB1");
    assertThat(def.status()).as("%s", def.body()).isEqualTo(200);
    Reply q = f.admin("q drmedia * format=detailed");
    assertThat(q.status()).isEqualTo(200);
    assertThat(q.text()).contains("CPY001");
  }

  @Test
  void aScheduleDefinedThroughTheApiIsStoredAndRunsAsItsOwner() throws Exception {
    Reply def = f.admin("define schedule STATUSCHECK type=administrative cmd=\"q status\" active=yes"
        + " starttime=now period=1 perunits=days");
    assertThat(def.status()).as("%s", def.body()).isEqualTo(200);
    assertThat(def.body().path("ok").asBoolean()).as("%s", def.text()).isTrue();
    Reply q = f.admin("q sched type=administrative");
    assertThat(q.status()).isEqualTo(200);
    assertThat(q.text()).contains("STATUSCHECK");
    long deadline = System.nanoTime() + 30_000_000_000L;
    java.util.Optional<org.vaultline.library.store.AdminSchedule> s;
    do {
      Thread.sleep(50);
      s = f.daemon.store().read(r -> r.schedules().find("STATUSCHECK"));
    } while (s.orElseThrow().lastResult().isEmpty() && System.nanoTime() < deadline);
    assertThat(s.get().owner()).isEqualTo("ADMIN");
    assertThat(s.get().lastResult()).contains("Completed");
    assertThat(f.actlog()).contains("VLN0820I Administrator ADMIN issued command: q status [ADMIN]");
    Reply bad = f.admin("define schedule X type=administrative cmd=\"q status\" perunits=fortnights");
    assertThat(bad.status()).isEqualTo(400);
    Reply oper = f.admin("register admin oper oper-secret-1 authority=operator");
    assertThat(oper.status()).isEqualTo(200);
    assertThat(f.post("OPER", "oper-secret-1", "delete schedule STATUSCHECK type=administrative").status())
        .isEqualTo(403);
  }

  @Test
  void registerAdminBootstrapRefusesAnExistingIdAndRegistersANewOne() throws Exception {
    Path pw = dir.resolve("pw");
    Files.writeString(pw, "second-secret\n");
    String opt = dir.resolve("vaultlined.opt").toString();
    CommandLine cli = new CommandLine(new Vaultlined());
    cli.setErr(new PrintWriter(new StringWriter()));
    assertThat(cli.execute("--options", opt, "register-admin", "admin", "--password-file", pw.toString()))
        .isEqualTo(Vaultlined.REFUSED);
    assertThat(new CommandLine(new Vaultlined()).execute("--options", opt, "register-admin", "second",
        "--password-file", pw.toString())).isZero();
    Reply r = f.post("SECOND", "second-secret", "q admin second");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().path("rows").get(0).path("Authority").asText()).isEqualTo("SYSTEM");
  }

  @Test
  void anUnknownOptionIsRejectedWithItsLineNumber() throws Exception {
    Path bad = dir.resolve("bad.opt");
    Files.write(bad, List.of("* comment", "ADMINPORT 0", "MQTTBROKERS tcp://x:1883", "TIMEZONE Mars/Olympus"),
        StandardCharsets.UTF_8);
    StringWriter err = new StringWriter();
    assertThat(Vaultlined.read(bad, new PrintWriter(err))).isEmpty();
    assertThat(err.toString()).contains("VLN0701E bad.opt line 3: unknown option MQTTBROKERS. Did you mean MQTTBROKER?")
        .contains("VLN0702E bad.opt line 4: TIMEZONE Mars/Olympus is not valid");
    assertThat(new CommandLine(new Vaultlined()).execute("--options", bad.toString()))
        .isEqualTo(Vaultlined.BAD_OPTIONS);
  }
}
