package org.vaultline.appliance.api;

import org.vaultline.appliance.auth.CommandClass;
import org.vaultline.library.control.CommandException;
import org.vaultline.library.control.CommandResult;
import org.vaultline.library.store.Origin;

/**
 * The commands the administrative API and the serial console pass on after the administrator commands: the library,
 * DRM, process and schedule commands. In the daemon, the server's command facade ({@code ServerCommands}) with the
 * schedule commands in front; in tests, whatever a test needs.
 */
public interface ServerCommandLine {
  /** What a command line is: its canonical name ({@code MOVE DRMEDIA}) and the authority class it needs. */
  record Described(String name, CommandClass commandClass) {}

  /**
   * Which command a line is.
   *
   * @throws CommandException for an unknown or unparseable command: what is wrong and the correct form
   */
  Described describe(String line) throws CommandException;

  /**
   * Runs the line for {@code origin}.
   *
   * @throws CommandException when the command could not run at all
   */
  CommandResult execute(String line, Origin origin) throws CommandException;
}
