package org.vaultline.scsi.sense;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The T10 ASC/ASCQ table carried in {@code asc-ascq.txt}. */
class AdditionalSenseTest {

  /**
   * T10's list (asc-num.txt of 2020-08-17, the newest assignment 74h/79h) has 760 named ASC/ASCQ pairs and
   * three ranges; a table that lost lines would fall below this.
   */
  @Test
  void theTableHoldsTheWholeT10List() {
    assertThat(AdditionalSense.size()).isGreaterThanOrEqualTo(763);
    assertThat(AdditionalSense.rangeCount()).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0}/{1} {2}")
  @CsvSource(delimiter = '|', textBlock = """
      00 | 00 | No additional sense information
      00 | 01 | Filemark detected
      00 | 02 | End-of-partition/medium detected
      00 | 04 | Beginning-of-partition/medium detected
      00 | 05 | End-of-data detected
      00 | 17 | Cleaning requested
      04 | 00 | Logical unit not ready, cause not reportable
      04 | 01 | Logical unit is in process of becoming ready
      04 | 03 | Logical unit not ready, manual intervention required
      04 | 12 | Logical unit not ready, offline
      04 | 15 | Logical unit not ready, robotics disabled
      04 | 18 | Logical unit not ready, a door is open
      04 | 19 | Logical unit not ready, operating in sequential mode
      14 | 01 | Record not found
      14 | 03 | End-of-data not found
      15 | 01 | Mechanical positioning error
      20 | 00 | Invalid command operation code
      21 | 01 | Invalid element address
      24 | 00 | Invalid field in CDB
      26 | 00 | Invalid field in parameter list
      28 | 00 | Not ready to ready change, medium may have changed
      28 | 01 | Import or export element accessed
      28 | 03 | Import/export element accessed, medium changed
      29 | 00 | Power on, reset, or bus device reset occurred
      2A | 01 | Mode parameters changed
      30 | 00 | Incompatible medium installed
      30 | 03 | Cleaning cartridge installed
      30 | 13 | Cleaning volume expired
      3A | 00 | Medium not present
      3A | 01 | Medium not present - tray closed
      3A | 02 | Medium not present - tray open
      3A | 03 | Medium not present - loadable
      3A | 04 | Medium not present - medium auxiliary memory accessible
      3B | 0D | Medium destination element full
      3B | 0E | Medium source element empty
      3B | 11 | Medium magazine not accessible
      3B | 12 | Medium magazine removed
      3B | 13 | Medium magazine inserted
      3B | 14 | Medium magazine locked
      3B | 15 | Medium magazine unlocked
      3B | 16 | Mechanical positioning or changer error
      3B | 18 | Element disabled
      3B | 19 | Element enabled
      3B | 1A | Data transfer device removed
      3B | 1B | Data transfer device inserted
      3F | 03 | INQUIRY data has changed
      40 | 00 | RAM failure (should use 40 NN)
      44 | 00 | Internal target failure
      53 | 00 | Media load or eject failed
      53 | 01 | Unload tape failure
      53 | 02 | Medium removal prevented
      53 | 03 | Medium removal prevented by data transfer element
      53 | 05 | Volume identifier invalid
      53 | 0D | Data transfer device error - library communication failed
      5D | 00 | Failure prediction threshold exceeded
      5D | FF | Failure prediction threshold exceeded (false)
      74 | 79 | Security conflict in translated device
      """)
  void wellKnownCodesHaveTheirT10Text(String asc, String ascq, String text) {
    int a = Integer.parseInt(asc, 16);
    int q = Integer.parseInt(ascq, 16);
    assertThat(AdditionalSense.lookup(a, q)).contains(text);
    assertThat(AdditionalSense.describe(a, q)).isEqualTo(text);
  }

