package org.vaultline.appliance.api;

import java.util.Objects;
import org.vaultline.library.control.CommandResult;

/**
 * How a command line went, for the API's HTTP status and the console's output: the {@link CommandResult} to show and
 * whether the command ran at all.
 */
public record CommandOutcome(Status status, CommandResult result) {
  /** Whether and why not the command ran; each maps to one HTTP status of the API. */
  public enum Status {
    /** It ran; {@link CommandResult#hasErrors()} says whether it did all it was asked. */
    RAN(200),
    /** Unknown command or wrong syntax: the messages say what is wrong and the correct form. */
    SYNTAX(400),
    /** Bad or missing credentials, or a locked administrator. */
    UNAUTHENTICATED(401),
    /** The administrator's authority class does not permit the command. */
    FORBIDDEN(403),
    /** Something broke inside the server. */
    INTERNAL(500),
    /** The server is stopping. */
    STOPPING(503);

    private final int httpStatus;

    Status(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  public CommandOutcome {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(result, "result");
  }

  /** The command ran and reported no error. */
  public boolean ok() {
    return status == Status.RAN && !result.hasErrors();
  }
}
