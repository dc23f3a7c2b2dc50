package org.vaultline.appliance.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.vaultline.appliance.cli.AdminCommandTable.AdminCommand;
import org.vaultline.appliance.client.AdminClient;
import org.vaultline.appliance.client.ClientException;
import org.vaultline.appliance.client.ClientOptions;
import org.vaultline.appliance.client.OutputFormat;
import org.vaultline.appliance.client.ServerReply;
import picocli.CommandLine;

/**
 * Runs one administrative command: checks what the client can see, sends the line to the server
 * ({@code POST /api/v1/command}) and prints the answer, text or JSON.
 */
final class ServerCommand implements Callable<Integer> {
  /** The server ran the command and it reported no error. */
  static final int OK = 0;
  /** The command failed on the server: it reported errors, or the server failed. */
  static final int FAILED = 1;
  /** Wrong syntax, seen by the client (VLN06xxE) or the server (HTTP 400). */
  static final int SYNTAX = 2;
  /** The server refused the administrator: credentials, lock, or authority (HTTP 401, 403). */
  static final int REFUSED = 3;
  /** The client could not get an answer: options file, credentials missing, server unreachable. */
  static final int CLIENT = 4;

  static final String[] EXIT_CODES = {
      OK + ":the command ran and reported no error",
      FAILED + ":the server reported errors, or failed",
      SYNTAX + ":wrong command syntax (VLN06xxE from the client, or the server's syntax message)",
      REFUSED + ":the server refused the administrator (credentials, lock, authority)",
      CLIENT + ":no answer from the server (options file, missing credentials, connection)"};

  private final AdminCommand command;
  private final ClientSession session;
  private final ClientFlags flags = new ClientFlags();

  /** Set by {@link AdminModel} before each run: the TSM tokens after the verb and object, as the shell gave them. */
  private List<String> tokens = List.of();

  private CommandLine.Model.CommandSpec spec;

  ServerCommand(AdminCommand command, ClientSession session) {
    this.command = Objects.requireNonNull(command, "command");
    this.session = Objects.requireNonNull(session, "session");
  }

  AdminCommand command() {
    return command;
  }

  ClientFlags flags() {
    return flags;
  }

  /** The spec is built from the table, not from annotations: {@link AdminModel} hands it over. */
  void spec(CommandLine.Model.CommandSpec s) {
    this.spec = s;
  }

  void tokens(List<String> t) {
    this.tokens = List.copyOf(t);
  }

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    long positionals = tokens.stream().filter(t -> !AdminModel.isKeyValue(t)).count();
    if (positionals < command.requiredPositionals()) {
      String missing = command.positionals().stream().filter(AdminCommandTable.Positional::required)
          .skip(positionals).map(AdminCommandTable.Positional::label).findFirst().orElse("?");
      throw new CommandLine.ParameterException(cl, "VLN0602E " + command.name() + " needs " + missing + ".");
    }
    PrintWriter out = cl.getOut();
    PrintWriter err = cl.getErr();
    String line = session.typedLine().orElseGet(() -> command.name() + AdminModel.join(tokens));
    ClientOptions options;
    ServerReply reply;
    try {
      options = session.options(flags.over(session.rootFlags()));
      AdminClient client = session.client(options);
      reply = client.command(line);
    } catch (ClientException e) {
      ClientSession.printClientError(err, e);
      return CLIENT;
    }
    if (reply.status() == 401) {
      session.signOff();
    } else if (reply.status() == 200) {
      session.rememberFirstUse(flags.over(session.rootFlags()), options, err);
    }
    if (options.output() == OutputFormat.JSON) {
      out.println(reply.body().toString());
      out.flush();
    } else if (reply.status() == 200) {
      out.print(reply.text());
      out.flush();
    } else {
      err.print(reply.text());
      err.flush();
    }
    return exitCode(reply);
  }

  static int exitCode(ServerReply reply) {
    switch (reply.status()) {
      case 200:
        return reply.ok() ? OK : FAILED;
      case 400:
        return SYNTAX;
      case 401:
      case 403:
        return REFUSED;
      default:
        return FAILED;
    }
  }
}
