package org.vaultline.library.events;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.tinylog.Logger;
import org.vaultline.library.store.OutboxEvent;

/**
 * Drains the transactional outbox to the MQTT broker: every event in seq order at QoS 1, marked
 * published once the broker acknowledged it (PUBACK) and every event before it. Nothing is dropped and
 * nothing is reordered; after a reconnection (broker restart, network loss, failover) every event not yet
 * acknowledged is sent again, so subscribers may see a seq twice and must ignore the repeat. After an
 * appliance crash the same happens from the outbox on disk.
 *
 * <p>On every connection the publisher sets its Last Will ({@code status} = offline), publishes
 * {@code status} = online and all retained state topics again (the broker may have lost them), then
 * continues with the oldest unacknowledged event. Brokers are tried primary first at every connection
 * ({@link BrokerConnector}); while on an alternate it checks every
 * {@link MqttSettings#failbackInterval()} whether the primary accepts connections again and moves back.
 *
 * <p>One thread ({@code vaultline-mqtt-publisher}) does the work; {@link #wake()} tells it that new
 * events were committed (otherwise it looks every {@link MqttSettings#pollInterval()}).
 */
public final class EventPublisher implements AutoCloseable {
  private final MqttSettings settings;
  private final OutboxSource outbox;
  private final Supplier<RetainedSnapshot> snapshot;
  private final Clock clock;
  private final WireFormat wire;
  private final Topics topics;
  private final BrokerConnector connector;
  private final RetainedState retained = new RetainedState();
  private final Instant started;

  /** Guards {@link #status} and {@link #markedSeq}; its condition wakes the publisher thread when idle. */
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private PublisherStatus status;
  private long markedSeq;

  // Written by other threads (Paho callbacks, wake, close), read by the publisher thread:
  private volatile int generation;
  private final AtomicReference<BrokerException> lostCause = new AtomicReference<>();
  private volatile boolean stopping;
  private volatile boolean reconnectRequested;
  private volatile boolean woken;
  /** The publisher thread is in (or about to enter) its idle wait: acknowledgements must signal it. */
  private volatile boolean idle;
  private volatile long acknowledgedSeq;

  // Publisher thread only:
  private Thread thread;
  /** One permit per message that may be unacknowledged on the current connection. */
  private Semaphore permits = new Semaphore(0);
  private final ArrayDeque<InFlight> inflight = new ArrayDeque<>();
  private long cursor;
  /** Read from the outbox, not yet sent: everything here has seq > cursor, in order. */
  private final ArrayDeque<OutboxEvent> prefetched = new ArrayDeque<>();
  private Instant lastMark = Instant.EPOCH;
  private Instant nextFailbackCheck = Instant.MAX;
  private String lastFailure;
  /** (System.nanoTime() when acknowledged, seq) of the latest acknowledged events, oldest first. */
  private final ArrayDeque<long[]> recentAcks = new ArrayDeque<>();
  /** Events (replayFrom .. replayUntil] to send again at the next connection; replayUntil 0 for none. */
  private long replayFrom;
  private long replayUntil;

  /** One QoS 1 message sent on connection {@code generation}, event {@code seq} or -1 for state topics. */
  private static final class InFlight {
    final int generation;
    final long seq;
    volatile boolean acknowledged;

    InFlight(int generation, long seq) {
      this.generation = generation;
      this.seq = seq;
    }
  }

  /** A planned end of the current connection: failback, {@link #reconnect()}, or stop. */
  private static final class Planned extends Exception {
    Planned(String why) {
      super(why, null, false, false);
    }
  }

  /**
   * @param snapshot the retained state to start from, read once before the first connection (see
   *     {@link RetainedSnapshot}); {@code () -> RetainedSnapshot.EMPTY} when there is none
   */
  public EventPublisher(MqttSettings settings, OutboxSource outbox, Supplier<RetainedSnapshot> snapshot) {
    this(settings, outbox, snapshot, Clock.systemUTC());
  }

  public EventPublisher(MqttSettings settings, OutboxSource outbox, Supplier<RetainedSnapshot> snapshot,
      Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (settings.brokers().isEmpty()) {
      throw new IllegalArgumentException("no MQTT broker configured (start an EmbeddedBroker and use its URI)");
    }
    this.wire = new WireFormat(settings);
    this.topics = settings.topics();
    this.connector = new BrokerConnector(settings, settings.clientId());
    this.started = clock.instant();
    this.status = new PublisherStatus(PublisherStatus.State.NEW, Optional.empty(), false, 0, 0, 0,
        Optional.empty());
  }

