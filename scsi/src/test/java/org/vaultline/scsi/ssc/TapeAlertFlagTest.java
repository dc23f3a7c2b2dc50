package org.vaultline.scsi.ssc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The two 64-flag tables: tape drive (SSC) and media changer (SMC). */
class TapeAlertFlagTest {

  @Test
  void bothTablesHaveSixtyFourFlagsNumberedInOrder() {
    assertThat(TapeAlertFlag.values()).hasSize(64);
    assertThat(LibraryTapeAlertFlag.values()).hasSize(64);
    for (int code = 1; code <= 64; code++) {
      assertThat(TapeAlertFlag.of(code).code()).isEqualTo(code);
      assertThat(LibraryTapeAlertFlag.of(code).code()).isEqualTo(code);
    }
    assertThatThrownBy(() -> TapeAlertFlag.of(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LibraryTapeAlertFlag.of(65)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void driveFlagsHaveTheTapeAlertNamesAndSeverities() {
    assertFlag(TapeAlertFlag.of(0x01), "Read warning", TapeAlertSeverity.WARNING);
    assertFlag(TapeAlertFlag.of(0x02), "Write warning", TapeAlertSeverity.WARNING);
    assertFlag(TapeAlertFlag.of(0x03), "Hard error", TapeAlertSeverity.WARNING);
    assertFlag(TapeAlertFlag.of(0x04), "Media", TapeAlertSeverity.CRITICAL);
    assertFlag(TapeAlertFlag.of(0x05), "Read failure", TapeAlertSeverity.CRITICAL);
    assertFlag(TapeAlertFlag.of(0x06), "Write failure", TapeAlertSeverity.CRITICAL);
    assertFlag(TapeAlertFlag.of(0x07), "Media life", TapeAlertSeverity.WARNING);
    assertFlag(TapeAlertFlag.of(0x08), "Not data grade", TapeAlertSeverity.WARNING);
    assertFlag(TapeAlertFlag.of(0x09), "Write protect", TapeAlertSeverity.CRITICAL);
    assertFlag(TapeAlertFlag.of(0x14), "Clean now", TapeAlertSeverity.CRITICAL);
    assertFlag(TapeAlertFlag.of(0x15), "Clean periodic", TapeAlertSeverity.WARNING);
    assertFlag(TapeAlertFlag.of(0x16), "Expired cleaning media", TapeAlertSeverity.CRITICAL);
    assertFlag(TapeAlertFlag.of(0x17), "Invalid cleaning tape", TapeAlertSeverity.CRITICAL);
    assertFlag(TapeAlertFlag.of(0x1E), "Hardware A", TapeAlertSeverity.CRITICAL);
    assertFlag(TapeAlertFlag.of(0x26), "Predictive failure", TapeAlertSeverity.CRITICAL);
    assertFlag(TapeAlertFlag.of(0x37), "Loading failure", TapeAlertSeverity.CRITICAL);
    assertFlag(TapeAlertFlag.of(0x3C), "WORM medium - overwrite attempted", TapeAlertSeverity.WARNING);
    assertFlag(TapeAlertFlag.of(0x3D), "Reserved (3Dh)", TapeAlertSeverity.NONE);
  }

  @Test
  void obsoleteLoaderFlagsKeepTheirNamesAndReservedOnesHaveNoSeverity() {
    assertThat(TapeAlertFlag.of(0x28).text()).isEqualTo("Loader hardware A (obsolete)");
    assertThat(TapeAlertFlag.of(0x28).reserved()).isFalse();
    assertThat(Arrays.stream(TapeAlertFlag.values()).filter(TapeAlertCondition::reserved).map(TapeAlertFlag::code))
        .containsExactly(0x2F, 0x30, 0x31, 0x3D, 0x3E, 0x3F, 0x40);
  }

  @Test
  void libraryFlagsHaveTheSmcNamesAndSeverities() {
    String[] names = {
        "Library hardware A", "Library hardware B", "Library hardware C", "Library hardware D",
        "Library diagnostics required", "Library interface", "Predictive failure", "Library maintenance",
        "Library humidity limits", "Library temperature limits", "Library voltage limits", "Library stray media",
        "Library pick retry", "Library place retry", "Library load retry", "Library door", "Library mailslot",
        "Library magazine", "Library security", "Library security mode", "Library offline",
        "Library drive offline", "Library scan retry", "Library inventory", "Library illegal operation",
        "Dual-port interface error", "Cooling fan failure", "Power supply", "Power consumption",
        "Pass-through mechanism failure", "Cartridge in pass-through mechanism", "Unreadable bar code labels"};
    for (int i = 0; i < names.length; i++) {
      assertThat(LibraryTapeAlertFlag.of(i + 1).text()).isEqualTo(names[i]);
      assertThat(LibraryTapeAlertFlag.of(i + 1).reserved()).isFalse();
    }
    for (int code = 0x21; code <= 0x40; code++) {
      assertThat(LibraryTapeAlertFlag.of(code).reserved()).isTrue();
    }
    assertThat(LibraryTapeAlertFlag.LIBRARY_HARDWARE_A.severity()).isEqualTo(TapeAlertSeverity.CRITICAL);
    assertThat(LibraryTapeAlertFlag.LIBRARY_HARDWARE_B.severity()).isEqualTo(TapeAlertSeverity.WARNING);
    assertThat(LibraryTapeAlertFlag.LIBRARY_DOOR.severity()).isEqualTo(TapeAlertSeverity.CRITICAL);
    assertThat(LibraryTapeAlertFlag.LIBRARY_OFFLINE.severity()).isEqualTo(TapeAlertSeverity.INFORMATION);
    assertThat(LibraryTapeAlertFlag.UNREADABLE_BAR_CODE_LABELS.severity()).isEqualTo(TapeAlertSeverity.INFORMATION);
  }

  @Test
  void aFlagPrintsWithItsNumberAndSeverityLetter() {
    assertThat(TapeAlertFlag.CLEAN_NOW).hasToString("14h Clean now (C)");
    assertThat(LibraryTapeAlertFlag.LIBRARY_PICK_RETRY).hasToString("0Dh Library pick retry (W)");
  }

  private static void assertFlag(TapeAlertFlag flag, String text, TapeAlertSeverity severity) {
    assertThat(flag.text()).isEqualTo(text);
    assertThat(flag.severity()).isEqualTo(severity);
  }
}
