/**
 * SPC-4 primary commands (every device type): INQUIRY with VPD pages 00h, 80h, 83h, TEST UNIT READY,
 * REQUEST SENSE, PREVENT ALLOW MEDIUM REMOVAL, MODE SENSE/SELECT (6) and (10), LOG SENSE, REPORT LUNS
 * and REPORT SUPPORTED OPERATION CODES, with their response records, parsers and encoders.
 *
 * <p>Lengths: when a response's own length field (PAGE LENGTH, MODE DATA LENGTH, LUN LIST LENGTH,
 * COMMAND DATA LENGTH) says more than arrived, the parsers throw {@code MalformedResponseException}
 * naming both numbers, rather than return a list silently cut short; the caller asks again with a
 * larger allocation length. Data beyond the stated length is ignored. Standard INQUIRY data is the
 * exception: everything after byte 35 is optional, so it is decoded as far as it arrived.
 */
package org.vaultline.scsi.spc;
