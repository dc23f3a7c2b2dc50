package org.vaultline.appliance.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build-time only (run by exec-maven-plugin while packaging; picocli-codegen is a {@code provided} dependency and
 * not shipped): writes what the packages carry that comes from the command model.
 * <ul>
 *   <li>{@code adoc DIR}: one AsciiDoc man page per command (picocli-codegen's ManPageGenerator), which
 *       asciidoctor-maven-plugin then turns into roff;</li>
 *   <li>{@code completion FILE}: the bash completion script (picocli's AutoComplete);</li>
 *   <li>{@code gzip DIR}: compresses every {@code *.1} in DIR to {@code *.1.gz} (no time stamp, so builds repeat
 *       byte for byte), as Debian keeps man pages.</li>
 * </ul>
 */
public final class ManPages {
  private ManPages() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: ManPages adoc DIR | completion FILE | gzip DIR");
    }
    Path target = Path.of(args[1]);
    switch (args[0]) {
      case "adoc":
        Files.createDirectories(target);
        int rc = ManPageGenerator.generateManPage(target.toFile(), (File) null, new boolean[0], true,
            model().getCommandSpec());
        if (rc != 0) {
          throw new IOException("ManPageGenerator failed with exit code " + rc);
        }
        break;
      case "completion":
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.writeString(target, AutoComplete.bash("vaultline", model()), StandardCharsets.UTF_8);
        break;
      case "gzip":
        gzip(target);
        break;
      default:
        throw new IllegalArgumentException("unknown action " + args[0]);
    }
  }

  /** The command model as users get it, detached from any terminal or server. */
  static CommandLine model() {
    ClientSession session = new ClientSession(ClientSession.Environment.batch(Map.of(), Path.of("/nonexistent"),
        InputStream.nullInputStream()));
    PrintWriter sink = new PrintWriter(new StringWriter());
    CommandLine cl = VaultlineCli.commandLine(sink, sink, session);
    // One synopsis line per command: man fills it to the reader's width, and AsciiDoc markup is never cut in two.
    cl.setUsageHelpWidth(2000);
    return cl;
  }

  private static void gzip(Path dir) throws IOException {
    List<Path> pages;
    try (Stream<Path> s = Files.list(dir)) {
      pages = s.filter(p -> p.getFileName().toString().endsWith(".1")).sorted().toList();
    }
    if (pages.isEmpty()) {
      throw new IOException("no man pages (*.1) in " + dir);
    }
    for (Path p : pages) {
      Path gz = p.resolveSibling(p.getFileName() + ".gz");
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
        Files.copy(p, out);
      }
      Files.delete(p);
    }
  }
}
