package org.vaultline.device.iscsi;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.transport.DataDirection;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiStatus;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * The target's side of one connection (= one session, MaxConnections=1): login, then full feature phase
 * on the connection's own thread. SCSI commands go to the LUN's executor; their answers, like every
 * other PDU, are sent under the connection's write lock, which also guards StatSN and the command window.
 */
final class TargetConnection {
  private static final System.Logger LOG = System.getLogger(TargetConnection.class.getName());
  private static final int QUEUE_DEPTH = 64;
  private static final int MAX_TRANSFER = 64 << 20;
  private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(30);
  private static final int OPCODE_INQUIRY = 0x12;
  private static final int OPCODE_REQUEST_SENSE = 0x03;
  private static final int OPCODE_REPORT_LUNS = 0xa0;

  private final IscsiTarget target;
  private final PduConnection c;
  private final ReentrantLock lock;
  private final Map<Integer, Task> tasks = new ConcurrentHashMap<>();
  private final AtomicInteger nextTtt = new AtomicInteger(0x1000);
  private SessionParameters params = SessionParameters.DEFAULTS;
  private String initiatorName = "";
  private long isid;
  private boolean discovery;
  /** The transports of a normal session, from full feature phase on. */
  private volatile SessionLuns session;
  private int statSN = 1;
  private int expCmdSN;
  private volatile boolean fullFeature;
  private volatile boolean dropped;
  private int pingTtt = Pdu.NO_TAG;
  private long pingSentNanos;

  TargetConnection(IscsiTarget target, PduConnection connection) {
    this.target = target;
    this.c = connection;
    this.lock = connection.writeLock();
  }

  /** One command on its way through the target. */
  private static final class Task {
    final ScsiCommand command;
    final int lun;
    final byte[] out;
    int received;
    boolean unsolicitedPending;
    int r2tTag = Pdu.NO_TAG;
    int r2tSN;
    volatile boolean aborted;

    Task(ScsiCommand command, int lun, int outLength) {
      this.command = command;
      this.lun = lun;
      this.out = new byte[outLength];
    }
  }

