package org.vaultline.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.Size;
import org.jline.terminal.TerminalBuilder;
import org.vaultline.appliance.client.AdminClient;
import org.vaultline.appliance.client.ClientException;
import org.vaultline.appliance.client.ClientOptions;
import org.vaultline.appliance.client.ClientOptionsFile;
import org.vaultline.library.command.CommandTokens;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code vaultline console} (or {@code vaultline} alone): the interactive administrative console, like TSM's
 * {@code dsmadmc}. It signs on once, then reads commands at the {@code Vaultline>} prompt until {@code quit} or end
 * of input. At a terminal it edits lines with JLine and keeps the history in the client's configuration directory
 * (file {@code history}, permissions 0600); with standard input from a file or pipe it reads one command per line
 * and prints no prompt, so scripts and tests can feed it.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
    description = {"Interactive administrative console, like dsmadmc: prompt Vaultline>, history, quit to leave.",
        "Commands are typed as in TSM (q drm, move drmedia * wherestate=mountable tostate=vault); quotes as in TSM."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:the console ended with quit or end of input",
        "3:the server refused the administrator", "4:no session (options file, credentials, connection)"})
final class ConsoleCommand implements Callable<Integer> {
  static final String PROMPT = "Vaultline> ";
  private static final int HISTORY_SIZE = 1000;

  private final ClientSession session;
  private final ClientFlags outer;

  @CommandLine.Mixin
  ClientFlags flags = new ClientFlags();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** @param outer the flags given to {@code vaultline} itself, when it starts the console without a command */
  ConsoleCommand(ClientSession session, ClientFlags outer) {
    this.session = session;
    this.outer = outer;
  }

