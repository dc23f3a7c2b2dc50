package org.vaultline.appliance.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A changer's inventory the way {@code mtx status} numbers it, so that mtx's report and {@code vaultline scsi
 * elements} (which prints element addresses) can be compared: drives numbered from 0, then "slots" numbered from 1,
 * the storage elements first and the import/export elements after them, each in address order, as mtx lists them.
 *
 * @param drivesHeader the drive count of the header line
 * @param slotsHeader the slot count of the header line (storage + import/export)
 * @param importExportHeader the import/export count of the header line
 */
record ChangerStatus(int drivesHeader, int slotsHeader, int importExportHeader, List<Drive> drives, List<Slot> slots) {

  /** A data transfer element: full or not, the barcode, and the slot (mtx number) its cartridge came from. */
  record Drive(boolean full, Optional<String> barcode, Optional<Integer> sourceSlot) {
  }

  /** A storage or import/export element. */
  record Slot(boolean importExport, boolean full, Optional<String> barcode) {
  }

  ChangerStatus {
    drives = List.copyOf(drives);
    slots = List.copyOf(slots);
  }

  private static final Pattern HEADER = Pattern.compile(
      "\\s*Storage Changer .*:(\\d+) Drives, (\\d+) Slots \\( (\\d+) Import/Export \\)\\s*");
  private static final Pattern MTX_DRIVE = Pattern.compile(
      "Data Transfer Element (\\d+):(Full|Empty)(?: \\((?:Storage Element (\\d+)|Unknown Storage Element) Loaded\\))?"
          + "(?::VolumeTag ?= ?(\\S*))?.*");
  private static final Pattern MTX_SLOT = Pattern.compile(
      "\\s*Storage Element (\\d+)( IMPORT/EXPORT)?:(Full|Empty)\\s*(?::VolumeTag=\\s*(\\S*))?.*");
  private static final Pattern OUR_DRIVE = Pattern.compile(
      "Data Transfer Element (0x\\p{XDigit}+): (Full|Empty)"
          + "(?: \\((?:Storage Element (0x\\p{XDigit}+)|Unknown Storage Element) Loaded\\))?"
          + "(?: :VolumeTag=([^\\s#]+)(?:#\\d+)?)?.*");
  private static final Pattern OUR_SLOT = Pattern.compile(
      "\\s*Storage Element (0x\\p{XDigit}+)( IMPORT/EXPORT)?: (Full|Empty)(?: :VolumeTag=([^\\s#]+)(?:#\\d+)?)?.*");

  /** Parses {@code mtx -f /dev/sgN status}. */
  static ChangerStatus fromMtx(String text) {
    int[] header = null;
    List<Drive> drives = new ArrayList<>();
    List<Slot> slots = new ArrayList<>();
    for (String line : text.lines().toList()) {
      Matcher h = HEADER.matcher(line);
      Matcher d = MTX_DRIVE.matcher(line);
      Matcher s = MTX_SLOT.matcher(line);
      if (h.matches()) {
        header = new int[] {Integer.parseInt(h.group(1)), Integer.parseInt(h.group(2)), Integer.parseInt(h.group(3))};
      } else if (d.matches()) {
        check(Integer.parseInt(d.group(1)) == drives.size(), "drives out of order", text);
        drives.add(new Drive(d.group(2).equals("Full"), tag(d.group(4)),
            Optional.ofNullable(d.group(3)).map(Integer::parseInt)));
      } else if (s.matches()) {
        check(Integer.parseInt(s.group(1)) == slots.size() + 1, "slots out of order", text);
        slots.add(new Slot(s.group(2) != null, s.group(3).equals("Full"), tag(s.group(4))));
      }
    }
    check(header != null, "no header line", text);
    return new ChangerStatus(header[0], header[1], header[2], drives, slots);
  }

  /** Parses {@code vaultline scsi elements sg:/dev/sgN} and numbers its elements as mtx does. */
  static ChangerStatus fromVaultline(String text) {
    int[] header = null;
    Map<Integer, Matcher> drives = new TreeMap<>();
    Map<Integer, Matcher> storage = new TreeMap<>();
    Map<Integer, Matcher> importExport = new TreeMap<>();
    for (String line : text.lines().toList()) {
      Matcher h = HEADER.matcher(line);
      Matcher d = OUR_DRIVE.matcher(line);
      Matcher s = OUR_SLOT.matcher(line);
      if (h.matches()) {
        header = new int[] {Integer.parseInt(h.group(1)), Integer.parseInt(h.group(2)), Integer.parseInt(h.group(3))};
      } else if (d.matches()) {
        drives.put(Integer.decode(d.group(1)), d);
      } else if (s.matches()) {
        (s.group(2) != null ? importExport : storage).put(Integer.decode(s.group(1)), s);
      }
    }
    check(header != null, "no header line", text);
    List<Integer> slotAddresses = new ArrayList<>(storage.keySet());
    slotAddresses.addAll(importExport.keySet());
    List<Slot> slots = new ArrayList<>();
    for (Matcher s : storage.values()) {
      slots.add(new Slot(false, s.group(3).equals("Full"), tag(s.group(4))));
    }
    for (Matcher s : importExport.values()) {
      slots.add(new Slot(true, s.group(3).equals("Full"), tag(s.group(4))));
    }
    List<Drive> ds = new ArrayList<>();
    for (Matcher d : drives.values()) {
      Optional<Integer> source = Optional.ofNullable(d.group(3)).map(a -> slotAddresses.indexOf(Integer.decode(a)) + 1);
      ds.add(new Drive(d.group(2).equals("Full"), tag(d.group(4)), source));
    }
    return new ChangerStatus(header[0], header[1], header[2], ds, slots);
  }

  private static Optional<String> tag(String t) {
    return t == null || t.isBlank() ? Optional.empty() : Optional.of(t.strip());
  }

  private static void check(boolean ok, String what, String text) {
    if (!ok) {
      throw new AssertionError("cannot read the changer status (" + what + "):\n" + text);
    }
  }

  /** The barcodes by mtx slot number (from 1), import/export elements included. */
  Map<Integer, String> barcodesBySlot() {
    Map<Integer, String> m = new TreeMap<>();
    for (int i = 0; i < slots.size(); i++) {
      int n = i + 1;
      slots.get(i).barcode().ifPresent(b -> m.put(n, b));
    }
    return m;
  }
}
