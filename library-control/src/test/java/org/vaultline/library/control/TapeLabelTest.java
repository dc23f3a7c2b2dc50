package org.vaultline.library.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.bytes.Bytes;

/** ANSI X3.27 / ISO 1001 VOL1 and HDR1 records, column by column as the standard counts them (1-based). */
class TapeLabelTest {
  private static String text(Bytes b) {
    return new String(b.toByteArray(), StandardCharsets.US_ASCII);
  }

  /** Columns {@code from}..{@code to}, 1-based and inclusive. */
  private static String cols(String record, int from, int to) {
    return record.substring(from - 1, to);
  }

  @Test
  void vol1CarriesTheVolumeIdentifierAndLabelVersionFour() {
    String r = text(TapeLabel.of("a00017", LocalDate.of(2026, 5, 3)).vol1());
    assertThat(r).hasSize(80);
    assertThat(cols(r, 1, 4)).isEqualTo("VOL1");
    assertThat(cols(r, 5, 10)).isEqualTo("A00017");
    assertThat(cols(r, 11, 11)).isEqualTo(" ");
    assertThat(cols(r, 25, 37)).isEqualTo("VAULTLINE    ");
    assertThat(cols(r, 80, 80)).isEqualTo("4");
    assertThat(cols(r, 12, 24).isBlank()).isTrue();
    assertThat(cols(r, 52, 79).isBlank()).isTrue();
  }

  @Test
  void hdr1CarriesTheFileSetNumbersAndJulianCreationDate() {
    String r = text(TapeLabel.of("ABC123", LocalDate.of(2026, 2, 1)).hdr1());
    assertThat(r).hasSize(80);
    assertThat(cols(r, 1, 4)).isEqualTo("HDR1");
    assertThat(cols(r, 22, 27)).isEqualTo("ABC123");
    assertThat(cols(r, 28, 31)).isEqualTo("0001");
    assertThat(cols(r, 32, 35)).isEqualTo("0001");
    assertThat(cols(r, 36, 39)).isEqualTo("0001");
    assertThat(cols(r, 40, 41)).isEqualTo("00");
    assertThat(cols(r, 42, 47)).as("0 for the 2000s, year 26, day 032").isEqualTo("026032");
    assertThat(cols(r, 48, 53)).isEqualTo(" 00000");
    assertThat(cols(r, 55, 60)).isEqualTo("000000");
    assertThat(cols(r, 61, 73)).isEqualTo("VAULTLINE    ");
  }

  @Test
  void julianDatesOfTheLastCenturyBeginWithABlank() {
    assertThat(TapeLabel.julian(LocalDate.of(1999, 12, 31))).isEqualTo(" 99365");
    assertThat(TapeLabel.julian(LocalDate.of(2000, 1, 1))).isEqualTo("000001");
  }

  @Test
  void theVolumeIsReadBackOnlyFromAVol1Record() {
    TapeLabel l = TapeLabel.of("XY0001", LocalDate.of(2026, 1, 1));
    assertThat(TapeLabel.volumeOf(l.vol1())).contains("XY0001");
    assertThat(TapeLabel.volumeOf(l.hdr1())).isEmpty();
    assertThat(TapeLabel.volumeOf(Bytes.ascii("VOL1"))).isEmpty();
    assertThat(TapeLabel.volumeOf(Bytes.ascii("VOL1AB    "))).contains("AB");
    assertThat(TapeLabel.volumeOf(Bytes.zeros(80))).isEmpty();
  }

  @Test
  void volumeIdentifiersFollowTheStandardsCharacterSet() {
    assertThatThrownBy(() -> TapeLabel.of("TOOLONG1", LocalDate.now())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TapeLabel.of("", LocalDate.now())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TapeLabel.of("AB\u00c9", LocalDate.now())).isInstanceOf(IllegalArgumentException.class);
  }
}