  /**
   * Connects to the first broker that accepts (primary first) and disconnects again: checks the
   * configuration, for a CLI or the admin API.
   *
   * @return the broker that accepted
   * @throws BrokerException when none did; a refused password is {@link BrokerException.Kind#REJECTED}
   *     with the broker's reason code and message {@code VLN0705E}
   */
  public static URI check(MqttSettings settings) throws BrokerException {
    BrokerSession s = new BrokerConnector(settings, settings.clientId() + "-check")
        .connect(Optional.empty(), cause -> {});
    URI broker = s.broker();
    s.close();
    return broker;
  }

  /** Starts the publisher thread. */
  public EventPublisher start() {
    lock.lock();
    try {
      if (thread != null) {
        throw new IllegalStateException("already started");
      }
      thread = new Thread(this::run, "vaultline-mqtt-publisher");
      thread.setDaemon(true);
      thread.start();
    } finally {
      lock.unlock();
    }
    return this;
  }

  /** New events were committed: look at the outbox now rather than at the next poll. */
  public void wake() {
    woken = true;
    if (idle) {
      signal();
    }
  }

  /**
   * Ends the current connection after marking what was acknowledged and connects again, primary first.
   * Unacknowledged events are sent again.
   */
  public void reconnect() {
    reconnectRequested = true;
    signal();
  }

