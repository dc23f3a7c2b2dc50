package org.vaultline.appliance.cli;

import org.vaultline.device.DeviceUrl;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The device a {@code vaultline scsi} subcommand talks to, given as {@code --device URL} or as the first
 * argument, in the forms of {@link DeviceUrl}.
 */
final class DeviceOption {
  static final String EXAMPLES = "sg:/dev/sg3, iscsi://host[:port]/target-iqn/lun, usb:VID:PID[:serial][/lun], "
      + "emulated:ibm-ts3100";

  @Option(names = {"-d", "--device"}, paramLabel = "URL",
      description = {"The device: " + EXAMPLES + "."})
  String option;

  @Parameters(index = "0", arity = "0..1", paramLabel = "URL", description = "The device, when --device is not given.")
  String positional;

  @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
  CommandLine.Model.CommandSpec mixee;

  /** The device URL, or a syntax error with a message ID. */
  DeviceUrl url() {
    return resolve(mixee.commandLine(), option, positional);
  }

  static DeviceUrl resolve(CommandLine cl, String option, String positional) {
    if (option != null && positional != null) {
      throw new CommandLine.ParameterException(cl, "VLN0302E Give the device once, as --device URL or as URL, "
          + "not both (got \"" + option + "\" and \"" + positional + "\").");
    }
    String text = option != null ? option : positional;
    if (text == null) {
      throw new CommandLine.ParameterException(cl, "VLN0301E No device given. Give it as --device URL or as the "
          + "first argument, e.g. " + EXAMPLES + ".");
    }
    try {
      return DeviceUrl.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, "VLN0303E Invalid device URL: " + e.getMessage());
    }
  }
}
