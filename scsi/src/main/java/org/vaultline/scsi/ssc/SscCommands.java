package org.vaultline.scsi.ssc;

import java.util.List;
import org.vaultline.scsi.CommandSet;

/**
 * SSC-3 stream (tape) commands (peripheral device type 01h): opcode, name and CDB decoder of each, for
 * {@link CommandSet}. READ ATTRIBUTE (8Ch) is an SPC command that tape drives implement for MAM; it is
 * listed here because the changer's READ ATTRIBUTE differs (SMC element address in bytes 2..4).
 */
public final class SscCommands {
  private SscCommands() {
  }

  public static List<CommandSet.Entry> entries() {
    return List.of(
        new CommandSet.Entry(Rewind.OPCODE, "REWIND", Rewind::fromCdb),
        new CommandSet.Entry(ReadBlockLimits.OPCODE, "READ BLOCK LIMITS", ReadBlockLimits::fromCdb),
        new CommandSet.Entry(Read6.OPCODE, "READ(6)", Read6::fromCdb),
        new CommandSet.Entry(Write6.OPCODE, "WRITE(6)", Write6::fromCdb),
        new CommandSet.Entry(WriteFilemarks6.OPCODE, "WRITE FILEMARKS(6)", WriteFilemarks6::fromCdb),
        new CommandSet.Entry(Space6.OPCODE, "SPACE(6)", Space6::fromCdb),
        new CommandSet.Entry(Erase6.OPCODE, "ERASE(6)", Erase6::fromCdb),
        new CommandSet.Entry(LoadUnload.OPCODE, "LOAD UNLOAD", LoadUnload::fromCdb),
        new CommandSet.Entry(Locate10.OPCODE, "LOCATE(10)", Locate10::fromCdb),
        new CommandSet.Entry(ReadPosition.OPCODE, "READ POSITION", ReadPosition::fromCdb),
        new CommandSet.Entry(ReportDensitySupport.OPCODE, "REPORT DENSITY SUPPORT", ReportDensitySupport::fromCdb),
        new CommandSet.Entry(ReadAttribute.OPCODE, "READ ATTRIBUTE", ReadAttribute::fromCdb),
        new CommandSet.Entry(Locate16.OPCODE, "LOCATE(16)", Locate16::fromCdb));
  }
}
