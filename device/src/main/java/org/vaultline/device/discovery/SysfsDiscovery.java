package org.vaultline.device.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaultline.scsi.bytes.Bytes;

/**
 * Finds SCSI logical units from Linux sysfs: every {@code sys/class/scsi_generic/sgN}, the attributes of
 * its {@code device} directory ({@code type}, {@code vendor}, {@code model}, {@code rev}, {@code vpd_pg80},
 * {@code vpd_pg83}), and the st/ch nodes of the same device ({@code device/scsi_tape/nstN},
 * {@code device/scsi_changer/schN}, or failing those the {@code sys/class/scsi_tape} and
 * {@code sys/class/scsi_changer} links that lead to the same device). Sends no command.
 *
 * <p>The root is a parameter so that tests, containers and chroots can point it elsewhere; device nodes
 * are reported under {@code <root>/dev}.
 */
public final class SysfsDiscovery {
  private static final Pattern HCTL = Pattern.compile("\\d+:\\d+:\\d+:\\d+");
  private static final Pattern NUMBERED = Pattern.compile("([a-z]+)(\\d+)");
  private static final Pattern NST = Pattern.compile("nst(\\d+)");
  private static final Pattern ST = Pattern.compile("st(\\d+)");
  private static final Pattern SCH = Pattern.compile("sch(\\d+)");

  private final Path root;

  public SysfsDiscovery() {
    this(Path.of("/"));
  }

  public SysfsDiscovery(Path root) {
    this.root = root;
  }

  /**
   * Every sg node with a device directory, in sg number order. A system without the sg driver gives an
   * empty list.
   *
   * @throws IOException when {@code sys/class/scsi_generic} exists but cannot be listed
   */
  public List<ScsiGenericDevice> scan() throws IOException {
    Path classDir = root.resolve("sys/class/scsi_generic");
    if (!Files.isDirectory(classDir)) {
      return List.of();
    }
    List<ScsiGenericDevice> out = new ArrayList<>();
    for (Path entry : sortedEntries(classDir)) {
      Path device = entry.resolve("device");
      if (Files.isDirectory(device)) {
        out.add(read(entry.getFileName().toString(), device));
      }
    }
    return out;
  }

  /** The tape drives among {@link #scan()}. */
  public List<ScsiGenericDevice> tapeDrives() throws IOException {
    return scan().stream().filter(ScsiGenericDevice::isTapeDrive).toList();
  }

  /** The media changers among {@link #scan()}. */
  public List<ScsiGenericDevice> changers() throws IOException {
    return scan().stream().filter(ScsiGenericDevice::isChanger).toList();
  }

  private ScsiGenericDevice read(String sgName, Path device) throws IOException {
    Path real = realPath(device);
    String last = real.getFileName() == null ? "" : real.getFileName().toString();
    String hctl = HCTL.matcher(last).matches() ? last : "";
    Optional<Path> tape = childNode(device, "scsi_tape", NST);
    Optional<Path> rewinding = childNode(device, "scsi_tape", ST);
    if (tape.isEmpty()) {
      tape = classNode("scsi_tape", NST, real);
    }
    if (rewinding.isEmpty()) {
      rewinding = classNode("scsi_tape", ST, real);
    }
    Optional<Path> changer = childNode(device, "scsi_changer", SCH);
    if (changer.isEmpty()) {
      changer = classNode("scsi_changer", SCH, real);
    }
    return new ScsiGenericDevice(sgName, devNode(sgName), hctl, readType(device.resolve("type")),
        readText(device.resolve("vendor")), readText(device.resolve("model")), readText(device.resolve("rev")),
        readBinary(device.resolve("vpd_pg80")), readBinary(device.resolve("vpd_pg83")), tape, rewinding, changer);
  }

  /** {@code device/scsi_tape/nst0} (a directory per node), or the pre-2.6.x style {@code scsi_tape:nst0} link. */
  private Optional<Path> childNode(Path device, String className, Pattern name) throws IOException {
    Path dir = device.resolve(className);
    if (Files.isDirectory(dir)) {
      for (Path p : sortedEntries(dir)) {
        String n = p.getFileName().toString();
        if (name.matcher(n).matches()) {
          return Optional.of(devNode(n));
        }
      }
    }
    for (Path p : sortedEntries(device)) {
      String n = p.getFileName().toString();
      if (n.startsWith(className + ":") && name.matcher(n.substring(className.length() + 1)).matches()) {
        return Optional.of(devNode(n.substring(className.length() + 1)));
      }
    }
    return Optional.empty();
  }

  /** {@code sys/class/<className>/<node>} whose {@code device} link resolves to {@code realDevice}. */
  private Optional<Path> classNode(String className, Pattern name, Path realDevice) throws IOException {
    Path dir = root.resolve("sys/class").resolve(className);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    for (Path p : sortedEntries(dir)) {
      String n = p.getFileName().toString();
      Path dev = p.resolve("device");
      if (name.matcher(n).matches() && Files.isDirectory(dev) && realPath(dev).equals(realDevice)) {
        return Optional.of(devNode(n));
      }
    }
    return Optional.empty();
  }

  private Path devNode(String name) {
    return root.resolve("dev").resolve(name);
  }

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  /** Directory entries ordered as a person expects: sg2 before sg10. */
  private static List<Path> sortedEntries(Path dir) throws IOException {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      s.forEach(entries::add);
    }
    entries.sort(Comparator.comparing((Path p) -> prefix(p)).thenComparingLong(SysfsDiscovery::number)
        .thenComparing(p -> p.getFileName().toString()));
    return entries;
  }

  private static String prefix(Path p) {
    Matcher m = NUMBERED.matcher(p.getFileName().toString());
    return m.matches() ? m.group(1) : p.getFileName().toString();
  }

  private static long number(Path p) {
    Matcher m = NUMBERED.matcher(p.getFileName().toString());
    if (!m.matches() || m.group(2).length() > 18) {
      return -1;
    }
    return Long.parseLong(m.group(2));
  }

  private static int readType(Path file) {
    String t = readText(file);
    try {
      return Integer.parseInt(t);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** A sysfs text attribute, trimmed; empty when absent or unreadable. */
  private static String readText(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).strip();
    } catch (IOException e) {
      return "";
    }
  }

  /** A binary attribute; empty when absent or unreadable (vpd_pg* can give EIO or EACCES). */
  private static Bytes readBinary(Path file) {
    try {
      return Files.isRegularFile(file) ? Bytes.of(Files.readAllBytes(file)) : Bytes.EMPTY;
    } catch (IOException e) {
      return Bytes.EMPTY;
    }
  }
}
