package org.vaultline.emulator.personality;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import org.vaultline.emulator.physical.MediaType;

/**
 * One library model as data (the way mhVTL keeps vendors): identities, element layout, cartridges,
 * robot timing, quirks, and the vendor's sense codes for situations SMC-3 leaves open. The catalogue
 * lives in {@code org/vaultline/emulator/personality/*.properties}; see {@link #named(String)}.
 *
 * @param doorOpenSense a move to or from an I/O station whose door is open (IBM: 5/53/81)
 * @param driveGapSense an address in a bay without a drive (IBM 3584: 5/3B/82); else 5/21/01
 * @param driveLoadedSense moving a cartridge out of a drive that has not been unloaded. IBM LTO libraries
 *     (TS3100/TS3310 SCSI reference) and tgt answer 5/53/02 MEDIUM REMOVAL PREVENTED: the drive holds
 *     the cartridge; some autoloaders use vendor 5/3B/90 instead.
 */
public record Personality(String name, String description, DeviceIdentity changer, DeviceIdentity drive,
                          ElementLayout layout, MediaProfile media, RobotTiming timing, Quirks quirks,
                          SenseCode doorOpenSense, Optional<SenseCode> driveGapSense,
                          SenseCode driveLoadedSense) {

  /** The personalities shipped as data, by name. */
  public static final List<String> CATALOGUE =
      List.of("ibm-ts3100", "ibm-ts3500", "stk-sl500", "hp-msl", "large");

  /** A shipped personality. */
  public static Personality named(String name) {
    String resource = "/org/vaultline/emulator/personality/" + name + ".properties";
    try (InputStream in = Personality.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no personality \"" + name + "\"; known: " + CATALOGUE);
      }
      return parse(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }

  /** A personality from a properties file (the standalone emulator's own models). */
  public static Personality fromFile(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in);
    }
  }

  /**
   * Reads the properties format of the catalogue files.
   *
   * @throws IllegalArgumentException naming the missing or bad key
   */
  public static Personality parse(InputStream in) throws IOException {
    Properties p = new Properties();
    try (Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return fromProperties(p);
  }

  static Personality fromProperties(Properties p) {
    DeviceIdentity changer = new DeviceIdentity(req(p, "changer.vendor"), req(p, "changer.product"),
        req(p, "changer.revision"), req(p, "changer.serial"));
    DeviceIdentity drive = new DeviceIdentity(req(p, "drive.vendor"), req(p, "drive.product"),
        req(p, "drive.revision"), req(p, "drive.serialPrefix"));
    ElementLayout layout = new ElementLayout(
        AddressRange.parseList(req(p, "elements.transport")),
        AddressRange.parseList(req(p, "elements.storage")),
        AddressRange.parseList(p.getProperty("elements.importExport", "")),
        AddressRange.parseList(req(p, "elements.dataTransfer")),
        Integer.decode(p.getProperty("elements.importExport.stationSize", "1").trim()));
    MediaProfile media = new MediaProfile(MediaType.valueOf(req(p, "media.type")),
        Long.decode(req(p, "media.capacity")), Long.decode(req(p, "media.earlyWarning")));
    RobotTiming timing = new RobotTiming(Duration.parse(req(p, "timing.move")),
        Duration.parse(req(p, "timing.inventoryPerElement")), Duration.parse(req(p, "timing.load")));
    String max = p.getProperty("quirk.maxElementsPerRead", "").trim();
    String unreadableSense = p.getProperty("quirk.unreadableLabelSense", "").trim();
    Set<String> unreadable = new HashSet<>();
    String list = p.getProperty("quirk.unreadableBarcodes", "").trim();
    if (!list.isEmpty()) {
      Arrays.stream(list.split(",")).map(String::trim).forEach(unreadable::add);
    }
    Quirks quirks = new Quirks(
        max.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.decode(max)),
        bool(p, "quirk.allocationLength16Bits"), bool(p, "quirk.dvcidDrivesOnly"),
        bool(p, "quirk.noImportExport"), bool(p, "quirk.moveReportedEarly"),
        SenseCode.parse(p.getProperty("quirk.pausedSense", "2/04/03")),
        unreadableSense.isEmpty() ? Optional.empty() : Optional.of(SenseCode.parse(unreadableSense)),
        unreadable);
    String gap = p.getProperty("sense.driveGap", "").trim();
    return new Personality(req(p, "name"), req(p, "description"), changer, drive, layout, media, timing, quirks,
        SenseCode.parse(p.getProperty("sense.doorOpen", "2/04/03")),
        gap.isEmpty() ? Optional.empty() : Optional.of(SenseCode.parse(gap)),
        SenseCode.parse(p.getProperty("sense.driveLoaded", "5/53/02")));
  }

  private static String req(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("personality property " + key + " is missing");
    }
    return v.trim();
  }

  private static boolean bool(Properties p, String key) {
    String v = p.getProperty(key, "false").trim();
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException(key + " is true or false, not \"" + v + "\"");
    }
    return Boolean.parseBoolean(v);
  }

  public Personality withQuirks(Quirks q) {
    return new Personality(name, description, changer, drive, layout, media, timing, q, doorOpenSense,
        driveGapSense, driveLoadedSense);
  }

  public Personality withTiming(RobotTiming t) {
    return new Personality(name, description, changer, drive, layout, media, t, quirks, doorOpenSense,
        driveGapSense, driveLoadedSense);
  }

  public Personality withMedia(MediaProfile m) {
    return new Personality(name, description, changer, drive, layout, m, timing, quirks, doorOpenSense,
        driveGapSense, driveLoadedSense);
  }

  /** The serial number of drive {@code index} (0-based): prefix plus a zero-padded number. */
  public String driveSerial(int index) {
    String prefix = drive.serial();
    String n = Integer.toString(index + 1);
    int width = Math.max(2, 10 - prefix.length());
    return prefix + "0".repeat(Math.max(0, width - n.length())) + n;
  }
}
