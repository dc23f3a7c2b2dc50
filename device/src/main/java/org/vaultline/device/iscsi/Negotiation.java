package org.vaultline.device.iscsi;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How each login and text key is negotiated (RFC 7143 6.2 and 13): the same rules serve the target,
 * which answers an offer, and the initiator, which checks the answer and adopts the outcome.
 */
final class Negotiation {
  static final String REJECT = "Reject";
  static final String IRRELEVANT = "Irrelevant";
  static final String NOT_UNDERSTOOD = "NotUnderstood";

  /** How a key's outcome is reached. */
  enum Rule {
    /** Comma-separated preference list; the responder picks the first value it supports. */
    LIST,
    /** Boolean, Yes only if both say Yes. */
    AND,
    /** Boolean, Yes if either says Yes. */
    OR,
    /** Number, the smaller one. */
    MIN,
    /** Number, the larger one. */
    MAX,
    /** Each side states its own value; nothing to agree on. */
    DECLARATIVE
  }

  private Negotiation() {
  }

  static Optional<Rule> rule(String key) {
    return Optional.ofNullable(switch (key) {
      case "HeaderDigest", "DataDigest", "AuthMethod" -> Rule.LIST;
      case "ImmediateData" -> Rule.AND;
      case "InitialR2T", "DataPDUInOrder", "DataSequenceInOrder" -> Rule.OR;
      case "MaxConnections", "MaxBurstLength", "FirstBurstLength", "DefaultTime2Retain", "MaxOutstandingR2T",
           "ErrorRecoveryLevel" -> Rule.MIN;
      case "DefaultTime2Wait" -> Rule.MAX;
      case "MaxRecvDataSegmentLength", "InitiatorName", "TargetName", "InitiatorAlias", "TargetAlias",
           "TargetAddress", "TargetPortalGroupTag", "SessionType" -> Rule.DECLARATIVE;
      default -> null;
    });
  }

  /** The range a numeric key may take (RFC 7143 13). */
  static int[] range(String key) {
    return switch (key) {
      case "MaxBurstLength", "FirstBurstLength", "MaxRecvDataSegmentLength" -> new int[] {512, 0xffffff};
      case "MaxConnections", "MaxOutstandingR2T" -> new int[] {1, 65535};
      case "ErrorRecoveryLevel" -> new int[] {0, 2};
      case "DefaultTime2Wait", "DefaultTime2Retain" -> new int[] {0, 3600};
      default -> new int[] {0, Integer.MAX_VALUE};
    };
  }

  /** A decimal (or 0x hexadecimal) numeric value, if it is one. */
  static OptionalInt number(String value) {
    try {
      long n = value.startsWith("0x") || value.startsWith("0X") ? Long.parseLong(value.substring(2), 16)
          : Long.parseLong(value);
      return n < 0 || n > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) n);
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  static List<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * The responder's answer to {@code offered}, given what it accepts itself ({@code own}: its preference
   * list, its Yes/No, or its limit).
   */
  static String answer(String key, String offered, String own) {
    Optional<Rule> rule = rule(key);
    if (rule.isEmpty()) {
      return NOT_UNDERSTOOD;
    }
    switch (rule.get()) {
      case LIST -> {
        List<String> ours = list(own);
        for (String o : list(offered)) {
          if (ours.contains(o)) {
            return o;
          }
        }
        return REJECT;
      }
      case AND, OR -> {
        if (!offered.equals("Yes") && !offered.equals("No")) {
          return REJECT;
        }
        boolean a = offered.equals("Yes");
        boolean b = own.equals("Yes");
        return (rule.get() == Rule.AND ? a && b : a || b) ? "Yes" : "No";
      }
      case MIN, MAX -> {
        OptionalInt a = number(offered);
        OptionalInt b = number(own);
        int[] r = range(key);
        if (a.isEmpty() || b.isEmpty() || a.getAsInt() < r[0] || a.getAsInt() > r[1]) {
          return REJECT;
        }
        int v = rule.get() == Rule.MIN ? Math.min(a.getAsInt(), b.getAsInt()) : Math.max(a.getAsInt(), b.getAsInt());
        return Integer.toString(v);
      }
      default -> {
        return own;
      }
    }
  }

  /**
   * The value both sides adopt once the responder answered {@code answer} to {@code offered}, or empty
   * when the answer breaks the rule (a choice that was not offered, a larger minimum) or declines.
   */
  static Optional<String> outcome(String key, String offered, String answer) {
    Optional<Rule> rule = rule(key);
    if (rule.isEmpty() || answer.equals(REJECT) || answer.equals(IRRELEVANT) || answer.equals(NOT_UNDERSTOOD)) {
      return Optional.empty();
    }
    switch (rule.get()) {
      case LIST -> {
        return list(offered).contains(answer) ? Optional.of(answer) : Optional.empty();
      }
      case AND -> {
        return answer.equals("Yes") && !offered.equals("Yes") || !answer.equals("Yes") && !answer.equals("No")
            ? Optional.empty() : Optional.of(answer);
      }
      case OR -> {
        return answer.equals("No") && !offered.equals("No") || !answer.equals("Yes") && !answer.equals("No")
            ? Optional.empty() : Optional.of(answer);
      }
      case MIN, MAX -> {
        OptionalInt a = number(offered);
        OptionalInt b = number(answer);
        if (a.isEmpty() || b.isEmpty()) {
          return Optional.empty();
        }
        boolean ok = rule.get() == Rule.MIN ? b.getAsInt() <= a.getAsInt() : b.getAsInt() >= a.getAsInt();
        int[] r = range(key);
        return ok && b.getAsInt() >= r[0] && b.getAsInt() <= r[1] ? Optional.of(answer) : Optional.empty();
      }
      default -> {
        return Optional.of(answer);
      }
    }
  }
}
