package org.vaultline.scsi.ssc;

import static org.vaultline.scsi.CdbFields.flag;

import java.time.Duration;
import java.util.Objects;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.transport.DataDirection;

/**
 * SSC-3 WRITE(6) (0Ah), an implicit-address command: writes one variable-length block of
 * {@code transferLength} bytes, or {@code transferLength} blocks of the drive's fixed block length.
 * The data is not in the CDB: {@link #fromCdb(Cdb)} gives a record with empty data, to which the target
 * attaches what it received with {@link #withData(Bytes)}.
 *
 * @param fixed FIXED: {@code transferLength} counts blocks, else bytes
 * @param transferLength 0..FFFFFFh blocks (fixed) or bytes (variable)
 * @param data the bytes to write; empty only in a record decoded from a CDB before its data arrived
 */
public record Write6(boolean fixed, int transferLength, Bytes data) implements Command<Void> {
  public static final int OPCODE = 0x0A;
  public static final String NAME = "WRITE(6)";

  public Write6 {
    Objects.requireNonNull(data, "data");
    if (transferLength < 0 || transferLength > 0xFFFFFF) {
      throw new IllegalArgumentException("transfer length must be 0..16777215: " + transferLength);
    }
    if (!data.isEmpty()) {
      boolean consistent = fixed
          ? transferLength > 0 && data.size() % transferLength == 0
          : data.size() == transferLength;
      if (!consistent) {
        throw new IllegalArgumentException(data.size() + " bytes of data do not match a "
            + (fixed ? "fixed" : "variable") + " transfer length of " + transferLength);
      }
    }
  }

  /** Writes {@code block} as one variable-length block. */
  public static Write6 variable(Bytes block) {
    return new Write6(false, block.size(), block);
  }

  /** Writes {@code data} as blocks of {@code blockLength} bytes, the drive being in fixed mode. */
  public static Write6 fixed(Bytes data, int blockLength) {
    if (blockLength <= 0 || data.size() % blockLength != 0) {
      throw new IllegalArgumentException(data.size() + " bytes are not whole blocks of " + blockLength);
    }
    return new Write6(true, data.size() / blockLength, data);
  }

  /** The same command carrying {@code received} as its data (target side). */
  public Write6 withData(Bytes received) {
    return new Write6(fixed, transferLength, received);
  }

  /** The number of bytes the CDB announces, given the drive's fixed block length (ignored when variable). */
  public long expectedDataLength(int fixedBlockLength) {
    return fixed ? (long) transferLength * fixedBlockLength : transferLength;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    return Cdb.of(OPCODE, flag(fixed, 0), // byte 1 bit 0: FIXED
        transferLength >> 16, transferLength >> 8, transferLength, // bytes 2..4: TRANSFER LENGTH
        0);
  }

  @Override
  public DataDirection direction() {
    return DataDirection.TO_DEVICE;
  }

  @Override
  public Bytes dataOut() {
    return data;
  }

  @Override
  public Duration defaultTimeout() {
    return SscTimeouts.WRITE;
  }

  @Override
  public Void parse(Bytes dataIn) {
    return null;
  }

  /** Decodes a WRITE(6) CDB (target side); the data is empty until {@link #withData} is applied. */
  public static Write6 fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 6, NAME);
    f.reserved(1, 0xfe);
    return new Write6(f.bit(1, 0), f.u24(2), Bytes.EMPTY);
  }

  @Override
  public String toString() {
    return "Write6[fixed=" + fixed + ", transferLength=" + transferLength + ", data=" + data.size() + " bytes]";
  }
}
