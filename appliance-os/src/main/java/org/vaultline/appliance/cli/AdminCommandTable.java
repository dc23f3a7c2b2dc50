package org.vaultline.appliance.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vaultline.library.command.Keyword;

/**
 * The TSM-style administrative commands as the {@code vaultline} client knows them: verb, object, positional
 * parameters and {@code KEY=value} parameters, each keyword with its TSM minimum abbreviation (the capitals of
 * IBM's syntax diagrams, {@code Query DRMedia WHERESTate=...}). The picocli model, and so the usage help, the
 * shell completion and the man pages, is built from this table ({@link AdminModel}).
 *
 * <p>The client checks only what it can see (the command exists, required names are there); the server's parser
 * has the final word on every value. Where the client is unsure of a minimum it takes the shorter one, so that it
 * never refuses what the server accepts.
 */
final class AdminCommandTable {
  private AdminCommandTable() {}

  /** A verb and what it does; {@code commands} are its objects (or one command without object, like REPLY). */
  record Verb(Keyword keyword, String description, List<AdminCommand> commands) {
    Verb {
      Objects.requireNonNull(keyword, "keyword");
      commands = List.copyOf(commands);
    }

    /** True for a verb that takes no object ({@code REPLY 3}): its one command has no object. */
    boolean standalone() {
      return commands.size() == 1 && commands.get(0).object().isEmpty();
    }
  }

  /**
   * One command.
   *
   * @param object empty for a command that is only a verb ({@code REPLY})
   * @param positionals names and values in order; required ones must be there, not as {@code KEY=value}
   * @param parameters {@code KEY=value} parameters, in any order
   */
  record AdminCommand(Keyword verb, Optional<Keyword> object, String summary, List<Positional> positionals,
      List<Parameter> parameters, List<String> notes) {
    AdminCommand {
      Objects.requireNonNull(verb, "verb");
      Objects.requireNonNull(object, "object");
      positionals = List.copyOf(positionals);
      parameters = List.copyOf(parameters);
      notes = List.copyOf(notes);
    }

    /** {@code QUERY DRMEDIA}. */
    String name() {
      return verb.word() + object.map(o -> " " + o.word()).orElse("");
    }

    /** The TSM syntax line: {@code Query DRMedia [volname] [WHERESTate=...]}. */
    String syntax() {
      StringBuilder sb = new StringBuilder(verb.diagram());
      object.ifPresent(o -> sb.append(' ').append(o.diagram()));
      for (Positional p : positionals) {
        sb.append(' ').append(p.required() ? p.label() : "[" + p.label() + "]");
      }
      for (Parameter p : parameters) {
        String kv = p.key().diagram() + "=" + p.values();
        sb.append(' ').append(p.required() ? kv : "[" + kv + "]");
      }
      return sb.toString();
    }

    int requiredPositionals() {
      return (int) positionals.stream().filter(Positional::required).count();
    }
  }

  record Positional(String label, boolean required, String description) {}

  /**
   * A {@code KEY=value} parameter.
   *
   * @param values how the value is written in the syntax ({@code MOUNTABLE|VAULT}, {@code pool,...})
   * @param candidates the values completion offers; empty for free text
   */
  record Parameter(Keyword key, String values, boolean required, List<String> candidates, String description) {
    Parameter {
      candidates = List.copyOf(candidates);
    }
  }

  // ---- the DSL the table is written in ----

  private static Verb verb(String diagram, String description, AdminCommand... commands) {
    return new Verb(Keyword.of(diagram), description, Arrays.asList(commands));
  }

  private static final class Builder {
    private final String object;
    private final String summary;
    private final List<Positional> positionals = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Builder(String object, String summary) {
      this.object = object;
      this.summary = summary;
    }

    Builder pos(String label, String description) {
      positionals.add(new Positional(label, true, description));
      return this;
    }

    Builder opt(String label, String description) {
      positionals.add(new Positional(label, false, description));
      return this;
    }

    /** A parameter whose values are a closed set: {@code choices} is the syntax ({@code YES|NO}). */
    Builder key(String diagram, String choices, String description) {
      List<String> candidates = choices.contains("|") || choices.matches("[A-Z]+")
          ? List.of(choices.split("\\|")) : List.of();
      parameters.add(new Parameter(Keyword.of(diagram), choices, false, candidates, description));
      return this;
    }

