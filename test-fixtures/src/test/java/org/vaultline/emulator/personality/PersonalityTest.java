package org.vaultline.emulator.personality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.emulator.physical.MediaType;
import org.vaultline.scsi.sense.SenseKey;

class PersonalityTest {

  @Test
  void everyCataloguedPersonalityLoadsFromItsDataFile() {
    for (String name : Personality.CATALOGUE) {
      Personality p = Personality.named(name);
      assertThat(p.name()).isEqualTo(name);
      assertThat(p.layout().count(ElementKind.DATA_TRANSFER)).isPositive();
      assertThat(p.layout().count(ElementKind.STORAGE)).isPositive();
    }
  }

  @Test
  void firstAddressesAreThoseOfReferenceSectionOne() {
    assertFirst("ibm-ts3100", 0x0001, 0x1000, 0x0010, 0x0100);
    assertFirst("ibm-ts3500", 0x0001, 0x0400, 0x0300, 0x0101);
    assertFirst("stk-sl500", 0x0000, 0x03E8, 0x000A, 0x01F4);
    assertFirst("hp-msl", 0x0001, 0x0020, 0x01C0, 0x01E0);
  }

  private static void assertFirst(String name, int mt, int st, int ie, int dt) {
    ElementLayout l = Personality.named(name).layout();
    assertThat(l.addresses(ElementKind.MEDIUM_TRANSPORT).get(0)).isEqualTo(mt);
    assertThat(l.addresses(ElementKind.STORAGE).get(0)).isEqualTo(st);
    assertThat(l.addresses(ElementKind.IMPORT_EXPORT).get(0)).isEqualTo(ie);
    assertThat(l.addresses(ElementKind.DATA_TRANSFER).get(0)).isEqualTo(dt);
  }

  @Test
  void theLargeLibraryHasTwentyThousandSlotsSixtyFourDrivesTwoTransportsAndFourStationsOfEighteen() {
    Personality p = Personality.named("large");
    ElementLayout l = p.layout();
    assertThat(l.count(ElementKind.STORAGE)).isEqualTo(20_000);
    assertThat(l.count(ElementKind.DATA_TRANSFER)).isEqualTo(64);
    assertThat(l.count(ElementKind.MEDIUM_TRANSPORT)).isEqualTo(2);
    assertThat(l.count(ElementKind.IMPORT_EXPORT)).isEqualTo(72);
    assertThat(l.stationSize()).isEqualTo(18);
    assertThat(p.quirks().maxElementsPerRead()).hasValue(5376);
    assertThat(p.quirks().dvcidDrivesOnly()).isTrue();
  }

  @Test
  void theTs3500HasDriveBayGapsThatAnswerItsOwnSense() {
    Personality p = Personality.named("ibm-ts3500");
    assertThat(p.layout().addresses(ElementKind.DATA_TRANSFER))
        .containsExactly(0x0101, 0x0102, 0x0103, 0x0104, 0x0107, 0x0108);
    assertThat(p.layout().isDriveGap(0x0105)).isTrue();
    assertThat(p.layout().isDriveGap(0x0106)).isTrue();
    assertThat(p.layout().isDriveGap(0x0104)).isFalse();
    assertThat(p.layout().isDriveGap(0x0109)).isFalse();
    assertThat(p.driveGapSense()).contains(SenseCode.of(SenseKey.ILLEGAL_REQUEST, 0x3B, 0x82));
    assertThat(p.layout().addresses(ElementKind.STORAGE)).contains(0x043B).doesNotContain(0x043C, 0x04FF)
        .contains(0x0500);
  }

  @Test
  void ibmPersonalitiesPauseWith204_85AndOthersWith204_03() {
    assertThat(Personality.named("ibm-ts3100").quirks().pausedSense().toString()).isEqualTo("2/04/85");
    assertThat(Personality.named("hp-msl").quirks().pausedSense().toString()).isEqualTo("2/04/03");
  }

  @Test
  void quirksCanBeSwitchedWithoutTouchingTheRest() {
    Personality p = Personality.named("hp-msl");
    Personality q = p.withQuirks(p.quirks().withAllocationLength16Bits(true).withNoImportExport(true)
        .withMoveReportedEarly(true).withMaxElementsPerRead(100));
    assertThat(q.quirks().allocationLength16Bits()).isTrue();
    assertThat(q.quirks().noImportExport()).isTrue();
    assertThat(q.quirks().moveReportedEarly()).isTrue();
    assertThat(q.quirks().maxElementsPerRead()).hasValue(100);
    assertThat(q.layout()).isEqualTo(p.layout());
    assertThat(p.quirks().noImportExport()).isFalse();
  }

  @Test
  void drivesGetDistinctTenCharacterSerials() {
    Personality p = Personality.named("large");
    assertThat(p.driveSerial(0)).isEqualTo("1013000001");
    assertThat(p.driveSerial(63)).isEqualTo("1013000064");
  }

  @Test
  void aPersonalityFileWithoutARequiredKeyIsRefusedNamingTheKey() {
    String text = "name = x\ndescription = y\n";
    assertThatThrownBy(() -> Personality.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("changer.vendor");
  }

  @Test
  void timingAndMediaComeFromTheFile() {
    Personality p = Personality.named("ibm-ts3100");
    assertThat(p.timing().move()).isEqualTo(Duration.ofSeconds(20));
    assertThat(p.timing().inventory(10)).isEqualTo(Duration.ofSeconds(20));
    assertThat(p.media().defaultType()).isEqualTo(MediaType.LTO5);
    assertThat(p.media().earlyWarningAt()).isEqualTo(64L * 1024 * 1024 - 1024 * 1024);
  }

  @Test
  void overlappingAddressRangesAreRefused() {
    assertThatThrownBy(() -> new ElementLayout(AddressRange.parseList("0x1+1"), AddressRange.parseList("0x10+10"),
        AddressRange.parseList("0x15+2"), AddressRange.parseList("0x100+1"), 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlapping");
  }
}
