/* Prints the size and every field offset of struct sg_io_hdr as gcc lays it out on this machine,
 * one "name value" pair a line, for SgIoHdrLayoutTest to compare with the JNA mapping. */
#include <stddef.h>
#include <stdio.h>
#include <scsi/sg.h>

#define FIELD(f) printf("%s %zu\n", #f, offsetof(struct sg_io_hdr, f))

int main(void) {
  printf("sizeof %zu\n", sizeof(struct sg_io_hdr));
  FIELD(interface_id);
  FIELD(dxfer_direction);
  FIELD(cmd_len);
  FIELD(mx_sb_len);
  FIELD(iovec_count);
  FIELD(dxfer_len);
  FIELD(dxferp);
  FIELD(cmdp);
  FIELD(sbp);
  FIELD(timeout);
  FIELD(flags);
  FIELD(pack_id);
  FIELD(usr_ptr);
  FIELD(status);
  FIELD(masked_status);
  FIELD(msg_status);
  FIELD(sb_len_wr);
  FIELD(host_status);
  FIELD(driver_status);
  FIELD(resid);
  FIELD(duration);
  FIELD(info);
  return 0;
}
