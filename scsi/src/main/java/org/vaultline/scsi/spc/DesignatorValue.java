package org.vaultline.scsi.spc;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;

/**
 * The DESIGNATOR field of an SPC-4 designation descriptor (Device Identification VPD page 83h), one
 * record per DESIGNATOR TYPE (byte 1 bits 3..0 of the descriptor).
 *
 * <p>{@link #decode} gives the typed record only when that record encodes back to exactly the bytes
 * received; otherwise (a reserved type, a length the type does not allow, reserved bytes set, text
 * that is not valid UTF-8) it gives {@link Raw}, so nothing a device sent is lost or rewritten.
 */
public sealed interface DesignatorValue {

  /** DESIGNATOR TYPE, 0..15. */
  int type();

  /** The DESIGNATOR bytes (without the 4-byte descriptor header). */
  Bytes encode();

  /** Decodes {@code designator} as DESIGNATOR TYPE {@code type}. Never throws for any input. */
  static DesignatorValue decode(int type, Bytes designator) {
    DesignatorValue typed = typed(type & 0xf, designator);
    return typed != null && typed.encode().equals(designator) ? typed : new Raw(type & 0xf, designator);
  }

  private static DesignatorValue typed(int type, Bytes d) {
    int n = d.size();
    return switch (type) {
      case VendorSpecific.TYPE -> new VendorSpecific(d);
      case T10VendorId.TYPE -> n >= 8 ? new T10VendorId(latin1(d.slice(0, 8)), d.slice(8, n)) : null;
      case Eui64.TYPE -> n == 8 || n == 12 || n == 16 ? new Eui64(d) : null;
      case Naa.TYPE -> n == 8 || n == 16 ? new Naa(d) : null;
      case RelativeTargetPort.TYPE -> n == 4 ? new RelativeTargetPort(id16(d)) : null;
      case TargetPortGroup.TYPE -> n == 4 ? new TargetPortGroup(id16(d)) : null;
      case LogicalUnitGroup.TYPE -> n == 4 ? new LogicalUnitGroup(id16(d)) : null;
      case Md5LogicalUnitId.TYPE -> n == 16 ? new Md5LogicalUnitId(d) : null;
      case ScsiNameString.TYPE -> ScsiNameString.decode(d);
      case ProtocolSpecificPort.TYPE -> new ProtocolSpecificPort(d);
      case Uuid.TYPE -> n == 18 ? new Uuid(d.get(0) >> 4, uuid(d.slice(2, 18))) : null;
      default -> null;
    };
  }

  /** Types 4h..6h: a 4-byte designator, bytes 0..1 reserved, bytes 2..3 the 16-bit identifier. */
  private static int id16(Bytes d) {
    return d.get(2) << 8 | d.get(3);
  }

  private static Bytes id16(int id) {
    return new BigEndianWriter(4).u16(0).u16(id).toBytes();
  }

  private static String latin1(Bytes b) {
    return new String(b.toByteArray(), StandardCharsets.ISO_8859_1);
  }

  private static UUID uuid(Bytes b) {
    ByteBuffer buf = ByteBuffer.wrap(b.toByteArray());
    return new UUID(buf.getLong(), buf.getLong());
  }

  private static void checkLength(String what, Bytes value, int max) {
    if (value.size() > max) {
      throw new IllegalArgumentException(what + " of " + value.size() + " bytes exceeds " + max);
    }
  }

  /** Type 0h: vendor specific. */
  record VendorSpecific(Bytes value) implements DesignatorValue {
    public static final int TYPE = 0x0;

    public VendorSpecific {
      checkLength("vendor-specific designator", value, 0xff);
    }

    @Override
    public int type() {
      return TYPE;
    }

    @Override
    public Bytes encode() {
      return value;
    }
  }

  /**
   * Type 1h: T10 vendor ID based: an 8-byte T10 VENDOR IDENTIFICATION, then a vendor-specific
   * identifier. Tape drives (IBM, HP LTO) fill the latter with the 16-byte product identification and
   * the serial number, the same layout SMC-3 DVCID identifiers use; {@link #product()} and
   * {@link #serialNumber()} read it that way.
   *
   * @param vendorId the 8 vendor characters exactly as sent (ISO-8859-1)
   * @param vendorSpecificId the bytes after them
   */
  record T10VendorId(String vendorId, Bytes vendorSpecificId) implements DesignatorValue {
    public static final int TYPE = 0x1;

