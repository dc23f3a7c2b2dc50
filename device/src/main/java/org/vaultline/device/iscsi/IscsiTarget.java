package org.vaultline.device.iscsi;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * An iSCSI target (RFC 7143, ErrorRecoveryLevel 0, one connection per session) serving a map of LUN to
 * {@link ScsiTransport}: the emulated library's changer and drives, or any transport a test supplies. A LUN
 * is either one transport shared by every session ({@link Builder#lun(int, ScsiTransport)}) or a
 * {@link LunFactory} giving each session, that is each initiator port, its own transport
 * ({@link Builder#lun(int, LunFactory)}), so that the unit can keep unit attentions and PREVENT MEDIUM
 * REMOVAL per initiator.
 * Handles discovery and normal sessions, several at once, AuthMethod None or CHAP (one-way or mutual),
 * REPORT LUNS itself, NOP-In keepalive pings, task management, Reject of PDUs it cannot take, and logout.
 * Commands to one LUN run one at a time, in arrival order, as on a real device; different LUNs run in
 * parallel.
 */
public final class IscsiTarget implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(IscsiTarget.class.getName());

  final String targetName;
  final Map<Integer, LunFactory> luns;
  final Optional<ChapCredentials> chap;
  final Optional<ChapCredentials> mutualChap;
  final Duration nopInInterval;
  final Duration nopInTimeout;
  final PduObserver observer;
  final int maxRecvDataSegmentLength;
  final boolean initialR2T;
  final boolean immediateData;
  final int maxBurstLength;
  final int firstBurstLength;
  final boolean requireHeaderDigest;
  final boolean requireDataDigest;
  private final ServerSocket server;
  private final Map<Integer, ExecutorService> lunExecutors = new ConcurrentHashMap<>();
  private final Set<TargetConnection> connections = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService keepalive;
  private final AtomicInteger nextTsih = new AtomicInteger(1);
  final AtomicLong pingsAnswered = new AtomicLong();
  private final Thread acceptor;
  private volatile boolean closed;

  private IscsiTarget(Builder b) throws IOException {
    this.targetName = b.targetName;
    this.luns = Collections.unmodifiableMap(new TreeMap<>(b.luns));
    this.chap = b.chap;
    this.mutualChap = b.mutualChap;
    this.nopInInterval = b.nopInInterval;
    this.nopInTimeout = b.nopInTimeout;
    this.observer = b.observer;
    this.maxRecvDataSegmentLength = b.maxRecvDataSegmentLength;
    this.initialR2T = b.initialR2T;
    this.immediateData = b.immediateData;
    this.maxBurstLength = b.maxBurstLength;
    this.firstBurstLength = b.firstBurstLength;
    this.requireHeaderDigest = b.requireHeaderDigest;
    this.requireDataDigest = b.requireDataDigest;
    this.server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(b.address, b.port), 16);
    this.keepalive = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "iscsi target keepalive"));
    if (!nopInInterval.isZero()) {
      long ms = nopInInterval.toMillis();
      keepalive.scheduleWithFixedDelay(this::keepalive, ms, ms, TimeUnit.MILLISECONDS);
    }
    this.acceptor = daemon(this::accept, "iscsi target " + port() + " accept");
    acceptor.start();
  }

  public static Builder builder(String targetName) {
    return new Builder(targetName);
  }

  /** The TCP port listened on (useful with port 0). */
  public int port() {
    return server.getLocalPort();
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) server.getLocalSocketAddress();
  }

  public String targetName() {
    return targetName;
  }

  /** The URL of one of this target's LUNs, for initiators. */
  public IscsiUrl url(int lun) {
    return new IscsiUrl(address().getAddress().getHostAddress(), port(), targetName, lun);
  }

  /** Connections currently open (discovery and normal, in login or full feature phase). */
  public int connectionCount() {
    return connections.size();
  }

  /** NOP-In pings that initiators answered, over the target's life. */
  public long pingsAnswered() {
    return pingsAnswered.get();
  }

  int newTsih() {
    int t = nextTsih.getAndIncrement() & 0xffff;
    return t == 0 ? newTsih() : t;
  }

  ExecutorService executorFor(int lun) {
    return lunExecutors.computeIfAbsent(lun, l -> Executors.newSingleThreadExecutor(
        r -> daemon(r, "iscsi target LUN " + l)));
  }

  /** Session reinstatement (RFC 7143 6.3.5): a new login with the same initiator and ISID ends the old one. */
  void reinstate(TargetConnection fresh) {
    for (TargetConnection c : connections) {
      if (c != fresh && c.sameSession(fresh)) {
        c.drop("session reinstated by a new login");
      }
    }
  }

  void gone(TargetConnection c) {
    connections.remove(c);
  }

  private void accept() {
    while (!closed) {
      try {
        Socket s = server.accept();
        TargetConnection c = new TargetConnection(this, new PduConnection(s, observer));
        connections.add(c);
        daemon(c::run, "iscsi target connection " + s.getRemoteSocketAddress()).start();
      } catch (IOException e) {
        if (!closed) {
          LOG.log(Level.WARNING, "iSCSI target accept failed: {0}", e.getMessage());
        }
      }
    }
  }

  private void keepalive() {
    for (TargetConnection c : connections) {
      try {
        c.keepalive();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "keepalive: {0}", e.toString());
      }
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /**
   * Stops listening and drops every connection, which closes the transports {@link LunFactory}s made for
   * the sessions. Transports given to {@link Builder#lun(int, ScsiTransport)} are not closed: they belong
   * to the caller.
   */
  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (TargetConnection c : connections) {
      c.drop("target shut down");
    }
    keepalive.shutdownNow();
    lunExecutors.values().forEach(ExecutorService::shutdownNow);
  }

  /** Configures a target before it starts listening. */
  public static final class Builder {
    private final String targetName;
    private final Map<Integer, LunFactory> luns = new TreeMap<>();
    private Optional<ChapCredentials> chap = Optional.empty();
    private Optional<ChapCredentials> mutualChap = Optional.empty();
    private InetAddress address = InetAddress.getLoopbackAddress();
    private int port;
    private Duration nopInInterval = Duration.ofSeconds(30);
    private Duration nopInTimeout = Duration.ofSeconds(30);
    private PduObserver observer = PduObserver.NONE;
    private int maxRecvDataSegmentLength = 262144;
    private boolean initialR2T = true;
    private boolean immediateData = true;
    private int maxBurstLength = 262144;
    private int firstBurstLength = 65536;
    private boolean requireHeaderDigest;
    private boolean requireDataDigest;

    private Builder(String targetName) {
      this.targetName = targetName;
    }

    /** Serves {@code transport} as {@code lun} to every session; the target never closes it. */
    public Builder lun(int lun, ScsiTransport transport) {
      return lun(lun, LunFactory.shared(transport));
    }

    /**
     * Serves {@code lun} to each session through its own transport from {@code factory}, made on the
     * session's first command to the LUN and closed when the session ends.
     */
    public Builder lun(int lun, LunFactory factory) {
      if (lun < 0 || lun > 16383) {
        throw new IllegalArgumentException("LUN out of range 0..16383: " + lun);
      }
      if (factory == null) {
        throw new IllegalArgumentException("no factory for LUN " + lun);
      }
      luns.put(lun, factory);
      return this;
    }

    /** Requires initiators to log in with CHAP as {@code credentials}. */
    public Builder chap(ChapCredentials credentials) {
      this.chap = Optional.of(credentials);
      return this;
    }

    /** What the target proves when an initiator asks for mutual CHAP. */
    public Builder mutualChap(ChapCredentials credentials) {
      this.mutualChap = Optional.of(credentials);
      return this;
    }

    /** The address to listen on; loopback by default. */
    public Builder address(InetAddress a) {
      this.address = a;
      return this;
    }

    /** The port to listen on; 0 (the default) picks a free one. */
    public Builder port(int p) {
      this.port = p;
      return this;
    }

    /** How often to ping an idle initiator, and how long it has to answer; zero interval disables. */
    public Builder keepalive(Duration interval, Duration timeout) {
      this.nopInInterval = interval;
      this.nopInTimeout = timeout;
      return this;
    }

    public Builder observer(PduObserver o) {
      this.observer = o;
      return this;
    }

    /** What the target accepts for write data (RFC 7143 13.10..13.14). */
    public Builder writeData(boolean initialR2t, boolean immediate, int firstBurst, int maxBurst) {
      this.initialR2T = initialR2t;
      this.immediateData = immediate;
      this.firstBurstLength = firstBurst;
      this.maxBurstLength = maxBurst;
      return this;
    }

    /**
     * Accepts only CRC32C for HeaderDigest and/or DataDigest. Otherwise the target accepts CRC32C and None
     * and, as RFC 7143 6.2.1 says, takes the first the initiator lists.
     */
    public Builder requireDigests(boolean header, boolean data) {
      this.requireHeaderDigest = header;
      this.requireDataDigest = data;
      return this;
    }

    /** The MaxRecvDataSegmentLength the target declares. */
    public Builder maxRecvDataSegmentLength(int n) {
      this.maxRecvDataSegmentLength = n;
      return this;
    }

    public IscsiTarget start() throws IOException {
      if (mutualChap.isPresent() && chap.isEmpty()) {
        throw new IllegalStateException("mutual CHAP needs CHAP for the initiator first");
      }
      return new IscsiTarget(this);
    }
  }
}
