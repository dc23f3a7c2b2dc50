package org.vaultline.scsi.bytes;

/**
 * The sg3_utils "inhex" text form of bytes: hex pairs separated by whitespace (or commas), {@code #}
 * to the end of a line is a comment, blank lines are ignored. Captured device responses are kept in this
 * form (with a provenance header in comments) and {@code vaultline decode --inhex} reads it.
 */
public final class Inhex {
  private Inhex() {
  }

  /**
   * Parses inhex text.
   *
   * @throws IllegalArgumentException naming the line and the token that is not a hex byte
   */
  public static Bytes parse(String text) {
    BigEndianWriter w = new BigEndianWriter(Math.max(16, text.length() / 3));
    String[] lines = text.split("\r\n|\r|\n", -1); // Windows, old Mac and Unix line ends
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
        String t = token.startsWith("0x") || token.startsWith("0X") ? token.substring(2) : token;
        // a run of hex digits without spaces ("0183002602") is also accepted, two digits a byte
        if (t.length() % 2 != 0 || !t.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
          throw new IllegalArgumentException("line " + (n + 1) + ": \"" + token + "\" is not hex bytes");
        }
        for (int i = 0; i < t.length(); i += 2) {
          w.u8(Integer.parseInt(t.substring(i, i + 2), 16));
        }
      }
    }
    return w.toBytes();
  }

  /** True when {@code data} looks like inhex text rather than raw binary. */
  public static boolean looksLikeInhex(byte[] data) {
    boolean inComment = false;
    for (byte b : data) {
      char c = (char) (b & 0xff);
      if (c == '\n') {
        inComment = false;
      } else if (c == '#') {
        inComment = true;
      } else if (!inComment && !(Character.digit(c, 16) >= 0 || Character.isWhitespace(c) || c == ',' || c == 'x'
          || c == 'X')) {
        return false;
      }
    }
    return data.length > 0;
  }
}
