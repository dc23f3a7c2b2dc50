package org.vaultline.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vaultline.emulator.Scsi.assertSense;
import static org.vaultline.emulator.Scsi.check;
import static org.vaultline.emulator.Scsi.ok;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.physical.Cartridge;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.smc.DataTransferElement;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementStatus;
import org.vaultline.scsi.smc.ElementStatusData;
import org.vaultline.scsi.smc.ElementType;
import org.vaultline.scsi.smc.ImportExportElement;
import org.vaultline.scsi.smc.InitializeElementStatus;
import org.vaultline.scsi.smc.MoveMedium;
import org.vaultline.scsi.smc.ReadElementStatus;
import org.vaultline.scsi.smc.StorageElement;
import org.vaultline.scsi.spc.TestUnitReady;
import org.vaultline.scsi.ssc.LoadUnload;
import org.vaultline.scsi.ssc.Read6;
import org.vaultline.scsi.ssc.Rewind;
import org.vaultline.scsi.ssc.Write6;
import org.vaultline.scsi.ssc.WriteFilemarks6;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * The life of a cartridge in every shipped personality: inventory, load, write, unload, put away,
 * export, taken out by the operator, a new one put in, import, with element status after each step.
 */
class ScenarioTest {

  static List<String> personalities() {
    return Personality.CATALOGUE;
  }

  private static ElementAddress a(int v) {
    return ElementAddress.of(v);
  }

  private static ElementStatus status(ScsiTransport changer, int address) throws Exception {
    ElementStatusData d = ok(changer, ReadElementStatus.of(ElementType.ALL, a(address), 1));
    assertThat(d.elements()).hasSize(1);
    assertThat(d.elements().get(0).address()).isEqualTo(a(address));
    return d.elements().get(0);
  }

  private static String tag(ElementStatus e) {
    return e.primaryVolumeTag().map(t -> t.volumeIdentifier()).orElse(null);
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void aCartridgeGoesInAndOutOfEveryLibrary(String name) throws Exception {
    Personality p = Personality.named(name);
    VirtualClock clock = new VirtualClock();
    EmulatedLibrary lib = EmulatedLibrary.builder(p).clock(clock).stock("VOL001L6", "VOL002L6").build();
    ScsiTransport changer = lib.changer();
    ScsiTransport drive = lib.drive(0);
    int slot = p.layout().addresses(ElementKind.STORAGE).get(0);
    int free = p.layout().addresses(ElementKind.STORAGE).get(5);
    int bay = p.layout().addresses(ElementKind.DATA_TRANSFER).get(0);
    int cell = p.layout().addresses(ElementKind.IMPORT_EXPORT).get(0);
    int mt = 0;

    // power-on, then inventory
    assertSense(check(changer, new TestUnitReady()), SenseKey.UNIT_ATTENTION, 0x29, 0x00);
    ok(changer, new InitializeElementStatus());
    ElementStatusData slots = ok(changer, ReadElementStatus.of(ElementType.STORAGE, a(0), 10));
    assertThat(slots.elements(StorageElement.class)).extracting(ScenarioTest::tag)
        .startsWith("VOL001L6", "VOL002L6", null);
    ElementStatusData drives = ok(changer, ReadElementStatus.drives(a(0), p.layout().count(ElementKind.DATA_TRANSFER)));
    assertThat(drives.elements(DataTransferElement.class)).allSatisfy(d -> assertThat(d.full()).isFalse());

    // load: slot -> drive
    ok(changer, MoveMedium.of(a(mt), a(slot), a(bay)));
    assertThat(status(changer, slot).full()).isFalse();
    ElementStatus inDrive = status(changer, bay);
    assertThat(inDrive.full()).isTrue();
    assertThat(tag(inDrive)).isEqualTo("VOL001L6");
    assertThat(inDrive.sourceAddress()).contains(a(slot));
    assertThat(((DataTransferElement) inDrive).access()).as("loaded: the robot cannot take it").isFalse();

    // write
    assertSense(check(drive, new TestUnitReady()), SenseKey.UNIT_ATTENTION, 0x29, 0x00);
    ok(drive, new TestUnitReady());
    ok(drive, Write6.variable(Bytes.ascii("backup of " + name)));
    ok(drive, WriteFilemarks6.filemarks(1));
    ok(drive, new Rewind());
    assertThat(ok(drive, Read6.variable(1000, true))).isEqualTo(Bytes.ascii("backup of " + name));

    // unload, then back to a slot
    assertSense(check(changer, MoveMedium.of(a(mt), a(bay), a(free))), SenseKey.ILLEGAL_REQUEST, 0x53, 0x02);
    ok(drive, LoadUnload.unloadMedium());
    assertThat(((DataTransferElement) status(changer, bay)).access()).isTrue();
    ok(changer, MoveMedium.of(a(mt), a(bay), a(free)));
    assertThat(status(changer, bay).full()).isFalse();
    assertThat(tag(status(changer, free))).isEqualTo("VOL001L6");

    // export to the I/O station
    ok(changer, MoveMedium.of(a(mt), a(free), a(cell)));
    ImportExportElement exported = (ImportExportElement) status(changer, cell);
    assertThat(exported.full()).isTrue();
    assertThat(exported.importExport()).as("placed by the robot").isFalse();
    assertThat(exported.access()).isTrue();
    assertThat(tag(exported)).isEqualTo("VOL001L6");

    // the operator takes it out
    lib.operator().openStation();
    assertSense(check(changer, new TestUnitReady()), SenseKey.UNIT_ATTENTION, 0x28, 0x01);
    assertThat(((ImportExportElement) status(changer, cell)).access()).isFalse();
    Cartridge out = lib.operator().remove(cell);
    assertThat(out.displayName()).isEqualTo("VOL001L6");
    assertThat(status(changer, cell).full()).isFalse();

    // and puts a new one in
    lib.operator().insert("NEW001L6");
    lib.operator().closeStation();
    assertSense(check(changer, new TestUnitReady()), SenseKey.UNIT_ATTENTION, 0x28, 0x01);
    ImportExportElement imported = (ImportExportElement) status(changer, cell);
    assertThat(imported.full()).isTrue();
    assertThat(imported.importExport()).as("placed by the operator").isTrue();
    assertThat(imported.access()).isTrue();
    assertThat(tag(imported)).isEqualTo("NEW001L6");
    assertThat(imported.sourceAddress()).isEmpty();

    // import
    ok(changer, MoveMedium.of(a(mt), a(cell), a(slot)));
    assertThat(status(changer, cell).full()).isFalse();
    ElementStatus home = status(changer, slot);
    assertThat(tag(home)).isEqualTo("NEW001L6");
    assertThat(home.sourceAddress()).contains(a(cell));
    assertThat(lib.internalErrors()).isEmpty();

    // the state survives a reload byte for byte, and the reloaded library shows the same elements
    byte[] saved = lib.saveState();
    EmulatedLibrary again = EmulatedLibrary.builder(p).clock(clock).state(saved).build();
    assertThat(again.saveState()).isEqualTo(saved);
    again.acknowledgePowerOn(Initiator.DEFAULT);
    for (int address : new int[] {slot, free, bay, cell, p.layout().addresses(ElementKind.STORAGE).get(1)}) {
      assertThat(status(again.changer(), address)).isEqualTo(status(changer, address));
    }
  }
}
