package org.vaultline.library.events;

import org.vaultline.library.store.MessageTemplate;

/**
 * Messages of the MQTT event publisher, follower and embedded broker, in the events range 0700..0799 of
 * the catalogue ({@link org.vaultline.library.store.MessageId}). They are logged, not written to the
 * activity log: a broker outage must not add rows to the store whose outbox is waiting for that broker.
 */
public final class EventMessages {
  private EventMessages() {}

  public static final MessageTemplate CONNECTED =
      MessageTemplate.of("VLN0700I", "Connected to MQTT broker {0} ({1}) as client {2}.");
  public static final MessageTemplate BROKER_UNREACHABLE = MessageTemplate.of("VLN0701W",
      "MQTT broker {0} cannot be reached: {1}. Trying the next broker, {2}.");
  public static final MessageTemplate ON_ALTERNATE = MessageTemplate.of("VLN0702W",
      "Publishing events to MQTT broker {0} because the primary broker {1} cannot be reached. The primary"
          + " is tried first again at the next reconnection.");
  public static final MessageTemplate FAILBACK = MessageTemplate.of("VLN0703I",
      "Primary MQTT broker {0} is reachable again; leaving {1} and reconnecting to the primary.");
  public static final MessageTemplate CONNECTION_LOST = MessageTemplate.of("VLN0704W",
      "Lost the connection to MQTT broker {0}: {1}. Unpublished events stay in the outbox and are sent"
          + " after reconnection.");
  public static final MessageTemplate REJECTED = MessageTemplate.of("VLN0705E",
      "MQTT broker {0} rejected the connection of user {1}: {2} (MQTT reason code {3}). Check the user name"
          + " and password configured for the broker.");
  public static final MessageTemplate TLS_FAILED = MessageTemplate.of("VLN0706E",
      "TLS connection to MQTT broker {0} failed: {1}. Check the CA certificate, the broker's certificate"
          + " and host name, and the client certificate.");
  public static final MessageTemplate NO_BROKER = MessageTemplate.of("VLN0707W",
      "No MQTT broker accepted the connection ({0}); events stay in the outbox. Retrying in {1}.");
  public static final MessageTemplate PUBLISH_REFUSED = MessageTemplate.of("VLN0708E",
      "MQTT broker {0} refused the message on topic {1}: {2} (MQTT reason code {3}). It is sent again after"
          + " reconnecting; later events wait behind it to keep their order.");
  public static final MessageTemplate PUBLISHER_STOPPED = MessageTemplate.of("VLN0709I",
      "Event publisher stopped: events published up to seq {0}, {1} left in the outbox.");
  public static final MessageTemplate EMBEDDED_STARTED = MessageTemplate.of("VLN0710I",
      "No MQTT broker configured: embedded broker (moquette {0}) listening on {1}.");
  public static final MessageTemplate EMBEDDED_FAILED =
      MessageTemplate.of("VLN0711E", "Cannot start the embedded MQTT broker on {0}: {1}");
  public static final MessageTemplate REFUSED = MessageTemplate.of("VLN0712E",
      "MQTT broker {0} refused the connection: {1} (MQTT reason code {2}).");
  public static final MessageTemplate OUTBOX_UNREADABLE = MessageTemplate.of("VLN0713E",
      "Cannot read or update the event outbox: {0}. Retrying in {1}.");
}
