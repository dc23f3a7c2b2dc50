package org.vaultline.scsi.ssc;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CommandSet;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.spc.LogPage;

/**
 * Jazzer targets for the SSC parsers and CDB decoders. In a normal {@code mvn test} they run over the
 * seeds in {@code src/test/resources/org/vaultline/scsi/ssc/SscFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} they fuzz. The only allowed failures are MalformedResponseException (parsers)
 * and InvalidCdbException (decoders).
 */
class SscFuzzTest {

  @FuzzTest
  void readPositionIsTotal(byte[] data) {
    try {
      ReadPositionShort.parse(Bytes.of(data)).encode();
    } catch (MalformedResponseException expected) {
      // too short
    }
  }

  @FuzzTest
  void readAttributeIsTotal(byte[] data) {
    Bytes b = Bytes.of(data);
    try {
      AttributeValues values = AttributeValues.parse(b);
      values.barcode();
      values.mediumSerialNumber();
      values.encode();
    } catch (MalformedResponseException expected) {
      // not attribute values
    }
    try {
      AttributeIdentifiers.parse(b).encode();
    } catch (MalformedResponseException expected) {
      // not an identifier list
    }
  }

  @FuzzTest
  void reportDensitySupportIsTotal(byte[] data) {
    Bytes b = Bytes.of(data);
    try {
      DensitySupport.parse(b).encode();
    } catch (MalformedResponseException expected) {
      // not density descriptors
    }
    try {
      MediumTypeSupport.parse(b).encode();
    } catch (MalformedResponseException expected) {
      // not medium type descriptors
    }
  }

  @FuzzTest
  void tapeAlertPageIsTotal(byte[] data) {
    try {
      TapeAlertPage p = TapeAlertPage.parse(Bytes.of(data));
      p.active();
      p.activeLibrary();
      p.encode();
    } catch (MalformedResponseException expected) {
      // not a TapeAlert page
    }
    try {
      TapeAlertPage.from(LogPage.parse(Bytes.of(data))).toLogPage();
    } catch (MalformedResponseException expected) {
      // not a (TapeAlert) log page
    }
  }

  @FuzzTest
  void cdbDecodersAreTotal(byte[] data) {
    if (data.length == 0) {
      return;
    }
    for (CommandSet.Entry e : SscCommands.entries()) {
      byte[] cdb = data.clone();
      cdb[0] = (byte) e.opcode();
      try {
        e.decoder().decode(new Cdb(Bytes.of(cdb))).cdb();
      } catch (InvalidCdbException expected) {
        // refused as a drive would
      }
    }
  }
}
