package org.vaultline.appliance.client;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The client options file, {@code ${XDG_CONFIG_HOME:-~/.config}/vaultline/vaultline.opt}, in the daemon's format:
 * one {@code NAME value} per line, names in any case, {@code *} or {@code #} comment lines, values optionally in
 * double quotes. Options: SERVERURL, ADMINID, PASSWORD, OUTPUT TEXT|JSON, TRUSTSTORE, TRUSTSTOREPASSWORD.
 *
 * <p>The file is written with permissions 0600 in a directory with 0700. A PASSWORD is refused (VLN0654E) when the
 * group or others have any permission on the file, the way ssh refuses a private key others can read. Problems:
 * VLN0650E unknown option, VLN0651E bad value, VLN0652E option given twice, VLN0653E no value, VLN0654E password in
 * a file others can read, VLN0655E the file cannot be read or written.
 */
public final class ClientOptionsFile {
  private ClientOptionsFile() {}

  static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  /** Where the file is for a user with this environment and home directory. */
  public static Path defaultPath(Map<String, String> env, Path home) {
    String xdg = env.get("XDG_CONFIG_HOME");
    Path config = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
    return config.resolve("vaultline").resolve("vaultline.opt");
  }

  /** Reads the file; a missing file gives the defaults. */
  public static ClientOptions read(Path path) throws ClientException {
    if (!Files.exists(path)) {
      return ClientOptions.defaults();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ClientException("VLN0655E", "Cannot read the client options file " + path + ": " + e.getMessage());
    }
    ClientOptions o = parse(path.toString(), lines);
    if (o.password().isPresent()) {
      Optional<Set<PosixFilePermission>> perms = permissions(path);
      if (perms.isPresent() && !OWNER_ONLY.containsAll(perms.get())) {
        throw new ClientException("VLN0654E", "The client options file " + path + " holds a PASSWORD but its"
            + " permissions are " + PosixFilePermissions.toString(perms.get()) + "; others may read it. Run: chmod 600 "
            + path + " (or remove PASSWORD and let vaultline prompt for it).");
      }
    }
    return o;
  }

  /** Parses the lines of the file named {@code file} (for messages). */
  public static ClientOptions parse(String file, List<String> lines) throws ClientException {
    ClientOptions o = ClientOptions.defaults();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      int lineNo = i + 1;
      String line = lines.get(i).strip();
      if (lineNo == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1).strip();
      }
      if (line.isEmpty() || line.startsWith("*") || line.startsWith("#")) {
        continue;
      }
      int blank = 0;
      while (blank < line.length() && !Character.isWhitespace(line.charAt(blank))) {
        blank++;
      }
      String name = line.substring(0, blank).toUpperCase(Locale.ROOT);
      String value = line.substring(blank).strip();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      String where = file + " line " + lineNo + ": ";
      if (!List.of("SERVERURL", "ADMINID", "PASSWORD", "OUTPUT", "TRUSTSTORE", "TRUSTSTOREPASSWORD").contains(name)) {
        throw new ClientException("VLN0650E", where + "unknown option " + name + "; the client options are"
            + " SERVERURL, ADMINID, PASSWORD, OUTPUT, TRUSTSTORE and TRUSTSTOREPASSWORD.");
      }
      if (value.isEmpty()) {
        throw new ClientException("VLN0653E", where + name + " has no value.");
      }
      if (!seen.add(name)) {
        throw new ClientException("VLN0652E", where + name + " is given more than once.");
      }
      switch (name) {
        case "SERVERURL":
          o = o.withServerUrl(serverUrl(value, where));
          break;
        case "ADMINID":
          o = o.withAdminId(value.toUpperCase(Locale.ROOT));
          break;
        case "PASSWORD":
          o = o.withPassword(value);
          break;
        case "OUTPUT":
          try {
            o = o.withOutput(OutputFormat.valueOf(value.toUpperCase(Locale.ROOT)));
          } catch (IllegalArgumentException e) {
            throw new ClientException("VLN0651E", where + "OUTPUT is TEXT or JSON, not " + value + ".");
          }
          break;
        case "TRUSTSTORE":
          o = o.withTruststore(Path.of(value));
          break;
        default: // TRUSTSTOREPASSWORD
          o = new ClientOptions(o.serverUrl(), o.adminId(), o.password(), o.output(), o.truststore(),
              Optional.of(value));
          break;
      }
    }
    return o;
  }

  /** An {@code http://} or {@code https://} URL with a host; VLN0651E otherwise. */
  public static URI serverUrl(String value, String where) throws ClientException {
    try {
      URI u = new URI(value);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
        throw new URISyntaxException(value, "not http://host:port or https://host:port");
      }
      return u;
    } catch (URISyntaxException e) {
      throw new ClientException("VLN0651E", where + "SERVERURL is http://host:port or https://host:port, not "
          + value + ".");
    }
  }

  /** The file's text for these options; the password only when {@code withPassword}. */
  public static String format(ClientOptions o, boolean withPassword) {
    StringBuilder sb = new StringBuilder();
    sb.append("* vaultline.opt: options of the Vaultline administrative client (vaultline).\n");
    sb.append("* One option per line: NAME value. Keep this file 0600: a PASSWORD here is refused otherwise.\n");
    sb.append("SERVERURL ").append(o.serverUrl()).append('\n');
    o.adminId().ifPresent(a -> sb.append("ADMINID ").append(a).append('\n'));
    if (withPassword) {
      o.password().ifPresent(p -> sb.append("PASSWORD \"").append(p).append("\"\n"));
    }
    sb.append("OUTPUT ").append(o.output()).append('\n');
    o.truststore().ifPresent(t -> sb.append("TRUSTSTORE \"").append(t).append("\"\n"));
    if (withPassword) {
      o.truststorePassword().ifPresent(p -> sb.append("TRUSTSTOREPASSWORD \"").append(p).append("\"\n"));
    }
    return sb.toString();
  }

  /**
   * Writes the file with permissions 0600 (created so, never widened afterwards), its directory with 0700 when it
   * has to be created; the old file is replaced atomically.
   */
  public static void write(Path path, String text) throws ClientException {
    try {
      Path dir = path.toAbsolutePath().getParent();
      createPrivateDirectories(dir);
      Path tmp = dir.resolve("." + path.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      if (posix()) {
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(tmp);
      }
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new ClientException("VLN0655E", "Cannot write the client options file " + path + ": " + e);
    }
  }

  /** Creates {@code dir} and missing parents; those it creates get 0700. */
  public static void createPrivateDirectories(Path dir) throws IOException {
    if (dir == null || Files.isDirectory(dir)) {
      return;
    }
    createPrivateDirectories(dir.getParent());
    if (posix()) {
      Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectory(dir);
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private static Optional<Set<PosixFilePermission>> permissions(Path p) throws ClientException {
    if (!posix()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.getPosixFilePermissions(p));
    } catch (IOException e) {
      throw new ClientException("VLN0655E", "Cannot read the permissions of " + p + ": " + e.getMessage());
    }
  }
}
