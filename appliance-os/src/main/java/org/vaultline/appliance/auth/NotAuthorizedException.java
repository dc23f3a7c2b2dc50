package org.vaultline.appliance.auth;

/** An administrator ran a command their authority class does not permit. */
public final class NotAuthorizedException extends Exception {
  private static final long serialVersionUID = 1L;

  public NotAuthorizedException(Administrator admin, CommandClass commandClass, String command) {
    super("VLN0753E Administrator " + admin.id() + " (authority " + admin.authority() + ") may not run "
        + command + ": it needs authority " + commandClass.required() + ".");
  }
}
