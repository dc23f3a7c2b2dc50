package org.vaultline.appliance.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vaultline.device.discovery.ScsiGenericDevice;
import org.vaultline.device.sgio.SgIoTransport;
import org.vaultline.emulator.personality.DeviceIdentity;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.scsi.spc.LogSense;
import org.vaultline.scsi.ssc.TapeAlertPage;
import org.vaultline.scsi.transport.ScsiExecutor;
import org.vaultline.scsi.transport.Sleeper;

/**
 * Peer tools we did not write (mtx, sg3_utils, mt-st) against our standalone emulator ({@code vaultline emulator},
 * the hp-msl personality) through the guest kernel's iSCSI initiator and its sg, st and ch drivers. They must
 * succeed and report what the emulator was configured with; where they disagree with the emulator, the emulator is
 * wrong until proven otherwise. Each test leaves the library as it found it.
 */
@EnabledIfSystemProperty(named = Guest.PROPERTY, matches = "true")
class EmulatorPeersInGuest {
  private static String iqn;
  private static Personality personality;
  private static List<String> stock;
  private static String station;
  private static ScsiGenericDevice changer;

  @BeforeAll
  static void findTheEmulatorsUnits() throws Exception {
    Properties config = Guest.target("emulator");
    iqn = config.getProperty("iqn");
    personality = Personality.named(config.getProperty("personality"));
    stock = Arrays.asList(config.getProperty("stock").split(","));
    station = config.getProperty("station");
    changer = Guest.changerOf(iqn);
  }

  /** The standalone emulator's LUN map: LUN 0 the changer, LUN 1 + i drive i. */
  private static ScsiGenericDevice drive(int index) throws Exception {
    return Guest.unit(iqn, index + 1).orElseThrow(() -> new AssertionError("no LUN " + (index + 1) + " in " + iqn));
  }

  private static int drives() {
    return personality.layout().count(ElementKind.DATA_TRANSFER);
  }

  /** What the emulator was started with: --stock in the first slots, the operator's cartridge in the first mail slot. */
  private static ChangerStatus configured() {
    int storage = personality.layout().count(ElementKind.STORAGE);
    int importExport = personality.layout().count(ElementKind.IMPORT_EXPORT);
    List<ChangerStatus.Slot> slots = new ArrayList<>();
    for (int i = 0; i < storage; i++) {
      Optional<String> barcode = i < stock.size() ? Optional.of(stock.get(i)) : Optional.empty();
      slots.add(new ChangerStatus.Slot(false, barcode.isPresent(), barcode));
    }
    for (int i = 0; i < importExport; i++) {
      Optional<String> barcode = i == 0 ? Optional.of(station) : Optional.empty();
      slots.add(new ChangerStatus.Slot(true, barcode.isPresent(), barcode));
    }
    List<ChangerStatus.Drive> ds = new ArrayList<>();
    for (int i = 0; i < drives(); i++) {
      ds.add(new ChangerStatus.Drive(false, Optional.empty(), Optional.empty()));
    }
    return new ChangerStatus(drives(), storage + importExport, importExport, ds, slots);
  }

  private static ChangerStatus mtxStatus() throws Exception {
    return ChangerStatus.fromMtx(Guest.run("mtx", "-f", changer.node().toString(), "status").ok().out());
  }

  private static ChangerStatus vaultlineElements() {
    return ChangerStatus.fromVaultline(Guest.vaultline("scsi", "elements", "sg:" + changer.node()).ok().out());
  }

  @Test
  void mtxStatusListsTheSameElementsBarcodesAndStationContentsAsVaultlineScsiElements() throws Exception {
    ChangerStatus mtx = mtxStatus();
    ChangerStatus ours = vaultlineElements();

    assertThat(mtx).isEqualTo(configured());
    assertThat(ours).isEqualTo(mtx);
  }

