package org.vaultline.device.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Linux kernel's iSCSI initiator (open-iscsi: {@code iscsiadm} driving {@code iscsid} and {@code iscsi_tcp})
 * logged in to one target portal, and the {@code /dev/sgN} node the sg driver made for each of its logical units,
 * found in sysfs under {@code /sys/class/iscsi_session/sessionN} (the session's SCSI host, then
 * {@code targetH:C:T/H:C:T:L/scsi_generic/sgN}). Only in make kernel-test's guest, where iscsid runs.
 */
final class KernelInitiator implements AutoCloseable {
  private static final Path SESSIONS = Path.of("/sys/class/iscsi_session");
  private static final Pattern HCTL = Pattern.compile("\\d+:\\d+:\\d+:(\\d+)");
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

  private final String portal;
  private final String iqn;
  private boolean loggedIn;

  private KernelInitiator(String portal, String iqn) {
    this.portal = portal;
    this.iqn = iqn;
  }

  /**
   * Adds the node by hand (no SendTargets discovery: the portal is known) and logs in.
   *
   * @param settings node settings ({@code node.session.timeo.replacement_timeout=20}) made before the login
   */
  static KernelInitiator login(String host, int port, String iqn, List<String> settings) throws IOException {
    KernelInitiator k = new KernelInitiator(host + ":" + port, iqn);
    k.iscsiadm("-m", "node", "-o", "new", "-T", iqn, "-p", k.portal);
    for (String s : settings) {
      int eq = s.indexOf('=');
      k.iscsiadm("-m", "node", "-T", iqn, "-p", k.portal, "-o", "update", "-n", s.substring(0, eq), "-v",
          s.substring(eq + 1));
    }
    k.iscsiadm("-m", "node", "-T", iqn, "-p", k.portal, "--login");
    k.loggedIn = true;
    return k;
  }

  /** The sg node of {@code lun} of this session, waiting up to {@code patience} for the kernel to make it. */
  Path sgNode(int lun, Duration patience) throws IOException, InterruptedException {
    long end = System.nanoTime() + patience.toNanos();
    while (true) {
      Optional<Path> node = findSgNode(lun);
      if (node.isPresent() && Files.exists(node.get())) {
        return node.get();
      }
      if (System.nanoTime() > end) {
        throw new IOException("the kernel made no sg node for LUN " + lun + " of " + iqn + " within " + patience);
      }
      Thread.sleep(100);
    }
  }

  private Optional<Path> findSgNode(int lun) throws IOException {
    if (!Files.isDirectory(SESSIONS)) {
      return Optional.empty();
    }
    for (Path session : list(SESSIONS)) {
      if (!iqn.equals(read(session.resolve("targetname")))) {
        continue;
      }
      // .../hostH/sessionN/targetH:0:0/H:0:0:L/scsi_generic/sgX
      for (Path target : list(session.resolve("device"))) {
        if (!target.getFileName().toString().startsWith("target")) {
          continue;
        }
        for (Path unit : list(target)) {
          Matcher m = HCTL.matcher(unit.getFileName().toString());
          if (m.matches() && Integer.parseInt(m.group(1)) == lun && Files.isDirectory(unit.resolve("scsi_generic"))) {
            for (Path sg : list(unit.resolve("scsi_generic"))) {
              return Optional.of(Path.of("/dev").resolve(sg.getFileName().toString()));
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  private static List<Path> list(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      s.forEach(out::add);
    }
    out.sort(null);
    return out;
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "";
    }
  }

  /** Logs out and forgets the node; the sg nodes go away. */
  @Override
  public void close() throws IOException {
    if (loggedIn) {
      loggedIn = false;
      iscsiadm("-m", "node", "-T", iqn, "-p", portal, "--logout");
      iscsiadm("-m", "node", "-T", iqn, "-p", portal, "-o", "delete");
    }
  }

  private String iscsiadm(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("iscsiadm");
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish within " + COMMAND_TIMEOUT);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException(String.join(" ", command) + " interrupted", e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed with status " + p.exitValue() + ": " + out.strip());
    }
    return out;
  }

  @Override
  public String toString() {
    return "kernel iSCSI initiator -> " + iqn + " at " + portal;
  }
}
