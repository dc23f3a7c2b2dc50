package org.vaultline.appliance.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vaultline}: the administrator's and field engineer's command-line tool. */
@Command(name = "vaultline", mixinStandardHelpOptions = true, versionProvider = VaultlineCli.Version.class,
    description = "Vaultline tape-library appliance: administration and SCSI tools.",
    subcommands = {DecodeCommand.class, ScsiCommand.class, EmulatorCommand.class, CommandLine.HelpCommand.class})
public final class VaultlineCli implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "VLN0001E A subcommand is required.");
  }

  /** Builds the command line with Vaultline's conventions (case-insensitive, messages with IDs). */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new VaultlineCli());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setSubcommandsCaseInsensitive(true);
    cl.setOptionsCaseInsensitive(true);
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(VaultlineCli::syntaxError);
    return cl;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(commandLine(out, err).execute(args));
  }

  /**
   * Wrong syntax: a message ID, what was wrong, and the right form (the command's usage), the way TSM's
   * ANS8001I-style messages do. Messages that already carry an ID keep it.
   */
  private static int syntaxError(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    String msg = e.getMessage();
    err.println(msg.startsWith("VLN") ? msg : "VLN0100E " + msg);
    err.println("The right form is:");
    cl.usage(err, CommandLine.Help.Ansi.OFF);
    return cl.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** The version from the jar manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = VaultlineCli.class.getPackage().getImplementationVersion();
      return new String[] {"vaultline " + (v != null ? v : "development")};
    }
  }
}
