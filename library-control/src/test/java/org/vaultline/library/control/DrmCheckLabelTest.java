package org.vaultline.library.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.emulator.physical.Cartridge;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.emulator.physical.Label;
import org.vaultline.library.drm.DrmState;
import org.vaultline.library.inventory.EmulatorFixture;
import org.vaultline.scsi.smc.ElementAddress;

/**
 * SET DRMCHECKLABEL YES (TSM's default): MOVE DRMEDIA reads each volume's tape label in a drive before the eject
 * and refuses one whose label does not name it; NO ejects by barcode alone; without a free drive it does not wait
 * (as TSM's check-out) and stops, leaving the volumes unchanged.
 */
class DrmCheckLabelTest {
  @TempDir Path dir;

  private static int slotOf(EmulatorFixture e, String barcode) {
    for (int a : e.addresses(ElementKind.STORAGE)) {
      if (e.cartridgeAt(ElementAddress.of(a)).filter(barcode::equals).isPresent()) {
        return a;
      }
    }
    throw new AssertionError(barcode + " is not in a slot");
  }

  private static DrmState state(ServerFixture f, String v) {
    return f.server.drm().find(v).orElseThrow().state();
  }

  @Test
  void aVolumeWhoseTapeLabelDoesNotNameItIsNotEjectedAndTheOthersGoOn() throws Exception {
    EmulatorFixture emulator = EmulatorFixture.of("hp-msl", "GOOD01L5", "MISL01L5", "BLANK1L5");
    try (ServerFixture f = ServerFixture.of(emulator, dir).define(1)) {
      f.run("label libvolume LIB1 GOOD01");
      f.run("label libvolume LIB1 MISL01");
      // MISL01's barcode label is replaced by another one: the tape inside still says MISL01
      int slot = slotOf(emulator, "MISL01L5");
      Cartridge c = emulator.lib.operator().takeOut(slot);
      emulator.lib.operator().stock(slot, c.withLabel(Label.of("BADBC1L5")));
      f.run("checkin libvolume LIB1 search=yes status=private checklabel=barcode");
      for (String v : new String[] {"GOOD01", "BADBC1", "BLANK1"}) {
        f.run("define drmvolume " + v + " type=copystgpool pool=OFFSITE status=full library=LIB1");
      }
      ElementAddress badHome = f.volume("BADBC1").orElseThrow().homeElement().orElseThrow();

      CommandResult r = f.attempt("move drmedia * tostate=vault wait=yes");
      assertThat(r.text()).contains("VLN0540W Volume BADBC1 was not ejected from library LIB1 and stays"
          + " MOUNTABLE: its tape label says MISL01; it was put back.")
          .contains("VLN0540W Volume BLANK1 was not ejected").contains("(the tape is blank)").contains("VLN0483W");
      // the library's own account of the label check is in the activity log
      assertThat(f.run("q actlog msgno=244").text()).contains("barcode BADBC1L5 but its tape label says MISL01");
      assertThat(f.run("q actlog msgno=245").text()).contains("has no standard tape label");
      assertThat(state(f, "GOOD01")).isEqualTo(DrmState.VAULT);
      assertThat(f.whereIs("GOOD01L5")).contains(ElementKind.IMPORT_EXPORT);
      assertThat(state(f, "BADBC1")).isEqualTo(DrmState.MOUNTABLE);
      assertThat(state(f, "BLANK1")).isEqualTo(DrmState.MOUNTABLE);
      assertThat(emulator.cartridgeAt(badHome)).contains("BADBC1L5");
      assertThat(f.volume("BADBC1")).isPresent();
      assertThat(f.whereIs("BLANK1L5")).contains(ElementKind.STORAGE);
      assertThat(f.store.read(rd -> rd.drmVolumes().pending()).isEmpty()).isTrue();

      f.run("set drmchecklabel no");
      f.run("move drmedia * tostate=vault wait=yes");
      assertThat(state(f, "BADBC1")).isEqualTo(DrmState.VAULT);
      assertThat(state(f, "BLANK1")).isEqualTo(DrmState.VAULT);
      assertThat(f.whereIs("BADBC1L5")).contains(ElementKind.IMPORT_EXPORT);
    }
  }

  @Test
  void withoutAFreeDriveMoveDrmediaDoesNotWaitAndLeavesTheVolumesUnchanged() throws Exception {
    EmulatorFixture emulator = EmulatorFixture.of("hp-msl", "NODRV1L5", "NODRV2L5");
    try (ServerFixture f = ServerFixture.of(emulator, dir).define(0)) {
      f.run("checkin libvolume LIB1 search=yes status=private checklabel=barcode");
      f.run("define drmvolume NODRV1 type=copystgpool pool=OFFSITE status=full library=LIB1");
      f.run("define drmvolume NODRV2 type=copystgpool pool=OFFSITE status=full library=LIB1");
      CommandResult r = f.attempt("move drmedia * tostate=vault wait=yes");
      assertThat(r.hasErrors()).isTrue();
      assertThat(r.text()).contains("VLN0487E Volume NODRV1 could not be ejected from library LIB1: MOVE DRMEDIA"
          + " cannot read the label of volume NODRV1").contains("does not wait for a drive")
          .contains("SET DRMCHECKLABEL NO").contains("ended: failed");
      assertThat(f.run("q actlog msgno=512").text()).contains("has no drive free to read or write a label");
      assertThat(state(f, "NODRV1")).isEqualTo(DrmState.MOUNTABLE);
      assertThat(state(f, "NODRV2")).isEqualTo(DrmState.MOUNTABLE);
      assertThat(f.whereIs("NODRV1L5")).contains(ElementKind.STORAGE);
      assertThat(f.volume("NODRV1")).isPresent();
    }
  }
}
