package org.vaultline.device.iscsi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vaultline.scsi.bytes.Bytes;

/**
 * The key=value text of Login and Text PDUs (RFC 7143 6.1): UTF-8 pairs, each ended by a NUL byte, kept
 * in order because a key may repeat (TargetName/TargetAddress groups in a SendTargets answer).
 */
public record TextParameters(List<Pair> pairs) {
  public static final TextParameters EMPTY = new TextParameters(List.of());

  /** One key=value pair. */
  public record Pair(String key, String value) {
    @Override
    public String toString() {
      return key + "=" + value;
    }
  }

  public TextParameters {
    pairs = List.copyOf(pairs);
  }

  public static TextParameters of(String... keyValues) {
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values come in pairs");
    }
    List<Pair> p = new ArrayList<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      p.add(new Pair(keyValues[i], keyValues[i + 1]));
    }
    return new TextParameters(p);
  }

  /** This text with {@code key=value} appended. */
  public TextParameters with(String key, String value) {
    List<Pair> p = new ArrayList<>(pairs);
    p.add(new Pair(key, value));
    return new TextParameters(p);
  }

  /** This text followed by {@code other}'s pairs. */
  public TextParameters and(TextParameters other) {
    List<Pair> p = new ArrayList<>(pairs);
    p.addAll(other.pairs);
    return new TextParameters(p);
  }

  /** The value of the first pair with {@code key}. */
  public Optional<String> get(String key) {
    for (Pair p : pairs) {
      if (p.key.equals(key)) {
        return Optional.of(p.value);
      }
    }
    return Optional.empty();
  }

  /** All values of {@code key}, in order. */
  public List<String> getAll(String key) {
    List<String> v = new ArrayList<>();
    for (Pair p : pairs) {
      if (p.key.equals(key)) {
        v.add(p.value);
      }
    }
    return v;
  }

  public boolean isEmpty() {
    return pairs.isEmpty();
  }

  public Bytes encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Pair p : pairs) {
      out.writeBytes((p.key + "=" + p.value).getBytes(StandardCharsets.UTF_8));
      out.write(0);
    }
    return Bytes.of(out.toByteArray());
  }

  /**
   * Parses NUL-terminated pairs. Empty strings between NULs (padding some targets leave) are skipped, and
   * a last pair without its NUL is accepted; a string without '=' or with an empty key is an error.
   */
  public static TextParameters parse(Bytes text) throws MalformedPduException {
    List<Pair> p = new ArrayList<>();
    byte[] b = text.toByteArray();
    int from = 0;
    for (int i = 0; i <= b.length; i++) {
      if (i == b.length || b[i] == 0) {
        if (i > from) {
          String s = new String(b, from, i - from, StandardCharsets.UTF_8);
          int eq = s.indexOf('=');
          if (eq <= 0) {
            throw new MalformedPduException("text at byte " + from + " is not key=value: \"" + printable(s) + "\"");
          }
          p.add(new Pair(s.substring(0, eq), s.substring(eq + 1)));
        }
        from = i + 1;
      }
    }
    return new TextParameters(p);
  }

  private static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      sb.append(c >= 0x20 && c < 0x7f ? c : '?');
      if (sb.length() > 64) {
        sb.append("...");
        break;
      }
    }
    return sb.toString();
  }

  /** Pairs as {@code key=value} separated by spaces (no secret ever travels in the text, only CHAP hashes). */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Pair p : pairs) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(p.key).append('=').append(p.value);
    }
    return sb.toString();
  }
}
