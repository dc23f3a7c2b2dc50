package org.vaultline.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.vaultline.device.DeviceUrl;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.CommandSet;
import org.vaultline.scsi.DeviceType;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.sense.ScsiException;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.smc.DeviceCapabilitiesPage;
import org.vaultline.scsi.smc.ElementAddressAssignmentPage;
import org.vaultline.scsi.smc.ElementStatusData;
import org.vaultline.scsi.smc.TransportGeometryPage;
import org.vaultline.scsi.spc.ModePage;
import org.vaultline.scsi.spc.ModeParameters;
import org.vaultline.scsi.spc.StandardInquiry;
import org.vaultline.scsi.transport.DataDirection;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiStatus;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vaultline scsi raw URL CDB...}: sends one CDB exactly once (no retry, as sg_raw does) and shows
 * the status, the sense decoded, and the data in hex, decoded as well when the CDB is a command we know.
 */
@CommandLine.Command(name = "raw", mixinStandardHelpOptions = true,
    description = {"Send one CDB given in hex and show status, sense and data, decoded when the command is known.",
        "Example: vaultline scsi raw emulated:ibm-ts3100 12 00 00 00 60 00",
        "Without --data-in or --data-out, a known command moves the data its CDB asks for (e.g. the allocation "
            + "length of INQUIRY)."})
final class ScsiRawCommand extends ScsiSubcommand {
  @Option(names = {"-d", "--device"}, paramLabel = "URL", description = "The device: " + DeviceOption.EXAMPLES + ".")
  String deviceOption;

  @Parameters(paramLabel = "[URL] CDB", arity = "1..*",
      description = "The device (unless --device is given), then the CDB as hex bytes: 12 00 00 00 60 00 or 120000006000.")
  List<String> words;

  @Option(names = "--data-in", paramLabel = "N", description = "Expect up to N bytes from the device.")
  Integer dataIn;

  @Option(names = "--data-out", paramLabel = "FILE|HEX", description = "Send these bytes: a file's contents, or hex.")
  String dataOut;

  @Option(names = "--timeout", paramLabel = "SECONDS|DURATION", defaultValue = "60",
      description = "How long to wait for the command: seconds or an ISO-8601 duration like PT5M (default ${DEFAULT-VALUE} s).")
  String timeout;

  @Option(names = "--type", paramLabel = "TYPE",
      description = "Device type for decoding the CDB: changer or tape (default: try changer, then tape).")
  DecodeKind.Type type;

  @Override
  DeviceUrl device() {
    String positional = null;
    if (deviceOption == null && !words.isEmpty() && words.get(0).contains(":")) {
      positional = words.get(0);
    }
    DeviceUrl url = DeviceOption.resolve(spec.commandLine(), deviceOption, positional);
    // the rest of the syntax is checked before the device is opened
    cdb();
    timeoutValue();
    if (dataIn != null && dataOut != null) {
      throw syntax("VLN0322E Give --data-in or --data-out, not both: SCSI commands move data one way.");
    }
    if (dataIn != null && (dataIn < 0 || dataIn > 16 * 1024 * 1024)) {
      throw syntax("VLN0322E --data-in is 0 to 16777216 bytes, not " + dataIn + ".");
    }
    if (dataOut != null) {
      dataOutValue();
    }
    return url;
  }

  /** The CDB words after the device. */
  private List<String> cdbWords() {
    return deviceOption == null && !words.isEmpty() && words.get(0).contains(":") ? words.subList(1, words.size())
        : words;
  }

