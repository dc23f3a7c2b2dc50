package org.vaultline.appliance.api;

import org.vaultline.library.store.Message;
import org.vaultline.library.store.MessageId;
import org.vaultline.library.store.MessageTemplate;

/**
 * Messages of the daemon, the administrative API, the administrator commands and the serial console (range
 * VLN0800..VLN0899): 0800..0819 the daemon's phases, 0820..0859 the API and administrator commands, 0860..0869 the
 * serial console, 0870..0879 first-time setup, 0880..0889 the daemon (continued). A number keeps its meaning once
 * released.
 */
public final class AdminMessages {
  private AdminMessages() {}

  // ---- 0800..0819: the daemon ----

  public static final MessageTemplate STARTING = MessageTemplate.of("VLN0800I",
      "Vaultline {0} server {1} starting: options file {2}, data directory {3}.");
  public static final MessageTemplate STORE_OPEN =
      MessageTemplate.of("VLN0801I", "Store {0} opened at schema version {1} (was {2}).");
  public static final MessageTemplate MQTT_PUBLISHING =
      MessageTemplate.of("VLN0802I", "Publishing MQTT events to {0} under topic {1} (MQTT {2}).");
  public static final MessageTemplate EMBEDDED_BROKER =
      MessageTemplate.of("VLN0803I", "No MQTTBROKER set: the embedded MQTT broker listens on {0}.");
  public static final MessageTemplate API_LISTENING =
      MessageTemplate.of("VLN0804I", "Administrative API listening on {0} (written to {1}).");
  public static final MessageTemplate CONSOLE_SERVING =
      MessageTemplate.of("VLN0805I", "Serial console served on {0} at {1} bits/s.");
  public static final MessageTemplate SCHEDULER_STARTED =
      MessageTemplate.of("VLN0806I", "Administrative schedules running: {0} defined.");
  public static final MessageTemplate READY = MessageTemplate.of("VLN0807I", "Server {0} ready in {1} ms.");
  public static final MessageTemplate STOPPING = MessageTemplate.of("VLN0808I",
      "Server {0} stopping: new commands are refused, work in progress is asked to finish.");
  public static final MessageTemplate QUIESCE_TIMEOUT = MessageTemplate.of("VLN0809W",
      "Work in progress did not end within {0}; it is settled at the next start.");
  public static final MessageTemplate OUTBOX_FLUSHED =
      MessageTemplate.of("VLN0810I", "Event outbox flushed: every event up to seq {0} is published.");
  public static final MessageTemplate OUTBOX_NOT_FLUSHED = MessageTemplate.of("VLN0811W",
      "Event outbox not flushed within {0}: {1} events stay unpublished for the next start.");
  public static final MessageTemplate STOPPED = MessageTemplate.of("VLN0812I", "Server {0} stopped.");
  public static final MessageTemplate START_FAILED = MessageTemplate.of("VLN0813E", "Server cannot start: {0}");
  public static final MessageTemplate HOUSEKEEPING_FAILED =
      MessageTemplate.of("VLN0814W", "Event outbox housekeeping failed: {0}");
  public static final MessageTemplate COMPONENT_FAILED =
      MessageTemplate.of("VLN0815W", "While stopping, {0} failed: {1}");
  public static final MessageTemplate SCHEDULE_STORED = MessageTemplate.of("VLN0816I", "Schedule {0} stored: {1}");
  public static final MessageTemplate SCHEDULE_DELETED =
      MessageTemplate.of("VLN0817I", "Schedule {0} deleted from the store.");
  public static final MessageTemplate SCHEDULE_RUN =
      MessageTemplate.of("VLN0818I", "Schedule {0}: the run started {1} ended {2}.");
  public static final MessageTemplate STOP_DURING_START = MessageTemplate.of("VLN0819W",
      "Server {0} asked to stop while starting ({1}): start-up is abandoned and what was started is stopped.");

  // ---- 0820..0859: the administrative API and the administrator commands ----

