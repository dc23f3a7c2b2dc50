package org.vaultline.device.sgio;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * A small logical unit for transport tests (until the emulator of test-fixtures can be used here):
 * TEST UNIT READY, INQUIRY (standard data and VPD 80h), WRITE BUFFER / READ BUFFER in data mode as a
 * data-out / data-in round trip, CHECK CONDITION 5/20/00 for anything else. Results can be scripted
 * ahead; every request received is kept.
 */
public final class ScriptedLogicalUnit implements ScsiTransport {
  private final int peripheralType;
  private final String vendor;
  private final String product;
  private final String serial;
  private final List<ScsiRequest> received = Collections.synchronizedList(new ArrayList<>());
  private final Deque<ScsiResult> scripted = new ArrayDeque<>();
  private Bytes buffer = Bytes.EMPTY;

  public ScriptedLogicalUnit(int peripheralType, String vendor, String product, String serial) {
    this.peripheralType = peripheralType;
    this.vendor = vendor;
    this.product = product;
    this.serial = serial;
  }

  /** A tape drive, IBM ULT3580-TD5, serial 1013000655. */
  public static ScriptedLogicalUnit tapeDrive() {
    return new ScriptedLogicalUnit(0x01, "IBM", "ULT3580-TD5", "1013000655");
  }

  /** The next command gets {@code result} whatever it is. */
  public ScriptedLogicalUnit thenAnswer(ScsiResult result) {
    scripted.add(result);
    return this;
  }

  public List<ScsiRequest> received() {
    return List.copyOf(received);
  }

  public Bytes buffer() {
    return buffer;
  }

  @Override
  public synchronized ScsiResult execute(ScsiRequest r) {
    received.add(r);
    if (!scripted.isEmpty()) {
      return scripted.poll();
    }
    Bytes cdb = r.cdb().bytes();
    switch (r.cdb().opcode()) {
      case 0x00:
        return ScsiResult.good();
      case 0x12:
        return inquiry(r, cdb);
      case 0x3B: // WRITE BUFFER, mode 02h data: keep what was sent
        if ((cdb.get(1) & 0x1f) != 0x02) {
          return invalidField();
        }
        buffer = r.dataOut();
        return ScsiResult.good();
      case 0x3C: { // READ BUFFER, mode 02h data, allocation length bytes 6-8
        if ((cdb.get(1) & 0x1f) != 0x02) {
          return invalidField();
        }
        int allocation = cdb.get(6) << 16 | cdb.get(7) << 8 | cdb.get(8);
        return in(r, buffer.prefix(allocation));
      }
      default:
        return ScsiResult.checkCondition(Sense.of(SenseKey.ILLEGAL_REQUEST, 0x20, 0x00).encodeFixed());
    }
  }

  private ScsiResult inquiry(ScsiRequest r, Bytes cdb) {
    int allocation = cdb.get(3) << 8 | cdb.get(4);
    Bytes data;
    if ((cdb.get(1) & 0x01) == 0) {
      data = new BigEndianWriter()
          .u8(peripheralType).u8(0x80).u8(0x06).u8(0x02).u8(31).zeros(3)
          .asciiPadded(vendor, 8).asciiPadded(product, 16).asciiPadded("0123", 4)
          .toBytes();
    } else if (cdb.get(2) == 0x80) {
      data = new BigEndianWriter().u8(peripheralType).u8(0x80).u16(serial.length())
          .bytes(Bytes.ascii(serial)).toBytes();
    } else {
      return invalidField();
    }
    return in(r, data.prefix(allocation));
  }

  private static ScsiResult in(ScsiRequest r, Bytes data) {
    Bytes sent = data.prefix(r.dataInLength());
    return ScsiResult.good(sent, r.dataInLength() - sent.size());
  }

  private static ScsiResult invalidField() {
    return ScsiResult.checkCondition(Sense.of(SenseKey.ILLEGAL_REQUEST, 0x24, 0x00).encodeFixed());
  }

  @Override
  public String describe() {
    return "scripted:" + product;
  }

  @Override
  public void close() {
  }
}
