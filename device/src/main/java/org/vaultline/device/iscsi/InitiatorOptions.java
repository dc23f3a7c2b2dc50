package org.vaultline.device.iscsi;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How an initiator logs in and what it offers (RFC 7143 13). Start from {@link #defaults()} and change
 * what differs with the {@code with*} methods.
 *
 * @param chap credentials to prove to the target (one-way CHAP); empty for AuthMethod=None
 * @param mutualChap the name and secret the target must prove in return (mutual CHAP); needs {@code chap}
 * @param maxRecvDataSegmentLength the largest data segment we accept, declared at login
 * @param taskManagementTimeout how long to wait for the answer to ABORT TASK or LOGICAL UNIT RESET
 * @param isid a fixed ISID (48 bits) for every session opened with these options; empty for a new random one
 *     per session. A fixed ISID makes successive sessions the same I_T nexus to the target, as open-iscsi's
 *     per-interface ISID does: a second login with it reinstates (replaces) the first session.
 */
public record InitiatorOptions(String initiatorName, Optional<ChapCredentials> chap,
                               Optional<ChapCredentials> mutualChap, DigestOffer headerDigest,
                               DigestOffer dataDigest, int maxRecvDataSegmentLength, boolean immediateData,
                               boolean initialR2T, int firstBurstLength, int maxBurstLength,
                               Duration connectTimeout, Duration loginTimeout, Duration taskManagementTimeout,
                               PduObserver observer, OptionalLong isid) {
  public static final String DEFAULT_INITIATOR_NAME = "iqn.2024-01.org.vaultline:initiator";

  public InitiatorOptions {
    if (mutualChap.isPresent() && chap.isEmpty()) {
      throw new IllegalArgumentException("mutual CHAP needs the initiator's own CHAP credentials too");
    }
    if (isid.isPresent() && (isid.getAsLong() >>> 48) != 0) {
      throw new IllegalArgumentException("an ISID is 48 bits");
    }
    if (maxRecvDataSegmentLength < 512 || maxRecvDataSegmentLength > 0xffffff) {
      throw new IllegalArgumentException("MaxRecvDataSegmentLength must be 512..16777215");
    }
  }

  public static InitiatorOptions defaults() {
    return new InitiatorOptions(DEFAULT_INITIATOR_NAME, Optional.empty(), Optional.empty(), DigestOffer.NONE,
        DigestOffer.NONE, 262144, true, false, 65536, 262144, Duration.ofSeconds(10), Duration.ofSeconds(15),
        Duration.ofSeconds(10), PduObserver.NONE, OptionalLong.empty());
  }

  public InitiatorOptions withInitiatorName(String name) {
    return new InitiatorOptions(name, chap, mutualChap, headerDigest, dataDigest, maxRecvDataSegmentLength,
        immediateData, initialR2T, firstBurstLength, maxBurstLength, connectTimeout, loginTimeout,
        taskManagementTimeout, observer, isid);
  }

  public InitiatorOptions withChap(ChapCredentials credentials) {
    return new InitiatorOptions(initiatorName, Optional.of(credentials), mutualChap, headerDigest, dataDigest,
        maxRecvDataSegmentLength, immediateData, initialR2T, firstBurstLength, maxBurstLength, connectTimeout,
        loginTimeout, taskManagementTimeout, observer, isid);
  }

  public InitiatorOptions withMutualChap(ChapCredentials target) {
    return new InitiatorOptions(initiatorName, chap, Optional.of(target), headerDigest, dataDigest,
        maxRecvDataSegmentLength, immediateData, initialR2T, firstBurstLength, maxBurstLength, connectTimeout,
        loginTimeout, taskManagementTimeout, observer, isid);
  }

  public InitiatorOptions withDigests(DigestOffer header, DigestOffer data) {
    return new InitiatorOptions(initiatorName, chap, mutualChap, header, data, maxRecvDataSegmentLength,
        immediateData, initialR2T, firstBurstLength, maxBurstLength, connectTimeout, loginTimeout,
        taskManagementTimeout, observer, isid);
  }

  public InitiatorOptions withMaxRecvDataSegmentLength(int length) {
    return new InitiatorOptions(initiatorName, chap, mutualChap, headerDigest, dataDigest, length, immediateData,
        initialR2T, firstBurstLength, maxBurstLength, connectTimeout, loginTimeout, taskManagementTimeout,
        observer, isid);
  }

  /** ImmediateData and InitialR2T as offered; the session uses what the target agrees to. */
  public InitiatorOptions withWriteData(boolean immediate, boolean initialR2t, int firstBurst, int maxBurst) {
    return new InitiatorOptions(initiatorName, chap, mutualChap, headerDigest, dataDigest,
        maxRecvDataSegmentLength, immediate, initialR2t, firstBurst, maxBurst, connectTimeout, loginTimeout,
        taskManagementTimeout, observer, isid);
  }

  public InitiatorOptions withTimeouts(Duration connect, Duration login, Duration taskManagement) {
    return new InitiatorOptions(initiatorName, chap, mutualChap, headerDigest, dataDigest,
        maxRecvDataSegmentLength, immediateData, initialR2T, firstBurstLength, maxBurstLength, connect, login,
        taskManagement, observer, isid);
  }

  public InitiatorOptions withObserver(PduObserver o) {
    return new InitiatorOptions(initiatorName, chap, mutualChap, headerDigest, dataDigest,
        maxRecvDataSegmentLength, immediateData, initialR2T, firstBurstLength, maxBurstLength, connectTimeout,
        loginTimeout, taskManagementTimeout, o, isid);
  }

  /** Logs in with this fixed ISID (48 bits) instead of a random one per session. */
  public InitiatorOptions withIsid(long fixedIsid) {
    return new InitiatorOptions(initiatorName, chap, mutualChap, headerDigest, dataDigest,
        maxRecvDataSegmentLength, immediateData, initialR2T, firstBurstLength, maxBurstLength, connectTimeout,
        loginTimeout, taskManagementTimeout, observer, OptionalLong.of(fixedIsid));
  }

  /**
   * A fixed ISID derived from {@code name}: the same tool on the same host is then the same initiator port
   * to a target from one run to the next. Type 10b (RFC 7143 10.12.5) with the name's hash as its bits.
   */
  public static long stableIsid(String name) {
    long h = name.hashCode() & 0xffffffffL;
    return (0x80L << 40) | (h & 0x3fffffL) << 24 | ((h >>> 22) & 0xffffL);
  }
}
