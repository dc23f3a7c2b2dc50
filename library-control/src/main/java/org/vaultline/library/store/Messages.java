package org.vaultline.library.store;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The message catalogue: every message Vaultline writes to the activity log or shows an administrator,
 * with its stable ID. A number, once released, keeps its meaning; a message that is no longer used keeps
 * its number retired rather than reused. Ranges are listed on {@link MessageId}. Add new messages in
 * number order within their range; {@code MessagesTest} checks that numbers are unique and that every
 * template is well formed.
 */
public final class Messages {
  private Messages() {}

  // ---- 0001..0099: the store -------------------------------------------------------------------------

  public static final MessageTemplate SCHEMA_MIGRATED =
      MessageTemplate.of("VLN0001I", "Store schema version {0} applied: {1}.");
  public static final MessageTemplate SCHEMA_TOO_NEW = MessageTemplate.of("VLN0002E",
      "Database {0} has schema version {1}, but this Vaultline knows versions up to {2}. Run a Vaultline"
          + " at least as new as the one that last wrote it, or restore a backup of the matching version.");
  public static final MessageTemplate NOT_A_STORE = MessageTemplate.of("VLN0003E",
      "File {0} is not a Vaultline store (SQLite application ID {1}); refusing to change it.");
  public static final MessageTemplate MIGRATION_CHANGED = MessageTemplate.of("VLN0004E",
      "Schema migration {0} applied to {1} differs from the one in this Vaultline (checksum {2}, expected"
          + " {3}). A released migration must never be edited; restore the original or a backup.");
  public static final MessageTemplate MIGRATION_FAILED = MessageTemplate.of("VLN0005E",
      "Schema migration {0} ({1}) failed on {2}; the database stays at version {3}: {4}");
  public static final MessageTemplate STORE_UNAVAILABLE =
      MessageTemplate.of("VLN0006E", "Cannot open the store {0}: {1}");
  public static final MessageTemplate OUTBOX_HIGH = MessageTemplate.of("VLN0010W",
      "The event outbox holds {0} unpublished events, the oldest (seq {1}) from {2}; at {3} events or an"
          + " age of {4} the oldest will be discarded. Check the MQTT broker connection.");
  public static final MessageTemplate OUTBOX_DISCARDED = MessageTemplate.of("VLN0011W",
      "Event outbox limit exceeded ({0} events or {1}): discarded {2} unpublished events, seq {3} to {4},"
          + " created {5} to {6}. Subscribers will see these sequence numbers missing.");
  public static final MessageTemplate OUTBOX_NORMAL =
      MessageTemplate.of("VLN0012I", "The event outbox is back within its limits: {0} unpublished events.");
  public static final MessageTemplate ACTLOG_PRUNED =
      MessageTemplate.of("VLN0013I", "Activity log pruned: {0} entries older than {1} removed.");

  // ---- 0100..0399: library control -------------------------------------------------------------------

  public static final MessageTemplate LIBRARY_DEFINED = MessageTemplate.of("VLN0100I", "Library {0} defined.");
  public static final MessageTemplate LIBRARY_UPDATED = MessageTemplate.of("VLN0101I", "Library {0} updated: {1}.");
  public static final MessageTemplate LIBRARY_DELETED = MessageTemplate.of("VLN0102I", "Library {0} deleted.");
  public static final MessageTemplate DRIVE_DEFINED =
      MessageTemplate.of("VLN0103I", "Drive {0} defined in library {1}.");
  public static final MessageTemplate DRIVE_UPDATED =
      MessageTemplate.of("VLN0104I", "Drive {0} in library {1} updated: {2}.");
  public static final MessageTemplate DRIVE_DELETED =
      MessageTemplate.of("VLN0105I", "Drive {0} deleted from library {1}.");
  public static final MessageTemplate PATH_DEFINED =
      MessageTemplate.of("VLN0106I", "Path from {0} to {1} defined: device {2}.");
  public static final MessageTemplate PATH_DELETED = MessageTemplate.of("VLN0107I", "Path from {0} to {1} deleted.");
  public static final MessageTemplate INVENTORY_RECORDED = MessageTemplate.of("VLN0108I",
      "Inventory of library {0}: {1} elements, {2} cartridges.");

