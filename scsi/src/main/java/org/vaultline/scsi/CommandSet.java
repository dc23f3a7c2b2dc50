package org.vaultline.scsi;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.vaultline.scsi.smc.SmcCommands;
import org.vaultline.scsi.spc.SpcCommands;
import org.vaultline.scsi.ssc.SscCommands;

/**
 * The commands a device of one peripheral type understands, by opcode. Opcodes are scoped here and
 * nowhere else: 07h is INITIALIZE ELEMENT STATUS on a changer but reserved on a tape drive; 2Bh is
 * POSITION TO ELEMENT on a changer and LOCATE(10) on a tape drive; 1Bh is OPEN/CLOSE IMPORT/EXPORT
 * ELEMENT on a changer and LOAD UNLOAD on a tape drive.
 */
public final class CommandSet {
  private final DeviceType type;
  private final Map<Integer, Entry> byOpcode;

  /** One command: its T10 name and the decoder that turns its CDB into a record. */
  public record Entry(int opcode, String name, CdbDecoder decoder) {
  }

  private CommandSet(DeviceType type, Map<Integer, Entry> byOpcode) {
    this.type = type;
    this.byOpcode = Collections.unmodifiableMap(byOpcode);
  }

  /** The SPC primary commands plus the device-type command set (SMC-3 for changers, SSC for tape). */
  public static CommandSet forType(DeviceType type) {
    Map<Integer, Entry> m = new HashMap<>();
    SpcCommands.entries().forEach(e -> m.put(e.opcode(), e));
    switch (type) {
      case MEDIUM_CHANGER -> SmcCommands.entries().forEach(e -> m.put(e.opcode(), e));
      case SEQUENTIAL_ACCESS -> SscCommands.entries().forEach(e -> m.put(e.opcode(), e));
      default -> { }
    }
    return new CommandSet(type, m);
  }

  public DeviceType type() {
    return type;
  }

  public Optional<Entry> lookup(int opcode) {
    return Optional.ofNullable(byOpcode.get(opcode));
  }

  public Map<Integer, Entry> entries() {
    return byOpcode;
  }

  /**
   * Decodes {@code cdb} as this device type understands it.
   *
   * @throws InvalidCdbException 5/20/00 for an opcode this type does not have, or the command's own
   *     field error
   */
  public Command<?> decode(Cdb cdb) throws InvalidCdbException {
    Entry e = byOpcode.get(cdb.opcode());
    if (e == null) {
      throw new InvalidCdbException(0, java.util.OptionalInt.empty(), 0x20, 0x00,
          String.format("operation code %02Xh is not a %s command", cdb.opcode(), type.text()));
    }
    return e.decoder().decode(cdb);
  }
}
