package org.vaultline.library.control;

import java.util.Objects;
import org.vaultline.library.store.Message;
import org.vaultline.library.store.MessageTemplate;

/**
 * A library command that could not be run, or failed as a whole: the message says why with its stable ID
 * ({@code VLN0220E Library LIB9 is not defined.}), and {@link #getMessage()} renders it so.
 */
public final class CommandException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Message message;

  public CommandException(Message message) {
    this(message, null);
  }

  public CommandException(Message message, Throwable cause) {
    super(Objects.requireNonNull(message, "message").render(), cause);
    this.message = message;
  }

  /** {@code new CommandException(template.format(args))}. */
  public static CommandException of(MessageTemplate template, Object... args) {
    return new CommandException(template.format(args));
  }

  /** The message with its ID. */
  public Message message() {
    return message;
  }
}
