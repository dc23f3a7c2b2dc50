package org.vaultline.library.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tokenizer for TSM command lines, and the quoting that writes them back.
 *
 * <p>A line is a sequence of blank-separated tokens. A token is either positional ({@code DRMEDIA}, a volume name,
 * a quoted string) or {@code KEY=VALUE}, where KEY is letters only and blanks around {@code =} are allowed. A value
 * or positional token may be quoted with {@code "} or {@code '} to hold blanks; inside, the same quote doubled
 * stands for itself. Unquoted tokens are kept as typed; the parser upper-cases those TSM upper-cases (names).
 *
 * <p>Shared by every TSM-style command parser (DRM, library control), so that quoting and {@code KEY=VALUE} rules are
 * the same everywhere.
 */
public final class CommandTokens {
  private CommandTokens() {}

  /**
   * One token.
   *
   * @param key the keyword as typed, empty for a positional token
   * @param quoted true when the value was in quotes (its case is then kept, and it may be empty)
   * @param column where the token starts, 1-based, for messages
   */
  public record Token(Optional<String> key, String value, boolean quoted, int column) {
    public Token {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }

    /** The value as TSM keeps it for names: upper-cased unless quoted. */
    public String name() {
      return quoted ? value : value.toUpperCase(java.util.Locale.ROOT);
    }

    /** How the token was typed, near enough for a message. */
    public String typed() {
      String v = quoted ? "\"" + value + "\"" : value;
      return key.map(k -> k + "=" + v).orElse(v);
    }
  }

  /** Thrown for an unterminated quote. */
  public static final class UnterminatedQuote extends Exception {
    private static final long serialVersionUID = 1L;
    private final int column;

    UnterminatedQuote(int column) {
      super("unterminated quote at column " + column);
      this.column = column;
    }

    /** Where the quote starts, 1-based. */
    public int column() {
      return column;
    }
  }

  public static List<Token> tokenize(String line) throws UnterminatedQuote {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (true) {
      while (i < n && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (i >= n) {
        return out;
      }
      int start = i;
      char c = line.charAt(i);
      if (c == '"' || c == '\'') {
        StringBuilder v = new StringBuilder();
        i = quoted(line, i, v);
        out.add(new Token(Optional.empty(), v.toString(), true, start + 1));
        continue;
      }
      int j = i;
      while (j < n && Character.isLetter(line.charAt(j))) {
        j++;
      }
      int k = j;
      while (k < n && Character.isWhitespace(line.charAt(k))) {
        k++;
      }
      if (j > i && k < n && line.charAt(k) == '=') {
        String key = line.substring(i, j);
        i = k + 1;
        while (i < n && Character.isWhitespace(line.charAt(i))) {
          i++;
        }
        if (i < n && (line.charAt(i) == '"' || line.charAt(i) == '\'')) {
          StringBuilder v = new StringBuilder();
          i = quoted(line, i, v);
          out.add(new Token(Optional.of(key), v.toString(), true, start + 1));
        } else {
          int e = i;
          while (e < n && !Character.isWhitespace(line.charAt(e))) {
            e++;
          }
          out.add(new Token(Optional.of(key), line.substring(i, e), false, start + 1));
          i = e;
        }
        continue;
      }
      int e = i;
      while (e < n && !Character.isWhitespace(line.charAt(e))) {
        e++;
      }
      out.add(new Token(Optional.empty(), line.substring(i, e), false, start + 1));
      i = e;
    }
  }

  /** Reads a quoted string starting at {@code i} into {@code v}; returns the index after the closing quote. */
  private static int quoted(String line, int i, StringBuilder v) throws UnterminatedQuote {
    char q = line.charAt(i);
    int j = i + 1;
    while (j < line.length()) {
      char c = line.charAt(j);
      if (c == q) {
        if (j + 1 < line.length() && line.charAt(j + 1) == q) {
          v.append(q);
          j += 2;
          continue;
        }
        return j + 1;
      }
      v.append(c);
      j++;
    }
    throw new UnterminatedQuote(i + 1);
  }

  /** Always quoted: {@code "a ""b"""}. */
  public static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  /** Quoted when the tokenizer or the parser's upper-casing would change it. */
  public static String quoteIfNeeded(String s) {
    if (s.isEmpty()) {
      return quote(s);
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '=' || c == ',' || Character.isLowerCase(c)) {
        return quote(s);
      }
    }
    return s;
  }

  /** A pool list: {@code A,B}; {@code ""} when empty. */
  public static String list(List<String> items) {
    return items.isEmpty() ? "\"\"" : String.join(",", items);
  }
}
