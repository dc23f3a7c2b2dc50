package org.vaultline.scsi.sense;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;

/**
 * Sense data (SPC-4 4.5) in fixed (70h/71h) or descriptor (72h/73h) format, decoded into one shape.
 * The raw bytes are always kept. {@link #toString()} reads the way an operator wants it:
 * {@code ILLEGAL REQUEST: Medium source element empty [3B/0E], field pointer CDB byte 4}.
 *
 * @param raw the sense bytes as received (possibly cut short by the transport's sense buffer)
 * @param responseCode 70h, 71h, 72h or 73h
 * @param information the INFORMATION field when valid (fixed: VALID bit; descriptor: descriptor 00h)
 * @param commandSpecific COMMAND-SPECIFIC INFORMATION (fixed bytes 8..11, or descriptor 01h), 0 if absent
 * @param fru field replaceable unit code, 0 if none
 * @param descriptors every descriptor of descriptor-format sense (empty for fixed format)
 * @param additional bytes after byte 17 of fixed-format sense (vendor data)
 */
public record Sense(
    Bytes raw,
    int responseCode,
    SenseKey key,
    int asc,
    int ascq,
    OptionalLong information,
    long commandSpecific,
    boolean filemark,
    boolean endOfMedium,
    boolean incorrectLength,
    Optional<SenseKeySpecific> senseKeySpecific,
    int fru,
    List<SenseDescriptor> descriptors,
    Bytes additional) {

  /** The most an ADDITIONAL SENSE LENGTH byte can say. */
  private static final int MAX_ADDITIONAL_LENGTH = 255;

  public Sense {
    descriptors = List.copyOf(descriptors);
  }

  /** Fixed format (70h/71h) rather than descriptor format (72h/73h). */
  public boolean isFixedFormat() {
    return responseCode == 0x70 || responseCode == 0x71;
  }

  /** Deferred error (71h/73h): reports a failure of an earlier command. */
  public boolean isDeferred() {
    return responseCode == 0x71 || responseCode == 0x73;
  }

  /** {@code true} when key, ASC and ASCQ are as given. */
  public boolean is(SenseKey key, int asc, int ascq) {
    return this.key == key && this.asc == asc && this.ascq == ascq;
  }

  /** The T10 text for ASC/ASCQ, or a description of a vendor or reserved code. */
  public String description() {
    return AdditionalSense.describe(asc, ascq);
  }

  /**
   * Parses sense data.
   *
   * @throws MalformedResponseException when there are no bytes, the response code is not 70h..73h, or
   *     the bytes end before the sense key
   */
  public static Sense parse(Bytes raw) throws MalformedResponseException {
    BigEndianReader r = new BigEndianReader(raw);
    int code = r.u8(0) & 0x7f;
    return switch (code) {
      case 0x70, 0x71 -> parseFixed(raw, r, code);
      case 0x72, 0x73 -> parseDescriptor(raw, r, code);
      default -> throw new MalformedResponseException(0,
          String.format("response code %02Xh is not sense data (70h..73h)", code));
    };
  }

  private static Sense parseFixed(Bytes raw, BigEndianReader all, int code) throws MalformedResponseException {
    // The stated length bounds what is valid; a transport may also have cut it short. Use the lesser.
    int stated = all.has(7, 1) ? 8 + all.u8(7) : all.length();
    BigEndianReader r = all.subClamped(0, Math.min(stated, all.length()));
    int b2 = r.u8(2);
    SenseKey key = SenseKey.of(b2);
    // byte 0 bit 7: VALID (the INFORMATION field is defined)
    OptionalLong information = r.bit(0, 7) && r.has(3, 4) ? OptionalLong.of(r.u32(3)) : OptionalLong.empty();
    long cmdSpecific = r.has(8, 4) ? r.u32(8) : 0;
    int asc = r.has(12, 1) ? r.u8(12) : 0;
    int ascq = r.has(13, 1) ? r.u8(13) : 0;
    int fru = r.has(14, 1) ? r.u8(14) : 0;
    Optional<SenseKeySpecific> sks = r.has(15, 3)
        ? SenseKeySpecific.decode(key, r.u8(15), r.u8(16), r.u8(17)) : Optional.empty();
    Bytes additional = r.rest(18);
    // byte 2 bit 7: FILEMARK, bit 6: EOM, bit 5: ILI
    return new Sense(raw, code, key, asc, ascq, information, cmdSpecific,
        (b2 & 0x80) != 0, (b2 & 0x40) != 0, (b2 & 0x20) != 0, sks, fru, List.of(), additional);
  }

  private static Sense parseDescriptor(Bytes raw, BigEndianReader all, int code) throws MalformedResponseException {
    SenseKey key = SenseKey.of(all.u8(1));
    int asc = all.has(2, 1) ? all.u8(2) : 0;
    int ascq = all.has(3, 1) ? all.u8(3) : 0;
    int stated = all.has(7, 1) ? 8 + all.u8(7) : all.length();
    BigEndianReader r = all.subClamped(0, Math.min(stated, all.length()));
    OptionalLong information = OptionalLong.empty();
    long cmdSpecific = 0;
    int fru = 0;
    boolean filemark = false;
    boolean eom = false;
    boolean ili = false;
    Optional<SenseKeySpecific> sks = Optional.empty();
    List<SenseDescriptor> descriptors = new ArrayList<>();
    int off = 8;
    while (r.has(off, 2)) {
      int type = r.u8(off);
      int len = r.u8(off + 1);
      // a descriptor cut short by the sense buffer is kept with what arrived
      BigEndianReader d = r.subClamped(off + 2, len);
      descriptors.add(new SenseDescriptor(type, d.rest(0)));
      switch (type) {
        case SenseDescriptor.INFORMATION -> {
          // byte 2 bit 7: VALID; bytes 4..11 INFORMATION
          if (d.has(2, 8) && d.bit(0, 7)) {
            information = OptionalLong.of(d.u64(2));
          }
        }
        case SenseDescriptor.COMMAND_SPECIFIC -> cmdSpecific = d.has(2, 8) ? d.u64(2) : cmdSpecific;
        case SenseDescriptor.SENSE_KEY_SPECIFIC -> {
          if (d.has(2, 3)) {
            sks = SenseKeySpecific.decode(key, d.u8(2), d.u8(3), d.u8(4));
          }
        }
        case SenseDescriptor.FIELD_REPLACEABLE_UNIT -> fru = d.has(1, 1) ? d.u8(1) : fru;
        case SenseDescriptor.STREAM_COMMANDS -> {
          if (d.has(1, 1)) {
            filemark = d.bit(1, 7);
            eom = d.bit(1, 6);
            ili = d.bit(1, 5);
          }
        }
        case SenseDescriptor.BLOCK_COMMANDS -> ili = d.has(1, 1) ? d.bit(1, 5) : ili;
        default -> { }
      }
      off += 2 + len;
    }
    return new Sense(raw, code, key, asc, ascq, information, cmdSpecific, filemark, eom, ili, sks, fru,
        descriptors, Bytes.EMPTY);
  }

  /** Current fixed-format sense with just key, ASC and ASCQ; refine with the {@code with*} methods. */
  public static Sense of(SenseKey key, int asc, int ascq) {
    return new Sense(Bytes.EMPTY, 0x70, key, asc & 0xff, ascq & 0xff, OptionalLong.empty(), 0, false, false,
        false, Optional.empty(), 0, List.of(), Bytes.EMPTY).reencoded();
  }

  public Sense withSenseKeySpecific(SenseKeySpecific s) {
    return new Sense(raw, responseCode, key, asc, ascq, information, commandSpecific, filemark, endOfMedium,
        incorrectLength, Optional.of(s), fru, descriptors, additional).reencoded();
  }

  /** Points at byte {@code cdbByte} (and optionally bit) of the CDB, as 5/24/00 replies should. */
  public Sense withCdbFieldPointer(int cdbByte, java.util.OptionalInt bit) {
    return withSenseKeySpecific(new SenseKeySpecific.FieldPointer(true, bit, cdbByte));
  }

  /**
   * Sets the INFORMATION field. Fixed format has room for 32 bits only: a larger value is dropped there
   * (VALID stays 0, as SPC-4 4.5.3 requires), so use {@link #asDescriptorFormat()} first for 64-bit values.
   */
  public Sense withInformation(long info) {
    return new Sense(raw, responseCode, key, asc, ascq, OptionalLong.of(info), commandSpecific, filemark,
        endOfMedium, incorrectLength, senseKeySpecific, fru, descriptors, additional).reencoded();
  }

  /** Sets COMMAND-SPECIFIC INFORMATION (32 bits in fixed format, 64 in descriptor format). */
  public Sense withCommandSpecific(long value) {
    return new Sense(raw, responseCode, key, asc, ascq, information, value, filemark, endOfMedium,
        incorrectLength, senseKeySpecific, fru, descriptors, additional).reencoded();
  }

  /** Sets the FIELD REPLACEABLE UNIT CODE (0 = none). */
  public Sense withFru(int code) {
    return new Sense(raw, responseCode, key, asc, ascq, information, commandSpecific, filemark, endOfMedium,
        incorrectLength, senseKeySpecific, code & 0xff, descriptors, additional).reencoded();
  }

  /** Sets the FILEMARK, EOM and ILI bits (SSC). */
  public Sense withStreamBits(boolean filemark, boolean eom, boolean ili) {
    return new Sense(raw, responseCode, key, asc, ascq, information, commandSpecific, filemark, eom, ili,
        senseKeySpecific, fru, descriptors, additional).reencoded();
  }

  /** The same error reported as deferred (71h/73h): it belongs to an earlier command. */
  public Sense asDeferred() {
    return new Sense(raw, isFixedFormat() ? 0x71 : 0x73, key, asc, ascq, information, commandSpecific,
        filemark, endOfMedium, incorrectLength, senseKeySpecific, fru, descriptors, additional).reencoded();
  }

  /** The same sense in descriptor format (72h/73h), as a device with D_SENSE set reports it. */
  public Sense asDescriptorFormat() {
    return new Sense(raw, isDeferred() ? 0x73 : 0x72, key, asc, ascq, information, commandSpecific,
        filemark, endOfMedium, incorrectLength, senseKeySpecific, fru, descriptors, additional).reencoded();
  }

  /**
   * This sense rebuilt from its own encoding, so that {@link #raw()}, {@link #descriptors()} and the
   * decoded fields always agree for sense made here rather than received.
   */
  private Sense reencoded() {
    Bytes encoded = isFixedFormat() ? encodeFixed() : encodeDescriptor();
    try {
      return parse(encoded);
    } catch (MalformedResponseException e) {
      throw new IllegalStateException("sense encoder produced unparseable bytes " + encoded, e);
    }
  }

  /**
   * This sense as 18 or more bytes of fixed-format sense data (70h, or 71h when deferred), the form the
   * emulator sends. INFORMATION is marked valid only when it fits in the 4 bytes there; only the low 32
   * bits of COMMAND-SPECIFIC INFORMATION fit; additional bytes are cut to the 245 the length byte allows.
   */
  public Bytes encodeFixed() {
    Bytes extra = additional.prefix(MAX_ADDITIONAL_LENGTH - 10);
    boolean infoValid = information.isPresent() && (information.getAsLong() >>> 32) == 0;
    BigEndianWriter w = new BigEndianWriter(18 + extra.size());
    // byte 0 bit 7: VALID
    w.u8((infoValid ? 0x80 : 0) | (isDeferred() ? 0x71 : 0x70));
    w.u8(0);
    // byte 2 bit 7: FILEMARK, bit 6: EOM, bit 5: ILI, bits 3..0: SENSE KEY
    w.u8((filemark ? 0x80 : 0) | (endOfMedium ? 0x40 : 0) | (incorrectLength ? 0x20 : 0) | key.code());
    w.u32(infoValid ? information.getAsLong() : 0);
    w.u8(10 + extra.size());
    w.u32(commandSpecific);
    w.u8(asc).u8(ascq).u8(fru);
    w.bytes(senseKeySpecific.map(SenseKeySpecific::encode).orElse(Bytes.zeros(3)));
    w.bytes(extra);
    return w.toBytes();
  }

  /**
   * This sense as descriptor-format sense data (72h, or 73h when deferred): information, command-specific
   * information, sense-key-specific, field replaceable unit and stream commands descriptors for the fields
   * that are set, then every other descriptor this sense was parsed with, as long as they fit in the
   * 255 bytes the additional sense length allows. Fixed-format additional bytes have no place here.
   */
  public Bytes encodeDescriptor() {
    BigEndianWriter w = new BigEndianWriter(32);
    w.u8(isDeferred() ? 0x73 : 0x72).u8(key.code()).u8(asc).u8(ascq).zeros(3).u8(0);
    if (information.isPresent()) {
      // byte 2 bit 7: VALID
      w.u8(SenseDescriptor.INFORMATION).u8(0x0a).u8(0x80).u8(0).u64(information.getAsLong());
    }
    if (commandSpecific != 0) {
      w.u8(SenseDescriptor.COMMAND_SPECIFIC).u8(0x0a).zeros(2).u64(commandSpecific);
    }
    if (senseKeySpecific.isPresent()) {
      w.u8(SenseDescriptor.SENSE_KEY_SPECIFIC).u8(0x06).zeros(2)
          .bytes(SenseKeySpecific.encode(senseKeySpecific.get())).u8(0);
    }
    if (fru != 0) {
      w.u8(SenseDescriptor.FIELD_REPLACEABLE_UNIT).u8(0x02).u8(0).u8(fru);
    }
    if (filemark || endOfMedium || incorrectLength) {
      // byte 3 bit 7: FILEMARK, bit 6: EOM, bit 5: ILI
      w.u8(SenseDescriptor.STREAM_COMMANDS).u8(0x02).u8(0)
          .u8((filemark ? 0x80 : 0) | (endOfMedium ? 0x40 : 0) | (incorrectLength ? 0x20 : 0));
    }
    for (SenseDescriptor d : descriptors) {
      if (d.type() > SenseDescriptor.BLOCK_COMMANDS
          && w.size() - 8 + 2 + d.body().size() <= MAX_ADDITIONAL_LENGTH) {
        w.u8(d.type()).u8(d.body().size()).bytes(d.body());
      }
    }
    w.putU8At(7, w.size() - 8);
    return w.toBytes();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(key.text()).append(": ").append(description())
        .append(String.format(" [%02X/%02X]", asc, ascq));
    senseKeySpecific.ifPresent(s -> sb.append(", ").append(s));
    information.ifPresent(i -> sb.append(", information ").append(i));
    if (filemark) {
      sb.append(", FILEMARK");
    }
    if (endOfMedium) {
      sb.append(", EOM");
    }
    if (incorrectLength) {
      sb.append(", ILI");
    }
    if (isDeferred()) {
      sb.append(", deferred error");
    }
    return sb.toString();
  }
}
