package org.vaultline.scsi.ssc;

import java.util.List;
import org.vaultline.scsi.CommandSet;

/** SSC-3 stream (tape) commands (peripheral device type 01h): opcode, name and CDB decoder of each, for {@link CommandSet}. */
public final class SscCommands {
  private SscCommands() {
  }

  public static List<CommandSet.Entry> entries() {
    return List.of();
  }
}
