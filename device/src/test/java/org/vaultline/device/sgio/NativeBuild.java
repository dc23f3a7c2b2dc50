package org.vaultline.device.sgio;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Compiles the C sources of the tests with gcc into a temporary directory. */
final class NativeBuild {
  private NativeBuild() {
  }

  /** Skips the calling test where gcc or the sg header is missing (this machine has both). */
  static void assumeGcc() {
    assumeTrue(isLinux(), "needs Linux");
    assumeTrue(run(List.of("gcc", "--version"), Path.of(".")).exit == 0, "needs gcc");
  }

  static boolean isLinux() {
    return System.getProperty("os.name", "").startsWith("Linux");
  }

  /** Copies resource {@code name} (next to this class) into {@code dir} and compiles it. */
  static Path compile(String name, Path dir, boolean sharedLibrary) throws IOException {
    Path source = dir.resolve(name);
    try (InputStream in = NativeBuild.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing test resource " + name);
      }
      Files.copy(in, source);
    }
    String base = name.substring(0, name.lastIndexOf('.'));
    Path output = dir.resolve(sharedLibrary ? "lib" + base + ".so" : base);
    List<String> cmd = new ArrayList<>(List.of("gcc", "-Wall", "-Werror", "-O1"));
    if (sharedLibrary) {
      cmd.addAll(List.of("-fPIC", "-shared"));
    }
    cmd.addAll(List.of("-o", output.toString(), source.toString()));
    Result r = run(cmd, dir);
    if (r.exit != 0) {
      throw new IOException("gcc failed (" + r.exit + "): " + r.output);
    }
    return output;
  }

  record Result(int exit, String output) {
  }

  static Result run(List<String> command, Path dir) {
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "timed out: " + out);
      }
      return new Result(p.exitValue(), out);
    } catch (IOException e) {
      return new Result(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, e.toString());
    }
  }
}
