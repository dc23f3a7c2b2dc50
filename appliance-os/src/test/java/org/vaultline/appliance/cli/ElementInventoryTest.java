package org.vaultline.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultline.emulator.EmulatedLibrary;
import org.vaultline.emulator.Initiator;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.smc.DataTransferElement;
import org.vaultline.scsi.smc.ElementStatus;
import org.vaultline.scsi.smc.ElementType;
import org.vaultline.scsi.transport.ScsiExecutor;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiTransport;

/** How {@code vaultline scsi elements} reads a changer that caps, refuses or leaves gaps. */
class ElementInventoryTest {
  private static final Initiator ME = new Initiator("inventory-test");

  private static ScsiTransport changer(Personality p, String... stock) {
    EmulatedLibrary lib = EmulatedLibrary.builder(p).stock(stock).build();
    lib.acknowledgePowerOn(ME);
    return lib.changer(ME);
  }

  @Test
  void aLibraryCappingElementsPerRequestIsReadInHalvedChunks() throws Exception {
    Personality p = Personality.named("ibm-ts3500");
    p = p.withQuirks(p.quirks().withMaxElementsPerRead(7));
    ElementInventory inv = ElementInventory.read(ScsiExecutor.builder(changer(p, "A00001L6")).build());
    assertThat(inv.ofType(ElementType.STORAGE)).hasSize(120);
    assertThat(inv.ofType(ElementType.IMPORT_EXPORT)).hasSize(16);
    assertThat(inv.ofType(ElementType.DATA_TRANSFER)).hasSize(6)
        .allSatisfy(d -> assertThat(((DataTransferElement) d).serial()).isPresent());
    assertThat(inv.notes()).anySatisfy(n -> assertThat(n).startsWith("storage: 120 elements per request refused (5/24/00)"));
    assertThat(inv.elements().stream().map(ElementStatus::address).distinct()).hasSize(inv.elements().size());
  }

  @Test
  void storageWithAGapInItsAddressesIsReadAcrossTheGap() throws Exception {
    // ibm-ts3500: storage at 0400h+60 and 0500h+60
    ElementInventory inv = ElementInventory.read(ScsiExecutor.builder(changer(Personality.named("ibm-ts3500"))).build());
    List<ElementStatus> slots = inv.ofType(ElementType.STORAGE);
    assertThat(slots).hasSize(120);
    assertThat(slots.get(59).address().value()).isEqualTo(0x043B);
    assertThat(slots.get(60).address().value()).isEqualTo(0x0500);
    assertThat(inv.notes()).isEmpty();
  }

  @Test
  void aLibraryRefusingDvcidGivesDrivesWithoutIdentitiesAndANote() throws Exception {
    ScsiTransport inner = changer(Personality.named("hp-msl"), "A00001L6");
    ScsiTransport noDvcid = new ScsiTransport() {
      @Override
      public ScsiResult execute(ScsiRequest r) throws TransportException {
        if (r.cdb().opcode() == 0xB8 && (r.cdb().bytes().get(6) & 1) != 0) { // byte 6 bit 0: DVCID
          return ScsiResult.checkCondition(Sense.of(SenseKey.ILLEGAL_REQUEST, 0x24, 0).encodeFixed());
        }
        return inner.execute(r);
      }

      @Override
      public String describe() {
        return "no-dvcid";
      }

      @Override
      public void close() {
      }
    };
    ElementInventory inv = ElementInventory.read(ScsiExecutor.builder(noDvcid).build());
    assertThat(inv.ofType(ElementType.DATA_TRANSFER)).hasSize(2)
        .allSatisfy(d -> assertThat(d.identification()).isEmpty());
    assertThat(inv.ofType(ElementType.STORAGE)).hasSize(48);
    assertThat(inv.notes()).containsExactly(
        "the library refused DVCID (ILLEGAL REQUEST: Invalid field in CDB [24/00]): drives without identities");
  }

  @Test
  void modeSense6RefusedFallsBackToModeSense10() throws Exception {
    ScsiTransport inner = changer(Personality.named("stk-sl500"));
    ScsiTransport no6 = new ScsiTransport() {
      @Override
      public ScsiResult execute(ScsiRequest r) throws TransportException {
        if (r.cdb().opcode() == 0x1A) {
          return ScsiResult.checkCondition(Sense.of(SenseKey.ILLEGAL_REQUEST, 0x20, 0).encodeFixed());
        }
        return inner.execute(r);
      }

      @Override
      public String describe() {
        return "no-mode-sense-6";
      }

      @Override
      public void close() {
      }
    };
    ElementInventory inv = ElementInventory.read(ScsiExecutor.builder(no6).build());
    assertThat(inv.assignment().firstStorage().value()).isEqualTo(0x03E8);
    assertThat(inv.ofType(ElementType.STORAGE)).hasSize(50);
    assertThat(inv.notes()).singleElement().asString().startsWith("MODE SENSE(6) refused");
  }

  @Test
  void elementLinesFollowMtxWordingByAddress() throws Exception {
    ScsiTransport t = changer(Personality.named("ibm-ts3100"), "A00001L5");
    ElementInventory inv = ElementInventory.read(ScsiExecutor.builder(t).build());
    assertThat(ScsiElementsCommand.line(inv.ofType(ElementType.STORAGE).get(0)))
        .isEqualTo("      Storage Element 0x1000: Full :VolumeTag=A00001L5");
    assertThat(ScsiElementsCommand.line(inv.ofType(ElementType.MEDIUM_TRANSPORT).get(0)))
        .isEqualTo("Medium Transport Element 0x0001: Empty");
  }
}
