package org.vaultline.library.control;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.vaultline.library.store.MessageTemplate;

/**
 * The messages of the library commands (range VLN0200..VLN0299 of library control; the store's own
 * library-control messages, VLN0100..VLN0199, are in {@link org.vaultline.library.store.Messages}). A number
 * keeps its meaning once released; {@code ControlMessagesTest} checks that numbers are unique here and do not
 * collide with the store's catalogue.
 */
public final class ControlMessages {
  private ControlMessages() {}

  // ---- 0200..0219: command syntax ----

  public static final MessageTemplate UNKNOWN_COMMAND = MessageTemplate.of("VLN0200E",
      "Unknown command \"{0}\"; the library commands are {1}.");
  public static final MessageTemplate MISSING_PARAMETER =
      MessageTemplate.of("VLN0201E", "{0}: {1} is required. Syntax: {2}");
  public static final MessageTemplate UNKNOWN_PARAMETER =
      MessageTemplate.of("VLN0202E", "{0}: unknown parameter {1}; valid are {2}. Syntax: {3}");
  public static final MessageTemplate INVALID_VALUE =
      MessageTemplate.of("VLN0203E", "{0}: {1} is not valid for {2}; expected {3}.");
  public static final MessageTemplate DUPLICATE_PARAMETER =
      MessageTemplate.of("VLN0204E", "{0}: {1} is given more than once.");
  public static final MessageTemplate UNTERMINATED_QUOTE = MessageTemplate.of("VLN0205E",
      "The quote at column {0} is not closed; end a quoted value with the same quote, and double it to include it.");
  public static final MessageTemplate EXTRA_POSITIONAL =
      MessageTemplate.of("VLN0206E", "{0}: unexpected {1} at column {2}. Syntax: {3}");
  public static final MessageTemplate CONFLICTING_PARAMETERS =
      MessageTemplate.of("VLN0207E", "{0}: {1}. Syntax: {2}");
  public static final MessageTemplate INVALID_DATE = MessageTemplate.of("VLN0208E",
      "{0}: {1} is not a date; use MM/DD/YYYY, TODAY, TODAY-n or -n.");
  public static final MessageTemplate INVALID_TIME = MessageTemplate.of("VLN0209E",
      "{0}: {1} is not a time; use HH:MM:SS, HH:MM, NOW, NOW-HH:MM or -HH:MM.");

  // ---- 0220..0239: definitions ----

  public static final MessageTemplate LIBRARY_NOT_DEFINED =
      MessageTemplate.of("VLN0220E", "Library {0} is not defined.");
  public static final MessageTemplate LIBRARY_EXISTS =
      MessageTemplate.of("VLN0221E", "Library {0} is already defined.");
  public static final MessageTemplate DRIVE_EXISTS =
      MessageTemplate.of("VLN0222E", "Drive {0} is already defined in library {1}, or its element or serial number"
          + " is another drive's: {2}");
  public static final MessageTemplate DRIVE_NOT_DEFINED =
      MessageTemplate.of("VLN0223E", "Drive {0} is not defined in library {1}.");
  public static final MessageTemplate PATH_EXISTS =
      MessageTemplate.of("VLN0224E", "A path from {0} to {1} is already defined.");
  public static final MessageTemplate BAD_DEVICE =
      MessageTemplate.of("VLN0225E", "DEVICE={0} is not a device URL: {1}");
  public static final MessageTemplate NO_LIBRARY_PATH = MessageTemplate.of("VLN0226E",
      "No path from {0} to library {1} is defined; DEFINE PATH {0} {1} SRCTYPE=SERVER DESTTYPE=LIBRARY DEVICE=...");
  public static final MessageTemplate LIBRARY_UNREACHABLE =
      MessageTemplate.of("VLN0227E", "Library {0} cannot be reached through {1}: {2}");
  public static final MessageTemplate DRIVE_UNREACHABLE =
      MessageTemplate.of("VLN0228W", "Drive {0} of library {1} cannot be reached through {2}: {3}");
  public static final MessageTemplate DRIVE_MATCHED =
      MessageTemplate.of("VLN0229I", "Drive {0} of library {1} is data transfer element {2} ({3}).");
  public static final MessageTemplate DRIVE_NOT_MATCHED = MessageTemplate.of("VLN0230W",
      "Drive {0} of library {1} was not found among the library's drives: {2}. Define it with ELEMENT=.");
  public static final MessageTemplate LIBRARY_STARTED = MessageTemplate.of("VLN0231I",
      "Library {0} ({1}) is ready: {2} slots, {3} drives, {4} I/O station cells, {5} unfinished moves settled.");
  public static final MessageTemplate INVENTORY_WARNING =
      MessageTemplate.of("VLN0232W", "Inventory of library {0}: {1}");
  public static final MessageTemplate REQUEST_ABANDONED = MessageTemplate.of("VLN0233W",
      "Request {0} was outstanding when library {1} was started again; the process waiting for it has ended.");

