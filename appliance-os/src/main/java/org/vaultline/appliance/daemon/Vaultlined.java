package org.vaultline.appliance.daemon;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tinylog.Logger;
import org.tinylog.configuration.Configuration;
import org.tinylog.provider.ProviderRegistry;
import org.vaultline.appliance.api.AdminMessages;
import org.vaultline.appliance.auth.AdminId;
import org.vaultline.appliance.auth.Authority;
import org.vaultline.appliance.auth.PasswordHash;
import org.vaultline.appliance.auth.PasswordHasher;
import org.vaultline.appliance.options.OptionProblem;
import org.vaultline.appliance.options.Options;
import org.vaultline.appliance.options.OptionsException;
import org.vaultline.appliance.options.OptionsFile;
import org.vaultline.device.DeviceOpener;
import org.vaultline.library.store.AdminAccount;
import org.vaultline.library.store.Message;
import org.vaultline.library.store.Origin;
import org.vaultline.library.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code vaultlined}: the appliance daemon. {@code vaultlined --options FILE} runs the server in the foreground until
 * SIGTERM (systemd {@code Type=notify}); {@code vaultlined --options FILE register-admin ID --password-file F}
 * registers the first SYSTEM administrator into the store and exits, like dsmserv's first-time setup.
 *
 * <p>Exit codes: 0 stopped normally or registered; 1 refused (the ID exists) or could not start; 2 the options file
 * is wrong (every problem is printed with its line number).
 */
@Command(name = "vaultlined", mixinStandardHelpOptions = true, versionProvider = Vaultlined.Version.class,
    subcommands = Vaultlined.RegisterAdmin.class,
    description = "The Vaultline appliance daemon: libraries, DRM, MQTT events, administrative API, serial console.")
public final class Vaultlined implements Callable<Integer> {
  static final int REFUSED = 1;
  static final int BAD_OPTIONS = 2;

  @CommandLine.Option(names = "--options", paramLabel = "FILE", defaultValue = "/etc/vaultline/vaultlined.opt",
      description = "The options file (default: ${DEFAULT-VALUE}).")
  Path optionsFile;

  @CommandLine.Option(names = "--log-console", negatable = true, defaultValue = "true",
      description = "Also log to standard output (default: ${DEFAULT-VALUE}).")
  boolean logConsole;

  public static void main(String[] args) {
    // After SIGTERM, call() returns once the daemon has stopped; exit then waits for the shutdown hook to end.
    System.exit(new CommandLine(new Vaultlined()).execute(args));
  }

