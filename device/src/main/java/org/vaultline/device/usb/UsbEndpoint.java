package org.vaultline.device.usb;

/**
 * An endpoint descriptor (USB 2.0 9.6.6) as far as bulk-only needs it.
 *
 * @param address bEndpointAddress: bit 7 direction (1 = IN), bits 3..0 number
 * @param attributes bmAttributes: bits 1..0 transfer type (2 = bulk)
 * @param maxPacketSize wMaxPacketSize bits 10..0
 */
public record UsbEndpoint(int address, int attributes, int maxPacketSize) {
  public boolean isIn() {
    return (address & 0x80) != 0;
  }

  public boolean isBulk() {
    return (attributes & 0x03) == 0x02;
  }

  @Override
  public String toString() {
    return String.format("%02Xh %s %s max %d", address, isIn() ? "IN" : "OUT", isBulk() ? "bulk" : "non-bulk",
        maxPacketSize);
  }
}
