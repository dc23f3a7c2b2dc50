package org.vaultline.appliance.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.vaultline.appliance.cli.VaultlineCli;
import org.vaultline.device.discovery.ScsiGenericDevice;
import org.vaultline.device.discovery.SysfsDiscovery;

/**
 * What make kernel-test's QEMU guest set up before it started the test JVM (appliance-os/src/kernel-test/guest/
 * run-tests.sh): tgtd and our standalone emulator on the guest's loopback, the kernel's iSCSI initiator logged in
 * to both; and how the tests run the peer tools and {@code vaultline} there. Every class of this package runs only
 * in the guest: its name does not end in Test (so the host's surefire leaves it out) and it is enabled by the
 * system property {@value #PROPERTY}.
 */
final class Guest {
  static final String PROPERTY = "vaultline.kernel.guest";
  private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(120);

  private Guest() {
  }

  /** What one target was configured with: {@code tgtd.properties} or {@code emulator.properties}. */
  static Properties target(String name) {
    Path file = Path.of(System.getProperty("vaultline.kernel.config", "/run/kernel-test")).resolve(name + ".properties");
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("the guest did not write " + file, e);
    }
    return p;
  }

  /** Where the results go back to the host (the 9p share). */
  static Path results() {
    return Path.of(System.getProperty("vaultline.kernel.results", "/share/results"));
  }

  /**
   * The logical units of the iSCSI session to {@code iqn}, as our sysfs discovery sees them: the session's SCSI
   * host is found from {@code /sys/class/iscsi_session/sessionN/targetname}, and its units are those whose
   * host:channel:target:lun starts with that host number.
   */
  static List<ScsiGenericDevice> unitsOf(String iqn) throws IOException {
    int host = hostOf(iqn);
    return new SysfsDiscovery().scan().stream().filter(d -> d.hctl().startsWith(host + ":")).toList();
  }

  /** The SCSI host number of the kernel's iSCSI session to {@code iqn}. */
  static int hostOf(String iqn) throws IOException {
    Path sessions = Path.of("/sys/class/iscsi_session");
    try (DirectoryStream<Path> s = Files.newDirectoryStream(sessions)) {
      for (Path session : s) {
        if (iqn.equals(Files.readString(session.resolve("targetname")).strip())) {
          // /sys/devices/platform/hostH/sessionN
          Path real = session.resolve("device").toRealPath();
          String hostDir = real.getParent().getFileName().toString();
          return Integer.parseInt(hostDir.substring("host".length()));
        }
      }
    }
    throw new IOException("the kernel has no iSCSI session to " + iqn);
  }

  /** The changer of the session to {@code iqn}. */
  static ScsiGenericDevice changerOf(String iqn) throws IOException {
    return unitsOf(iqn).stream().filter(ScsiGenericDevice::isChanger).findFirst()
        .orElseThrow(() -> new IOException("no changer in the session to " + iqn));
  }

  /** The tape drive at LUN {@code lun} of the session to {@code iqn}. */
  static Optional<ScsiGenericDevice> unit(String iqn, int lun) throws IOException {
    return unitsOf(iqn).stream().filter(d -> d.hctl().endsWith(":" + lun)).findFirst();
  }

  /** How a process ended: status, standard output and error, and how long it ran (start to exit). */
  record Ran(List<String> command, int status, String out, String err, Duration took) {
    Ran ok() {
      if (status != 0) {
        throw new AssertionError(String.join(" ", command) + " failed with status " + status + "\n" + out + err);
      }
      return this;
    }

    List<String> lines() {
      return out.lines().toList();
    }
  }

  /** Runs a tool (mtx, sg_inq, mt, the vaultline launcher) and waits for it. */
  static Ran run(String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    long start = System.nanoTime();
    Process p = pb.start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
    if (!p.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor();
      throw new AssertionError(String.join(" ", command) + " did not finish within " + TOOL_TIMEOUT);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    return new Ran(List.of(command), p.exitValue(), out.join(), err.join(), took);
  }

  /** {@code vaultline ARGS} as a process of its own: the launcher the guest built from the project's jars. */
  static Ran vaultlineProcess(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("vaultline.kernel.launcher", "/share/app/vaultline"));
    command.addAll(Arrays.asList(args));
    return run(command.toArray(String[]::new));
  }

  /** {@code vaultline ARGS} in this JVM, through the same command line the launcher runs. */
  static Ran vaultline(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    long start = System.nanoTime();
    int status;
    try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
      status = VaultlineCli.commandLine(o, e).execute(args);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    List<String> command = new ArrayList<>(List.of("vaultline"));
    command.addAll(Arrays.asList(args));
    return new Ran(command, status, out.toString(), err.toString(), took);
  }

  private static String drain(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