  @Override
  public Integer call() {
    return run(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  int run(PrintWriter out, PrintWriter err) {
    ClientFlags f = flags.over(outer != null ? outer : session.rootFlags());
    session.consoleFlags(f);
    try (Lines lines = session.environment().terminal() ? new TerminalLines(session, session.optionsPath(f))
        : new PipedLines(session)) {
      lines.install(session);
      int signOn = signOn(f, out, err);
      if (signOn != 0) {
        return signOn;
      }
      while (true) {
        Optional<String> read = lines.read(PROMPT);
        if (read.isEmpty()) {
          break;
        }
        String line = read.get().strip();
        if (line.isEmpty()) {
          continue;
        }
        if (line.equalsIgnoreCase("quit") || line.equalsIgnoreCase("exit")) {
          break;
        }
        runLine(line, out, err);
      }
      out.flush();
      return 0;
    } catch (IOException e) {
      err.println("VLN0605E The console cannot read its input: " + e.getMessage());
      err.flush();
      return ServerCommand.CLIENT;
    } finally {
      session.consoleFlags(null);
    }
  }

  /** Signs on and checks the credentials with {@code GET /api/v1/status}, as dsmadmc does before its prompt. */
  private int signOn(ClientFlags f, PrintWriter out, PrintWriter err) {
    try {
      ClientOptions o = session.options(f);
      AdminClient client = session.client(o);
      JsonNode status = client.status();
      out.println("Vaultline administrative console. Session established with server "
          + status.path("appliance").asText("?") + " (version " + status.path("version").asText("?") + ") at "
          + client.base() + ".");
      out.println("Type a command, help COMMAND for its form, or quit.");
      out.flush();
      session.rememberFirstUse(f, o, err);
      return 0;
    } catch (ClientException e) {
      ClientSession.printClientError(err, e);
      return ServerCommand.CLIENT;
    } catch (AdminClient.StatusFailure e) {
      err.print(e.reply().text());
      err.flush();
      session.signOff();
      return ServerCommand.exitCode(e.reply());
    }
  }

  /** One line: tokenized as TSM does, run as {@code vaultline <line>} would be, sent to the server as typed. */
  void runLine(String line, PrintWriter out, PrintWriter err) {
    List<CommandTokens.Token> tokens;
    try {
      tokens = CommandTokens.tokenize(line);
    } catch (CommandTokens.UnterminatedQuote e) {
      err.println("VLN0604E The quote at column " + e.column() + " is not closed; end a quoted value with the same"
          + " quote, and double it to include it.");
      err.flush();
      return;
    }
    List<String> args = new ArrayList<>();
    boolean clientOptions = false;
    for (CommandTokens.Token t : tokens) {
      args.add(t.key().map(k -> k + "=").orElse("") + t.value());
      clientOptions |= t.key().isEmpty() && !t.quoted() && t.value().startsWith("-");
    }
    String first = args.get(0).toLowerCase(Locale.ROOT);
    if (first.equals("console")) {
      err.println("VLN0606E This is the console already.");
      err.flush();
      return;
    }
    session.typedLine(clientOptions ? null : line);
    try {
      VaultlineCli.commandLine(out, err, session).execute(args.toArray(String[]::new));
    } finally {
      session.typedLine(null);
      out.flush();
      err.flush();
    }
  }

  /** Where the console reads lines and passwords. */
  private interface Lines extends AutoCloseable {
    /** The next line; empty at end of input. */
    Optional<String> read(String prompt) throws IOException;

    void install(ClientSession session);

    @Override
    void close() throws IOException;
  }

  /** Standard input that is not a terminal: one command per line, no prompt, no history. */
  private static final class PipedLines implements Lines {
    private final BufferedReader in;

    PipedLines(ClientSession session) {
      this.in = new BufferedReader(new InputStreamReader(session.environment().stdin(), StandardCharsets.UTF_8));
    }

    @Override
    public Optional<String> read(String prompt) throws IOException {
      return Optional.ofNullable(in.readLine());
    }

    @Override
    public void install(ClientSession session) {
      // nothing to prompt with: the session's prompter stays (batch: none)
    }

    @Override
    public void close() {
      // standard input belongs to the process
    }
  }

  /** A person at a terminal: JLine line editing, history in the configuration directory, passwords unechoed. */
  private static final class TerminalLines implements Lines {
    private final Terminal terminal;
    private final LineReader reader;
    private final Path historyFile;

    TerminalLines(ClientSession session, Path optionsPath) throws IOException {
      this.historyFile = optionsPath.toAbsolutePath().getParent().resolve("history");
      ClientOptionsFile.createPrivateDirectories(historyFile.getParent());
      if (!Files.exists(historyFile)) {
        Files.createFile(historyFile,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      this.terminal = TerminalBuilder.builder().system(true).build();
      if (terminal.getWidth() <= 0) {
        // A serial line or a pty nobody sized reports 0 columns, and JLine would squeeze the prompt to nothing.
        terminal.setSize(new Size(80, Math.max(terminal.getHeight(), 24)));
      }
      this.reader = LineReaderBuilder.builder().terminal(terminal).appName("vaultline")
          .history(new DefaultHistory()).variable(LineReader.HISTORY_FILE, historyFile)
          .variable(LineReader.HISTORY_FILE_SIZE, HISTORY_SIZE).variable(LineReader.HISTORY_SIZE, HISTORY_SIZE)
          .option(LineReader.Option.HISTORY_IGNORE_DUPS, true).option(LineReader.Option.CASE_INSENSITIVE, true)
          .completer(completer(VaultlineCli.commandLine(new PrintWriter(Writer.nullWriter()),
              new PrintWriter(Writer.nullWriter()), session).getCommandSpec()))
          .build();
    }

    /** Tab completion from the command model, the same one the bash completion script is generated from. */
    private static Completer completer(CommandLine.Model.CommandSpec spec) {
      return (reader, line, candidates) -> {
        String[] words = line.words().toArray(String[]::new);
        List<CharSequence> found = new ArrayList<>();
        AutoComplete.complete(spec, words, line.wordIndex(), 0, line.cursor(), found);
        if (found.isEmpty() && line.wordIndex() < words.length) {
          // TSM keywords are upper case in the model and typed in any case
          words[line.wordIndex()] = words[line.wordIndex()].toUpperCase(Locale.ROOT);
          AutoComplete.complete(spec, words, line.wordIndex(), 0, line.cursor(), found);
        }
        for (CharSequence c : found) {
          candidates.add(new Candidate(c.toString()));
        }
      };
    }

    @Override
    public Optional<String> read(String prompt) {
      while (true) {
        try {
          return Optional.of(reader.readLine(prompt));
        } catch (UserInterruptException e) {
          // Ctrl-C drops the line being typed, as a shell does
        } catch (EndOfFileException e) {
          return Optional.empty();
        }
      }
    }

    @Override
    public void install(ClientSession session) {
      session.prompter(new ClientSession.Prompter() {
        @Override
        public Optional<String> line(String prompt) {
          try {
            return Optional.of(reader.readLine(prompt));
          } catch (UserInterruptException | EndOfFileException e) {
            return Optional.empty();
          }
        }

        @Override
        public Optional<String> password(String prompt) {
          try {
            return Optional.of(reader.readLine(prompt, LineReaderImpl.NULL_MASK));
          } catch (UserInterruptException | EndOfFileException e) {
            return Optional.empty();
          }
        }
      });
    }

    @Override
    public void close() throws IOException {
      try {
        reader.getHistory().save();
      } finally {
        terminal.close();
        Files.setPosixFilePermissions(historyFile, PosixFilePermissions.fromString("rw-------"));
      }
    }
  }
}
