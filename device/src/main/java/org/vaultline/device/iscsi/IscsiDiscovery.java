package org.vaultline.device.iscsi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vaultline.scsi.bytes.Bytes;

/**
 * SendTargets discovery (RFC 7143 appendix C): a discovery session, one {@code SendTargets=All} text
 * exchange (following Text Response continuations), logout.
 */
public final class IscsiDiscovery {
  private IscsiDiscovery() {
  }

  /** The targets the portal at {@code host:port} reports. */
  public static List<DiscoveredTarget> sendTargets(String host, int port, InitiatorOptions options)
      throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) options.connectTimeout().toMillis());
      PduConnection c = new PduConnection(socket, options.observer());
      c.readTimeout((int) options.loginTimeout().toMillis());
      long isid = (0x80L << 40) | (long) (Math.random() * (1L << 40));
      int cmdSN = 1;
      InitiatorLogin.Outcome o = InitiatorLogin.login(c, options, Optional.empty(), isid, cmdSN, 1);
      c.digests(o.parameters().digests());
      int expStatSN = o.expStatSN();
      int itt = 2;
      Bytes text = Bytes.EMPTY;
      TextRequest request = new TextRequest(false, true, false, 0, itt, Pdu.NO_TAG, cmdSN, expStatSN,
          TextParameters.of("SendTargets", "All").encode());
      cmdSN++;
      for (int rounds = 0; rounds < 1000; rounds++) {
        c.send(request);
        TextResponse r = expect(c.receive(), TextResponse.class);
        expStatSN = r.statSN() + 1;
        text = text.concat(r.data());
        if (r.finalFlag() && !r.continues()) {
          break;
        }
        request = new TextRequest(false, true, false, 0, itt, r.targetTransferTag(), cmdSN, expStatSN, Bytes.EMPTY);
        cmdSN++;
      }
      try {
        c.send(new LogoutRequest(true, LogoutRequest.CLOSE_SESSION, itt + 1, 0, cmdSN, expStatSN));
        expect(c.receive(), LogoutResponse.class);
      } catch (IOException e) {
        // the answer is in hand; a target that drops the connection at logout changes nothing
      }
      return parse(TextParameters.parse(text));
    }
  }

  /** Groups TargetName/TargetAddress pairs: each address belongs to the TargetName before it. */
  static List<DiscoveredTarget> parse(TextParameters text) {
    List<DiscoveredTarget> targets = new ArrayList<>();
    String name = null;
    List<DiscoveredTarget.Portal> portals = new ArrayList<>();
    for (TextParameters.Pair p : text.pairs()) {
      if (p.key().equals("TargetName")) {
        if (name != null) {
          targets.add(new DiscoveredTarget(name, portals));
        }
        name = p.value();
        portals = new ArrayList<>();
      } else if (p.key().equals("TargetAddress") && name != null) {
        portals.add(DiscoveredTarget.Portal.parse(p.value()));
      }
    }
    if (name != null) {
      targets.add(new DiscoveredTarget(name, portals));
    }
    return targets;
  }

  private static <T extends Pdu> T expect(Pdu p, Class<T> type) throws IOException {
    if (type.isInstance(p)) {
      return type.cast(p);
    }
    if (p instanceof Reject r) {
      throw new IOException("target rejected the request: " + Reject.reasonName(r.reason()));
    }
    throw new IOException("expected " + type.getSimpleName() + ", got opcode " + String.format("%02Xh", p.opcode()));
  }
}
