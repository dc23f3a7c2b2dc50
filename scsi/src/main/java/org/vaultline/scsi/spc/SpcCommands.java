package org.vaultline.scsi.spc;

import java.util.List;
import org.vaultline.scsi.CommandSet;

/** SPC-4 primary commands, shared by every device type: opcode, name and CDB decoder of each, for {@link CommandSet}. */
public final class SpcCommands {
  private SpcCommands() {
  }

  public static List<CommandSet.Entry> entries() {
    return List.of();
  }
}
