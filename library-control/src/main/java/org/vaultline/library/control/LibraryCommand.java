package org.vaultline.library.control;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.vaultline.library.command.TsmDate;
import org.vaultline.library.command.TsmTime;
import org.vaultline.library.store.VolumeStatus;
import org.vaultline.scsi.smc.ElementAddress;

/**
 * The library commands an administrator types, in TSM's syntax (IBM Spectrum Protect administrator's
 * reference: DEFINE LIBRARY/DRIVE/PATH, QUERY LIBRARY/DRIVE/PATH/LIBVOLUME/REQUEST/ACTLOG, CHECKIN and
 * CHECKOUT LIBVOLUME, AUDIT LIBRARY, LABEL LIBVOLUME, REPLY, CANCEL REQUEST), as parsed by
 * {@link LibraryCommandParser} and run by {@link LibraryControl}. Names are upper case as TSM keeps them.
 */
public sealed interface LibraryCommand permits LibraryCommand.DefineLibrary, LibraryCommand.DefineDrive,
    LibraryCommand.DefinePath, LibraryCommand.QueryLibrary, LibraryCommand.QueryDrive, LibraryCommand.QueryPath,
    LibraryCommand.QueryLibvolume, LibraryCommand.CheckinLibvolume, LibraryCommand.CheckoutLibvolume,
    LibraryCommand.AuditLibrary, LibraryCommand.LabelLibvolume, LibraryCommand.QueryRequest, LibraryCommand.Reply,
    LibraryCommand.CancelRequest, LibraryCommand.QueryActlog {

  /** The command's name as TSM writes it ({@code CHECKIN LIBVOLUME}). */
  String name();

  // ---- definitions ----

  /** {@code DEFINE LIBRARY name [LIBTYPE=SCSI]}. */
  record DefineLibrary(String library) implements LibraryCommand {
    public static final String USAGE = "DEFINE LIBRARY library_name [LIBTYPE=SCSI]";

    public DefineLibrary {
      Objects.requireNonNull(library, "library");
    }

    @Override
    public String name() {
      return "DEFINE LIBRARY";
    }
  }

  /**
   * {@code DEFINE DRIVE library drive [ELEMENT=AUTODETECT|address] [SERIAL=AUTODETECT|serial] [ONLINE=YES|NO]}.
   *
   * @param element empty for AUTODETECT: found by serial number at the next start of the library
   * @param serial empty for AUTODETECT: read from the drive (VPD page 80h)
   */
  record DefineDrive(String library, String drive, Optional<ElementAddress> element, Optional<String> serial,
      boolean online) implements LibraryCommand {
    public static final String USAGE = "DEFINE DRIVE library_name drive_name [ELEMENT=AUTODETECT|address]"
        + " [SERIAL=AUTODETECT|serial_number] [ONLINE=YES|NO]";

    public DefineDrive {
      Objects.requireNonNull(library, "library");
      Objects.requireNonNull(drive, "drive");
      Objects.requireNonNull(element, "element");
      Objects.requireNonNull(serial, "serial");
    }

    @Override
    public String name() {
      return "DEFINE DRIVE";
    }
  }

  /** DEFINE PATH's DESTTYPE. */
  enum DestinationType {
    LIBRARY,
    DRIVE
  }

  /**
   * {@code DEFINE PATH source destination SRCTYPE=SERVER DESTTYPE=LIBRARY|DRIVE [LIBRARY=library]
   * DEVICE=url [ONLINE=YES|NO]}: for a drive, {@code destination} is the drive's name and LIBRARY names its
   * library.
   */
  record DefinePath(String source, String destination, DestinationType destinationType, Optional<String> library,
      String device, boolean online) implements LibraryCommand {
    public static final String USAGE = "DEFINE PATH source_name destination_name SRCTYPE=SERVER"
        + " DESTTYPE=LIBRARY|DRIVE [LIBRARY=library_name] DEVICE=device_url [ONLINE=YES|NO]";

    public DefinePath {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(destination, "destination");
      Objects.requireNonNull(destinationType, "destinationType");
      Objects.requireNonNull(library, "library");
      Objects.requireNonNull(device, "device");
    }

    /** The library the path leads to (itself for DESTTYPE=LIBRARY). */
    public String libraryName() {
      return destinationType == DestinationType.LIBRARY ? destination : library.orElseThrow();
    }

    @Override
    public String name() {
      return "DEFINE PATH";
    }
  }

  // ---- queries ----

  /** {@code QUERY LIBRARY [name]} ({@code *} and {@code ?} wildcards). */
  record QueryLibrary(Optional<String> library) implements LibraryCommand {
    public static final String USAGE = "QUERY LIBRARY [library_name]";

    public QueryLibrary {
      Objects.requireNonNull(library, "library");
    }

    @Override
    public String name() {
      return "QUERY LIBRARY";
    }
  }

  /** {@code QUERY DRIVE [library [drive]]}. */
  record QueryDrive(Optional<String> library, Optional<String> drive) implements LibraryCommand {
    public static final String USAGE = "QUERY DRIVE [library_name [drive_name]]";

    public QueryDrive {
      Objects.requireNonNull(library, "library");
      Objects.requireNonNull(drive, "drive");
    }

    @Override
    public String name() {
      return "QUERY DRIVE";
    }
  }

  /** {@code QUERY PATH [source [destination]]}. */
  record QueryPath(Optional<String> source, Optional<String> destination) implements LibraryCommand {
    public static final String USAGE = "QUERY PATH [source_name [destination_name]]";

    public QueryPath {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(destination, "destination");
    }

    @Override
    public String name() {
      return "QUERY PATH";
    }
  }

  /** {@code QUERY LIBVOLUME [library [volume]]}. */
  record QueryLibvolume(Optional<String> library, Optional<String> volume) implements LibraryCommand {
    public static final String USAGE = "QUERY LIBVOLUME [library_name [volume_name]]";

    public QueryLibvolume {
      Objects.requireNonNull(library, "library");
      Objects.requireNonNull(volume, "volume");
    }

    @Override
    public String name() {
      return "QUERY LIBVOLUME";
    }
  }

  /** {@code QUERY REQUEST [number]}. */
  record QueryRequest(Optional<Long> number) implements LibraryCommand {
    public static final String USAGE = "QUERY REQUEST [request_number]";

    public QueryRequest {
      Objects.requireNonNull(number, "number");
    }

    @Override
    public String name() {
      return "QUERY REQUEST";
    }
  }

  /**
   * {@code QUERY ACTLOG [BEGINDATE=] [BEGINTIME=] [ENDDATE=] [ENDTIME=] [MSGNO=] [SEARCH=]}. Without dates
   * and times, the last hour (TSM's default); a begin date without a time starts at 00:00:00, an end date
   * without a time ends at 23:59:59, a time without a date is today's.
   */
  record QueryActlog(Optional<TsmDate> beginDate, Optional<TsmTime> beginTime, Optional<TsmDate> endDate,
      Optional<TsmTime> endTime, Optional<Integer> messageNumber, Optional<String> search) implements LibraryCommand {
    public static final String USAGE = "QUERY ACTLOG [BEGINDATE=date] [BEGINTIME=time] [ENDDATE=date]"
        + " [ENDTIME=time] [MSGNO=number] [SEARCH=text]";

    public QueryActlog {
      Objects.requireNonNull(beginDate, "beginDate");
      Objects.requireNonNull(beginTime, "beginTime");
      Objects.requireNonNull(endDate, "endDate");
      Objects.requireNonNull(endTime, "endTime");
      Objects.requireNonNull(messageNumber, "messageNumber");
      Objects.requireNonNull(search, "search");
    }

    @Override
    public String name() {
      return "QUERY ACTLOG";
    }
  }

  // ---- volumes ----

  /** CHECKLABEL of CHECKIN LIBVOLUME (and the YES/NO of the other commands). */
  enum CheckLabel {
    /** Mount the cartridge and read its tape label. */
    YES,
    /** Take the volume name from the barcode without reading anything. */
    NO,
    /** Take the volume name from the barcode (the library's scanner). */
    BARCODE
  }

  /** SEARCH of CHECKIN and LABEL LIBVOLUME. */
  enum Search {
    /** The named volume only. */
    NO,
    /** Cartridges in the library's storage slots that are not checked in. */
    YES,
    /** Cartridges the operator put into the I/O station. */
    BULK
  }

  /**
   * Which volumes a command is about: a name (or pattern), VOLRANGE={@code first,last} or VOLLIST={@code a,b}.
   * A range holds the names of the same length between its ends, compared character by character, so
   * {@code A00001,A00010} holds {@code A00002} but not {@code A0001}.
   */
  record VolumeNames(Optional<String> name, Optional<List<String>> range, Optional<List<String>> list) {
    public static final VolumeNames ANY = new VolumeNames(Optional.empty(), Optional.empty(), Optional.empty());

    public VolumeNames {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(range, "range");
      Objects.requireNonNull(list, "list");
      range = range.map(List::copyOf);
      list = list.map(List::copyOf);
      if (range.isPresent() && range.get().size() != 2) {
        throw new IllegalArgumentException("a volume range has two ends: " + range.get());
      }
    }

    public static VolumeNames of(String name) {
      return new VolumeNames(Optional.of(name), Optional.empty(), Optional.empty());
    }

    /** Whether {@code volume} is selected. */
    public boolean matches(String volume) {
      String v = volume.toUpperCase(Locale.ROOT);
      if (name.isPresent() && !Wildcards.matches(name.get(), v)) {
        return false;
      }
      if (range.isPresent()) {
        String lo = range.get().get(0);
        String hi = range.get().get(1);
        if (v.length() != lo.length() || v.compareTo(lo) < 0 || v.compareTo(hi) > 0) {
          return false;
        }
      }
      return list.isEmpty() || list.get().contains(v);
    }

    /** The one volume named without wildcards, when that is what this is. */
    public Optional<String> single() {
      if (range.isEmpty() && list.isEmpty() && name.isPresent() && !Wildcards.hasWildcards(name.get())) {
        return name;
      }
      if (name.isEmpty() && range.isEmpty() && list.isPresent() && list.get().size() == 1) {
        return Optional.of(list.get().get(0));
      }
      return Optional.empty();
    }

    @Override
    public String toString() {
      return name.orElse(range.map(r -> "VOLRANGE=" + r.get(0) + "," + r.get(1))
          .orElse(list.map(l -> "VOLLIST=" + String.join(",", l)).orElse("*")));
    }
  }

  /**
   * {@code CHECKIN LIBVOLUME library volume|SEARCH=YES|BULK STATUS=SCRATCH|PRIVATE|CLEANER
   * [CHECKLABEL=YES|NO|BARCODE] [VOLRANGE=|VOLLIST=] [WAITTIME=minutes] [CLEANINGS=n]}.
   *
   * @param volumes the named volume (SEARCH=NO), or a filter on what the search finds
   * @param waitTime how long to wait for the operator to insert cartridges (TSM default 60 minutes; zero:
   *     do not wait)
   */
  record CheckinLibvolume(String library, Search search, VolumeNames volumes, VolumeStatus status,
      CheckLabel checkLabel, Duration waitTime, Optional<Integer> cleanings) implements LibraryCommand {
    public static final String USAGE = "CHECKIN LIBVOLUME library_name volume_name|SEARCH=YES|BULK"
        + " STATUS=SCRATCH|PRIVATE|CLEANER [CHECKLABEL=YES|NO|BARCODE] [VOLRANGE=first,last|VOLLIST=a,b,...]"
        + " [WAITTIME=minutes] [CLEANINGS=number]";

    public CheckinLibvolume {
      Objects.requireNonNull(library, "library");
      Objects.requireNonNull(search, "search");
      Objects.requireNonNull(volumes, "volumes");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(checkLabel, "checkLabel");
      Objects.requireNonNull(waitTime, "waitTime");
      Objects.requireNonNull(cleanings, "cleanings");
    }

    @Override
    public String name() {
      return "CHECKIN LIBVOLUME";
    }
  }

  /** REMOVE of CHECKOUT LIBVOLUME. */
  enum Remove {
    /**
     * Eject to the I/O station; when it is full, ask the operator to empty it and go on once it has been
     * emptied; at the end, tell the operator what to take out.
     */
    BULK,
    /** As BULK, and at the end also wait until the operator has emptied the station. */
    YES,
    /** Check the volumes out without moving them: they stay in their slots, unknown to the server. */
    NO
  }

  /** {@code CHECKOUT LIBVOLUME library volume|VOLRANGE=|VOLLIST= [REMOVE=BULK|YES|NO] [CHECKLABEL=YES|NO]}. */
  record CheckoutLibvolume(String library, VolumeNames volumes, Remove remove, boolean checkLabel)
      implements LibraryCommand {
    public static final String USAGE = "CHECKOUT LIBVOLUME library_name volume_name|VOLRANGE=first,last"
        + "|VOLLIST=a,b,... [REMOVE=BULK|YES|NO] [CHECKLABEL=YES|NO]";

    public CheckoutLibvolume {
      Objects.requireNonNull(library, "library");
      Objects.requireNonNull(volumes, "volumes");
      Objects.requireNonNull(remove, "remove");
    }

    @Override
    public String name() {
      return "CHECKOUT LIBVOLUME";
    }
  }

  /**
   * {@code AUDIT LIBRARY library [CHECKLABEL=YES|BARCODE]}: with YES (TSM's default) every checked-in
   * volume and every cartridge without a readable barcode is mounted and its tape label read.
   */
  record AuditLibrary(String library, boolean checkLabel) implements LibraryCommand {
    public static final String USAGE = "AUDIT LIBRARY library_name [CHECKLABEL=YES|BARCODE]";

    public AuditLibrary {
      Objects.requireNonNull(library, "library");
    }

    @Override
    public String name() {
      return "AUDIT LIBRARY";
    }
  }

  /**
   * {@code LABEL LIBVOLUME library volume|SEARCH=YES|BULK [LABELSOURCE=BARCODE] [CHECKIN=SCRATCH|PRIVATE]
   * [OVERWRITE=NO|YES] [VOLRANGE=|VOLLIST=] [WAITTIME=minutes]}.
   *
   * @param checkin check the labelled volumes in with this status (else they go back where they were)
   * @param overwrite replace an existing VOL1 label (default NO)
   */
  record LabelLibvolume(String library, Search search, VolumeNames volumes, Optional<VolumeStatus> checkin,
      boolean overwrite, Duration waitTime) implements LibraryCommand {
    public static final String USAGE = "LABEL LIBVOLUME library_name volume_name|SEARCH=YES|BULK"
        + " [LABELSOURCE=BARCODE] [CHECKIN=SCRATCH|PRIVATE] [OVERWRITE=NO|YES] [VOLRANGE=first,last"
        + "|VOLLIST=a,b,...] [WAITTIME=minutes]";

    public LabelLibvolume {
      Objects.requireNonNull(library, "library");
      Objects.requireNonNull(search, "search");
      Objects.requireNonNull(volumes, "volumes");
      Objects.requireNonNull(checkin, "checkin");
      Objects.requireNonNull(waitTime, "waitTime");
    }

    @Override
    public String name() {
      return "LABEL LIBVOLUME";
    }
  }

  // ---- operator requests ----

  /** {@code REPLY number [LABEL=volume]}: the operator did what request {@code number} asked. */
  record Reply(long number, Optional<String> label) implements LibraryCommand {
    public static final String USAGE = "REPLY request_number [LABEL=volume_name]";

    public Reply {
      Objects.requireNonNull(label, "label");
    }

    @Override
    public String name() {
      return "REPLY";
    }
  }

  /** {@code CANCEL REQUEST number|ALL}: the operator will not do it; the waiting operation gives up. */
  record CancelRequest(Optional<Long> number) implements LibraryCommand {
    public static final String USAGE = "CANCEL REQUEST request_number|ALL";

    public CancelRequest {
      Objects.requireNonNull(number, "number");
    }

    @Override
    public String name() {
      return "CANCEL REQUEST";
    }
  }
}
