package org.vaultline.device.usb;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * Jazzer targets for the bulk-only wrapper decoders. In a normal {@code mvn test} they run over the seeds
 * in {@code src/test/resources/org/vaultline/device/usb/BulkOnlyWrapperFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} they fuzz. Only {@link MalformedResponseException} is an allowed failure, and
 * whatever decodes must encode back to the same bytes.
 */
class BulkOnlyWrapperFuzzTest {

  @FuzzTest
  void commandStatusWrapperDecodeIsTotal(byte[] data) {
    Bytes in = Bytes.of(data);
    try {
      CommandStatusWrapper csw = CommandStatusWrapper.decode(in);
      if (!csw.encode().equals(in)) {
        throw new AssertionError("CSW does not encode back: " + in.hex());
      }
    } catch (MalformedResponseException expected) {
      // not a valid CSW
    }
  }

  @FuzzTest
  void commandBlockWrapperDecodeIsTotal(byte[] data) {
    Bytes in = Bytes.of(data);
    try {
      CommandBlockWrapper cbw = CommandBlockWrapper.decode(in);
      if (!CommandBlockWrapper.decode(cbw.encode()).equals(cbw)) {
        throw new AssertionError("CBW does not round-trip: " + in.hex());
      }
    } catch (MalformedResponseException expected) {
      // not a meaningful CBW
    }
  }
}