  public static final MessageTemplate VOLUME_CHECKED_IN = MessageTemplate.of("VLN0110I",
      "Volume {0} checked into library {1} as {2}, home element {3}.");
  public static final MessageTemplate VOLUME_CHECKED_OUT =
      MessageTemplate.of("VLN0111I", "Volume {0} checked out of library {1}.");
  public static final MessageTemplate VOLUME_UPDATED =
      MessageTemplate.of("VLN0112I", "Volume {0} in library {1} updated: {2}.");

  public static final MessageTemplate MOVE_INTENDED = MessageTemplate.of("VLN0120I",
      "Move {0} in library {1}: volume {2} from element {3} to element {4}.");
  public static final MessageTemplate MOVE_DONE = MessageTemplate.of("VLN0121I", "Move {0} in library {1} done.");
  public static final MessageTemplate MOVE_FAILED =
      MessageTemplate.of("VLN0122E", "Move {0} in library {1} failed: {2}");
  public static final MessageTemplate MOVE_RESOLVED = MessageTemplate.of("VLN0123W",
      "Move {0} in library {1} was unfinished at restart; the library shows {2}.");

  public static final MessageTemplate AUDIT_COMPLETED = MessageTemplate.of("VLN0130I",
      "AUDIT LIBRARY {0} completed: {1} volumes checked, {2} home elements corrected, {3} volumes removed,"
          + " {4} cartridges unknown.");
  public static final MessageTemplate AUDIT_VOLUME_MISSING = MessageTemplate.of("VLN0131W",
      "AUDIT LIBRARY {0}: volume {1} is not in the library; it has been deleted from the library inventory.");
  public static final MessageTemplate AUDIT_HOME_CORRECTED = MessageTemplate.of("VLN0132W",
      "AUDIT LIBRARY {0}: volume {1} found at element {2}, not {3}; home element corrected.");
  public static final MessageTemplate AUDIT_UNKNOWN_CARTRIDGE = MessageTemplate.of("VLN0133W",
      "AUDIT LIBRARY {0}: cartridge {1} at element {2} is not checked in; it was left alone.");

  public static final MessageTemplate REQUEST_RAISED = MessageTemplate.of("VLN0140I", "Request {0}: {1}");
  public static final MessageTemplate REQUEST_ANSWERED =
      MessageTemplate.of("VLN0141I", "Request {0} answered by {1}: {2}");
  public static final MessageTemplate REQUEST_CANCELLED =
      MessageTemplate.of("VLN0142I", "Request {0} cancelled by {1}.");
  public static final MessageTemplate REQUEST_SATISFIED =
      MessageTemplate.of("VLN0143I", "Request {0} satisfied: {1}");

  public static final MessageTemplate PROCESS_STARTED =
      MessageTemplate.of("VLN0150I", "Process {0} for {1} started.");
  public static final MessageTemplate PROCESS_ENDED =
      MessageTemplate.of("VLN0151I", "Process {0} for {1} ended: {2}.");
  public static final MessageTemplate PROCESS_INTERRUPTED = MessageTemplate.of("VLN0152W",
      "Process {0} for {1} was running when the server stopped; marked interrupted.");
  public static final MessageTemplate PROCESS_CANCEL_REQUESTED =
      MessageTemplate.of("VLN0153I", "Cancel requested for process {0} ({1}).");

  private static final List<MessageTemplate> ALL = collect();

  /** Every catalogued message, by number. */
  public static List<MessageTemplate> all() {
    return ALL;
  }

  /** The catalogued message with this number. */
  public static Optional<MessageTemplate> find(int number) {
    return ALL.stream().filter(m -> m.id().number() == number).findFirst();
  }

  private static List<MessageTemplate> collect() {
    List<MessageTemplate> list = new ArrayList<>();
    for (Field f : Messages.class.getDeclaredFields()) {
      int mod = f.getModifiers();
      if (Modifier.isStatic(mod) && Modifier.isPublic(mod) && f.getType() == MessageTemplate.class) {
        try {
          list.add((MessageTemplate) f.get(null));
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    list.sort(Comparator.comparing(MessageTemplate::id));
    return Collections.unmodifiableList(list);
  }
}
