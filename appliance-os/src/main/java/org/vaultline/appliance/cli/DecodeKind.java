package org.vaultline.appliance.cli;

import java.util.Arrays;
import java.util.Iterator;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CommandSet;
import org.vaultline.scsi.DeviceType;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.sense.Sense;
import picocli.CommandLine;

/** What {@code vaultline decode} can decode, and how. */
enum DecodeKind {
  SENSE("sense") {
    @Override
    Object decode(Bytes data, Type type) throws MalformedResponseException {
      return Sense.parse(data);
    }

    @Override
    String headline(Object decoded) {
      return decoded.toString();
    }
  },
  CDB("cdb") {
    @Override
    Object decode(Bytes data, Type type) throws MalformedResponseException, UsageException {
      if (type == null) {
        throw new UsageException("decode cdb needs --type changer|tape: opcodes mean different things on each"
            + " (2Bh is POSITION TO ELEMENT on a changer, LOCATE(10) on a tape drive).");
      }
      if (data.isEmpty()) {
        throw new MalformedResponseException(0, "no CDB bytes");
      }
      CommandSet set = CommandSet.forType(type.deviceType);
      try {
        return set.decode(new Cdb(data));
      } catch (InvalidCdbException e) {
        throw new MalformedResponseException(e.fieldByte(), e.getMessage());
      }
    }

    @Override
    String headline(Object decoded) {
      return ((org.vaultline.scsi.Command<?>) decoded).name() + " [" + ((org.vaultline.scsi.Command<?>) decoded).cdb()
          + "]";
    }
  };

  private final String label;

  DecodeKind(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  abstract Object decode(Bytes data, Type type) throws MalformedResponseException, UsageException;

  /** A one-line summary printed above the fields in text output, or null. */
  String headline(Object decoded) {
    return null;
  }

  @Override
  public String toString() {
    return label;
  }

  /** The device type named by {@code --type}. */
  enum Type {
    CHANGER(DeviceType.MEDIUM_CHANGER), TAPE(DeviceType.SEQUENTIAL_ACCESS);

    final DeviceType deviceType;

    Type(DeviceType deviceType) {
      this.deviceType = deviceType;
    }
  }

  /** Wrong use of the command that picocli cannot see (a missing --type). */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** Accepts the labels ({@code element-status}) case-insensitively. */
  static final class Converter implements CommandLine.ITypeConverter<DecodeKind> {
    @Override
    public DecodeKind convert(String value) {
      return Arrays.stream(values()).filter(k -> k.label.equalsIgnoreCase(value)).findFirst()
          .orElseThrow(() -> new CommandLine.TypeConversionException(
              "'" + value + "' is not a kind; expected one of " + Arrays.toString(values())));
    }
  }

  /** The labels, for help and shell completion. */
  static final class Candidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(values()).map(DecodeKind::label).iterator();
    }
  }
}
