package org.vaultline.peers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code tgtd} (Debian package {@code tgt}) as a test peer: started in the foreground on a free
 * loopback port with its own IPC socket in a temporary directory, configured with {@code tgtadm}, and
 * stopped by PID. tgtd ignores SIGTERM, so {@link #close()} deletes its targets with {@code --force},
 * asks it to exit with {@code tgtadm --op delete --mode system}, and sends SIGKILL if it is still there.
 * If tgtd cannot bind the requested portal it silently listens on [::]:3260 instead, so {@link #start}
 * checks that the port is bound by this very process (through /proc) before returning.
 *
 * <p>Reusable by other tests: {@code Tgtd.start(dir)}, then {@link #library} for a changer with drives,
 * or {@link #admin} for anything else.
 */
public final class Tgtd implements AutoCloseable {
  public static final Path TGTD = Path.of("/usr/sbin/tgtd");
  public static final Path TGTADM = Path.of("/usr/sbin/tgtadm");
  public static final Path TGTIMG = Path.of("/usr/sbin/tgtimg");
  private static final int CONTROL_PORT = 1;

  private final Path dir;
  private final int port;
  private final Process process;
  private final Set<Integer> targets = new TreeSet<>();

  private Tgtd(Path dir, int port, Process process) {
    this.dir = dir;
    this.port = port;
    this.process = process;
  }

  /** True when tgtd, tgtadm and tgtimg are installed. */
  public static boolean isAvailable() {
    return Files.isExecutable(TGTD) && Files.isExecutable(TGTADM) && Files.isExecutable(TGTIMG);
  }

  /**
   * Starts tgtd listening on 127.0.0.1 at a free port, with its IPC socket, log and images under
   * {@code dir}.
   */
  public static Tgtd start(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    IOException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      int port;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort();
      }
      ProcessBuilder pb = new ProcessBuilder(TGTD.toString(), "-f", "-C", Integer.toString(CONTROL_PORT),
          "--iscsi", "portal=127.0.0.1:" + port);
      pb.environment().put("TGT_IPC_SOCKET", dir.resolve("ipc").toString());
      pb.redirectErrorStream(true);
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("tgtd.log").toFile()));
      Process p = pb.start();
      Tgtd t = new Tgtd(dir, port, p);
      try {
        t.awaitReady(Duration.ofSeconds(10));
        return t;
      } catch (IOException e) {
        last = e;
        t.kill();
      }
    }
    throw new IOException("tgtd did not start: " + (last == null ? "" : last.getMessage()) + "; log:\n" + readLog(dir));
  }

  private static String readLog(Path dir) {
    try {
      return Files.readString(dir.resolve("tgtd.log"));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private void awaitReady(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("tgtd exited with " + process.exitValue());
      }
      if (Files.exists(dir.resolve("ipc." + CONTROL_PORT)) && listeningInodes(port).stream()
          .anyMatch(this::ownsSocket)) {
        if (run(List.of(TGTADM.toString(), "-C", Integer.toString(CONTROL_PORT), "--op", "show", "--mode", "system"))
            .exit == 0) {
          return;
        }
      }
      Thread.sleep(50);
    }
    throw new IOException("tgtd (pid " + process.pid() + ") is not listening on 127.0.0.1:" + port
        + " within " + timeout);
  }

  /** Inodes of sockets listening on 127.0.0.1:{@code port}, from /proc/net/tcp. */
  public static List<Long> listeningInodes(int port) throws IOException {
    List<Long> inodes = new ArrayList<>();
    String local = String.format("0100007F:%04X", port);
    for (String line : Files.readAllLines(Path.of("/proc/net/tcp"))) {
      String[] f = line.trim().split("\\s+");
      if (f.length > 9 && f[1].equals(local) && f[3].equals("0A")) {
        inodes.add(Long.parseLong(f[9]));
      }
    }
    return inodes;
  }

  /** Whether one of this tgtd's file descriptors is the socket with {@code inode}. */
  public boolean ownsSocket(long inode) {
    String target = "socket:[" + inode + "]";
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
      return fds.anyMatch(fd -> {
        try {
          return Files.readSymbolicLink(fd).toString().equals(target);
        } catch (IOException e) {
          return false;
        }
      });
    } catch (IOException e) {
      return false;
    }
  }

  /** True when tgtd itself holds the listening socket on its port (not some other process). */
  public boolean isListening() throws IOException {
    return listeningInodes(port).stream().anyMatch(this::ownsSocket);
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public Path dir() {
    return dir;
  }

  /** Runs {@code tgtadm --lld iscsi ARGS} against this tgtd and returns its output. */
  public String admin(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(TGTADM.toString(), "-C", Integer.toString(CONTROL_PORT), "--lld",
        "iscsi"));
    cmd.addAll(List.of(args));
    Result r = run(cmd);
    if (r.exit != 0) {
      throw new IOException(String.join(" ", cmd) + " failed (" + r.exit + "): " + r.output);
    }
    return r.output;
  }

  /** Creates target {@code tid} named {@code iqn}, open to every initiator. */
  public void newTarget(int tid, String iqn) throws IOException, InterruptedException {
    admin("--mode", "target", "--op", "new", "--tid", Integer.toString(tid), "-T", iqn);
    targets.add(tid);
    admin("--mode", "target", "--op", "bind", "--tid", Integer.toString(tid), "-I", "ALL");
  }

  /** Requires CHAP {@code user}/{@code secret} on {@code tid}; {@code outgoing} for the mutual direction. */
  public void chap(int tid, String user, String secret, boolean outgoing) throws IOException, InterruptedException {
    admin("--mode", "account", "--op", "new", "--user", user, "--password", secret);
    List<String> args = new ArrayList<>(List.of("--mode", "account", "--op", "bind", "--tid", Integer.toString(tid),
        "--user", user));
    if (outgoing) {
      args.add("--outgoing");
    }
    admin(args.toArray(String[]::new));
  }

  /** Creates a tape image file with {@code tgtimg}. */
  public Path tapeImage(Path file, String barcode, int megabytes) throws IOException, InterruptedException {
    Result r = run(List.of(TGTIMG.toString(), "--op", "new", "--device-type", "tape", "--barcode=" + barcode,
        "--size=" + megabytes, "--type=data", "--file=" + file));
    if (r.exit != 0) {
      throw new IOException("tgtimg failed: " + r.output);
    }
    return file;
  }

  /**
   * A tape library on target {@code tid}: LUN 1 is the changer, LUNs 2.. are the drives. Element
   * addresses follow {@code layout}; cartridges are placed by address with their barcodes, each backed by
   * a tgtimg file in the target's media_home.
   */
  public Library library(int tid, String iqn, Layout layout, Map<Integer, String> cartridges)
      throws IOException, InterruptedException {
    newTarget(tid, iqn);
    String t = Integer.toString(tid);
    Path smc = dir.resolve("smc-" + tid);
    Files.write(smc, new byte[1024]);
    admin("--mode", "logicalunit", "--op", "new", "--tid", t, "--lun", "1", "-b", smc.toString(),
        "--device-type=changer");
    admin("--mode", "logicalunit", "--op", "update", "--tid", t, "--lun", "1", "--params",
        "vendor_id=STK,product_id=L700,product_rev=0104,scsi_sn=VLCHGR" + tid + ",removable=1");
    List<Integer> driveLuns = new ArrayList<>();
    for (int d = 0; d < layout.drives; d++) {
      int lun = 2 + d;
      Path empty = tapeImage(dir.resolve("empty-" + tid + "-" + lun), "EMPTY" + tid + lun, 1);
      admin("--mode", "logicalunit", "--op", "new", "--tid", t, "--lun", Integer.toString(lun), "-b",
          empty.toString(), "--device-type=tape");
      admin("--mode", "logicalunit", "--op", "update", "--tid", t, "--lun", Integer.toString(lun), "--params",
          "vendor_id=IBM,product_id=ULT3580-TD6,product_rev=0104,scsi_sn=VLDRV" + tid + lun + ",removable=1");
      admin("--mode", "logicalunit", "--op", "update", "--tid", t, "--lun", Integer.toString(lun), "--params",
          "online=0");
      driveLuns.add(lun);
    }
    params(t, "element_type=1,start_address=" + layout.transport + ",quantity=1");
    params(t, "element_type=2,start_address=" + layout.firstSlot + ",quantity=" + layout.slots);
    if (layout.importExport > 0) {
      params(t, "element_type=3,start_address=" + layout.firstImportExport + ",quantity=" + layout.importExport);
    }
    params(t, "element_type=4,start_address=" + layout.firstDrive + ",quantity=" + layout.drives);
    for (int d = 0; d < layout.drives; d++) {
      params(t, "element_type=4,address=" + (layout.firstDrive + d) + ",tid=" + tid + ",lun=" + driveLuns.get(d));
    }
    Path media = dir.resolve("media-" + tid);
    Files.createDirectories(media);
    params(t, "media_home=" + media);
    for (Map.Entry<Integer, String> c : new LinkedHashMap<>(cartridges).entrySet()) {
      int address = c.getKey();
      tapeImage(media.resolve(c.getValue()), c.getValue(), 16);
      int type = address >= layout.firstImportExport && address < layout.firstImportExport + layout.importExport
          ? 3 : 2;
      params(t, "element_type=" + type + ",address=" + address + ",barcode=" + c.getValue() + ",sides=1");
    }
    return new Library(tid, iqn, 1, driveLuns, layout);
  }

  private void params(String tid, String params) throws IOException, InterruptedException {
    admin("--mode", "logicalunit", "--op", "update", "--tid", tid, "--lun", "1", "--params", params);
  }

  /** Element addresses of a library: one transport, then ranges of slots, I/E stations and drives. */
  public record Layout(int transport, int firstSlot, int slots, int firstImportExport, int importExport,
                       int firstDrive, int drives) {
  }

  /** What {@link #library} configured. */
  public record Library(int tid, String iqn, int changerLun, List<Integer> driveLuns, Layout layout) {
  }

  /** Stops tgtd (SIGSTOP) so that nothing it receives is answered, as a hung target would. */
  public void suspend() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** Lets a suspended tgtd run again (SIGCONT). */
  public void resume() throws IOException, InterruptedException {
    signal("CONT");
  }

  private void signal(String name) throws IOException, InterruptedException {
    Result r = run(List.of("kill", "-" + name, Long.toString(process.pid())));
    if (r.exit != 0) {
      throw new IOException("kill -" + name + " " + process.pid() + ": " + r.output);
    }
  }

  public String log() {
    return readLog(dir);
  }

  /** Deletes the targets with --force, asks tgtd to exit, and SIGKILLs it if it is still running. */
  @Override
  public void close() throws IOException {
    try {
      stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted while stopping tgtd " + process.pid(), e);
    }
  }

  private void stop() throws IOException, InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    resume();
    for (int tid : targets) {
      try {
        admin("--mode", "target", "--op", "delete", "--force", "--tid", Integer.toString(tid));
      } catch (IOException e) {
        // stopping anyway
      }
    }
    run(List.of(TGTADM.toString(), "-C", Integer.toString(CONTROL_PORT), "--op", "delete", "--mode", "system"));
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      kill();
    }
  }

  private void kill() throws InterruptedException {
    process.destroyForcibly(); // SIGKILL, to this PID only
    process.waitFor(5, TimeUnit.SECONDS);
  }

  private record Result(int exit, String output) {
  }

  private Result run(List<String> cmd) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("TGT_IPC_SOCKET", dir.resolve("ipc").toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", cmd) + " did not finish");
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
