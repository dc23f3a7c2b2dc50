package org.vaultline.appliance.options;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The options of {@code vaultlined.opt}, one line each: {@code NAME value}. Names are case-insensitive. This enum is
 * the single definition: the parser, the reference document ({@link OptionsReference}) and the default options
 * file shipped in the Debian package all come from it.
 */
public enum Option {
  DATADIRECTORY("path", "/var/lib/vaultline",
      "Directory of the store (the SQLite database) and of the daemon's working files. Must be writable by the "
          + "vaultline user.") {
    @Override
    void apply(Options.Builder b, String v) {
      b.dataDirectory = absolutePath(v);
    }
  },
  APPLIANCENAME("name", "VAULTLINE",
      "Name of this appliance: 1 to 64 letters, digits, '.', '-' or '_', kept in upper case. It appears in "
          + "MQTT topics, console banners and the activity log.") {
    @Override
    void apply(Options.Builder b, String v) {
      if (!NAME.matcher(v).matches()) {
        throw new IllegalArgumentException("a name is 1 to 64 letters, digits, '.', '-' or '_'");
      }
      b.applianceName = v.toUpperCase(Locale.ROOT);
    }
  },
  ADMINADDRESS("address", "127.0.0.1",
      "Address the administrative API listens on: an IP address or a host name. The default, loopback, keeps the "
          + "API on the appliance; use 0.0.0.0 or :: only with ADMINKEYSTORE set.") {
    @Override
    void apply(Options.Builder b, String v) {
      if (!HOST.matcher(v).matches()) {
        throw new IllegalArgumentException("an address is an IP address or a host name");
      }
      b.adminAddress = v;
    }
  },
  ADMINPORT("port", "1580",
      "TCP port of the administrative API (1 to 65535), or 0 for a free port. The daemon writes the URL it "
          + "listens on to admin.url in DATADIRECTORY either way.") {
    @Override
    void apply(Options.Builder b, String v) {
      b.adminPort = integer(v, 0, 65535);
    }
  },
  ADMINKEYSTORE("path", "(none: plain HTTP)",
      "PKCS#12 keystore holding the certificate and key of the administrative API. When set, the API speaks "
          + "HTTPS only.") {
    @Override
    void apply(Options.Builder b, String v) {
      b.adminKeystore = Optional.of(absolutePath(v));
    }
  },
  ADMINKEYSTOREPASSWORDFILE("path", "(none: empty password)",
      "File whose first line is the password of ADMINKEYSTORE; readable by the vaultline user only.") {
    @Override
    void apply(Options.Builder b, String v) {
      b.adminKeystorePasswordFile = Optional.of(absolutePath(v));
    }
  },
  MQTTBROKER("uri[,uri...]", "(none: the embedded broker on loopback)",
      "MQTT broker to publish events to: tcp://host:port, ssl://host:port, ws://... or wss://...; several "
          + "URIs (comma-separated or on several MQTTBROKER lines) are tried in order. Without any, the daemon "
          + "runs an embedded broker on 127.0.0.1:1883.", true) {
    @Override
    void apply(Options.Builder b, String v) {
      for (String part : v.split(",", -1)) {
        b.mqttBrokers.add(brokerUri(part.trim()));
      }
    }
  },
  MQTTEMBEDDEDPORT("port", "1883",
      "TCP port of the embedded MQTT broker on 127.0.0.1, used when no MQTTBROKER is set (1 to 65535), or 0 for a "
          + "free port; the administrative API's status names the broker in use.") {
    @Override
    void apply(Options.Builder b, String v) {
      b.mqttEmbeddedPort = integer(v, 0, 65535);
    }
  },
  MQTTROOTTOPIC("topic", "vaultline",
      "First level(s) of every topic the daemon publishes (e.g. site/dc1/vaultline). No wildcards, no empty "
          + "levels, no leading '$'.") {
    @Override
    void apply(Options.Builder b, String v) {
      if (v.startsWith("$") || v.startsWith("/") || v.endsWith("/") || v.contains("//") || v.contains("+")
          || v.contains("#") || v.contains("\u0000")) {
        throw new IllegalArgumentException("a root topic has no wildcards, no empty levels and no leading '$'");
      }
      b.mqttRootTopic = v;
    }
  },
  MQTTUSERNAME("name", "(none: anonymous)", "User name presented to the MQTT broker.") {
    @Override
    void apply(Options.Builder b, String v) {
      b.mqttUsername = Optional.of(v);
    }
  },
  MQTTPASSWORDFILE("path", "(none)",
      "File whose first line is the MQTT password; requires MQTTUSERNAME. Readable by the vaultline user "
          + "only.") {
    @Override
    void apply(Options.Builder b, String v) {
      b.mqttPasswordFile = Optional.of(absolutePath(v));
    }
  },
  MQTTTLS("YES|NO", "NO", "YES: connect to the broker with TLS; the broker URIs are then ssl:// or wss://.") {
    @Override
    void apply(Options.Builder b, String v) {
      b.mqttTls = yesNo(v);
    }
  },
  MQTTTRUSTSTORE("path", "(none: the JDK's trusted CAs)",
      "PEM file with the CA certificate(s) the broker's certificate is checked against (MQTTTLS YES).") {
    @Override
    void apply(Options.Builder b, String v) {
      b.mqttTruststore = Optional.of(absolutePath(v));
    }
  },
  MQTTVERSION("5|3.1.1", "5", "MQTT protocol version spoken to the broker.") {
    @Override
    void apply(Options.Builder b, String v) {
      b.mqttVersion = MqttVersion.parse(v);
    }
  },
  SERIALCONSOLE("device", "(none: no serial console)",
      "Serial device on which the administrative console is served with a login prompt, e.g. /dev/ttyS0 or "
          + "/dev/ttyUSB0 (8 data bits, no parity, 1 stop bit).") {
    @Override
    void apply(Options.Builder b, String v) {
      b.serialConsole = Optional.of(absolutePath(v));
    }
  },
  SERIALSPEED("bits/s", "115200", "Speed of the serial console: 9600, 19200, 38400, 57600, 115200 or 230400.") {
    @Override
    void apply(Options.Builder b, String v) {
      int speed = integer(v, 1, Integer.MAX_VALUE);
      if (!SPEEDS.contains(speed)) {
        throw new IllegalArgumentException("the speed is one of 9600, 19200, 38400, 57600, 115200, 230400");
      }
      b.serialSpeed = speed;
    }
  },
  TIMEZONE("zone", "(the system's time zone)",
      "Time zone of the server's dates and times: QUERY ACTLOG, schedule start times, dates in tape labels. A "
          + "region name such as Europe/Berlin or America/New_York, or UTC.") {
    @Override
    void apply(Options.Builder b, String v) {
      try {
        b.timeZone = java.util.Optional.of(java.time.ZoneId.of(v));
      } catch (java.time.DateTimeException e) {
        throw new IllegalArgumentException("not a time zone; use a region name such as Europe/Berlin, or UTC");
      }
    }
  },
  LOGDIRECTORY("path", "/var/log/vaultline", "Directory of the daemon's rolling log files.") {
    @Override
    void apply(Options.Builder b, String v) {
      b.logDirectory = absolutePath(v);
    }
  },
  LOGMAXSIZE("size", "10M",
      "Size after which a log file is rolled: a number of bytes, or with K, M or G (1024-based); at least 64K.") {
    @Override
    void apply(Options.Builder b, String v) {
      b.logMaxSize = size(v);
    }
  },
  LOGFILES("count", "10", "Number of rolled log files kept besides the current one (1 to 1000).") {
    @Override
    void apply(Options.Builder b, String v) {
      b.logFiles = integer(v, 1, 1000);
    }
  };

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern HOST =
      Pattern.compile("[0-9A-Za-z.-]{1,253}|\\[?[0-9A-Fa-f:.]{2,45}(%[0-9A-Za-z]+)?]?");
  private static final Pattern SIZE = Pattern.compile("([0-9]{1,12})([KMG]?)", Pattern.CASE_INSENSITIVE);
  private static final Set<Integer> SPEEDS = Set.of(9600, 19200, 38400, 57600, 115200, 230400);

