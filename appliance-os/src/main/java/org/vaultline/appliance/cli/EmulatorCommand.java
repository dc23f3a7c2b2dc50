package org.vaultline.appliance.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.personality.RobotTiming;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vaultline emulator}: the emulated tape library as a standalone iSCSI target on a port, with a
 * personality and a state directory, and its operator at standard input and (optionally) on a loopback
 * TCP port. Runs until {@code quit} or SIGTERM, saving its state either way.
 */
@Command(name = "emulator", mixinStandardHelpOptions = true,
    description = {"Run the emulated tape library as an iSCSI target (LUN 0 the changer, LUN 1..n the drives).",
        "Operator commands are read from standard input and, with --operator-port, from a loopback TCP port, one per "
            + "line; type help for the list. quit or SIGTERM saves the state and stops.",
        "Personalities: ${COMPLETION-CANDIDATES}, or a .properties file of the same form."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:stopped by quit", "2:wrong command syntax", "3:could not start (port in use, unusable state)",
        "143:stopped by SIGTERM (state saved)"})
final class EmulatorCommand implements Callable<Integer> {
  static final class Personalities implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Personality.CATALOGUE.iterator();
    }
  }

  @Option(names = "--personality", required = true, paramLabel = "NAME|FILE", completionCandidates = Personalities.class,
      description = "The library model: ${COMPLETION-CANDIDATES}, or a personality .properties file.")
  String personality;

  @Option(names = "--port", paramLabel = "N", defaultValue = "3260",
      description = "The iSCSI port (default ${DEFAULT-VALUE}; 0 picks a free one and prints it).")
  int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "The address to listen on (default ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "Keep the library's state (library.state) and cartridge contents (media/) here, and start from "
          + "them when present. Without it, nothing is kept.")
  Path stateDir;

  @Option(names = "--iqn", paramLabel = "IQN",
      description = "The target name (default iqn.2024-01.org.vaultline:emulator.PERSONALITY).")
  String iqn;

  @Option(names = "--move-time", paramLabel = "DURATION",
      description = "How long a robot move takes, e.g. PT3S or 3 (seconds); default the personality's.")
  String moveTime;

  @Option(names = "--load-time", paramLabel = "DURATION",
      description = "How long a drive takes to load a cartridge; default the personality's.")
  String loadTime;

  @Option(names = "--inventory-time", paramLabel = "DURATION",
      description = "How long INITIALIZE ELEMENT STATUS takes per element; default the personality's.")
  String inventoryTime;

  @Option(names = "--operator-port", paramLabel = "N",
      description = "Also take operator commands on this loopback TCP port (0 picks a free one and prints it).")
  Integer operatorPort;

  @Option(names = "--stock", paramLabel = "BARCODE", split = ",",
      description = "Labelled cartridges for the first storage slots of a new library (ignored when a saved state "
          + "is loaded).")
  List<String> stock = new ArrayList<>();

  @Option(names = "--autosave", paramLabel = "DURATION", defaultValue = "PT5S",
      description = "Save the state this often when robot moves changed it (default ${DEFAULT-VALUE}; 0 only on "
          + "operator commands, save and stop).")
  String autosave;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private CommandLine.ParameterException syntax(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  /** The settings the options describe, or a syntax error with a message ID. */
  StandaloneEmulator.Settings settings() {
    Personality p = personality();
    RobotTiming t = p.timing();
    Duration move = moveTime == null ? t.move() : duration("--move-time", moveTime);
    Duration inventory = inventoryTime == null ? t.inventoryPerElement() : duration("--inventory-time", inventoryTime);
    Duration load = loadTime == null ? t.load() : duration("--load-time", loadTime);
    try {
      p = p.withTiming(new RobotTiming(move, inventory, load));
    } catch (IllegalArgumentException e) {
      throw syntax("VLN0358E Robot timing refused: " + e.getMessage());
    }
    if (port < 0 || port > 65535) {
      throw syntax("VLN0357E --port is 0 to 65535, not " + port + ".");
    }
    if (operatorPort != null && (operatorPort < 0 || operatorPort > 65535)) {
      throw syntax("VLN0357E --operator-port is 0 to 65535, not " + operatorPort + ".");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw syntax("VLN0357E --bind " + bind + " is not an address of this machine.");
    }
    String name = iqn != null ? iqn : "iqn.2024-01.org.vaultline:emulator." + p.name().toLowerCase(Locale.ROOT);
    if (!name.matches("(iqn\\.\\d{4}-\\d{2}\\.[^\\s]+|eui\\.[0-9A-Fa-f]{16}|naa\\.[0-9A-Fa-f]{16,32})")) {
      throw syntax("VLN0359E --iqn " + name + " is not an iSCSI name (iqn.YYYY-MM.reversed.domain[:name], eui. or naa.).");
    }
    return new StandaloneEmulator.Settings(p, address, port, Optional.ofNullable(stateDir), name,
        operatorPort == null ? OptionalInt.empty() : OptionalInt.of(operatorPort), List.copyOf(stock),
        duration("--autosave", autosave));
  }

  private Personality personality() {
    Path file = Path.of(personality);
    try {
      if (!Personality.CATALOGUE.contains(personality) && Files.isRegularFile(file)) {
        return Personality.fromFile(file);
      }
      return Personality.named(personality);
    } catch (IOException | IllegalArgumentException e) {
      throw syntax("VLN0355E Unusable personality \"" + personality + "\": " + e.getMessage());
    }
  }

  /** Seconds ({@code 3}, {@code 0.5}) or ISO-8601 ({@code PT3S}). */
  private Duration duration(String option, String text) {
    try {
      if (text.matches("\\d+(\\.\\d+)?")) {
        return Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
      }
      Duration d = Duration.parse(text.toUpperCase(Locale.ROOT));
      if (d.isNegative()) {
        throw new DateTimeParseException("negative", text, 0);
      }
      return d;
    } catch (DateTimeParseException e) {
      throw syntax("VLN0356E " + option + " takes seconds (3) or an ISO-8601 duration (PT3S), not \"" + text + "\".");
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    StandaloneEmulator.Settings s = settings();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    StandaloneEmulator emulator;
    try {
      emulator = StandaloneEmulator.start(s, out);
    } catch (BindException e) {
      err.println("VLN0354E Cannot listen on " + s.bind().getHostAddress() + ":" + s.port() + " (or the operator "
          + "port): " + e.getMessage());
      return 3;
    } catch (IOException e) {
      err.println("VLN0354E Cannot start the emulator: " + e);
      return 3;
    } catch (IllegalArgumentException e) {
      err.println("VLN0353E The saved state in " + s.stateDir().map(Path::toString).orElse("?") + " cannot be used: "
          + e.getMessage());
      return 3;
    }
    Thread hook = new Thread(emulator::stop, "emulator shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    synchronized (out) {
      out.print(emulator.banner());
      out.flush();
    }
    Thread stdin = new Thread(() -> readStandardInput(emulator, out), "emulator operator console");
    stdin.setDaemon(true);
    stdin.start();
    emulator.awaitStop();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down (SIGTERM): the hook has stopped the emulator
    }
    return 0;
  }

  /** Operator commands typed at the emulator; end of input leaves it running (it may run with < /dev/null). */
  private static void readStandardInput(StandaloneEmulator emulator, PrintWriter out) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      String line;
      while (!emulator.isStopped() && (line = in.readLine()) != null) {
        OperatorConsole.Reply r = emulator.console().execute(line);
        synchronized (out) {
          out.print(r.render());
          out.flush();
        }
        if (r.quit()) {
          emulator.stop();
          return;
        }
      }
    } catch (IOException e) {
      // standard input closed
    }
  }
}
