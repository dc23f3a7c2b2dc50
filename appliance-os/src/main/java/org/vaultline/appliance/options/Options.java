package org.vaultline.appliance.options;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The daemon's settings, read from {@code vaultlined.opt} (see {@link OptionsFile}; every field is one
 * {@link Option}, documented there). Libraries, drives and paths are not options: they are defined in the store
 * with DEFINE LIBRARY/DRIVE/PATH.
 *
 * @param adminAddress the address the admin API listens on: an IP literal or a host name
 * @param adminKeystore a PKCS#12 keystore; present = the admin API speaks HTTPS
 * @param mqttBrokers broker URIs tried in order; empty = the embedded broker on loopback
 * @param serialConsole the serial device of the console; empty = no serial console
 * @param mqttEmbeddedPort the embedded broker's port (0 = a free one), used when {@code mqttBrokers} is empty
 * @param timeZone the server's time zone; empty = the system's
 * @param logMaxSize bytes after which a log file is rolled
 */
public record Options(Path dataDirectory, String applianceName, String adminAddress, int adminPort,
    Optional<Path> adminKeystore, Optional<Path> adminKeystorePasswordFile, List<URI> mqttBrokers,
    String mqttRootTopic, Optional<String> mqttUsername, Optional<Path> mqttPasswordFile, boolean mqttTls,
    Optional<Path> mqttTruststore, MqttVersion mqttVersion, int mqttEmbeddedPort, Optional<Path> serialConsole,
    int serialSpeed, Optional<java.time.ZoneId> timeZone, Path logDirectory, long logMaxSize, int logFiles) {

  public Options {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(applianceName, "applianceName");
    Objects.requireNonNull(adminAddress, "adminAddress");
    Objects.requireNonNull(adminKeystore, "adminKeystore");
    Objects.requireNonNull(adminKeystorePasswordFile, "adminKeystorePasswordFile");
    mqttBrokers = List.copyOf(mqttBrokers);
    Objects.requireNonNull(mqttRootTopic, "mqttRootTopic");
    Objects.requireNonNull(mqttUsername, "mqttUsername");
    Objects.requireNonNull(mqttPasswordFile, "mqttPasswordFile");
    Objects.requireNonNull(mqttTruststore, "mqttTruststore");
    Objects.requireNonNull(mqttVersion, "mqttVersion");
    Objects.requireNonNull(serialConsole, "serialConsole");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(logDirectory, "logDirectory");
  }

  /** Every option at its default: what an empty options file gives. */
  public static Options defaults() {
    return new Builder().build();
  }

  /** True when no broker is configured and the daemon runs its own on loopback. */
  public boolean embeddedBroker() {
    return mqttBrokers.isEmpty();
  }

  /** The server's time zone: TIMEZONE, or the system's. */
  public java.time.ZoneId zone() {
    return timeZone.orElseGet(java.time.ZoneId::systemDefault);
  }

  /** True when the admin API speaks HTTPS. */
  public boolean adminTls() {
    return adminKeystore.isPresent();
  }

  /** Collects option values while a file is read; starts at the defaults. */
  static final class Builder {
    Path dataDirectory = Path.of("/var/lib/vaultline");
    String applianceName = "VAULTLINE";
    String adminAddress = "127.0.0.1";
    int adminPort = 1580;
    Optional<Path> adminKeystore = Optional.empty();
    Optional<Path> adminKeystorePasswordFile = Optional.empty();
    final List<URI> mqttBrokers = new ArrayList<>();
    String mqttRootTopic = "vaultline";
    Optional<String> mqttUsername = Optional.empty();
    Optional<Path> mqttPasswordFile = Optional.empty();
    boolean mqttTls = false;
    Optional<Path> mqttTruststore = Optional.empty();
    MqttVersion mqttVersion = MqttVersion.V5;
    int mqttEmbeddedPort = 1883;
    Optional<Path> serialConsole = Optional.empty();
    int serialSpeed = 115200;
    Optional<java.time.ZoneId> timeZone = Optional.empty();
    Path logDirectory = Path.of("/var/log/vaultline");
    long logMaxSize = 10L * 1024 * 1024;
    int logFiles = 10;

    Options build() {
      return new Options(dataDirectory, applianceName, adminAddress, adminPort, adminKeystore,
          adminKeystorePasswordFile, mqttBrokers, mqttRootTopic, mqttUsername, mqttPasswordFile, mqttTls,
          mqttTruststore, mqttVersion, mqttEmbeddedPort, serialConsole, serialSpeed, timeZone, logDirectory,
          logMaxSize, logFiles);
    }
  }
}
