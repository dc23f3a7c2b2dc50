package org.vaultline.device.iscsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Our target against an initiator we did not write: {@code iscsi-ls} and {@code iscsi-inq} from Debian's
 * libiscsi-bin (libiscsi 1.19). They log in, discover, REPORT LUNS, INQUIRY and CHAP their own way.
 */
class LibiscsiToolsTest {
  private static final String IQN = "iqn.2024-01.org.vaultline:library";
  private static final ChapCredentials USER = new ChapCredentials("backup", "correct-horse-12");
  private static final ChapCredentials LIBRARY = new ChapCredentials("library", "battery-staple-34");

  private IscsiTarget open;
  private IscsiTarget chap;

  @BeforeAll
  static void toolsInstalled() {
    // A peer we did not write is the point of this test: missing, it fails (make test installs it).
    assertThat(Files.isExecutable(Path.of("/usr/bin/iscsi-ls")) && Files.isExecutable(Path.of("/usr/bin/iscsi-inq")))
        .as("libiscsi-bin is not installed: run make deps (apt-get install libiscsi-bin)").isTrue();
  }

  @BeforeEach
  void start() throws IOException {
    open = IscsiTarget.builder(IQN).lun(1, new TestLun(8, "CHANGER", "CHG0001"))
        .lun(2, new TestLun(1, "ULT3580-TD6", "DRV0001")).start();
    chap = IscsiTarget.builder(IQN).lun(1, new TestLun(8, "CHANGER", "CHG0001")).chap(USER).mutualChap(LIBRARY)
        .start();
  }

  @AfterEach
  void stop() {
    open.close();
    chap.close();
  }

  @Test
  void iscsiLsDiscoversTheTargetAndListsItsLuns() throws Exception {
    Run r = run("iscsi-ls", "-s", "iscsi://127.0.0.1:" + open.port());
    assertThat(r.exit).as(r.output).isZero();
    assertThat(r.output.lines()).containsExactly(
        "Target:" + IQN + " Portal:127.0.0.1:" + open.port() + ",1",
        "Lun:1    Type:MEDIA_CHANGER",
        "Lun:2    Type:SEQUENTIAL_ACCESS");
  }

  @Test
  void iscsiInqDecodesTheStandardInquiryOfTheChanger() throws Exception {
    Run r = run("iscsi-inq", "iscsi://127.0.0.1:" + open.port() + "/" + IQN + "/1");
    assertThat(r.exit).as(r.output).isZero();
    assertThat(r.output.lines()).contains("Peripheral Qualifier:CONNECTED", "Peripheral Device Type:MEDIA_CHANGER",
        "Removable:1", "Vendor:VAULTLN ", "Product:CHANGER         ", "Revision:0100",
        "Version Descriptor:0960 iSCSI");
  }

  @Test
  void iscsiInqReadsTheUnitSerialNumberPageOfTheDrive() throws Exception {
    Run r = run("iscsi-inq", "-e", "1", "-c", "128", "iscsi://127.0.0.1:" + open.port() + "/" + IQN + "/2");
    assertThat(r.exit).as(r.output).isZero();
    assertThat(r.output.strip()).isEqualTo("Unit Serial Number:[DRV0001]");
  }

  @Test
  void iscsiInqIsToldThatAMissingLunIsNotSupported() throws Exception {
    Run r = run("iscsi-inq", "iscsi://127.0.0.1:" + open.port() + "/" + IQN + "/7");
    assertThat(r.exit).isNotZero();
    assertThat(r.output).contains("LOGICAL_UNIT_NOT_SUPPORTED");
  }

  @Test
  void libiscsiLogsInWithOneWayChapAndIsKeptOutWithTheWrongSecret() throws Exception {
    Run good = run("iscsi-ls", "-s", "iscsi://backup%correct-horse-12@127.0.0.1:" + chap.port());
    assertThat(good.exit).as(good.output).isZero();
    assertThat(good.output).contains("Lun:1    Type:MEDIA_CHANGER");
    Run bad = run("iscsi-ls", "-s", "iscsi://backup%wrong-horse-123@127.0.0.1:" + chap.port());
    assertThat(bad.exit).isNotZero();
    assertThat(bad.output).contains("Authentication failure");
  }

  @Test
  void libiscsiChecksOurAnswerToMutualChap() throws Exception {
    String base = "iscsi://backup%correct-horse-12@127.0.0.1:" + chap.port();
    Run good = run("iscsi-ls", "-s", base + "?target_user=library&target_password=battery-staple-34");
    assertThat(good.exit).as(good.output).isZero();
    Run bad = run("iscsi-ls", "-s", base + "?target_user=library&target_password=not-the-secret-1");
    assertThat(bad.exit).isNotZero();
    assertThat(bad.output).contains("Invalid CHAP_R response from the target");
  }

  @Test
  void libiscsiAndOurTargetAgreeOnCrc32cHeaderDigests() throws Exception {
    List<TextParameters> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
    // iscsi-inq offers HeaderDigest=None,CRC32C whatever its URL says, so the target insists on CRC32C
    IscsiTarget digests = IscsiTarget.builder(IQN).lun(2, new TestLun(1, "ULT3580-TD6", "DRV0001"))
        .requireDigests(true, false).observer(new PduObserver() {
          @Override
          public void received(Pdu pdu) {
            sent(pdu);
          }

          @Override
          public void sent(Pdu pdu) {
            if (pdu instanceof LoginResponse || pdu instanceof LoginRequest) {
              Pdu r = pdu;
              try {
                answers.add(TextParameters.parse(r.data()));
              } catch (MalformedPduException e) {
                throw new AssertionError(e);
              }
            }
          }
        }).start();
    try {
      Run r = run("iscsi-inq", "iscsi://127.0.0.1:" + digests.port() + "/" + IQN + "/2");
      assertThat(r.exit).as(r.output).isZero();
      assertThat(r.output).contains("Peripheral Device Type:SEQUENTIAL_ACCESS");
      assertThat(answers).anySatisfy(t -> assertThat(t.get("HeaderDigest")).contains("None,CRC32C"));
      assertThat(answers).anySatisfy(t -> assertThat(t.get("HeaderDigest")).contains("CRC32C"));
    } finally {
      digests.close();
    }
  }

  private record Run(int exit, String output) {
  }

  private static Run run(String... cmd) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(cmd)));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", cmd) + " did not finish");
    }
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
