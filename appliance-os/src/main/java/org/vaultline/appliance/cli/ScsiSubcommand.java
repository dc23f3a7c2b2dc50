package org.vaultline.appliance.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vaultline.device.DeviceOpener;
import org.vaultline.device.iscsi.InitiatorOptions;
import org.vaultline.device.DeviceUrl;
import org.vaultline.scsi.sense.CheckConditionException;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.sense.ScsiException;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.transport.BusyRetry;
import org.vaultline.scsi.transport.ScsiExecutor;
import org.vaultline.scsi.transport.ScsiTransport;
import org.vaultline.scsi.transport.Sleeper;
import org.vaultline.scsi.transport.UnitAttentionRetry;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What every {@code vaultline scsi} subcommand does around its own work: find the device URL, open the
 * device, run, close, and turn failures into messages with IDs and exit statuses. Commands go through a
 * {@link ScsiExecutor} that repeats a command answered with UNIT ATTENTION (and reports the attention) and
 * retries BUSY; NOT READY is shown, not waited out, because a field engineer wants to see it.
 */
abstract class ScsiSubcommand implements Callable<Integer> {
  static final int OK = 0;
  static final int DEVICE_ERROR = 1;
  static final int UNREACHABLE = 3;

  @Option(names = "--json", description = "Print JSON with stable field names instead of text.")
  boolean json;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** The device this invocation is about (a ParameterException with a VLN message when missing or bad). */
  abstract DeviceUrl device();

  /** The subcommand's work on the open device; returns the exit status. */
  abstract int run(Session session, PrintWriter out) throws ScsiException;

  /** The open device, its executor, and the unit attentions seen on the way. */
  static final class Session {
    final DeviceUrl url;
    final ScsiTransport transport;
    final ScsiExecutor executor;
    final List<Sense> unitAttentions = new ArrayList<>();

    Session(DeviceUrl url, ScsiTransport transport) {
      this.url = url;
      this.transport = transport;
      this.executor = ScsiExecutor.builder(transport)
          .add(new UnitAttentionRetry(UnitAttentionRetry.DEFAULT_ATTEMPTS, unitAttentions::add))
          .add(new BusyRetry(Sleeper.SYSTEM, BusyRetry.DEFAULT_ATTEMPTS))
          .build();
    }

    /** {@code note: UNIT ATTENTION ... (reported by the device; the command was repeated)} lines. */
    void printUnitAttentions(PrintWriter out) {
      for (Sense s : unitAttentions) {
        out.println("note: " + s + " (reported by the device; the command was repeated)");
      }
    }
  }

  /** The iSCSI initiator name of the field-engineer tools (the daemon logs in under its own). */
  static final String CLI_INITIATOR = "iqn.2024-01.org.vaultline:cli";

  /**
   * How devices are opened. iSCSI logs in as {@link #CLI_INITIATOR} with a fixed ISID, so that successive
   * runs are one initiator port to the target, as open-iscsi's sessions are: a unit attention reported to
   * one run is not reported again to the next (a one-shot {@code scsi raw} would otherwise always meet the
   * 6/29/00 of a new initiator).
   */
  static DeviceOpener opener() {
    return DeviceOpener.standard().withEmulator(new EmulatedDevices())
        .withInitiatorOptions(InitiatorOptions.defaults().withInitiatorName(CLI_INITIATOR)
            .withIsid(InitiatorOptions.stableIsid(CLI_INITIATOR)));
  }

  @Override
  public final Integer call() {
    DeviceUrl url = device();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ScsiTransport transport;
    try {
      transport = opener().open(url);
    } catch (TransportException e) {
      err.println("VLN0310E Cannot open " + url + ": " + strip(url, e.getMessage()));
      return UNREACHABLE;
    }
    try {
      return run(new Session(url, transport), out);
    } catch (TransportException e) {
      err.println("VLN0311E " + url + ": " + strip(url, e.getMessage()));
      return UNREACHABLE;
    } catch (CheckConditionException e) {
      err.println("VLN0312E " + url + ": " + e.command() + " ended with CHECK CONDITION: " + e.sense());
      return DEVICE_ERROR;
    } catch (MalformedResponseException e) {
      err.println("VLN0313E " + url + ": the device's answer is malformed at byte " + e.offset() + ": " + e.reason());
      return DEVICE_ERROR;
    } catch (ScsiException e) {
      err.println("VLN0314E " + url + ": " + e.getMessage());
      return DEVICE_ERROR;
    } finally {
      out.flush();
      transport.close();
    }
  }

  /** Transport messages start with the URL themselves; do not say it twice. */
  private static String strip(DeviceUrl url, String message) {
    String prefix = url + ": ";
    return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : String.valueOf(message);
  }
}
