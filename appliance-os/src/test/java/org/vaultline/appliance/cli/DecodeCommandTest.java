package org.vaultline.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vaultline decode} as a user runs it: arguments in, text or JSON and an exit status out. */
class DecodeCommandTest {
  @TempDir
  Path tmp;

  record Run(int status, String out, String err) {
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = VaultlineCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  Path inhex(String text) throws Exception {
    Path p = Files.createTempFile(tmp, "in", ".hex");
    Files.writeString(p, text);
    return p;
  }

  @Test
  void senseIsDecodedAsAnOperatorReadsIt() throws Exception {
    Run r = run("decode", "sense", "--inhex",
        inhex("# MOVE MEDIUM from an empty slot\n70 00 05 00 00 00 00 0a 00 00 00 00 3b 0e 00 c0 00 04\n").toString());
    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith(
        "ILLEGAL REQUEST: Medium source element empty [3B/0E], field pointer CDB byte 4\n");
    assertThat(r.out()).contains("asc: 59").contains("ascq: 14");
  }

  @Test
  void senseAsJsonHasStableFieldNames() throws Exception {
    Run r = run("decode", "sense", "--json", "--inhex",
        inhex("70 00 05 00 00 00 00 0a 00 00 00 00 3b 0e 00 c0 00 04").toString());
    assertThat(r.status()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("kind").asText()).isEqualTo("sense");
    assertThat(j.at("/decoded/key").asText()).isEqualTo("ILLEGAL_REQUEST");
    assertThat(j.at("/decoded/asc").asInt()).isEqualTo(0x3b);
    assertThat(j.at("/decoded/ascq").asInt()).isEqualTo(0x0e);
    assertThat(j.at("/decoded/senseKeySpecific/fieldPointer").asInt()).isEqualTo(4);
    assertThat(j.at("/decoded/raw").asText()).startsWith("70 00 05");
  }

  @Test
  void rawBinaryInputIsAccepted() throws Exception {
    Path raw = tmp.resolve("sense.bin");
    Files.write(raw, new byte[] {0x70, 0, 0x02, 0, 0, 0, 0, 0x0a, 0, 0, 0, 0, 0x3a, 0, 0, 0, 0, 0});
    Run r = run("decode", "sense", "--raw", raw.toString());
    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith("NOT READY: Medium not present [3A/00]");
  }

  @Test
  void malformedInputSaysWhereAndExitsOne() throws Exception {
    Run r = run("decode", "sense", "--json", "--inhex", inhex("00 00 05").toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("VLN0103E sense is malformed at byte 0");
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.at("/error/offset").asInt()).isZero();
  }

  @Test
  void cdbNeedsTheDeviceTypeBecauseOpcodesAreScoped() throws Exception {
    Run r = run("decode", "cdb", "--inhex", inhex("2b 00 00 01 10 05 00 00 00 00").toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("VLN0104E").contains("--type changer|tape");
  }

  @Test
  void unknownKindIsAUsageErrorNamingTheKinds() {
    Run r = run("decode", "elephant", "-");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("'elephant' is not a kind").contains("element-status");
  }

  @Test
  void notHexIsRejectedWithTheLine() throws Exception {
    Run r = run("decode", "sense", "--inhex", inhex("70 00\n05 zz\n").toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("VLN0102E").contains("line 2").contains("zz");
  }

  @Test
  void missingInputIsAUsageError() {
    Run r = run("decode", "sense");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("VLN0101E");
  }

  static String vector(String name) {
    return Path.of("..", "scsi", "src", "test", "resources", "vectors", name).toString();
  }

  @Test
  void realDriveInquiryShowsVendorProductAndType() {
    Run r = run("decode", "inquiry", "--inhex", vector("04_ibm_ultrium-td3_std_inquiry.hex"));
    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith("IBM ULTRIUM-TD3 5CM0, tape, removable medium\n");
  }

  @Test
  void realDriveDeviceIdentificationCarriesTheSerial() throws Exception {
    Run r = run("decode", "vpd", "--json", "--inhex", vector("06_ibm_ultrium-td3_vpd83_devid.hex"));
    assertThat(r.status()).isZero();
    JsonNode d = new ObjectMapper().readTree(r.out()).at("/decoded/designators/0");
    assertThat(d.at("/association").asText()).isEqualTo("LOGICAL_UNIT");
    assertThat(d.toString()).contains("IBM");
    assertThat(r.out()).contains("31 32 31 30 31 37 33 31 38 33"); // "1210173183"
  }

  @Test
  void elementAddressAssignmentPageIsDecodedFromModeSense() throws Exception {
    Run r = run("decode", "mode-page", "--json", "--inhex",
        vector("10_EMULATED_mhvtl_stk_l80_mode_sense6_page1d.hex"));
    assertThat(r.status()).isZero();
    JsonNode p = new ObjectMapper().readTree(r.out()).at("/decoded/decodedPages/0");
    assertThat(p.at("/firstStorage").asInt()).isEqualTo(1000);
    assertThat(p.at("/storageCount").asInt()).isEqualTo(40);
    assertThat(p.at("/firstImportExport").asInt()).isEqualTo(10);
    assertThat(p.at("/dataTransferCount").asInt()).isEqualTo(4);
  }

  @Test
  void densityReportNamesTheLtoGenerations() {
    Run r = run("decode", "report-density", "--inhex", vector("08_lto4_report_density_supported.hex"));
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("U-316").contains("U-416").contains("U-516");
  }

  @Test
  void opcode2BhIsPositionToElementOnAChangerAndLocateOnATapeDrive() throws Exception {
    Path cdb = inhex("2b 00 00 01 10 05 00 00 00 00");
    Run changer = run("decode", "cdb", "--type", "changer", "--inhex", cdb.toString());
    Run tape = run("decode", "cdb", "--type", "tape", "--inhex", cdb.toString());
    assertThat(changer.status()).isZero();
    assertThat(tape.status()).isZero();
    assertThat(changer.out()).startsWith("POSITION TO ELEMENT");
    assertThat(tape.out()).startsWith("LOCATE(10)");
  }

  @Test
  void tapeAlertFlagsAreNamedForTheDeviceThatSetThem() throws Exception {
    // LOG SENSE page 2Eh with parameter 0014h (flag 20) set
    Path page = inhex("2e 00 00 05  00 14 03 01 01");
    Run tape = run("decode", "tapealert", "--inhex", page.toString());
    Run changer = run("decode", "tapealert", "--type", "changer", "--inhex", page.toString());
    assertThat(tape.status()).isZero();
    assertThat(tape.out()).contains("Clean now");
    assertThat(changer.out()).contains("Library security mode");
  }

  @Test
  void shortElementStatusKeepsTheTrustworthyElementsAndWarns() {
    Run r = run("decode", "element-status", "--inhex", Path.of("..", "scsi", "src", "test", "resources", "org",
        "vaultline", "scsi", "smc", "tgt_like_res_all_voltag_dvcid_8_short.hex").toString());
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("storage 0x0400 full \"TGT001L5\"").contains("warning: at byte");
  }
}
