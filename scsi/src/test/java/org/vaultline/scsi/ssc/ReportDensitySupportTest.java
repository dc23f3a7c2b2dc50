package org.vaultline.scsi.ssc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.Inhex;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/** REPORT DENSITY SUPPORT (44h) data, against a capture from a real LTO drive (sg3_utils inhex/rep_density.hex). */
class ReportDensitySupportTest {
  static final Bytes VECTOR = Inhex.resource("vectors/08_lto4_report_density_supported.hex");

  @Test
  void theLtoVectorHasThreeUltriumDensities() throws Exception {
    DensitySupport ds = (DensitySupport) ReportDensitySupport.densities().parse(VECTOR);
    assertThat(VECTOR.size()).isEqualTo(160);
    assertThat(ds.availableLength()).isEqualTo(158);
    assertThat(ds.truncated()).isFalse();
    assertThat(ds.descriptors()).extracting(DensityDescriptor::densityName).containsExactly("U-316", "U-416", "U-516");
    assertThat(ds.descriptors()).extracting(DensityDescriptor::assigningOrganization).containsOnly("LTO-CVE");
  }

  @Test
  void ultrium3IsReadOnlyAt400Gigabytes() throws Exception {
    DensityDescriptor u3 = DensitySupport.parse(VECTOR).descriptors().get(0);
    assertThat(u3.primaryCode()).isEqualTo(0x44);
    assertThat(u3.secondaryCode()).isEqualTo(0x44);
    assertThat(u3.writeOk()).isFalse();
    assertThat(u3.duplicate()).isFalse();
    assertThat(u3.isDefault()).isFalse();
    assertThat(u3.descriptorLengthValid()).isFalse();
    assertThat(u3.descriptorLength()).isZero();
    assertThat(u3.bitsPerMm()).isEqualTo(9638);
    assertThat(u3.mediaWidth()).isEqualTo(127);
    assertThat(u3.mediaWidthMm()).isEqualTo(12.7);
    assertThat(u3.tracks()).isEqualTo(704);
    assertThat(u3.capacity()).isEqualTo(400_000);
    assertThat(u3.capacityBytes()).isEqualTo(400_000_000_000L);
    assertThat(u3.description()).isEqualTo("Ultrium 3/16T");
  }

  @Test
  void ultrium4IsWritableAt800Gigabytes() throws Exception {
    DensityDescriptor u4 = DensitySupport.parse(VECTOR).byPrimaryCode(0x46).orElseThrow();
    assertThat(u4.secondaryCode()).isEqualTo(0x46);
    assertThat(u4.writeOk()).isTrue();
    assertThat(u4.isDefault()).isFalse();
    assertThat(u4.bitsPerMm()).isEqualTo(12725);
    assertThat(u4.mediaWidth()).isEqualTo(127);
    assertThat(u4.tracks()).isEqualTo(896);
    assertThat(u4.capacity()).isEqualTo(800_000);
    assertThat(u4.densityName()).isEqualTo("U-416");
    assertThat(u4.description()).isEqualTo("Ultrium 4/16T");
  }

  @Test
  void ultrium5IsTheWritableDefaultAt1500Gigabytes() throws Exception {
    DensitySupport ds = DensitySupport.parse(VECTOR);
    DensityDescriptor u5 = ds.defaultDensity().orElseThrow();
    assertThat(u5.primaryCode()).isEqualTo(0x58);
    assertThat(u5.secondaryCode()).isEqualTo(0x58);
    assertThat(u5.writeOk()).isTrue();
    assertThat(u5.bitsPerMm()).isEqualTo(15142);
    assertThat(u5.tracks()).isEqualTo(1280);
    assertThat(u5.capacity()).isEqualTo(1_500_000);
    assertThat(u5.densityName()).isEqualTo("U-516");
    assertThat(u5.description()).isEqualTo("Ultrium 5/16T");
  }

