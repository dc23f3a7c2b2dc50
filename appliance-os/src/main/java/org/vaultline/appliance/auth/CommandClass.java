package org.vaultline.appliance.auth;

/** What a command does, for the authority check: each command of the CLI and API declares one. */
public enum CommandClass {
  /** QUERY ..., the activity log, status: changes nothing. */
  QUERY(Authority.READ),
  /** Robot and media work: MOVE DRMEDIA, CHECKIN/CHECKOUT LIBVOLUME, AUDIT LIBRARY, REPLY, CANCEL PROCESS. */
  OPERATE(Authority.OPERATOR),
  /** Configuration: DEFINE/UPDATE/DELETE LIBRARY, DRIVE, PATH, SCHEDULE; SET DRM...; REGISTER/REMOVE ADMIN. */
  CONFIGURE(Authority.SYSTEM);

  private final Authority required;

  CommandClass(Authority required) {
    this.required = required;
  }

  /** The lowest authority class that may run these commands. */
  public Authority required() {
    return required;
  }
}
