package org.vaultline.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.appliance.cli.FakeAdminServer.Answer;

/**
 * The administrative commands of {@code vaultline} against a server that speaks the API of contracts §2: what the
 * client sends, what it prints, its exit status, and the syntax errors it catches itself.
 */
class AdminCommandsTest {
  @TempDir
  java.nio.file.Path home;

  FakeAdminServer server;
  ClientRun cli;

  @BeforeEach
  void start() throws Exception {
    server = new FakeAdminServer("ADMIN", "secret");
    cli = new ClientRun(home).env("VAULTLINE_PASSWORD", "secret");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  ClientRun.Result run(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "--server";
    all[1] = server.url().toString();
    all[2] = "--id";
    all[3] = "admin";
    System.arraycopy(args, 0, all, 4, args.length);
    return cli.run(all);
  }

  @Test
  void moveDrmediaSendsTheTsmLineWithBasicCredentialsAndPrintsTheServersText() {
    ClientRun.Result r = run("move", "drmedia", "*", "wherestate=mountable", "tostate=vault", "remove=bulk");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(server.commands()).containsExactly("MOVE DRMEDIA * wherestate=mountable tostate=vault remove=bulk");
    assertThat(server.received().get(0).authorization()).contains("Basic "
        + Base64.getEncoder().encodeToString("ADMIN:secret".getBytes(StandardCharsets.UTF_8)));
    assertThat(r.out()).isEqualTo("VLN0110I Done: MOVE DRMEDIA * wherestate=mountable tostate=vault remove=bulk\n");
  }

  @Test
  void verbsObjectsAndKeywordsAreAcceptedFromTheirTsmMinimumToTheirFullNameInAnyCase() {
    assertThat(run("q", "drm").status()).isZero();
    assertThat(run("QUER", "DRMEDIA").status()).isZero();
    assertThat(run("Query", "DrMed", "A00017L6").status()).isZero();
    assertThat(run("checki", "libv", "LIB1", "search=bulk", "stat=scratch").status()).isZero();
    assertThat(run("can", "pr", "4").status()).isZero();
    assertThat(run("rep", "3").status()).isZero();
    assertThat(run("q", "actl").status()).isZero();
    assertThat(run("q", "sched", "type=a").status()).isZero();
    assertThat(run("q", "adm").status()).isZero();
    assertThat(run("def", "lib", "LIB1").status()).isEqualTo(2); // LIBRary: "lib" is too short
    assertThat(server.commands()).containsExactly("QUERY DRMEDIA", "QUERY DRMEDIA", "QUERY DRMEDIA A00017L6",
        "CHECKIN LIBVOLUME LIB1 search=bulk stat=scratch",
        "CANCEL PROCESS 4", "REPLY 3", "QUERY ACTLOG", "QUERY SCHEDULE type=a", "QUERY ADMIN");
  }

  @Test
  void aNameOrValueThatIsAlsoAParameterKeywordStaysANameOrValue() {
    assertThat(run("def", "path", "VAULTLINE", "LIB1", "srct=server", "destt=library", "devi=emulated:x").status())
        .isZero();
    assertThat(run("q", "drm", "format").status()).isZero();
    assertThat(run("q", "drm", "format", "--json").status()).isZero();
    assertThat(server.commands()).containsExactly(
        "DEFINE PATH VAULTLINE LIB1 srct=server destt=library devi=emulated:x", "QUERY DRMEDIA format",
        "QUERY DRMEDIA format");
  }

  @Test
  void valuesWithBlanksAreQuotedForTheServer() {
    assertThat(run("set", "drmvaultname", "IRON MOUNTAIN").status()).isZero();
    assertThat(run("upd", "drmvol", "A00017L6", "location=Shelf 4, row \"B\"").status()).isZero();
    assertThat(server.commands()).containsExactly("SET DRMVAULTNAME \"IRON MOUNTAIN\"",
        "UPDATE DRMVOLUME A00017L6 location=\"Shelf 4, row \"\"B\"\"\"");
  }

  @Test
  void anUnknownVerbIsRefusedWithVln0600eAndTheRightFormWithoutCallingTheServer() {
    ClientRun.Result r = run("qx", "drm");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("VLN0600E Unknown command: qx.").contains("The right form is:")
        .contains("query, q");
    assertThat(server.received()).isEmpty();
  }

  @Test
  void anUnknownObjectNamesTheVerbAndListsItsObjects() {
    ClientRun.Result r = run("q", "drmx");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("VLN0600E Unknown command: QUERY drmx.").contains("drmedia, drm");
    assertThat(server.received()).isEmpty();
  }

  @Test
  void aVerbWithoutItsObjectSaysWhatItCanActOn() {
    ClientRun.Result r = run("cancel");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("VLN0601E CANCEL needs what to act on: PROCESS, REQUEST.");
  }

  @Test
  void anAmbiguousAbbreviationIsUnknown() {
    ClientRun.Result r = run("de", "drmvol", "A1"); // DEFine or DELete
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("VLN0600E");
  }

  @Test
  void aMissingRequiredNameIsRefusedWithVln0602eAndTheCommandsSyntax() {
    ClientRun.Result r = run("audit", "library");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("VLN0602E AUDIT LIBRARY").contains("library_name")
        .contains("TSM syntax: AUDit LIBRary library_name [CHECKLabel=YES|BARCODE]");
    ClientRun.Result keyInstead = run("audit", "library", "checklabel=barcode");
    assertThat(keyInstead.status()).isEqualTo(2);
    assertThat(keyInstead.err()).startsWith("VLN0602E AUDIT LIBRARY").contains("library_name");
    assertThat(server.received()).isEmpty();
  }

  @Test
  void aMissingRequiredParameterIsRefused() {
    ClientRun.Result r = run("checkin", "libvolume", "LIB1", "search=bulk");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("VLN0602E CHECKIN LIBVOLUME: Missing required option: 'STATUS=");
  }

  @Test
  void parametersTheClientDoesNotKnowGoToTheServerWhichHasTheFinalWord() {
    server.script(line -> Answer.of(400, false, "QUERY DRMEDIA", "VLN0401E", "Unknown parameter FOO.",
        "VLN0401E Unknown parameter FOO. The right form is: QUERY DRMEDIA ...\n"));
    ClientRun.Result r = run("q", "drm", "foo=bar");
    assertThat(server.commands()).containsExactly("QUERY DRMEDIA foo=bar");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("VLN0401E Unknown parameter FOO.");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void jsonPrintsTheServersBodyForScriptsBeforeOrAfterTheCommand() throws Exception {
    for (ClientRun.Result r : new ClientRun.Result[] {run("--json", "q", "drm"), run("q", "drm", "--json"),
        run("--output", "json", "q", "drm")}) {
      assertThat(r.status()).isZero();
      JsonNode n = FakeAdminServer.JSON.readTree(r.out());
      assertThat(n.get("ok").asBoolean()).isTrue();
      assertThat(n.at("/messages/0/id").asText()).isEqualTo("VLN0402I");
    }
    assertThat(server.commands()).containsOnly("QUERY DRMEDIA");
  }

  @Test
  void theExitStatusSaysHowTheServerAnswered() {
    server.script(line -> line.contains("ERR") ? Answer.of(200, false, "X", "VLN0420E", "failed", "VLN0420E failed\n")
        : line.contains("DENY") ? Answer.of(403, false, "X", "VLN0803E", "needs SYSTEM", "VLN0803E needs SYSTEM\n")
        : Answer.of(500, false, "X", "VLN0899E", "internal", "VLN0899E internal\n"));
    ClientRun.Result failed = run("q", "drm", "ERR");
    assertThat(failed.status()).isEqualTo(1);
    assertThat(failed.out()).isEqualTo("VLN0420E failed\n");
    ClientRun.Result denied = run("q", "drm", "DENY");
    assertThat(denied.status()).isEqualTo(3);
    assertThat(denied.err()).isEqualTo("VLN0803E needs SYSTEM\n");
    assertThat(run("q", "drm", "BOOM").status()).isEqualTo(1);
  }

  @Test
  void aWrongPasswordGivesTheServersMessageAndExitStatusThree() {
    ClientRun.Result r = new ClientRun(home).env("VAULTLINE_PASSWORD", "wrong")
        .run("--server", server.url().toString(), "--id", "admin", "q", "drm");
    assertThat(r.status()).isEqualTo(3);
    assertThat(r.err()).startsWith("VLN0801E Sign-on refused");
  }

  @Test
  void noServerListeningGivesVln0610eAndExitStatusFour() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ClientRun.Result r = cli.run("--server", "http://127.0.0.1:" + port, "--id", "admin", "q", "drm");
    assertThat(r.status()).isEqualTo(4);
    assertThat(r.err()).startsWith("VLN0610E Cannot connect to the server at http://127.0.0.1:" + port);
  }

  @Test
  void somethingThatIsNotTheApiGivesVln0611e() {
    server.script(line -> new Answer(200, "<html>hello</html>"));
    ClientRun.Result r = run("q", "drm");
    assertThat(r.status()).isEqualTo(4);
    assertThat(r.err()).startsWith("VLN0611E").contains("HTTP 200");
  }

  @Test
  void withoutAnAdministratorIdAndNoTerminalItSaysHowToGiveOne() {
    ClientRun.Result r = cli.run("--server", server.url().toString(), "q", "drm");
    assertThat(r.status()).isEqualTo(4);
    assertThat(r.err()).startsWith("VLN0612E");
  }

  @Test
  void withoutAPasswordAndNoTerminalItSaysHowToGiveOne() {
    ClientRun.Result r = new ClientRun(home).run("--server", server.url().toString(), "--id", "admin", "q", "drm");
    assertThat(r.status()).isEqualTo(4);
    assertThat(r.err()).startsWith("VLN0613E No password for ADMIN");
  }

  @Test
  void helpOfAnAdministrativeCommandShowsItsTsmParameters() {
    ClientRun.Result r = run("q", "drm", "--help");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("WHERESTATE=ALL|MOUNTABLE|NOTMOUNTABLE|COURIER|VAULT|VAULTRETRIEVE")
        .contains("TSM syntax: Query DRMedia [volname]").contains("(minimum WHEREST)")
        .contains("[volname]").contains("$XDG_CONFIG_HOME/vaultline/vaultline.opt");
  }

  @Test
  void theOldSubcommandsStillWork() {
    ClientRun.Result r = cli.run("decode", "--help");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("Decode SCSI data bytes offline");
  }
}
