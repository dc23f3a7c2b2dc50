package org.vaultline.appliance.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client options file: its format, where it lives, and the permissions a password needs. */
class ClientOptionsFileTest {
  @TempDir
  Path tmp;

  @Test
  void theFileLivesUnderXdgConfigHomeOrDotConfig() {
    Path home = Path.of("/home/op");
    assertThat(ClientOptionsFile.defaultPath(Map.of(), home))
        .isEqualTo(Path.of("/home/op/.config/vaultline/vaultline.opt"));
    assertThat(ClientOptionsFile.defaultPath(Map.of("XDG_CONFIG_HOME", "/cfg"), home))
        .isEqualTo(Path.of("/cfg/vaultline/vaultline.opt"));
    assertThat(ClientOptionsFile.defaultPath(Map.of("XDG_CONFIG_HOME", "relative"), home))
        .isEqualTo(Path.of("/home/op/.config/vaultline/vaultline.opt"));
  }

  @Test
  void namesAreCaseInsensitiveAndCommentsAndQuotesAreAllowed() throws Exception {
    ClientOptions o = ClientOptionsFile.parse("f", List.of("* comment", "# another", "", "serverurl https://vault:1580",
        "AdminId  operator", "Output json", "TRUSTSTORE \"/etc/vaultline/ca.pem\""));
    assertThat(o.serverUrl()).isEqualTo(URI.create("https://vault:1580"));
    assertThat(o.adminId()).contains("OPERATOR");
    assertThat(o.output()).isEqualTo(OutputFormat.JSON);
    assertThat(o.truststore()).contains(Path.of("/etc/vaultline/ca.pem"));
    assertThat(o.password()).isEmpty();
  }

  @Test
  void everyProblemNamesTheLineAndHasItsMessageId() {
    assertThatThrownBy(() -> ClientOptionsFile.parse("f", List.of("SERVERURL http://a:1", "COLOR red")))
        .hasMessage("VLN0650E f line 2: unknown option COLOR; the client options are SERVERURL, ADMINID, PASSWORD,"
            + " OUTPUT, TRUSTSTORE and TRUSTSTOREPASSWORD.");
    assertThatThrownBy(() -> ClientOptionsFile.parse("f", List.of("OUTPUT xml")))
        .hasMessage("VLN0651E f line 1: OUTPUT is TEXT or JSON, not xml.");
    assertThatThrownBy(() -> ClientOptionsFile.parse("f", List.of("SERVERURL ftp://a")))
        .hasMessageStartingWith("VLN0651E f line 1: SERVERURL is http://host:port");
    assertThatThrownBy(() -> ClientOptionsFile.parse("f", List.of("ADMINID a", "adminid b")))
        .hasMessage("VLN0652E f line 2: ADMINID is given more than once.");
    assertThatThrownBy(() -> ClientOptionsFile.parse("f", List.of("ADMINID")))
        .hasMessage("VLN0653E f line 1: ADMINID has no value.");
  }

  @Test
  void aPasswordIsReadFromAFileOnlyItsOwnerCanRead() throws Exception {
    Path f = tmp.resolve("vaultline.opt");
    Files.writeString(f, "ADMINID admin\nPASSWORD \"s3cret pw\"\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    assertThat(ClientOptionsFile.read(f).password()).contains("s3cret pw");
  }

  @Test
  void aPasswordInAFileOthersCanReadIsRefused() throws Exception {
    Path f = tmp.resolve("vaultline.opt");
    Files.writeString(f, "ADMINID admin\nPASSWORD secret\n");
    for (String perms : List.of("rw-r--r--", "rw-r-----", "rw----r--", "rw--w----")) {
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
      assertThatThrownBy(() -> ClientOptionsFile.read(f)).isInstanceOf(ClientException.class)
          .hasMessageStartingWith("VLN0654E The client options file " + f + " holds a PASSWORD but its permissions"
              + " are " + perms).hasMessageContaining("chmod 600");
    }
  }

  @Test
  void withoutAPasswordOtherPermissionsAreFine() throws Exception {
    Path f = tmp.resolve("vaultline.opt");
    Files.writeString(f, "ADMINID admin\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(ClientOptionsFile.read(f).adminId()).contains("ADMIN");
  }

  @Test
  void aMissingFileGivesTheDefaults() throws Exception {
    assertThat(ClientOptionsFile.read(tmp.resolve("none.opt"))).isEqualTo(ClientOptions.defaults());
  }

  @Test
  void writingCreatesTheFileWith0600AndItsDirectoryWith0700AndReadsBackTheSame() throws Exception {
    Path f = tmp.resolve("cfg/vaultline/vaultline.opt");
    ClientOptions o = ClientOptions.defaults().withServerUrl(URI.create("https://vault:1580")).withAdminId("OPER")
        .withPassword("pw with \"quote\"").withOutput(OutputFormat.JSON).withTruststore(Path.of("/etc/ca.pem"));
    ClientOptionsFile.write(f, ClientOptionsFile.format(o, true));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f.getParent()))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("cfg")))).isEqualTo("rwx------");
    assertThat(ClientOptionsFile.read(f)).isEqualTo(o);
    ClientOptionsFile.write(f, ClientOptionsFile.format(o, false));
    assertThat(ClientOptionsFile.read(f).password()).isEqualTo(Optional.empty());
  }

  @Test
  void theOptionsNeverPrintThePassword() {
    assertThat(ClientOptions.defaults().withPassword("hunter2").toString()).doesNotContain("hunter2");
  }
}
