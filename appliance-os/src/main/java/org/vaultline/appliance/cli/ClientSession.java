package org.vaultline.appliance.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vaultline.appliance.client.AdminClient;
import org.vaultline.appliance.client.ClientException;
import org.vaultline.appliance.client.ClientOptions;
import org.vaultline.appliance.client.ClientOptionsFile;
import org.vaultline.appliance.client.OutputFormat;

/**
 * What one run of {@code vaultline} shares, one command or a whole console session: where it prints, the user's
 * environment, and the administrative client once signed on (the console asks for a password once).
 */
final class ClientSession {
  /** Reads what the user types: a line, or a password without echo. Empty when nobody can be asked. */
  interface Prompter {
    Optional<String> line(String prompt);

    Optional<String> password(String prompt);
  }

  /**
   * The user's side of the process: environment variables, home directory, standard input, and whether a person
   * is at a terminal (only then is anything prompted).
   */
  record Environment(Map<String, String> variables, Path home, InputStream stdin, boolean terminal,
      Prompter prompter) {
    Environment {
      variables = Map.copyOf(variables);
      Objects.requireNonNull(home, "home");
      Objects.requireNonNull(stdin, "stdin");
      Objects.requireNonNull(prompter, "prompter");
    }

    /** The real process: {@code System.getenv()}, {@code user.home}, {@code System.in}, the JVM's console. */
    static Environment system() {
      Console c = System.console();
      Prompter p = new Prompter() {
        @Override
        public Optional<String> line(String prompt) {
          return c == null ? Optional.empty() : Optional.ofNullable(c.readLine("%s", prompt));
        }

        @Override
        public Optional<String> password(String prompt) {
          if (c == null) {
            return Optional.empty();
          }
          char[] pw = c.readPassword("%s", prompt);
          return pw == null ? Optional.empty() : Optional.of(new String(pw));
        }
      };
      return new Environment(System.getenv(), Path.of(System.getProperty("user.home")), System.in, c != null, p);
    }

    /** No terminal, nothing to prompt: for tests and scripts. */
    static Environment batch(Map<String, String> variables, Path home, InputStream stdin) {
      Prompter none = new Prompter() {
        @Override
        public Optional<String> line(String prompt) {
          return Optional.empty();
        }

        @Override
        public Optional<String> password(String prompt) {
          return Optional.empty();
        }
      };
      return new Environment(variables, home, stdin, false, none);
    }
  }

  /** How long one request may take: MOVE DRMEDIA WAIT=YES runs in the foreground. */
  static final Duration REQUEST_TIMEOUT = Duration.ofHours(2);

  private final Environment environment;
  private Prompter prompter;
  private ClientFlags rootFlags = new ClientFlags();
  private ClientFlags consoleFlags;
  private AdminClient client;
  private String clientKey;
  /** The line as typed in the console: sent as it is, quotes and all. */
  private String typedLine;

  ClientSession(Environment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
    this.prompter = environment.prompter();
  }

  Environment environment() {
    return environment;
  }

  /** The console replaces the prompter with its line editor's. */
  void prompter(Prompter p) {
    this.prompter = Objects.requireNonNull(p, "prompter");
  }

  Prompter prompter() {
    return prompter;
  }

  void rootFlags(ClientFlags flags) {
    this.rootFlags = flags == null ? new ClientFlags() : flags;
  }

  /** The console's own flags ({@code vaultline --server URL console}) hold for every command typed in it. */
  void consoleFlags(ClientFlags flags) {
    this.consoleFlags = flags;
  }

  ClientFlags rootFlags() {
    return rootFlags.over(consoleFlags);
  }

  Optional<String> typedLine() {
    return Optional.ofNullable(typedLine);
  }

  void typedLine(String line) {
    this.typedLine = line;
  }

  /** The options file this run uses. */
  Path optionsPath(ClientFlags flags) {
    return flags.config != null ? flags.config
        : ClientOptionsFile.defaultPath(environment.variables(), environment.home());
  }

  /** The options file with the command line's flags over it. */
  ClientOptions options(ClientFlags flags) throws ClientException {
    ClientOptions o = ClientOptionsFile.read(optionsPath(flags));
    if (flags.server != null) {
      o = o.withServerUrl(ClientOptionsFile.serverUrl(flags.server.toString(), "--server: "));
    }
    if (flags.adminId != null) {
      o = o.withAdminId(flags.adminId.toUpperCase(Locale.ROOT));
    }
    if (flags.output != null) {
      o = o.withOutput(flags.output);
    }
    if (flags.json) {
      o = o.withOutput(OutputFormat.JSON);
    }
    return o;
  }

  /**
   * The signed-on client: administrator ID from {@code --id} or ADMINID (or asked), password from
   * VAULTLINE_PASSWORD or PASSWORD (or asked without echo). Kept for the session.
   */
  AdminClient client(ClientOptions o) throws ClientException {
    String key = o.serverUrl() + " " + o.adminId().orElse("");
    if (client != null && key.equals(clientKey)) {
      return client;
    }
    String id = o.adminId().or(() -> prompter.line("Administrator ID: ").map(String::strip).filter(s -> !s.isEmpty()))
        .orElseThrow(() -> new ClientException("VLN0612E", "No administrator ID: give --id ADMIN, or ADMINID in the"
            + " client options file."))
        .toUpperCase(Locale.ROOT);
    String password = Optional.ofNullable(environment.variables().get("VAULTLINE_PASSWORD"))
        .or(o::password)
        .or(() -> prompter.password("Password for " + id + ": "))
        .orElseThrow(() -> new ClientException("VLN0613E", "No password for " + id + ": set VAULTLINE_PASSWORD,"
            + " or PASSWORD in a client options file only you can read (0600), or run at a terminal to be asked."));
    client = new AdminClient(o, id, password, REQUEST_TIMEOUT);
    clientKey = o.serverUrl() + " " + o.adminId().orElse("");
    return client;
  }

  /**
   * First use (contracts §4): when the default options file does not exist yet, the server and administrator ID
   * that just worked are written to it (0600, no password), and the user is told once on standard error.
   */
  void rememberFirstUse(ClientFlags flags, ClientOptions used, PrintWriter err) {
    if (flags.config != null) {
      return;
    }
    Path path = optionsPath(flags);
    if (Files.exists(path)) {
      return;
    }
    ClientOptions keep = ClientOptions.defaults().withServerUrl(used.serverUrl());
    if (used.adminId().isPresent()) {
      keep = keep.withAdminId(used.adminId().get());
    }
    try {
      ClientOptionsFile.write(path, ClientOptionsFile.format(keep, false));
      err.println("VLN0621I Client options saved to " + path + " (SERVERURL " + keep.serverUrl()
          + keep.adminId().map(a -> ", ADMINID " + a).orElse("") + "); vaultline set-client changes them.");
    } catch (ClientException e) {
      err.println(e.getMessage());
    }
    err.flush();
  }

  /** Forgets the signed-on client (after the server refused the credentials). */
  void signOff() {
    client = null;
    clientKey = null;
  }

  static void printClientError(PrintWriter err, ClientException e) {
    err.println(e.getMessage());
    err.flush();
  }
}
