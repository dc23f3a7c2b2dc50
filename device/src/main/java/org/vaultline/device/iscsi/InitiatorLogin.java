package org.vaultline.device.iscsi;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.vaultline.scsi.bytes.Bytes;

/**
 * The initiator's side of login (RFC 7143 6.3): security stage with AuthMethod None or CHAP (one-way or
 * mutual), then operational negotiation, then full feature phase. Login PDUs go one at a time, each
 * answered before the next, so this runs on the caller's thread before the connection's reader starts.
 */
final class InitiatorLogin {
  private static final int MAX_ROUNDS = 32;

  /** What login established. */
  record Outcome(int tsih, SessionParameters parameters, int cmdSN, int expStatSN, int expCmdSN, int maxCmdSN,
                 TextParameters declarations) {
  }

  private enum AuthStep { METHOD, ALGORITHM, RESPONSE, DONE }

  private final PduConnection connection;
  private final InitiatorOptions options;
  private final Optional<String> targetName;
  private final long isid;
  private final int cmdSN;
  private final int itt;
  private int expStatSN;
  private int expCmdSN;
  private int maxCmdSN;

  private InitiatorLogin(PduConnection connection, InitiatorOptions options, Optional<String> targetName,
                         long isid, int cmdSN, int itt) {
    this.connection = connection;
    this.options = options;
    this.targetName = targetName;
    this.isid = isid;
    this.cmdSN = cmdSN;
    this.itt = itt;
  }

  /**
   * Logs in on {@code connection}.
   *
   * @param targetName the target for a normal session; empty for a discovery session
   * @param isid the initiator session ID, the same across reconnections so the target reinstates the
   *     session (RFC 7143 6.3.5) instead of keeping a stale one
   */
  static Outcome login(PduConnection connection, InitiatorOptions options, Optional<String> targetName, long isid,
                       int cmdSN, int itt) throws IOException {
    return new InitiatorLogin(connection, options, targetName, isid, cmdSN, itt).run();
  }

