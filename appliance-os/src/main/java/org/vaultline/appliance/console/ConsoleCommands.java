package org.vaultline.appliance.console;

import org.vaultline.appliance.auth.Administrator;

/**
 * What the console does with a command line once an administrator has logged in. The daemon provides the real
 * commands (the same ones as the admin API); tests provide a few. Called on the console's thread, one line at a
 * time; the authority check ({@code AdminAuthentication.authorize}) is the implementation's job.
 */
public interface ConsoleCommands {
  /** Runs one non-empty command line and says what to print. */
  ConsoleReply execute(Administrator administrator, String commandLine);

  /**
   * A command's output (lines separated by {@code \n}; the console sends {@code \r\n}) and whether the session
   * ends after it ({@code quit}).
   */
  record ConsoleReply(String output, boolean endSession) {
    public static ConsoleReply of(String output) {
      return new ConsoleReply(output, false);
    }

    public static ConsoleReply quit(String output) {
      return new ConsoleReply(output, true);
    }
  }
}