  // ---- 0240..0259: volumes ----

  public static final MessageTemplate VOLUME_NOT_IN_LIBRARY =
      MessageTemplate.of("VLN0240E", "Volume {0} is not checked into library {1}.");
  public static final MessageTemplate VOLUME_ALREADY_IN =
      MessageTemplate.of("VLN0241W", "Volume {0} is already checked into library {1}; skipped.");
  public static final MessageTemplate NO_FREE_SLOT =
      MessageTemplate.of("VLN0242E", "Library {0} has no free storage slot for volume {1}.");
  public static final MessageTemplate NO_BARCODE = MessageTemplate.of("VLN0243W",
      "The cartridge at element {0} of library {1} has no readable barcode; use CHECKLABEL=YES to read its tape"
          + " label. Skipped.");
  public static final MessageTemplate LABEL_MISMATCH = MessageTemplate.of("VLN0244E",
      "The cartridge at element {0} of library {1} has barcode {2} but its tape label says {3}; skipped.");
  public static final MessageTemplate NO_TAPE_LABEL = MessageTemplate.of("VLN0245E",
      "The cartridge at element {0} of library {1} has no standard tape label ({2}); label it with LABEL LIBVOLUME.");
  public static final MessageTemplate NO_DRIVE = MessageTemplate.of("VLN0246E",
      "Library {0} has no drive free to read or write a label: {1}");
  public static final MessageTemplate LABEL_EXISTS = MessageTemplate.of("VLN0247E",
      "The cartridge at element {0} of library {1} already has the label {2}; use OVERWRITE=YES to replace it.");
  public static final MessageTemplate VOLUME_LABELLED =
      MessageTemplate.of("VLN0248I", "Volume {0} in library {1} labelled ({2}).");
  public static final MessageTemplate CHECKIN_DONE = MessageTemplate.of("VLN0249I",
      "CHECKIN LIBVOLUME for library {0} completed: {1} volumes checked in, {2} skipped.");
  public static final MessageTemplate CHECKOUT_DONE = MessageTemplate.of("VLN0250I",
      "CHECKOUT LIBVOLUME for library {0} completed: {1} volumes checked out, {2} not.");
  public static final MessageTemplate LABEL_DONE = MessageTemplate.of("VLN0251I",
      "LABEL LIBVOLUME for library {0} completed: {1} volumes labelled, {2} not.");
  public static final MessageTemplate OPERATION_FAILED =
      MessageTemplate.of("VLN0252E", "{0} for volume {1} in library {2} failed: {3}");
  public static final MessageTemplate REMOVE_CARTRIDGES = MessageTemplate.of("VLN0253I",
      "Remove {0} cartridges from the I/O station of library {1}: {2}.");
  public static final MessageTemplate CHECKIN_NOT_COMPLETED = MessageTemplate.of("VLN0254W",
      "Check-in of volume {0} into library {1} did not complete: the library shows the cartridge {2}.");
  public static final MessageTemplate MOVE_UNSETTLED = MessageTemplate.of("VLN0255W",
      "Move {0} in library {1}: the outcome is not known ({2}); it stays open and is settled from element status"
          + " at the next start.");
  public static final MessageTemplate AUDIT_IN_STATION = MessageTemplate.of("VLN0256W",
      "AUDIT LIBRARY {0}: volume {1} is in the I/O station at element {2}, not in the library; it has been deleted"
          + " from the library inventory.");
  public static final MessageTemplate AUDIT_DUPLICATE = MessageTemplate.of("VLN0257W",
      "AUDIT LIBRARY {0}: volume {1} is on {2} cartridges, at {3}: duplicate labels; left unchanged.");
  public static final MessageTemplate VOLUME_VANISHED = MessageTemplate.of("VLN0258W",
      "Volume {0} of library {1} is nowhere in the library after move {2}; run AUDIT LIBRARY.");
  public static final MessageTemplate AUDIT_LABEL_MISMATCH = MessageTemplate.of("VLN0259W",
      "AUDIT LIBRARY {0}: the cartridge at element {1} has barcode {2} but its tape label says {3}.");

