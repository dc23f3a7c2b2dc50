package org.vaultline.device.iscsi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * A small in-memory logical unit for transport tests: standard INQUIRY and VPD 00h/80h, TEST UNIT READY,
 * and for a tape (type 1) variable-block WRITE(6), READ(6), WRITE FILEMARKS(6) and REWIND. Anything else
 * gets ILLEGAL REQUEST, invalid command operation code. A gate can hold commands to simulate a device
 * that does not answer.
 */
final class TestLun implements ScsiTransport {
  private final int deviceType;
  private final String product;
  private final String serial;
  private final List<Bytes> blocks = new ArrayList<>();
  private int position;
  private final List<Bytes> cdbs = new CopyOnWriteArrayList<>();
  private volatile CountDownLatch gate;

  TestLun(int deviceType, String product, String serial) {
    this.deviceType = deviceType;
    this.product = product;
    this.serial = serial;
  }

  /** From now on, commands wait until {@link #open()} (or 60 s). */
  void hold() {
    gate = new CountDownLatch(1);
  }

  void open() {
    CountDownLatch g = gate;
    gate = null;
    if (g != null) {
      g.countDown();
    }
  }

  /** CDBs received, in order of arrival (held ones included). */
  List<Bytes> cdbs() {
    return cdbs;
  }

  @Override
  public ScsiResult execute(ScsiRequest request) {
    Bytes cdb = request.cdb().bytes();
    // recorded on arrival, before any hold, so a test can wait until the LUN really has the command
    cdbs.add(cdb);
    CountDownLatch g = gate;
    if (g != null) {
      try {
        g.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      return run(cdb, request);
    }
  }

  private ScsiResult run(Bytes cdb, ScsiRequest request) {
    int alloc = request.dataInLength();
    switch (cdb.get(0)) {
      case 0x00 -> {
        return ScsiResult.good();
      }
      case 0x12 -> {
        boolean evpd = (cdb.get(1) & 1) != 0;
        Bytes data;
        if (!evpd) {
          data = new BigEndianWriter().u8(deviceType).u8(deviceType == 1 || deviceType == 8 ? 0x80 : 0).u8(0x06)
              .u8(0x02).u8(91).u8(0).u8(0).u8(0x02).asciiPadded("VAULTLN", 8).asciiPadded(product, 16)
              .asciiPadded("0100", 4).zeros(20).zeros(2).u16(0x0960).zeros(36).toBytes();
        } else if (cdb.get(2) == 0x00) {
          data = Bytes.of(deviceType, 0x00, 0x00, 0x02, 0x00, 0x80);
        } else if (cdb.get(2) == 0x80) {
          data = new BigEndianWriter().u8(deviceType).u8(0x80).u16(serial.length()).asciiPadded(serial, serial.length())
              .toBytes();
        } else {
          return check(SenseKey.ILLEGAL_REQUEST, 0x24, 0x00);
        }
        return ScsiResult.good(data.prefix(alloc), Math.max(0, alloc - data.size()));
      }
      case 0x03 -> {
        Bytes s = Sense.of(SenseKey.NO_SENSE, 0, 0).encodeFixed();
        return ScsiResult.good(s.prefix(alloc), Math.max(0, alloc - s.size()));
      }
      case 0x01 -> {
        if (deviceType != 1) {
          break;
        }
        position = 0;
        return ScsiResult.good();
      }
      case 0x0a -> {
        if (deviceType != 1) {
          break;
        }
        while (blocks.size() > position) {
          blocks.remove(blocks.size() - 1);
        }
        blocks.add(request.dataOut());
        position++;
        return ScsiResult.good();
      }
      case 0x10 -> {
        if (deviceType != 1) {
          break;
        }
        while (blocks.size() > position) {
          blocks.remove(blocks.size() - 1);
        }
        blocks.add(null);
        position++;
        return ScsiResult.good();
      }
      case 0x08 -> {
        if (deviceType != 1) {
          break;
        }
        if (position >= blocks.size()) {
          return check(SenseKey.BLANK_CHECK, 0x00, 0x05);
        }
        Bytes b = blocks.get(position++);
        if (b == null) {
          return ScsiResult.checkCondition(Sense.of(SenseKey.NO_SENSE, 0x00, 0x01).withStreamBits(true, false, false)
              .encodeFixed());
        }
        return ScsiResult.good(b.prefix(alloc), Math.max(0, alloc - b.size()));
      }
      default -> {
      }
    }
    return check(SenseKey.ILLEGAL_REQUEST, 0x20, 0x00);
  }

  private static ScsiResult check(SenseKey key, int asc, int ascq) {
    return ScsiResult.checkCondition(Sense.of(key, asc, ascq).encodeFixed());
  }

  @Override
  public String describe() {
    return "test:" + product;
  }

  @Override
  public void close() {
  }
}