  @Test
  void encodingTheParsedVectorGivesTheCapturedBytes() throws Exception {
    assertThat(DensitySupport.parse(VECTOR).encode()).isEqualTo(VECTOR);
  }

  @Test
  void aResponseCutByTheAllocationLengthKeepsTheWholeDescriptors() throws Exception {
    DensitySupport ds = DensitySupport.parse(VECTOR.prefix(100));
    assertThat(ds.descriptors()).hasSize(1);
    assertThat(ds.truncated()).isTrue();
    assertThat(DensitySupport.parse(VECTOR.prefix(4)).descriptors()).isEmpty();
  }

  @Test
  void aLengthThatIsNotWholeDescriptorsIsMalformed() {
    Bytes bad = Bytes.fromHex("00 9D").concat(VECTOR.slice(2, 159));
    assertThatThrownBy(() -> DensitySupport.parse(bad)).isInstanceOf(MalformedResponseException.class);
    assertThatThrownBy(() -> DensitySupport.parse(Bytes.fromHex("00 01 00 00")))
        .isInstanceOf(MalformedResponseException.class);
    assertThatThrownBy(() -> DensitySupport.parse(Bytes.fromHex("00 02 00")))
        .isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void anEmptyListIsJustTheHeader() throws Exception {
    DensitySupport empty = DensitySupport.of(List.of());
    assertThat(empty.encode()).isEqualTo(Bytes.fromHex("00 02 00 00"));
    assertThat(DensitySupport.parse(empty.encode())).isEqualTo(empty);
  }

  @Test
  void builtDescriptorsRoundTripIncludingTheDescriptorLength() throws Exception {
    DensitySupport ds = DensitySupport.of(List.of(
        new DensityDescriptor(0x5E, 0x5E, true, true, true, true, 0x0031, 0xFFFFFF, 127, 0xFFFF, 0xFFFFFFFFL,
            "LTO-CVE", "U-832", "Ultrium 8/32T")));
    assertThat(DensitySupport.parse(ds.encode())).isEqualTo(ds);
    assertThat(ds.encode().size()).isEqualTo(56);
  }

  @Test
  void mediumTypeDescriptorsAreParsedWhenMediumTypeWasAsked() throws Exception {
    MediumTypeSupport mt = MediumTypeSupport.of(List.of(
        new MediumTypeDescriptor(0x78, 52, 3, List.of(0x46, 0x58, 0x5A), 127, 846, "LTO-CVE", "U-5", "Ultrium 5 Data"),
        new MediumTypeDescriptor(0x01, 52, 12, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), 80, 0, "X", "Y", "Z")));
    Bytes data = mt.encode();
    assertThat(data.size()).isEqualTo(4 + 2 * 56);
    assertThat(data.slice(0, 9)).isEqualTo(Bytes.fromHex("00 72 00 00 78 00 00 34 03"));
    DensitySupportData back = new ReportDensitySupport(false, true, 0xFFFF).parse(data);
    assertThat(back).isEqualTo(mt);
    MediumTypeDescriptor first = ((MediumTypeSupport) back).descriptors().get(0);
    assertThat(first.primaryDensityCodes()).containsExactly(0x46, 0x58, 0x5A);
    assertThat(first.mediumLength()).isEqualTo(846);
    assertThat(first.mediumTypeName()).isEqualTo("U-5");
  }

  @Test
  void mediumTypeDataCutShortKeepsWholeDescriptors() throws Exception {
    MediumTypeSupport mt = MediumTypeSupport.of(List.of(
        new MediumTypeDescriptor(0x78, 52, 1, List.of(0x46), 127, 846, "LTO-CVE", "U-5", "Ultrium 5")));
    MediumTypeSupport cut = MediumTypeSupport.parse(mt.encode().prefix(59));
    assertThat(cut.descriptors()).isEmpty();
    assertThat(cut.truncated()).isTrue();
  }
}
