package org.vaultline.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vaultline set-client} writes the options file the other commands then use; completion from the model. */
class SetClientAndCompletionTest {
  @TempDir
  java.nio.file.Path home;

  @Test
  void setClientWritesA0600FileTheNextCommandSignsOnWith() throws Exception {
    try (FakeAdminServer server = new FakeAdminServer("OPER", "pw 1")) {
      ClientRun.Result w = new ClientRun(home).stdin("pw 1\n")
          .run("set-client", "--server", server.url().toString(), "--id", "oper", "--password");
      assertThat(w.status()).as(w.err()).isZero();
      java.nio.file.Path file = home.resolve(".config/vaultline/vaultline.opt");
      assertThat(w.out()).isEqualTo("VLN0620I Client options written to " + file + " (permissions 0600).\n");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
      assertThat(Files.readString(file)).contains("SERVERURL " + server.url(), "ADMINID OPER", "PASSWORD \"pw 1\"");

      ClientRun.Result q = new ClientRun(home).run("q", "drm");
      assertThat(q.status()).as(q.err()).isZero();
      assertThat(server.commands()).containsExactly("QUERY DRMEDIA");

      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
      ClientRun.Result refused = new ClientRun(home).run("q", "drm");
      assertThat(refused.status()).isEqualTo(4);
      assertThat(refused.err()).startsWith("VLN0654E");
    }
  }

  @Test
  void setClientKeepsWhatIsNotGiven() throws Exception {
    new ClientRun(home).run("set-client", "--server", "https://vault.example:1580", "--id", "admin");
    ClientRun.Result r = new ClientRun(home).run("set-client", "--output", "json");
    assertThat(r.status()).isZero();
    assertThat(Files.readString(home.resolve(".config/vaultline/vaultline.opt")))
        .contains("SERVERURL https://vault.example:1580", "ADMINID ADMIN", "OUTPUT JSON").doesNotContain("PASSWORD \"");
  }

  @Test
  void theFirstCommandThatReachesTheServerSavesItsServerAndAdministratorWithoutThePassword() throws Exception {
    try (FakeAdminServer server = new FakeAdminServer("OPER", "pw")) {
      ClientRun run = new ClientRun(home).env("VAULTLINE_PASSWORD", "pw");
      ClientRun.Result first = run.run("--server", server.url().toString(), "--id", "oper", "q", "drm");
      java.nio.file.Path file = home.resolve(".config/vaultline/vaultline.opt");
      assertThat(first.err()).isEqualTo("VLN0621I Client options saved to " + file + " (SERVERURL " + server.url()
          + ", ADMINID OPER); vaultline set-client changes them.\n");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
      assertThat(Files.readString(file)).doesNotContain("PASSWORD \"");
      ClientRun.Result second = run.run("q", "drm");
      assertThat(second.status()).isZero();
      assertThat(second.err()).isEmpty();
    }
  }

  @Test
  void bashCompletionComesFromTheCommandModel() {
    ClientRun.Result r = new ClientRun(home).run("generate-completion");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("complete -F _complete_vaultline")
        .contains("drmedia").contains("WHERESTATE").contains("MOUNTABLE").contains("libvolume");
  }
}
