package org.vaultline.appliance.daemon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaultline.appliance.cli.VaultlineCli;
import org.vaultline.device.DeviceOpener;
import org.vaultline.library.inventory.InventoryElement;
import org.vaultline.library.inventory.InventoryReader;
import org.vaultline.library.inventory.LibraryInventory;
import org.vaultline.scsi.sense.ScsiException;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementType;
import org.vaultline.scsi.transport.ScsiExecutor;
import org.vaultline.scsi.transport.ScsiTransport;
import org.vaultline.scsi.transport.Sleeper;

/**
 * {@code vaultline emulator} as a child JVM that outlives the daemons a test starts and kills, as a real library
 * outlives its server: its operator port used as the person at the library would, and its element status read over
 * iSCSI by an initiator of the test's own (the library's view, independent of the daemon's store). Output goes to a
 * file, never to a pipe the test could stop reading.
 */
final class StandaloneLibrary implements AutoCloseable {
  private final Process process;
  private final Path output;
  final String portal;
  final String iqn;
  final int operatorPort;
  private ScsiTransport transport;
  private InventoryReader reader;
  private ElementAddress stationFirst;
  private int stationSize;

  private StandaloneLibrary(Process process, Path output) throws IOException, InterruptedException {
    this.process = process;
    this.output = output;
    await(output, "VLN0351I", process);
    this.portal = await(output, "^Portal: (127\\.0\\.0\\.1:\\d+)$", process);
    this.iqn = await(output, "^IQN: (\\S+)$", process);
    this.operatorPort = Integer.parseInt(await(output, "^Operator port: 127\\.0\\.0\\.1:(\\d+)$", process));
  }

  /** Starts {@code vaultline emulator --port 0 --operator-port 0 ARGS}, output to {@code output}. */
  static StandaloneLibrary start(Path output, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), VaultlineCli.class.getName(), "emulator", "--port", "0",
        "--operator-port", "0"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile())
        .redirectInput(ProcessBuilder.Redirect.PIPE).start();
    try {
      return new StandaloneLibrary(p, output);
    } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
      p.destroyForcibly();
      throw e;
    }
  }

  /**
   * The first group of {@code regex} (or the whole match) in {@code file}, which only grows, waiting up to 90 s; fails
   * at once when {@code process} ended without writing it.
   */
  static String await(Path file, String regex, Process process) throws IOException, InterruptedException {
    Pattern p = Pattern.compile(regex, Pattern.MULTILINE);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (true) {
      boolean alive = process.isAlive(); // before reading: what it wrote before exiting is in the file
      String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
      Matcher m = p.matcher(text);
      if (m.find()) {
        return m.groupCount() > 0 ? m.group(1) : m.group();
      }
      if (!alive || System.nanoTime() > deadline) {
        throw new AssertionError("no line matching " + regex + " in " + file + (alive ? "" : " (the process exited "
            + process.exitValue() + ")") + ":\n" + text);
      }
      Thread.sleep(20);
    }
  }

  /** The device URL of a LUN (0: the changer). */
  String url(int lun) {
    return "iscsi://" + portal + "/" + iqn + "/" + lun;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String output() throws IOException {
    return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
  }

  /**
   * Operator commands on one connection to the operator port; the reply of each, up to and including its
   * {@code OK} or {@code ERROR} line.
   */
  List<String> operator(String... commands) throws IOException {
    List<String> replies = new ArrayList<>();
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), operatorPort);
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8)) {
      s.setSoTimeout(30_000);
      for (String c : commands) {
        out.write(c + "\n");
        out.flush();
        StringBuilder reply = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
          reply.append(line).append('\n');
          if (line.equals("OK") || line.startsWith("ERROR")) {
            break;
          }
        }
        replies.add(reply.toString());
      }
    }
    return replies;
  }

  /**
   * The operator empties every I/O station: opens each, takes everything out, closes each (6/28/01 to every
   * initiator both times).
   *
   * @return the barcodes taken out
   */
  List<String> emptyStations(int stations) throws IOException {
    List<String> commands = new ArrayList<>();
    for (int i = 0; i < stations; i++) {
      commands.add("open-station " + i);
    }
    commands.add("remove all");
    for (int i = 0; i < stations; i++) {
      commands.add("close-station " + i);
    }
    List<String> replies = operator(commands.toArray(String[]::new));
    List<String> taken = new ArrayList<>();
    for (String r : replies) {
      if (!r.strip().endsWith("OK")) {
        throw new AssertionError("the operator's command failed: " + r + "\nall replies: " + replies);
      }
      Matcher m = Pattern.compile("Removed \\d+ cartridge\\(s\\): ([^.]*)\\.").matcher(r);
      if (m.find()) {
        taken.addAll(List.of(m.group(1).strip().split("\\s+")));
      }
    }
    return taken;
  }

  /** A full inventory as the library reports it now, read by the test's own initiator. */
  LibraryInventory inventory() throws ScsiException {
    if (reader == null) {
      transport = DeviceOpener.standard().open(url(0));
      reader = new InventoryReader(ScsiExecutor.standard(transport, Sleeper.SYSTEM, s -> { }));
    }
    return reader.read();
  }

  /** The I/O station elements only (one READ ELEMENT STATUS): cheap enough to poll. */
  List<InventoryElement> station() throws ScsiException {
    if (stationFirst == null) {
      List<InventoryElement> io = inventory().elements(ElementType.IMPORT_EXPORT);
      stationFirst = io.get(0).address();
      stationSize = io.size();
    }
    return reader.read(ElementType.IMPORT_EXPORT, stationFirst, stationSize);
  }

  @Override
  public void close() throws InterruptedException {
    if (transport != null) {
      try {
        transport.close();
      } catch (Exception e) {
        // the emulator goes next anyway
      }
    }
    if (process.isAlive()) {
      process.destroyForcibly(); // SIGKILL to this PID only
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