  /** Prints the version of the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"vaultlined " + Daemon.version()};
    }
  }

  /** Runs the server until SIGTERM. */
  @Override
  public Integer call() throws Exception {
    Optional<Options> read = read(optionsFile, new PrintWriter(System.err, true));
    if (read.isEmpty()) {
      return BAD_OPTIONS;
    }
    Options options = read.get();
    configureLogging(options, logConsole);
    Daemon daemon = Daemon.create(options, Daemon.Parts.production(DeviceOpener.standard()::open));
    // The hook goes in before start-up: SIGTERM while the libraries are still being inventoried stops cleanly too.
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        daemon.stop();
      } finally {
        stopped.countDown();
        shutdownLogging();
      }
    }, "vaultline-shutdown"));
    try {
      daemon.startUp(optionsFile.toString());
    } catch (Exception e) {
      return REFUSED; // logged (VLN0813E) and closed; exit runs the hook, which ends logging
    }
    stopped.await(); // serving until SIGTERM; after a stop during start-up, until that stop has ended
    return 0;
  }

  /** The options, or empty after printing every problem (VLN0701E..VLN0706E with line numbers) to {@code err}. */
  static Optional<Options> read(Path file, PrintWriter err) {
    try {
      return Optional.of(OptionsFile.read(file));
    } catch (OptionsException e) {
      for (OptionProblem p : e.problems()) {
        err.println(p);
      }
      err.flush();
      return Optional.empty();
    }
  }

  /**
   * tinylog, set before the first log line: rolling files {@code vaultlined.N.log} in LOGDIRECTORY (LOGMAXSIZE each,
   * LOGFILES kept besides the current one, {@code vaultlined.log} naming the current one) and, with
   * {@code --log-console}, a copy on standard output through {@link ConsoleCopyWriter}, which leaves lines out
   * rather than wait for a reader that does not read. tinylog's own shutdown hook is off: the daemon's stop logs
   * until the end and then shuts tinylog down.
   */
  static void configureLogging(Options options, boolean console) throws IOException {
    if (Configuration.isFrozen()) {
      return; // in-process tests: logging is already configured
    }
    Files.createDirectories(options.logDirectory());
    String format = "{date: yyyy-MM-dd HH:mm:ss.SSS} {level|min-size=5} [{thread}] {message}";
    java.util.Map<String, String> c = new java.util.HashMap<>();
    c.put("autoshutdown", "false");
    c.put("writingthread", "true");
    c.put("writer1", "rolling file");
    c.put("writer1.level", "info");
    c.put("writer1.file", options.logDirectory().resolve("vaultlined.{count}.log").toString());
    c.put("writer1.latest", options.logDirectory().resolve("vaultlined.log").toString());
    c.put("writer1.policies", "size: " + Math.max(1, options.logMaxSize() / 1024) + "kb");
    // tinylog's backups count the current file among those kept; LOGFILES does not
    c.put("writer1.backups", Integer.toString(options.logFiles() + 1));
    c.put("writer1.format", format);
    c.put("level@io.moquette", "warn"); // the embedded broker logs every packet at INFO
    if (console) {
      c.put("writer2", ConsoleCopyWriter.class.getName());
      c.put("writer2.level", "info");
      c.put("writer2.stream", "out");
      c.put("writer2.format", format);
    }
    Configuration.replace(c); // replaces a tinylog.properties found on the class path, too
  }

  static void shutdownLogging() {
    try {
      ProviderRegistry.getLoggingProvider().shutdown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** First-time setup: registers a SYSTEM administrator into the store and exits. */
  @Command(name = "register-admin", mixinStandardHelpOptions = true,
      description = "Register an administrator with SYSTEM authority into the store (first-time setup) and exit.")
  static final class RegisterAdmin implements Callable<Integer> {
    @CommandLine.ParentCommand
    Vaultlined parent;

    @Parameters(index = "0", paramLabel = "ID", description = "The administrator ID.")
    String id;

    @CommandLine.Option(names = "--password-file", required = true, paramLabel = "FILE",
        description = "File whose first line is the password (8 to 1024 characters).")
    Path passwordFile;

    @Override
    public Integer call() {
      if (!Configuration.isFrozen()) {
        Configuration.replace(java.util.Map.of("writer", "console", "writer.level", "warn", "writer.stream", "err",
            "writer.format", "{level}: {message}"));
      }
      PrintWriter err = new PrintWriter(System.err, true);
      Optional<Options> options = read(parent.optionsFile, err);
      if (options.isEmpty()) {
        return BAD_OPTIONS;
      }
      char[] password;
      try {
        password = Daemon.firstLine(passwordFile).toCharArray();
      } catch (IOException e) {
        err.println(AdminMessages.PASSWORD_FILE.format(passwordFile, e.getMessage()).render());
        return REFUSED;
      }
      try {
        Files.createDirectories(options.get().dataDirectory());
        try (Store store = Store.open(options.get().dataDirectory().resolve(Daemon.STORE_FILE))) {
          Message m = register(store, id, password, new PasswordHasher());
          (m.severity() == org.vaultline.library.store.Severity.INFORMATION ? System.out : System.err)
              .println(m.render());
          return m.severity() == org.vaultline.library.store.Severity.INFORMATION ? 0 : REFUSED;
        }
      } catch (IllegalArgumentException e) {
        err.println(e.getMessage());
        return REFUSED;
      } catch (IOException | RuntimeException e) {
        err.println(AdminMessages.START_FAILED.format(String.valueOf(e.getMessage())).render());
        return REFUSED;
      } finally {
        Arrays.fill(password, '\0');
      }
    }
  }

  /**
   * Registers {@code id} with SYSTEM authority, or refuses (VLN0828E) when it is registered.
   *
   * @throws IllegalArgumentException for an invalid ID (VLN0757E) or password (VLN0756E)
   */
  static Message register(Store store, String id, char[] password, PasswordHasher hasher) {
    AdminId adminId = AdminId.of(id);
    if (password.length < 8 || password.length > 1024) {
      throw new IllegalArgumentException("VLN0756E A password is 8 to 1024 characters.");
    }
    PasswordHash hash = hasher.hash(password);
    return store.write(Origin.SERVER, tx -> {
      if (tx.administrators().find(adminId.name()).isPresent()) {
        Message refused = AdminMessages.ALREADY_REGISTERED.format(adminId);
        tx.log(refused);
        return refused;
      }
      tx.administrators().insert(new AdminAccount(adminId.name(), hash.encode(), Authority.SYSTEM.name(), 0,
          Optional.empty(), false, tx.now(), Optional.empty(), Optional.empty()));
      Message done = AdminMessages.FIRST_ADMIN.format(adminId);
      tx.log(done);
      Logger.info(done.render());
      return done;
    });
  }
}
