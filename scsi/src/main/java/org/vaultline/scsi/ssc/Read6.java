package org.vaultline.scsi.ssc;

import static org.vaultline.scsi.CdbFields.flag;

import java.time.Duration;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.transport.DataDirection;

/**
 * SSC-3 READ(6) (08h), an implicit-address command: reads the next logical block (variable mode) or
 * the next {@code transferLength} blocks of the drive's fixed block length (fixed mode). The response
 * is the data itself; a short block, a filemark or end-of-data are reported in the sense data (ILI,
 * FILEMARK, EOM bits and the INFORMATION residue), not here.
 *
 * <p>The fixed block length is not in the CDB: it is the drive's current setting (MODE SELECT block
 * descriptor, see {@link ReadBlockLimits}). It is carried here only so that the command knows how many
 * bytes to expect; {@link #fromCdb(Cdb)} cannot know it and gives 0.
 *
 * @param sili SILI: suppress the incorrect-length indication (variable mode only)
 * @param fixed FIXED: {@code transferLength} counts blocks of {@code blockLength} bytes, else bytes
 * @param transferLength 0..FFFFFFh blocks (fixed) or bytes (variable, the largest block accepted)
 * @param blockLength the drive's fixed block length when {@code fixed}; 0 when variable or unknown
 */
public record Read6(boolean sili, boolean fixed, int transferLength, int blockLength) implements Command<Bytes> {
  public static final int OPCODE = 0x08;
  public static final String NAME = "READ(6)";

  public Read6 {
    if (transferLength < 0 || transferLength > 0xFFFFFF) {
      throw new IllegalArgumentException("transfer length must be 0..16777215: " + transferLength);
    }
    if (sili && fixed) {
      // SSC-3: SILI and FIXED both set is an invalid field in the CDB
      throw new IllegalArgumentException("SILI cannot be combined with FIXED");
    }
    if (blockLength < 0 || !fixed && blockLength != 0) {
      throw new IllegalArgumentException("block length applies to fixed mode only: " + blockLength);
    }
    if ((long) transferLength * blockLength > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(transferLength + " blocks of " + blockLength + " bytes is too much for one transfer");
    }
  }

  /** Reads one variable-length block of at most {@code maxBytes} bytes. */
  public static Read6 variable(int maxBytes) {
    return new Read6(false, false, maxBytes, 0);
  }

  /** Reads one variable-length block, with SILI as given. */
  public static Read6 variable(int maxBytes, boolean sili) {
    return new Read6(sili, false, maxBytes, 0);
  }

  /** Reads {@code blocks} blocks in fixed mode, the drive being set to {@code blockLength}-byte blocks. */
  public static Read6 fixed(int blocks, int blockLength) {
    return new Read6(false, true, blocks, blockLength);
  }

  /** The same command, knowing the drive's fixed block length (the emulator fills this in). */
  public Read6 withBlockLength(int length) {
    return new Read6(sili, fixed, transferLength, fixed ? length : 0);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    return Cdb.of(OPCODE, flag(sili, 1) | flag(fixed, 0), // byte 1: SILI bit 1, FIXED bit 0
        transferLength >> 16, transferLength >> 8, transferLength, // bytes 2..4: TRANSFER LENGTH
        0);
  }

  @Override
  public DataDirection direction() {
    return DataDirection.FROM_DEVICE;
  }

  /** Variable mode: the transfer length; fixed mode: blocks times block length (0 when it is unknown). */
  @Override
  public int dataInLength() {
    return fixed ? transferLength * blockLength : transferLength;
  }

  @Override
  public Duration defaultTimeout() {
    return SscTimeouts.READ;
  }

  /** The data read, as transferred. */
  @Override
  public Bytes parse(Bytes dataIn) {
    return dataIn;
  }

  /** Decodes a READ(6) CDB (target side); a fixed-mode record has block length 0 (unknown). */
  public static Read6 fromCdb(Cdb cdb) throws InvalidCdbException {
    return fromCdb(cdb, 0);
  }

  /** Decodes a READ(6) CDB for a drive whose fixed block length is {@code blockLength}. */
  public static Read6 fromCdb(Cdb cdb, int blockLength) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 6, NAME);
    f.reserved(1, 0xfc);
    boolean sili = f.bit(1, 1);
    boolean fixed = f.bit(1, 0);
    if (sili && fixed) {
      throw CdbFields.invalid(1, 1, "SILI set together with FIXED");
    }
    int length = f.u24(2);
    return new Read6(sili, fixed, length, fixed ? blockLength : 0);
  }
}