  void run() {
    try {
      c.readTimeout((int) LOGIN_TIMEOUT.toMillis());
      if (!login()) {
        return;
      }
      c.readTimeout(0);
      fullFeature = true;
      while (!dropped) {
        Pdu p;
        try {
          p = c.receive();
        } catch (DataDigestException e) {
          reject(Reject.DATA_DIGEST_ERROR, e.header());
          continue;
        }
        if (!handle(p)) {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      if (!dropped) {
        LOG.log(Level.DEBUG, "connection from {0} ended: {1}", c.peer(), e.toString());
      }
    } finally {
      drop("connection ended");
    }
  }

  boolean sameSession(TargetConnection other) {
    return !discovery && !other.discovery && fullFeature && initiatorName.equals(other.initiatorName)
        && isid == other.isid;
  }

  void drop(String reason) {
    synchronized (this) {
      if (dropped) {
        return;
      }
      dropped = true;
    }
    LOG.log(Level.DEBUG, "dropping connection from {0}: {1}", c.peer(), reason);
    for (Task t : tasks.values()) {
      t.aborted = true;
    }
    tasks.clear();
    c.close();
    SessionLuns s = session;
    if (s != null) {
      s.close();
    }
    target.gone(this);
  }

  // ---------------------------------------------------------------- login

  private boolean login() throws IOException {
    boolean first = true;
    boolean authDone = false;
    String authMethod = null;
    int chapId = -1;
    Bytes chapChallenge = null;
    boolean declared = false;
    int itt = 0;
    int csg = 0;
    int nsg = 0;
    while (true) {
      Pdu p = c.receive();
      if (!(p instanceof LoginRequest req)) {
        if (!first) {
          loginFailure(csg, nsg, itt, 0x020b);
        }
        return false;
      }
      itt = req.initiatorTaskTag();
      csg = req.currentStage();
      nsg = req.nextStage();
      if (first) {
        isid = req.isid();
        expCmdSN = req.cmdSN();
      }
      Bytes text = req.data();
      while (req.continues()) {
        sendLogin(new LoginResponse(false, false, csg, nsg, 0, 0, isid, 0, itt, nextStatSN(), expCmdSN, maxCmdSN(),
            0, 0, Bytes.EMPTY));
        Pdu more = c.receive();
        if (!(more instanceof LoginRequest r2)) {
          return false;
        }
        req = r2;
        text = text.concat(req.data());
      }
      TextParameters keys;
      try {
        keys = TextParameters.parse(text);
      } catch (MalformedPduException e) {
        return loginFailure(csg, nsg, itt, 0x0200);
      }
      TextParameters answer = TextParameters.EMPTY;
      if (first) {
        first = false;
        if (req.versionMin() > 0) {
          return loginFailure(csg, nsg, itt, 0x0205);
        }
        if (req.tsih() != 0) {
          return loginFailure(csg, nsg, itt, 0x020a); // one connection per session: nothing to add a connection to
        }
        Optional<String> name = keys.get("InitiatorName");
        if (name.isEmpty() || name.get().isEmpty()) {
          return loginFailure(csg, nsg, itt, 0x0207);
        }
        initiatorName = name.get();
        String type = keys.get("SessionType").orElse("Normal");
        if (!type.equals("Normal") && !type.equals("Discovery")) {
          return loginFailure(csg, nsg, itt, 0x0209);
        }
        discovery = type.equals("Discovery");
        if (!discovery) {
          Optional<String> tn = keys.get("TargetName");
          if (tn.isEmpty()) {
            return loginFailure(csg, nsg, itt, 0x0207);
          }
          if (!tn.get().equals(target.targetName)) {
            return loginFailure(csg, nsg, itt, 0x0203);
          }
          answer = answer.with("TargetPortalGroupTag", "1");
        }
      }
      if (csg == LoginRequest.SECURITY) {
        Optional<String> offeredMethod = keys.get("AuthMethod");
        if (offeredMethod.isPresent()) {
          String own = target.chap.isPresent() ? "CHAP" : "None";
          String a = Negotiation.answer("AuthMethod", offeredMethod.get(), own);
          answer = answer.with("AuthMethod", a);
          if (a.equals(Negotiation.REJECT)) {
            return loginFailure(csg, nsg, itt, 0x0201);
          }
          authMethod = a;
          authDone = a.equals("None");
        }
        if (keys.get("CHAP_A").isPresent() && "CHAP".equals(authMethod) && chapChallenge == null) {
          if (!Negotiation.list(keys.get("CHAP_A").get()).contains(Chap.MD5)) {
            return loginFailure(csg, nsg, itt, 0x0201);
          }
          chapId = Chap.identifier();
          chapChallenge = Chap.challenge(16);
          answer = answer.with("CHAP_A", Chap.MD5).with("CHAP_I", Integer.toString(chapId))
              .with("CHAP_C", Chap.encode(chapChallenge));
        }
        if (keys.get("CHAP_R").isPresent()) {
          if (chapChallenge == null || target.chap.isEmpty()) {
            return loginFailure(csg, nsg, itt, 0x0201);
          }
          ChapCredentials expected = target.chap.get();
          Bytes got;
          try {
            got = Chap.decode(keys.get("CHAP_R").get());
          } catch (MalformedPduException e) {
            return loginFailure(csg, nsg, itt, 0x0201);
          }
          if (!keys.get("CHAP_N").orElse("").equals(expected.name())
              || !Chap.same(got, Chap.response(chapId, expected.secret(), chapChallenge))) {
            return loginFailure(csg, nsg, itt, 0x0201);
          }
          Optional<String> mutualId = keys.get("CHAP_I");
          Optional<String> mutualChallenge = keys.get("CHAP_C");
          if (mutualId.isPresent() || mutualChallenge.isPresent()) {
            OptionalInt id = Negotiation.number(mutualId.orElse(""));
            Bytes challenge;
            try {
              challenge = Chap.decode(mutualChallenge.orElse(""));
            } catch (MalformedPduException e) {
              return loginFailure(csg, nsg, itt, 0x0201);
            }
            // a challenge equal to ours is a reflection attack (RFC 7143 9.2.1)
            if (target.mutualChap.isEmpty() || id.isEmpty() || id.getAsInt() > 255 || challenge.isEmpty()
                || challenge.equals(chapChallenge)) {
              return loginFailure(csg, nsg, itt, 0x0201);
            }
            ChapCredentials own = target.mutualChap.get();
            answer = answer.with("CHAP_N", own.name())
                .with("CHAP_R", Chap.encode(Chap.response(id.getAsInt(), own.secret(), challenge)));
          }
          authDone = true;
        }
      } else if (csg == LoginRequest.OPERATIONAL) {
        if (target.chap.isPresent() && !authDone) {
          return loginFailure(csg, nsg, itt, 0x0201);
        }
        authDone = true;
      } else {
        return loginFailure(csg, nsg, itt, 0x020b);
      }
      answer = answer.and(negotiate(keys));
      boolean transit = req.transit() && authDone && nsg > csg && nsg != 2;
      if (!declared && (csg == LoginRequest.OPERATIONAL || transit && nsg == LoginRequest.FULL_FEATURE)) {
        answer = answer.with("MaxRecvDataSegmentLength", Integer.toString(target.maxRecvDataSegmentLength));
        declared = true;
      }
      boolean done = transit && nsg == LoginRequest.FULL_FEATURE;
      int tsih = done ? target.newTsih() : 0;
      if (done) {
        params = params.withDeclaredMaxRecvDataSegmentLength(true, target.maxRecvDataSegmentLength);
      }
      sendLogin(new LoginResponse(transit, false, csg, transit ? nsg : 0, 0, 0, isid, tsih, itt, nextStatSN(),
          expCmdSN, maxCmdSN(), 0, 0, answer.encode()));
      if (done) {
        c.digests(params.digests());
        if (!discovery) {
          session = new SessionLuns(new InitiatorId(initiatorName, isid), target.luns);
          if (dropped) {
            session.close(); // dropped (target shut down) while logging in
          }
          // the old session's transports are closed before this one can open any for the same initiator
          target.reinstate(this);
        }
        return true;
      }
    }
  }

  private boolean loginFailure(int csg, int nsg, int itt, int status) throws IOException {
    sendLogin(new LoginResponse(false, false, csg, nsg, 0, 0, isid, 0, itt, nextStatSN(), expCmdSN, maxCmdSN(),
        status >> 8, status & 0xff, Bytes.EMPTY));
    return false;
  }

  private void sendLogin(LoginResponse r) throws IOException {
    c.send(r);
  }

  /** Answers the operational keys of a login or text request and applies the outcomes. */
  private TextParameters negotiate(TextParameters keys) {
    TextParameters answer = TextParameters.EMPTY;
    for (TextParameters.Pair p : keys.pairs()) {
      String key = p.key();
      switch (key) {
        case "InitiatorName", "TargetName", "SessionType", "AuthMethod", "InitiatorAlias", "CHAP_A", "CHAP_I",
             "CHAP_C", "CHAP_N", "CHAP_R", "SendTargets" -> {
          continue;
        }
        case "MaxRecvDataSegmentLength" -> {
          OptionalInt n = Negotiation.number(p.value());
          if (n.isPresent() && n.getAsInt() >= 512) {
            params = params.withDeclaredMaxRecvDataSegmentLength(false, Math.min(n.getAsInt(), 0xffffff));
          }
          continue;
        }
        default -> { }
      }
      Optional<Negotiation.Rule> rule = Negotiation.rule(key);
      if (rule.isEmpty()) {
        answer = answer.with(key, Negotiation.NOT_UNDERSTOOD);
        continue;
      }
      if (rule.get() == Negotiation.Rule.DECLARATIVE) {
        continue;
      }
      if (discovery && !key.equals("HeaderDigest") && !key.equals("DataDigest")
          && !key.equals("ErrorRecoveryLevel") && !key.equals("DefaultTime2Wait")
          && !key.equals("DefaultTime2Retain")) {
        answer = answer.with(key, Negotiation.IRRELEVANT);
        continue;
      }
      String a = Negotiation.answer(key, p.value(), ownValue(key));
      answer = answer.with(key, a);
      Optional<String> outcome = Negotiation.outcome(key, p.value(), a);
      if (outcome.isPresent()) {
        params = params.with(key, outcome.get());
      }
    }
    return answer;
  }

  private String ownValue(String key) {
    return switch (key) {
      case "HeaderDigest" -> target.requireHeaderDigest ? "CRC32C" : "CRC32C,None";
      case "DataDigest" -> target.requireDataDigest ? "CRC32C" : "CRC32C,None";
      case "InitialR2T" -> target.initialR2T ? "Yes" : "No";
      case "ImmediateData" -> target.immediateData ? "Yes" : "No";
      case "MaxBurstLength" -> Integer.toString(target.maxBurstLength);
      case "FirstBurstLength" -> Integer.toString(target.firstBurstLength);
      case "MaxConnections", "MaxOutstandingR2T" -> "1";
      case "ErrorRecoveryLevel", "DefaultTime2Wait", "DefaultTime2Retain" -> "0";
      case "DataPDUInOrder", "DataSequenceInOrder" -> "Yes";
      default -> Negotiation.NOT_UNDERSTOOD;
    };
  }

  // ---------------------------------------------------------------- full feature phase

  /** Handles one PDU; false ends the connection (after logout). */
  private boolean handle(Pdu p) throws IOException {
    if (p instanceof ScsiCommand cmd && !discovery) {
      command(cmd);
    } else if (p instanceof DataOut d && !discovery) {
      dataOut(d);
    } else if (p instanceof NopOut n) {
      nopOut(n);
    } else if (p instanceof TaskManagementRequest tmf && !discovery) {
      taskManagement(tmf);
    } else if (p instanceof TextRequest t) {
      text(t);
    } else if (p instanceof LogoutRequest l) {
      logout(l);
      return false;
    } else if (p instanceof UnknownPdu u && u.opcode() == 0x10) {
      reject(Reject.COMMAND_NOT_SUPPORTED, p.header()); // SNACK: ErrorRecoveryLevel 0 has none
    } else {
      reject(Reject.PROTOCOL_ERROR, p.header());
    }
    return true;
  }

  private void advanceCmdSN(boolean immediate, int cmdSN) {
    if (immediate) {
      return;
    }
    lock.lock();
    try {
      if (SerialNumbers.atMost(expCmdSN, cmdSN)) {
        expCmdSN = cmdSN + 1;
      }
    } finally {
      lock.unlock();
    }
  }

  private int nextStatSN() {
    lock.lock();
    try {
      return statSN++;
    } finally {
      lock.unlock();
    }
  }

  private int maxCmdSN() {
    lock.lock();
    try {
      return expCmdSN + Math.max(0, QUEUE_DEPTH - tasks.size()) - 1;
    } finally {
      lock.unlock();
    }
  }

  private void reject(int reason, Bytes header) throws IOException {
    lock.lock();
    try {
      c.send(new Reject(reason, statSN++, expCmdSN, maxCmdSN(), 0, header));
    } finally {
      lock.unlock();
    }
  }

  private void command(ScsiCommand cmd) throws IOException {
    advanceCmdSN(cmd.immediate(), cmd.cmdSN());
    int lun = LunField.decode(cmd.lun());
    int edtl = cmd.expectedDataTransferLength();
    if (cmd.read() && cmd.write() || edtl < 0 || edtl > MAX_TRANSFER
        || cmd.data().size() > Math.max(0, edtl) || !cmd.data().isEmpty() && !cmd.write()) {
      reject(Reject.INVALID_PDU_FIELD, cmd.header());
      return;
    }
    Task t = new Task(cmd, lun, cmd.write() ? edtl : 0);
    if (tasks.putIfAbsent(cmd.initiatorTaskTag(), t) != null) {
      reject(Reject.TASK_IN_PROGRESS, cmd.header());
      return;
    }
    if (cmd.write()) {
      cmd.data().copyTo(t.out, 0);
      t.received = cmd.data().size();
      t.unsolicitedPending = !cmd.finalFlag();
    }
    advance(t);
  }

  /** Asks for more write data, or runs the command once all of it is in. */
  private void advance(Task t) throws IOException {
    if (t.received >= t.out.length) {
      dispatch(t);
      return;
    }
    if (t.unsolicitedPending || t.r2tTag != Pdu.NO_TAG) {
      return;
    }
    int offset = t.received;
    int length = Math.min(t.out.length - offset, params.maxBurstLength());
    lock.lock();
    try {
      t.r2tTag = nextTtt.getAndIncrement() & 0x7fffffff;
      c.send(new ReadyToTransfer(t.command.lun(), t.command.initiatorTaskTag(), t.r2tTag, statSN, expCmdSN,
          maxCmdSN(), t.r2tSN++, offset, length));
    } finally {
      lock.unlock();
    }
  }

  private void dataOut(DataOut d) throws IOException {
    Task t = tasks.get(d.initiatorTaskTag());
    if (t == null || t.received >= t.out.length && t.out.length > 0) {
      if (t == null) {
        return; // the task was aborted: its data is dropped
      }
      reject(Reject.PROTOCOL_ERROR, d.header());
      return;
    }
    long end = (d.bufferOffset() & 0xffffffffL) + d.data().size();
    if (d.bufferOffset() < 0 || end > t.out.length) {
      reject(Reject.INVALID_PDU_FIELD, d.header());
      return;
    }
    d.data().copyTo(t.out, d.bufferOffset());
    t.received = Math.max(t.received, (int) end);
    if (d.finalFlag()) {
      if (d.targetTransferTag() == Pdu.NO_TAG) {
        t.unsolicitedPending = false;
      } else if (d.targetTransferTag() == t.r2tTag) {
        t.r2tTag = Pdu.NO_TAG;
      }
    }
    advance(t);
  }

  private void dispatch(Task t) throws IOException {
    boolean exists = target.luns.containsKey(t.lun);
    ScsiCommand cmd = t.command;
    Bytes cdb = cmd.cdb();
    int natural = Cdb.lengthForOpcode(cdb.get(0));
    if (natural > 0 && natural < cdb.size()) {
      cdb = cdb.prefix(natural);
    }
    if (!exists || cdb.get(0) == OPCODE_REPORT_LUNS) {
      complete(t, answerLocally(t.lun, exists, cdb, cmd.read() ? cmd.expectedDataTransferLength() : 0));
      return;
    }
    ScsiTransport transport;
    try {
      transport = session.transport(t.lun);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "LUN {0}: no transport for {1}: {2}", t.lun, session.initiator(), e.toString());
      complete(t, null);
      return;
    }
    DataDirection direction = cmd.write() ? DataDirection.TO_DEVICE
        : cmd.read() && cmd.expectedDataTransferLength() > 0 ? DataDirection.FROM_DEVICE : DataDirection.NONE;
    ScsiRequest request = new ScsiRequest(String.format("iSCSI %02Xh", cdb.get(0)), new Cdb(cdb), direction,
        cmd.write() ? Bytes.of(t.out) : Bytes.EMPTY,
        direction == DataDirection.FROM_DEVICE ? cmd.expectedDataTransferLength() : 0, Duration.ofHours(2));
    try {
      target.executorFor(t.lun).execute(() -> {
        if (t.aborted) {
          return;
        }
        ScsiResult r;
        try {
          r = transport.execute(request);
        } catch (TransportException | RuntimeException e) {
          LOG.log(Level.WARNING, "LUN {0}: {1} failed: {2}", t.lun, request.name(), e.toString());
          r = null;
        }
        try {
          complete(t, r);
        } catch (IOException e) {
          drop(e.toString());
        }
      });
    } catch (RejectedExecutionException e) {
      complete(t, null);
    }
  }

  /** REPORT LUNS for any LUN, and the SPC-4 answers for a LUN that is not there. */
  private ScsiResult answerLocally(int lun, boolean exists, Bytes cdb, int allocation) {
    int opcode = cdb.get(0);
    if (opcode == OPCODE_REPORT_LUNS) {
      BigEndianWriter w = new BigEndianWriter();
      w.u32(8L * target.luns.size()).u32(0);
      for (int l : target.luns.keySet()) {
        w.u64(LunField.encode(l));
      }
      Bytes all = w.toBytes();
      return ScsiResult.good(all.prefix(allocation), Math.max(0, allocation - all.size()));
    }
    if (!exists && opcode == OPCODE_INQUIRY) {
      // peripheral qualifier 011b, device type 1Fh: no logical unit here (SPC-4 6.6.2)
      Bytes inquiry = new BigEndianWriter().u8(0x7f).u8(0).u8(0x05).u8(0x02).u8(31).zeros(3)
          .asciiPadded("VAULTLN", 8).asciiPadded("NO LUN", 16).asciiPadded("0001", 4).toBytes();
      return ScsiResult.good(inquiry.prefix(allocation), Math.max(0, allocation - inquiry.size()));
    }
    Bytes sense = Sense.of(SenseKey.ILLEGAL_REQUEST, 0x25, 0x00).encodeFixed();
    if (!exists && opcode == OPCODE_REQUEST_SENSE) {
      return ScsiResult.good(sense.prefix(allocation), Math.max(0, allocation - sense.size()));
    }
    return ScsiResult.checkCondition(sense);
  }

  /** Sends a command's data and status; null {@code r} means the LUN's transport failed. */
  private void complete(Task t, ScsiResult r) throws IOException {
    ScsiCommand cmd = t.command;
    int itt = cmd.initiatorTaskTag();
    lock.lock();
    try {
      if (t.aborted || dropped || tasks.get(itt) != t) {
        return;
      }
      tasks.remove(itt);
      if (r == null) {
        c.send(new ScsiResponse(false, false, ScsiResponse.TARGET_FAILURE, 0, itt, statSN++, expCmdSN, maxCmdSN(), 0, 0,
            Bytes.EMPTY, Bytes.EMPTY));
        return;
      }
      int edtl = cmd.expectedDataTransferLength();
      boolean overflow = false;
      boolean underflow = false;
      int residual = 0;
      Bytes in = cmd.read() ? r.dataIn() : Bytes.EMPTY;
      if (cmd.read()) {
        if (in.size() > edtl) {
          overflow = true;
          residual = in.size() - edtl;
          in = in.prefix(edtl);
        } else if (in.size() < edtl) {
          underflow = true;
          residual = edtl - in.size();
        }
      } else if (cmd.write() && r.residual() > 0) {
        underflow = true;
        residual = Math.min(r.residual(), edtl);
      }
      boolean collapse = !in.isEmpty() && r.sense().isEmpty() && (r.status() == ScsiStatus.GOOD.code()
          || r.status() == ScsiStatus.CONDITION_MET.code());
      List<Pdu> pdus = new ArrayList<>();
      int segment = params.initiatorMaxRecvDataSegmentLength();
      int burst = params.maxBurstLength();
      int dataSN = 0;
      for (int off = 0; off < in.size(); ) {
        int n = Math.min(segment, in.size() - off);
        n = Math.min(n, burst - off % burst);
        boolean last = off + n == in.size();
        boolean endOfBurst = last || (off + n) % burst == 0;
        boolean status = last && collapse;
        pdus.add(new DataIn(endOfBurst, false, status && overflow, status && underflow, status,
            status ? r.status() : 0, cmd.lun(), itt, Pdu.NO_TAG, status ? statSN++ : statSN, expCmdSN, maxCmdSN(),
            dataSN++, off, status ? residual : 0, in.slice(off, off + n)));
        off += n;
      }
      if (!collapse) {
        pdus.add(new ScsiResponse(overflow, underflow, ScsiResponse.COMMAND_COMPLETED, r.status(), itt, statSN++,
            expCmdSN, maxCmdSN(), dataSN, residual, r.sense(), Bytes.EMPTY));
      }
      c.sendAll(pdus);
    } finally {
      lock.unlock();
    }
  }

  private void nopOut(NopOut n) throws IOException {
    if (n.initiatorTaskTag() != Pdu.NO_TAG) {
      advanceCmdSN(n.immediate(), n.cmdSN());
      lock.lock();
      try {
        Bytes echo = n.data().prefix(params.initiatorMaxRecvDataSegmentLength());
        c.send(new NopIn(n.lun(), n.initiatorTaskTag(), Pdu.NO_TAG, statSN++, expCmdSN, maxCmdSN(), echo));
      } finally {
        lock.unlock();
      }
    } else if (n.targetTransferTag() != Pdu.NO_TAG) {
      lock.lock();
      try {
        if (n.targetTransferTag() == pingTtt) {
          pingTtt = Pdu.NO_TAG;
          target.pingsAnswered.incrementAndGet();
        }
      } finally {
        lock.unlock();
      }
    }
  }

  /** Sends a NOP-In ping, or drops the connection when the last one went unanswered too long. */
  void keepalive() {
    if (!fullFeature || dropped) {
      return;
    }
    lock.lock();
    try {
      if (pingTtt != Pdu.NO_TAG) {
        if (System.nanoTime() - pingSentNanos > target.nopInTimeout.toNanos()) {
          drop("no answer to NOP-In within " + target.nopInTimeout);
        }
        return;
      }
      pingTtt = nextTtt.getAndIncrement() & 0x7fffffff;
      pingSentNanos = System.nanoTime();
      c.send(new NopIn(0, Pdu.NO_TAG, pingTtt, statSN, expCmdSN, maxCmdSN(), Bytes.EMPTY));
    } catch (IOException e) {
      drop(e.toString());
    } finally {
      lock.unlock();
    }
  }

  private void taskManagement(TaskManagementRequest r) throws IOException {
    advanceCmdSN(r.immediate(), r.cmdSN());
    int lun = LunField.decode(r.lun());
    int response;
    lock.lock();
    try {
      switch (r.function()) {
        case TaskManagementRequest.ABORT_TASK -> {
          Task t = tasks.get(r.referencedTaskTag());
          if (t != null && t.lun == lun) {
            t.aborted = true;
            tasks.remove(r.referencedTaskTag());
            response = TaskManagementResponse.FUNCTION_COMPLETE;
          } else {
            response = TaskManagementResponse.TASK_DOES_NOT_EXIST;
          }
        }
        case TaskManagementRequest.ABORT_TASK_SET, TaskManagementRequest.CLEAR_TASK_SET,
             TaskManagementRequest.LOGICAL_UNIT_RESET -> {
          if (!target.luns.containsKey(lun)) {
            response = TaskManagementResponse.LUN_DOES_NOT_EXIST;
          } else {
            tasks.values().removeIf(t -> {
              if (t.lun == lun) {
                t.aborted = true;
                return true;
              }
              return false;
            });
            response = TaskManagementResponse.FUNCTION_COMPLETE;
          }
        }
        default -> response = TaskManagementResponse.FUNCTION_NOT_SUPPORTED;
      }
      c.send(new TaskManagementResponse(response, r.initiatorTaskTag(), statSN++, expCmdSN, maxCmdSN()));
    } finally {
      lock.unlock();
    }
  }

  private void text(TextRequest r) throws IOException {
    advanceCmdSN(r.immediate(), r.cmdSN());
    TextParameters keys;
    try {
      keys = TextParameters.parse(r.data());
    } catch (MalformedPduException e) {
      reject(Reject.PROTOCOL_ERROR, r.header());
      return;
    }
    TextParameters answer = TextParameters.EMPTY;
    for (TextParameters.Pair p : keys.pairs()) {
      if (p.key().equals("SendTargets")) {
        String v = p.value();
        if (v.equals("All") || v.equals(target.targetName) || v.isEmpty() && !discovery) {
          answer = answer.with("TargetName", target.targetName).with("TargetAddress", portal());
        }
      } else {
        answer = answer.with(p.key(), Negotiation.NOT_UNDERSTOOD);
      }
    }
    lock.lock();
    try {
      c.send(new TextResponse(true, false, r.lun(), r.initiatorTaskTag(), Pdu.NO_TAG, statSN++, expCmdSN, maxCmdSN(),
          answer.encode()));
    } finally {
      lock.unlock();
    }
  }

  /** The address the initiator reached us on, which is the one it can use again (tgt answers its bind address). */
  private String portal() {
    InetAddress a = c.socket().getLocalAddress();
    String host = a.getHostAddress();
    if (a instanceof Inet6Address) {
      int pct = host.indexOf('%');
      host = "[" + (pct >= 0 ? host.substring(0, pct) : host) + "]";
    }
    return host + ":" + c.socket().getLocalPort() + ",1";
  }

  private void logout(LogoutRequest r) throws IOException {
    advanceCmdSN(r.immediate(), r.cmdSN());
    lock.lock();
    try {
      for (Task t : tasks.values()) {
        t.aborted = true;
      }
      tasks.clear();
      c.send(new LogoutResponse(0, r.initiatorTaskTag(), statSN++, expCmdSN, maxCmdSN(), 0, 0));
    } finally {
      lock.unlock();
    }
    drop("logged out");
  }
}
