package org.vaultline.library.store;

import java.util.Objects;

/**
 * A catalogued message: its stable {@link MessageId} and a text with numbered placeholders
 * ({@code "Volume {0} checked into library {1}."}). Placeholders are plain positional substitution, not
 * {@link java.text.MessageFormat}: no quoting rules, no locale formatting of numbers (a process number is
 * printed {@code 1234}, not {@code 1,234}).
 */
public record MessageTemplate(MessageId id, String text) {
  public MessageTemplate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    placeholders(text);
  }

  /** The template for {@code id} ({@code "VLN0110I"}) and {@code text}. */
  public static MessageTemplate of(String id, String text) {
    return new MessageTemplate(MessageId.parse(id), text);
  }

  /** How many arguments {@link #format} takes: the placeholders are {0} .. {n-1}, each used at least once. */
  public int arity() {
    return placeholders(text);
  }

  /**
   * The message with {@code {i}} replaced by {@code String.valueOf(args[i])}.
   *
   * @throws IllegalArgumentException when the number of arguments is not {@link #arity()}
   */
  public Message format(Object... args) {
    int arity = arity();
    if (args.length != arity) {
      throw new IllegalArgumentException(id + " takes " + arity + " arguments, not " + args.length);
    }
    StringBuilder out = new StringBuilder(text.length() + 32);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int close = c == '{' ? text.indexOf('}', i) : -1;
      if (close > i + 1 && isDigits(text, i + 1, close)) {
        out.append(args[Integer.parseInt(text.substring(i + 1, close))]);
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return new Message(id, out.toString());
  }

  private static int placeholders(String text) {
    java.util.BitSet used = new java.util.BitSet();
    int i = 0;
    while ((i = text.indexOf('{', i)) >= 0) {
      int close = text.indexOf('}', i);
      if (close > i + 1 && isDigits(text, i + 1, close)) {
        used.set(Integer.parseInt(text.substring(i + 1, close)));
        i = close + 1;
      } else {
        i++;
      }
    }
    if (used.cardinality() != used.length()) {
      throw new IllegalArgumentException("placeholders must be {0}..{n-1} without gaps: \"" + text + "\"");
    }
    return used.length();
  }

  private static boolean isDigits(String s, int from, int to) {
    if (to - from > 2) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return id + " " + text;
  }
}
