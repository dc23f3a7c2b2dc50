package org.vaultline.device;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.vaultline.device.iscsi.IscsiUrl;

/**
 * Where one SCSI logical unit is, as an administrator writes it in configuration and on the command line.
 * One form per way a library can be attached:
 *
 * <ul>
 *   <li>{@code sg:/dev/sg3} — a Linux SCSI generic node (SAS, FC or parallel HBA);
 *   <li>{@code iscsi://[user%password@]host[:port]/target-iqn/lun} — see {@link IscsiUrl};
 *   <li>{@code usb:VID:PID[:serial][/lun]} — a USB bulk-only device by vendor and product ID (hex); the
 *       optional serial is the unit serial number (VPD page 80h) of the logical unit, for telling two
 *       identical devices apart; LUN 0 unless given (a changer is often LUN 1 behind its drive);
 *   <li>{@code emulated:PERSONALITY[/lun]} — the emulated library in this process: LUN 0 the changer,
 *       LUN 1..n its drives, as the standalone emulator serves them over iSCSI.
 * </ul>
 *
 * {@link #toString()} gives the canonical form, which parses back to an equal URL (for iSCSI with CHAP the
 * password is shown as {@code ***} and does not).
 */
public sealed interface DeviceUrl permits DeviceUrl.Sg, DeviceUrl.Iscsi, DeviceUrl.Usb, DeviceUrl.Emulated {

  /** The forms, for messages that tell the user what we expected. */
  String FORMS = "sg:/dev/sgN, iscsi://host[:port]/target-iqn/lun, usb:VID:PID[:serial][/lun], "
      + "emulated:PERSONALITY[/lun]";

  /** The scheme: {@code sg}, {@code iscsi}, {@code usb} or {@code emulated}. */
  String scheme();

