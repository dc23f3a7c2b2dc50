package org.vaultline.scsi.smc;

import java.util.List;
import org.vaultline.scsi.CommandSet;

/** SMC-3 media changer commands (peripheral device type 08h): opcode, name and CDB decoder of each, for {@link CommandSet}. */
public final class SmcCommands {
  private SmcCommands() {
  }

  public static List<CommandSet.Entry> entries() {
    return List.of();
  }
}
