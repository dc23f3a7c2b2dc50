package org.vaultline.library.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.emulator.UnitId;
import org.vaultline.emulator.fault.Fault;
import org.vaultline.emulator.fault.Trigger;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.library.inventory.EmulatorFixture;
import org.vaultline.library.store.LibraryVolume;
import org.vaultline.library.store.Messages;
import org.vaultline.library.store.Move;
import org.vaultline.library.store.MoveIntent;
import org.vaultline.library.store.MovePurpose;
import org.vaultline.library.store.MoveState;
import org.vaultline.library.store.VolumeStatus;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.MoveMedium;

/**
 * How a move left open by a crash is settled when the library is started again, case by case (the crash tests
 * kill real processes; here the crashed server's state is written directly): the cartridge is where the library
 * says it is, and what the move meant follows from that.
 */
class RecoveryTest {
  @TempDir Path dir;
  private EmulatorFixture emulator;
  private ControlFixture f;

  @BeforeEach
  void setUp() {
    emulator = EmulatorFixture.of("hp-msl", "REC001L5", "REC002L5", "REC003L5");
    f = ControlFixture.of(emulator, dir).define(1);
    f.run("checkin libvolume LIB1 search=yes status=private checklabel=barcode");
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  /** What the crashed server had committed: the move's intent (with what the operation reserved). */
  private long intended(String volume, ElementAddress from, ElementAddress to, MovePurpose purpose,
      Optional<LibraryVolume> reserve) {
    return f.store.write(ControlFixture.ADMIN, tx -> {
      reserve.ifPresent(v -> tx.volumes().insert(v));
      Move m = tx.moves().intend(new MoveIntent("LIB1", Optional.of(volume), from, to, Optional.empty(), purpose));
      tx.log(Messages.MOVE_INTENDED, m.id(), "LIB1", volume, from, to);
      return m.id();
    });
  }

  private Move move(long id) {
    return f.store.read(r -> r.moves().find(id)).orElseThrow();
  }

  private ElementAddress home(String volume) {
    return f.volume(volume).orElseThrow().homeElement().orElseThrow();
  }

  @Test
  void aCartridgeStillInTheRobotsHandIsWaitedForAndSettledWhereTheLibraryPutsItDown() throws Exception {
    ElementAddress from = home("REC001");
    ElementAddress cell = f.address(ElementKind.IMPORT_EXPORT, 0);
    long id = intended("REC001", from, cell, MovePurpose.CHECKOUT, Optional.empty());
    synchronized (emulator.lib.lock()) {
      // MOVE MEDIUM was sent; the robot (10 s a move) is under way when the server dies
      emulator.lib.physical().move(f.address(ElementKind.MEDIUM_TRANSPORT, 0).value(), from.value(), cell.value(),
          emulator.clock.now());
    }
    f.restart();
    f.control.library("LIB1");

    Move m = move(id);
    assertThat(m.state()).isEqualTo(MoveState.RESOLVED);
    assertThat(m.foundAt()).contains(cell);
    assertThat(f.at(cell)).contains("REC001L5");
    assertThat(f.volume("REC001")).as("the check-out happened").isEmpty();
    assertThat(f.actlog()).anyMatch(l -> l.startsWith("VLN0123W Move " + id))
        .anyMatch(l -> l.startsWith("VLN0111I Volume REC001 checked out"));
  }

  @Test
  void aCheckinWhoseCartridgeNeverLeftTheStationIsUndone() {
    f.insert("NEW001L5");
    ElementAddress cell = f.whereIs("NEW001L5").orElseThrow();
    ElementAddress slot = f.address(ElementKind.STORAGE, 10);
    long id = intended("NEW001", cell, slot, MovePurpose.CHECKIN, Optional.of(LibraryVolume.checkedIn("LIB1",
        "NEW001", Optional.of("NEW001L5"), VolumeStatus.SCRATCH, Optional.of(slot), Optional.of("LTO"), f.now())));
    assertThat(f.volume("NEW001")).isPresent();
    f.restart();
    CommandResult started = f.run("checkin libvolume LIB1 search=bulk status=scratch checklabel=barcode waittime=0");

    assertThat(move(id).foundAt()).contains(cell);
    assertThat(f.actlog()).anyMatch(l -> l.startsWith("VLN0254W Check-in of volume NEW001"));
    // and the check-in run after the restart takes the cartridge in properly
    assertThat(started.has(110)).as(started.text()).isTrue();
    assertThat(f.whereIs("NEW001L5")).isEqualTo(f.volume("NEW001").orElseThrow().homeElement());
  }

  @Test
  void aCheckoutWhoseCartridgeIsGoneFromTheLibraryCountsAsCheckedOut() throws Exception {
    ElementAddress from = home("REC002");
    long id = intended("REC002", from, f.address(ElementKind.IMPORT_EXPORT, 0), MovePurpose.CHECKOUT,
        Optional.empty());
    emulator.lib.operator().takeOut(from.value());
    f.restart();
    assertThat(f.volumes()).extracting(LibraryVolume::volume).contains("REC002");
    f.control.library("LIB1");
    assertThat(move(id).state()).isEqualTo(MoveState.RESOLVED);
    assertThat(move(id).foundAt()).isEmpty();
    assertThat(f.volume("REC002")).isEmpty();
  }

  @Test
  void aMoveThatEndedInAnotherSlotGivesTheVolumeThatHome() throws Exception {
    ElementAddress from = home("REC003");
    ElementAddress planned = f.address(ElementKind.STORAGE, 20);
    ElementAddress actual = f.address(ElementKind.STORAGE, 30);
    long id = intended("REC003", from, planned, MovePurpose.RELOCATE, Optional.empty());
    emulator.lib.operator().stock(actual.value(), emulator.lib.operator().takeOut(from.value()));
    f.restart();
    f.control.library("LIB1");
    assertThat(move(id).foundAt()).contains(actual);
    assertThat(home("REC003")).isEqualTo(actual);
    assertThat(f.actlog()).anyMatch(l -> l.startsWith("VLN0112I Volume REC003 in library LIB1 updated: home"));
  }

  @Test
  void aMoveTheLibraryRefusesIsRecordedFailedAndTheVolumeStays() {
    ElementAddress from = home("REC001");
    emulator.lib.inject(UnitId.CHANGER, new Fault.CheckCondition(Trigger.opcode(MoveMedium.OPCODE),
        org.vaultline.scsi.sense.Sense.of(SenseKey.HARDWARE_ERROR, 0x15, 0x01)));
    CommandResult r = f.attempt("checkout libvolume LIB1 REC001 checklabel=no");
    assertThat(r.has(252)).as(r.text()).isTrue();
    assertThat(r.has(122)).as("the move is recorded as failed: %s", r.text()).isTrue();
    assertThat(home("REC001")).isEqualTo(from);
    assertThat(f.at(from)).contains("REC001L5");
    List<Move> open = f.store.read(x -> x.moves().unfinished());
    assertThat(open).isEmpty();
  }
}
