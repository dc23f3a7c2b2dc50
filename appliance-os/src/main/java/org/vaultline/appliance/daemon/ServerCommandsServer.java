package org.vaultline.appliance.daemon;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.vaultline.appliance.auth.CommandClass;
import org.vaultline.library.control.CommandException;
import org.vaultline.library.control.CommandInfo;
import org.vaultline.library.control.CommandKind;
import org.vaultline.library.control.CommandResult;
import org.vaultline.library.control.Connector;
import org.vaultline.library.control.ControlOptions;
import org.vaultline.library.control.ServerCommands;
import org.vaultline.library.store.Message;
import org.vaultline.library.store.Origin;
import org.vaultline.library.store.Store;

/** Library control's {@link ServerCommands} as the daemon's {@link CommandServer}. */
public final class ServerCommandsServer implements CommandServer {
  private final ServerCommands commands;

  public ServerCommandsServer(ServerCommands commands) {
    this.commands = Objects.requireNonNull(commands, "commands");
  }

  /** A {@link Daemon.ServerFactory}. */
  public static CommandServer open(Store store, Connector connector, ControlOptions options, ZoneId zone) {
    return new ServerCommandsServer(new ServerCommands(store, connector, options, zone));
  }

  public ServerCommands commands() {
    return commands;
  }

  @Override
  public List<Message> start(Origin origin) {
    return commands.start(origin);
  }

  @Override
  public Described describe(String line) throws CommandException {
    CommandInfo info = commands.describe(line);
    return new Described(info.name(), commandClass(info.kind()));
  }

  @Override
  public CommandResult execute(String line, Origin origin) throws CommandException {
    return commands.execute(line, origin);
  }

  @Override
  public boolean quiesce(Duration timeout) {
    return commands.quiesce(timeout);
  }

  @Override
  public void close() {
    commands.close();
  }

  /** QUERY needs READ, OPERATE needs OPERATOR, CONFIGURE needs SYSTEM. */
  static CommandClass commandClass(CommandKind kind) {
    switch (kind) {
      case QUERY:
        return CommandClass.QUERY;
      case OPERATE:
        return CommandClass.OPERATE;
      default:
        return CommandClass.CONFIGURE;
    }
  }
}
