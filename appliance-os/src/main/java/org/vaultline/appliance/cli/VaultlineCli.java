package org.vaultline.appliance.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code vaultline}: the administrator's and field engineer's command-line tool. The TSM-style administrative
 * commands ({@code vaultline q drmedia}, {@code vaultline move drmedia * tostate=vault}) go to the appliance's
 * administrative API; without a command it is an interactive console, like {@code dsmadmc}.
 */
@Command(name = "vaultline", mixinStandardHelpOptions = true, versionProvider = VaultlineCli.Version.class,
    description = {"Vaultline tape-library appliance: administration and SCSI tools.",
        "Without a command, an administrative console like dsmadmc (prompt Vaultline>, quit to leave).",
        "Administrative commands are TSM's, abbreviated as in TSM (q drm = query drmedia), in any case; "
            + "quote * and values with blanks for the shell."},
    subcommands = {DecodeCommand.class, ScsiCommand.class, EmulatorCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit status of administrative commands:%n",
    exitCodeList = {"0:the command ran and reported no error", "1:the server reported errors, or failed",
        "2:wrong command syntax", "3:the server refused the administrator (credentials, lock, authority)",
        "4:no answer from the server (options file, missing credentials, connection)"})
public final class VaultlineCli implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  ClientFlags flags = new ClientFlags();

  private final ClientSession session;

  VaultlineCli(ClientSession session) {
    this.session = session;
    session.rootFlags(flags);
  }

  /** No command: the interactive console. */
  @Override
  public Integer call() {
    return new ConsoleCommand(session, flags).run(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** Builds the command line with Vaultline's conventions (case-insensitive, messages with IDs). */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, new ClientSession(ClientSession.Environment.system()));
  }

  /** The command line for a session: the console runs every line it reads through a new one. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, ClientSession session) {
    VaultlineCli cli = new VaultlineCli(session);
    CommandLine cl = new TsmCommandLine(cli);
    AdminModel.addTo(cl, session);
    cl.addSubcommand("console", new ConsoleCommand(session, null));
    cl.addSubcommand("events", new EventsCommand(session));
    cl.addSubcommand("set-client", new SetClientCommand(session));
    CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
    completion.getCommandSpec().usageMessage().hidden(false);
    cl.addSubcommand("generate-completion", completion);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setSubcommandsCaseInsensitive(true);
    cl.setOptionsCaseInsensitive(true);
    cl.setExpandAtFiles(false); // '@' starts no file name in a TSM command
    cl.setOverwrittenOptionsAllowed(true); // the server decides what a repeated parameter means
    cl.setAllowOptionsAsOptionParameters(true); // DESTTYPE=LIBRARY: LIBRARY is a value here, not the option
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(VaultlineCli::syntaxError);
    return cl;
  }

  public static void main(String[] args) {
    // Log lines of the libraries underneath (the MQTT follower's connections, the emulator's robot) go to standard
    // error one line each, "VLN0700I Connected ...", not in tinylog's two-line default with class and method.
    org.tinylog.configuration.Configuration.replace(java.util.Map.of("writer", "console", "writer.stream", "err",
        "writer.level", "info", "writer.format", "{message}", "level@com.hivemq", "warn",
        "level@io.moquette", "warn", "level@org.eclipse.paho", "warn"));
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(commandLine(out, err).execute(args));
  }

  /** picocli's command line, with TSM's abbreviations turned into the model's names before it parses. */
  private static final class TsmCommandLine extends CommandLine {
    TsmCommandLine(Object command) {
      super(command);
    }

    @Override
    public ParseResult parseArgs(String... args) {
      return super.parseArgs(AdminModel.canonical(this, args));
    }
  }

  /**
   * Wrong syntax: a message ID, what was wrong, and the right form (the command's usage), the way TSM's
   * ANS8001I-style messages do. Messages that already carry an ID keep it. Administrative commands get
   * VLN0600E (unknown command), VLN0601E (verb without object), VLN0602E (missing parameter) or VLN0603E.
   */
  private static int syntaxError(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    String msg = e.getMessage();
    Object user = cl.getCommandSpec().userObject();
    boolean admin = user instanceof ServerCommand || user instanceof AdminModel.VerbCommand;
    if (!msg.startsWith("VLN")) {
      if (e instanceof CommandLine.UnmatchedArgumentException && (admin || user instanceof VaultlineCli)
          && !cl.getSubcommands().isEmpty()) {
        List<String> unmatched = ((CommandLine.UnmatchedArgumentException) e).getUnmatched();
        String typed = unmatched.isEmpty() ? "?" : unmatched.get(0);
        String where = qualified(cl);
        msg = "VLN0600E Unknown command: " + (where.isEmpty() ? typed : where + " " + typed) + ".";
      } else if (admin && e instanceof CommandLine.MissingParameterException) {
        msg = "VLN0602E " + qualified(cl) + ": " + msg;
      } else if (admin) {
        msg = "VLN0603E " + qualified(cl) + ": " + msg;
      } else {
        msg = "VLN0100E " + msg;
      }
    }
    err.println(msg);
    err.println("The right form is:");
    cl.usage(err, CommandLine.Help.Ansi.OFF);
    err.flush();
    return cl.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** {@code QUERY DRMEDIA} for an administrative command; empty for {@code vaultline} itself. */
  private static String qualified(CommandLine cl) {
    List<String> names = new ArrayList<>();
    for (CommandLine c = cl; c.getParent() != null; c = c.getParent()) {
      names.add(0, c.getCommandName().toUpperCase(java.util.Locale.ROOT));
    }
    return String.join(" ", names);
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
