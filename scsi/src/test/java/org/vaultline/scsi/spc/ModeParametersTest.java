package org.vaultline.scsi.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

class ModeParametersTest {

  @Test
  void mhvtlElementAddressAssignmentPageDecodesAsOneRawPage() throws MalformedResponseException {
    ModeParameters p = ModeSense6.page(0x1D).parse(SpcSamples.modeSense6Vector());
    assertThat(p.mediumType()).isZero();
    assertThat(p.deviceSpecificParameter()).isEqualTo(0x10);
    assertThat(p.writeProtected()).isFalse();
    assertThat(p.longLba()).isFalse();
    assertThat(p.blockDescriptors()).isEmpty();
    assertThat(p.pages()).hasSize(1);
    ModePage page = p.page(0x1D).orElseThrow();
    assertThat(page.pageCode()).isEqualTo(0x1D);
    assertThat(page.subpageCode()).isZero();
    assertThat(page.parametersSaveable()).isFalse();
    assertThat(page.subpageFormat()).isFalse();
    // first transport element 0001h, one of them; first storage element 03E8h, 28h of them ...
    assertThat(page.body()).isEqualTo(Bytes.fromHex("00 01 00 01 03 e8 00 28 00 0a 00 04 01 f4 00 04 00 00"));
  }

  @Test
  void mhvtlVectorEncodesBackToTheSameBytes() throws MalformedResponseException {
    Bytes vector = SpcSamples.modeSense6Vector();
    assertThat(ModeParameters.parse6(vector).encode6()).isEqualTo(vector);
  }

  @Test
  void sixByteHeaderBlockDescriptorAndPageAreLaidOutAsTheStandardSays() throws MalformedResponseException {
    ModeParameters p = new ModeParameters(0, 0x80, false, List.of(new BlockDescriptor(0x58, 0, 0x040000)),
        List.of(new ModePage(0x10, 0, true, false, Bytes.of(0xAA, 0xBB))));
    // mode data length 0Fh, medium type, WP, block descriptor length 8; density 58h, blocks 0, length 40000h;
    // page 10h with PS: 90h, length 2
    Bytes expected = Bytes.fromHex("0f 00 80 08  58 00 00 00 00 04 00 00  90 02 aa bb");
    assertThat(p.encode6()).isEqualTo(expected);
    ModeParameters back = ModeParameters.parse6(expected);
    assertThat(back).isEqualTo(p);
    assertThat(back.writeProtected()).isTrue();
  }

  @Test
  void tenByteHeaderWithLongLbaDescriptorIsLaidOutAsTheStandardSays() throws MalformedResponseException {
    ModeParameters p = new ModeParameters(0, 0, true, List.of(new BlockDescriptor(0x01, 0x1_0000_0000L, 0x1000)),
        List.of());
    Bytes expected = Bytes.fromHex("00 16 00 00 01 00 00 10  00 00 00 01 00 00 00 00  01 00 00 00  00 00 10 00");
    assertThat(p.encode10()).isEqualTo(expected);
    assertThat(ModeSense10.page(0).parse(expected)).isEqualTo(p);
  }

  @Test
  void subpageFormatPageHasTwoByteLength() throws MalformedResponseException {
    ModePage page = ModePage.of(0x0F, 0x01, Bytes.of(0xC0, 0x80, 0, 0));
    assertThat(page.encode()).isEqualTo(Bytes.fromHex("4f 01 00 04 c0 80 00 00"));
    ModeParameters p = ModeParameters.parse10(ModeParameters.of(List.of(page)).encode10());
    assertThat(p.page(0x0F, 0x01)).contains(page);
    assertThat(p.page(0x0F, 0x02)).isEmpty();
  }

  @Test
  void samplesSurviveEncodeAndParseInBothSizes() throws MalformedResponseException {
    ModeParameters six = SpcSamples.modeParameters6();
    assertThat(ModeParameters.parse6(six.encode6())).isEqualTo(six);
    assertThat(ModeParameters.parse10(six.encode10())).isEqualTo(six);
    ModeParameters ten = SpcSamples.modeParameters10LongLba();
    assertThat(ModeParameters.parse10(ten.encode10())).isEqualTo(ten);
  }

  @Test
  void modeSelectListHasZeroLengthAndNoSaveableBits() throws MalformedResponseException {
    ModeParameters p = SpcSamples.modeParameters6();
    Bytes list = p.encodeSelect6();
    assertThat(list.get(0)).isZero();
    assertThat(list.size()).isEqualTo(p.encode6().size());
    ModeParameters back = ModeParameters.parseSelect6(list);
    assertThat(back.pages()).allMatch(pg -> !pg.parametersSaveable());
    assertThat(back.pages()).extracting(ModePage::body).isEqualTo(p.pages().stream().map(ModePage::body).toList());
    Bytes list10 = p.encodeSelect10();
    assertThat(list10.slice(0, 2)).isEqualTo(Bytes.of(0, 0));
    assertThat(ModeSelect10.of(p, false).parameters().blockDescriptors()).isEqualTo(p.blockDescriptors());
  }

  @Test
  void modeDataLengthShorterThanTheHeaderIsMalformed() {
    assertThatThrownBy(() -> ModeParameters.parse6(Bytes.fromHex("02 00 00 00")))
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("header");
    assertThatThrownBy(() -> ModeParameters.parse10(Bytes.fromHex("00 05 00 00 00 00 00 00")))
        .isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void modeDataCutShortByTheAllocationLengthSaysSo() {
    assertThatThrownBy(() -> ModeParameters.parse6(SpcSamples.modeSense6Vector().prefix(20)))
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("allocation length");
  }

  @Test
  void blockDescriptorLengthThatIsNotAMultipleOfEightIsMalformed() {
    assertThatThrownBy(() -> ModeParameters.parse6(Bytes.fromHex("08 00 00 05 00 00 00 00 00")))
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("multiple of 8");
  }

  @Test
  void pageRunningPastTheModeDataIsMalformed() {
    assertThatThrownBy(() -> ModeParameters.parse6(Bytes.fromHex("05 00 00 00 1d 12")))
        .isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void extraBytesAfterTheModeDataAreIgnored() throws MalformedResponseException {
    Bytes padded = SpcSamples.modeSense6Vector().concat(Bytes.zeros(7));
    assertThat(ModeParameters.parse6(padded)).isEqualTo(ModeParameters.parse6(SpcSamples.modeSense6Vector()));
  }

  @Test
  void whatASixByteHeaderCannotHoldIsRefusedWhenEncoding() {
    assertThatThrownBy(() -> SpcSamples.modeParameters10LongLba().encode6()).isInstanceOf(IllegalStateException.class);
    ModeParameters big = ModeParameters.of(Collections.nCopies(2, ModePage.of(0x20, Bytes.zeros(200))));
    assertThatThrownBy(big::encode6).isInstanceOf(IllegalStateException.class);
    assertThat(big.encode10().size()).isEqualTo(8 + 2 * 202);
    ModeParameters wide = new ModeParameters(0, 0, false, List.of(new BlockDescriptor(0, 0x1000000, 512)), List.of());
    assertThatThrownBy(wide::encode6).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void modePageRejectsASubpageWithoutSubpageFormatAndOverlongBodies() {
    assertThatThrownBy(() -> new ModePage(0x1D, 1, false, false, Bytes.EMPTY)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ModePage.of(0x1D, Bytes.zeros(256))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ModePage.of(0x40, Bytes.EMPTY)).isInstanceOf(IllegalArgumentException.class);
    assertThat(ModePage.of(0x1D, 1, Bytes.zeros(256)).encode().size()).isEqualTo(260);
  }
}
