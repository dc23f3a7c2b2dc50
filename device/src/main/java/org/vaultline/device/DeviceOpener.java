package org.vaultline.device;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vaultline.device.iscsi.InitiatorOptions;
import org.vaultline.device.iscsi.IscsiTransport;
import org.vaultline.device.sgio.SgIo;
import org.vaultline.device.sgio.SgIoTransport;
import org.vaultline.device.usb.BulkOnlyInterface;
import org.vaultline.device.usb.BulkOnlyTransport;
import org.vaultline.device.usb.Usb;
import org.vaultline.device.usb.UsbBulkPipes;
import org.vaultline.device.usb.UsbDiscovery;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * Turns a {@link DeviceUrl} into an open {@link ScsiTransport}: {@code sg:} through SG_IO, {@code iscsi:}
 * with a session of its own, {@code usb:} through libusb. {@code emulated:} needs the emulator, which this
 * module does not depend on: the appliance plugs it in with {@link #withEmulator(EmulatorOpener)}.
 * Immutable; the {@code with} methods return a changed copy.
 */
public final class DeviceOpener {

  /** Opens a logical unit of the emulated library; supplied by whoever has the emulator on its class path. */
  @FunctionalInterface
  public interface EmulatorOpener {
    ScsiTransport open(DeviceUrl.Emulated url) throws TransportException;
  }

  private final Optional<EmulatorOpener> emulator;
  private final InitiatorOptions initiator;
  private final boolean detachUsbKernelDriver;

  private DeviceOpener(Optional<EmulatorOpener> emulator, InitiatorOptions initiator, boolean detachUsbKernelDriver) {
    this.emulator = emulator;
    this.initiator = initiator;
    this.detachUsbKernelDriver = detachUsbKernelDriver;
  }

  /** sg, iSCSI (default initiator options) and USB (without taking the device from a kernel driver). */
  public static DeviceOpener standard() {
    return new DeviceOpener(Optional.empty(), InitiatorOptions.defaults(), false);
  }

  /** The same opener, opening {@code emulated:} URLs with {@code opener}. */
  public DeviceOpener withEmulator(EmulatorOpener opener) {
    return new DeviceOpener(Optional.of(Objects.requireNonNull(opener)), initiator, detachUsbKernelDriver);
  }

  /** The same opener, logging in to iSCSI targets with {@code options} (initiator name, CHAP, digests). */
  public DeviceOpener withInitiatorOptions(InitiatorOptions options) {
    return new DeviceOpener(emulator, Objects.requireNonNull(options), detachUsbKernelDriver);
  }

  /**
   * The same opener, letting libusb detach a kernel driver (Linux usb-storage) from the interface while it
   * is open; without it such a device is refused as busy and is reachable through its sg node instead.
   */
  public DeviceOpener withUsbKernelDriverDetach(boolean detach) {
    return new DeviceOpener(emulator, initiator, detach);
  }

  /**
   * Parses and opens {@code url}.
   *
   * @throws IllegalArgumentException when the text is not a device URL
   * @throws TransportException when the device cannot be reached, saying why
   */
  public ScsiTransport open(String url) throws TransportException {
    return open(DeviceUrl.parse(url));
  }

  /**
   * Opens {@code url}.
   *
   * @throws TransportException when the device cannot be reached, saying why (SG_IO or USB unavailable in
   *     this process, no such node, login refused, no matching USB device, no emulator plugged in)
   */
  public ScsiTransport open(DeviceUrl url) throws TransportException {
    if (url instanceof DeviceUrl.Sg sg) {
      return openSg(sg);
    } else if (url instanceof DeviceUrl.Iscsi iscsi) {
      return openIscsi(iscsi);
    } else if (url instanceof DeviceUrl.Usb usb) {
      return openUsb(usb);
    } else {
      DeviceUrl.Emulated e = (DeviceUrl.Emulated) url;
      if (emulator.isEmpty()) {
        throw new TransportException(url + ": no emulator in this program (emulated: devices are opened by the "
            + "appliance's tools, which carry the emulated library)");
      }
      return emulator.get().open(e);
    }
  }

  private static ScsiTransport openSg(DeviceUrl.Sg url) throws TransportException {
    Optional<Throwable> cause = SgIo.unavailabilityCause();
    if (cause.isPresent()) {
      throw new TransportException(url + ": SG_IO cannot be used in this process: " + cause.get().getMessage(),
          cause.get());
    }
    if (!Files.exists(url.node())) {
      throw new TransportException(url + ": " + url.node() + " does not exist (lsscsi -g lists the sg nodes)");
    }
    return SgIoTransport.open(url.node());
  }

  private ScsiTransport openIscsi(DeviceUrl.Iscsi url) throws TransportException {
    try {
      return IscsiTransport.open(url.url(), initiator);
    } catch (IOException e) {
      throw new TransportException(url + ": " + describe(e), e);
    }
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    if (e instanceof java.net.ConnectException) {
      return "connection refused" + (m != null && !m.isEmpty() ? " (" + m + ")" : "") + ": is the target running?";
    }
    if (e instanceof java.net.UnknownHostException) {
      return "unknown host " + m;
    }
    return m != null && !m.isEmpty() ? m : e.toString();
  }

  private ScsiTransport openUsb(DeviceUrl.Usb url) throws TransportException {
    Optional<Throwable> cause = Usb.unavailabilityCause();
    if (cause.isPresent()) {
      throw new TransportException(url + ": USB cannot be used in this process: " + cause.get().getMessage(),
          cause.get());
    }
    List<BulkOnlyInterface> all = UsbDiscovery.scan();
    List<UsbChoice.Candidate> matching = new ArrayList<>();
    for (BulkOnlyInterface i : all) {
      if (i.vendorId() == url.vendorId() && i.productId() == url.productId()) {
        matching.add(new UsbChoice.Candidate(i.describe(), () -> {
          BulkOnlyTransport lun0 = BulkOnlyTransport.open(UsbBulkPipes.open(i, detachUsbKernelDriver));
          if (url.lun() == 0) {
            return lun0;
          }
          BulkOnlyTransport other = lun0.lun(url.lun());
          lun0.close(); // the pipes stay open while another LUN uses them
          return other;
        }));
      }
    }
    if (matching.isEmpty()) {
      StringBuilder seen = new StringBuilder();
      for (BulkOnlyInterface i : all) {
        seen.append(seen.length() == 0 ? "" : ", ").append(String.format("%04x:%04x", i.vendorId(), i.productId()));
      }
      throw new TransportException(url + ": no USB device " + url.ids() + " with a SCSI bulk-only interface; "
          + (all.isEmpty() ? "libusb sees no bulk-only interface at all" : "bulk-only devices present: " + seen));
    }
    return UsbChoice.choose(url, matching);
  }
}
