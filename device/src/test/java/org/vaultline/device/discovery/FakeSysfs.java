package org.vaultline.device.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.vaultline.scsi.bytes.Bytes;

/**
 * Builds a fake sysfs tree (directories, attribute files, relative symlinks) in a directory from a
 * description in test resources; the format is explained at the top of {@code ts3100-two-drives.sysfs}.
 * Symlinks cannot live in test resources (Maven copies their targets), hence the description.
 */
final class FakeSysfs {
  private FakeSysfs() {
  }

  static Path build(String resource, Path root) throws IOException {
    String text;
    try (InputStream in = FakeSysfs.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing test resource " + resource);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, String> vars = new HashMap<>();
    int lineNo = 0;
    for (String raw : text.split("\n")) {
      lineNo++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+", 3);
      String verb = parts[0];
      String path = substitute(parts[1], vars);
      String rest = parts.length > 2 ? substitute(parts[2], vars) : "";
      switch (verb) {
        case "let" -> vars.put(parts[1], rest);
        case "dir" -> Files.createDirectories(root.resolve(path));
        case "file" -> write(root.resolve(path), unquote(rest).concat("\n").getBytes(StandardCharsets.ISO_8859_1));
        case "hex" -> write(root.resolve(path), Bytes.fromHex(rest).toByteArray());
        case "link" -> {
          Path link = root.resolve(path);
          Files.createDirectories(link.getParent());
          Files.createSymbolicLink(link, Path.of(rest));
        }
        default -> throw new IOException(resource + ":" + lineNo + ": unknown verb " + verb);
      }
    }
    return root;
  }

  private static void write(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, content);
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  private static String substitute(String s, Map<String, String> vars) {
    String out = s;
    // longest names first, so that $D0 is not read as $D followed by 0
    for (String name : vars.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList()) {
      out = out.replace("$" + name, vars.get(name));
    }
    return out;
  }
}
