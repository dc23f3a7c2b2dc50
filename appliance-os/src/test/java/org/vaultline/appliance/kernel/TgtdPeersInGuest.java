package org.vaultline.appliance.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vaultline.device.discovery.ScsiGenericDevice;
import org.vaultline.device.sgio.SgIoTransport;
import org.vaultline.scsi.sense.CheckConditionException;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.spc.Inquiry;
import org.vaultline.scsi.spc.LogSense;
import org.vaultline.scsi.spc.StandardInquiry;
import org.vaultline.scsi.transport.ScsiExecutor;
import org.vaultline.scsi.transport.Sleeper;

/**
 * The same peer tools against tgtd (Debian tgt 1.0.85, configured by the guest with tgtadm: a changer at LUN 3, two
 * drives at LUN 1 and 2) through the guest kernel, compared with what our own code decodes from the same sg nodes
 * and with what tgtd was configured with. Each test leaves the library as it found it.
 */
@EnabledIfSystemProperty(named = Guest.PROPERTY, matches = "true")
class TgtdPeersInGuest {
  private static Properties config;
  private static String iqn;
  private static ScsiGenericDevice changer;
  private static List<Integer> driveLuns;

  @BeforeAll
  static void findTgtdsUnits() throws Exception {
    config = Guest.target("tgtd");
    iqn = config.getProperty("iqn");
    changer = Guest.changerOf(iqn);
    driveLuns = List.of(1, 2);
  }

  private static ScsiGenericDevice drive(int index) throws Exception {
    int lun = driveLuns.get(index);
    return Guest.unit(iqn, lun).orElseThrow(() -> new AssertionError("no LUN " + lun + " in " + iqn));
  }

  /** first+count of a "slots" or "importExport" property. */
  private static int[] range(String key) {
    String[] p = config.getProperty(key).split("\\+");
    return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
  }

  /** What tgtadm configured, numbered as mtx numbers it. */
  private static ChangerStatus configured() {
    Map<Integer, String> cartridges = new HashMap<>();
    for (String c : config.getProperty("cartridges").split(",")) {
      String[] p = c.split(":");
      cartridges.put(Integer.parseInt(p[0]), p[1]);
    }
    int[] slots = range("slots");
    int[] ie = range("importExport");
    List<ChangerStatus.Slot> all = new ArrayList<>();
    for (int a = slots[0]; a < slots[0] + slots[1]; a++) {
      Optional<String> b = Optional.ofNullable(cartridges.get(a));
      all.add(new ChangerStatus.Slot(false, b.isPresent(), b));
    }
    for (int a = ie[0]; a < ie[0] + ie[1]; a++) {
      Optional<String> b = Optional.ofNullable(cartridges.get(a));
      all.add(new ChangerStatus.Slot(true, b.isPresent(), b));
    }
    List<ChangerStatus.Drive> drives = new ArrayList<>();
    for (int i = 0; i < driveLuns.size(); i++) {
      drives.add(new ChangerStatus.Drive(false, Optional.empty(), Optional.empty()));
    }
    return new ChangerStatus(drives.size(), all.size(), ie[1], drives, all);
  }

  private static ChangerStatus mtxStatus() throws Exception {
    return ChangerStatus.fromMtx(Guest.run("mtx", "-f", changer.node().toString(), "status").ok().out());
  }

  private static ChangerStatus vaultlineElements() {
    return ChangerStatus.fromVaultline(Guest.vaultline("scsi", "elements", "sg:" + changer.node()).ok().out());
  }

  @Test
  void mtxStatusAndVaultlineScsiElementsReadTheSameInventoryFromTgtd() throws Exception {
    ChangerStatus mtx = mtxStatus();

    assertThat(mtx).isEqualTo(configured());
    assertThat(vaultlineElements()).isEqualTo(mtx);
  }

