package org.vaultline.device.iscsi;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.vaultline.scsi.bytes.Bytes;

/** One PDU of every kind with field values drawn from a seeded random source, for codec tests. */
final class PduSamples {
  private PduSamples() {
  }

  static List<Pdu> all(Random r) {
    List<Pdu> p = new ArrayList<>();
    p.add(new NopOut(r.nextBoolean(), LunField.encode(r.nextInt(300)), r.nextInt(), r.nextInt(), r.nextInt(),
        r.nextInt(), bytes(r, 20)));
    p.add(new ScsiCommand(r.nextBoolean(), true, true, false, ScsiCommand.SIMPLE, LunField.encode(3), r.nextInt(),
        r.nextInt(1 << 20), r.nextInt(), r.nextInt(), bytes16(r), Bytes.EMPTY));
    p.add(new ScsiCommand(false, false, false, true, ScsiCommand.SIMPLE, LunField.encode(2), r.nextInt(), 4096,
        r.nextInt(), r.nextInt(), bytes16(r), bytes(r, 1000)));
    p.add(new TaskManagementRequest(true, TaskManagementRequest.ABORT_TASK, LunField.encode(1), r.nextInt(),
        r.nextInt(), r.nextInt(), r.nextInt(), r.nextInt(), r.nextInt()));
    p.add(new LoginRequest(r.nextBoolean(), r.nextBoolean(), r.nextInt(2), 1 + r.nextInt(3) / 2 * 2, 0, 0,
        r.nextLong() & 0xffffffffffffL, r.nextInt(65536), r.nextInt(), r.nextInt(65536), r.nextInt(), r.nextInt(),
        TextParameters.of("InitiatorName", "iqn.2024-01.org.vaultline:test", "AuthMethod", "None").encode()));
    p.add(new TextRequest(r.nextBoolean(), true, false, 0, r.nextInt(), Pdu.NO_TAG, r.nextInt(), r.nextInt(),
        TextParameters.of("SendTargets", "All").encode()));
    p.add(new DataOut(r.nextBoolean(), LunField.encode(2), r.nextInt(), r.nextInt(), r.nextInt(), r.nextInt(100),
        r.nextInt(1 << 20), bytes(r, 1 + r.nextInt(3000))));
    p.add(new LogoutRequest(true, LogoutRequest.CLOSE_SESSION, r.nextInt(), r.nextInt(65536), r.nextInt(),
        r.nextInt()));
    p.add(new NopIn(0, Pdu.NO_TAG, r.nextInt(), r.nextInt(), r.nextInt(), r.nextInt(), Bytes.EMPTY));
    p.add(new ScsiResponse(false, r.nextBoolean(), 0, 2, r.nextInt(), r.nextInt(), r.nextInt(), r.nextInt(),
        r.nextInt(), r.nextInt(1000), bytes(r, 18), Bytes.EMPTY));
    p.add(new ScsiResponse(false, false, 0, 0, r.nextInt(), r.nextInt(), r.nextInt(), r.nextInt(), 0, 0,
        Bytes.EMPTY, Bytes.EMPTY));
    p.add(new TaskManagementResponse(r.nextInt(256), r.nextInt(), r.nextInt(), r.nextInt(), r.nextInt()));
    p.add(new LoginResponse(true, false, 1, 3, 0, 0, r.nextLong() & 0xffffffffffffL, r.nextInt(65536), r.nextInt(),
        r.nextInt(), r.nextInt(), r.nextInt(), 0, 0, TextParameters.of("HeaderDigest", "None").encode()));
    p.add(new TextResponse(true, false, 0, r.nextInt(), Pdu.NO_TAG, r.nextInt(), r.nextInt(), r.nextInt(),
        TextParameters.of("TargetName", "iqn.x", "TargetAddress", "127.0.0.1:3260,1").encode()));
    p.add(new DataIn(true, false, false, true, true, 0, LunField.encode(1), r.nextInt(), Pdu.NO_TAG, r.nextInt(),
        r.nextInt(), r.nextInt(), r.nextInt(10), r.nextInt(1 << 20), r.nextInt(1000), bytes(r, 1 + r.nextInt(5000))));
    p.add(new LogoutResponse(0, r.nextInt(), r.nextInt(), r.nextInt(), r.nextInt(), r.nextInt(65536),
        r.nextInt(65536)));
    p.add(new ReadyToTransfer(LunField.encode(2), r.nextInt(), r.nextInt(), r.nextInt(), r.nextInt(), r.nextInt(),
        r.nextInt(), r.nextInt(1 << 20), r.nextInt(1 << 18)));
    p.add(new AsyncMessage(LunField.encode(1), r.nextInt(), r.nextInt(), r.nextInt(), AsyncMessage.SCSI_EVENT, 0, 0,
        0, 0, bytes(r, 18), Bytes.EMPTY));
    p.add(new Reject(Reject.PROTOCOL_ERROR, r.nextInt(), r.nextInt(), r.nextInt(), 0, bytes(r, 48)));
    Bytes snack = Bytes.of(0x10, 0x80).concat(Bytes.zeros(46));
    p.add(new UnknownPdu(snack, Bytes.EMPTY, Bytes.EMPTY));
    return p;
  }

  static Bytes bytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return Bytes.of(b);
  }

  /** A 16-byte CDB as a decoded SCSI Command holds it. */
  static Bytes bytes16(Random r) {
    Bytes b = bytes(r, 6);
    return b.concat(Bytes.zeros(10));
  }
}
