package org.vaultline.device.usb;

import java.util.ArrayList;
import java.util.List;
import org.usb4java.ConfigDescriptor;
import org.usb4java.Device;
import org.usb4java.DeviceDescriptor;
import org.usb4java.DeviceList;
import org.usb4java.EndpointDescriptor;
import org.usb4java.Interface;
import org.usb4java.InterfaceDescriptor;
import org.usb4java.LibUsb;
import org.vaultline.scsi.sense.TransportException;

/**
 * Lists the SCSI bulk-only interfaces of the attached USB devices (active configuration) without opening
 * them, and probes one for the tape drives and changers behind it.
 */
public final class UsbDiscovery {
  private UsbDiscovery() {
  }

  /** Every bulk-only interface of every device libusb can see; empty when there are none. */
  public static List<BulkOnlyInterface> scan() throws TransportException {
    DeviceList list = new DeviceList();
    int n = LibUsb.getDeviceList(Usb.context(), list);
    if (n < 0) {
      throw new TransportException("cannot list USB devices: " + Usb.errorName(n));
    }
    List<BulkOnlyInterface> out = new ArrayList<>();
    try {
      for (Device device : list) {
        DeviceDescriptor dd = new DeviceDescriptor();
        if (LibUsb.getDeviceDescriptor(device, dd) != LibUsb.SUCCESS) {
          continue;
        }
        ConfigDescriptor config = new ConfigDescriptor();
        if (LibUsb.getActiveConfigDescriptor(device, config) != LibUsb.SUCCESS) {
          continue; // unconfigured, or the OS does not say
        }
        try {
          for (UsbInterfaceDescriptor d : interfaces(config)) {
            BulkOnlyInterface.of(LibUsb.getBusNumber(device), LibUsb.getDeviceAddress(device),
                dd.idVendor() & 0xffff, dd.idProduct() & 0xffff, d).ifPresent(out::add);
          }
        } finally {
          LibUsb.freeConfigDescriptor(config);
        }
      }
    } finally {
      LibUsb.freeDeviceList(list, true);
    }
    return out;
  }

  /**
   * Opens {@code iface} and asks every LUN behind it for INQUIRY data.
   *
   * @see BulkOnlyProbe#probe(BulkOnlyTransport)
   */
  public static List<LogicalUnitInfo> probe(BulkOnlyInterface iface, boolean detachKernelDriver)
      throws TransportException {
    try (BulkOnlyTransport t = BulkOnlyTransport.open(UsbBulkPipes.open(iface, detachKernelDriver))) {
      return BulkOnlyProbe.probe(t);
    }
  }

  private static List<UsbInterfaceDescriptor> interfaces(ConfigDescriptor config) {
    List<UsbInterfaceDescriptor> out = new ArrayList<>();
    for (Interface i : config.iface()) {
      for (InterfaceDescriptor d : i.altsetting()) {
        List<UsbEndpoint> endpoints = new ArrayList<>();
        for (EndpointDescriptor e : d.endpoint()) {
          endpoints.add(new UsbEndpoint(e.bEndpointAddress() & 0xff, e.bmAttributes() & 0xff,
              e.wMaxPacketSize() & 0x7ff));
        }
        out.add(new UsbInterfaceDescriptor(d.bInterfaceNumber() & 0xff, d.bAlternateSetting() & 0xff,
            d.bInterfaceClass() & 0xff, d.bInterfaceSubClass() & 0xff, d.bInterfaceProtocol() & 0xff, endpoints));
      }
    }
    return out;
  }
}
