/**
 * MQTT events: every state change the store records in its transactional outbox, published through
 * Eclipse Paho (MQTT 5, or 3.1.1 by configuration) with nothing lost and nothing reordered.
 *
 * <h2>Topics (interface version 1)</h2>
 * Under a configurable root, default {@code vaultline/<appliance>/} ({@link org.vaultline.library.events.Topics}):
 * <ul>
 *   <li>{@code status}, retained: {@code {"state":"online","appliance":..,"version":..,"started":..,
 *       "since":..,"broker":..}}; the Last Will sets {@code "state":"offline","reason":"connection lost"},
 *       a clean stop {@code "reason":"shutdown"}.
 *   <li>{@code volumes/<volser>}, retained: {@code {"volume","state","location","library","kind","pool",
 *       "updated","seq"}}; an empty retained message clears a volume that left DRM.
 *   <li>{@code events/drm}, {@code events/library}, {@code events/requests}, {@code events/alerts}: one
 *       message per event: {@code {"seq","time","appliance","category","type","text",...}} — the envelope
 *       first, then the emitter's fields ({@link org.vaultline.library.events.EventPayload}).
 *   <li>{@code library/<lib>/summary}, retained: {@code {"library","slots","slotsUsed","slotsFree",
 *       "ioStationSlots","ioStationUsed","ioStationVolumes","drives","drivesLoaded","drivesEmpty",
 *       "updated","seq"}}.
 * </ul>
 * {@code seq} is per appliance, strictly increasing in commit order; {@code time} and {@code updated}
 * are ISO-8601 UTC instants. Under MQTT 5 each event also carries the user properties {@code seq},
 * {@code type}, {@code category} and {@code appliance}, content type {@code application/json} and the
 * UTF-8 payload format indicator. Field names are stable: fields may be added, never renamed or removed.
 *
 * <h2>Delivery</h2>
 * {@link org.vaultline.library.events.EventPublisher} drains the outbox in seq order at QoS 1 and marks
 * events published once acknowledged; after any reconnection it sends again what was not acknowledged,
 * so a subscriber can see a seq twice and drops repeats
 * ({@link org.vaultline.library.events.EventFollower} does). A PUBACK means the broker has the message;
 * what a broker that dies right after acknowledging had not yet passed on is lost to its subscribers
 * unless the broker persists it — the outbox guarantees delivery to a broker, the broker's persistence
 * and the subscribers' sessions the rest.
 *
 * <h2>Retained state from events</h2>
 * An outbox payload with a {@code volumeState} object (or array) updates {@code volumes/<volume>} right
 * after the event ({@code "state": null} clears it); a {@code librarySummary} object updates
 * {@code library/<library>/summary}. The publisher keeps the latest of each and publishes them all again
 * after every reconnection, starting from a {@link org.vaultline.library.events.RetainedSnapshot} after
 * a restart.
 */
package org.vaultline.library.events;