  public PublisherStatus status() {
    lock.lock();
    try {
      return new PublisherStatus(status.state(), status.broker(), status.onAlternate(), acknowledgedSeq, markedSeq,
          status.connections(), status.lastError());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until every event up to {@code seq} is acknowledged by the broker and marked in the outbox.
   *
   * @return false when {@code timeout} passed first
   */
  public boolean awaitPublished(long seq, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (markedSeq < seq) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        changed.awaitNanos(left);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops: waits up to {@link MqttSettings#closeTimeout()} for unacknowledged events, marks what was
   * acknowledged, publishes {@code status} = offline and disconnects. Events not acknowledged stay in the
   * outbox for the next start.
   */
  @Override
  public void close() {
    stopping = true;
    signal();
    Thread t;
    lock.lock();
    try {
      t = thread;
    } finally {
      lock.unlock();
    }
    if (t != null) {
      try {
        t.join(settings.closeTimeout().plus(settings.connectTimeout()).plusSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (t.isAlive()) {
        Logger.warn("The MQTT publisher thread did not stop in time");
        t.interrupt();
      }
    }
    setStatus(PublisherStatus.State.STOPPED, null, Optional.empty());
  }

  // ---- the publisher thread ---------------------------------------------------------------------------

  private void run() {
    long delay = settings.retryDelay().toMillis();
    boolean haveSnapshot = false;
    BrokerSession session = null;
    try {
      while (!stopping) {
        if (!haveSnapshot) {
          haveSnapshot = loadSnapshot();
        }
        if (session == null) {
          try {
            session = connect();
            delay = settings.retryDelay().toMillis();
            lastFailure = null;
          } catch (BrokerException e) {
            Duration wait = Duration.ofMillis(delay);
            String text = EventMessages.NO_BROKER.format(e.getMessage(), seconds(wait)).render();
            if (e.getMessage().equals(lastFailure)) {
              Logger.debug(text); // the same failure again: logged once per outage, not once per retry
            } else {
              Logger.warn(text);
              lastFailure = e.getMessage();
            }
            setStatus(PublisherStatus.State.WAITING, null, Optional.of(e.getMessage()));
            pause(wait);
            delay = Math.min(delay * 2, settings.maxRetryDelay().toMillis());
            continue;
          } catch (Planned p) {
            continue; // stopping ends the loop; a requested reconnection starts over
          }
        }
        try {
          pump(session);
        } catch (BrokerException e) {
          if (e.kind() == BrokerException.Kind.OPERATION_REFUSED) {
            Logger.error(e.getMessage());
          } else {
            Logger.warn(EventMessages.CONNECTION_LOST.format(session.broker(), e.getMessage()).render());
          }
          setStatus(PublisherStatus.State.CONNECTING, null, Optional.of(e.getMessage()));
          markQuietly();
          planReplay();
          session.close();
          session = null;
          if (e.kind() == BrokerException.Kind.OPERATION_REFUSED) {
            pause(Duration.ofMillis(delay));
            delay = Math.min(delay * 2, settings.maxRetryDelay().toMillis());
          }
        } catch (Planned p) {
          if (!stopping) {
            Logger.info("Reconnecting to the MQTT brokers: {}", p.getMessage());
            leave(session, Duration.ofSeconds(2));
            session = null;
          }
        } catch (RuntimeException e) {
          Duration wait = Duration.ofMillis(delay);
          Logger.error(e, EventMessages.OUTBOX_UNREADABLE.format(e.getMessage(), seconds(wait)).render());
          setError(e.getMessage());
          pause(wait);
          delay = Math.min(delay * 2, settings.maxRetryDelay().toMillis());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (session != null) {
        drain();
        leave(session, Duration.ofSeconds(2));
      }
      long left = -1;
      try {
        left = outbox.unpublishedCount();
      } catch (RuntimeException e) {
        Logger.debug("Cannot count unpublished events: {}", e.getMessage());
      }
      Logger.info(EventMessages.PUBLISHER_STOPPED.format(markedSeq(), left).render());
    }
  }

  private boolean loadSnapshot() {
    try {
      RetainedSnapshot s = snapshot.get();
      String updated = s.taken().toString();
      for (VolumeState v : s.volumes()) {
        var n = WireFormat.volumeState(v);
        n.put("updated", updated);
        n.put("seq", s.seq());
        retained.offer(new RetainedState.Entry(topics.volume(v.volume()), WireFormat.write(n), s.seq()));
      }
      for (LibrarySummary l : s.libraries()) {
        var n = WireFormat.librarySummary(l);
        n.put("updated", updated);
        n.put("seq", s.seq());
        retained.offer(new RetainedState.Entry(topics.librarySummary(l.library()), WireFormat.write(n), s.seq()));
      }
      return true;
    } catch (RuntimeException e) {
      Logger.error(e, "Cannot read the retained state snapshot; retained topics are published from new events only"
          + " until it can be read: {}", e.getMessage());
      return false;
    }
  }

  /** Connects (primary first), then publishes status and every retained topic. */
  private BrokerSession connect() throws BrokerException, InterruptedException, Planned {
    setStatus(PublisherStatus.State.CONNECTING, null, Optional.empty());
    int gen = generation + 1;
    generation = gen; // callbacks of older connections are ignored from here on
    inflight.clear();
    lostCause.set(null);
    reconnectRequested = false;
    BrokerSession.Listener listener = new BrokerSession.Listener() {
      @Override
      public void lost(BrokerException cause) {
        if (generation == gen && lostCause.compareAndSet(null, cause)) {
          signal();
        }
      }
    };
    OutgoingMessage will = OutgoingMessage.retained(topics.status(),
        wire.status(false, started, Optional.empty(), Optional.empty(), Optional.of("connection lost")));
    BrokerSession session = connector.connect(Optional.of(will), listener);
    try {
      int window = Math.max(1, Math.min(settings.maxInflight(), session.sendQuota()));
      Logger.debug("MQTT send window {} (broker Receive Maximum {})", window, session.sendQuota());
      permits = new Semaphore(window);
      cursor = replayUntil > 0 ? replayFrom : 0;
      prefetched.clear();
      send(session, gen, OutgoingMessage.retained(topics.status(), wire.status(true, started,
          Optional.of(clock.instant()), Optional.of(session.broker().toString()), Optional.empty())), -1);
      for (RetainedState.Entry e : retained.all()) {
        send(session, gen, e.message(), -1);
      }
    } catch (BrokerException | InterruptedException | Planned | RuntimeException e) {
      session.close();
      throw e;
    }
    boolean alternate = connector.onAlternate(session);
    nextFailbackCheck = alternate && !settings.failbackInterval().isZero()
        ? clock.instant().plus(settings.failbackInterval()) : Instant.MAX;
    lock.lock();
    try {
      status = new PublisherStatus(PublisherStatus.State.CONNECTED, Optional.of(session.broker()), alternate,
          acknowledgedSeq, markedSeq, status.connections() + 1, status.lastError());
    } finally {
      lock.unlock();
    }
    return session;
  }

  /** One round: mark, check failback, send what there is (blocking on the window), or wait. */
  private void pump(BrokerSession session) throws BrokerException, InterruptedException, Planned {
    checkConnection();
    mark(false);
    checkFailback(session);
    int gen = generation;
    if (cursor < replayUntil) {
      long to = Math.min(replayUntil, cursor + settings.batchSize());
      for (OutboxEvent e : outbox.range(cursor + 1, to)) {
        send(session, gen, wire.event(e).message(), e.seq());
      }
      cursor = to;
      if (cursor >= replayUntil) {
        replayUntil = 0;
      }
      return;
    }
    if (prefetched.isEmpty()) {
      prefetched.addAll(outbox.unpublishedAfter(cursor, settings.batchSize()));
    }
    if (!prefetched.isEmpty()) {
      while (!prefetched.isEmpty()) {
        OutboxEvent e = prefetched.pollFirst();
        WireFormat.Prepared p = wire.event(e);
        send(session, gen, p.message(), e.seq());
        cursor = e.seq();
        for (RetainedState.Entry r : p.retained()) {
          if (retained.offer(r)) {
            send(session, gen, r.message(), -1);
          }
        }
      }
      return; // there may be more right away
    }
    // Caught up with the outbox.
    popAcknowledged();
    if (inflight.isEmpty()) {
      mark(true); // everything acknowledged: mark now rather than at the next interval
    }
    idleWait(settings.pollInterval().toNanos());
  }

  /**
   * Waits for new events ({@link #wake()}), an acknowledgement, a lost connection, a reconnection
   * request or stop, at most {@code nanos}.
   */
  private void idleWait(long nanos) throws InterruptedException {
    lock.lock();
    try {
      idle = true;
      // Checked after idle is set: whoever changes these afterwards sees idle and signals.
      boolean acknowledgementPending = !inflight.isEmpty() && inflight.peekFirst().acknowledged;
      if (!woken && !acknowledgementPending && lostCause.get() == null && !stopping && !reconnectRequested) {
        changed.awaitNanos(nanos);
      }
    } finally {
      idle = false;
      woken = false;
      lock.unlock();
    }
  }

  /** Sends one QoS 1 message once the window has room. */
  private void send(BrokerSession session, int gen, OutgoingMessage m, long seq)
      throws BrokerException, InterruptedException, Planned {
    Semaphore window = permits;
    mark(false); // pops what was acknowledged meanwhile, and marks if the interval has passed
    while (!window.tryAcquire(50, TimeUnit.MILLISECONDS)) {
      checkConnection();
      popAcknowledged();
      mark(false);
    }
    checkConnection();
    InFlight f = new InFlight(gen, seq);
    inflight.addLast(f);
    session.publish(m, new BrokerSession.Completion() {
      @Override
      public void acknowledged() {
        f.acknowledged = true;
        window.release();
        if (idle) {
          signal();
        }
      }

      @Override
      public void failed(BrokerException cause) {
        window.release();
        if (f.generation == generation && lostCause.compareAndSet(null, cause)) {
          signal();
        }
      }
    });
  }

  /** Throws the connection's failure, or a planned reconnection or stop. */
  private void checkConnection() throws BrokerException, Planned {
    BrokerException lost = lostCause.get();
    if (lost != null) {
      throw lost;
    }
    if (stopping) {
      throw new Planned("stopping");
    }
    if (reconnectRequested) {
      reconnectRequested = false;
      throw new Planned("reconnection requested");
    }
  }

  /** Removes acknowledged messages from the head of the window. */
  private void popAcknowledged() {
    long ack = acknowledgedSeq;
    while (!inflight.isEmpty() && inflight.peekFirst().acknowledged) {
      InFlight f = inflight.pollFirst();
      if (f.seq > ack) {
        ack = f.seq;
      }
      if (f.seq >= 0 && settings.replayLimit() > 0) {
        recentAcks.addLast(new long[] {System.nanoTime(), f.seq});
        if (recentAcks.size() > settings.replayLimit()) {
          recentAcks.removeFirst();
        }
      }
    }
    acknowledgedSeq = ack;
  }

  /**
   * After a lost connection: the events acknowledged within {@link MqttSettings#replayWindow()} before
   * the loss are sent again at the next connection. A broker that crashed may have acknowledged them
   * without passing them on (mosquitto queues them in memory), and an alternate broker never had them.
   */
  private void planReplay() {
    long cutoff = System.nanoTime() - settings.replayWindow().toNanos();
    long from = 0;
    for (long[] a : recentAcks) {
      if (a[0] - cutoff >= 0) {
        from = a[1];
        break;
      }
    }
    recentAcks.clear();
    if (from > 0 && !settings.replayWindow().isZero()) {
      replayFrom = Math.min(replayUntil > 0 ? replayFrom : Long.MAX_VALUE, from - 1);
      replayUntil = Math.max(replayUntil, acknowledgedSeq);
    }
  }

  /**
   * Marks acknowledged events published, at most every markInterval (each mark is a SQLite commit with
   * fsync) unless {@code force}d: when caught up, on a lost connection, at stop.
   */
  private void mark(boolean force) {
    popAcknowledged();
    long through = acknowledgedSeq;
    if (through <= markedSeq()) {
      return;
    }
    Instant now = clock.instant();
    if (!force && Duration.between(lastMark, now).compareTo(settings.markInterval()) < 0) {
      return;
    }
    outbox.markPublishedThrough(through);
    lastMark = now;
    lock.lock();
    try {
      markedSeq = Math.max(markedSeq, through);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void markQuietly() {
    try {
      mark(true);
    } catch (RuntimeException e) {
      Logger.error(e, EventMessages.OUTBOX_UNREADABLE.format(e.getMessage(), "the next acknowledgement").render());
    }
  }

  private void checkFailback(BrokerSession session) throws Planned {
    Instant now = clock.instant();
    if (now.isBefore(nextFailbackCheck)) {
      return;
    }
    nextFailbackCheck = now.plus(settings.failbackInterval());
    URI primary = settings.primary();
    int timeout = (int) Math.min(settings.connectTimeout().toMillis(), 2_000);
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress(primary.getHost(), primary.getPort()), timeout);
    } catch (IOException e) {
      Logger.debug("Primary MQTT broker {} still unreachable: {}", primary, e.getMessage());
      return;
    }
    Logger.info(EventMessages.FAILBACK.format(primary, session.broker()).render());
    throw new Planned("failback to " + primary);
  }

  /** At stop: waits up to closeTimeout for what is in flight, then marks it. */
  private void drain() {
    long deadline = System.nanoTime() + settings.closeTimeout().toNanos();
    try {
      popAcknowledged();
      while (!inflight.isEmpty() && lostCause.get() == null && System.nanoTime() < deadline) {
        lock.lock();
        try {
          idle = true;
          if (!inflight.peekFirst().acknowledged) {
            changed.awaitNanos(Math.min(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(100)));
          }
        } finally {
          idle = false;
          lock.unlock();
        }
        popAcknowledged();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    markQuietly();
  }

  /** A planned disconnection: marks, publishes status offline (waiting briefly), disconnects normally. */
  private void leave(BrokerSession session, Duration wait) {
    markQuietly();
    if (lostCause.get() != null) {
      session.close();
      return;
    }
    CountDownLatch done = new CountDownLatch(1);
    try {
      session.publish(OutgoingMessage.retained(topics.status(), wire.status(false, started,
          Optional.of(clock.instant()), Optional.of(session.broker().toString()), Optional.of("shutdown"))),
          new BrokerSession.Completion() {
            @Override
            public void acknowledged() {
              done.countDown();
            }

            @Override
            public void failed(BrokerException cause) {
              done.countDown();
            }
          });
      done.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (BrokerException e) {
      Logger.debug("Could not publish offline status to {}: {}", session.broker(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    session.close();
  }

  /** Waits {@code d}, or less when stopped or asked to reconnect. */
  private void pause(Duration d) throws InterruptedException {
    long deadline = System.nanoTime() + d.toNanos();
    lock.lock();
    try {
      while (!stopping && !reconnectRequested && System.nanoTime() < deadline) {
        changed.awaitNanos(deadline - System.nanoTime());
      }
      reconnectRequested = false;
    } finally {
      lock.unlock();
    }
  }

  static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(java.util.Locale.ROOT, "%.1f s",
        d.toMillis() / 1000.0);
  }

  // ---- small helpers under the lock -------------------------------------------------------------------

  private void signal() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void setStatus(PublisherStatus.State state, URI broker, Optional<String> error) {
    lock.lock();
    try {
      Optional<URI> b = state == PublisherStatus.State.CONNECTED ? Optional.ofNullable(broker) : Optional.empty();
      status = new PublisherStatus(state, b, status.onAlternate() && b.isPresent(), acknowledgedSeq, markedSeq,
          status.connections(), error.isPresent() ? error : status.lastError());
    } finally {
      lock.unlock();
    }
  }

  private void setError(String error) {
    lock.lock();
    try {
      status = new PublisherStatus(status.state(), status.broker(), status.onAlternate(), acknowledgedSeq, markedSeq,
          status.connections(), Optional.of(error));
    } finally {
      lock.unlock();
    }
  }

  private long markedSeq() {
    lock.lock();
    try {
      return markedSeq;
    } finally {
      lock.unlock();
    }
  }
}
