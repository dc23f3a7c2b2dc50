package org.vaultline.scsi.smc;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.bytes.Bytes;

/**
 * The identification descriptor at the end of an element descriptor when READ ELEMENT STATUS is sent
 * with DVCID=1 (SMC-3 6.11): the device behind a data transfer element, in the form of an SPC-4
 * designation descriptor (the same form as in INQUIRY VPD page 83h). Libraries report a T10 vendor ID
 * there: vendor (8 bytes), product (16 bytes) and serial number, e.g.
 * {@code "IBM     ULTRIUM-TD3     1210173183"}. That serial number is what ties a drive element to its
 * {@code /dev/nst} node (REFERENCE §1.1).
 *
 * @param protocolIdentifier byte 0 bits 7..4 (meaningful only with PIV)
 * @param codeSet byte 0 bits 3..0: 1 binary, 2 ASCII, 3 UTF-8
 * @param piv byte 1 bit 7: PROTOCOL IDENTIFIER VALID
 * @param association byte 1 bits 5..4
 * @param identifierType byte 1 bits 3..0: 0 vendor specific, 1 T10 vendor ID, 2 EUI-64, 3 NAA ...
 * @param identifier the identifier, at most 255 bytes
 */
public record DeviceIdentifier(int protocolIdentifier, int codeSet, boolean piv, int association,
    int identifierType, Bytes identifier) {
  public static final int CODE_SET_BINARY = 1;
  public static final int CODE_SET_ASCII = 2;
  public static final int CODE_SET_UTF8 = 3;
  public static final int TYPE_VENDOR_SPECIFIC = 0;
  public static final int TYPE_T10_VENDOR_ID = 1;
  /** Bytes of the header before the identifier. */
  public static final int HEADER_LENGTH = 4;

  public DeviceIdentifier {
    CdbFields.checkRange("protocol identifier", protocolIdentifier, 15);
    CdbFields.checkRange("code set", codeSet, 15);
    CdbFields.checkRange("association", association, 3);
    CdbFields.checkRange("identifier type", identifierType, 15);
    if (identifier.size() > 255) {
      throw new IllegalArgumentException("an identifier has at most 255 bytes, not " + identifier.size());
    }
  }

  /** An ASCII T10 vendor ID as libraries report drives: vendor padded to 8, product to 16, then the serial. */
  public static DeviceIdentifier t10VendorId(String vendor, String product, String serial) {
    String text = pad(vendor, 8) + pad(product, 16) + serial;
    return new DeviceIdentifier(0, CODE_SET_ASCII, false, 0, TYPE_T10_VENDOR_ID, Bytes.ascii(text));
  }

  /** An ASCII vendor-specific identifier holding only the serial number (what some libraries send). */
  public static DeviceIdentifier serialOnly(String serial) {
    return new DeviceIdentifier(0, CODE_SET_ASCII, false, 0, TYPE_VENDOR_SPECIFIC, Bytes.ascii(serial));
  }

  /** Bytes this descriptor takes in an element descriptor: header and identifier. */
  public int length() {
    return HEADER_LENGTH + identifier.size();
  }

  /** Whether the identifier is text (ASCII or UTF-8 code set). */
  public boolean isText() {
    return codeSet == CODE_SET_ASCII || codeSet == CODE_SET_UTF8;
  }

  /** The identifier as text, trailing spaces and NULs removed; empty for a binary identifier. */
  public Optional<String> text() {
    if (!isText()) {
      return Optional.empty();
    }
    return Optional.of(trimEnd(new String(identifier.toByteArray(),
        codeSet == CODE_SET_UTF8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1)));
  }

  /**
   * The drive's serial number: the text after vendor and product of a T10 vendor ID, or the whole text
   * of a vendor-specific identifier (libraries that send the serial alone); empty otherwise.
   */
  public Optional<String> serial() {
    if (identifierType == TYPE_T10_VENDOR_ID) {
      return text().filter(t -> t.length() > 24).map(t -> t.substring(24).strip()).filter(s -> !s.isEmpty());
    }
    if (identifierType == TYPE_VENDOR_SPECIFIC) {
      return text().map(String::strip).filter(s -> !s.isEmpty());
    }
    return Optional.empty();
  }

  /** The vendor of a T10 vendor ID ({@code IBM}); empty for other identifier types. */
  public Optional<String> vendor() {
    return t10Field(0, 8);
  }

  /** The product of a T10 vendor ID ({@code ULTRIUM-TD5}); empty for other identifier types. */
  public Optional<String> product() {
    return t10Field(8, 24);
  }

  private Optional<String> t10Field(int from, int to) {
    if (identifierType != TYPE_T10_VENDOR_ID) {
      return Optional.empty();
    }
    return text().filter(t -> t.length() > from)
        .map(t -> t.substring(from, Math.min(to, t.length())).strip());
  }

  private static String pad(String s, int width) {
    if (s.length() > width) {
      throw new IllegalArgumentException("\"" + s + "\" is longer than " + width + " characters");
    }
    return s + " ".repeat(width - s.length());
  }

  private static String trimEnd(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
      end--;
    }
    return s.substring(0, end);
  }

  @Override
  public String toString() {
    String kind = identifierType == TYPE_T10_VENDOR_ID ? "T10 vendor ID"
        : identifierType == TYPE_VENDOR_SPECIFIC ? "vendor specific" : "identifier type " + identifierType;
    return kind + " " + text().map(t -> "\"" + t + "\"").orElse(identifier.hex());
  }
}
