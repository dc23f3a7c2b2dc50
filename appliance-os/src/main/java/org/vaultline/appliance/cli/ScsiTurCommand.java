package org.vaultline.appliance.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.vaultline.device.DeviceUrl;
import org.vaultline.scsi.sense.CheckConditionException;
import org.vaultline.scsi.sense.ScsiException;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.spc.TestUnitReady;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vaultline scsi tur URL}: SPC-4 TEST UNIT READY (00h), and what the device says if not ready. */
@Command(name = "tur", mixinStandardHelpOptions = true,
    description = "Send TEST UNIT READY and show whether the device is ready, with its sense when it is not.")
final class ScsiTurCommand extends ScsiSubcommand {
  @Mixin
  DeviceOption device;

  @Override
  DeviceUrl device() {
    return device.url();
  }

  @Override
  int run(Session s, PrintWriter out) throws ScsiException {
    Sense sense = null;
    try {
      s.executor.execute(new TestUnitReady());
    } catch (CheckConditionException e) {
      sense = e.sense();
    }
    if (json) {
      ObjectNode root = Render.object();
      root.put("device", s.url.toString());
      root.put("ready", sense == null);
      root.put("status", sense == null ? "GOOD" : "CHECK_CONDITION");
      if (sense != null) {
        root.set("sense", Render.tree(sense));
        root.put("senseText", sense.toString());
      }
      ArrayNode uas = root.putArray("unitAttentions");
      s.unitAttentions.forEach(u -> uas.add(u.toString()));
      out.println(Render.json(root));
    } else {
      s.printUnitAttentions(out);
      out.println(sense == null ? "TEST UNIT READY: GOOD, the device is ready"
          : "TEST UNIT READY: CHECK CONDITION: " + sense);
    }
    return sense == null ? OK : DEVICE_ERROR;
  }
}
