package org.vaultline.scsi;

import java.util.List;
import java.util.Random;
import org.opentest4j.AssertionFailedError;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * Checks that a parser is total: for every input it returns (a record, or {@code null} for
 * {@code Void}) or throws {@link MalformedResponseException}. Anything else thrown — an
 * {@code ArrayIndexOutOfBoundsException}, {@code NullPointerException}, {@code IllegalArgumentException},
 * an {@code Error} — fails the test with the input in hex so that it can be turned into a regression test.
 */
public final class Totality {
  private Totality() {}

  /** A parser under test; usually a method reference such as {@code Sense::parse}. */
  @FunctionalInterface
  public interface Parser {
    Object parse(Bytes b) throws MalformedResponseException;
  }

  /**
   * Feeds every prefix of {@code sample} (lengths 0 to {@code sample.size()}) to {@code p}.
   *
   * @return how many of the inputs parsed without {@link MalformedResponseException}
   */
  public static int everyTruncation(Bytes sample, Parser p) {
    int parsed = 0;
    for (int n = 0; n <= sample.size(); n++) {
      parsed += check(sample.prefix(n), p, "truncation to " + n + " bytes") ? 1 : 0;
    }
    return parsed;
  }

  /**
   * Feeds {@code count} inputs made from {@code seed} to {@code p}: about a quarter pure random bytes
   * of length 0..300, the rest mutations of {@code samples} (byte flips, random bytes, truncations,
   * extensions, and pokes of 00h/FFh/small values into the first bytes, where length fields live).
   *
   * @return how many of the inputs parsed without {@link MalformedResponseException}
   */
  public static int randomInputs(long seed, int count, List<Bytes> samples, Parser p) {
    Random random = new Random(seed);
    int parsed = 0;
    for (int i = 0; i < count; i++) {
      Bytes input = samples.isEmpty() || random.nextInt(4) == 0
          ? randomBytes(random, random.nextInt(301))
          : mutate(random, samples.get(random.nextInt(samples.size())));
      parsed += check(input, p, "random input " + i + " of seed " + seed) ? 1 : 0;
    }
    return parsed;
  }

  private static boolean check(Bytes input, Parser p, String what) {
    try {
      p.parse(input);
      return true;
    } catch (MalformedResponseException expected) {
      return false;
    } catch (Throwable t) {
      AssertionFailedError failure = new AssertionFailedError(
          "parser threw " + t + " instead of returning or throwing MalformedResponseException for "
              + what + " (" + input.size() + " bytes): " + input.hex());
      failure.initCause(t);
      throw failure;
    }
  }

  private static Bytes randomBytes(Random random, int length) {
    byte[] b = new byte[length];
    random.nextBytes(b);
    return Bytes.of(b);
  }

  private static Bytes mutate(Random random, Bytes sample) {
    byte[] b = sample.toByteArray();
    int mutations = 1 + random.nextInt(4);
    for (int m = 0; m < mutations; m++) {
      switch (random.nextInt(6)) {
        case 0 -> { // flip one bit
          if (b.length > 0) {
            b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
          }
        }
        case 1 -> { // replace one byte
          if (b.length > 0) {
            b[random.nextInt(b.length)] = (byte) random.nextInt(256);
          }
        }
        case 2 -> { // truncate
          b = java.util.Arrays.copyOf(b, b.length == 0 ? 0 : random.nextInt(b.length));
        }
        case 3 -> { // extend with random bytes
          int old = b.length;
          b = java.util.Arrays.copyOf(b, old + 1 + random.nextInt(64));
          for (int i = old; i < b.length; i++) {
            b[i] = (byte) random.nextInt(256);
          }
        }
        default -> { // poke a length-field-like value near the start
          if (b.length > 0) {
            int at = random.nextInt(Math.min(b.length, 16));
            int[] values = {0x00, 0xff, 0x7f, 0x80, 0x01, random.nextInt(16)};
            b[at] = (byte) values[random.nextInt(values.length)];
            if (at + 1 < b.length && random.nextBoolean()) {
              b[at + 1] = (byte) values[random.nextInt(values.length)];
            }
          }
        }
      }
    }
    return Bytes.of(b);
  }
}
