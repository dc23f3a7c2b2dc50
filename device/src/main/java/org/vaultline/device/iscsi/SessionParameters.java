package org.vaultline.device.iscsi;

/**
 * The operational parameters in effect on a session once login is complete (RFC 7143 13), with the
 * standard's defaults for keys nobody negotiated.
 *
 * @param initiatorMaxRecvDataSegmentLength the largest data segment the target may send (declared by
 *     the initiator)
 * @param targetMaxRecvDataSegmentLength the largest data segment the initiator may send (declared by the
 *     target; 8192 when it does not declare it, as tgt does not)
 */
public record SessionParameters(boolean headerDigest, boolean dataDigest, int initiatorMaxRecvDataSegmentLength,
                                int targetMaxRecvDataSegmentLength, int maxBurstLength, int firstBurstLength,
                                boolean initialR2T, boolean immediateData, int maxOutstandingR2T,
                                boolean dataPduInOrder, boolean dataSequenceInOrder, int errorRecoveryLevel,
                                int defaultTime2Wait, int defaultTime2Retain, int maxConnections) {

  /** RFC 7143 13 defaults. */
  public static final SessionParameters DEFAULTS = new SessionParameters(false, false, 8192, 8192, 262144, 65536,
      true, true, 1, true, true, 0, 2, 20, 1);

  public Digests digests() {
    return new Digests(headerDigest, dataDigest);
  }

  /** The parameters with the negotiated outcome {@code key=value} applied; keys not listed here are ignored. */
  SessionParameters with(String key, String value) {
    boolean yes = "Yes".equals(value);
    int n = Negotiation.number(value).orElse(-1);
    boolean number = n >= 0;
    return switch (key) {
      case "HeaderDigest" -> new SessionParameters("CRC32C".equals(value), dataDigest,
          initiatorMaxRecvDataSegmentLength, targetMaxRecvDataSegmentLength, maxBurstLength, firstBurstLength,
          initialR2T, immediateData, maxOutstandingR2T, dataPduInOrder, dataSequenceInOrder, errorRecoveryLevel,
          defaultTime2Wait, defaultTime2Retain, maxConnections);
      case "DataDigest" -> new SessionParameters(headerDigest, "CRC32C".equals(value),
          initiatorMaxRecvDataSegmentLength, targetMaxRecvDataSegmentLength, maxBurstLength, firstBurstLength,
          initialR2T, immediateData, maxOutstandingR2T, dataPduInOrder, dataSequenceInOrder, errorRecoveryLevel,
          defaultTime2Wait, defaultTime2Retain, maxConnections);
      case "MaxBurstLength" -> !number ? this : new SessionParameters(headerDigest, dataDigest,
          initiatorMaxRecvDataSegmentLength, targetMaxRecvDataSegmentLength, n, firstBurstLength,
          initialR2T, immediateData, maxOutstandingR2T, dataPduInOrder, dataSequenceInOrder, errorRecoveryLevel,
          defaultTime2Wait, defaultTime2Retain, maxConnections);
      case "FirstBurstLength" -> !number ? this : new SessionParameters(headerDigest, dataDigest,
          initiatorMaxRecvDataSegmentLength, targetMaxRecvDataSegmentLength, maxBurstLength, n,
          initialR2T, immediateData, maxOutstandingR2T, dataPduInOrder, dataSequenceInOrder, errorRecoveryLevel,
          defaultTime2Wait, defaultTime2Retain, maxConnections);
      case "InitialR2T" -> new SessionParameters(headerDigest, dataDigest,
          initiatorMaxRecvDataSegmentLength, targetMaxRecvDataSegmentLength, maxBurstLength, firstBurstLength,
          yes, immediateData, maxOutstandingR2T, dataPduInOrder, dataSequenceInOrder, errorRecoveryLevel,
          defaultTime2Wait, defaultTime2Retain, maxConnections);
      case "ImmediateData" -> new SessionParameters(headerDigest, dataDigest,
          initiatorMaxRecvDataSegmentLength, targetMaxRecvDataSegmentLength, maxBurstLength, firstBurstLength,
          initialR2T, yes, maxOutstandingR2T, dataPduInOrder, dataSequenceInOrder, errorRecoveryLevel,
          defaultTime2Wait, defaultTime2Retain, maxConnections);
      case "MaxOutstandingR2T" -> !number ? this : new SessionParameters(headerDigest, dataDigest,
          initiatorMaxRecvDataSegmentLength, targetMaxRecvDataSegmentLength, maxBurstLength, firstBurstLength,
          initialR2T, immediateData, n, dataPduInOrder, dataSequenceInOrder, errorRecoveryLevel,
          defaultTime2Wait, defaultTime2Retain, maxConnections);
      case "DataPDUInOrder" -> new SessionParameters(headerDigest, dataDigest,
          initiatorMaxRecvDataSegmentLength, targetMaxRecvDataSegmentLength, maxBurstLength, firstBurstLength,
          initialR2T, immediateData, maxOutstandingR2T, yes, dataSequenceInOrder, errorRecoveryLevel,
          defaultTime2Wait, defaultTime2Retain, maxConnections);
      case "DataSequenceInOrder" -> new SessionParameters(headerDigest, dataDigest,
          initiatorMaxRecvDataSegmentLength, targetMaxRecvDataSegmentLength, maxBurstLength, firstBurstLength,
          initialR2T, immediateData, maxOutstandingR2T, dataPduInOrder, yes, errorRecoveryLevel,
          defaultTime2Wait, defaultTime2Retain, maxConnections);
      case "ErrorRecoveryLevel" -> !number ? this : new SessionParameters(headerDigest, dataDigest,
          initiatorMaxRecvDataSegmentLength, targetMaxRecvDataSegmentLength, maxBurstLength, firstBurstLength,
          initialR2T, immediateData, maxOutstandingR2T, dataPduInOrder, dataSequenceInOrder, n,
          defaultTime2Wait, defaultTime2Retain, maxConnections);
      case "DefaultTime2Wait" -> !number ? this : new SessionParameters(headerDigest, dataDigest,
          initiatorMaxRecvDataSegmentLength, targetMaxRecvDataSegmentLength, maxBurstLength, firstBurstLength,
          initialR2T, immediateData, maxOutstandingR2T, dataPduInOrder, dataSequenceInOrder, errorRecoveryLevel,
          n, defaultTime2Retain, maxConnections);
      case "DefaultTime2Retain" -> !number ? this : new SessionParameters(headerDigest, dataDigest,
          initiatorMaxRecvDataSegmentLength, targetMaxRecvDataSegmentLength, maxBurstLength, firstBurstLength,
          initialR2T, immediateData, maxOutstandingR2T, dataPduInOrder, dataSequenceInOrder, errorRecoveryLevel,
          defaultTime2Wait, n, maxConnections);
      case "MaxConnections" -> !number ? this : new SessionParameters(headerDigest, dataDigest,
          initiatorMaxRecvDataSegmentLength, targetMaxRecvDataSegmentLength, maxBurstLength, firstBurstLength,
          initialR2T, immediateData, maxOutstandingR2T, dataPduInOrder, dataSequenceInOrder, errorRecoveryLevel,
          defaultTime2Wait, defaultTime2Retain, n);
      default -> this;
    };
  }

  /** The parameters with a MaxRecvDataSegmentLength declaration applied for the side that made it. */
  SessionParameters withDeclaredMaxRecvDataSegmentLength(boolean byTarget, int value) {
    return new SessionParameters(headerDigest, dataDigest,
        byTarget ? initiatorMaxRecvDataSegmentLength : value, byTarget ? value : targetMaxRecvDataSegmentLength,
        maxBurstLength, firstBurstLength, initialR2T, immediateData, maxOutstandingR2T, dataPduInOrder,
        dataSequenceInOrder, errorRecoveryLevel, defaultTime2Wait, defaultTime2Retain, maxConnections);
  }
}
