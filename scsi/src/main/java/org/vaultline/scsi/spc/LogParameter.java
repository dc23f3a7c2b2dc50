package org.vaultline.scsi.spc;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.bytes.Bytes;

/**
 * One SPC-4 log parameter: bytes 0..1 PARAMETER CODE, byte 2 the control byte, byte 3 PARAMETER
 * LENGTH, then the value.
 *
 * @param code PARAMETER CODE, 0..FFFFh
 * @param control byte 2: bit 7 DU, bit 6 obsolete, bit 5 TSD, bit 4 ETC, bits 3..2 TMC, bits 1..0
 *     FORMAT AND LINKING
 * @param value PARAMETER VALUE, 0..255 bytes
 */
public record LogParameter(int code, int control, Bytes value) {
  /** FORMAT AND LINKING 00b: bounded data counter. */
  public static final int BOUNDED_DATA_COUNTER = 0;
  /** FORMAT AND LINKING 01b: ASCII format list. */
  public static final int ASCII_FORMAT_LIST = 1;
  /** FORMAT AND LINKING 10b: bounded or unbounded data counter. */
  public static final int DATA_COUNTER = 2;
  /** FORMAT AND LINKING 11b: binary format list. */
  public static final int BINARY_FORMAT_LIST = 3;

  public LogParameter {
    CdbFields.checkRange("parameter code", code, 0xffff);
    CdbFields.checkRange("parameter control byte", control, 0xff);
    CdbFields.checkRange("parameter length", value.size(), 0xff);
  }

  /** Bit 7: DU, disable update. */
  public boolean du() {
    return (control & 0x80) != 0;
  }

  /** Bit 5: TSD, target save disable. */
  public boolean tsd() {
    return (control & 0x20) != 0;
  }

  /** Bit 4: ETC, enable threshold comparison. */
  public boolean etc() {
    return (control & 0x10) != 0;
  }

  /** Bits 3..2: TMC, threshold met criteria. */
  public int tmc() {
    return control >> 2 & 3;
  }

  /** Bits 1..0: FORMAT AND LINKING. */
  public int formatAndLinking() {
    return control & 3;
  }

  /** The value as an unsigned big-endian number, when it has 1 to 8 bytes. */
  public OptionalLong unsignedValue() {
    if (value.isEmpty() || value.size() > 8) {
      return OptionalLong.empty();
    }
    long v = 0;
    for (int i = 0; i < value.size(); i++) {
      v = v << 8 | value.get(i);
    }
    return OptionalLong.of(v);
  }

  /** The value as ISO-8859-1 text (for ASCII format list parameters). */
  public String textValue() {
    return new String(value.toByteArray(), StandardCharsets.ISO_8859_1);
  }

  /** Header and value as they appear in a log page. */
  public Bytes encode() {
    return Bytes.of(code >> 8, code, control, value.size()).concat(value);
  }
}