    Builder requiredKey(String diagram, String choices, String description) {
      key(diagram, choices, description);
      Parameter p = parameters.remove(parameters.size() - 1);
      parameters.add(new Parameter(p.key(), p.values(), true, p.candidates(), p.description()));
      return this;
    }

    /** A parameter with a free value ({@code location}, {@code date}). */
    Builder text(String diagram, String label, String description) {
      parameters.add(new Parameter(Keyword.of(diagram), label, false, List.of(), description));
      return this;
    }

    Builder apply(java.util.function.UnaryOperator<Builder> f) {
      return f.apply(this);
    }

    Builder note(String text) {
      notes.add(text);
      return this;
    }

    AdminCommand of(String verbDiagram) {
      return new AdminCommand(Keyword.of(verbDiagram), Optional.ofNullable(object).map(Keyword::of), summary,
          positionals, parameters, notes);
    }
  }

  private static Builder object(String diagram, String summary) {
    return new Builder(diagram, summary);
  }

  private static Builder alone(String summary) {
    return new Builder(null, summary);
  }

  private static final String STATES_FROM = "MOUNTABLE|NOTMOUNTABLE|COURIER|VAULTRETRIEVE|COURIERRETRIEVE";
  private static final String STATES_TO = "NOTMOUNTABLE|COURIER|VAULT|COURIERRETRIEVE|ONSITERETRIEVE";
  private static final String STATES_ALL =
      "ALL|MOUNTABLE|NOTMOUNTABLE|COURIER|VAULT|VAULTRETRIEVE|COURIERRETRIEVE";
  private static final String DATE = "TSM date: MM/DD/YYYY, TODAY, TODAY-7, TODAY+1 ...";
  private static final String TIME = "TSM time: HH:MM[:SS], NOW, NOW-1:00 ...";

  private static Builder drmSelection(Builder b) {
    return b.text("BEGINDate", "date", "Only volumes whose DRM state changed on or after this date (" + DATE + ").")
        .text("ENDDate", "date", "Only volumes whose DRM state changed on or before this date.")
        .text("BEGINTime", "time", "With BEGINDATE, the time of day (" + TIME + ").")
        .text("ENDTime", "time", "With ENDDATE, the time of day.")
        .text("COPYstgpool", "pool,...", "Only copy storage pool volumes of these pools (wildcards allowed).")
        .text("ACTIVEDatastgpool", "pool,...", "Only active-data pool volumes of these pools.")
        .key("Source", "DBBACKUP|DBSNAPSHOT|DBNONE", "Which database backup volumes to include (default DBBACKUP).")
        .text("WHERELOcation", "location", "Only volumes at this location.");
  }

  private static Builder cmdOutput(Builder b) {
    return b.text("CMd", "command", "A command written for every selected volume, with &VOL, &VOLDSN, &LOC"
            + " substituted; in quotes when it has blanks.")
        .text("CMDFilename", "file", "Where the CMD output goes (default: the DRMCMDFILENAME setting).")
        .key("APPend", "NO|YES", "Append to CMDFILENAME instead of replacing it.");
  }

