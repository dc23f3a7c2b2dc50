package org.vaultline.appliance.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Iterator;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CommandSet;
import org.vaultline.scsi.DeviceType;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.smc.DeviceCapabilitiesPage;
import org.vaultline.scsi.smc.ElementAddressAssignmentPage;
import org.vaultline.scsi.smc.ElementStatusData;
import org.vaultline.scsi.smc.TransportGeometryPage;
import org.vaultline.scsi.spc.LogPage;
import org.vaultline.scsi.spc.ModePage;
import org.vaultline.scsi.spc.ModeParameters;
import org.vaultline.scsi.spc.StandardInquiry;
import org.vaultline.scsi.spc.VpdPage;
import org.vaultline.scsi.ssc.DensitySupport;
import org.vaultline.scsi.ssc.LibraryTapeAlertFlag;
import org.vaultline.scsi.ssc.ReadPositionShort;
import org.vaultline.scsi.ssc.TapeAlertFlag;
import org.vaultline.scsi.ssc.TapeAlertPage;
import picocli.CommandLine;

/** What {@code vaultline decode} can decode, and how. */
enum DecodeKind {
  INQUIRY("inquiry") {
    @Override
    Object decode(Bytes data, Type type) throws MalformedResponseException {
      return StandardInquiry.parse(data);
    }

    @Override
    String headline(Object decoded) {
      StandardInquiry i = (StandardInquiry) decoded;
      return i.vendor() + " " + i.product() + " " + i.revision() + ", "
          + DeviceType.of(i.deviceTypeCode()).text() + (i.removable() ? ", removable medium" : "");
    }
  },
  VPD("vpd") {
    @Override
    Object decode(Bytes data, Type type) throws MalformedResponseException {
      return VpdPage.parse(data);
    }
  },
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
  ELEMENT_STATUS("element-status") {
    @Override
    Object decode(Bytes data, Type type) throws MalformedResponseException {
      return ElementStatusData.parse(data);
    }

    @Override
    String headline(Object decoded) {
      ElementStatusData d = (ElementStatusData) decoded;
      long elements = d.pages().stream().mapToLong(p -> p.elements().size()).sum();
      StringBuilder sb = new StringBuilder().append(elements).append(" element(s) in ").append(d.pages().size())
          .append(" page(s); header: first element ").append(d.firstElementAddressReported()).append(", ")
          .append(d.numberOfElementsAvailable()).append(" available, ").append(d.byteCountOfReportAvailable())
          .append(" bytes of report available");
      d.pages().forEach(p -> p.elements().forEach(e -> sb.append("\n  ").append(e)));
      d.warnings().forEach(w -> sb.append("\nwarning: ").append(w));
      return sb.toString();
    }

    @Override
    boolean fieldsInText() {
      return false;
    }
  },
  MODE_PAGE("mode-page") {
    @Override
    Object decode(Bytes data, Type type) throws MalformedResponseException {
      // MODE SENSE(6) data has a 4-byte header, (10) an 8-byte one; --type is not needed for that, but
      // the header's length fields tell the two apart: try (6) first as sg_modes does by default.
      ModeParameters p;
      try {
        p = ModeParameters.parse6(data);
      } catch (MalformedResponseException e6) {
        try {
          p = ModeParameters.parse10(data);
        } catch (MalformedResponseException e10) {
          throw e6;
        }
      }
      List<Object> pages = new ArrayList<>();
      for (ModePage page : p.pages()) {
        pages.add(switch (page.pageCode()) {
          case 0x1D -> ElementAddressAssignmentPage.from(page);
          case 0x1E -> TransportGeometryPage.from(page);
          case 0x1F -> DeviceCapabilitiesPage.from(page);
          default -> page;
        });
      }
      return new ModeData(p, pages);
    }
  },
  LOG_PAGE("log-page") {
    @Override
    Object decode(Bytes data, Type type) throws MalformedResponseException {
      return LogPage.parse(data);
    }
  },
  TAPEALERT("tapealert") {
    @Override
    Object decode(Bytes data, Type type) throws MalformedResponseException {
      TapeAlertPage page = TapeAlertPage.parse(data);
      List<String> active = new ArrayList<>();
      for (int code : page.activeCodes()) {
        active.add(type == Type.CHANGER ? LibraryTapeAlertFlag.of(code).toString() : TapeAlertFlag.of(code).toString());
      }
      return new TapeAlerts(type == Type.CHANGER ? "library" : "tape drive", active, page);
    }

    @Override
    String headline(Object decoded) {
      TapeAlerts t = (TapeAlerts) decoded;
      return t.active().isEmpty() ? "No TapeAlert flags set (" + t.flagsOf() + " flags)"
          : t.active().size() + " TapeAlert flag(s) set (" + t.flagsOf() + " flags)";
    }
  },
  READ_POSITION("read-position") {
    @Override
    Object decode(Bytes data, Type type) throws MalformedResponseException {
      return ReadPositionShort.parse(data);
    }
  },
  REPORT_DENSITY("report-density") {
    @Override
    Object decode(Bytes data, Type type) throws MalformedResponseException {
      return DensitySupport.parse(data);
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

  /** MODE SENSE data with the pages Vaultline knows decoded (1Dh, 1Eh, 1Fh) and the rest raw. */
  record ModeData(ModeParameters parameters, List<Object> decodedPages) {
  }

  /** The flags set on a TapeAlert page, named for the kind of device that reported them. */
  record TapeAlerts(String flagsOf, List<String> active, TapeAlertPage page) {
  }

  DecodeKind(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  abstract Object decode(Bytes data, Type type) throws MalformedResponseException, UsageException;

  /** Whether text output lists every field below the headline (JSON always has them all). */
  boolean fieldsInText() {
    return true;
  }

  /** A summary printed above the fields in text output, or null. */
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
