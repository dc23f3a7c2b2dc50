package org.vaultline.appliance.console;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;

/** A serial device opened with jSerialComm: the given speed, 8 data bits, no parity, 1 stop bit, no flow control. */
final class SerialLine implements ConsoleLine {
  private static final int READ_TIMEOUT_MS = 200;
  private static final int WRITE_TIMEOUT_MS = 5000;
  private final SerialPort port;

  private SerialLine(SerialPort port) {
    this.port = port;
  }

  static SerialLine open(String device, int speed) throws IOException {
    String path;
    try {
      // udev's stable names (/dev/serial/by-id/..., /dev/vaultline/...) are symlinks; open what they point at now
      path = java.nio.file.Path.of(device).toRealPath().toString();
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw new IOException(device + ": no such device");
    }
    SerialPort port;
    try {
      port = SerialPort.getCommPort(path);
    } catch (RuntimeException e) { // SerialPortInvalidPortException for a path that is not a device
      throw new IOException(device + ": " + e.getMessage(), e);
    }
    port.setComPortParameters(speed, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
    port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
    port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
        READ_TIMEOUT_MS, WRITE_TIMEOUT_MS);
    if (!port.openPort()) {
      throw new IOException(device + ": cannot open (error " + port.getLastErrorCode() + " at "
          + port.getLastErrorLocation() + ")");
    }
    return new SerialLine(port);
  }

  @Override
  public int read(byte[] buffer) throws IOException {
    int n = port.readBytes(buffer, buffer.length);
    if (n < 0 || !port.isOpen()) {
      throw new IOException(port.getSystemPortPath() + ": line lost (error " + port.getLastErrorCode() + ")");
    }
    return n;
  }

  @Override
  public void write(byte[] data) throws IOException {
    int off = 0;
    while (off < data.length) {
      int n = port.writeBytes(data, data.length - off, off);
      if (n <= 0) {
        throw new IOException(port.getSystemPortPath() + ": line lost on write (error " + port.getLastErrorCode()
            + ")");
      }
      off += n;
    }
  }

  @Override
  public void close() {
    port.closePort();
  }
}