  /** Every verb, in the order help lists them. */
  static final List<Verb> VERBS = List.of(
      verb("Query", "Display information about DRM media, libraries, requests, processes and the server.",
          object("ACtlog", "Display messages from the activity log.")
              .text("BEGINDate", "date", "First date to show (" + DATE + "); default today.")
              .text("BEGINTime", "time", "First time of day to show (" + TIME + ").")
              .text("ENDDate", "date", "Last date to show.")
              .text("ENDTime", "time", "Last time of day to show.")
              .text("MSGno", "number", "Only messages with this number (110 for VLN0110I).")
              .text("SEARCH", "text", "Only messages containing this text.")
              .of("Query"),
          object("ADmin", "Display administrators, their authority and whether they are locked.")
              .opt("admin_name", "Administrator ID or pattern; all when omitted.")
              .of("Query"),
          object("DRive", "Display the drives of libraries.")
              .opt("library_name", "Library name; all when omitted.")
              .opt("drive_name", "Drive name; all drives of the library when omitted.")
              .of("Query"),
          object("DRMedia", "Display DRM volumes and their states.")
              .opt("volname", "Volume name or pattern (* and ?); all when omitted.")
              .key("WHERESTate", STATES_ALL, "Only volumes in this DRM state (default ALL).")
              .key("Format", "STANDARD|DETAILED|CMD", "STANDARD, DETAILED, or CMD to write a command per volume.")
              .apply(AdminCommandTable::drmSelection).apply(AdminCommandTable::cmdOutput)
              .of("Query"),
          object("DRMSTatus", "Display the DRM settings (SET DRM...).")
              .of("Query"),
          object("LIBRary", "Display libraries.")
              .opt("library_name", "Library name; all when omitted.")
              .of("Query"),
          object("LIBVolume", "Display the volumes checked in to libraries.")
              .opt("library_name", "Library name; all when omitted.")
              .opt("volume_name", "Volume name or pattern; all when omitted.")
              .of("Query"),
          object("PATH", "Display the paths from the server to libraries and drives.")
              .opt("source_name", "Source name (the server); all when omitted.")
              .opt("destination_name", "Library or drive name; all when omitted.")
              .of("Query"),
          object("PRocess", "Display background processes (MOVE DRMEDIA, AUDIT LIBRARY, ...).")
              .opt("process_number", "Process number; all when omitted.")
              .of("Query"),
          object("REQuest", "Display operator requests waiting for a REPLY or CANCEL REQUEST.")
              .opt("request_number", "Request number; all when omitted.")
              .of("Query"),
          object("EVent", "Display the startup windows of an administrative schedule and what each run did.")
              .pos("schedule_name", "Schedule name or pattern.")
              .requiredKey("Type", "ADMINISTRATIVE", "Schedule type (administrative).")
              .text("BEGINDate", "date", "First date to show (" + DATE + ").")
              .text("BEGINTime", "time", "First time of day to show (" + TIME + ").")
              .text("ENDDate", "date", "Last date to show.")
              .text("ENDTime", "time", "Last time of day to show.")
              .key("EXceptionsonly", "NO|YES", "Only windows that failed or were missed.")
              .key("Format", "STANDARD|DETAILED", "How much to show.")
              .of("Query"),
          object("SCHedule", "Display administrative schedules.")
              .opt("schedule_name", "Schedule name or pattern; all when omitted.")
              .requiredKey("Type", "ADMINISTRATIVE", "Schedule type (administrative).")
              .key("Format", "STANDARD|DETAILED", "How much to show.")
              .of("Query"),
          object("STatus", "Display the server's status: name, version, start time, MQTT, libraries.")
              .of("Query")),
      verb("MOVe", "Move DRM media between states (mountable, courier, vault, ...), ejecting from the library.",
          object("DRMedia", "Move DRM volumes to their next (or a given) state; a background process unless WAIT=YES.")
              .pos("volname", "Volume name or pattern (* and ?; quote * in a shell).")
              .key("WHERESTate", STATES_FROM, "The state the volumes are in now (default MOUNTABLE).")
              .key("TOSTate", STATES_TO, "The state to move them to (default: the next one).")
              .key("REMove", "YES|NO|BULK|UNTILEEFULL", "How to eject from the library: YES (I/O station),"
                  + " BULK (I/O station, operator empties it when full), NO, UNTILEEFULL.")
              .apply(AdminCommandTable::drmSelection)
              .text("TOLOcation", "location", "Location to record instead of the state's default.")
              .apply(AdminCommandTable::cmdOutput)
              .key("Wait", "NO|YES", "YES runs in the foreground and shows the messages.")
              .note("Example: vaultline move drmedia '*' wherestate=mountable tostate=vault remove=bulk")
              .of("MOVe")),
      verb("DEFine", "Define libraries, drives, paths, schedules and DRM volumes.",
          object("DRive", "Define a drive in a library.")
              .pos("library_name", "The library the drive is in.")
              .pos("drive_name", "Name of the drive (1 to 30 characters).")
              .text("ELEMent", "AUTODETECT|address", "Element address of the drive (default AUTODETECT).")
              .text("SERial", "AUTODETECT|serial_number", "Serial number (default AUTODETECT).")
              .key("ONLine", "YES|NO", "Whether the drive is available (default YES).")
              .of("DEFine"),
          object("DRMVOLume", "Register a volume with DRM (a database backup or copy storage pool volume).")
              .pos("volname", "Volume name.")
              .requiredKey("Type", "BACKUPFULL|BACKUPINCR|DBSNAPSHOT|COPYSTGPOOL|ACTIVEDATASTGPOOL|SCRATCH|PRIVATE",
                  "Kind of volume.")
              .text("POol", "pool", "Storage pool (for COPYSTGPOOL and ACTIVEDATASTGPOOL).")
              .text("SERies", "n", "Database backup series.")
              .text("OPeration", "n", "Backup operation within the series.")
              .text("SEQuence", "n", "Volume sequence within the operation.")
              .text("DATE", "date", "Date of the backup.")
              .text("TIME", "time", "Time of the backup.")
              .key("STATUS", "FILLING|FULL|PENDING|EMPTY", "Storage pool volume status.")
              .text("DEVClass", "name", "Device class.")
              .key("DEVType", "TAPE|FILE", "Device type.")
              .text("PREfix", "hlq", "High-level qualifier of a FILE volume.")
              .key("STATE", "MOUNTABLE|NOTMOUNTABLE|COURIER|VAULT|VAULTRETRIEVE|COURIERRETRIEVE",
                  "DRM state to start in.")
              .text("LOcation", "location", "Where the volume is.")
              .text("LIBrary", "library", "Library the volume is checked in to.")
              .text("UPDDate", "date", "Date of the last state change.")
              .text("UPDTime", "time", "Time of the last state change.")
              .of("DEFine"),
          object("LIBRary", "Define a SCSI library.")
              .pos("library_name", "Name of the library (1 to 30 characters).")
              .key("LIBType", "SCSI", "Library type (SCSI).")
              .of("DEFine"),
          object("PATH", "Define the path from the server to a library or drive: its device.")
              .pos("source_name", "The server's name.")
              .pos("destination_name", "The library or drive.")
              .requiredKey("SRCType", "SERVER", "Source type (SERVER).")
              .requiredKey("DESTType", "LIBRARY|DRIVE", "Destination type.")
              .text("LIBRary", "library_name", "The drive's library (for DESTTYPE=DRIVE).")
              .text("DEVIce", "device_url", "The device: sg:/dev/sgN, iscsi://host/iqn/lun, emulated:name ...")
              .key("ONLine", "YES|NO", "Whether the path is available (default YES).")
              .of("DEFine"),
          object("SCHedule", "Define an administrative schedule that runs a command.")
              .pos("schedule_name", "Name of the schedule.")
              .apply(b -> schedule(b, true))
              .of("DEFine")),
      verb("UPDate", "Change administrators, schedules and DRM volumes.",
          object("Admin", "Change an administrator's password.")
              .pos("admin_name", "Administrator ID.")
              .pos("password", "New password (typed in the console, it stays out of the shell's history).")
              .of("UPDate"),
          object("DRMVOLume", "Change a DRM volume's storage pool status or location.")
              .pos("volname", "Volume name.")
              .key("STATUS", "FILLING|FULL|PENDING|EMPTY", "Storage pool volume status.")
              .text("LOcation", "location", "Where the volume is.")
              .of("UPDate"),
          object("SCHedule", "Change an administrative schedule (parameters as DEFINE SCHEDULE).")
              .pos("schedule_name", "Name of the schedule.")
              .apply(b -> schedule(b, false))
              .of("UPDate")),
      verb("DELete", "Delete schedules and DRM volume registrations.",
          object("DRMVOLume", "Remove a volume from DRM.")
              .pos("volname", "Volume name.")
              .of("DELete"),
          object("SCHedule", "Delete an administrative schedule.")
              .pos("schedule_name", "Name of the schedule (or pattern).")
              .requiredKey("Type", "ADMINISTRATIVE", "Schedule type (administrative).")
              .of("DELete")),
      verb("CHECKIn", "Check volumes in to a library.",
          object("LIBVolume", "Check volumes in to a library: one by name, or SEARCH=YES|BULK.")
              .pos("library_name", "The library.")
              .opt("volume_name", "The volume; or give SEARCH=YES or SEARCH=BULK instead.")
              .key("SEArch", "YES|NO|BULK", "YES: every unknown volume in the storage slots; BULK: the I/O station.")
              .requiredKey("STATus", "SCRATCH|PRIVATE|CLEANER", "Status the volumes get.")
              .key("CHECKLabel", "YES|NO|BARCODE", "Read the tape label (YES) or trust the barcode.")
              .text("VOLRange", "first,last", "With SEARCH, only volumes in this range.")
              .text("VOLList", "a,b,...", "With SEARCH, only these volumes.")
              .text("WAITTime", "minutes", "How long to wait for the operator (default 60; 0 = do not wait).")
              .text("CLEanings", "number", "Cleanings left, for STATUS=CLEANER.")
              .of("CHECKIn")),
      verb("CHECKOut", "Check volumes out of a library.",
          object("LIBVolume", "Check volumes out of a library, ejecting them.")
              .pos("library_name", "The library.")
              .opt("volume_name", "The volume; or give VOLRANGE or VOLLIST instead.")
              .text("VOLRange", "first,last", "Volumes in this range.")
              .text("VOLList", "a,b,...", "These volumes.")
              .key("REMove", "BULK|YES|NO", "Eject to the I/O station (YES, BULK) or leave in place (NO).")
              .key("CHECKLabel", "YES|NO", "Read the tape label first.")
              .of("CHECKOut")),
      verb("AUDit", "Audit a library: compare its inventory with the server's.",
          object("LIBRary", "Audit a library's inventory (re-reads element status, fixes the server's records).")
              .pos("library_name", "The library.")
              .key("CHECKLabel", "YES|BARCODE", "Read each tape's label (YES) or trust barcodes (default).")
              .of("AUDit")),
      verb("LABel", "Label tape volumes.",
          object("LIBVolume", "Write labels on volumes in a library.")
              .pos("library_name", "The library.")
              .opt("volume_name", "The volume; or give SEARCH=YES or SEARCH=BULK instead.")
              .key("SEArch", "YES|BULK", "Label every unlabelled volume in the slots (YES) or I/O station (BULK).")
              .key("LABELSource", "BARCODE", "Take the label from the barcode.")
              .key("CHECKIN", "SCRATCH|PRIVATE", "Check the volumes in with this status.")
              .key("OVERWRITE", "NO|YES", "Overwrite an existing label.")
              .text("VOLRange", "first,last", "With SEARCH, only volumes in this range.")
              .text("VOLList", "a,b,...", "With SEARCH, only these volumes.")
              .text("WAITTime", "minutes", "How long to wait for the operator.")
              .of("LABel")),
      verb("REPly", "Answer an operator request (see QUERY REQUEST).",
          alone("Answer an operator request: the operator did what it asked.")
              .pos("request_number", "The request's number.")
              .text("LABEL", "volume_name", "The label of the volume put in, when the request asks for one.")
              .of("REPly")),
      verb("CANcel", "Cancel operator requests and background processes.",
          object("PRocess", "Cancel a background process after the volume in progress.")
              .pos("process_number", "The process's number (QUERY PROCESS).")
              .of("CANcel"),
          object("REQuest", "Cancel an operator request.")
              .pos("request_number", "The request's number, or ALL.")
              .of("CANcel")),
      verb("REGister", "Register administrators.",
          object("Admin", "Register an administrator.")
              .pos("admin_name", "Administrator ID.")
              .pos("password", "Initial password (typed in the console, it stays out of the shell's history).")
              .key("AUTHority", "SYSTEM|OPERATOR|READ", "Authority class (default READ); GRANT AUTHORITY changes it.")
              .of("REGister")),
      verb("REMove", "Remove administrators.",
          object("Admin", "Remove an administrator.")
              .pos("admin_name", "Administrator ID.")
              .of("REMove")),
      verb("GRant", "Grant authority to administrators.",
          object("AUTHority", "Grant an administrator an authority class.")
              .pos("admin_name", "Administrator ID.")
              .requiredKey("CLasses", "SYSTEM|OPERATOR|READ", "SYSTEM: everything; OPERATOR: run library and DRM"
                  + " work; READ: queries only.")
              .of("GRant")),
      verb("REVoke", "Revoke authority from administrators.",
          object("AUTHority", "Revoke an administrator's authority class.")
              .pos("admin_name", "Administrator ID.")
              .key("CLasses", "SYSTEM|OPERATOR", "The class to revoke; the administrator keeps READ.")
              .of("REVoke")),
      verb("LOCK", "Lock administrators out.",
          object("Admin", "Lock an administrator: no sign-on until UNLOCK ADMIN.")
              .pos("admin_name", "Administrator ID.")
              .of("LOCK")),
      verb("UNLOCK", "Unlock administrators.",
          object("Admin", "Unlock an administrator (also after too many failed sign-ons).")
              .pos("admin_name", "Administrator ID.")
              .of("UNLOCK")),
      verb("Set", "Change DRM settings (QUERY DRMSTATUS shows them).",
          setting("DRMVAultname", "vault_name", "Name of the vault (location of volumes in VAULT)."),
          setting("DRMCOUriername", "courier_name", "Name of the courier (location of volumes in COURIER)."),
          setting("DRMNOTMOuntablename", "location", "Location of NOTMOUNTABLE volumes."),
          setting("DRMDBBackupexpiredays", "days", "Days before a database backup series may expire."),
          setting("DRMCHECKLabel", "YES|NO", "Read labels when MOVE DRMEDIA ejects volumes."),
          setting("DRMFILEProcess", "YES|NO", "Include FILE device class volumes."),
          setting("DRMCMDFilename", "file", "Default file for CMD= output."),
          setting("DRMPLANPrefix", "prefix", "Prefix of recovery plan files."),
          setting("DRMINSTRPrefix", "prefix", "Prefix of recovery instruction files."),
          setting("DRMPRIMstgpool", "pool,...", "Primary storage pools DRM manages."),
          setting("DRMCOPYstgpool", "pool,...", "Copy storage pools DRM manages."),
          setting("DRMACTIVEDatastgpool", "pool,...", "Active-data pools DRM manages."),
          setting("DRMRPFExpiredays", "days", "Days before recovery plan files expire."),
          setting("DRMAUTOcheckin", "ON|OFF", "Check volumes back in automatically when they return onsite.")));

