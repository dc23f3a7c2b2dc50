package org.vaultline.device.usb;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.time.Duration;
import org.usb4java.BufferUtils;
import org.usb4java.Device;
import org.usb4java.DeviceHandle;
import org.usb4java.DeviceList;
import org.usb4java.LibUsb;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.TransportException;

/** {@link BulkPipes} on a real USB device through usb4java's synchronous libusb calls. */
public final class UsbBulkPipes implements BulkPipes {
  private static final byte CLASS_INTERFACE_OUT = 0x21; // host to device, class, interface
  private static final byte CLASS_INTERFACE_IN = (byte) 0xA1; // device to host, class, interface
  private static final byte BULK_ONLY_RESET = (byte) 0xFF;
  private static final byte GET_MAX_LUN = (byte) 0xFE;

  private final BulkOnlyInterface iface;
  private final DeviceHandle handle;
  private boolean closed;

  private UsbBulkPipes(BulkOnlyInterface iface, DeviceHandle handle) {
    this.iface = iface;
    this.handle = handle;
  }

  /**
   * Opens the device and claims the interface.
   *
   * @param detachKernelDriver let libusb detach a kernel driver (Linux usb-storage) while the interface
   *     is claimed; without it a device usb-storage already drives gives LIBUSB_ERROR_BUSY (use its
   *     {@code /dev/sg} node instead)
   */
  public static UsbBulkPipes open(BulkOnlyInterface iface, boolean detachKernelDriver) throws TransportException {
    DeviceList list = new DeviceList();
    int n = LibUsb.getDeviceList(Usb.context(), list);
    if (n < 0) {
      throw new TransportException("cannot list USB devices: " + Usb.errorName(n));
    }
    try {
      for (Device device : list) {
        if (LibUsb.getBusNumber(device) == iface.bus() && LibUsb.getDeviceAddress(device) == iface.deviceAddress()) {
          return claim(iface, device, detachKernelDriver);
        }
      }
      throw new TransportException(iface.describe() + ": device not found (unplugged?)");
    } finally {
      LibUsb.freeDeviceList(list, true);
    }
  }

  private static UsbBulkPipes claim(BulkOnlyInterface iface, Device device, boolean detach)
      throws TransportException {
    DeviceHandle handle = new DeviceHandle();
    int r = LibUsb.open(device, handle);
    if (r != LibUsb.SUCCESS) {
      throw new TransportException(iface.describe() + ": cannot open: " + Usb.errorName(r));
    }
    if (detach) {
      LibUsb.setAutoDetachKernelDriver(handle, true); // not supported everywhere; claim reports BUSY then
    }
    r = LibUsb.claimInterface(handle, iface.interfaceNumber());
    if (r == LibUsb.SUCCESS && iface.alternateSetting() != 0) {
      r = LibUsb.setInterfaceAltSetting(handle, iface.interfaceNumber(), iface.alternateSetting());
    }
    if (r != LibUsb.SUCCESS) {
      LibUsb.close(handle);
      throw new TransportException(iface.describe() + ": cannot claim the interface: " + Usb.errorName(r));
    }
    return new UsbBulkPipes(iface, handle);
  }

  @Override
  public synchronized void out(Bytes data, Duration timeout) throws PipeException {
    ByteBuffer buf = BufferUtils.allocateByteBuffer(data.size());
    buf.put(data.toByteArray());
    buf.rewind();
    IntBuffer transferred = BufferUtils.allocateIntBuffer();
    int r = LibUsb.bulkTransfer(handle, (byte) iface.bulkOut().address(), buf, transferred, millis(timeout));
    check(r, "bulk-out");
    if (transferred.get(0) != data.size()) {
      throw new PipeException(PipeException.Kind.ERROR, "bulk-out sent " + transferred.get(0) + " of "
          + data.size() + " bytes");
    }
  }

  @Override
  public synchronized Bytes in(int maxLength, Duration timeout) throws PipeException {
    ByteBuffer buf = BufferUtils.allocateByteBuffer(Math.max(maxLength, 1));
    IntBuffer transferred = BufferUtils.allocateIntBuffer();
    int r = LibUsb.bulkTransfer(handle, (byte) iface.bulkIn().address(), buf, transferred, millis(timeout));
    check(r, "bulk-in");
    byte[] got = new byte[Math.min(transferred.get(0), maxLength)];
    buf.get(got);
    return Bytes.of(got);
  }

  @Override
  public synchronized void reset(Duration timeout) throws PipeException {
    int r = LibUsb.controlTransfer(handle, CLASS_INTERFACE_OUT, BULK_ONLY_RESET, (short) 0,
        (short) iface.interfaceNumber(), BufferUtils.allocateByteBuffer(0), millis(timeout));
    check(r, "Bulk-Only Mass Storage Reset");
  }

  @Override
  public synchronized void clearHalt(Endpoint endpoint, Duration timeout) throws PipeException {
    int address = endpoint == Endpoint.IN ? iface.bulkIn().address() : iface.bulkOut().address();
    check(LibUsb.clearHalt(handle, (byte) address), "CLEAR HALT " + endpoint);
  }

  @Override
  public synchronized int maxLun(Duration timeout) throws PipeException {
    ByteBuffer buf = BufferUtils.allocateByteBuffer(1);
    int r = LibUsb.controlTransfer(handle, CLASS_INTERFACE_IN, GET_MAX_LUN, (short) 0,
        (short) iface.interfaceNumber(), buf, millis(timeout));
    check(r, "Get Max LUN");
    return r >= 1 ? buf.get(0) & 0x0f : 0;
  }

  private static void check(int r, String what) throws PipeException {
    if (r >= 0) {
      return;
    }
    PipeException.Kind kind;
    if (r == LibUsb.ERROR_PIPE) {
      kind = PipeException.Kind.STALL;
    } else if (r == LibUsb.ERROR_TIMEOUT) {
      kind = PipeException.Kind.TIMEOUT;
    } else if (r == LibUsb.ERROR_NO_DEVICE) {
      kind = PipeException.Kind.NO_DEVICE;
    } else {
      kind = PipeException.Kind.ERROR;
    }
    throw new PipeException(kind, what + ": " + Usb.errorName(r));
  }

  /** libusb takes unsigned milliseconds where 0 means forever; never pass 0. */
  private static long millis(Duration timeout) {
    long ms;
    try {
      ms = timeout.toMillis();
    } catch (ArithmeticException e) {
      ms = 0xFFFF_FFFEL;
    }
    return Math.max(1, Math.min(ms, 0xFFFF_FFFEL));
  }

  @Override
  public String describe() {
    return iface.describe();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    LibUsb.releaseInterface(handle, iface.interfaceNumber());
    LibUsb.close(handle);
  }
}
