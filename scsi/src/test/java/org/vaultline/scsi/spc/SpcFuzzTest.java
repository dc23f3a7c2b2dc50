package org.vaultline.scsi.spc;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * Jazzer targets for the Device Identification VPD page and the mode parameter parsers. In a normal
 * {@code mvn test} they run over the seeds in
 * {@code src/test/resources/org/vaultline/scsi/spc/SpcFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} they fuzz. {@link MalformedResponseException} is the one allowed failure; a
 * record that does not survive encode and parse again is a bug too.
 */
class SpcFuzzTest {

  @FuzzTest
  void deviceIdentificationIsTotal(byte[] data) {
    try {
      DeviceIdentification page = DeviceIdentification.parse(Bytes.of(data));
      requireSame(DeviceIdentification.parse(page.encode()), page);
      page.designators().forEach(d -> d.protocol().ifPresent(Object::toString));
    } catch (MalformedResponseException expected) {
      // not a Device Identification page
    }
  }

  @FuzzTest
  void modeParametersAreTotal(byte[] data) {
    Bytes b = Bytes.of(data);
    try {
      ModeParameters six = ModeParameters.parse6(b);
      requireSame(ModeParameters.parse6(six.encode6()), six);
    } catch (MalformedResponseException expected) {
      // not MODE SENSE(6) data
    }
    try {
      ModeParameters ten = ModeParameters.parse10(b);
      requireSame(ModeParameters.parse10(ten.encode10()), ten);
    } catch (MalformedResponseException expected) {
      // not MODE SENSE(10) data
    }
    try {
      ModeParameters.parseSelect6(b);
      ModeParameters.parseSelect10(b);
    } catch (MalformedResponseException expected) {
      // not a MODE SELECT parameter list
    }
  }

  private static void requireSame(Object again, Object first) {
    if (!again.equals(first)) {
      throw new AssertionError("encode and parse changed " + first + " into " + again);
    }
  }
}
