package org.vaultline.device.usb;

import java.util.Optional;

/**
 * A USB interface that speaks SCSI over Bulk-Only Transport: interface class 08h (mass storage),
 * subclass 06h (SCSI transparent command set), protocol 50h (bulk-only), with one bulk-in and one
 * bulk-out endpoint. Tape drives and autoloaders with a USB port present themselves so.
 */
public record BulkOnlyInterface(int bus, int deviceAddress, int vendorId, int productId, int interfaceNumber,
                                int alternateSetting, UsbEndpoint bulkIn, UsbEndpoint bulkOut) {
  public static final int CLASS_MASS_STORAGE = 0x08;
  public static final int SUBCLASS_SCSI_TRANSPARENT = 0x06;
  public static final int PROTOCOL_BULK_ONLY = 0x50;

  /** The bulk-only interface {@code d} describes, or empty for any other kind of interface. */
  public static Optional<BulkOnlyInterface> of(int bus, int deviceAddress, int vendorId, int productId,
                                               UsbInterfaceDescriptor d) {
    if (d.interfaceClass() != CLASS_MASS_STORAGE || d.subClass() != SUBCLASS_SCSI_TRANSPARENT
        || d.protocol() != PROTOCOL_BULK_ONLY) {
      return Optional.empty();
    }
    UsbEndpoint in = null;
    UsbEndpoint out = null;
    for (UsbEndpoint e : d.endpoints()) {
      if (!e.isBulk()) {
        continue;
      }
      if (e.isIn() && in == null) {
        in = e;
      } else if (!e.isIn() && out == null) {
        out = e;
      }
    }
    if (in == null || out == null) {
      return Optional.empty();
    }
    return Optional.of(new BulkOnlyInterface(bus, deviceAddress, vendorId, productId, d.number(),
        d.alternateSetting(), in, out));
  }

  /** {@code usb:0x0b4d:0x1234 bus 1 address 4 interface 0}. */
  public String describe() {
    return String.format("usb:0x%04x:0x%04x bus %d address %d interface %d", vendorId, productId, bus,
        deviceAddress, interfaceNumber);
  }
}
