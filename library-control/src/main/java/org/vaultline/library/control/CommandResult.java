package org.vaultline.library.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vaultline.library.store.Message;
import org.vaultline.library.store.Severity;

/**
 * What a library command gives back, for a CLI or an API to render: the messages it produced (each with its
 * stable ID) and, for a query, a {@link ResultTable}. {@link #text()} is the administrative client's form,
 * {@link #json()} the API's.
 *
 * @param command the command as run ({@code CHECKIN LIBVOLUME}), for headings and logs
 */
public record CommandResult(String command, List<Message> messages, Optional<ResultTable> table) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public CommandResult {
    Objects.requireNonNull(command, "command");
    messages = List.copyOf(messages);
    Objects.requireNonNull(table, "table");
  }

  public static CommandResult of(String command, List<Message> messages) {
    return new CommandResult(command, messages, Optional.empty());
  }

  public static CommandResult of(String command, Message... messages) {
    return of(command, List.of(messages));
  }

  public static CommandResult table(String command, ResultTable table, List<Message> messages) {
    return new CommandResult(command, messages, Optional.of(table));
  }

  /** Whether any message is an error (E) or severe (S): the command did not do all it was asked. */
  public boolean hasErrors() {
    return messages.stream().anyMatch(m -> m.severity() == Severity.ERROR || m.severity() == Severity.SEVERE);
  }

  /** Whether some message has this ID number ({@code 110} for {@code VLN0110I}). */
  public boolean has(int messageNumber) {
    return messages.stream().anyMatch(m -> m.id().number() == messageNumber);
  }

  /**
   * The table, then one line per message ({@code VLN0110I Volume ...}). A query without rows prints its messages
   * alone, as TSM's administrative client prints only its "No match found" or "No requests are outstanding" message,
   * not an empty header; the header stays only when there is no message to print instead.
   */
  public String text() {
    StringBuilder sb = new StringBuilder();
    Optional<ResultTable> shown = table.filter(t -> !t.rows().isEmpty() || messages.isEmpty());
    shown.ifPresent(t -> sb.append(t.text()));
    if (shown.isPresent() && !messages.isEmpty()) {
      sb.append('\n');
    }
    for (Message m : messages) {
      sb.append(m.render()).append('\n');
    }
    return sb.toString();
  }

  /**
   * {@code {"command":..., "messages":[{"id":"VLN0110I","severity":"I","text":...}], "columns":[...],
   * "rows":[{"Library Name":"LIB1", ...}]}}; {@code columns} and {@code rows} only for a query.
   */
  public String json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("command", command);
    ArrayNode ms = root.putArray("messages");
    for (Message m : messages) {
      ObjectNode n = ms.addObject();
      n.put("id", m.id().toString());
      n.put("severity", String.valueOf(m.severity().letter()));
      n.put("text", m.text());
    }
    table.ifPresent(t -> {
      ArrayNode cols = root.putArray("columns");
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < t.columns().size(); i++) {
        keys.add(t.key(i));
        cols.add(t.key(i));
      }
      ArrayNode rows = root.putArray("rows");
      for (List<String> row : t.rows()) {
        ObjectNode r = rows.addObject();
        for (int i = 0; i < keys.size(); i++) {
          r.put(keys.get(i), row.get(i));
        }
      }
    });
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a command result as JSON", e);
    }
  }
}
