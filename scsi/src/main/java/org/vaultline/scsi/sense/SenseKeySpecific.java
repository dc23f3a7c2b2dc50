package org.vaultline.scsi.sense;

import java.util.OptionalInt;
import org.vaultline.scsi.bytes.Bytes;

/**
 * SPC-4 4.5.2.4 sense-key-specific information (3 bytes with SKSV set); its meaning depends on the
 * sense key.
 */
public sealed interface SenseKeySpecific {

  /** ILLEGAL REQUEST: which byte (and bit) of the CDB or parameter data was wrong. */
  record FieldPointer(boolean inCdb, OptionalInt bitPointer, int fieldPointer) implements SenseKeySpecific {
    /** @throws IllegalArgumentException when the pointer needs more than 16 bits or the bit is not 0..7 */
    public FieldPointer {
      checkPointer(bitPointer, fieldPointer);
    }

    @Override
    public String toString() {
      return "field pointer " + (inCdb ? "CDB" : "parameter data") + " byte " + fieldPointer
          + (bitPointer.isPresent() ? " bit " + bitPointer.getAsInt() : "");
    }
  }

  /** NOT READY / NO SENSE: how far a long operation has come, as a fraction of 65,536. */
  record ProgressIndication(int progress) implements SenseKeySpecific {
    /** @throws IllegalArgumentException when {@code progress} is not 0..65535 */
    public ProgressIndication {
      check16(progress, "progress indication");
    }

    public int percent() {
      return (int) (progress * 100L / 65536);
    }

    @Override
    public String toString() {
      return "progress " + percent() + "%";
    }
  }

  /** RECOVERED ERROR, MEDIUM ERROR, HARDWARE ERROR: the actual retry count. */
  record ActualRetryCount(int count) implements SenseKeySpecific {
    /** @throws IllegalArgumentException when {@code count} is not 0..65535 */
    public ActualRetryCount {
      check16(count, "actual retry count");
    }

    @Override
    public String toString() {
      return "actual retry count " + count;
    }
  }

  /** COPY ABORTED: the segment descriptor and byte in error. */
  record SegmentPointer(boolean segmentDescriptor, OptionalInt bitPointer, int fieldPointer)
      implements SenseKeySpecific {
    /** @throws IllegalArgumentException when the pointer needs more than 16 bits or the bit is not 0..7 */
    public SegmentPointer {
      checkPointer(bitPointer, fieldPointer);
    }

    @Override
    public String toString() {
      return "segment pointer " + (segmentDescriptor ? "segment descriptor" : "parameter list") + " byte "
          + fieldPointer + (bitPointer.isPresent() ? " bit " + bitPointer.getAsInt() : "");
    }
  }

  /** UNIT ATTENTION with 2A/11-style overflow, or a key whose specific bytes we do not interpret. */
  record Unknown(Bytes raw) implements SenseKeySpecific {
    /** @throws IllegalArgumentException when {@code raw} is not exactly the three bytes */
    public Unknown {
      if (raw.size() != 3) {
        throw new IllegalArgumentException("sense-key-specific information is 3 bytes, not " + raw.size());
      }
    }

    @Override
    public String toString() {
      return "sense-key-specific " + raw.hex();
    }
  }

  private static void check16(int value, String what) {
    if (value < 0 || value > 0xffff) {
      throw new IllegalArgumentException(what + " " + value + " does not fit in 16 bits");
    }
  }

  private static void checkPointer(OptionalInt bitPointer, int fieldPointer) {
    check16(fieldPointer, "field pointer");
    if (bitPointer.isPresent() && (bitPointer.getAsInt() < 0 || bitPointer.getAsInt() > 7)) {
      throw new IllegalArgumentException("bit pointer " + bitPointer.getAsInt() + " is not 0..7");
    }
  }

  /**
   * Decodes the three sense-key-specific bytes (SKSV in bit 7 of the first) for {@code key}; empty when
   * SKSV is clear.
   */
  static java.util.Optional<SenseKeySpecific> decode(SenseKey key, int b0, int b1, int b2) {
    if ((b0 & 0x80) == 0) {
      return java.util.Optional.empty();
    }
    int value16 = b1 << 8 | b2;
    // byte 0 bit 3: BPV (bit pointer valid), bits 2..0: bit pointer
    OptionalInt bit = (b0 & 0x08) != 0 ? OptionalInt.of(b0 & 0x07) : OptionalInt.empty();
    SenseKeySpecific s = switch (key) {
      // byte 0 bit 6: C/D, 1 = the error is in the CDB
      case ILLEGAL_REQUEST -> new FieldPointer((b0 & 0x40) != 0, bit, value16);
      case NOT_READY, NO_SENSE -> new ProgressIndication(value16);
      case RECOVERED_ERROR, MEDIUM_ERROR, HARDWARE_ERROR -> new ActualRetryCount(value16);
      case COPY_ABORTED -> new SegmentPointer((b0 & 0x20) != 0, bit, value16);
      default -> new Unknown(Bytes.of(b0, b1, b2));
    };
    return java.util.Optional.of(s);
  }

  /** The three bytes (SKSV set) that encode {@code s}, for the emulator's sense. */
  static Bytes encode(SenseKeySpecific s) {
    if (s instanceof FieldPointer f) {
      int b0 = 0x80 | (f.inCdb() ? 0x40 : 0) | (f.bitPointer().isPresent() ? 0x08 | f.bitPointer().getAsInt() : 0);
      return Bytes.of(b0, f.fieldPointer() >> 8, f.fieldPointer());
    }
    if (s instanceof ProgressIndication p) {
      return Bytes.of(0x80, p.progress() >> 8, p.progress());
    }
    if (s instanceof ActualRetryCount r) {
      return Bytes.of(0x80, r.count() >> 8, r.count());
    }
    if (s instanceof SegmentPointer p) {
      int b0 = 0x80 | (p.segmentDescriptor() ? 0x20 : 0) | (p.bitPointer().isPresent() ? 0x08 | p.bitPointer().getAsInt() : 0);
      return Bytes.of(b0, p.fieldPointer() >> 8, p.fieldPointer());
    }
    Bytes raw = ((Unknown) s).raw();
    return Bytes.of(raw.get(0) | 0x80, raw.get(1), raw.get(2));
  }
}
