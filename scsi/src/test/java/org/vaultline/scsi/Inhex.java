package org.vaultline.scsi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.vaultline.scsi.bytes.Bytes;

/**
 * Reads captured responses in sg3_utils "inhex" form: hex pairs separated by whitespace (a run of
 * pairs without spaces, such as {@code 0183002602}, is also accepted), {@code #} starting a comment
 * that runs to the end of the line, blank lines ignored. The provenance header of every vector in
 * {@code src/test/resources/vectors/} is such a comment.
 */
public final class Inhex {
  private Inhex() {}

  /**
   * The bytes of a test-classpath resource, e.g. {@code Inhex.resource("vectors/04_ibm_ultrium-td3_std_inquiry.hex")}.
   *
   * @throws IllegalArgumentException when the resource does not exist or is not inhex
   */
  public static Bytes resource(String name) {
    String path = name.startsWith("/") ? name.substring(1) : name;
    ClassLoader loader = Inhex.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource \"" + path + "\"");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), path);
    } catch (IOException e) {
      throw new UncheckedIOException("reading test resource " + path, e);
    }
  }

  /** The bytes written in {@code text} in inhex form. */
  public static Bytes parse(String text) {
    return parse(text, "inhex text");
  }

  private static Bytes parse(String text, String source) {
    StringBuilder hex = new StringBuilder();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n];
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash);
      }
      for (String token : line.trim().split("[\\s,]+")) {
        if (token.isEmpty()) {
          continue;
        }
        if (token.length() % 2 != 0 || !token.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
          throw new IllegalArgumentException(
              source + " line " + (n + 1) + ": \"" + token + "\" is not a run of hex pairs");
        }
        hex.append(token);
      }
    }
    return Bytes.of(HexFormat.of().parseHex(hex));
  }
}
