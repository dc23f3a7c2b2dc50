package org.vaultline.appliance.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vaultline.device.DeviceOpener;
import org.vaultline.device.DeviceUrl;
import org.vaultline.emulator.EmulatedLibrary;
import org.vaultline.emulator.Initiator;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * Opens {@code emulated:PERSONALITY[/lun]} devices: one emulated library per personality, made on first
 * use and shared by the LUNs opened through the same instance, on a virtual clock (robot moves cost no
 * waiting). LUN 0 is the changer, LUN 1..n drive 0..n-1, as the standalone emulator serves them over
 * iSCSI. A new library has its first {@value #STOCKED} storage slots stocked with labelled cartridges
 * {@code EMU001L5}, {@code EMU002L5} ... (the suffix follows the personality's media), so that an
 * inventory shows something. The library is made for this program, so its power-on unit attention
 * (6/29/00) counts as already seen: {@code raw} commands are not answered with it.
 */
final class EmulatedDevices implements DeviceOpener.EmulatorOpener {
  static final int STOCKED = 4;

  private static final Initiator CLI = new Initiator("vaultline-cli");

  private final Map<String, EmulatedLibrary> libraries = new HashMap<>();

  /** The barcodes a new library of {@code p} is stocked with. */
  static List<String> stockFor(Personality p) {
    int slots = p.layout().addresses(org.vaultline.emulator.physical.ElementKind.STORAGE).size();
    List<String> barcodes = new ArrayList<>();
    for (int i = 1; i <= Math.min(STOCKED, slots); i++) {
      barcodes.add(String.format("EMU%03d%s", i, p.media().defaultType().suffix()));
    }
    return barcodes;
  }

  /** The library behind {@code personality}, made on first use. */
  synchronized EmulatedLibrary library(String personality) throws TransportException {
    EmulatedLibrary lib = libraries.get(personality);
    if (lib == null) {
      Personality p;
      try {
        p = Personality.named(personality);
      } catch (IllegalArgumentException e) {
        throw new TransportException("emulated:" + personality + ": " + e.getMessage(), e);
      }
      lib = EmulatedLibrary.builder(p).stock(stockFor(p).toArray(String[]::new)).build();
      lib.acknowledgePowerOn(CLI);
      libraries.put(personality, lib);
    }
    return lib;
  }

  @Override
  public ScsiTransport open(DeviceUrl.Emulated url) throws TransportException {
    EmulatedLibrary lib = library(url.personality());
    if (url.isChanger()) {
      return lib.changer(CLI);
    }
    int drive = url.lun() - 1;
    if (drive >= lib.driveCount()) {
      throw new TransportException(url + ": no LUN " + url.lun() + "; " + url.personality() + " has LUN 0 (changer)"
          + (lib.driveCount() == 0 ? "" : " and LUN 1.." + lib.driveCount() + " (drives)"));
    }
    return lib.drive(drive, CLI);
  }
}