  @Test
  void mtxLoadAndUnloadCarryACartridgeIntoADriveAndBackThroughOurChanger() throws Exception {
    int slot = 2;
    int driveIndex = drives() - 1;
    String barcode = stock.get(slot - 1);
    Path tape = drive(driveIndex).tape().orElseThrow();

    Guest.run("mtx", "-f", changer.node().toString(), "load", Integer.toString(slot), Integer.toString(driveIndex))
        .ok();
    ChangerStatus loaded = mtxStatus();
    Guest.Ran mt = Guest.run("mt", "-f", tape.toString(), "status").ok();
    ChangerStatus loadedOurs = vaultlineElements();
    // as on a real library (REFERENCE §1, ordering), the drive must eject before the robot takes the cartridge:
    // MOVE MEDIUM out of a loaded drive is refused with 5/53/02
    Guest.Ran refused = Guest.run("mtx", "-f", changer.node().toString(), "unload", Integer.toString(slot),
        Integer.toString(driveIndex));
    Guest.run("mt", "-f", tape.toString(), "offline").ok();
    Guest.run("mtx", "-f", changer.node().toString(), "unload", Integer.toString(slot), Integer.toString(driveIndex))
        .ok();

    assertThat(loaded.drives().get(driveIndex))
        .isEqualTo(new ChangerStatus.Drive(true, Optional.of(barcode), Optional.of(slot)));
    assertThat(loaded.slots().get(slot - 1).full()).isFalse();
    assertThat(loadedOurs).isEqualTo(loaded);
    assertThat(mt.out()).as(mt.out()).contains("ONLINE");
    assertThat(refused.status()).isNotZero();
    assertThat(refused.out() + refused.err()).contains("Additional Sense Code = 53")
        .contains("Additional Sense Qualifier = 02");
    assertThat(mtxStatus()).isEqualTo(configured());
  }

  @Test
  void sgInqAndSgVpdReportTheIdentitiesTheEmulatorWasConfiguredWith() throws Exception {
    assertIdentity(changer.node(), personality.changer(), personality.changer().serial(), "medium changer");
    for (int i = 0; i < drives(); i++) {
      assertIdentity(drive(i).node(), personality.drive(), personality.driveSerial(i), "tape");
    }
  }

  private static void assertIdentity(Path node, DeviceIdentity id, String serial, String type) throws Exception {
    Guest.Ran inq = Guest.run("sg_inq", node.toString()).ok();
    Guest.Ran vpd = Guest.run("sg_vpd", "-p", "sn", node.toString()).ok();

    assertThat(SgTools.field(inq.out(), "Vendor identification")).as(inq.out()).isEqualTo(id.vendor());
    assertThat(SgTools.field(inq.out(), "Product identification")).as(inq.out()).isEqualTo(id.product());
    assertThat(SgTools.field(inq.out(), "Product revision level")).as(inq.out()).isEqualTo(id.revision());
    assertThat(inq.out()).contains("Peripheral device type: " + type);
    assertThat(SgTools.field(vpd.out(), "Unit serial number")).as(vpd.out()).isEqualTo(serial);
  }

  @Test
  void mtStatusReportsEveryDriveEmpty() throws Exception {
    for (int i = 0; i < drives(); i++) {
      Path tape = drive(i).tape().orElseThrow(() -> new AssertionError("the st driver made no tape node"));
      Guest.Ran mt = Guest.run("mt", "-f", tape.toString(), "status").ok();

      assertThat(mt.out()).as(mt.out()).contains("tape drive").contains("DR_OPEN");
    }
  }

  @Test
  void sgLogsReadsTheSameTapeAlertFlagsAsOurDecoderThroughSgIo() throws Exception {
    for (int i = 0; i < drives(); i++) {
      Path node = drive(i).node();
      Guest.Ran logs = Guest.run("sg_logs", "-p", "0x2e", node.toString()).ok();
      TapeAlertPage ours;
      try (SgIoTransport t = SgIoTransport.open(node)) {
        ours = TapeAlertPage.from(ScsiExecutor.standard(t, Sleeper.SYSTEM, ua -> { }).execute(LogSense.page(0x2E)));
      }
      List<Boolean> theirs = SgTools.tapeAlertFlags(logs.out());

      assertThat(theirs).as(logs.out()).hasSize(64);
      for (int code = 1; code <= 64; code++) {
        assertThat(ours.isReported(code)).as("flag %d reported", code).isTrue();
        assertThat(theirs.get(code - 1)).as("flag %d: %s", code, logs.out()).isEqualTo(ours.isSet(code));
      }
    }
  }
}