  // ---- 0260..0279: operator requests ----

  public static final MessageTemplate REQUEST_NOT_FOUND =
      MessageTemplate.of("VLN0260E", "Request {0} is not outstanding.");
  public static final MessageTemplate NO_REQUESTS = MessageTemplate.of("VLN0261I", "No requests are outstanding.");
  public static final MessageTemplate REQUEST_EXPIRED =
      MessageTemplate.of("VLN0262W", "Request {0} was not answered within its wait time ({1} minutes); cancelled.");
  public static final MessageTemplate REQUEST_OUTSTANDING = MessageTemplate.of("VLN0263I", "{0}: {1}");
  public static final MessageTemplate WAIT_ENDED = MessageTemplate.of("VLN0264E",
      "{0} in library {1} ended: request {2} was {3}.");

  // ---- 0280..0299: queries ----

  public static final MessageTemplate NOTHING_FOUND = MessageTemplate.of("VLN0280I", "No match found for {0}.");

  // ---- 0500..0539: the server's command surface (ServerCommands), processes, automatic check-in, stop ----
  // (0540..0559 are DRM's, in DrmMessageId)

  public static final MessageTemplate UNKNOWN_SERVER_COMMAND = MessageTemplate.of("VLN0500E",
      "Unknown command \"{0}\": {1}. The server commands are {2}.");
  public static final MessageTemplate PROCESS_NOT_RUNNING =
      MessageTemplate.of("VLN0501E", "{0}: process {1} is not running.");
  public static final MessageTemplate NO_PROCESSES = MessageTemplate.of("VLN0502I", "No active processes found.");
  public static final MessageTemplate MOVE_DRMEDIA_STARTED =
      MessageTemplate.of("VLN0503I", "MOVE DRMEDIA started as process {0}; QUERY PROCESS {0} shows its progress.");
  public static final MessageTemplate STOPPING_REFUSED = MessageTemplate.of("VLN0504E",
      "{0} is refused: the server is stopping. Run it again after the server has restarted.");
  public static final MessageTemplate PROCESS_STOPPING = MessageTemplate.of("VLN0505W",
      "Process {0} ({1}) is asked to stop after the volume in progress: the server is stopping.");
  public static final MessageTemplate SERVER_STARTED = MessageTemplate.of("VLN0506I",
      "Server started: {0} libraries ready, {1} not reachable; {2} interrupted MOVE DRMEDIA ejects completed.");
  public static final MessageTemplate REQUEST_ENDED_WITH_PROCESS = MessageTemplate.of("VLN0507I",
      "Request {0} cancelled: process {1} was cancelled.");
  public static final MessageTemplate AUTO_CHECKIN_DONE = MessageTemplate.of("VLN0508I",
      "Automatic check-in on library {0}: {1} returning volumes checked in as scratch: {2}.");
  public static final MessageTemplate AUTO_CHECKIN_FAILED =
      MessageTemplate.of("VLN0509W", "Automatic check-in on library {0} failed: {1}");
  public static final MessageTemplate SERVER_QUIESCED = MessageTemplate.of("VLN0510I",
      "Server stop: {0} processes ended, {1} still running after {2} seconds.");
  public static final MessageTemplate QUERY_PROCESS_SYNTAX =
      MessageTemplate.of("VLN0511E", "{0}: {1}. Syntax: {2}");
  public static final MessageTemplate NO_DRIVE_FOR_DRM_LABEL = MessageTemplate.of("VLN0512E",
      "MOVE DRMEDIA cannot read the label of volume {0} in library {1}: {2}. Like TSM's check-out it does not wait"
          + " for a drive; run it again when a drive is free, or SET DRMCHECKLABEL NO.");
  public static final MessageTemplate CMD_FILE_WRITTEN =
      MessageTemplate.of("VLN0513I", "{0}: {1} command lines written to {2}.");
  public static final MessageTemplate CMD_FILE_FAILED = MessageTemplate.of("VLN0514E", "{0}: cannot write {1}: {2}");

  private static final List<MessageTemplate> ALL = collect();

  /** Every message of this catalogue, by number. */
  public static List<MessageTemplate> all() {
    return ALL;
  }

  private static List<MessageTemplate> collect() {
    List<MessageTemplate> list = new ArrayList<>();
    for (Field f : ControlMessages.class.getDeclaredFields()) {
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
