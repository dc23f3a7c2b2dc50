package org.vaultline.scsi.spc;

import org.vaultline.scsi.CdbFields;

/**
 * SPC-4 PROTOCOL IDENTIFIER (4 bits): the SCSI transport protocol a designator or transport ID belongs
 * to. A value type so that reserved codes (Ch..Eh) are kept.
 */
public record ProtocolIdentifier(int code) {
  public static final ProtocolIdentifier FIBRE_CHANNEL = new ProtocolIdentifier(0x0);
  public static final ProtocolIdentifier PARALLEL_SCSI = new ProtocolIdentifier(0x1);
  public static final ProtocolIdentifier SSA = new ProtocolIdentifier(0x2);
  public static final ProtocolIdentifier IEEE_1394 = new ProtocolIdentifier(0x3);
  public static final ProtocolIdentifier SRP = new ProtocolIdentifier(0x4);
  public static final ProtocolIdentifier ISCSI = new ProtocolIdentifier(0x5);
  public static final ProtocolIdentifier SAS = new ProtocolIdentifier(0x6);
  public static final ProtocolIdentifier ADT = new ProtocolIdentifier(0x7);
  public static final ProtocolIdentifier ATA = new ProtocolIdentifier(0x8);
  public static final ProtocolIdentifier UAS = new ProtocolIdentifier(0x9);
  public static final ProtocolIdentifier SOP = new ProtocolIdentifier(0xA);
  public static final ProtocolIdentifier PCIE = new ProtocolIdentifier(0xB);
  public static final ProtocolIdentifier NONE = new ProtocolIdentifier(0xF);

  private static final String[] NAMES = {
    "Fibre Channel", "parallel SCSI", "SSA", "IEEE 1394", "SRP", "iSCSI", "SAS", "ADT", "ATA", "UAS",
    "SOP", "PCIe", null, null, null, "no specific protocol"
  };

  public ProtocolIdentifier {
    CdbFields.checkRange("protocol identifier", code, 0xf);
  }

  @Override
  public String toString() {
    String name = NAMES[code];
    return name != null ? name : String.format("reserved protocol %Xh", code);
  }
}
