package org.vaultline.scsi.spc;

import java.util.List;
import org.vaultline.scsi.CommandSet;

/** SPC-4 primary commands, shared by every device type: opcode, name and CDB decoder of each, for {@link CommandSet}. */
public final class SpcCommands {
  private SpcCommands() {
  }

  public static List<CommandSet.Entry> entries() {
    return List.of(
        new CommandSet.Entry(TestUnitReady.OPCODE, TestUnitReady.NAME, TestUnitReady::fromCdb),
        new CommandSet.Entry(RequestSense.OPCODE, RequestSense.NAME, RequestSense::fromCdb),
        new CommandSet.Entry(Inquiry.OPCODE, Inquiry.NAME, Inquiry::fromCdb),
        new CommandSet.Entry(ModeSelect6.OPCODE, ModeSelect6.NAME, ModeSelect6::fromCdb),
        new CommandSet.Entry(ModeSense6.OPCODE, ModeSense6.NAME, ModeSense6::fromCdb),
        new CommandSet.Entry(PreventAllowMediumRemoval.OPCODE, PreventAllowMediumRemoval.NAME,
            PreventAllowMediumRemoval::fromCdb),
        new CommandSet.Entry(LogSense.OPCODE, LogSense.NAME, LogSense::fromCdb),
        new CommandSet.Entry(ModeSelect10.OPCODE, ModeSelect10.NAME, ModeSelect10::fromCdb),
        new CommandSet.Entry(ModeSense10.OPCODE, ModeSense10.NAME, ModeSense10::fromCdb),
        new CommandSet.Entry(ReportLuns.OPCODE, ReportLuns.NAME, ReportLuns::fromCdb),
        new CommandSet.Entry(ReportSupportedOperationCodes.OPCODE, ReportSupportedOperationCodes.NAME,
            ReportSupportedOperationCodes::fromCdb));
  }
}
