package org.vaultline.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vaultline.emulator.Scsi.assertSense;
import static org.vaultline.emulator.Scsi.check;
import static org.vaultline.emulator.Scsi.ok;

import org.junit.jupiter.api.Test;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementStatusData;
import org.vaultline.scsi.smc.ElementType;
import org.vaultline.scsi.smc.ImportExportElement;
import org.vaultline.scsi.smc.ReadElementStatus;
import org.vaultline.scsi.spc.PreventAllowMediumRemoval;
import org.vaultline.scsi.spc.TestUnitReady;
import org.vaultline.scsi.transport.ScsiTransport;

class OperatorTest {
  private final VirtualClock clock = new VirtualClock();
  private final Initiator one = new Initiator("one");
  private final Initiator two = new Initiator("two");

  private EmulatedLibrary library(String name) throws Exception {
    EmulatedLibrary lib = EmulatedLibrary.builder(Personality.named(name)).clock(clock).build();
    for (Initiator i : new Initiator[] {one, two}) {
      assertSense(check(lib.changer(i), new TestUnitReady()), SenseKey.UNIT_ATTENTION, 0x29, 0x00);
    }
    return lib;
  }

  private static ElementStatusData stations(ScsiTransport changer) throws Exception {
    return ok(changer, ReadElementStatus.of(ElementType.IMPORT_EXPORT, ElementAddress.of(0), 100));
  }

  @Test
  void openingAndClosingTheStationRaises6_28_01OnceForEachInitiator() throws Exception {
    EmulatedLibrary lib = library("hp-msl");
    lib.operator().openStation();
    for (Initiator i : new Initiator[] {one, two}) {
      assertSense(check(lib.changer(i), new TestUnitReady()), SenseKey.UNIT_ATTENTION, 0x28, 0x01);
      ok(lib.changer(i), new TestUnitReady());
    }
    assertThat(stations(lib.changer(one)).elements(ImportExportElement.class))
        .allSatisfy(e -> assertThat(e.access()).isFalse());
    lib.operator().closeStation();
    assertSense(check(lib.changer(two), new TestUnitReady()), SenseKey.UNIT_ATTENTION, 0x28, 0x01);
    assertThat(stations(lib.changer(two)).elements(ImportExportElement.class))
        .allSatisfy(e -> assertThat(e.access()).isTrue());
  }

  @Test
  void insertedCartridgesShowImpExpWithOrWithoutALabel() throws Exception {
    EmulatedLibrary lib = library("ibm-ts3500");
    lib.operator().openStation();
    lib.operator().insert("IMP001L6");
    lib.operator().insertUnlabelled();
    lib.operator().insertWithUnreadableLabel("BAD001L6");
    lib.operator().closeStation();
    assertSense(check(lib.changer(one), new TestUnitReady()), SenseKey.UNIT_ATTENTION, 0x28, 0x01);
    ElementStatusData d = stations(lib.changer(one));
    var cells = d.elements(ImportExportElement.class);
    assertThat(cells.get(0).importExport()).isTrue();
    assertThat(cells.get(0).primaryVolumeTag().orElseThrow().volumeIdentifier()).isEqualTo("IMP001L6");
    assertThat(cells.get(1).full()).isTrue();
    assertThat(cells.get(1).primaryVolumeTag()).isEmpty();
    assertThat(cells.get(1).except()).isFalse();
    assertThat(cells.get(2).full()).isTrue();
    assertThat(cells.get(2).primaryVolumeTag()).isEmpty();
    assertThat(cells.get(2).except()).as("IBM reports an unreadable label as an exception").isTrue();
    assertThat(cells.get(2).state().asc()).isEqualTo(0x83);
    assertThat(cells.get(3).full()).isFalse();
  }

  @Test
  void barcodesTheScannerCannotReadAreAQuirk() throws Exception {
    Personality p = Personality.named("hp-msl");
    Personality q = p.withQuirks(p.quirks().withUnreadableBarcodes(java.util.Set.of("VOL002L5")));
    EmulatedLibrary lib = EmulatedLibrary.builder(q).clock(clock).stock("VOL001L5", "VOL002L5").build();
    lib.acknowledgePowerOn(Initiator.DEFAULT);
    ElementStatusData d = ok(lib.changer(), ReadElementStatus.of(ElementType.STORAGE, ElementAddress.of(0), 2));
    assertThat(d.elements().get(0).primaryVolumeTag()).isPresent();
    assertThat(d.elements().get(1).full()).isTrue();
    assertThat(d.elements().get(1).primaryVolumeTag()).isEmpty();
  }

  @Test
  void preventMediumRemovalLocksTheStationUntilAllowedOrPowerCycled() throws Exception {
    EmulatedLibrary lib = library("ibm-ts3100");
    ok(lib.changer(one), PreventAllowMediumRemoval.preventRemoval());
    assertThatThrownBy(() -> lib.operator().openStation()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("locked");
    ok(lib.changer(one), PreventAllowMediumRemoval.allowRemoval());
    lib.operator().openStation();
    lib.operator().closeStation();
    assertSense(check(lib.changer(two), new TestUnitReady()), SenseKey.UNIT_ATTENTION, 0x28, 0x01);
    ok(lib.changer(two), PreventAllowMediumRemoval.preventRemoval());
    lib.operator().powerCycle();
    lib.operator().openStation();
  }

  @Test
  void thePowerCycleRaises6_29_00OnTheChangerAndEveryDrive() throws Exception {
    EmulatedLibrary lib = library("hp-msl");
    for (int d = 0; d < lib.driveCount(); d++) {
      check(lib.drive(d, one), new TestUnitReady());
    }
    lib.operator().powerCycle();
    assertSense(check(lib.changer(one), new TestUnitReady()), SenseKey.UNIT_ATTENTION, 0x29, 0x00);
    assertSense(check(lib.changer(two), new TestUnitReady()), SenseKey.UNIT_ATTENTION, 0x29, 0x00);
    for (int d = 0; d < lib.driveCount(); d++) {
      assertSense(check(lib.drive(d, one), new TestUnitReady()), SenseKey.UNIT_ATTENTION, 0x29, 0x00);
      assertSense(check(lib.drive(d, one), new TestUnitReady()), SenseKey.NOT_READY, 0x3A, 0x00);
    }
  }

  @Test
  void theOperatorCannotReachIntoAClosedStationOrOverfillIt() throws Exception {
    EmulatedLibrary lib = library("ibm-ts3100");
    assertThatThrownBy(() -> lib.operator().insert("X00001L5")).isInstanceOf(IllegalStateException.class);
    lib.operator().openStation();
    lib.operator().insert("X00001L5");
    assertThatThrownBy(() -> lib.operator().insert("X00002L5")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("full");
    assertThat(lib.operator().removeAll(0)).extracting(c -> c.displayName()).containsExactly("X00001L5");
  }

  @Test
  void showListsDrivesStationsAndCartridges() throws Exception {
    EmulatedLibrary lib = EmulatedLibrary.builder(Personality.named("large")).clock(clock).stock("BIG001L8").build();
    String s = lib.operator().show();
    assertThat(s).contains("I/O station 3: closed").contains("drive 63 at 0x013F").contains("BIG001L8")
        .contains("19999 empty slots");
  }
}
