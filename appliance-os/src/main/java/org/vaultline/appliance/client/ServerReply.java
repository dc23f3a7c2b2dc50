package org.vaultline.appliance.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The administrative API's answer to {@code POST /api/v1/command} (contracts §2).
 *
 * @param status the HTTP status: 200 ran (maybe with errors), 400 syntax, 401 credentials, 403 authority, 500
 * @param ok the body's {@code ok}
 * @param command the canonical command name the server recognised ({@code QUERY DRMEDIA}); may be empty
 * @param text what an administrative client prints
 * @param body the whole JSON body, for {@code --json}
 */
public record ServerReply(int status, boolean ok, String command, List<Message> messages, String text,
    JsonNode body) {
  public ServerReply {
    Objects.requireNonNull(command, "command");
    messages = List.copyOf(messages);
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(body, "body");
  }

  /** One server message: {@code VLN0402I}, severity letter, text. */
  public record Message(String id, String severity, String text) {
    public String render() {
      return id.isEmpty() ? text : id + " " + text;
    }
  }

  /** Reads a body; {@code Optional.empty()} when it is not the API's shape (no {@code ok}). */
  static Optional<ServerReply> of(int status, JsonNode body) {
    if (body == null || !body.isObject() || !body.path("ok").isBoolean()) {
      return Optional.empty();
    }
    List<Message> ms = new ArrayList<>();
    for (JsonNode m : body.path("messages")) {
      ms.add(new Message(m.path("id").asText(""), m.path("severity").asText(""), m.path("text").asText("")));
    }
    String text = body.path("text").isTextual() ? body.get("text").asText() : "";
    if (text.isEmpty() && !ms.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      for (Message m : ms) {
        sb.append(m.render()).append('\n');
      }
      text = sb.toString();
    }
    return Optional.of(new ServerReply(status, body.get("ok").asBoolean(), body.path("command").asText(""), ms, text,
        body));
  }

  /** The command ran and reported no error. */
  public boolean succeeded() {
    return status == 200 && ok;
  }
}