  private Outcome run() throws IOException {
    boolean chap = options.chap().isPresent();
    SessionParameters params = SessionParameters.DEFAULTS
        .withDeclaredMaxRecvDataSegmentLength(false, options.maxRecvDataSegmentLength());
    TextParameters declarations = TextParameters.EMPTY;
    Map<String, String> offered = new LinkedHashMap<>();

    TextParameters pending = TextParameters.of("InitiatorName", options.initiatorName(),
        "SessionType", targetName.isPresent() ? "Normal" : "Discovery");
    if (targetName.isPresent()) {
      pending = pending.with("TargetName", targetName.get());
    }
    pending = pending.with("AuthMethod", chap ? "CHAP" : "None");
    offered.put("AuthMethod", chap ? "CHAP" : "None");
    int stage = LoginRequest.SECURITY;
    int next = LoginRequest.OPERATIONAL;
    boolean transit = !chap;
    AuthStep auth = chap ? AuthStep.METHOD : AuthStep.DONE;
    int chapId = Chap.identifier();
    Bytes chapChallenge = Chap.challenge(16);

    for (int round = 0; round < MAX_ROUNDS; round++) {
      LoginResponse r = exchange(stage, next, transit, pending);
      TextParameters keys = TextParameters.parse(r.data());
      pending = TextParameters.EMPTY;
      // a declaration counts in whichever stage it comes (RFC 7143 6.2: declarative keys)
      OptionalInt declaredLength = Negotiation.number(keys.get("MaxRecvDataSegmentLength").orElse(""));
      if (declaredLength.isPresent() && declaredLength.getAsInt() >= 512) {
        params = params.withDeclaredMaxRecvDataSegmentLength(true, Math.min(declaredLength.getAsInt(), 0xffffff));
      }
      if (stage == LoginRequest.SECURITY) {
        Optional<String> method = keys.get("AuthMethod");
        if (method.isPresent()) {
          Optional<String> outcome = Negotiation.outcome("AuthMethod", offered.get("AuthMethod"), method.get());
          if (outcome.isEmpty()) {
            throw new LoginRejectedException(-1, "target answered AuthMethod=" + method.get() + " to "
                + offered.get("AuthMethod"));
          }
        }
        switch (auth) {
          case METHOD -> {
            pending = TextParameters.of("CHAP_A", Chap.MD5);
            auth = AuthStep.ALGORITHM;
          }
          case ALGORITHM -> {
            if (!keys.get("CHAP_A").orElse("").equals(Chap.MD5)) {
              throw new LoginRejectedException(-1, "target chose CHAP_A=" + keys.get("CHAP_A").orElse("(none)")
                  + ", only MD5 (5) is supported");
            }
            OptionalInt id = Negotiation.number(keys.get("CHAP_I").orElse(""));
            String c = keys.get("CHAP_C").orElse("");
            if (id.isEmpty() || id.getAsInt() > 255 || c.isEmpty()) {
              throw new LoginRejectedException(-1, "target sent no valid CHAP_I/CHAP_C");
            }
            Bytes challenge = Chap.decode(c);
            ChapCredentials own = options.chap().orElseThrow();
            pending = TextParameters.of("CHAP_N", own.name(), "CHAP_R",
                Chap.encode(Chap.response(id.getAsInt(), own.secret(), challenge)));
            if (options.mutualChap().isPresent()) {
              pending = pending.with("CHAP_I", Integer.toString(chapId)).with("CHAP_C", Chap.encode(chapChallenge));
            }
            transit = true;
            auth = AuthStep.RESPONSE;
          }
          case RESPONSE -> {
            if (options.mutualChap().isPresent()) {
              ChapCredentials target = options.mutualChap().get();
              String name = keys.get("CHAP_N").orElse("");
              Bytes expected = Chap.response(chapId, target.secret(), chapChallenge);
              Bytes got = Chap.decode(keys.get("CHAP_R").orElse("0x"));
              if (!name.equals(target.name()) || !Chap.same(expected, got)) {
                throw new LoginRejectedException(-1, "target failed mutual CHAP (name \"" + name + "\")");
              }
            }
            auth = AuthStep.DONE;
          }
          default -> { }
        }
      } else {
        for (TextParameters.Pair p : keys.pairs()) {
          String key = p.key();
          if (offered.containsKey(key)) {
            Optional<String> outcome = Negotiation.outcome(key, offered.get(key), p.value());
            if (outcome.isPresent()) {
              params = params.with(key, outcome.get());
            } else if ((key.equals("HeaderDigest") || key.equals("DataDigest"))
                && !offered.get(key).contains("None")) {
              throw new LoginRejectedException(-1, "target refused " + key + "=" + offered.get(key) + " ("
                  + p.value() + ")");
            }
            offered.remove(key);
          } else if (key.equals("MaxRecvDataSegmentLength")) {
            continue; // applied above
          } else if (Negotiation.rule(key).filter(rl -> rl != Negotiation.Rule.DECLARATIVE).isPresent()) {
            String answer = Negotiation.answer(key, p.value(), ownValue(key));
            pending = pending.with(key, answer);
            Optional<String> outcome = Negotiation.outcome(key, p.value(), answer);
            if (outcome.isPresent()) {
              params = params.with(key, outcome.get());
            }
          } else if (Negotiation.rule(key).isPresent()) {
            declarations = declarations.with(key, p.value());
          } else if (!p.value().equals(Negotiation.NOT_UNDERSTOOD) && !p.value().equals(Negotiation.IRRELEVANT)) {
            pending = pending.with(key, Negotiation.NOT_UNDERSTOOD);
          }
        }
      }
      if (r.transit() && auth == AuthStep.DONE) {
        if (r.nextStage() == LoginRequest.FULL_FEATURE) {
          return new Outcome(r.tsih(), params, cmdSN, expStatSN, expCmdSN, maxCmdSN, declarations);
        }
        if (stage == LoginRequest.SECURITY && r.nextStage() == LoginRequest.OPERATIONAL) {
          stage = LoginRequest.OPERATIONAL;
          next = LoginRequest.FULL_FEATURE;
          transit = true;
          TextParameters ops = operationalOffers();
          for (TextParameters.Pair p : ops.pairs()) {
            if (!p.key().equals("MaxRecvDataSegmentLength")) {
              offered.put(p.key(), p.value());
            }
          }
          pending = pending.and(ops);
        }
      } else if (r.transit()) {
        throw new LoginRejectedException(-1, "target left the security stage before CHAP was complete");
      }
    }
    throw new LoginRejectedException(-1, "login did not complete in " + MAX_ROUNDS + " exchanges");
  }

