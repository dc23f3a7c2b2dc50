package org.vaultline.scsi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.vaultline.scsi.bytes.Bytes;

/**
 * Reads the captured responses in {@code src/test/resources/vectors/} (sg3_utils "inhex" form, each with
 * its provenance header as a comment) with the main-code parser, {@link org.vaultline.scsi.bytes.Inhex}.
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
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      try {
        return parse(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(path + " " + e.getMessage(), e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading test resource " + path, e);
    }
  }

  /** The bytes written in {@code text} in inhex form. */
  public static Bytes parse(String text) {
    return org.vaultline.scsi.bytes.Inhex.parse(text);
  }
}
