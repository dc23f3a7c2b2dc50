package org.vaultline.device.iscsi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Optional;

/** A logged-in connection driven PDU by PDU, to send a target what a well-behaved initiator would not. */
final class RawSession implements AutoCloseable {
  final PduConnection connection;
  final InitiatorLogin.Outcome outcome;

  private RawSession(PduConnection connection, InitiatorLogin.Outcome outcome) {
    this.connection = connection;
    this.outcome = outcome;
  }

  static RawSession login(int port, String targetName, InitiatorOptions options) throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
    PduConnection c = new PduConnection(s, options.observer());
    c.readTimeout(20_000);
    InitiatorLogin.Outcome o = InitiatorLogin.login(c, options, Optional.of(targetName), 0x800000123456L, 1, 1);
    c.digests(o.parameters().digests());
    return new RawSession(c, o);
  }

  /** The next PDU that is not a target NOP-In ping. */
  Pdu receive() throws IOException {
    while (true) {
      Pdu p = connection.receive();
      if (!(p instanceof NopIn n && n.isPing())) {
        return p;
      }
    }
  }

  @Override
  public void close() {
    connection.close();
  }
}
