package org.vaultline.scsi.ssc;

import java.time.Duration;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.transport.DataDirection;

/**
 * SSC-3 READ POSITION (34h), a common command, with service action 00h (SHORT FORM - BLOCK ID): where
 * the drive is, and what it still holds in its buffer. Opcode 34h is PRE-FETCH on a disk; the tape
 * meaning is the only one in {@link SscCommands}. The long (06h) and extended (08h) forms are not
 * implemented: the emulator answers them with INVALID FIELD IN CDB, as an SSC-2 drive would.
 */
public record ReadPosition() implements Command<ReadPositionShort> {
  public static final int OPCODE = 0x34;
  public static final String NAME = "READ POSITION";
  /** Service action 00h: short form, logical object identifiers. */
  public static final int SHORT_FORM_BLOCK_ID = 0x00;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    // byte 1 bits 4..0: SERVICE ACTION 00h; bytes 7..8: ALLOCATION LENGTH, zero for the short form
    return Cdb.of(OPCODE, SHORT_FORM_BLOCK_ID, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  @Override
  public DataDirection direction() {
    return DataDirection.FROM_DEVICE;
  }

  @Override
  public int dataInLength() {
    return ReadPositionShort.LENGTH;
  }

  @Override
  public Duration defaultTimeout() {
    return SscTimeouts.QUERY;
  }

  @Override
  public ReadPositionShort parse(Bytes dataIn) throws MalformedResponseException {
    return ReadPositionShort.parse(dataIn);
  }

  /** Decodes a READ POSITION CDB (target side); only the short block-id form is accepted. */
  public static ReadPosition fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 10, NAME);
    f.reserved(1, 0xe0);
    int serviceAction = f.bits(1, 4, 0);
    if (serviceAction != SHORT_FORM_BLOCK_ID) {
      throw CdbFields.invalid(1, 4, String.format("READ POSITION service action %02Xh is not supported", serviceAction));
    }
    f.reservedBytes(2, 6);
    if (f.u16(7) != 0) {
      throw CdbFields.invalid(7, "allocation length must be zero for the short form");
    }
    return new ReadPosition();
  }
}
