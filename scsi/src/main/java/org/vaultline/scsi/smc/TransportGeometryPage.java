package org.vaultline.scsi.smc;

import java.util.ArrayList;
import java.util.List;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.spc.ModePage;

/**
 * SMC-3 Transport Geometry Parameters mode page (1Eh): one 2-byte descriptor per medium transport
 * element, in the order of their addresses. Byte 0 bit 0: ROTATE, the transport can turn a cartridge
 * over (for two-sided media; the INVERT bits of MOVE MEDIUM); byte 1: MEMBER NUMBER IN TRANSPORT
 * ELEMENT SET. PAGE LENGTH is twice the number of transports.
 */
public record TransportGeometryPage(List<Transport> transports) {
  public static final int PAGE_CODE = 0x1E;

  /**
   * One transport's geometry.
   *
   * @param rotate ROTATE: the transport can invert media
   * @param memberNumber MEMBER NUMBER IN TRANSPORT ELEMENT SET, 0..255
   */
  public record Transport(boolean rotate, int memberNumber) {
    public Transport {
      if (memberNumber < 0 || memberNumber > 0xFF) {
        throw new IllegalArgumentException("member number is a byte, not " + memberNumber);
      }
    }
  }

  public TransportGeometryPage {
    transports = List.copyOf(transports);
    if (transports.size() > 127) {
      throw new IllegalArgumentException(transports.size() + " transports do not fit a page length byte");
    }
  }

  public static TransportGeometryPage of(Transport... transports) {
    return new TransportGeometryPage(List.of(transports));
  }

  /** Decodes the page from MODE SENSE data. An odd last byte (half a descriptor) is ignored. */
  public static TransportGeometryPage from(ModePage page) throws MalformedResponseException {
    Bytes body = ModePages.body(page, PAGE_CODE, 0, "transport geometry parameters");
    List<Transport> list = new ArrayList<>();
    for (int i = 0; i + 1 < body.size(); i += 2) {
      list.add(new Transport((body.get(i) & 0x01) != 0, body.get(i + 1)));
    }
    return new TransportGeometryPage(list);
  }

  /** Decodes the page from its bytes as they appear in mode parameter data (header included). */
  public static TransportGeometryPage parse(Bytes page) throws MalformedResponseException {
    return from(ModePages.read(page));
  }

  public ModePage toModePage() {
    return toModePage(false);
  }

  public ModePage toModePage(boolean parametersSaveable) {
    BigEndianWriter w = new BigEndianWriter(2 * transports.size());
    for (Transport t : transports) {
      w.u8(t.rotate() ? 0x01 : 0) // byte 0 bit 0: ROTATE
          .u8(t.memberNumber()); // byte 1: MEMBER NUMBER IN TRANSPORT ELEMENT SET
    }
    return new ModePage(PAGE_CODE, 0, parametersSaveable, false, w.toBytes());
  }
}
