package org.vaultline.appliance.daemon;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.vaultline.appliance.api.ServerCommandLine;
import org.vaultline.appliance.auth.CommandClass;
import org.vaultline.appliance.schedule.ScheduleCommands;
import org.vaultline.appliance.schedule.ScheduleParser;
import org.vaultline.library.control.CommandException;
import org.vaultline.library.control.CommandResult;
import org.vaultline.library.store.Origin;

/**
 * The commands the administrative API passes on: DEFINE/UPDATE/DELETE/QUERY SCHEDULE and QUERY EVENT to the schedule
 * package, everything else to the server's commands. A schedule command needs SYSTEM authority, its queries READ.
 */
final class ServerAndSchedules implements ServerCommandLine {
  private final ServerCommandLine server;
  private final ScheduleCommands schedules;
  private final ScheduleParser parser;

  ServerAndSchedules(ServerCommandLine server, ScheduleCommands schedules, Clock clock, ZoneId zone) {
    this.server = Objects.requireNonNull(server, "server");
    this.schedules = Objects.requireNonNull(schedules, "schedules");
    this.parser = new ScheduleParser(clock, zone);
  }

  @Override
  public Described describe(String line) throws CommandException {
    Optional<String> name = ScheduleCommands.commandName(line);
    if (name.isEmpty()) {
      return server.describe(line);
    }
    parser.parse(line); // a syntax error is the API's 400, before anything runs
    return new Described(name.get(), ScheduleCommands.isQuery(name.get()) ? CommandClass.QUERY
        : CommandClass.CONFIGURE);
  }

  @Override
  public CommandResult execute(String line, Origin origin) throws CommandException {
    if (ScheduleCommands.commandName(line).isPresent()) {
      return schedules.execute(line, origin.admin().orElse("SERVER"));
    }
    return server.execute(line, origin);
  }
}
