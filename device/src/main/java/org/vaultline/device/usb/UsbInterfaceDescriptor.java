package org.vaultline.device.usb;

import java.util.List;

/** An interface descriptor (USB 2.0 9.6.5) with its endpoints, copied out of libusb's structures. */
public record UsbInterfaceDescriptor(int number, int alternateSetting, int interfaceClass, int subClass,
                                     int protocol, List<UsbEndpoint> endpoints) {
  public UsbInterfaceDescriptor {
    endpoints = List.copyOf(endpoints);
  }
}