  /** The parameters of DEFINE and UPDATE SCHEDULE (TSM's administrative schedules, classic and enhanced). */
  private static Builder schedule(Builder b, boolean define) {
    b.requiredKey("Type", "ADMINISTRATIVE", "Schedule type (administrative).");
    if (define) {
      b.parameters.add(new Parameter(Keyword.of("CMD"), "command", true, List.of(),
          "The administrative command to run."));
    } else {
      b.text("CMD", "command", "The administrative command to run.");
    }
    return b.key("ACTIVE", "YES|NO", "Whether the schedule runs (default NO, as in TSM).")
        .text("DESCription", "text", "Description.")
        .text("PRIority", "1..10", "Priority (1 highest).")
        .text("STARTDate", "MM/DD/YYYY|TODAY|+n", "First date it may run.")
        .text("STARTTime", "HH:MM:SS|NOW|+HH:MM", "Time of day its window starts.")
        .text("DURation", "1..999", "Start window length, in DURUNITS.")
        .key("DURUnits", "MINUTES|HOURS|DAYS|INDEFINITE", "Unit of DURATION.")
        .text("MAXRUNtime", "minutes", "Longest a run should take (0 = no limit).")
        .key("SCHEDStyle", "CLASSIC|ENHANCED", "CLASSIC: PERIOD and PERUNITS; ENHANCED: MONTH, DAYOFMONTH, ...")
        .text("PERiod", "1..999", "How often, in PERUNITS (classic).")
        .key("PERUnits", "HOURS|DAYS|WEEKS|MONTHS|YEARS|ONETIME", "Unit of PERIOD (classic).")
        .text("DAYofweek", "ANY|WEEKDAY|WEEKEND|SUNDAY..SATURDAY", "Days it may run.")
        .text("MONth", "ANY|JANUARY,...", "Months it may run (enhanced).")
        .text("DAYOFMonth", "ANY|1..31|-1..-31,...", "Days of the month it may run (enhanced).")
        .text("WEEKofmonth", "ANY|FIRST|SECOND|THIRD|FOURTH|LAST,...", "Weeks of the month it may run (enhanced).")
        .text("EXPiration", "NEVER|date", "Date after which it no longer runs.");
  }

  private static AdminCommand setting(String diagram, String value, String description) {
    return object(diagram, description).pos(value, "The new value.").of("Set");
  }
}
