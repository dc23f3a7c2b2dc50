package org.vaultline.device.iscsi;

import java.util.Optional;

/**
 * An iSCSI logical unit address, {@code iscsi://[user[%password]@]host[:port]/target-iqn/lun}, in the form
 * libiscsi uses: the user name ends at the first '%' and the password at the last '@' before the path.
 * Port defaults to 3260; an IPv6 host is written in brackets. The password is never printed.
 */
public record IscsiUrl(String host, int port, String targetName, int lun, Optional<ChapCredentials> chap) {
  public static final int DEFAULT_PORT = 3260;

  public IscsiUrl {
    if (host.isEmpty()) {
      throw new IllegalArgumentException("no host");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (targetName.isEmpty()) {
      throw new IllegalArgumentException("no target name");
    }
    if (lun < 0 || lun > 16383) {
      throw new IllegalArgumentException("LUN out of range 0..16383: " + lun);
    }
  }

  public IscsiUrl(String host, int port, String targetName, int lun) {
    this(host, port, targetName, lun, Optional.empty());
  }

  /**
   * Parses {@code iscsi://host[:port]/iqn.../lun}.
   *
   * @throws IllegalArgumentException naming what is wrong with the text
   */
  public static IscsiUrl parse(String text) {
    if (!text.startsWith("iscsi://")) {
      throw new IllegalArgumentException("not an iscsi:// URL: " + text);
    }
    String rest = text.substring("iscsi://".length());
    Optional<ChapCredentials> chap = Optional.empty();
    int at = rest.lastIndexOf('@', rest.indexOf('/') < 0 ? rest.length() : rest.indexOf('/'));
    if (at >= 0) {
      String userInfo = rest.substring(0, at);
      rest = rest.substring(at + 1);
      int pct = userInfo.indexOf('%');
      if (pct < 0) {
        throw new IllegalArgumentException("user without password (user%password@) in " + redact(text));
      }
      chap = Optional.of(new ChapCredentials(userInfo.substring(0, pct), userInfo.substring(pct + 1)));
    }
    int slash = rest.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("no /target/lun in " + redact(text));
    }
    String authority = rest.substring(0, slash);
    String path = rest.substring(slash + 1);
    String host;
    int port = DEFAULT_PORT;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("unclosed [ in " + redact(text));
      }
      host = authority.substring(1, close);
      String after = authority.substring(close + 1);
      if (!after.isEmpty()) {
        if (!after.startsWith(":")) {
          throw new IllegalArgumentException("junk after ] in " + redact(text));
        }
        port = parsePort(after.substring(1), text);
      }
    } else {
      int colon = authority.lastIndexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      if (colon >= 0) {
        port = parsePort(authority.substring(colon + 1), text);
      }
    }
    int lunSlash = path.lastIndexOf('/');
    if (lunSlash <= 0) {
      throw new IllegalArgumentException("expected /target/lun in " + redact(text));
    }
    String target = path.substring(0, lunSlash);
    int lun;
    try {
      lun = Integer.parseInt(path.substring(lunSlash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("LUN is not a number in " + redact(text), e);
    }
    return new IscsiUrl(host, port, target, lun, chap);
  }

  private static int parsePort(String s, String text) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("port is not a number in " + redact(text), e);
    }
  }

  private static String redact(String text) {
    int start = text.startsWith("iscsi://") ? "iscsi://".length() : 0;
    int slash = text.indexOf('/', start);
    int at = text.lastIndexOf('@', slash < 0 ? text.length() : slash);
    int pct = text.indexOf('%', start);
    return at > 0 && pct > 0 && pct < at ? text.substring(0, pct) + "%***" + text.substring(at) : text;
  }

  /** The same logical unit number on the same target. */
  public IscsiUrl withLun(int otherLun) {
    return new IscsiUrl(host, port, targetName, otherLun, chap);
  }

  /** The portal, {@code host:port} ({@code [v6]:port} for IPv6). */
  public String portal() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return "iscsi://" + chap.map(c -> c.name() + "%***@").orElse("") + portal() + "/" + targetName + "/" + lun;
  }
}
