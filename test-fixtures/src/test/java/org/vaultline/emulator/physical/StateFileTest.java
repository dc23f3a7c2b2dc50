package org.vaultline.emulator.physical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.scsi.bytes.Bytes;

class StateFileTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private final Personality ts3500 = Personality.named("ibm-ts3500");

  private PhysicalLibrary busyLibrary(MediaStore store) throws Exception {
    PhysicalLibrary lib = new PhysicalLibrary(ts3500, store);
    lib.place(0x0400, Cartridge.labelled("AAA001L6", org.vaultline.emulator.physical.MediaType.LTO6));
    lib.place(0x0401, Cartridge.labelled("AAA002L6", MediaType.LTO6).withWriteProtect(true));
    lib.place(0x0500, new Cartridge("odd serial/%", Optional.of(new Label("X%Y=1", Optional.of("ALT-9"), false)),
        MediaType.LTO5, false));
    lib.place(0x0402, new Cartridge(lib.nextUnlabelledSerial(), Optional.empty(), MediaType.LTO6, false));
    // a loaded drive with a position, an unloaded one, a move in flight, an open station with an import
    Instant t = lib.move(0x0001, 0x0400, 0x0101, T0);
    lib.settle(t);
    TapeDrive d = lib.driveAt(0x0101).orElseThrow();
    d.image().append(new TapeImage.Block(Bytes.of(1)));
    d.image().append(TapeImage.FILEMARK);
    d.setPosition(2);
    d.setBlockSize(512);
    lib.place(0x0102, Cartridge.labelled("AAA003L6", MediaType.LTO6));
    lib.move(0x0001, 0x0401, 0x0300, t);
    lib.openStation(0);
    lib.insert(0x0301, Cartridge.labelled("NEW001L6", MediaType.LTO6));
    return lib;
  }

  @Test
  void savedStateSurvivesAReloadByteForByte() throws Exception {
    MediaStore store = MediaStore.inMemory();
    PhysicalLibrary lib = busyLibrary(store);
    lib.closeStation(0);
    // the gripper move to 0x0300 is still in flight
    byte[] first = StateFile.save(lib);
    assertThat(new String(first, StandardCharsets.UTF_8)).contains("transit 0x0001 source=0x0401 destination=0x0300");
    PhysicalLibrary back = StateFile.load(first, ts3500, store);
    byte[] second = StateFile.save(back);
    // the move has finished in the reloaded library; saving that again is stable
    assertThat(new String(second, StandardCharsets.UTF_8)).doesNotContain("transit")
        .contains("element 0x0300 serial=AAA002L6 media=LTO6 wp=true");
    assertThat(StateFile.save(StateFile.load(second, ts3500, store))).isEqualTo(second);
  }

  @Test
  void aStateWithoutMovesInFlightReloadsToTheSameBytes() throws Exception {
    MediaStore store = MediaStore.inMemory();
    PhysicalLibrary lib = busyLibrary(store);
    lib.settle(T0.plusSeconds(3600));
    byte[] saved = StateFile.save(lib);
    assertThat(StateFile.save(StateFile.load(saved, ts3500, store))).isEqualTo(saved);
  }

  @Test
  void theReloadedLibraryHasEveryCartridgeDriveAndDoorWhereItWas() throws Exception {
    MediaStore store = MediaStore.inMemory();
    PhysicalLibrary lib = busyLibrary(store);
    lib.settle(T0.plusSeconds(3600));
    PhysicalLibrary back = StateFile.load(StateFile.save(lib), ts3500, store);
    for (PhysicalElement e : lib.elements()) {
      assertThat(back.status(e.address())).as("element 0x%04X", e.address()).isEqualTo(lib.status(e.address()));
      assertThat(back.element(e.address()).orElseThrow().cartridge()).isEqualTo(e.cartridge());
    }
    TapeDrive d = back.driveAt(0x0101).orElseThrow();
    assertThat(d.state()).isEqualTo(TapeDrive.Mechanism.LOADED);
    assertThat(d.position()).isEqualTo(2);
    assertThat(d.blockSize()).isEqualTo(512);
    assertThat(d.image().size()).isEqualTo(2);
    assertThat(back.driveAt(0x0102).orElseThrow().state()).isEqualTo(TapeDrive.Mechanism.UNLOADED);
    assertThat(back.station(0).isOpen()).isTrue();
    assertThat(back.nextUnlabelledSerial()).isEqualTo("UNLBL002");
  }

  @Test
  void aStateSavedForAnotherModelIsRefused() throws Exception {
    byte[] saved = StateFile.save(busyLibrary(MediaStore.inMemory()));
    assertThatThrownBy(() -> StateFile.load(saved, Personality.named("ibm-ts3100"), MediaStore.inMemory()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ibm-ts3500");
  }

  @Test
  void garbageIsNotAState() {
    assertThatThrownBy(() -> StateFile.load("hello".getBytes(StandardCharsets.UTF_8), ts3500, MediaStore.inMemory()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
