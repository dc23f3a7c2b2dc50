package org.vaultline.appliance.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import org.vaultline.device.DeviceUrl;
import org.vaultline.scsi.DeviceType;
import org.vaultline.scsi.sense.ScsiException;
import org.vaultline.scsi.smc.DataTransferElement;
import org.vaultline.scsi.smc.DeviceIdentifier;
import org.vaultline.scsi.smc.ElementAddressAssignmentPage;
import org.vaultline.scsi.smc.ElementState;
import org.vaultline.scsi.smc.ElementStatus;
import org.vaultline.scsi.smc.ElementType;
import org.vaultline.scsi.smc.ImportExportElement;
import org.vaultline.scsi.smc.StorageElement;
import org.vaultline.scsi.spc.Inquiry;
import org.vaultline.scsi.spc.StandardInquiry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code vaultline scsi elements URL}: a media changer's full inventory, one line per element in the
 * manner of {@code mtx status} but by element address (mtx numbers slots from 1), so that the two can be
 * compared: drives, storage slots, import/export slots (listed as storage, as mtx does), then the robot.
 * See {@link ElementInventory} for how it is read.
 */
@Command(name = "elements", mixinStandardHelpOptions = true,
    description = {"Dump a media changer's elements: MODE SENSE page 1Dh, then READ ELEMENT STATUS per element type "
        + "with volume tags, and drive identities (DVCID).",
        "One line per element, as mtx status prints them but by element address."})
final class ScsiElementsCommand extends ScsiSubcommand {
  @Mixin
  DeviceOption device;

  @Override
  DeviceUrl device() {
    return device.url();
  }

  @Override
  int run(Session s, PrintWriter out) throws ScsiException {
    StandardInquiry inquiry = s.executor.execute(Inquiry.standard(96));
    DeviceType type = DeviceType.of(inquiry.deviceTypeCode());
    if (type != DeviceType.MEDIUM_CHANGER) {
      spec.commandLine().getErr().println("VLN0330E " + s.url + " is a " + type.text() + " (" + inquiry.vendor() + " "
          + inquiry.product() + "), not a media changer: give the changer's logical unit.");
      return DEVICE_ERROR;
    }
    ElementInventory inv = ElementInventory.read(s.executor);
    if (json) {
      out.println(Render.json(json(s, inquiry, inv)));
      return OK;
    }
    s.printUnitAttentions(out);
    ElementAddressAssignmentPage a = inv.assignment();
    out.printf("  Storage Changer %s:%d Drives, %d Slots ( %d Import/Export )%n", s.url, a.dataTransferCount(),
        a.storageCount() + a.importExportCount(), a.importExportCount());
    for (ElementStatus e : inv.ofType(ElementType.DATA_TRANSFER)) {
      out.println(line(e));
    }
    for (ElementStatus e : inv.ofType(ElementType.STORAGE)) {
      out.println(line(e));
    }
    for (ElementStatus e : inv.ofType(ElementType.IMPORT_EXPORT)) {
      out.println(line(e));
    }
    for (ElementStatus e : inv.ofType(ElementType.MEDIUM_TRANSPORT)) {
      out.println(line(e));
    }
    inv.notes().forEach(n -> out.println("note: " + n));
    return OK;
  }

