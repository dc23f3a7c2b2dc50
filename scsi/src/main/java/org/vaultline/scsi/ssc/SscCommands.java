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
        new CommandSet.Entry(Rewind.OPCODE, Rewind.NAME, Rewind::fromCdb),
        new CommandSet.Entry(ReadBlockLimits.OPCODE, ReadBlockLimits.NAME, ReadBlockLimits::fromCdb),
        new CommandSet.Entry(Read6.OPCODE, Read6.NAME, Read6::fromCdb),
        new CommandSet.Entry(Write6.OPCODE, Write6.NAME, Write6::fromCdb),
        new CommandSet.Entry(WriteFilemarks6.OPCODE, WriteFilemarks6.NAME, WriteFilemarks6::fromCdb),
        new CommandSet.Entry(Space6.OPCODE, Space6.NAME, Space6::fromCdb),
        new CommandSet.Entry(Erase6.OPCODE, Erase6.NAME, Erase6::fromCdb),
        new CommandSet.Entry(LoadUnload.OPCODE, LoadUnload.NAME, LoadUnload::fromCdb),
        new CommandSet.Entry(Locate10.OPCODE, Locate10.NAME, Locate10::fromCdb),
        new CommandSet.Entry(ReadPosition.OPCODE, ReadPosition.NAME, ReadPosition::fromCdb),
        new CommandSet.Entry(ReportDensitySupport.OPCODE, ReportDensitySupport.NAME, ReportDensitySupport::fromCdb),
        new CommandSet.Entry(ReadAttribute.OPCODE, ReadAttribute.NAME, ReadAttribute::fromCdb),
        new CommandSet.Entry(Locate16.OPCODE, Locate16.NAME, Locate16::fromCdb));
  }
}
