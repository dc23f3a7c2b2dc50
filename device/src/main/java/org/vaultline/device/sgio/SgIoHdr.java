package org.vaultline.device.sgio;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * Linux {@code struct sg_io_hdr} ({@code <scsi/sg.h>}, sg driver version 3 interface), the argument of
 * the {@code SG_IO} ioctl: 88 bytes on x86-64, 64 on i386. The fields keep their C names so that the
 * layout test can compare each one with gcc's {@code offsetof}; JNA's default alignment is the
 * platform's, as gcc's is.
 */
@Structure.FieldOrder({"interface_id", "dxfer_direction", "cmd_len", "mx_sb_len", "iovec_count",
    "dxfer_len", "dxferp", "cmdp", "sbp", "timeout", "flags", "pack_id", "usr_ptr", "status",
    "masked_status", "msg_status", "sb_len_wr", "host_status", "driver_status", "resid", "duration",
    "info"})
public final class SgIoHdr extends Structure {
  /** Value of {@code interface_id}: 'S' for SCSI generic. */
  public static final int INTERFACE_ID = 'S';
  public static final int SG_DXFER_NONE = -1;
  public static final int SG_DXFER_TO_DEV = -2;
  public static final int SG_DXFER_FROM_DEV = -3;
  /** Bit 0 of {@code info}: set when status, host_status or driver_status is not zero. */
  public static final int SG_INFO_CHECK = 0x1;

  // [i] inputs, [o] outputs, as <scsi/sg.h> marks them.
  public int interface_id;    // [i] 'S'
  public int dxfer_direction; // [i] SG_DXFER_*
  public byte cmd_len;        // [i] CDB length
  public byte mx_sb_len;      // [i] size of the sense buffer
  public short iovec_count;   // [i] 0: dxferp is a plain buffer
  public int dxfer_len;       // [i] data buffer size
  public Pointer dxferp;      // [i] data buffer
  public Pointer cmdp;        // [i] CDB
  public Pointer sbp;         // [i] sense buffer
  public int timeout;         // [i] milliseconds, unsigned
  public int flags;           // [i] SG_FLAG_*, 0 for default (indirect) I/O
  public int pack_id;         // [i->o] unused by SG_IO
  public Pointer usr_ptr;     // [i->o] unused by SG_IO
  public byte status;         // [o] SCSI status byte
  public byte masked_status;  // [o] obsolete shifted status
  public byte msg_status;     // [o] unused
  public byte sb_len_wr;      // [o] sense bytes written
  public short host_status;   // [o] DID_* from the host adapter
  public short driver_status; // [o] DRIVER_* | SUGGEST_*
  public int resid;           // [o] dxfer_len minus bytes transferred
  public int duration;        // [o] milliseconds, unsigned
  public int info;            // [o] SG_INFO_*

  public SgIoHdr() {
    super();
  }

  /** A view of a header that already lives in native memory (the test driver reads the caller's). */
  public SgIoHdr(Pointer p) {
    super(p);
  }

  /** Offset of {@code field} (its C name) in this layout. */
  public int offsetOf(String field) {
    return fieldOffset(field);
  }
}
