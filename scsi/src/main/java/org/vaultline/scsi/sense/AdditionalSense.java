package org.vaultline.scsi.sense;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The T10 ASC/ASCQ assignments (SPC-4 Annex D, T10's asc-num list), carried as data in
 * {@code asc-ascq.txt} beside this class. Lines are {@code AA QQ text}; {@code AA NN text} stands for a
 * range where the ASCQ is a parameter (e.g. {@code 40 NN Diagnostic failure on component NN (80h-FFh)}),
 * and the text's {@code NN} is replaced by the ASCQ in hex ({@code 85h}). A trailing {@code (XXh-YYh)}
 * limits a range to those ASCQs; without it the range covers 00h..FFh. An exact line wins over a range.
 */
public final class AdditionalSense {
  private static final Map<Integer, String> EXACT = new HashMap<>();
  private static final Map<Integer, Range> RANGES = new HashMap<>();
  /** A trailing "(80h-FFh)" on a range line: the ASCQs the range covers. */
  private static final Pattern BOUNDS =
      Pattern.compile("\\s*\\(([0-9A-Fa-f]{2})h-([0-9A-Fa-f]{2})h\\)$");

  /** An {@code AA NN} line: ASCQs {@code low..high} of one ASC, {@code NN} in the text standing for the ASCQ. */
  private record Range(int low, int high, String text) {}

  static {
    try (InputStream in = AdditionalSense.class.getResourceAsStream("asc-ascq.txt")) {
      if (in == null) {
        throw new IllegalStateException("asc-ascq.txt is missing from the scsi jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] p = line.trim().split("\\s+", 3);
        int asc = Integer.parseInt(p[0], 16);
        String text = p[2].trim();
        if (p[1].equalsIgnoreCase("NN")) {
          Matcher m = BOUNDS.matcher(text);
          if (m.find()) {
            RANGES.put(asc, new Range(Integer.parseInt(m.group(1), 16), Integer.parseInt(m.group(2), 16),
                text.substring(0, m.start())));
          } else {
            RANGES.put(asc, new Range(0x00, 0xff, text));
          }
        } else {
          EXACT.put(asc << 8 | Integer.parseInt(p[1], 16), text);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private AdditionalSense() {
  }

  /** The T10 text for this ASC/ASCQ, if T10 assigns one. */
  public static Optional<String> lookup(int asc, int ascq) {
    asc &= 0xff;
    ascq &= 0xff;
    String exact = EXACT.get(asc << 8 | ascq);
    if (exact != null) {
      return Optional.of(exact);
    }
    Range range = RANGES.get(asc);
    if (range != null && ascq >= range.low() && ascq <= range.high()) {
      return Optional.of(range.text().replace("NN", String.format("%02Xh", ascq)));
    }
    return Optional.empty();
  }

  /**
   * The T10 text, or what kind of unassigned code this is: ASC 80h..FFh and ASCQ 80h..FFh are vendor
   * specific; everything else unassigned is reserved. The raw codes are kept by the caller.
   */
  public static String describe(int asc, int ascq) {
    int a = asc & 0xff;
    int q = ascq & 0xff;
    return lookup(a, q).orElseGet(() -> {
      if (a >= 0x80) {
        return String.format("Vendor specific ASC %02Xh, ASCQ %02Xh", a, q);
      }
      if (q >= 0x80) {
        return String.format("Vendor specific ASCQ %02Xh for ASC %02Xh", q, a);
      }
      return String.format("Reserved ASC %02Xh, ASCQ %02Xh", a, q);
    });
  }

  /** Number of exact assignments and ranges in the table (for tests). */
  static int size() {
    return EXACT.size() + RANGES.size();
  }

  /** Number of ranges ({@code AA NN} lines) in the table (for tests). */
  static int rangeCount() {
    return RANGES.size();
  }
}
