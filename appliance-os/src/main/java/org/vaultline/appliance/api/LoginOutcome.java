package org.vaultline.appliance.api;

import org.vaultline.appliance.auth.Administrator;
import org.vaultline.library.store.Message;

/** A login through the API or the console: the administrator, or the message saying why not. */
public sealed interface LoginOutcome {
  record Accepted(Administrator administrator) implements LoginOutcome {}

  /** {@code message} never says whether the ID or the password was wrong. */
  record Refused(Message message) implements LoginOutcome {}
}