  @Test
  void rangesPutTheAscqIntoTheirText() {
    assertThat(AdditionalSense.describe(0x40, 0x80)).isEqualTo("Diagnostic failure on component 80h");
    assertThat(AdditionalSense.describe(0x40, 0xa5)).isEqualTo("Diagnostic failure on component A5h");
    assertThat(AdditionalSense.describe(0x40, 0xff)).isEqualTo("Diagnostic failure on component FFh");
    assertThat(AdditionalSense.describe(0x4d, 0x00)).isEqualTo("Tagged overlapped commands (task tag 00h)");
    assertThat(AdditionalSense.describe(0x4d, 0x1f)).isEqualTo("Tagged overlapped commands (task tag 1Fh)");
    assertThat(AdditionalSense.describe(0x70, 0x03)).isEqualTo("Decompression exception short algorithm ID of 03h");
  }

  @Test
  void aRangeCoversOnlyTheAscqsItNames() {
    // 40 NN covers 80h..FFh; 40/00 has its own line; 40/01..7F are unassigned
    assertThat(AdditionalSense.lookup(0x40, 0x05)).isEmpty();
    assertThat(AdditionalSense.describe(0x40, 0x7f)).isEqualTo("Reserved ASC 40h, ASCQ 7Fh");
    assertThat(AdditionalSense.describe(0x40, 0x00)).isEqualTo("RAM failure (should use 40 NN)");
  }

  @Test
  void vendorSpecificCodesDescribeThemselves() {
    assertThat(AdditionalSense.lookup(0x83, 0x00)).isEmpty();
    assertThat(AdditionalSense.describe(0x83, 0x00)).isEqualTo("Vendor specific ASC 83h, ASCQ 00h");
    assertThat(AdditionalSense.describe(0xff, 0xff)).isEqualTo("Vendor specific ASC FFh, ASCQ FFh");
    assertThat(AdditionalSense.describe(0x04, 0x85)).isEqualTo("Vendor specific ASCQ 85h for ASC 04h");
    assertThat(AdditionalSense.describe(0x3b, 0x82)).isEqualTo("Vendor specific ASCQ 82h for ASC 3Bh");
  }

  @Test
  void reservedCodesDescribeThemselves() {
    assertThat(AdditionalSense.lookup(0x0f, 0x00)).isEmpty();
    assertThat(AdditionalSense.describe(0x0f, 0x00)).isEqualTo("Reserved ASC 0Fh, ASCQ 00h");
    assertThat(AdditionalSense.describe(0x3b, 0x10)).isEqualTo("Reserved ASC 3Bh, ASCQ 10h");
    assertThat(AdditionalSense.describe(0x7f, 0x7f)).isEqualTo("Reserved ASC 7Fh, ASCQ 7Fh");
  }

  @Test
  void valuesOutsideAByteAreTakenModulo256() {
    assertThat(AdditionalSense.describe(0x13b, 0x10e)).isEqualTo("Medium source element empty");
    assertThat(AdditionalSense.describe(-1, -1)).isEqualTo("Vendor specific ASC FFh, ASCQ FFh");
  }

  @Test
  void everyPairOfBytesGetsADescription() {
    for (int asc = 0; asc < 256; asc++) {
      for (int ascq = 0; ascq < 256; ascq++) {
        assertThat(AdditionalSense.describe(asc, ascq)).isNotBlank()
            .doesNotContain("component NN").doesNotContain("task tag NN").doesNotContain("of NN")
            .doesNotContain("(80h-FFh)");
      }
    }
  }

  /** The table file itself: well formed, in order, no duplicates, nothing vendor specific. */
  @Test
  void theTableFileIsWellFormedSortedAndFreeOfDuplicates() throws IOException {
    List<String> lines = new ArrayList<>();
    try (InputStream in = AdditionalSense.class.getResourceAsStream("asc-ascq.txt")) {
      assertThat(in).isNotNull();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          lines.add(line);
        }
      }
    }
    assertThat(lines).hasSizeGreaterThanOrEqualTo(763);
    String previous = "";
    for (String line : lines) {
      assertThat(line).matches("[0-7][0-9A-F] ([0-9A-F]{2}|NN) [A-Za-z].*[^ ]");
      String key = line.substring(0, 5).replace("NN", "~~");
      assertThat(key).as("order after " + previous).isGreaterThan(previous);
      previous = key;
    }
  }
}
