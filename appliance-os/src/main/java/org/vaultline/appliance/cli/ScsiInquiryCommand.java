package org.vaultline.appliance.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.vaultline.device.DeviceUrl;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.sense.CheckConditionException;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.sense.ScsiException;
import org.vaultline.scsi.spc.DeviceIdentification;
import org.vaultline.scsi.spc.Inquiry;
import org.vaultline.scsi.spc.StandardInquiry;
import org.vaultline.scsi.spc.SupportedVpdPages;
import org.vaultline.scsi.spc.UnitSerialNumber;
import org.vaultline.scsi.spc.VpdPage;
import picocli.CommandLine.Mixin;

/**
 * {@code vaultline scsi inquiry URL}: SPC-4 INQUIRY (12h), standard data, then VPD pages 00h, 80h (unit
 * serial number) and 83h (device identification), each decoded. A page the device refuses is reported and
 * the rest still shown.
 */
@picocli.CommandLine.Command(name = "inquiry", mixinStandardHelpOptions = true,
    description = "Show standard INQUIRY data and VPD pages 80h (unit serial number) and 83h (device "
        + "identification), decoded.")
final class ScsiInquiryCommand extends ScsiSubcommand {
  @Mixin
  DeviceOption device;

  @Override
  DeviceUrl device() {
    return device.url();
  }

  @Override
  int run(Session s, PrintWriter out) throws ScsiException {
    StandardInquiry standard = s.executor.execute(Inquiry.standard(96));
    Map<String, String> refused = new LinkedHashMap<>();
    Optional<SupportedVpdPages> pages = page(s, Inquiry.supportedVpdPages(255), "00h", refused);
    boolean serialListed = pages.map(p -> p.supports(VpdPage.UNIT_SERIAL_NUMBER)).orElse(true);
    boolean idListed = pages.map(p -> p.supports(VpdPage.DEVICE_IDENTIFICATION)).orElse(true);
    Optional<UnitSerialNumber> serial = serialListed ? page(s, Inquiry.unitSerialNumber(255), "80h", refused)
        : Optional.empty();
    Optional<DeviceIdentification> id = idListed ? page(s, Inquiry.deviceIdentification(255), "83h", refused)
        : Optional.empty();
    if (json) {
      ObjectNode root = Render.object();
      root.put("device", s.url.toString());
      root.set("standard", Render.tree(standard));
      pages.ifPresent(p -> root.set("supportedVpdPages", Render.tree(p)));
      serial.ifPresent(p -> root.set("unitSerialNumber", Render.tree(p)));
      id.ifPresent(p -> root.set("deviceIdentification", Render.tree(p)));
      ObjectNode r = root.putObject("refused");
      refused.forEach(r::put);
      ArrayNode uas = root.putArray("unitAttentions");
      s.unitAttentions.forEach(u -> uas.add(u.toString()));
      out.println(Render.json(root));
      return OK;
    }
    s.printUnitAttentions(out);
    out.println(DecodeKind.INQUIRY.headline(standard));
    out.println("Standard INQUIRY data:");
    out.print(indent(Render.text(Render.textTree(standard))));
    pages.ifPresent(p -> {
      StringBuilder sb = new StringBuilder("Supported VPD pages:");
      p.pageCodes().forEach(c -> sb.append(String.format(" %02Xh", c)));
      out.println(sb);
    });
    serial.ifPresent(p -> out.println("Unit serial number (VPD page 80h): " + p.trimmedSerialNumber()));
    id.ifPresent(p -> {
      out.println("Device identification (VPD page 83h):");
      out.print(indent(Render.text(Render.textTree(p))));
    });
    refused.forEach((page, why) -> out.println("VPD page " + page + ": " + why));
    return OK;
  }

  private static <T> Optional<T> page(Session s, Command<T> inquiry, String name, Map<String, String> refused)
      throws ScsiException {
    try {
      return Optional.of(s.executor.execute(inquiry));
    } catch (CheckConditionException e) {
      refused.put(name, "refused: " + e.sense());
    } catch (MalformedResponseException e) {
      refused.put(name, "malformed at byte " + e.offset() + ": " + e.reason());
    }
    return Optional.empty();
  }

  static String indent(String text) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        sb.append("  ").append(line).append('\n');
      }
    }
    return sb.toString();
  }
}
