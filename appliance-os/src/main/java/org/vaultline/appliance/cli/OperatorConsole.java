package org.vaultline.appliance.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.vaultline.emulator.Operator;
import org.vaultline.emulator.UnitId;
import org.vaultline.emulator.fault.Fault;
import org.vaultline.emulator.fault.Trigger;
import org.vaultline.emulator.personality.SenseCode;
import org.vaultline.emulator.physical.Cartridge;
import org.vaultline.emulator.physical.IoStation;

/**
 * The standalone emulator's operator commands, one text line in, one {@link Reply} out: the same on
 * standard input and on the operator port. A reply is some lines of text and then {@code OK}, or
 * {@code ERROR VLNnnnnE ...} when the command was wrong or the library refused it.
 */
final class OperatorConsole {
  static final String HELP = """
      help                             this list
      show                             the library as its operator panel shows it
      luns                             the iSCSI portal, IQN and LUN map
      open-station [N]                 open I/O station N (default 0): 6/28/01 for every initiator
      close-station [N]                close I/O station N: 6/28/01 for every initiator
      insert BARCODE [--unreadable]    put a labelled cartridge into the first free cell of open station 0
      insert --unlabelled              put a cartridge without a barcode label there
      remove ADDRESS|all               take the cartridge out of I/O cell ADDRESS (0x0010), or empty every open station
      stock ADDRESS BARCODE            put a cartridge straight into a slot (main door open; no unit attention)
      power-cycle                      switch the library off and on (6/29/00 for every initiator)
      pause | resume                   pause the library at its front panel, or resume it
      fault UNIT KIND [ARG] [opcode=XX|nth=N]
                                       script one fault on UNIT (changer, drive0.., lun0..) for the next command
                                       (or the next with opcode XX, or the Nth): check-condition K/AA/QQ,
                                       unit-attention AA/QQ, busy, stall, stall-executed, drop, drop-executed,
                                       short-data N
      save                             save the state now
      quit                             save the state and stop the emulator
      """;

  /** The answer to one command. */
  record Reply(boolean ok, String text, boolean quit) {
    static Reply ok(String text) {
      return new Reply(true, text, false);
    }

    static Reply error(String message) {
      return new Reply(false, message, false);
    }

    /** The lines sent back: the text, then {@code OK} or {@code ERROR message}. */
    String render() {
      StringBuilder sb = new StringBuilder();
      if (ok) {
        if (!text.isEmpty()) {
          sb.append(text.endsWith("\n") ? text : text + "\n");
        }
        sb.append("OK\n");
      } else {
        sb.append("ERROR ").append(text).append('\n');
      }
      return sb.toString();
    }
  }

  private final StandaloneEmulator emulator;

  OperatorConsole(StandaloneEmulator emulator) {
    this.emulator = emulator;
  }

  /** Stops the emulator (after a {@code quit} reply has been sent). */
  void quit() {
    emulator.stop();
  }

  private Operator operator() {
    return emulator.library().operator();
  }

