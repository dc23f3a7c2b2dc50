package org.vaultline.device.iscsi;

import org.vaultline.scsi.bytes.Bytes;

/**
 * One iSCSI Protocol Data Unit (RFC 7143 11): a 48-byte Basic Header Segment, optional Additional
 * Header Segments and a data segment. Shared by the initiator and the target. Numeric fields that the
 * standard defines as unsigned 32-bit (tags, sequence numbers, lengths) are held in {@code int}s with
 * the same bits; compare sequence numbers with {@link SerialNumbers}.
 */
public sealed interface Pdu permits NopOut, ScsiCommand, TaskManagementRequest, LoginRequest, TextRequest,
    DataOut, LogoutRequest, NopIn, ScsiResponse, TaskManagementResponse, LoginResponse, TextResponse, DataIn,
    LogoutResponse, ReadyToTransfer, AsyncMessage, Reject, UnknownPdu {

  /** The reserved tag value 0xffffffff: no task (ITT) or no transfer (TTT). */
  int NO_TAG = Bhs.NO_TAG;

  /** Byte 0 bits 5..0. */
  int opcode();

  /** Bytes 16..19, 0xffffffff where the PDU belongs to no task. */
  int initiatorTaskTag();

  /** The data segment, without padding. */
  Bytes data();

  /** Additional Header Segments, a multiple of 4 bytes; empty for all but long CDBs. */
  default Bytes ahs() {
    return Bytes.EMPTY;
  }

  /** The 48-byte Basic Header Segment with TotalAHSLength and DataSegmentLength filled in. */
  Bytes header();

  /**
   * Decodes one PDU from its parts. Unknown opcodes give an {@link UnknownPdu}; the fixed-size header
   * cannot be malformed, only the structures inside a data segment or an AHS can.
   */
  static Pdu decode(Bytes header, Bytes ahs, Bytes data) throws MalformedPduException {
    if (header.size() != Bhs.LENGTH) {
      throw new MalformedPduException("a basic header segment is 48 bytes, not " + header.size());
    }
    Bhs h = Bhs.read(header);
    return switch (h.opcode()) {
      case NopOut.OPCODE -> NopOut.decode(h, data);
      case ScsiCommand.OPCODE -> ScsiCommand.decode(h, ahs, data);
      case TaskManagementRequest.OPCODE -> TaskManagementRequest.decode(h);
      case LoginRequest.OPCODE -> LoginRequest.decode(h, data);
      case TextRequest.OPCODE -> TextRequest.decode(h, data);
      case DataOut.OPCODE -> DataOut.decode(h, data);
      case LogoutRequest.OPCODE -> LogoutRequest.decode(h);
      case NopIn.OPCODE -> NopIn.decode(h, data);
      case ScsiResponse.OPCODE -> ScsiResponse.decode(h, data);
      case TaskManagementResponse.OPCODE -> TaskManagementResponse.decode(h);
      case LoginResponse.OPCODE -> LoginResponse.decode(h, data);
      case TextResponse.OPCODE -> TextResponse.decode(h, data);
      case DataIn.OPCODE -> DataIn.decode(h, data);
      case LogoutResponse.OPCODE -> LogoutResponse.decode(h);
      case ReadyToTransfer.OPCODE -> ReadyToTransfer.decode(h);
      case AsyncMessage.OPCODE -> AsyncMessage.decode(h, data);
      case Reject.OPCODE -> Reject.decode(h, data);
      default -> new UnknownPdu(header, ahs, data);
    };
  }

  /** True for the opcodes only an initiator sends (00h..1Fh), RFC 7143 11.2.1.2. */
  static boolean isInitiatorOpcode(int opcode) {
    return opcode < 0x20;
  }
}
