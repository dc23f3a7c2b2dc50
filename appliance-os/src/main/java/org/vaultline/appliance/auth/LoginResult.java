package org.vaultline.appliance.auth;

import java.time.Instant;

/** The outcome of a login: who is in, or why not (the message an operator sees, with its ID). */
public sealed interface LoginResult {
  String message();

  /** The password was right. */
  record Accepted(Administrator administrator) implements LoginResult {
    @Override
    public String message() {
      return "VLN0750I Administrator " + administrator.id() + " logged in with authority "
          + administrator.authority() + ".";
    }
  }

  /** Unknown ID or wrong password: the message does not say which. */
  record Rejected(AdminId id) implements LoginResult {
    @Override
    public String message() {
      return "VLN0751E Login incorrect.";
    }
  }

  /** Too many failures: no password is checked until {@code until}. */
  record LockedOut(AdminId id, Instant until) implements LoginResult {
    @Override
    public String message() {
      return "VLN0752E Administrator " + id + " is locked out after repeated failed logins until " + until + ".";
    }
  }
}
