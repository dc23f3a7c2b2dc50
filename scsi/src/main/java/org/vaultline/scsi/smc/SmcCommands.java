package org.vaultline.scsi.smc;

import java.util.List;
import org.vaultline.scsi.CommandSet;

/** SMC-3 media changer commands (peripheral device type 08h): opcode, name and CDB decoder of each, for {@link CommandSet}. */
public final class SmcCommands {
  private SmcCommands() {
  }

  public static List<CommandSet.Entry> entries() {
    return List.of(
        new CommandSet.Entry(InitializeElementStatus.OPCODE, InitializeElementStatus.NAME,
            InitializeElementStatus::fromCdb),
        new CommandSet.Entry(OpenCloseImportExportElement.OPCODE, OpenCloseImportExportElement.NAME,
            OpenCloseImportExportElement::fromCdb),
        new CommandSet.Entry(PositionToElement.OPCODE, PositionToElement.NAME, PositionToElement::fromCdb),
        new CommandSet.Entry(InitializeElementStatusWithRange.OPCODE, InitializeElementStatusWithRange.NAME,
            InitializeElementStatusWithRange::fromCdb),
        new CommandSet.Entry(MoveMedium.OPCODE, MoveMedium.NAME, MoveMedium::fromCdb),
        new CommandSet.Entry(ExchangeMedium.OPCODE, ExchangeMedium.NAME, ExchangeMedium::fromCdb),
        new CommandSet.Entry(ReadElementStatus.OPCODE, ReadElementStatus.NAME, ReadElementStatus::fromCdb));
  }
}
