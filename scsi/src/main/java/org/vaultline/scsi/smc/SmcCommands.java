package org.vaultline.scsi.smc;

import java.util.List;
import org.vaultline.scsi.CommandSet;

/** SMC-3 media changer commands (peripheral device type 08h): opcode, name and CDB decoder of each, for {@link CommandSet}. */
public final class SmcCommands {
  private SmcCommands() {
  }

  public static List<CommandSet.Entry> entries() {
    return List.of(
        new CommandSet.Entry(InitializeElementStatus.OPCODE, "INITIALIZE ELEMENT STATUS",
            InitializeElementStatus::fromCdb),
        new CommandSet.Entry(OpenCloseImportExportElement.OPCODE, "OPEN/CLOSE IMPORT/EXPORT ELEMENT",
            OpenCloseImportExportElement::fromCdb),
        new CommandSet.Entry(PositionToElement.OPCODE, "POSITION TO ELEMENT", PositionToElement::fromCdb),
        new CommandSet.Entry(InitializeElementStatusWithRange.OPCODE, "INITIALIZE ELEMENT STATUS WITH RANGE",
            InitializeElementStatusWithRange::fromCdb),
        new CommandSet.Entry(MoveMedium.OPCODE, "MOVE MEDIUM", MoveMedium::fromCdb),
        new CommandSet.Entry(ExchangeMedium.OPCODE, "EXCHANGE MEDIUM", ExchangeMedium::fromCdb),
        new CommandSet.Entry(ReadElementStatus.OPCODE, "READ ELEMENT STATUS", ReadElementStatus::fromCdb));
  }
}
