package org.vaultline.library.events;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Properties;
import org.tinylog.Logger;

/**
 * The broker the appliance starts when none is configured, so that events can be watched on a fresh
 * machine: moquette (MQTT 3.1.1 and 5) on the loopback interface only, anonymous access, telemetry off
 * (moquette otherwise reports home). Its SLF4J logging goes to tinylog through {@code slf4j-tinylog}.
 * Production points the publisher at a real broker; this one is not hardened.
 */
public final class EmbeddedBroker implements AutoCloseable {
  private static final String VERSION = "0.18.3";

  private final Server server;
  private final URI uri;

  private EmbeddedBroker(Server server, URI uri) {
    this.server = server;
    this.uri = uri;
  }

  /**
   * Starts the broker on {@code 127.0.0.1:port}, keeping everything in memory. The publisher publishes
   * its retained topics again whenever it connects, so a restarted embedded broker is complete again at
   * once. (moquette's H2 persistence is not used: with it, moquette 0.18.3 often closed a connection whose
   * SUBSCRIBE came right after the CONNACK — "SUBSCRIBE received on already closed connection", moquette
   * issue 821.)
   *
   * @param port the TCP port, or 0 for a free one
   * @throws IOException when the port cannot be bound
   */
  public static EmbeddedBroker start(int port) throws IOException {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port is 0..65535: " + port);
    }
    int actual = port == 0 ? freePort() : port;
    Properties p = new Properties();
    p.setProperty(IConfig.HOST_PROPERTY_NAME, "127.0.0.1");
    p.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(actual));
    p.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
    p.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
    p.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
    // moquette's default data path is "data/" under the working directory; never write there.
    p.setProperty(IConfig.DATA_PATH_PROPERTY_NAME, System.getProperty("java.io.tmpdir"));
    p.setProperty(IConfig.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(1 << 20));
    Server server = new Server();
    URI uri = URI.create("tcp://127.0.0.1:" + actual);
    try {
      server.startServer(new MemoryConfig(p));
    } catch (IOException | RuntimeException e) {
      Logger.error(EventMessages.EMBEDDED_FAILED.format(uri, e.getMessage()).render());
      try {
        server.stopServer();
      } catch (RuntimeException ignored) {
        // it did not start
      }
      throw e instanceof IOException ? (IOException) e : new IOException(e.getMessage(), e);
    }
    Logger.info(EventMessages.EMBEDDED_STARTED.format(VERSION, uri).render());
    return new EmbeddedBroker(server, uri);
  }

  /** {@code tcp://127.0.0.1:<port>}, for {@link MqttSettings#brokers()}. */
  public URI uri() {
    return uri;
  }

  @Override
  public void close() {
    server.stopServer();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return s.getLocalPort();
    }
  }
}