  private final String syntax;
  private final String defaultText;
  private final String description;
  private final boolean repeatable;

  Option(String syntax, String defaultText, String description) {
    this(syntax, defaultText, description, false);
  }

  Option(String syntax, String defaultText, String description, boolean repeatable) {
    this.syntax = syntax;
    this.defaultText = defaultText;
    this.description = description;
    this.repeatable = repeatable;
  }

  /** What the value looks like, e.g. {@code path} or {@code YES|NO}. */
  public String syntax() {
    return syntax;
  }

  /** The default as an operator reads it. */
  public String defaultText() {
    return defaultText;
  }

  public String description() {
    return description;
  }

  /** True for options that may appear on several lines, the values adding up. */
  public boolean repeatable() {
    return repeatable;
  }

  /** The option named {@code name}, in any case. */
  public static Optional<Option> named(String name) {
    for (Option o : values()) {
      if (o.name().equalsIgnoreCase(name)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  /** Sets the value; IllegalArgumentException with an operator's explanation when the value is wrong. */
  abstract void apply(Options.Builder b, String value);

  static Path absolutePath(String v) {
    Path p;
    try {
      p = Path.of(v);
    } catch (java.nio.file.InvalidPathException e) {
      throw new IllegalArgumentException("not a path");
    }
    if (!p.isAbsolute()) {
      throw new IllegalArgumentException("the path must be absolute (start with /)");
    }
    return p.normalize();
  }

  static int integer(String v, int min, int max) {
    long n;
    try {
      n = Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number");
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException("the value is " + min + " to " + max);
    }
    return (int) n;
  }

  static boolean yesNo(String v) {
    if (v.equalsIgnoreCase("YES")) {
      return true;
    }
    if (v.equalsIgnoreCase("NO")) {
      return false;
    }
    throw new IllegalArgumentException("the value is YES or NO");
  }

  static long size(String v) {
    var m = SIZE.matcher(v);
    if (!m.matches()) {
      throw new IllegalArgumentException("a size is a number, optionally followed by K, M or G");
    }
    long n = Long.parseLong(m.group(1));
    long unit = switch (m.group(2).toUpperCase(Locale.ROOT)) {
      case "K" -> 1024L;
      case "M" -> 1024L * 1024;
      case "G" -> 1024L * 1024 * 1024;
      default -> 1L;
    };
    if (n > Long.MAX_VALUE / unit || n * unit < 64 * 1024) {
      throw new IllegalArgumentException("a log file is at least 64K");
    }
    return n * unit;
  }

  static URI brokerUri(String v) {
    URI u;
    try {
      u = new URI(v);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URI: " + e.getReason());
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!Set.of("tcp", "ssl", "ws", "wss").contains(scheme)) {
      throw new IllegalArgumentException("a broker URI starts with tcp://, ssl://, ws:// or wss://");
    }
    if (u.getHost() == null || u.getHost().isEmpty()) {
      throw new IllegalArgumentException("a broker URI names a host, e.g. tcp://broker.example:1883");
    }
    return u;
  }
}
