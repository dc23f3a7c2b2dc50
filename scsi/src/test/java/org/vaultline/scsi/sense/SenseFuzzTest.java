package org.vaultline.scsi.sense;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.vaultline.scsi.bytes.Bytes;

/**
 * Jazzer target for {@link Sense#parse}. In a normal {@code mvn test} it runs over the seeds in
 * {@code src/test/resources/org/vaultline/scsi/sense/SenseFuzzTestInputs/parseIsTotal/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes. Only {@link MalformedResponseException} is an allowed failure.
 */
class SenseFuzzTest {

  @FuzzTest
  void parseIsTotal(byte[] data) {
    try {
      SenseTotalityTest.parseAndUse(Bytes.of(data));
    } catch (MalformedResponseException expected) {
      // not sense data: the one allowed outcome besides a Sense
    }
  }
}
