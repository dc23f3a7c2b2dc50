package org.vaultline.scsi.smc;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * Jazzer targets for the SMC-3 parsers. In a normal {@code mvn test} they run over the seeds in
 * {@code src/test/resources/org/vaultline/scsi/smc/SmcFuzzTestInputs/<method>/}; with {@code JAZZER_FUZZ=1}
 * they fuzz. Only {@link MalformedResponseException} is an allowed failure.
 */
class SmcFuzzTest {

  @FuzzTest
  void elementStatusDataIsTotal(byte[] data) {
    try {
      SmcTotalityTest.parseAndUse(Bytes.of(data));
    } catch (MalformedResponseException expected) {
      // fewer than 8 bytes: the one allowed failure
    }
  }

  @FuzzTest
  void elementAddressAssignmentPageIsTotal(byte[] data) {
    try {
      ElementAddressAssignmentPage.parse(Bytes.of(data)).toModePage().encode();
    } catch (MalformedResponseException expected) {
      // not an element address assignment page
    }
  }

  @FuzzTest
  void transportGeometryPageIsTotal(byte[] data) {
    try {
      TransportGeometryPage.parse(Bytes.of(data)).toModePage().encode();
    } catch (MalformedResponseException expected) {
      // not a transport geometry page
    }
  }

  @FuzzTest
  void deviceCapabilitiesPageIsTotal(byte[] data) {
    try {
      DeviceCapabilitiesPage.parse(Bytes.of(data)).toModePage().encode();
    } catch (MalformedResponseException expected) {
      // not a device capabilities page
    }
  }
}
