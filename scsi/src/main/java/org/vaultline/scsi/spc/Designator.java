package org.vaultline.scsi.spc;

import java.util.Optional;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;

/**
 * One SPC-4 designation descriptor of the Device Identification VPD page (83h): a 4-byte header and
 * the designator.
 *
 * @param protocolIdentifier byte 0 bits 7..4; meaningful only when {@link #piv} is set and the
 *     association is a target port or target device (see {@link #protocol()})
 * @param codeSet byte 0 bits 3..0
 * @param piv byte 1 bit 7: PIV, the protocol identifier is valid
 * @param association byte 1 bits 5..4
 * @param value the designator, typed by DESIGNATOR TYPE (byte 1 bits 3..0)
 */
public record Designator(
    ProtocolIdentifier protocolIdentifier,
    CodeSet codeSet,
    boolean piv,
    Association association,
    DesignatorValue value) {

  public Designator {
    if (value.encode().size() > 0xff) {
      throw new IllegalArgumentException("a designator has at most 255 bytes");
    }
  }

  /** A logical-unit designator with no protocol: the usual kind. */
  public static Designator ofLogicalUnit(CodeSet codeSet, DesignatorValue value) {
    return new Designator(ProtocolIdentifier.FIBRE_CHANNEL, codeSet, false, Association.LOGICAL_UNIT, value);
  }

  /** DESIGNATOR TYPE. */
  public int type() {
    return value.type();
  }

  /** The protocol this designator belongs to, when PIV says the identifier is valid for its association. */
  public Optional<ProtocolIdentifier> protocol() {
    boolean portOrDevice = association == Association.TARGET_PORT || association == Association.TARGET_DEVICE;
    return piv && portOrDevice ? Optional.of(protocolIdentifier) : Optional.empty();
  }

  /** Header and designator as they appear in the page. */
  public Bytes encode() {
    Bytes d = value.encode();
    return new BigEndianWriter(4 + d.size())
        .u8(protocolIdentifier.code() << 4 | codeSet.code())
        .u8(CdbFields.flag(piv, 7) | association.code() << 4 | value.type()) // PIV, ASSOCIATION, TYPE
        .u8(0)
        .u8(d.size()) // DESIGNATOR LENGTH
        .bytes(d)
        .toBytes();
  }
}