  /**
   * One element as mtx prints it, by address: {@code       Storage Element 0x1000: Full :VolumeTag=A00001L6},
   * {@code Data Transfer Element 0x0100: Full (Storage Element 0x1000 Loaded) :VolumeTag=A00001L6 :Serial=...}.
   */
  static String line(ElementStatus e) {
    ElementState st = e.state();
    StringBuilder sb = new StringBuilder();
    switch (e.type()) {
      case DATA_TRANSFER -> sb.append("Data Transfer Element ");
      case STORAGE -> sb.append("      Storage Element ");
      case IMPORT_EXPORT -> sb.append("      Storage Element ");
      default -> sb.append("Medium Transport Element ");
    }
    sb.append(st.address());
    if (e.type() == ElementType.IMPORT_EXPORT) {
      sb.append(" IMPORT/EXPORT");
    }
    sb.append(": ").append(st.full() ? "Full" : "Empty");
    if (st.full() && e.type() == ElementType.DATA_TRANSFER) {
      sb.append(st.sourceAddress().map(src -> " (Storage Element " + src + " Loaded)")
          .orElse(" (Unknown Storage Element Loaded)"));
    }
    st.primaryVolumeTag().ifPresent(t -> sb.append(" :VolumeTag=").append(t));
    st.alternateVolumeTag().ifPresent(t -> sb.append(" :AlternateVolumeTag=").append(t));
    if (e instanceof ImportExportElement ie && st.full()) {
      sb.append(ie.importExport() ? " :Imported" : " :Exported");
    }
    if (!access(e)) {
      sb.append(" :NoAccess");
    }
    if (st.except()) {
      sb.append(" :Except=").append(st.exceptionText());
    }
    if (st.elementDisabled()) {
      sb.append(" :Disabled");
    }
    st.identification().ifPresent(id -> sb.append(id.serial().map(serial -> " :Serial=" + serial)
        .orElse(" :Identifier=" + id.text().orElse(id.identifier().hex()))));
    return sb.toString();
  }

  private static boolean access(ElementStatus e) {
    if (e instanceof StorageElement s) {
      return s.access();
    }
    if (e instanceof ImportExportElement ie) {
      return ie.access();
    }
    if (e instanceof DataTransferElement d) {
      return d.access();
    }
    return true;
  }

  private static ObjectNode json(Session s, StandardInquiry inquiry, ElementInventory inv) {
    ObjectNode root = Render.object();
    root.put("device", s.url.toString());
    ObjectNode changer = root.putObject("changer");
    changer.put("vendor", inquiry.vendor());
    changer.put("product", inquiry.product());
    changer.put("revision", inquiry.revision());
    root.set("addressAssignment", Render.tree(inv.assignment()));
    ArrayNode elements = root.putArray("elements");
    for (ElementType t : List.of(ElementType.DATA_TRANSFER, ElementType.STORAGE, ElementType.IMPORT_EXPORT,
        ElementType.MEDIUM_TRANSPORT)) {
      for (ElementStatus e : inv.ofType(t)) {
        elements.add(json(e));
      }
    }
    ArrayNode notes = root.putArray("notes");
    inv.notes().forEach(notes::add);
    ArrayNode uas = root.putArray("unitAttentions");
    s.unitAttentions.forEach(u -> uas.add(u.toString()));
    return root;
  }

  private static ObjectNode json(ElementStatus e) {
    ElementState st = e.state();
    ObjectNode o = Render.object();
    o.put("type", e.type().name());
    o.put("address", st.address().value());
    o.put("full", st.full());
    st.primaryVolumeTag().ifPresent(t -> o.put("volumeTag", t.volumeIdentifier()));
    st.alternateVolumeTag().ifPresent(t -> o.put("alternateVolumeTag", t.volumeIdentifier()));
    st.sourceAddress().ifPresent(a -> o.put("sourceAddress", a.value()));
    o.put("access", access(e));
    if (e instanceof ImportExportElement ie) {
      o.put("importExport", ie.importExport());
    }
    o.put("mediumType", st.mediumType());
    if (st.except()) {
      ObjectNode x = o.putObject("except");
      x.put("asc", st.asc());
      x.put("ascq", st.ascq());
      x.put("text", st.exceptionText());
    }
    o.put("disabled", st.elementDisabled());
    st.identification().ifPresent(id -> o.set("identification", identification(id)));
    return o;
  }

  private static ObjectNode identification(DeviceIdentifier id) {
    ObjectNode o = Render.object();
    o.put("identifierType", id.identifierType());
    o.put("codeSet", id.codeSet());
    id.text().ifPresent(t -> o.put("text", t));
    o.put("hex", id.identifier().hex());
    id.vendor().ifPresent(v -> o.put("vendor", v));
    id.product().ifPresent(v -> o.put("product", v));
    id.serial().ifPresent(v -> o.put("serial", v));
    return o;
  }
}