  public static final MessageTemplate ISSUED =
      MessageTemplate.of("VLN0820I", "Administrator {0} issued command: {1}");
  public static final MessageTemplate REGISTERED =
      MessageTemplate.of("VLN0821I", "Administrator {0} registered with authority {1}.");
  public static final MessageTemplate PASSWORD_UPDATED =
      MessageTemplate.of("VLN0822I", "Password of administrator {0} updated.");
  public static final MessageTemplate REMOVED = MessageTemplate.of("VLN0823I", "Administrator {0} removed.");
  public static final MessageTemplate LOCKED = MessageTemplate.of("VLN0824I", "Administrator {0} is locked.");
  public static final MessageTemplate UNLOCKED = MessageTemplate.of("VLN0825I",
      "Administrator {0} is unlocked; a lockout after failed logins is cleared too.");
  public static final MessageTemplate AUTHORITY_SET =
      MessageTemplate.of("VLN0826I", "Authority of administrator {0} is now {1}.");
  public static final MessageTemplate NOT_REGISTERED =
      MessageTemplate.of("VLN0827E", "Administrator {0} is not registered.");
  public static final MessageTemplate ALREADY_REGISTERED =
      MessageTemplate.of("VLN0828E", "Administrator {0} is already registered.");
  public static final MessageTemplate ADMIN_LOCKED = MessageTemplate.of("VLN0829E",
      "Administrator {0} is locked (LOCK ADMIN); a SYSTEM administrator can UNLOCK ADMIN {0}.");
  public static final MessageTemplate CREDENTIALS_MISSING = MessageTemplate.of("VLN0830E",
      "Authentication required: send the header Authorization: Basic base64(ADMINID:password).");
  public static final MessageTemplate SYNTAX = MessageTemplate.of("VLN0831E", "{0}: {1}. The correct form is: {2}");
  public static final MessageTemplate INTERNAL =
      MessageTemplate.of("VLN0832E", "Internal error while running {0}: {1}");
  public static final MessageTemplate SERVER_STOPPING =
      MessageTemplate.of("VLN0833E", "The server is stopping; {0} was not run. Try again after it has started.");
  public static final MessageTemplate NOT_YOURSELF =
      MessageTemplate.of("VLN0834E", "{0}: an administrator cannot {1} their own ID {2}.");
  public static final MessageTemplate LAST_SYSTEM = MessageTemplate.of("VLN0835E",
      "{0}: {1} is the last unlocked SYSTEM administrator; register or unlock another one first.");
  public static final MessageTemplate BAD_REQUEST = MessageTemplate.of("VLN0836E",
      "The request is not understood: {0}. Send POST /api/v1/command with a JSON body {\"command\":\"...\"}.");
  public static final MessageTemplate LOGIN_FAILED =
      MessageTemplate.of("VLN0837W", "Login failed for administrator {0} ({1} in a row).");
  public static final MessageTemplate LOCKED_OUT = MessageTemplate.of("VLN0838W",
      "Administrator {0} is locked out until {1} after {2} failed logins in a row.");
  public static final MessageTemplate LOGIN_AFTER_FAILURES =
      MessageTemplate.of("VLN0839I", "Administrator {0} logged in after {1} failed logins.");
  public static final MessageTemplate CREDENTIALS_CHANGED =
      MessageTemplate.of("VLN0840I", "Administrator {0}: password hash renewed.");
  public static final MessageTemplate INVALID_ADMIN =
      MessageTemplate.of("VLN0841E", "{0}: {1}");
  public static final MessageTemplate NOT_FOUND =
      MessageTemplate.of("VLN0842E", "No such resource {0}; the API is POST /api/v1/command and GET /api/v1/status.");
  public static final MessageTemplate NO_MATCH =
      MessageTemplate.of("VLN0843E", "No administrator matches {0}.");

  // ---- 0860..0869: the serial console ----

  public static final MessageTemplate CONSOLE_OPENED =
      MessageTemplate.of("VLN0860I", "Serial console opened on {0}.");
  public static final MessageTemplate CONSOLE_UNAVAILABLE =
      MessageTemplate.of("VLN0861W", "Serial console device {0} cannot be used: {1}; trying again.");
  public static final MessageTemplate CONSOLE_LOGIN =
      MessageTemplate.of("VLN0862I", "Administrator {0} logged in on the serial console {1}.");
  public static final MessageTemplate CONSOLE_LOGIN_FAILED =
      MessageTemplate.of("VLN0863W", "Serial console login refused for {0}: {1}");
  public static final MessageTemplate CONSOLE_LOGOUT =
      MessageTemplate.of("VLN0864I", "Administrator {0} logged out of the serial console.");
  public static final MessageTemplate CONSOLE_DISCONNECTED = MessageTemplate.of("VLN0865W",
      "Serial console line {0} lost{1}; the session ended without a logout.");

  // ---- 0870..0879: first-time setup ----

  public static final MessageTemplate FIRST_ADMIN = MessageTemplate.of("VLN0870I",
      "Administrator {0} registered with authority SYSTEM by the server's first-time setup.");
  public static final MessageTemplate PASSWORD_FILE =
      MessageTemplate.of("VLN0871E", "Cannot read the password file {0}: {1}");

  // ---- 0880..0889: the daemon (continued) ----

  public static final MessageTemplate START_NOT_ENDED = MessageTemplate.of("VLN0880W",
      "Start-up did not end within {0} of the stop request; the library connections are closed to end it.");

  /** A message written as text by the auth package ({@code "VLN0751E Login incorrect."}) as a {@link Message}. */
  public static Message parse(String rendered) {
    return new Message(MessageId.parse(rendered.substring(0, 8)), rendered.substring(8).strip());
  }
}
