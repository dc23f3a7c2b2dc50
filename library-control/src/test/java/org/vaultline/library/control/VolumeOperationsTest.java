package org.vaultline.library.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.emulator.physical.Cartridge;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.library.inventory.EmulatorFixture;
import org.vaultline.library.store.LibraryVolume;
import org.vaultline.library.store.VolumeStatus;
import org.vaultline.scsi.smc.ElementAddress;

/**
 * The variants the scenario does not walk through: LABEL with SEARCH=YES and SEARCH=BULK CHECKIN=, a volume
 * known by its tape label alone (its barcode unreadable) found by AUDIT CHECKLABEL=YES, CHECKOUT REMOVE=NO,
 * cleaners and VOLRANGE.
 */
class VolumeOperationsTest {
  @TempDir Path dir;

  @Test
  void labelSearchYesLabelsTheCartridgesInSlotsWhereTheyAre() {
    EmulatorFixture emulator = EmulatorFixture.of("stk-sl500", "LBS001L4", "LBS002L4", "OTH001L4");
    try (ControlFixture f = ControlFixture.of(emulator, dir).define(2)) {
      CommandResult r = f.run("label libvolume LIB1 search=yes labelsource=barcode volrange=LBS001,LBS009");
      assertThat(r.messages().stream().filter(m -> m.id().number() == 248)).hasSize(2);
      assertThat(r.text()).contains("VLN0251I LABEL LIBVOLUME for library LIB1 completed: 2 volumes labelled, 0 not.");
      assertThat(f.at(f.address(ElementKind.STORAGE, 0))).contains("LBS001L4");
      assertThat(f.at(f.address(ElementKind.STORAGE, 1))).contains("LBS002L4");
      assertThat(f.volumes()).as("labelling does not check in").isEmpty();
      // and CHECKIN SEARCH=YES CHECKLABEL=YES now finds the labels (OTH001 has none)
      CommandResult in = f.attempt("checkin libvolume LIB1 search=yes status=scratch checklabel=yes");
      assertThat(in.text()).contains("VLN0249I CHECKIN LIBVOLUME for library LIB1 completed: 2 volumes checked in,"
          + " 1 skipped.").contains("VLN0245E");
      assertThat(f.volume("LBS001").orElseThrow().homeElement()).contains(f.address(ElementKind.STORAGE, 0));
    }
  }

  @Test
  void labelSearchBulkChecksTheLabelledCartridgesIn() {
    EmulatorFixture emulator = EmulatorFixture.of("stk-sl500");
    try (ControlFixture f = ControlFixture.of(emulator, dir).define(1)) {
      f.insert("LBB001L4", "LBB002L4");
      CommandResult r = f.run("label libvolume LIB1 search=bulk checkin=scratch waittime=0");
      assertThat(r.messages().stream().filter(m -> m.id().number() == 110)).hasSize(2);
      for (String v : new String[] {"LBB001", "LBB002"}) {
        LibraryVolume vol = f.volume(v).orElseThrow();
        assertThat(vol.status()).isEqualTo(VolumeStatus.SCRATCH);
        assertThat(f.whereIs(v + "L4")).isEqualTo(vol.homeElement());
      }
      assertThat(f.outstanding()).isEmpty();
    }
  }

  @Test
  void aVolumeKnownOnlyByItsTapeLabelIsFoundByAuditWithChecklabelYes() throws Exception {
    EmulatorFixture emulator = EmulatorFixture.of("hp-msl", "TAP001L5");
    try (ControlFixture f = ControlFixture.of(emulator, dir).define(1)) {
      f.run("label libvolume LIB1 TAP001");
      ElementAddress slot = f.address(ElementKind.STORAGE, 0);
      // the barcode label falls off: the scanner can no longer read it, the tape label is still there
      Cartridge c = emulator.lib.operator().takeOut(slot.value());
      emulator.lib.operator().stock(slot.value(), c.withLabel(c.label().orElseThrow().unreadable()));
      CommandResult in = f.run("checkin libvolume LIB1 search=yes status=private checklabel=yes");
      assertThat(in.has(110)).as(in.text()).isTrue();
      LibraryVolume v = f.volume("TAP001").orElseThrow();
      assertThat(v.barcode()).isEmpty();
      assertThat(v.homeElement()).contains(slot);

      ElementAddress other = f.address(ElementKind.STORAGE, 7);
      emulator.lib.operator().stock(other.value(), emulator.lib.operator().takeOut(slot.value()));
      CommandResult audit = f.run("audit library LIB1 checklabel=yes");
      assertThat(audit.text()).contains("VLN0132W AUDIT LIBRARY LIB1: volume TAP001 found at element " + other);
      assertThat(f.volume("TAP001").orElseThrow().homeElement()).contains(other);

      emulator.lib.operator().stock(slot.value(), emulator.lib.operator().takeOut(other.value()));
      CommandResult byBarcode = f.run("audit library LIB1 checklabel=barcode");
      assertThat(byBarcode.text()).as("without reading labels it cannot be found")
          .contains("VLN0131W AUDIT LIBRARY LIB1: volume TAP001 is not in the library");
      assertThat(f.volume("TAP001")).isEmpty();
    }
  }

  @Test
  void removeNoChecksOutWithoutMovingAndCleanersAreCheckedInByBarcode() {
    EmulatorFixture emulator = EmulatorFixture.of("ibm-ts3500", "RMN001L6", "RMN002L6", "CLN001L1");
    try (ControlFixture f = ControlFixture.of(emulator, dir).define(1)) {
      f.run("checkin libvolume LIB1 search=yes status=private checklabel=barcode volrange=RMN001,RMN002");
      f.run("checkin libvolume LIB1 search=yes status=cleaner cleanings=40 vollist=CLN001");
      LibraryVolume cleaner = f.volume("CLN001").orElseThrow();
      assertThat(cleaner.status()).isEqualTo(VolumeStatus.CLEANER);
      assertThat(cleaner.cleaningsLeft()).contains(40);
      ElementAddress home = f.volume("RMN001").orElseThrow().homeElement().orElseThrow();
      CommandResult out = f.run("checkout libvolume LIB1 RMN001 remove=no");
      assertThat(out.text()).contains("VLN0111I Volume RMN001 checked out of library LIB1.");
      assertThat(f.volume("RMN001")).isEmpty();
      assertThat(f.at(home)).contains("RMN001L6");
      ResultTable q = f.run("query libvolume LIB1").table().orElseThrow();
      assertThat(q.column("Volume Name")).containsExactly("CLN001", "RMN002");
      assertThat(q.column("Status")).containsExactly("Cleaner", "Private");
      CommandResult audit = f.run("audit library LIB1 checklabel=barcode");
      assertThat(audit.text()).contains("VLN0133W AUDIT LIBRARY LIB1: cartridge RMN001L6 at element " + home)
          .contains("1 cartridges unknown");
    }
  }
}