    public T10VendorId {
      if (vendorId.length() != 8 || !vendorId.chars().allMatch(c -> c <= 0xff)) {
        throw new IllegalArgumentException("T10 vendor ID \"" + vendorId + "\" is not 8 ISO-8859-1 characters");
      }
      checkLength("vendor-specific identifier", vendorSpecificId, 0xff - 8);
    }

    /** Vendor padded with spaces to 8 characters, then the ASCII {@code vendorSpecificId}. */
    public static T10VendorId of(String vendor, String vendorSpecificId) {
      return new T10VendorId(String.format("%-8.8s", vendor), Bytes.ascii(vendorSpecificId));
    }

    /** The vendor without trailing spaces and NULs. */
    public String vendor() {
      return trimEnd(vendorId);
    }

    /** The vendor-specific identifier as ISO-8859-1 text, exactly as sent. */
    public String vendorSpecificText() {
      return latin1(vendorSpecificId);
    }

    /** The first 16 characters after the vendor, trimmed: the product in the drive/DVCID layout. */
    public String product() {
      String s = vendorSpecificText();
      return trimEnd(s.substring(0, Math.min(16, s.length())));
    }

    /** What follows the 16 product characters, trimmed on both sides: the serial number in that layout. */
    public String serialNumber() {
      String s = vendorSpecificText();
      return s.length() <= 16 ? "" : s.substring(16).replaceAll("^[ \\x00]+|[ \\x00]+$", "");
    }

    private static String trimEnd(String s) {
      int end = s.length();
      while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
        end--;
      }
      return s.substring(0, end);
    }

    @Override
    public int type() {
      return TYPE;
    }

