/*
 * Test double for the four C library functions SgIoTransport calls (open, ioctl, close, strerror).
 * ioctl(SG_IO) unpacks struct sg_io_hdr with the real <scsi/sg.h> layout, so every field the Java
 * side marshals is read back by code gcc compiled, and hands the command to a Java callback; the
 * callback's answer is written back into the header the same way.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <scsi/sg.h>

typedef int (*vl_open_fn)(const char *path, int flags);
typedef int (*vl_command_fn)(int fd, int interface_id, int direction, unsigned char *cdb, int cdb_len,
                             void *data, unsigned int data_len, unsigned char *sense, int max_sense,
                             unsigned int timeout_ms, unsigned int flags, int iovec_count, int *reply);

static vl_open_fn open_fn;
static vl_command_fn command_fn;
static int sg_version = 30536;
static int closes;

void vl_fake_sg_install(vl_open_fn o, vl_command_fn c) {
  open_fn = o;
  command_fn = c;
  closes = 0;
  sg_version = 30536;
}

/* A negative value makes SG_GET_VERSION_NUM fail with that errno (as on a non-sg node). */
void vl_fake_sg_set_version(int v) { sg_version = v; }

int vl_fake_sg_closes(void) { return closes; }

int open(const char *path, int flags, ...) {
  int r = open_fn ? open_fn(path, flags) : -ENOENT;
  if (r < 0) {
    errno = -r;
    return -1;
  }
  return r;
}

int close(int fd) {
  (void) fd;
  closes++;
  return 0;
}

int ioctl(int fd, unsigned long request, ...) {
  va_list ap;
  va_start(ap, request);
  void *arg = va_arg(ap, void *);
  va_end(ap);
  if (request == SG_GET_VERSION_NUM) {
    if (sg_version < 0) {
      errno = -sg_version;
      return -1;
    }
    *(int *) arg = sg_version;
    return 0;
  }
  if (request != SG_IO || command_fn == NULL) {
    errno = ENOTTY;
    return -1;
  }
  struct sg_io_hdr *h = arg;
  /* status, host_status, driver_status, resid, duration, sb_len_wr */
  int reply[6] = {0, 0, 0, 0, 0, 0};
  int r = command_fn(fd, h->interface_id, h->dxfer_direction, h->cmdp, h->cmd_len, h->dxferp, h->dxfer_len,
                     h->sbp, h->mx_sb_len, h->timeout, h->flags, h->iovec_count, reply);
  if (r < 0) {
    errno = -r;
    return -1;
  }
  h->status = (unsigned char) reply[0];
  h->masked_status = (unsigned char) ((reply[0] >> 1) & 0x7f);
  h->msg_status = 0;
  h->host_status = (unsigned short) reply[1];
  h->driver_status = (unsigned short) reply[2];
  h->resid = reply[3];
  h->duration = (unsigned int) reply[4];
  h->sb_len_wr = (unsigned char) reply[5];
  h->info = (reply[0] | reply[1] | reply[2]) ? SG_INFO_CHECK : 0;
  return 0;
}

char *strerror(int e) {
  static char text[48];
  snprintf(text, sizeof text, "fake strerror %d", e);
  return text;
}
