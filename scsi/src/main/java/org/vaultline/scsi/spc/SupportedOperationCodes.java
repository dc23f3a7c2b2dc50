package org.vaultline.scsi.spc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * SPC-4 REPORT SUPPORTED OPERATION CODES all_commands parameter data: bytes 0..3 COMMAND DATA LENGTH,
 * then one command descriptor per supported opcode / service action.
 */
public record SupportedOperationCodes(List<SupportedOperationCodes.CommandDescriptor> commands) {

  /**
   * One command descriptor, 8 bytes (20 with a timeouts descriptor): byte 0 OPERATION CODE, bytes 2..3
   * SERVICE ACTION, byte 5 bit 1 CTDP, bit 0 SERVACTV, bytes 6..7 CDB LENGTH, then the command
   * timeouts descriptor when CTDP is set.
   *
   * @param serviceActionValid SERVACTV: the command is a service action of {@code opcode}
   * @param timeouts present when CTDP is set
   */
  public record CommandDescriptor(int opcode, int serviceAction, boolean serviceActionValid, int cdbLength,
      Optional<CommandTimeouts> timeouts) {
    public CommandDescriptor {
      CdbFields.checkRange("operation code", opcode, 0xff);
      CdbFields.checkRange("service action", serviceAction, 0xffff);
      CdbFields.checkRange("CDB length", cdbLength, 0xffff);
    }

    Bytes encode() {
      BigEndianWriter w = new BigEndianWriter(20)
          .u8(opcode).u8(0).u16(serviceAction).u8(0)
          .u8(CdbFields.flag(timeouts.isPresent(), 1) | CdbFields.flag(serviceActionValid, 0))
          .u16(cdbLength);
      timeouts.ifPresent(t -> w.bytes(t.encode()));
      return w.toBytes();
    }
  }

  public SupportedOperationCodes {
    commands = List.copyOf(commands);
  }

  /** The descriptor of {@code opcode} (without service action), if listed. */
  public Optional<CommandDescriptor> find(int opcode) {
    return commands.stream().filter(c -> c.opcode() == opcode && !c.serviceActionValid()).findFirst();
  }

  /** The descriptor of service action {@code serviceAction} of {@code opcode}, if listed. */
  public Optional<CommandDescriptor> find(int opcode, int serviceAction) {
    return commands.stream()
        .filter(c -> c.opcode() == opcode && c.serviceActionValid() && c.serviceAction() == serviceAction)
        .findFirst();
  }

  /** The device's recommended timeout for {@code opcode}, when it gave a non-zero one. */
  public Optional<Duration> recommendedTimeout(int opcode) {
    return find(opcode).flatMap(CommandDescriptor::timeouts)
        .filter(t -> t.recommendedSeconds() > 0)
        .map(CommandTimeouts::recommended);
  }

  /**
   * Parses all_commands data.
   *
   * @throws MalformedResponseException when COMMAND DATA LENGTH runs past the data or a descriptor runs
   *     past COMMAND DATA LENGTH
   */
  public static SupportedOperationCodes parse(Bytes data) throws MalformedResponseException {
    BigEndianReader all = new BigEndianReader(data);
    long length = all.u32(0);
    if (length > data.size() - 4) {
      throw new MalformedResponseException(data.size(), "command data length says " + length
          + " bytes, only " + (data.size() - 4) + " arrived (allocation length too small?)");
    }
    BigEndianReader r = all.sub(4, (int) length);
    List<CommandDescriptor> list = new ArrayList<>();
    int off = 0;
    while (off < r.length()) {
      boolean ctdp = r.bit(off + 5, 1);
      Optional<CommandTimeouts> timeouts = ctdp ? Optional.of(CommandTimeouts.read(r, off + 8)) : Optional.empty();
      list.add(new CommandDescriptor(r.u8(off), r.u16(off + 2), r.bit(off + 5, 0), r.u16(off + 6), timeouts));
      off += ctdp ? 8 + CommandTimeouts.LENGTH : 8;
    }
    return new SupportedOperationCodes(list);
  }

  /** The data as a device sends it. */
  public Bytes encode() {
    BigEndianWriter w = new BigEndianWriter().u32(0);
    commands.forEach(c -> w.bytes(c.encode()));
    return w.putU32At(0, w.size() - 4).toBytes();
  }
}
