package org.vaultline.device.iscsi;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.transport.DataDirection;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;

/**
 * An initiator's normal session with one target (RFC 7143, ErrorRecoveryLevel 0, one connection),
 * shared by the {@link IscsiTransport}s of its logical units: commands to different LUNs may be in flight
 * together. Keeps the ITT, CmdSN and ExpStatSN bookkeeping, moves write data as immediate data,
 * unsolicited Data-Out and answers to R2T, answers target NOP-In pings at once, and on a command timeout
 * sends ABORT TASK, then LOGICAL UNIT RESET if the abort does not clear the task.
 *
 * <p>When the connection drops, every command in flight fails with {@link TransportException} (its outcome
 * is unknown: a MOVE MEDIUM may have moved the cartridge); nothing is ever sent twice. The next command
 * connects and logs in again, with the same ISID so that the target reinstates the session.
 */
public final class IscsiSession implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(IscsiSession.class.getName());
  private static final AtomicInteger ISID_QUALIFIER = new AtomicInteger(1);

  private final String host;
  private final int port;
  private final String targetName;
  private final InitiatorOptions options;
  private final long isid;
  private final AtomicInteger nextTag = new AtomicInteger(1);
  private final Object connectLock = new Object();
  private final AtomicInteger logins = new AtomicInteger();
  private volatile Link link;
  private volatile boolean closed;

  private IscsiSession(String host, int port, String targetName, InitiatorOptions options) {
    this.host = host;
    this.port = port;
    this.targetName = targetName;
    this.options = options;
    // ISID type 10b (random, RFC 7143 10.12.5): 2 type bits + 22 random bits, then a 16-bit qualifier
    long random = (long) (Math.random() * (1 << 22));
    this.isid = options.isid().orElse((0x80L << 40) | random << 24 | (ISID_QUALIFIER.getAndIncrement() & 0xffffL));
  }

  /** Connects and logs in to {@code targetName} at {@code host:port}. */
  public static IscsiSession open(String host, int port, String targetName, InitiatorOptions options)
      throws IOException {
    IscsiSession s = new IscsiSession(host, port, targetName, options);
    synchronized (s.connectLock) {
      s.link = s.connect();
    }
    return s;
  }

  /** Connects to the target of {@code url}, with the URL's CHAP credentials if it has any. */
  public static IscsiSession open(IscsiUrl url, InitiatorOptions options) throws IOException {
    InitiatorOptions o = url.chap().isPresent() && options.chap().isEmpty() ? options.withChap(url.chap().get())
        : options;
    return open(url.host(), url.port(), url.targetName(), o);
  }

  /** A transport for one logical unit of this session; closing it leaves the session open. */
  public IscsiTransport transport(int lun) {
    return new IscsiTransport(this, lun, false);
  }

  /** The parameters negotiated at the latest login. */
  public SessionParameters parameters() throws TransportException {
    return link().params;
  }

  /** How many times this session has logged in (1 + reconnections). */
  public int logins() {
    return logins.get();
  }

  public String targetName() {
    return targetName;
  }

  String describe(int lun) {
    return "iscsi://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/" + targetName + "/" + lun;
  }

  /** Sends a NOP-Out ping and waits for the NOP-In answer. */
  public void ping() throws TransportException {
    Link l = link();
    l.exchange(itt -> new NopOut(true, 0, itt, Pdu.NO_TAG, l.cmdSNNow(), l.expStatSNNow(), Bytes.ascii("vaultline")),
        options.taskManagementTimeout(), "NOP-Out ping");
  }

  /** Drops the TCP connection without logging out, as a network failure would (for tests and recovery). */
  public void dropConnection() {
    Link l = link;
    if (l != null) {
      l.die("connection dropped on request");
    }
  }

  ScsiResult execute(int lun, ScsiRequest request) throws TransportException {
    Link l = link();
    Task t = new Task(nextTag(), lun, request);
    l.tasks.put(t.itt, t);
    try {
      l.sendCommand(t);
    } catch (IOException e) {
      l.die(e.toString());
      throw new TransportException(describe(lun) + ": " + request.name() + " not sent, connection lost: " + e.getMessage(), e);
    } catch (TimeoutException e) {
      l.tasks.remove(t.itt);
      throw new TransportException(describe(lun) + ": " + request.name() + " not sent: the target's command window "
          + "stayed closed for " + request.timeout());
    }
    try {
      return t.result.get(request.timeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw timedOut(l, t);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TransportException te) {
        throw te;
      }
      throw new TransportException(describe(lun) + ": " + request.name() + " failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      l.tasks.remove(t.itt);
      throw new TransportException(describe(lun) + ": interrupted waiting for " + request.name(), e);
    }
  }

  /** ABORT TASK, then LOGICAL UNIT RESET if that did not clear the task, then the connection. */
  private TransportException timedOut(Link l, Task t) {
    // a timed-out command fails even if its answer slips in while it is being aborted
    StringBuilder how = new StringBuilder();
    boolean cleared = false;
    try {
      int abort = l.taskManagement(TaskManagementRequest.ABORT_TASK, t.lun, t.itt, t.cmdSN);
      how.append("ABORT TASK: ").append(TaskManagementResponse.responseName(abort));
      cleared = abort == TaskManagementResponse.FUNCTION_COMPLETE || abort == TaskManagementResponse.TASK_DOES_NOT_EXIST;
    } catch (TransportException e) {
      how.append("ABORT TASK: ").append(e.getMessage());
    }
    if (!cleared && !l.dead) {
      try {
        int reset = l.taskManagement(TaskManagementRequest.LOGICAL_UNIT_RESET, t.lun, Pdu.NO_TAG, l.cmdSNNow());
        how.append("; LOGICAL UNIT RESET: ").append(TaskManagementResponse.responseName(reset));
        cleared = reset == TaskManagementResponse.FUNCTION_COMPLETE;
      } catch (TransportException e) {
        how.append("; LOGICAL UNIT RESET: ").append(e.getMessage());
      }
    }
    l.tasks.remove(t.itt);
    if (!cleared) {
      l.die("task management could not clear a timed-out task");
      how.append("; connection dropped");
    }
    if (t.result.isDone() && !t.result.isCompletedExceptionally()) {
      // too late for the caller, who has given up; say so, as the command did take effect
      how.append("; the target answered ").append(t.result.join()).append(" after the timeout");
    }
    return new TransportException(describe(t.lun) + ": " + t.request.name() + " timed out after "
        + t.request.timeout().toMillis() + " ms; " + how);
  }

  private int nextTag() {
    int tag;
    do {
      tag = nextTag.getAndIncrement();
    } while (tag == Pdu.NO_TAG);
    return tag;
  }

  private Link link() throws TransportException {
    Link l = link;
    if (l != null && !l.dead) {
      return l;
    }
    synchronized (connectLock) {
      if (closed) {
        throw new TransportException(describe(0).replaceAll("/0$", "") + ": session closed");
      }
      l = link;
      if (l != null && !l.dead) {
        return l;
      }
      try {
        link = connect();
        return link;
      } catch (IOException e) {
        throw new TransportException(host + ":" + port + " " + targetName + ": cannot log in: " + e.getMessage(), e);
      }
    }
  }

  private Link connect() throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), (int) options.connectTimeout().toMillis());
      PduConnection c = new PduConnection(socket, options.observer());
      c.readTimeout((int) options.loginTimeout().toMillis());
      int cmdSN = 1;
      InitiatorLogin.Outcome o = InitiatorLogin.login(c, options, Optional.of(targetName), isid, cmdSN, nextTag());
      c.readTimeout(0);
      c.digests(o.parameters().digests());
      logins.incrementAndGet();
      Link l = new Link(c, o);
      l.start();
      return l;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** Logs out and closes the connection; commands still in flight fail with {@link TransportException}. */
  @Override
  public void close() {
    Link l;
    synchronized (connectLock) {
      closed = true;
      l = link;
    }
    if (l != null && !l.dead) {
      try {
        l.exchange(itt -> new LogoutRequest(true, LogoutRequest.CLOSE_SESSION, itt, 0, l.cmdSNNow(),
            l.expStatSNNow()), options.taskManagementTimeout(), "Logout");
      } catch (TransportException e) {
        LOG.log(Level.DEBUG, "logout from {0} failed: {1}", targetName, e.getMessage());
      }
      l.die("logged out");
    }
  }

  /** One command in flight. */
  private static final class Task {
    final int itt;
    final int lun;
    final ScsiRequest request;
    final byte[] in;
    final CompletableFuture<ScsiResult> result = new CompletableFuture<>();
    volatile int cmdSN;
    int transferred;

    Task(int itt, int lun, ScsiRequest request) {
      this.itt = itt;
      this.lun = lun;
      this.request = request;
      this.in = new byte[request.direction() == DataDirection.FROM_DEVICE ? request.dataInLength() : 0];
    }
  }

  /** Something that builds a PDU once its task tag is known. */
  private interface Build {
    Pdu with(int itt);
  }

  /** One connection with its login outcome, sequence numbers, tasks and reader thread. */
  private final class Link {
    final PduConnection connection;
    final SessionParameters params;
    final Map<Integer, Task> tasks = new ConcurrentHashMap<>();
    final Map<Integer, CompletableFuture<Pdu>> exchanges = new ConcurrentHashMap<>();
    final ReentrantLock seq = new ReentrantLock();
    final Condition windowChanged = seq.newCondition();
    final ExecutorService dataOut;
    final Thread reader;
    int cmdSN;
    int expStatSN;
    int expCmdSN;
    int maxCmdSN;
    volatile boolean dead;

    Link(PduConnection connection, InitiatorLogin.Outcome o) {
      this.connection = connection;
      this.params = o.parameters();
      this.cmdSN = o.cmdSN();
      this.expStatSN = o.expStatSN();
      this.expCmdSN = o.expCmdSN();
      this.maxCmdSN = o.maxCmdSN();
      String name = "iscsi " + host + ":" + port;
      this.dataOut = Executors.newSingleThreadExecutor(r -> {
        Thread th = new Thread(r, name + " data-out");
        th.setDaemon(true);
        return th;
      });
      this.reader = new Thread(this::read, name + " reader");
      reader.setDaemon(true);
    }

    void start() {
      reader.start();
    }

    int cmdSNNow() {
      seq.lock();
      try {
        return cmdSN;
      } finally {
        seq.unlock();
      }
    }

    int expStatSNNow() {
      seq.lock();
      try {
        return expStatSN;
      } finally {
        seq.unlock();
      }
    }

    /** Assigns a CmdSN when the window allows and sends the command with its immediate and unsolicited data. */
    void sendCommand(Task t) throws IOException, TimeoutException {
      ScsiRequest r = t.request;
      boolean write = r.direction() == DataDirection.TO_DEVICE;
      Bytes out = r.dataOut();
      int edtl = write ? out.size() : r.direction() == DataDirection.FROM_DEVICE ? r.dataInLength() : 0;
      int immediate = write && params.immediateData()
          ? Math.min(out.size(), Math.min(params.firstBurstLength(), params.targetMaxRecvDataSegmentLength())) : 0;
      int unsolicitedEnd = write && !params.initialR2T() ? Math.min(out.size(), params.firstBurstLength()) : immediate;
      long lunField = LunField.encode(t.lun);
      long deadline = System.nanoTime() + r.timeout().toNanos();
      seq.lock();
      try {
        while (SerialNumbers.lessThan(maxCmdSN, cmdSN)) {
          if (dead) {
            throw new IOException("connection lost");
          }
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            throw new TimeoutException();
          }
          windowChanged.awaitNanos(left);
        }
        if (dead) {
          throw new IOException("connection lost");
        }
        t.cmdSN = cmdSN;
        cmdSN++;
        List<Pdu> pdus = new ArrayList<>();
        pdus.add(new ScsiCommand(false, unsolicitedEnd == immediate, r.direction() == DataDirection.FROM_DEVICE,
            write, ScsiCommand.SIMPLE, lunField, t.itt, edtl, t.cmdSN, expStatSN, r.cdb().bytes(),
            immediate > 0 ? out.slice(0, immediate) : Bytes.EMPTY));
        int dataSN = 0;
        for (int off = immediate; off < unsolicitedEnd; ) {
          int n = Math.min(unsolicitedEnd - off, params.targetMaxRecvDataSegmentLength());
          pdus.add(new DataOut(off + n == unsolicitedEnd, lunField, t.itt, Pdu.NO_TAG, expStatSN, dataSN++, off,
              out.slice(off, off + n)));
          off += n;
        }
        connection.sendAll(pdus);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      } finally {
        seq.unlock();
      }
    }

    /** Sends a task management function (immediate) and waits for its response code. */
    int taskManagement(int function, int lun, int referencedTag, int refCmdSN) throws TransportException {
      Pdu p = exchange(itt -> new TaskManagementRequest(true, function, LunField.encode(lun), itt, referencedTag,
          cmdSNNow(), expStatSNNow(), refCmdSN, 0), options.taskManagementTimeout(),
          TaskManagementRequest.functionName(function));
      if (p instanceof TaskManagementResponse r) {
        return r.response();
      }
      throw new TransportException(describe(lun) + ": " + TaskManagementRequest.functionName(function)
          + " answered with opcode " + String.format("%02Xh", p.opcode()));
    }

    /** Sends an immediate PDU with a fresh ITT and waits for the PDU answering that ITT. */
    Pdu exchange(Build build, Duration timeout, String what) throws TransportException {
      int itt = nextTag();
      CompletableFuture<Pdu> f = new CompletableFuture<>();
      exchanges.put(itt, f);
      try {
        if (dead) {
          throw new TransportException(host + ":" + port + ": " + what + " not sent, connection lost");
        }
        connection.send(build.with(itt));
        return f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      } catch (IOException e) {
        die(e.toString());
        throw new TransportException(host + ":" + port + ": " + what + " not sent: " + e.getMessage(), e);
      } catch (TimeoutException e) {
        throw new TransportException(what + " unanswered after " + timeout.toMillis() + " ms");
      } catch (ExecutionException e) {
        throw e.getCause() instanceof TransportException te ? te
            : new TransportException(what + " failed: " + e.getCause(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TransportException(what + " interrupted", e);
      } finally {
        exchanges.remove(itt);
      }
    }

    private void read() {
      try {
        while (!dead) {
          handle(connection.receive());
        }
      } catch (IOException | RuntimeException e) {
        die(dead ? "closed" : e.toString());
      }
    }

    /** Advances ExpStatSN past a status-carrying PDU and moves the command window (RFC 7143 4.2.2.1). */
    private void acknowledge(boolean status, int statSN, int exp, int max) {
      seq.lock();
      try {
        if (status && SerialNumbers.atMost(expStatSN, statSN)) {
          expStatSN = statSN + 1;
        }
        if (!SerialNumbers.lessThan(max, exp - 1)) {
          if (SerialNumbers.lessThan(maxCmdSN, max)) {
            maxCmdSN = max;
          }
          if (SerialNumbers.lessThan(expCmdSN, exp)) {
            expCmdSN = exp;
          }
          windowChanged.signalAll();
        }
      } finally {
        seq.unlock();
      }
    }

    private void handle(Pdu p) throws IOException {
      if (p instanceof DataIn d) {
        acknowledge(d.hasStatus(), d.statSN(), d.expCmdSN(), d.maxCmdSN());
        dataIn(d);
      } else if (p instanceof ScsiResponse r) {
        acknowledge(true, r.statSN(), r.expCmdSN(), r.maxCmdSN());
        response(r);
      } else if (p instanceof ReadyToTransfer r2t) {
        acknowledge(false, r2t.statSN(), r2t.expCmdSN(), r2t.maxCmdSN());
        readyToTransfer(r2t);
      } else if (p instanceof NopIn n) {
        acknowledge(n.initiatorTaskTag() != Pdu.NO_TAG, n.statSN(), n.expCmdSN(), n.maxCmdSN());
        if (n.isPing()) {
          connection.send(new NopOut(true, n.lun(), Pdu.NO_TAG, n.targetTransferTag(), cmdSNNow(), expStatSNNow(),
              Bytes.EMPTY));
        }
        complete(n);
      } else if (p instanceof TaskManagementResponse r) {
        acknowledge(true, r.statSN(), r.expCmdSN(), r.maxCmdSN());
        complete(r);
      } else if (p instanceof LogoutResponse r) {
        acknowledge(true, r.statSN(), r.expCmdSN(), r.maxCmdSN());
        complete(r);
      } else if (p instanceof TextResponse r) {
        acknowledge(true, r.statSN(), r.expCmdSN(), r.maxCmdSN());
        complete(r);
      } else if (p instanceof Reject r) {
        acknowledge(true, r.statSN(), r.expCmdSN(), r.maxCmdSN());
        rejected(r);
      } else if (p instanceof AsyncMessage a) {
        acknowledge(true, a.statSN(), a.expCmdSN(), a.maxCmdSN());
        LOG.log(Level.INFO, "{0}:{1} {2}: asynchronous event {3} (sense {4})", host, port, targetName,
            a.asyncEvent(), a.sense());
      } else {
        throw new MalformedPduException("target sent opcode " + String.format("%02Xh", p.opcode())
            + " in full feature phase");
      }
    }

    private void complete(Pdu p) {
      CompletableFuture<Pdu> f = exchanges.get(p.initiatorTaskTag());
      if (f != null) {
        f.complete(p);
      }
    }

    private void dataIn(DataIn d) {
      Task t = tasks.get(d.initiatorTaskTag());
      if (t == null) {
        return; // aborted or timed out: late data is dropped
      }
      long end = (d.bufferOffset() & 0xffffffffL) + d.data().size();
      if (d.bufferOffset() < 0 || end > t.in.length) {
        fail(t, "Data-In at offset " + Integer.toUnsignedString(d.bufferOffset()) + " with " + d.data().size()
            + " bytes overruns the " + t.in.length + "-byte buffer");
        return;
      }
      d.data().copyTo(t.in, d.bufferOffset());
      t.transferred = Math.max(t.transferred, (int) end);
      if (d.hasStatus()) {
        finish(t, d.status(), d.underflow(), d.residualCount(), Bytes.EMPTY);
      }
    }

    private void response(ScsiResponse r) {
      Task t = tasks.get(r.initiatorTaskTag());
      if (t == null) {
        return;
      }
      if (r.response() != ScsiResponse.COMMAND_COMPLETED) {
        fail(t, "target failure (iSCSI response " + String.format("%02Xh", r.response()) + ")");
        return;
      }
      finish(t, r.status(), r.underflow(), r.residualCount(), r.sense());
    }

    private void finish(Task t, int status, boolean underflow, int residualCount, Bytes sense) {
      tasks.remove(t.itt);
      ScsiResult result;
      if (t.request.direction() == DataDirection.FROM_DEVICE) {
        int residual = underflow ? residualCount : t.in.length - t.transferred;
        result = new ScsiResult(status, Bytes.of(t.in, 0, t.transferred), sense, Math.max(0, residual));
      } else {
        result = new ScsiResult(status, Bytes.EMPTY, sense, underflow ? Math.max(0, residualCount) : 0);
      }
      t.result.complete(result);
    }

    private void fail(Task t, String why) {
      tasks.remove(t.itt);
      t.result.completeExceptionally(new TransportException(describe(t.lun) + ": " + t.request.name() + ": " + why));
      submit(() -> {
        try {
          taskManagement(TaskManagementRequest.ABORT_TASK, t.lun, t.itt, t.cmdSN);
        } catch (TransportException e) {
          LOG.log(Level.DEBUG, "abort after failure: {0}", e.getMessage());
        }
      });
    }

    private void readyToTransfer(ReadyToTransfer r2t) {
      Task t = tasks.get(r2t.initiatorTaskTag());
      if (t == null) {
        return;
      }
      Bytes out = t.request.dataOut();
      long end = (r2t.bufferOffset() & 0xffffffffL) + (r2t.desiredDataTransferLength() & 0xffffffffL);
      if (r2t.bufferOffset() < 0 || end > out.size()) {
        fail(t, "R2T asks for bytes " + Integer.toUnsignedString(r2t.bufferOffset()) + ".." + end + " of "
            + out.size());
        return;
      }
      submit(() -> {
        List<Pdu> pdus = new ArrayList<>();
        int dataSN = 0;
        int mrdsl = params.targetMaxRecvDataSegmentLength();
        for (int off = r2t.bufferOffset(); off < end; ) {
          int n = (int) Math.min(end - off, mrdsl);
          pdus.add(new DataOut(off + n == end, r2t.lun(), t.itt, r2t.targetTransferTag(), expStatSNNow(), dataSN++,
              off, out.slice(off, off + n)));
          off += n;
        }
        try {
          connection.sendAll(pdus);
        } catch (IOException e) {
          die(e.toString());
        }
      });
    }

    private void submit(Runnable r) {
      try {
        dataOut.execute(r);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // the connection is going down; everything in flight fails there
      }
    }

    private void rejected(Reject r) {
      String why = "target rejected the PDU (opcode " + String.format("%02Xh", r.rejectedOpcode()) + "): "
          + Reject.reasonName(r.reason());
      Task t = tasks.get(r.rejectedTaskTag());
      if (t != null) {
        fail(t, why);
        return;
      }
      CompletableFuture<Pdu> f = exchanges.get(r.rejectedTaskTag());
      if (f != null) {
        f.completeExceptionally(new TransportException(why));
        return;
      }
      LOG.log(Level.WARNING, "{0}:{1} {2}: {3}", host, port, targetName, why);
    }

    /** Closes the connection and fails everything in flight; safe to call more than once. */
    void die(String reason) {
      synchronized (this) {
        if (dead) {
          return;
        }
        dead = true;
      }
      connection.close();
      for (Task t : tasks.values()) {
        t.result.completeExceptionally(new TransportException(describe(t.lun) + ": connection lost (" + reason
            + ") while " + t.request.name() + " was in flight; its outcome is unknown"));
      }
      tasks.clear();
      for (CompletableFuture<Pdu> f : exchanges.values()) {
        f.completeExceptionally(new TransportException(host + ":" + port + ": connection lost (" + reason + ")"));
      }
      seq.lock();
      try {
        windowChanged.signalAll();
      } finally {
        seq.unlock();
      }
      dataOut.shutdown();
    }
  }
}
