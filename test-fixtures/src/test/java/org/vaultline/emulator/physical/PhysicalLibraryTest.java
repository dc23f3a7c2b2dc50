package org.vaultline.emulator.physical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vaultline.emulator.CheckCondition;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.scsi.sense.SenseKey;

class PhysicalLibraryTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final int MT = 0x0001;
  private static final int SLOT = 0x1000;
  private static final int SLOT2 = 0x1001;
  private static final int IE = 0x0010;
  private static final int DRIVE = 0x0100;

  private final Personality ts3100 = Personality.named("ibm-ts3100");
  private final PhysicalLibrary lib = new PhysicalLibrary(ts3100, MediaStore.inMemory());

  private Cartridge tape(String barcode) {
    return Cartridge.labelled(barcode, MediaType.LTO5);
  }

  private static void assertSense(ThrowingRunnable r, SenseKey key, int asc, int ascq) {
    assertThatThrownBy(r::run).isInstanceOfSatisfying(CheckCondition.class,
        cc -> assertThat(cc.sense().is(key, asc, ascq)).as(cc.sense().toString()).isTrue());
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void aMoveTakesTheRobotTimeAndALoadIntoADriveAlsoTheLoadTime() throws Exception {
    lib.place(SLOT, tape("ABC001L5"));
    Instant done = lib.move(MT, SLOT, DRIVE, T0);
    assertThat(done).isEqualTo(T0.plusSeconds(20 + 15));
    // halfway: the cartridge is in the gripper
    lib.settle(T0.plusSeconds(10));
    assertThat(lib.status(SLOT).full()).isFalse();
    assertThat(lib.status(MT).full()).isTrue();
    assertThat(lib.status(DRIVE).full()).isFalse();
    // placed in the drive, which is threading it
    lib.settle(T0.plusSeconds(20));
    assertThat(lib.status(DRIVE).full()).isTrue();
    assertThat(lib.status(DRIVE).source()).hasValue(SLOT);
    assertThat(lib.status(DRIVE).access()).isFalse();
    assertThat(lib.driveAt(DRIVE).orElseThrow().state()).isEqualTo(TapeDrive.Mechanism.LOADING);
    lib.settle(done);
    assertThat(lib.driveAt(DRIVE).orElseThrow().state()).isEqualTo(TapeDrive.Mechanism.LOADED);
    assertThat(lib.driveAt(DRIVE).orElseThrow().loadCount()).isEqualTo(1);
  }

  @Test
  void aCartridgeCannotLeaveADriveBeforeItIsUnloaded() throws Exception {
    lib.place(SLOT, tape("ABC001L5"));
    Instant loaded = lib.move(MT, SLOT, DRIVE, T0);
    assertSense(() -> lib.move(MT, DRIVE, SLOT, loaded), SenseKey.ILLEGAL_REQUEST, 0x53, 0x02);
    TapeDrive d = lib.driveAt(DRIVE).orElseThrow();
    Instant out = lib.unload(d, loaded);
    assertThat(out).isEqualTo(loaded.plusSeconds(15));
    assertSense(() -> lib.move(MT, DRIVE, SLOT, loaded.plusSeconds(1)), SenseKey.ILLEGAL_REQUEST, 0x53, 0x02);
    lib.settle(out);
    assertThat(lib.status(DRIVE).access()).isTrue();
    Instant back = lib.move(MT, DRIVE, SLOT, out);
    lib.settle(back);
    assertThat(lib.status(SLOT).full()).isTrue();
    assertThat(lib.status(SLOT).source()).hasValue(DRIVE);
    assertThat(d.state()).isEqualTo(TapeDrive.Mechanism.EMPTY);
  }

  @Test
  void anEmptySourceAndAFullDestinationGiveTheStandardSense() throws Exception {
    assertSense(() -> lib.move(MT, SLOT, SLOT2, T0), SenseKey.ILLEGAL_REQUEST, 0x3B, 0x0E);
    lib.place(SLOT, tape("A00001L5"));
    lib.place(SLOT2, tape("A00002L5"));
    assertSense(() -> lib.move(MT, SLOT, SLOT2, T0), SenseKey.ILLEGAL_REQUEST, 0x3B, 0x0D);
  }

  @Test
  void aDestinationAlreadyPromisedToAMoveInFlightIsFull() throws Exception {
    Personality two = Personality.named("large");
    PhysicalLibrary big = new PhysicalLibrary(two, MediaStore.inMemory());
    big.place(0x1000, tape("A00001L8"));
    big.place(0x1001, tape("A00002L8"));
    big.move(0x0001, 0x1000, 0x1005, T0);
    assertSense(() -> big.move(0x0002, 0x1001, 0x1005, T0), SenseKey.ILLEGAL_REQUEST, 0x3B, 0x0D);
  }

  @Test
  void theRobotCannotReachAnOpenIoStation() throws Exception {
    lib.place(SLOT, tape("ABC001L5"));
    lib.openStation(0);
    assertThat(lib.status(IE).access()).isFalse();
    assertSense(() -> lib.move(MT, SLOT, IE, T0), SenseKey.ILLEGAL_REQUEST, 0x53, 0x81);
    lib.closeStation(0);
    assertThat(lib.status(IE).access()).isTrue();
    lib.settle(lib.move(MT, SLOT, IE, T0));
    assertThat(lib.status(IE).impExp()).as("placed by the robot: export").isFalse();
  }

  @Test
  void theOperatorInsertsOnlyThroughAnOpenDoorAndSuchCartridgesShowImpExp() {
    assertThatThrownBy(() -> lib.insert(IE, tape("NEW001L5"))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("open");
    lib.openStation(0);
    lib.insert(IE, tape("NEW001L5"));
    lib.closeStation(0);
    ElementState s = lib.status(IE);
    assertThat(s.full()).isTrue();
    assertThat(s.impExp()).isTrue();
    assertThat(s.access()).isTrue();
    assertThat(s.primaryTag()).contains("NEW001L5");
    assertThat(s.source()).isEmpty();
  }

  @Test
  void aCartridgeIsInTheLibraryOnlyOnce() {
    lib.place(SLOT, tape("ABC001L5"));
    assertThatThrownBy(() -> lib.place(SLOT2, tape("ABC001L5"))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already in the library");
  }

  @Test
  void anUnreadableLabelShowsNoTagAndTheVendorExcept() {
    lib.place(SLOT, tape("ABC001L5").withLabel(Label.of("ABC001L5").unreadable()));
    ElementState s = lib.status(SLOT);
    assertThat(s.full()).isTrue();
    assertThat(s.primaryTag()).isEmpty();
    assertThat(s.except()).hasValueSatisfying(e -> assertThat(e.toString()).isEqualTo("0/83/00"));
  }

  @Test
  void exchangeSwapsTwoCartridgesThroughTheGripper() throws Exception {
    lib.place(SLOT, tape("A00001L5"));
    lib.place(SLOT2, tape("A00002L5"));
    Instant done = lib.exchange(MT, SLOT, SLOT2, SLOT, T0);
    assertThat(done).isEqualTo(T0.plusSeconds(40));
    lib.settle(done);
    assertThat(lib.status(SLOT).primaryTag()).contains("A00002L5");
    assertThat(lib.status(SLOT2).primaryTag()).contains("A00001L5");
  }

  @Test
  void aSecondMoveWaitsForTheRobot() throws Exception {
    lib.place(SLOT, tape("A00001L5"));
    lib.place(SLOT2, tape("A00002L5"));
    lib.move(MT, SLOT, 0x1005, T0);
    assertThat(lib.robotFreeAt(MT)).isEqualTo(T0.plusSeconds(20));
    assertThatThrownBy(() -> lib.move(MT, SLOT2, 0x1006, T0)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("busy");
    Instant second = lib.move(MT, SLOT2, 0x1006, lib.robotFreeAt(MT));
    assertThat(second).isEqualTo(T0.plusSeconds(40));
  }

  @Test
  void aPowerCycleFinishesMovesInFlightAndRewindsLoadedTapes() throws Exception {
    lib.place(SLOT, tape("A00001L5"));
    lib.move(MT, SLOT, DRIVE, T0);
    lib.powerCycle(T0.plusSeconds(1));
    assertThat(lib.status(DRIVE).full()).isTrue();
    assertThat(lib.transits()).isEmpty();
    assertThat(lib.driveAt(DRIVE).orElseThrow().state()).isEqualTo(TapeDrive.Mechanism.LOADED);
  }

  @Test
  void unlabelledCartridgesGetGeneratedSerials() {
    assertThat(lib.nextUnlabelledSerial()).isEqualTo("UNLBL001");
    assertThat(lib.nextUnlabelledSerial()).isEqualTo("UNLBL002");
  }

  @Test
  void dataWrittenToATapeIsThereAfterUnloadAndReload() throws Exception {
    MediaStore store = MediaStore.inMemory();
    PhysicalLibrary l = new PhysicalLibrary(ts3100, store);
    l.place(SLOT, tape("A00001L5"));
    Instant t = l.move(MT, SLOT, DRIVE, T0);
    l.settle(t);
    TapeDrive d = l.driveAt(DRIVE).orElseThrow();
    d.image().append(new TapeImage.Block(org.vaultline.scsi.bytes.Bytes.of(7, 7)));
    d.setPosition(1);
    t = l.unload(d, t);
    l.settle(t);
    t = l.load(d, t);
    l.settle(t.plus(Duration.ofMillis(1)));
    assertThat(d.position()).isZero();
    assertThat(d.image().size()).isEqualTo(1);
  }
}