  /**
   * Parses a device URL.
   *
   * @throws IllegalArgumentException saying what is wrong and, where it helps, what was probably meant
   */
  static DeviceUrl parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty device URL; expected one of: " + FORMS);
    }
    String t = text.strip();
    int colon = t.indexOf(':');
    if (colon <= 0) {
      if (t.startsWith("/dev/")) {
        throw new IllegalArgumentException("no device type in \"" + t + "\"; did you mean sg:" + t + "?");
      }
      throw new IllegalArgumentException("no device type in \"" + t + "\"; expected one of: " + FORMS);
    }
    String scheme = t.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = t.substring(colon + 1);
    return switch (scheme) {
      case "sg" -> Sg.parseBody(rest, t);
      case "iscsi" -> Iscsi.parseUrl("iscsi:" + rest);
      case "usb" -> Usb.parseBody(rest, t);
      case "emulated" -> Emulated.parseBody(rest, t);
      default -> throw new IllegalArgumentException("unknown device type \"" + scheme + ":\" in \"" + redact(t)
          + "\"; expected one of: " + FORMS);
    };
  }

  /** A Linux SCSI generic node, {@code sg:/dev/sg3}. */
  record Sg(Path node) implements DeviceUrl {
    public Sg {
      if (!node.isAbsolute()) {
        throw new IllegalArgumentException("an sg node is an absolute path, e.g. sg:/dev/sg3, not \"" + node + "\"");
      }
    }

    static Sg parseBody(String body, String text) {
      if (body.startsWith("//")) {
        body = body.substring(2); // sg:///dev/sg3, the URI-minded spelling
      }
      if (body.isEmpty()) {
        throw new IllegalArgumentException("no device node in \"" + text + "\"; e.g. sg:/dev/sg3");
      }
      if (!body.startsWith("/")) {
        throw new IllegalArgumentException("the sg node must be an absolute path in \"" + text
            + "\"; e.g. sg:/dev/" + body);
      }
      return new Sg(Path.of(body));
    }

    @Override
    public String scheme() {
      return "sg";
    }

    @Override
    public String toString() {
      return "sg:" + node;
    }
  }

  /** A logical unit of an iSCSI target. */
  record Iscsi(IscsiUrl url) implements DeviceUrl {
    public Iscsi {
      java.util.Objects.requireNonNull(url, "url");
    }

    static Iscsi parseUrl(String text) {
      try {
        return new Iscsi(IscsiUrl.parse(text));
      } catch (IllegalArgumentException e) {
        // IscsiUrl's messages already hide the password
        throw new IllegalArgumentException("bad iSCSI URL: " + e.getMessage()
            + "; expected iscsi://host[:port]/target-iqn/lun", e);
      }
    }

    @Override
    public String scheme() {
      return "iscsi";
    }

    @Override
    public String toString() {
      return url.toString();
    }
  }

  /**
   * A logical unit behind a USB bulk-only interface.
   *
   * @param vendorId idVendor, 0..FFFFh
   * @param productId idProduct, 0..FFFFh
   * @param serial the unit serial number (INQUIRY VPD page 80h) the logical unit must report
   * @param lun the logical unit behind the interface, 0..15 (bulk-only's 4-bit LUN)
   */
  record Usb(int vendorId, int productId, Optional<String> serial, int lun) implements DeviceUrl {
    public Usb {
      if (vendorId < 0 || vendorId > 0xFFFF || productId < 0 || productId > 0xFFFF) {
        throw new IllegalArgumentException("USB vendor and product IDs are 16 bits");
      }
      java.util.Objects.requireNonNull(serial, "serial");
      serial.ifPresent(s -> {
        if (s.isEmpty() || s.chars().anyMatch(c -> c <= 0x20 || c >= 0x7F || c == '/')) {
          throw new IllegalArgumentException("a serial number is printable ASCII without spaces or '/': \"" + s + "\"");
        }
      });
      if (lun < 0 || lun > 15) {
        throw new IllegalArgumentException("a USB bulk-only LUN is 0..15, not " + lun);
      }
    }

    static Usb parseBody(String body, String text) {
      int slash = body.indexOf('/');
      int lun = 0;
      if (slash >= 0) {
        lun = parseLun(body.substring(slash + 1), 15, text);
        body = body.substring(0, slash);
      }
      String[] p = body.split(":", 3);
      if (p.length < 2 || p[0].isEmpty() || p[1].isEmpty()) {
        throw new IllegalArgumentException("expected usb:VID:PID[:serial][/lun] with VID and PID in hex, e.g. "
            + "usb:0b4d:1234, in \"" + text + "\"");
      }
      int vid = hex16(p[0], "vendor ID", text);
      int pid = hex16(p[1], "product ID", text);
      if (p.length == 3 && p[2].isEmpty()) {
        throw new IllegalArgumentException("empty serial number after the product ID in \"" + text + "\"");
      }
      try {
        return new Usb(vid, pid, p.length == 3 ? Optional.of(p[2]) : Optional.empty(), lun);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(e.getMessage() + " in \"" + text + "\"", e);
      }
    }

    private static int hex16(String s, String what, String text) {
      String digits = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
      if (digits.isEmpty() || digits.length() > 4 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        throw new IllegalArgumentException("the USB " + what + " is 1 to 4 hex digits, not \"" + s + "\", in \""
            + text + "\"");
      }
      return Integer.parseInt(digits, 16);
    }

    /** {@code 0b4d:1234}, as lsusb prints it. */
    public String ids() {
      return String.format("%04x:%04x", vendorId, productId);
    }

    @Override
    public String scheme() {
      return "usb";
    }

    @Override
    public String toString() {
      return "usb:" + ids() + serial.map(s -> ":" + s).orElse("") + (lun == 0 ? "" : "/" + lun);
    }
  }

  /**
   * A logical unit of the emulated library in this process.
   *
   * @param personality the library model, by catalogue name ({@code ibm-ts3100})
   * @param lun 0 for the changer, 1..n for drive 0..n-1
   */
  record Emulated(String personality, int lun) implements DeviceUrl {
    public Emulated {
      if (personality.isEmpty() || !personality.chars().allMatch(c -> c < 0x80
          && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.'))) {
        throw new IllegalArgumentException("a personality name has letters, digits, '-', '_' and '.': \""
            + personality + "\"");
      }
      if (lun < 0 || lun > 255) {
        throw new IllegalArgumentException("an emulated LUN is 0..255, not " + lun);
      }
    }

    static Emulated parseBody(String body, String text) {
      int slash = body.indexOf('/');
      int lun = 0;
      if (slash >= 0) {
        lun = parseLun(body.substring(slash + 1), 255, text);
        body = body.substring(0, slash);
      }
      if (body.isEmpty()) {
        throw new IllegalArgumentException("no personality in \"" + text + "\"; e.g. emulated:ibm-ts3100");
      }
      try {
        return new Emulated(body, lun);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(e.getMessage() + " in \"" + text + "\"", e);
      }
    }

    /** Whether this is the changer (LUN 0). */
    public boolean isChanger() {
      return lun == 0;
    }

    @Override
    public String scheme() {
      return "emulated";
    }

    @Override
    public String toString() {
      return "emulated:" + personality + (lun == 0 ? "" : "/" + lun);
    }
  }

  private static int parseLun(String s, int max, String text) {
    if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("the LUN after '/' is a decimal number, not \"" + s + "\", in \"" + text + "\"");
    }
    int lun = Integer.parseInt(s);
    if (lun > max) {
      throw new IllegalArgumentException("LUN " + lun + " is out of range 0.." + max + " in \"" + text + "\"");
    }
    return lun;
  }

  /** Hides anything between '%' and '@' (a password in user%password@host). */
  private static String redact(String text) {
    int pct = text.indexOf('%');
    int at = text.lastIndexOf('@');
    return pct >= 0 && at > pct ? text.substring(0, pct + 1) + "***" + text.substring(at) : text;
  }
}
