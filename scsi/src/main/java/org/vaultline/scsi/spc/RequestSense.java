package org.vaultline.scsi.spc;

import java.time.Duration;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.transport.DataDirection;

/**
 * SPC-4 REQUEST SENSE (03h): returns the sense data the logical unit holds (pending deferred errors,
 * progress of a long operation, or NO SENSE).
 *
 * @param descriptorFormat byte 1 bit 0 DESC: ask for descriptor-format (72h) rather than fixed (70h)
 * @param allocationLength byte 4, 0..255 (252 is the most SPC-4 sense data can be)
 */
public record RequestSense(boolean descriptorFormat, int allocationLength) implements Command<Sense> {
  public static final int OPCODE = 0x03;
  public static final String NAME = "REQUEST SENSE";

  public RequestSense {
    CdbFields.checkRange("allocation length", allocationLength, 0xff);
  }

  /** Fixed format, 252 bytes allocated. */
  public static RequestSense fixed() {
    return new RequestSense(false, 252);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    return CdbFields.cdb(new BigEndianWriter(6)
        .u8(OPCODE)
        .u8(CdbFields.flag(descriptorFormat, 0)) // byte 1 bit 0: DESC
        .u16(0)
        .u8(allocationLength)
        .u8(0));
  }

  @Override
  public DataDirection direction() {
    return DataDirection.FROM_DEVICE;
  }

  @Override
  public int dataInLength() {
    return allocationLength;
  }

  @Override
  public Duration defaultTimeout() {
    return Duration.ofSeconds(10);
  }

  @Override
  public Sense parse(Bytes dataIn) throws MalformedResponseException {
    return Sense.parse(dataIn);
  }

  public static RequestSense fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 6, NAME);
    return new RequestSense(f.bit(1, 0), f.u8(4));
  }
}