  private TextParameters operationalOffers() {
    TextParameters t = TextParameters.of("HeaderDigest", options.headerDigest().value(),
        "DataDigest", options.dataDigest().value(),
        "MaxRecvDataSegmentLength", Integer.toString(options.maxRecvDataSegmentLength()));
    if (targetName.isEmpty()) {
      return t;
    }
    return t.and(TextParameters.of(
        "InitialR2T", options.initialR2T() ? "Yes" : "No",
        "ImmediateData", options.immediateData() ? "Yes" : "No",
        "MaxBurstLength", Integer.toString(options.maxBurstLength()),
        "FirstBurstLength", Integer.toString(Math.min(options.firstBurstLength(), options.maxBurstLength())),
        "MaxConnections", "1",
        "MaxOutstandingR2T", "1",
        "ErrorRecoveryLevel", "0",
        "DefaultTime2Wait", "2",
        "DefaultTime2Retain", "0",
        "DataPDUInOrder", "Yes",
        "DataSequenceInOrder", "Yes"));
  }

  /** Our own acceptable value for a key the target offered without our asking. */
  private String ownValue(String key) {
    return switch (key) {
      case "HeaderDigest" -> options.headerDigest().value();
      case "DataDigest" -> options.dataDigest().value();
      case "InitialR2T" -> options.initialR2T() ? "Yes" : "No";
      case "ImmediateData" -> options.immediateData() ? "Yes" : "No";
      case "MaxBurstLength" -> Integer.toString(options.maxBurstLength());
      case "FirstBurstLength" -> Integer.toString(options.firstBurstLength());
      case "MaxConnections", "MaxOutstandingR2T" -> "1";
      case "ErrorRecoveryLevel", "DefaultTime2Retain" -> "0";
      case "DefaultTime2Wait" -> "2";
      case "DataPDUInOrder", "DataSequenceInOrder" -> "Yes";
      case "AuthMethod" -> options.chap().isPresent() ? "CHAP" : "None";
      default -> Negotiation.NOT_UNDERSTOOD;
    };
  }

  /** Sends one Login Request and collects the answer, asking for the rest while the target sets C. */
  private LoginResponse exchange(int stage, int next, boolean transit, TextParameters text) throws IOException {
    LoginResponse r = sendAndReceive(new LoginRequest(transit, false, stage, next, 0, 0, isid, 0, itt, 0, cmdSN,
        expStatSN, text.encode()));
    Bytes all = r.data();
    while (r.continues()) {
      r = sendAndReceive(new LoginRequest(false, false, stage, next, 0, 0, isid, 0, itt, 0, cmdSN, expStatSN,
          Bytes.EMPTY));
      all = all.concat(r.data());
    }
    return new LoginResponse(r.transit(), false, r.currentStage(), r.nextStage(), r.versionMax(),
        r.versionActive(), r.isid(), r.tsih(), r.initiatorTaskTag(), r.statSN(), r.expCmdSN(), r.maxCmdSN(),
        r.statusClass(), r.statusDetail(), all);
  }

  private LoginResponse sendAndReceive(LoginRequest request) throws IOException {
    connection.send(request);
    Pdu p = connection.receive();
    if (p instanceof Reject rj) {
      throw new LoginRejectedException(-1, "target rejected the login request: " + Reject.reasonName(rj.reason()));
    }
    if (!(p instanceof LoginResponse r)) {
      throw new LoginRejectedException(-1, "expected a Login Response, got opcode "
          + String.format("%02Xh", p.opcode()));
    }
    if (r.status() != 0) {
      throw new LoginRejectedException(r.status(), "login to " + targetName.orElse("discovery") + " at "
          + connection.peer() + " refused: " + LoginResponse.statusName(r.status())
          + String.format(" (%04Xh)", r.status()));
    }
    if (r.initiatorTaskTag() != itt) {
      throw new LoginRejectedException(-1, "Login Response for another task tag");
    }
    expStatSN = r.statSN() + 1;
    expCmdSN = r.expCmdSN();
    maxCmdSN = r.maxCmdSN();
    return r;
  }
}