    @Override
    public Bytes encode() {
      return Bytes.ascii(vendorId).concat(vendorSpecificId);
    }
  }

  /** Type 2h: EUI-64 based, 8, 12 or 16 bytes. */
  record Eui64(Bytes identifier) implements DesignatorValue {
    public static final int TYPE = 0x2;

    public Eui64 {
      int n = identifier.size();
      if (n != 8 && n != 12 && n != 16) {
        throw new IllegalArgumentException("an EUI-64 based designator has 8, 12 or 16 bytes, not " + n);
      }
    }

    @Override
    public int type() {
      return TYPE;
    }

    @Override
    public Bytes encode() {
      return identifier;
    }
  }

  /**
   * Type 3h: NAA, 8 bytes (NAA 2h IEEE extended, 3h locally assigned, 5h IEEE registered) or 16 bytes
   * (NAA 6h IEEE registered extended). The NAA field is the high nibble of the first byte.
   */
  record Naa(Bytes identifier) implements DesignatorValue {
    public static final int TYPE = 0x3;

    public Naa {
      if (identifier.size() != 8 && identifier.size() != 16) {
        throw new IllegalArgumentException("an NAA designator has 8 or 16 bytes, not " + identifier.size());
      }
    }

    /** The NAA field: 2h, 3h, 5h, 6h (others are reserved). */
    public int naaType() {
      return identifier.get(0) >> 4;
    }

    @Override
    public int type() {
      return TYPE;
    }

    @Override
    public Bytes encode() {
      return identifier;
    }
  }

  /** Type 4h: relative target port identifier (bytes 2..3 of a 4-byte designator). */
  record RelativeTargetPort(int port) implements DesignatorValue {
    public static final int TYPE = 0x4;

    public RelativeTargetPort {
      CdbFields.checkRange("relative target port", port, 0xffff);
    }

    @Override
    public int type() {
      return TYPE;
    }

    @Override
    public Bytes encode() {
      return id16(port);
    }
  }

  /** Type 5h: target port group (bytes 2..3 of a 4-byte designator). */
  record TargetPortGroup(int group) implements DesignatorValue {
    public static final int TYPE = 0x5;

    public TargetPortGroup {
      CdbFields.checkRange("target port group", group, 0xffff);
    }

    @Override
    public int type() {
      return TYPE;
    }

    @Override
    public Bytes encode() {
      return id16(group);
    }
  }

  /** Type 6h: logical unit group (bytes 2..3 of a 4-byte designator). */
  record LogicalUnitGroup(int group) implements DesignatorValue {
    public static final int TYPE = 0x6;

    public LogicalUnitGroup {
      CdbFields.checkRange("logical unit group", group, 0xffff);
    }

    @Override
    public int type() {
      return TYPE;
    }

    @Override
    public Bytes encode() {
      return id16(group);
    }
  }

  /** Type 7h: MD5 logical unit identifier, 16 bytes. */
  record Md5LogicalUnitId(Bytes digest) implements DesignatorValue {
    public static final int TYPE = 0x7;

    public Md5LogicalUnitId {
      if (digest.size() != 16) {
        throw new IllegalArgumentException("an MD5 logical unit identifier has 16 bytes, not " + digest.size());
      }
    }

    @Override
    public int type() {
      return TYPE;
    }

    @Override
    public Bytes encode() {
      return digest;
    }
  }

  /**
   * Type 8h: SCSI name string (iSCSI name, {@code naa.}/{@code eui.} form): UTF-8, null terminated,
   * padded with zeros to a multiple of 4 bytes.
   *
   * @param name the text before the first NUL
   * @param length the designator length including terminator and padding (devices that omit the
   *     terminator are kept as sent)
   */
  record ScsiNameString(String name, int length) implements DesignatorValue {
    public static final int TYPE = 0x8;

    public ScsiNameString {
      int n = name.getBytes(StandardCharsets.UTF_8).length;
      if (name.indexOf('\0') >= 0 || n > length || length > 0xff) {
        throw new IllegalArgumentException("SCSI name string \"" + name + "\" does not fit " + length + " bytes");
      }
    }

    /** {@code name} null-terminated and padded to a multiple of 4 bytes, as SPC-4 asks. */
    public static ScsiNameString of(String name) {
      int n = name.getBytes(StandardCharsets.UTF_8).length + 1;
      return new ScsiNameString(name, (n + 3) / 4 * 4);
    }

    static ScsiNameString decode(Bytes d) {
      int nul = 0;
      while (nul < d.size() && d.get(nul) != 0) {
        nul++;
      }
      try {
        String name = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(d.slice(0, nul).toByteArray()))
            .toString();
        return d.size() <= 0xff ? new ScsiNameString(name, d.size()) : null;
      } catch (CharacterCodingException e) {
        return null;
      }
    }

    @Override
    public int type() {
      return TYPE;
    }

    @Override
    public Bytes encode() {
      Bytes text = Bytes.of(name.getBytes(StandardCharsets.UTF_8));
      return text.concat(Bytes.zeros(length - text.size()));
    }
  }

  /** Type 9h: protocol specific port identifier (USB, PCIe routing); layout depends on the protocol. */
  record ProtocolSpecificPort(Bytes value) implements DesignatorValue {
    public static final int TYPE = 0x9;

    public ProtocolSpecificPort {
      checkLength("protocol specific port identifier", value, 0xff);
    }

    @Override
    public int type() {
      return TYPE;
    }

    @Override
    public Bytes encode() {
      return value;
    }
  }

  /**
   * Type Ah: UUID (SPC-5), 18 bytes: byte 0 bits 7..4 UUID TYPE (1h locally assigned, RFC 4122),
   * byte 1 reserved, bytes 2..17 the UUID.
   */
  record Uuid(int uuidType, UUID uuid) implements DesignatorValue {
    public static final int TYPE = 0xA;

    public Uuid {
      CdbFields.checkRange("UUID type", uuidType, 0xf);
    }

    /** A locally assigned (UUID type 1h) designator. */
    public static Uuid locallyAssigned(UUID uuid) {
      return new Uuid(1, uuid);
    }

    @Override
    public int type() {
      return TYPE;
    }

    @Override
    public Bytes encode() {
      return new BigEndianWriter(18)
          .u8(uuidType << 4)
          .u8(0)
          .u64(uuid.getMostSignificantBits())
          .u64(uuid.getLeastSignificantBits())
          .toBytes();
    }
  }

  /** A reserved designator type (Bh..Fh), or one whose bytes do not fit its type's format. */
  record Raw(int type, Bytes value) implements DesignatorValue {
    public Raw {
      CdbFields.checkRange("designator type", type, 0xf);
      checkLength("designator", value, 0xff);
    }

    @Override
    public Bytes encode() {
      return value;
    }
  }
}
