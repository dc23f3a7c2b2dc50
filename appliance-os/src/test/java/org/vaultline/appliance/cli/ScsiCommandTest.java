package org.vaultline.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vaultline.device.sgio.SgIo;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.physical.ElementKind;

/** {@code vaultline scsi} in process against {@code emulated:} devices, and its syntax errors. */
class ScsiCommandTest {
  static final String LIB = "emulated:ibm-ts3100";

  @TempDir
  Path tmp;

  record Run(int status, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = VaultlineCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  static JsonNode json(Run r) throws Exception {
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void inquiryShowsStandardDataAndTheSerialAndIdentificationPages() {
    Run r = run("scsi", "inquiry", LIB);
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("IBM 3573-TL F.11, changer\n")
        .contains("Standard INQUIRY data:\n")
        .contains("  vendor: IBM\n")
        .contains("Supported VPD pages: 00h 80h 83h\n")
        .contains("Unit serial number (VPD page 80h): 00L4U78A5815_LL0\n")
        .contains("Device identification (VPD page 83h):\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void inquiryOfADriveLunNamesTheDrive() {
    Run r = run("scsi", "inquiry", "--device", LIB + "/1");
    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith("IBM ULT3580-TD5 H971, tape, removable medium\n")
        .contains("Unit serial number (VPD page 80h): " + Personality.named("ibm-ts3100").driveSerial(0) + "\n");
  }

  @Test
  void inquiryAsJsonHasStableFieldNames() throws Exception {
    JsonNode j = json(run("scsi", "inquiry", "--json", LIB));
    assertThat(j.get("device").asText()).isEqualTo(LIB);
    assertThat(j.at("/standard/vendor").asText()).isEqualTo("IBM");
    assertThat(j.at("/standard/deviceTypeCode").asInt()).isEqualTo(8);
    assertThat(j.at("/unitSerialNumber/serialNumber").asText()).isEqualTo("00L4U78A5815_LL0");
    assertThat(j.at("/deviceIdentification/designators")).isNotEmpty();
    assertThat(j.at("/supportedVpdPages/pageCodes").toString()).isEqualTo("[0,128,131]");
  }

  @Test
  void turOnTheChangerIsGood() {
    Run r = run("scsi", "tur", LIB);
    assertThat(r.status()).isZero();
    assertThat(r.out()).isEqualTo("TEST UNIT READY: GOOD, the device is ready\n");
  }

  @Test
  void turOnAnEmptyDriveIsNotReadyWithMediumNotPresent() throws Exception {
    Run r = run("scsi", "tur", LIB + "/1");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).contains("TEST UNIT READY: CHECK CONDITION: NOT READY: Medium not present")
        .contains("[3A/00]");
    JsonNode j = json(run("scsi", "tur", "--json", LIB + "/1"));
    assertThat(j.get("ready").asBoolean()).isFalse();
    assertThat(j.at("/sense/asc").asInt()).isEqualTo(0x3a);
  }

  @Test
  void rawInquiryPrintsStatusHexDumpAndTheDecodedData() {
    Run r = run("scsi", "raw", LIB, "12", "00", "00", "00", "24", "00");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("CDB: 12 00 00 00 24 00 (INQUIRY)\nStatus: GOOD\nData in: 36 of 36 bytes (residual 0)\n")
        .contains("0000  08 00 06 12 ")
        .contains("Decoded as INQUIRY:\n  IBM 3573-TL F.11, changer\n")
        .contains("  product: 3573-TL\n");
  }

  @Test
  void rawAcceptsTheCdbAsOneHexWordAndTheDeviceAsOption() {
    Run r = run("scsi", "raw", "--device", LIB, "120000002400");
    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith("CDB: 12 00 00 00 24 00 (INQUIRY)");
  }

  @Test
  void rawShowsCheckConditionWithDecodedSenseAndExitsOne() {
    // INQUIRY with CMDDT (byte 1 bit 1), obsolete: the emulator points at it
    Run r = run("scsi", "raw", LIB, "12 02 00 00 24 00");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).contains("Status: CHECK CONDITION\n")
        .contains("Sense: ILLEGAL REQUEST: Invalid field in CDB [24/00], field pointer CDB byte 1")
        .contains("Sense bytes: 70 00 05");
  }

  @Test
  void rawReadElementStatusIsDecodedIntoElements() {
    // READ ELEMENT STATUS, VOLTAG, storage, from 1000h, 4 elements, FFFFh bytes
    Run r = run("scsi", "raw", LIB, "b8 12 10 00 00 04 00 00 ff ff 00 00");
    assertThat(r.status()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("(READ ELEMENT STATUS)").contains("Decoded as READ ELEMENT STATUS:")
        .contains("0x1000 full \"EMU001L5\"").contains("0x1003 full \"EMU004L5\"");
  }

  @Test
  void rawModeSenseDecodesTheElementAddressAssignmentPage() {
    Run r = run("scsi", "raw", LIB, "1a 08 1d 00 ff 00");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("(MODE SENSE(6))").contains("Data in: 24 of 255 bytes (residual 231)")
        .contains("first storage: 0x1000").contains("storage count: 22")
        .contains("first import export: 0x0010").contains("first data transfer: 0x0100");
  }

  @Test
  void vaultlineHelpListsTheScsiAndEmulatorCommands() {
    Run r = run("--help");
    assertThat(r.out()).contains("  scsi ").contains("  emulator ");
  }

  @Test
  void rawWithDataInZeroSendsNoDataCommand() {
    Run r = run("scsi", "raw", LIB, "--data-in", "0", "00 00 00 00 00 00");
    assertThat(r.out()).contains("(TEST UNIT READY)").doesNotContain("Data in:");
  }

  @Test
  void rawDataOutFromHexIsSent() throws Exception {
    // MODE SELECT(6), PF, 4-byte header only: the emulator takes or refuses it, but the data goes out
    Run r = run("scsi", "raw", LIB, "--data-out", "00 00 00 00", "15 10 00 00 04 00");
    assertThat(r.out()).contains("(MODE SELECT(6))").contains("Data out: 4 bytes");
    Path f = tmp.resolve("params.bin");
    Files.write(f, new byte[] {0, 0, 0, 0});
    Run fromFile = run("scsi", "raw", LIB, "--data-out", f.toString(), "15 10 00 00 04 00");
    assertThat(fromFile.out()).contains("Data out: 4 bytes");
  }

  @Test
  void rawAsJsonCarriesStatusSenseAndData() throws Exception {
    JsonNode j = json(run("scsi", "raw", "--json", LIB, "12 00 00 00 24 00"));
    assertThat(j.get("status").asText()).isEqualTo("GOOD");
    assertThat(j.get("command").asText()).isEqualTo("INQUIRY");
    assertThat(j.get("dataIn").asText()).startsWith("08 00 06 12");
    assertThat(j.at("/decoded/product").asText()).isEqualTo("3573-TL");
    JsonNode bad = json(run("scsi", "raw", "--json", LIB, "12 02 00 00 24 00"));
    assertThat(bad.get("statusCode").asInt()).isEqualTo(2);
    assertThat(bad.at("/sense/key").asText()).isEqualTo("ILLEGAL_REQUEST");
  }

  @Test
  void elementsListsEveryElementLikeMtxByAddress() {
    Run r = run("scsi", "elements", LIB);
    assertThat(r.status()).as(r.err()).isZero();
    String serial = Personality.named("ibm-ts3100").driveSerial(0);
    assertThat(r.lines()).contains(
        "  Storage Changer emulated:ibm-ts3100:1 Drives, 23 Slots ( 1 Import/Export )",
        "Data Transfer Element 0x0100: Empty :Serial=" + serial,
        "      Storage Element 0x1000: Full :VolumeTag=EMU001L5",
        "      Storage Element 0x1003: Full :VolumeTag=EMU004L5",
        "      Storage Element 0x1004: Empty",
        "      Storage Element 0x1015: Empty",
        "      Storage Element 0x0010 IMPORT/EXPORT: Empty",
        "Medium Transport Element 0x0001: Empty");
    assertThat(r.lines().stream().filter(l -> l.contains(" Element 0x"))).hasSize(1 + 22 + 1 + 1);
    assertThat(r.lines().get(0)).isEqualTo("  Storage Changer emulated:ibm-ts3100:1 Drives, 23 Slots ( 1 Import/Export )");
    assertThat(r.lines().get(1)).isEqualTo("Data Transfer Element 0x0100: Empty :Serial=" + serial);
  }

  @Test
  void elementsAsJsonHasOneObjectPerElementWithDriveIdentity() throws Exception {
    JsonNode j = json(run("scsi", "elements", "--json", LIB));
    assertThat(j.at("/changer/product").asText()).isEqualTo("3573-TL");
    assertThat(j.at("/addressAssignment/firstStorage").asInt()).isEqualTo(0x1000);
    JsonNode elements = j.get("elements");
    assertThat(elements).hasSize(25);
    JsonNode drive = elements.get(0);
    assertThat(drive.get("type").asText()).isEqualTo("DATA_TRANSFER");
    assertThat(drive.at("/identification/serial").asText()).isEqualTo(Personality.named("ibm-ts3100").driveSerial(0));
    assertThat(drive.at("/identification/vendor").asText()).isEqualTo("IBM");
    JsonNode slot = elements.get(1);
    assertThat(slot.get("address").asInt()).isEqualTo(0x1000);
    assertThat(slot.get("full").asBoolean()).isTrue();
    assertThat(slot.get("volumeTag").asText()).isEqualTo("EMU001L5");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ibm-ts3100", "ibm-ts3500", "stk-sl500", "hp-msl", "large"})
  void elementsReadsEveryPersonalityCompletelyIncludingGapsAndPaging(String name) {
    Personality p = Personality.named(name);
    int expected = 0;
    for (ElementKind k : ElementKind.values()) {
      expected += p.layout().addresses(k).size();
    }
    Run r = run("scsi", "elements", "emulated:" + name);
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.lines().stream().filter(l -> l.contains(" Element 0x"))).hasSize(expected);
    assertThat(r.out()).doesNotContain("note: ");
    assertThat(r.lines().stream().filter(l -> l.startsWith("Data Transfer Element") && l.contains(":Serial=")))
        .hasSize(p.layout().addresses(ElementKind.DATA_TRANSFER).size());
  }

  @Test
  void elementsOnADriveSaysItIsNotAChanger() {
    Run r = run("scsi", "elements", LIB + "/1");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).startsWith("VLN0330E emulated:ibm-ts3100/1 is a tape (IBM ULT3580-TD5), not a media changer");
  }

  @Test
  void noDeviceIsASyntaxErrorWithMessageIdAndTheRightForm() {
    Run r = run("scsi", "inquiry");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("VLN0301E No device given.").contains("The right form is:")
        .contains("Usage: vaultline scsi inquiry");
  }

  @Test
  void theDeviceGivenTwiceIsASyntaxError() {
    Run r = run("scsi", "tur", "--device", LIB, LIB);
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("VLN0302E Give the device once");
  }

  @Test
  void aBadDeviceUrlSaysWhatIsWrong() {
    Run r = run("scsi", "elements", "/dev/sg3");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("VLN0303E Invalid device URL: no device type in \"/dev/sg3\"; did you mean sg:/dev/sg3?")
        .contains("Usage: vaultline scsi elements");
  }

  @Test
  void anUnknownPersonalityCannotBeOpened() {
    Run r = run("scsi", "inquiry", "emulated:no-such-library");
    assertThat(r.status()).isEqualTo(3);
    assertThat(r.err()).startsWith("VLN0310E Cannot open emulated:no-such-library: no personality \"no-such-library\"");
  }

  @Test
  void aMissingDriveLunCannotBeOpened() {
    Run r = run("scsi", "tur", LIB + "/2");
    assertThat(r.status()).isEqualTo(3);
    assertThat(r.err()).contains("no LUN 2; ibm-ts3100 has LUN 0 (changer) and LUN 1..1 (drives)");
  }

  @Test
  void anSgDeviceWithoutSgIoSaysWhy() {
    Run r = run("scsi", "inquiry", "sg:/dev/sg-vaultline-test");
    assertThat(r.status()).isEqualTo(3);
    assertThat(r.err()).startsWith("VLN0310E Cannot open sg:/dev/sg-vaultline-test: ");
    if (!SgIo.isAvailable()) {
      assertThat(r.err()).contains("SG_IO cannot be used in this process");
    }
  }

  @Test
  void scsiWithoutSubcommandAsksForOne() {
    Run r = run("scsi");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("VLN0300E A scsi subcommand is required");
  }

  @Test
  void rawSyntaxErrorsAreCaughtBeforeTheDeviceIsOpened() {
    assertThat(run("scsi", "raw", LIB).err()).startsWith("VLN0320E No CDB given");
    assertThat(run("scsi", "raw", LIB, "12 zz").err()).startsWith("VLN0320E The CDB is not hex bytes");
    assertThat(run("scsi", "raw", LIB, "12 00 00").err())
        .startsWith("VLN0321E Operation code 12h has a 6-byte CDB (SPC-4 group code), not 3 bytes.");
    assertThat(run("scsi", "raw", LIB, "--data-in", "8", "--data-out", "00", "12 00 00 00 08 00").err())
        .startsWith("VLN0322E Give --data-in or --data-out, not both");
    assertThat(run("scsi", "raw", LIB, "--timeout", "soon", "00 00 00 00 00 00").err())
        .startsWith("VLN0324E --timeout takes seconds");
    assertThat(run("scsi", "raw", LIB, "--data-out", "not-a-file-or-hex", "15 10 00 00 04 00").err())
        .startsWith("VLN0323E --data-out is neither a readable file nor hex bytes");
    // a device that cannot be opened is not touched when the syntax is wrong
    Run r = run("scsi", "raw", "emulated:no-such-library", "12 00");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("VLN0321E").contains("The right form is:");
  }
}
