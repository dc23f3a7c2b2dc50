package org.vaultline.scsi.smc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vaultline.scsi.smc.ElementStatusSamples.a;
import static org.vaultline.scsi.smc.ElementType.DATA_TRANSFER;
import static org.vaultline.scsi.smc.ElementType.IMPORT_EXPORT;
import static org.vaultline.scsi.smc.ElementType.MEDIUM_TRANSPORT;
import static org.vaultline.scsi.smc.ElementType.STORAGE;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.Inhex;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.spc.ModePage;
import org.vaultline.scsi.spc.ModeParameters;

/** The SMC-3 mode pages 1Dh, 1Eh and 1Fh: the captured vector, bytes written out from SMC-3 clause 7, round trips. */
class SmcModePagesTest {
  static final String PAGE_1D_VECTOR = "vectors/10_EMULATED_mhvtl_stk_l80_mode_sense6_page1d.hex";

  static final ElementAddressAssignmentPage STK_L80 =
      new ElementAddressAssignmentPage(a(0x0001), 1, a(0x03E8), 40, a(0x000A), 4, a(0x01F4), 4);

  static final DeviceCapabilitiesPage TYPICAL = new DeviceCapabilitiesPage(
      Set.of(STORAGE, IMPORT_EXPORT, DATA_TRANSFER),
      Map.of(STORAGE, Set.of(STORAGE, IMPORT_EXPORT, DATA_TRANSFER),
          IMPORT_EXPORT, Set.of(STORAGE, IMPORT_EXPORT, DATA_TRANSFER),
          DATA_TRANSFER, Set.of(STORAGE, IMPORT_EXPORT, DATA_TRANSFER)),
      Map.of());

  // --- 1Dh Element Address Assignment

  @Test
  void mhvtlStkL80ModeSensePage1dGivesTheSl500AddressLayout() throws MalformedResponseException {
    Bytes data = Inhex.resource(PAGE_1D_VECTOR);
    ModeParameters mode = ModeParameters.parse6(data);
    assertThat(mode.deviceSpecificParameter()).isEqualTo(0x10);
    assertThat(mode.blockDescriptors()).isEmpty();
    ElementAddressAssignmentPage page = ElementAddressAssignmentPage.from(mode.page(0x1D).orElseThrow());
    assertThat(page).isEqualTo(STK_L80);
    assertThat(page.first(STORAGE)).hasToString("0x03E8");
    assertThat(page.count(STORAGE)).isEqualTo(40);
    assertThat(page.first(IMPORT_EXPORT)).isEqualTo(a(0x000A));
    assertThat(page.count(IMPORT_EXPORT)).isEqualTo(4);
    assertThat(page.first(DATA_TRANSFER)).isEqualTo(a(500));
    assertThat(page.first(MEDIUM_TRANSPORT)).isEqualTo(a(1));
    assertThat(page.count(ElementType.ALL)).isEqualTo(49);
    assertThat(page).hasToString("MT 0x0001 x1, ST 0x03E8 x40, IE 0x000A x4, DT 0x01F4 x4");
    // the page's own bytes, header included, start after the 4-byte mode parameter header
    assertThat(ElementAddressAssignmentPage.parse(data.slice(4, data.size()))).isEqualTo(STK_L80);
  }

  @Test
  void elementAddressAssignmentEncodesToTheVectorsPageBytes() {
    Bytes vectorPage = Inhex.resource(PAGE_1D_VECTOR).slice(4, 24);
    assertThat(STK_L80.toModePage().encode()).isEqualTo(vectorPage);
    assertThat(STK_L80.toModePage(true).encode()).isEqualTo(Bytes.fromHex("9D").concat(vectorPage.slice(1, 20)));
  }

  @Test
  void elementAddressAssignmentRoundTripsForTheTs3100Layout() throws MalformedResponseException {
    ElementAddressAssignmentPage ts3100 = new ElementAddressAssignmentPage(a(0x0001), 1, a(0x1000), 24, a(0x0010), 1,
        a(0x0100), 2);
    assertThat(ElementAddressAssignmentPage.from(ts3100.toModePage())).isEqualTo(ts3100);
    assertThat(ElementAddressAssignmentPage.from(ts3100.toModePage(true))).isEqualTo(ts3100);
    assertThat(ts3100.toModePage().encode()).isEqualTo(Bytes.fromHex(
        "1D 12 00 01 00 01 10 00 00 18 00 10 00 01 01 00 00 02 00 00"));
  }

  @Test
  void aPageOfAnotherCodeOrTooShortIsMalformedNotAnException() {
    assertThatThrownBy(() -> ElementAddressAssignmentPage.from(ModePage.of(0x1E, Bytes.zeros(18))))
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("1Eh");
    assertThatThrownBy(() -> ElementAddressAssignmentPage.parse(Bytes.fromHex("1D 0E 00 01 00 01 03 E8 00 28 00 0A 00 04 01 F4 00 04")))
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("page length is 14");
    assertThatThrownBy(() -> ElementAddressAssignmentPage.parse(Bytes.fromHex("1D 12 00 01")))
        .isInstanceOf(MalformedResponseException.class);
    assertThatThrownBy(() -> DeviceCapabilitiesPage.from(ModePage.of(0x1F, 0x01, Bytes.zeros(18))))
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("subpage 01h");
  }

