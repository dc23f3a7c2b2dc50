package org.vaultline.device.iscsi;

import java.util.List;

/**
 * One target from a SendTargets answer (RFC 7143 appendix C): its name and the portals it listed as
 * {@code TargetAddress=host:port,portal-group-tag}.
 */
public record DiscoveredTarget(String name, List<Portal> portals) {
  public DiscoveredTarget {
    portals = List.copyOf(portals);
  }

  /** A TargetAddress: where to connect, and the portal group tag. */
  public record Portal(String host, int port, int portalGroupTag) {
    /** Parses {@code 10.0.0.1:3260,1}, {@code [fe80::1]:3260,1} or a bare host. */
    public static Portal parse(String value) {
      int comma = value.lastIndexOf(',');
      String address = comma < 0 ? value : value.substring(0, comma);
      int tag = 1;
      if (comma >= 0) {
        try {
          tag = Integer.parseInt(value.substring(comma + 1).trim());
        } catch (NumberFormatException e) {
          tag = -1;
        }
      }
      String host = address;
      int port = IscsiUrl.DEFAULT_PORT;
      if (address.startsWith("[")) {
        int close = address.indexOf(']');
        host = close < 0 ? address.substring(1) : address.substring(1, close);
        if (close >= 0 && address.length() > close + 2 && address.charAt(close + 1) == ':') {
          port = parsePort(address.substring(close + 2));
        }
      } else if (address.indexOf(':') >= 0 && address.indexOf(':') == address.lastIndexOf(':')) {
        host = address.substring(0, address.indexOf(':'));
        port = parsePort(address.substring(address.indexOf(':') + 1));
      }
      return new Portal(host, port, tag);
    }

    private static int parsePort(String s) {
      try {
        return Integer.parseInt(s.trim());
      } catch (NumberFormatException e) {
        return IscsiUrl.DEFAULT_PORT;
      }
    }

    @Override
    public String toString() {
      return (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "," + portalGroupTag;
    }
  }
}
