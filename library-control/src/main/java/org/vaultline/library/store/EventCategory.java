package org.vaultline.library.store;

/**
 * The kind of event an outbox row carries; the MQTT publisher maps it to a topic under the appliance's
 * root ({@code vaultline/<appliance>/events/drm}...).
 */
public enum EventCategory {
  /** DRM state transitions. */
  DRM("events/drm"),
  /** Moves, check-ins, check-outs, inventory and definition changes. */
  LIBRARY("events/library"),
  /** Operator requests raised, answered, cancelled, satisfied. */
  REQUESTS("events/requests"),
  /** TapeAlert flags, device faults, outbox limits. */
  ALERTS("events/alerts");

  private final String topic;

  EventCategory(String topic) {
    this.topic = topic;
  }

  /** The topic below the appliance's root. */
  public String topic() {
    return topic;
  }
}
