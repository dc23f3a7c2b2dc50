package org.vaultline.device.iscsi;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One TCP connection carrying PDUs, for either side. Sending is thread-safe; receiving is done by one
 * thread at a time (the login code, then the connection's reader). The observer sees a PDU just before
 * it is written, so it never sees the answer before the question.
 */
final class PduConnection implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final PduDecoder decoder;
  private final PduObserver observer;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final byte[] readBuffer = new byte[65536];
  private volatile Digests digests = Digests.NONE;
  private volatile boolean closed;

  PduConnection(Socket socket, PduObserver observer) throws IOException {
    this.socket = socket;
    socket.setTcpNoDelay(true);
    this.in = socket.getInputStream();
    this.out = new BufferedOutputStream(socket.getOutputStream(), 65536);
    this.decoder = new PduDecoder(0xffffff);
    this.observer = observer;
  }

  /** Switches both directions to {@code d} from the next PDU on. */
  void digests(Digests d) {
    writeLock.lock();
    try {
      digests = d;
      decoder.digests(d);
    } finally {
      writeLock.unlock();
    }
  }

  void send(Pdu pdu) throws IOException {
    writeLock.lock();
    try {
      observer.sent(pdu);
      out.write(PduEncoder.encode(pdu, digests));
      out.flush();
    } finally {
      writeLock.unlock();
    }
  }

  /** Sends several PDUs without other PDUs between them (a command and its unsolicited data). */
  void sendAll(Iterable<? extends Pdu> pdus) throws IOException {
    writeLock.lock();
    try {
      for (Pdu p : pdus) {
        observer.sent(p);
        out.write(PduEncoder.encode(p, digests));
      }
      out.flush();
    } finally {
      writeLock.unlock();
    }
  }

  /** The lock that keeps PDUs whole and in order; held while choosing a StatSN or CmdSN and sending it. */
  ReentrantLock writeLock() {
    return writeLock;
  }

  /**
   * Blocks for the next PDU.
   *
   * @throws EOFException when the peer closed the connection
   * @throws SocketTimeoutException when a read timeout is set and expires
   */
  Pdu receive() throws IOException {
    while (true) {
      Optional<Pdu> p = decoder.next();
      if (p.isPresent()) {
        observer.received(p.get());
        return p.get();
      }
      int n = in.read(readBuffer);
      if (n < 0) {
        throw new EOFException("connection closed by " + peer());
      }
      decoder.feed(readBuffer, 0, n);
    }
  }

  void readTimeout(int millis) throws IOException {
    socket.setSoTimeout(millis);
  }

  String peer() {
    return socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
  }

  Socket socket() {
    return socket;
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
