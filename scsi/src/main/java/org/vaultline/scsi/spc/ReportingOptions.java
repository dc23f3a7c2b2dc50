package org.vaultline.scsi.spc;

/** SPC-4 REPORT SUPPORTED OPERATION CODES REPORTING OPTIONS (CDB byte 2 bits 2..0); 100b..111b are reserved. */
public enum ReportingOptions {
  /** 000b: every command, all_commands format; requested opcode and service action ignored. */
  ALL,
  /** 001b: one opcode that has no service actions, one_command format. */
  OPCODE,
  /** 010b: one opcode and service action, one_command format. */
  OPCODE_AND_SERVICE_ACTION,
  /** 011b: one opcode, with the service action when the opcode has them, one_command format. */
  OPCODE_WITH_OPTIONAL_SERVICE_ACTION;

  public int code() {
    return ordinal();
  }
}