  /** Runs one command line; never throws. */
  Reply execute(String line) {
    List<String> w = new ArrayList<>(Arrays.asList(line.trim().split("\\s+")));
    if (w.isEmpty() || w.get(0).isEmpty() || w.get(0).startsWith("#")) {
      return Reply.ok("");
    }
    String verb = w.remove(0).toLowerCase(Locale.ROOT);
    try {
      Reply r = switch (verb) {
        case "help", "?" -> Reply.ok(HELP);
        case "show" -> Reply.ok(operator().show());
        case "luns" -> Reply.ok("Portal: " + emulator.portal() + "\nIQN: " + emulator.settings().iqn() + "\n"
            + emulator.lunMap());
        case "open-station" -> {
          int n = stationArg(w, "open-station [N]");
          operator().openStation(n);
          yield changed("I/O station " + n + " is open.");
        }
        case "close-station" -> {
          int n = stationArg(w, "close-station [N]");
          operator().closeStation(n);
          yield changed("I/O station " + n + " is closed.");
        }
        case "insert" -> insert(w);
        case "remove" -> remove(w);
        case "stock" -> {
          if (w.size() != 2) {
            throw new Usage("stock ADDRESS BARCODE");
          }
          int address = address(w.get(0));
          Cartridge c = operator().cartridge(w.get(1));
          operator().stock(address, c);
          yield changed(String.format("Stocked %s at 0x%04X.", c.displayName(), address));
        }
        case "power-cycle" -> {
          noArgs(w, "power-cycle");
          operator().powerCycle();
          yield changed("The library was switched off and on.");
        }
        case "pause" -> {
          noArgs(w, "pause");
          operator().pause();
          yield changed("The library is paused.");
        }
        case "resume" -> {
          noArgs(w, "resume");
          operator().resume();
          yield changed("The library is running.");
        }
        case "fault" -> fault(w);
        case "save" -> {
          noArgs(w, "save");
          yield Reply.ok(emulator.save(true).map(f -> "Saved the state to " + f + ".")
              .orElse("No state directory (--state-dir): nothing to save."));
        }
        case "quit", "exit" -> {
          noArgs(w, verb);
          yield new Reply(true, "Stopping.", true);
        }
        default -> Reply.error("VLN0360E Unknown operator command \"" + verb + "\"; type help for the list.");
      };
      return r;
    } catch (Usage u) {
      return Reply.error("VLN0361E Wrong syntax. The right form is: " + u.getMessage());
    } catch (IllegalStateException | IllegalArgumentException e) {
      return Reply.error("VLN0362E Refused: " + e.getMessage());
    } catch (IOException e) {
      return Reply.error("VLN0363E Saving the state failed: " + e.getMessage());
    } catch (RuntimeException e) {
      return Reply.error("VLN0369E The emulator failed: " + e);
    }
  }

  /** A change an operator made: saved at once, so that a crash does not forget it. */
  private Reply changed(String text) throws IOException {
    emulator.save(false);
    return Reply.ok(text);
  }

  private Reply insert(List<String> w) throws IOException {
    boolean unlabelled = w.remove("--unlabelled");
    boolean unreadable = w.remove("--unreadable");
    if (unlabelled ? !w.isEmpty() || unreadable : w.size() != 1) {
      throw new Usage("insert BARCODE [--unreadable] | insert --unlabelled");
    }
    int cell = operator().firstFreeCell(0);
    Cartridge c;
    if (unlabelled) {
      c = operator().insertUnlabelled();
    } else if (unreadable) {
      c = operator().insertWithUnreadableLabel(w.get(0));
    } else {
      c = operator().cartridge(w.get(0));
      operator().insert(cell, c);
    }
    return changed(String.format("Inserted %s into I/O cell 0x%04X%s.", c.displayName(), cell,
        unreadable ? " (label unreadable)" : ""));
  }

  private Reply remove(List<String> w) throws IOException {
    if (w.size() != 1) {
      throw new Usage("remove ADDRESS|all");
    }
    if (w.get(0).equalsIgnoreCase("all")) {
      List<String> taken = new ArrayList<>();
      boolean anyOpen = false;
      for (IoStation s : stations()) {
        if (s.isOpen()) {
          anyOpen = true;
          operator().removeAll(s.index()).forEach(c -> taken.add(c.displayName()));
        }
      }
      if (!anyOpen) {
        throw new IllegalStateException("no I/O station is open (open-station first)");
      }
      return changed(taken.isEmpty() ? "The open I/O stations were empty."
          : "Removed " + taken.size() + " cartridge(s): " + String.join(" ", taken) + ".");
    }
    int address = address(w.get(0));
    Cartridge c = operator().remove(address);
    return changed(String.format("Removed %s from 0x%04X.", c.displayName(), address));
  }

  private List<IoStation> stations() {
    synchronized (emulator.library().lock()) {
      return List.copyOf(emulator.library().physical().stations());
    }
  }

