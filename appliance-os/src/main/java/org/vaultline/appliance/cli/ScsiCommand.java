package org.vaultline.appliance.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code vaultline scsi}: commands for field engineers that talk to one SCSI logical unit directly,
 * whatever attaches it ({@code sg:}, {@code iscsi:}, {@code usb:}, {@code emulated:}), in the spirit of
 * sg3_utils and mtx.
 */
@Command(name = "scsi", mixinStandardHelpOptions = true,
    description = {"Talk to one SCSI logical unit directly: identify it, test it, send a raw CDB, dump a changer's "
        + "elements.",
        "Devices: " + DeviceOption.EXAMPLES + " (emulated: LUN 0 the changer, /1.. the drives)."},
    subcommands = {ScsiInquiryCommand.class, ScsiTurCommand.class, ScsiRawCommand.class, ScsiElementsCommand.class},
    exitCodeListHeading = "%nExit status of the subcommands:%n",
    exitCodeList = {"0:the device answered GOOD", "1:the device answered with an error (CHECK CONDITION ...)",
        "2:wrong command syntax", "3:the device could not be reached"})
final class ScsiCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "VLN0300E A scsi subcommand is required: inquiry, tur, raw or elements.");
  }
}