  private CommandLine.ParameterException syntax(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  Cdb cdb() {
    StringBuilder hex = new StringBuilder();
    for (String w : cdbWords()) {
      for (String part : w.trim().split("[\\s,]+")) {
        hex.append(part.startsWith("0x") || part.startsWith("0X") ? part.substring(2) : part);
      }
    }
    if (hex.length() == 0) {
      throw syntax("VLN0320E No CDB given. Give it as hex bytes after the device, e.g. 12 00 00 00 60 00.");
    }
    Bytes b;
    try {
      b = Bytes.fromHex(hex.toString());
    } catch (IllegalArgumentException e) {
      throw syntax("VLN0320E The CDB is not hex bytes (" + e.getMessage() + "): " + String.join(" ", cdbWords()));
    }
    int expected = Cdb.lengthForOpcode(b.get(0));
    if (expected > 0 && b.size() != expected) {
      throw syntax(String.format("VLN0321E Operation code %02Xh has a %d-byte CDB (SPC-4 group code), not %d bytes.",
          b.get(0), expected, b.size()));
    }
    if (b.size() > 260) {
      throw syntax("VLN0321E A CDB has at most 260 bytes, not " + b.size() + ".");
    }
    return new Cdb(b);
  }

  Duration timeoutValue() {
    try {
      if (timeout.chars().allMatch(Character::isDigit)) {
        return Duration.ofSeconds(Long.parseLong(timeout));
      }
      return Duration.parse(timeout.toUpperCase(java.util.Locale.ROOT));
    } catch (NumberFormatException | DateTimeParseException e) {
      throw syntax("VLN0324E --timeout takes seconds (60) or an ISO-8601 duration (PT5M), not \"" + timeout + "\".");
    }
  }

  Bytes dataOutValue() {
    Path p = Path.of(dataOut);
    if (Files.isRegularFile(p)) {
      try {
        return Bytes.of(Files.readAllBytes(p));
      } catch (IOException e) {
        throw syntax("VLN0323E Cannot read --data-out file " + p + ": " + e.getMessage());
      }
    }
    try {
      return Bytes.fromHex(dataOut.replaceAll("[\\s,]", ""));
    } catch (IllegalArgumentException e) {
      throw syntax("VLN0323E --data-out is neither a readable file nor hex bytes: \"" + dataOut + "\".");
    }
  }

  /** The known command this CDB is, for decoding the data; empty for unknown or vendor commands. */
  Optional<Command<?>> known(Cdb cdb) {
    List<DeviceType> types = type != null ? List.of(type.deviceType)
        : List.of(DeviceType.MEDIUM_CHANGER, DeviceType.SEQUENTIAL_ACCESS);
    for (DeviceType t : types) {
      try {
        return Optional.of(CommandSet.forType(t).decode(cdb));
      } catch (InvalidCdbException | RuntimeException e) {
        // not this type's command, or fields we cannot decode: send it anyway
      }
    }
    return Optional.empty();
  }

  @Override
  int run(Session s, PrintWriter out) throws ScsiException {
    Cdb cdb = cdb();
    Duration t = timeoutValue();
    Optional<Command<?>> command = known(cdb);
    String name = command.map(Command::name).orElse(String.format("operation code %02Xh", cdb.opcode()));
    ScsiRequest request;
    if (dataOut != null) {
      request = new ScsiRequest(name, cdb, DataDirection.TO_DEVICE, dataOutValue(), 0, t);
    } else if (dataIn != null) {
      request = new ScsiRequest(name, cdb, dataIn == 0 ? DataDirection.NONE : DataDirection.FROM_DEVICE, Bytes.EMPTY,
          dataIn, t);
    } else if (command.isPresent() && command.get().direction() == DataDirection.FROM_DEVICE) {
      request = new ScsiRequest(name, cdb, DataDirection.FROM_DEVICE, Bytes.EMPTY, command.get().dataInLength(), t);
    } else {
      request = new ScsiRequest(name, cdb, DataDirection.NONE, Bytes.EMPTY, 0, t);
    }
    ScsiResult result = s.transport.execute(request);
    Optional<Sense> sense = Optional.empty();
    String senseError = null;
    if (!result.sense().isEmpty()) {
      try {
        sense = Optional.of(Sense.parse(result.sense()));
      } catch (MalformedResponseException e) {
        senseError = "malformed at byte " + e.offset() + ": " + e.reason();
      }
    }
    Object decoded = null;
    String decodeError = null;
    if (command.isPresent() && result.isGood() && !result.dataIn().isEmpty()) {
      try {
        decoded = withKnownModePages(command.get().parse(result.dataIn()));
      } catch (MalformedResponseException e) {
        decodeError = "malformed at byte " + e.offset() + ": " + e.reason();
      } catch (RuntimeException e) {
        decodeError = e.toString();
      }
    }
    if (json) {
      ObjectNode root = Render.object();
      root.put("device", s.url.toString());
      root.put("cdb", cdb.bytes().hex());
      command.ifPresent(c -> root.put("command", c.name()));
      root.put("status", ScsiStatus.describe(result.status()));
      root.put("statusCode", result.status());
      root.put("direction", request.direction().name());
      root.put("dataInLength", request.dataInLength());
      root.put("dataOutLength", request.dataOut().size());
      root.put("residual", result.residual());
      root.put("dataIn", result.dataIn().hex());
      if (!result.sense().isEmpty()) {
        root.put("senseBytes", result.sense().hex());
      }
      sense.ifPresent(x -> {
        root.set("sense", Render.tree(x));
        root.put("senseText", x.toString());
      });
      if (senseError != null) {
        root.put("senseError", senseError);
      }
      if (decoded != null) {
        JsonNode tree = Render.tree(decoded);
        root.set("decoded", tree);
      }
      if (decodeError != null) {
        root.put("decodeError", decodeError);
      }
      out.println(Render.json(root));
    } else {
      out.println("CDB: " + cdb.bytes().hex() + " (" + name + ")");
      if (!request.dataOut().isEmpty()) {
        out.println("Data out: " + request.dataOut().size() + " bytes");
      }
      out.println("Status: " + ScsiStatus.describe(result.status()).replace('_', ' '));
      if (!result.sense().isEmpty()) {
        out.println("Sense: " + sense.map(Sense::toString).orElse(senseError));
        out.println("Sense bytes: " + result.sense().hex());
      }
      if (request.direction() == DataDirection.FROM_DEVICE) {
        out.println("Data in: " + result.dataIn().size() + " of " + request.dataInLength() + " bytes (residual "
            + result.residual() + ")");
        out.print(result.dataIn().hexDump());
      }
      if (decoded != null) {
        String headline = headline(decoded);
        String fields = decoded instanceof ElementStatusData ? "" : Render.text(Render.textTree(decoded));
        if (headline != null || !fields.isEmpty()) { // READ(6) data is just bytes: the dump says it all
          out.println("Decoded as " + name + ":");
          if (headline != null) {
            out.print(ScsiInquiryCommand.indent(headline));
          }
          out.print(ScsiInquiryCommand.indent(fields));
        }
      }
      if (decodeError != null) {
        out.println("Data could not be decoded as " + name + ": " + decodeError);
      }
    }
    return result.isGood() ? OK : DEVICE_ERROR;
  }

  /** MODE SENSE data with the changer pages Vaultline knows (1Dh, 1Eh, 1Fh) decoded, as {@code decode mode-page} does. */
  private static Object withKnownModePages(Object decoded) throws MalformedResponseException {
    if (!(decoded instanceof ModeParameters p)) {
      return decoded;
    }
    List<Object> pages = new java.util.ArrayList<>();
    for (ModePage page : p.pages()) {
      pages.add(switch (page.pageCode()) {
        case ElementAddressAssignmentPage.PAGE_CODE -> ElementAddressAssignmentPage.from(page);
        case TransportGeometryPage.PAGE_CODE -> TransportGeometryPage.from(page);
        case DeviceCapabilitiesPage.PAGE_CODE -> DeviceCapabilitiesPage.from(page);
        default -> page;
      });
    }
    return new DecodeKind.ModeData(p, pages);
  }

  private static String headline(Object decoded) {
    if (decoded instanceof StandardInquiry) {
      return DecodeKind.INQUIRY.headline(decoded);
    }
    if (decoded instanceof ElementStatusData) {
      return DecodeKind.ELEMENT_STATUS.headline(decoded);
    }
    return null;
  }
}
