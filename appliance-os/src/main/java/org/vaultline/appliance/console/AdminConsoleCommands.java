package org.vaultline.appliance.console;

import java.util.Locale;
import java.util.Objects;
import org.vaultline.appliance.api.AdminCommands;
import org.vaultline.appliance.api.AdminMessages;
import org.vaultline.appliance.api.CommandOutcome;
import org.vaultline.appliance.auth.Administrator;

/**
 * The serial console's commands in the daemon: the same ones as the administrative API, through the same
 * {@link AdminCommands} (activity log with the administrator's ID, authority checked), plus {@code quit}. The
 * output is what the administrative client prints.
 */
public final class AdminConsoleCommands implements ConsoleCommands {
  private final AdminCommands commands;

  public AdminConsoleCommands(AdminCommands commands) {
    this.commands = Objects.requireNonNull(commands, "commands");
  }

  @Override
  public ConsoleReply execute(Administrator administrator, String commandLine) {
    String c = commandLine.strip().toLowerCase(Locale.ROOT);
    if (c.equals("quit") || c.equals("exit") || c.equals("logout")) {
      return ConsoleReply.quit("VLN0864I Session ended.");
    }
    if (commands.locked(administrator.id())) { // LOCK ADMIN while logged in ends the session
      return ConsoleReply.quit(AdminMessages.ADMIN_LOCKED.format(administrator.id()).render());
    }
    CommandOutcome outcome = commands.run(administrator, commandLine);
    return ConsoleReply.of(outcome.result().text());
  }
}
