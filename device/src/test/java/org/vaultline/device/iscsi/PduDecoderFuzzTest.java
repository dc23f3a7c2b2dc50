package org.vaultline.device.iscsi;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Jazzer target for the iSCSI PDU framing shared by our initiator and target. In a normal
 * {@code mvn test} it runs over the seeds in
 * {@code src/test/resources/org/vaultline/device/iscsi/PduDecoderFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes.
 *
 * <p>The first input byte chooses the connection's digests (bit 0 HeaderDigest, bit 1 DataDigest) and a
 * piece size of 1..64 bytes (bits 7..2); the rest is what arrives on the socket. Decoding it must give
 * PDUs or {@link MalformedPduException}s, nothing else, and the same PDUs and errors in the same order
 * whether the bytes come all at once, in pieces, or one at a time. Every PDU decoded must also come back
 * unchanged from its own encoding.
 */
class PduDecoderFuzzTest {
  /** Large enough for every PDU kind, small enough that the fuzzer does not spend its time buffering. */
  private static final int MAX_DATA_SEGMENT = 1 << 16;

  @FuzzTest
  void anyByteStreamDecodesTheSameHoweverItIsCut(byte[] input) {
    if (input.length == 0) {
      return;
    }
    int choice = input[0] & 0xff;
    Digests digests = new Digests((choice & 1) != 0, (choice & 2) != 0);
    int piece = 1 + (choice >>> 2);
    byte[] stream = Arrays.copyOfRange(input, 1, input.length);

    List<Object> whole = decode(stream, Math.max(1, stream.length), digests);
    List<Object> inPieces = decode(stream, piece, digests);
    List<Object> byteByByte = decode(stream, 1, digests);

    if (!whole.equals(inPieces) || !whole.equals(byteByByte)) {
      throw new AssertionError("decoding depends on how the stream is cut:\n all at once: " + whole
          + "\n in pieces of " + piece + ": " + inPieces + "\n byte by byte: " + byteByByte);
    }
    for (Object o : whole) {
      if (o instanceof Pdu pdu) {
        List<Object> again = decode(PduEncoder.encode(pdu, digests), Integer.MAX_VALUE, digests);
        if (!again.equals(List.of(pdu, "0 bytes left"))) {
          throw new AssertionError("PDU does not survive its own encoding: " + pdu + " -> " + again);
        }
      }
    }
  }

  /**
   * Feeds {@code stream} in pieces of {@code piece} bytes and takes every PDU after each piece. Returns
   * the PDUs, the messages of the errors in between, and what was left buffered. A header error breaks
   * the decoder for good (it throws the same exception again): decoding stops there.
   */
  private static List<Object> decode(byte[] stream, int piece, Digests digests) {
    PduDecoder decoder = new PduDecoder(MAX_DATA_SEGMENT);
    decoder.digests(digests);
    List<Object> out = new ArrayList<>();
    MalformedPduException last = null;
    for (int off = 0; off < stream.length; off += piece) {
      decoder.feed(stream, off, Math.min(piece, stream.length - off));
      while (true) {
        Optional<Pdu> next;
        try {
          next = decoder.next();
        } catch (MalformedPduException e) {
          if (e == last) {
            out.add("broken");
            return out;
          }
          out.add(e.getClass().getSimpleName() + ": " + e.getMessage());
          last = e;
          continue;
        }
        if (next.isEmpty()) {
          break;
        }
        out.add(next.get());
      }
    }
    out.add(decoder.buffered() + " bytes left");
    return out;
  }
}
