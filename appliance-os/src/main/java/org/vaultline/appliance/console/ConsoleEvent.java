package org.vaultline.appliance.console;

import org.vaultline.appliance.auth.AdminId;

/** What happened on the serial console, for the activity log (and for tests to wait on). */
public sealed interface ConsoleEvent {
  /** The serial device was opened; a login prompt is being served. */
  record PortOpened(String device) implements ConsoleEvent {}

  /** The device could not be opened (absent, busy, no permission); the console tries again. */
  record PortUnavailable(String device, String reason) implements ConsoleEvent {}

  record LoggedIn(AdminId id) implements ConsoleEvent {}

  /** A login was refused; {@code message} is the VLN message the operator saw. */
  record LoginFailed(AdminId id, String message) implements ConsoleEvent {}

  record CommandRun(AdminId id, String commandLine) implements ConsoleEvent {}

  record LoggedOut(AdminId id) implements ConsoleEvent {}

  /**
   * The line went away (cable or USB adapter unplugged, device gone): the session of {@code id}, if any, has ended
   * without a logout; {@code duringCommand} when a command's output could not be delivered.
   */
  record Disconnected(String device, java.util.Optional<AdminId> id, boolean duringCommand) implements ConsoleEvent {}
}