  private Reply fault(List<String> w) {
    final String usage = "fault UNIT KIND [ARG] [opcode=XX|nth=N]";
    Trigger trigger = Trigger.next();
    if (!w.isEmpty() && w.get(w.size() - 1).contains("=")) {
      String t = w.remove(w.size() - 1).toLowerCase(Locale.ROOT);
      try {
        if (t.startsWith("opcode=")) {
          trigger = Trigger.opcode(Integer.parseInt(strip0x(t.substring(7)), 16));
        } else if (t.startsWith("nth=")) {
          trigger = Trigger.nth(Integer.parseInt(t.substring(4)));
        } else {
          throw new Usage(usage);
        }
      } catch (NumberFormatException e) {
        throw new Usage(usage);
      }
    }
    if (w.size() < 2) {
      throw new Usage(usage);
    }
    UnitId unit = unit(w.get(0));
    String kind = w.get(1).toLowerCase(Locale.ROOT);
    List<String> args = w.subList(2, w.size());
    Fault f;
    try {
      f = switch (kind) {
        case "check-condition" -> {
          one(args, "fault UNIT check-condition K/AA/QQ");
          SenseCode sc = SenseCode.parse(args.get(0));
          yield new Fault.CheckCondition(trigger, sc.toSense());
        }
        case "unit-attention" -> {
          one(args, "fault UNIT unit-attention AA/QQ");
          SenseCode sc = SenseCode.parse(args.get(0));
          yield new Fault.UnitAttention(trigger, sc.asc(), sc.ascq());
        }
        case "busy" -> {
          none(args, "fault UNIT busy");
          yield new Fault.Busy(trigger);
        }
        case "stall", "stall-executed" -> {
          none(args, "fault UNIT " + kind);
          yield new Fault.Stall(trigger, kind.endsWith("executed"));
        }
        case "drop", "drop-executed" -> {
          none(args, "fault UNIT " + kind);
          yield new Fault.DropConnection(trigger, kind.endsWith("executed"));
        }
        case "short-data" -> {
          one(args, "fault UNIT short-data N");
          yield new Fault.ShortData(trigger, Integer.parseInt(args.get(0)));
        }
        default -> throw new Usage(usage + "; KIND is check-condition, unit-attention, busy, stall, stall-executed, "
            + "drop, drop-executed or short-data");
      };
    } catch (NumberFormatException e) {
      throw new Usage(usage);
    }
    operator().inject(unit, f);
    return Reply.ok("Scripted " + f + " on " + unit + ".");
  }

  private UnitId unit(String s) {
    String u = s.toLowerCase(Locale.ROOT);
    try {
      if (u.equals("changer") || u.equals("lun0")) {
        return UnitId.CHANGER;
      }
      int drive;
      if (u.startsWith("drive")) {
        drive = Integer.parseInt(u.substring(5));
      } else if (u.startsWith("lun")) {
        drive = Integer.parseInt(u.substring(3)) - 1;
      } else {
        throw new Usage("fault UNIT ...; UNIT is changer, drive0.. or lun0..");
      }
      if (drive < 0 || drive >= emulator.library().driveCount()) {
        throw new IllegalArgumentException("no " + s + "; the library has " + emulator.library().driveCount()
            + " drive(s)");
      }
      return UnitId.drive(drive);
    } catch (NumberFormatException e) {
      throw new Usage("fault UNIT ...; UNIT is changer, drive0.. or lun0..");
    }
  }

  private static void one(List<String> args, String usage) {
    if (args.size() != 1) {
      throw new Usage(usage);
    }
  }

  private static void none(List<String> args, String usage) {
    if (!args.isEmpty()) {
      throw new Usage(usage);
    }
  }

  private static void noArgs(List<String> w, String usage) {
    if (!w.isEmpty()) {
      throw new Usage(usage);
    }
  }

  private int stationArg(List<String> w, String usage) {
    if (w.isEmpty()) {
      return 0;
    }
    if (w.size() != 1) {
      throw new Usage(usage);
    }
    try {
      return Integer.parseInt(w.get(0));
    } catch (NumberFormatException e) {
      throw new Usage(usage);
    }
  }

  private static int address(String s) {
    try {
      return Integer.decode(s);
    } catch (NumberFormatException e) {
      throw new Usage("an element address: 0x0010 or 16, not \"" + s + "\"");
    }
  }

  private static String strip0x(String s) {
    return s.startsWith("0x") ? s.substring(2) : s;
  }

  /** Wrong syntax; the message is the right form. */
  private static final class Usage extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Usage(String rightForm) {
      super(rightForm);
    }
  }
}