  @Test
  void aPageWithoutItsTwoReservedBytesStillDecodes() throws MalformedResponseException {
    assertThat(ElementAddressAssignmentPage.parse(Bytes.fromHex("1D 10 00 01 00 01 03 E8 00 28 00 0A 00 04 01 F4 00 04")))
        .isEqualTo(STK_L80);
  }

  // --- 1Eh Transport Geometry Parameters

  @Test
  void transportGeometryHasTwoBytesPerTransport() throws MalformedResponseException {
    TransportGeometryPage page = TransportGeometryPage.of(new TransportGeometryPage.Transport(false, 0),
        new TransportGeometryPage.Transport(true, 1));
    assertThat(page.toModePage().encode()).isEqualTo(Bytes.fromHex("1E 04 00 00 01 01"));
    assertThat(TransportGeometryPage.parse(Bytes.fromHex("1E 04 00 00 01 01"))).isEqualTo(page);
    assertThat(TransportGeometryPage.from(page.toModePage(true))).isEqualTo(page);
  }

  @Test
  void transportGeometryIgnoresHalfADescriptorAndReservedBits() throws MalformedResponseException {
    assertThat(TransportGeometryPage.parse(Bytes.fromHex("1E 03 FF 07 01")).transports())
        .containsExactly(new TransportGeometryPage.Transport(true, 7));
    assertThat(TransportGeometryPage.parse(Bytes.fromHex("1E 00")).transports()).isEmpty();
  }

  // --- 1Fh Device Capabilities

  @Test
  void deviceCapabilitiesPutsStorageMoveAndExchangeBitsWhereSmc3Says() {
    // StorDT StorIE StorST = 0Eh; ST->, IE->, DT-> each DT IE ST = 0Eh; MT-> none; no exchanges
    assertThat(TYPICAL.toModePage().encode()).isEqualTo(Bytes.fromHex(
        "1F 12 0E 00 00 0E 0E 0E 00 00 00 00 00 00 00 00 00 00 00 00"));
    DeviceCapabilitiesPage exchange = new DeviceCapabilitiesPage(Set.of(MEDIUM_TRANSPORT),
        Map.of(MEDIUM_TRANSPORT, Set.of(MEDIUM_TRANSPORT)), Map.of(DATA_TRANSFER, Set.of(STORAGE, DATA_TRANSFER)));
    assertThat(exchange.toModePage().encode()).isEqualTo(Bytes.fromHex(
        "1F 12 01 00 01 00 00 00 00 00 00 00 00 00 00 0A 00 00 00 00"));
  }

  @Test
  void deviceCapabilitiesAnswersWhatMovesAreAllowed() throws MalformedResponseException {
    DeviceCapabilitiesPage p = DeviceCapabilitiesPage.parse(TYPICAL.toModePage().encode());
    assertThat(p).isEqualTo(TYPICAL);
    assertThat(p.canStore(MEDIUM_TRANSPORT)).isFalse();
    assertThat(p.canStore(STORAGE)).isTrue();
    assertThat(p.canMove(STORAGE, DATA_TRANSFER)).isTrue();
    assertThat(p.canMove(MEDIUM_TRANSPORT, STORAGE)).isFalse();
    assertThat(p.canExchange(STORAGE, STORAGE)).isFalse();
    assertThat(p.moves().get(MEDIUM_TRANSPORT)).isEmpty();
  }

  @Test
  void deviceCapabilitiesRoundTripsEveryCombinationOfOneSourceRow() throws MalformedResponseException {
    List<ElementType> types = List.of(MEDIUM_TRANSPORT, STORAGE, IMPORT_EXPORT, DATA_TRANSFER);
    for (int bits = 0; bits < 16; bits++) {
      Set<ElementType> set = new java.util.HashSet<>();
      for (int i = 0; i < 4; i++) {
        if ((bits >> i & 1) != 0) {
          set.add(types.get(i));
        }
      }
      DeviceCapabilitiesPage p = new DeviceCapabilitiesPage(set, Map.of(types.get(bits % 4), set),
          Map.of(types.get((bits + 1) % 4), set));
      assertThat(DeviceCapabilitiesPage.from(p.toModePage(bits % 2 == 0))).isEqualTo(p);
    }
  }

  @Test
  void deviceCapabilitiesRefusesAllAsAnElementType() {
    assertThatThrownBy(() -> new DeviceCapabilitiesPage(Set.of(ElementType.ALL), Map.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void threePagesTravelTogetherInModeSenseData() throws MalformedResponseException {
    TransportGeometryPage geometry = TransportGeometryPage.of(new TransportGeometryPage.Transport(false, 0));
    Bytes data = ModeParameters.of(List.of(STK_L80.toModePage(true), geometry.toModePage(), TYPICAL.toModePage()))
        .encode6();
    ModeParameters back = ModeParameters.parse6(data);
    assertThat(ElementAddressAssignmentPage.from(back.page(ElementAddressAssignmentPage.PAGE_CODE).orElseThrow()))
        .isEqualTo(STK_L80);
    assertThat(TransportGeometryPage.from(back.page(TransportGeometryPage.PAGE_CODE).orElseThrow())).isEqualTo(geometry);
    assertThat(DeviceCapabilitiesPage.from(back.page(DeviceCapabilitiesPage.PAGE_CODE).orElseThrow())).isEqualTo(TYPICAL);
  }
}
