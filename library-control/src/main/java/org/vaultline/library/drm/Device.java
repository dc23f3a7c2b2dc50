package org.vaultline.library.drm;

import java.util.Locale;
import java.util.Objects;

/**
 * The device class a volume was written with, as far as DRM needs it: whether it is a FILE device class
 * (SET DRMFILEPROCESS decides whether those are processed) and the data set name prefix for {@code &VOLDSN}.
 *
 * @param deviceClass the device class name; empty when unknown
 * @param type TAPE for removable media, FILE for FILE device classes
 * @param prefix the high-level qualifier TSM writes into tape labels (device class PREFIX, default {@code ADSM})
 */
public record Device(String deviceClass, DeviceType type, String prefix) {
  /** What kind of device class. */
  public enum DeviceType {
    TAPE,
    FILE
  }

  public static final String DEFAULT_PREFIX = "ADSM";

  public Device {
    Objects.requireNonNull(deviceClass, "deviceClass");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(prefix, "prefix");
  }

  /** A tape device class with the default prefix. */
  public static Device tape(String deviceClass) {
    return new Device(deviceClass.toUpperCase(Locale.ROOT), DeviceType.TAPE, DEFAULT_PREFIX);
  }

  /** A FILE device class. */
  public static Device file(String deviceClass) {
    return new Device(deviceClass.toUpperCase(Locale.ROOT), DeviceType.FILE, DEFAULT_PREFIX);
  }

  /** Tape, device class unknown. */
  public static Device unknownTape() {
    return new Device("", DeviceType.TAPE, DEFAULT_PREFIX);
  }
}