  @Test
  void mtxLoadAndUnloadOnTgtdAreSeenAlikeByMtxAndByUs() throws Exception {
    Path tape = drive(0).tape().orElseThrow();
    String barcode = configured().slots().get(0).barcode().orElseThrow();

    Guest.run("mtx", "-f", changer.node().toString(), "load", "1", "0").ok();
    ChangerStatus loaded = mtxStatus();
    ChangerStatus loadedOurs = vaultlineElements();
    Guest.Ran mt = Guest.run("mt", "-f", tape.toString(), "status").ok();
    Guest.run("mtx", "-f", changer.node().toString(), "unload", "1", "0").ok();

    assertThat(loaded.drives().get(0)).isEqualTo(new ChangerStatus.Drive(true, Optional.of(barcode), Optional.of(1)));
    assertThat(loadedOurs).isEqualTo(loaded);
    assertThat(mt.out()).as(mt.out()).contains("ONLINE");
    assertThat(mtxStatus()).isEqualTo(configured());
  }

  @Test
  void sgInqAndSgVpdAgreeWithOurInquiryAndWithTgtdsConfiguration() throws Exception {
    assertIdentity(changer.node(), "changer", config.getProperty("changer.serial"));
    String[] serials = config.getProperty("drive.serials").split(",");
    for (int i = 0; i < driveLuns.size(); i++) {
      assertIdentity(drive(i).node(), "drive", serials[i]);
    }
  }

  private static void assertIdentity(Path node, String unit, String serial) throws Exception {
    Guest.Ran inq = Guest.run("sg_inq", node.toString()).ok();
    Guest.Ran vpd = Guest.run("sg_vpd", "-p", "sn", node.toString()).ok();
    StandardInquiry ours;
    String ourSerial;
    try (SgIoTransport t = SgIoTransport.open(node)) {
      ScsiExecutor e = ScsiExecutor.standard(t, Sleeper.SYSTEM, ua -> { });
      ours = e.execute(Inquiry.standard(96));
      ourSerial = e.execute(Inquiry.unitSerialNumber(255)).trimmedSerialNumber();
    }

    assertThat(SgTools.field(inq.out(), "Vendor identification")).isEqualTo(ours.vendor())
        .isEqualTo(config.getProperty(unit + ".vendor"));
    assertThat(SgTools.field(inq.out(), "Product identification")).isEqualTo(ours.product())
        .isEqualTo(config.getProperty(unit + ".product"));
    assertThat(SgTools.field(inq.out(), "Product revision level")).isEqualTo(ours.revision())
        .isEqualTo(config.getProperty(unit + ".revision"));
    assertThat(SgTools.field(vpd.out(), "Unit serial number")).isEqualTo(ourSerial).isEqualTo(serial);
  }

  @Test
  void mtStatusReportsEveryTgtdDriveEmpty() throws Exception {
    for (int i = 0; i < driveLuns.size(); i++) {
      Path tape = drive(i).tape().orElseThrow(() -> new AssertionError("the st driver made no tape node"));
      Guest.Ran mt = Guest.run("mt", "-f", tape.toString(), "status").ok();

      assertThat(mt.out()).as(mt.out()).contains("tape drive").contains("DR_OPEN");
    }
  }

  /** tgt has no LOG SENSE (REFERENCE §4): sg_logs fails, and our LOG SENSE gets 5/20/00 from the same node. */
  @Test
  void sgLogsAndOurLogSenseBothFindThatTgtdHasNoTapeAlertPage() throws Exception {
    Path node = drive(0).node();
    Guest.Ran logs = Guest.run("sg_logs", "-p", "0x2e", node.toString());

    assertThat(logs.status()).as(logs.out() + logs.err()).isNotZero();
    try (SgIoTransport t = SgIoTransport.open(node)) {
      ScsiExecutor e = ScsiExecutor.standard(t, Sleeper.SYSTEM, ua -> { });
      assertThatThrownBy(() -> e.execute(LogSense.page(0x2E))).isInstanceOfSatisfying(CheckConditionException.class,
          c -> assertThat(c.sense().is(SenseKey.ILLEGAL_REQUEST, 0x20, 0x00)).as(c.getMessage()).isTrue());
    }
  }
}
