package org.vaultline.library.drm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vaultline.library.store.Origin;

/**
 * The DRM administrative commands on the store and the libraries: a command line in TSM syntax (MOVE DRMEDIA,
 * QUERY DRMEDIA, QUERY DRMSTATUS, SET DRM..., DEFINE/UPDATE/DELETE DRMVOLUME) parsed by {@link DrmCommandParser}
 * and run against a {@link DrmLedger}; MOVE DRMEDIA starts a {@link MoveDrMediaRun}.
 */
public final class DrmCommands {
  /**
   * What a command said.
   *
   * @param process the MOVE DRMEDIA process number; 0 for every other command and for WAIT=YES
   * @param lines the output: messages with their IDs, or the report of a query
   */
  public record Reply(long process, boolean error, List<String> lines) {
    public Reply {
      lines = List.copyOf(lines);
    }

    public String text() {
      return String.join("\n", lines);
    }
  }

  private final DrmLedger ledger;
  private final MoveDrMediaRun runs;
  private final DrmCommandParser parser;

  public DrmCommands(DrmLedger ledger, DrmEject eject) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.runs = new MoveDrMediaRun(ledger, eject);
    this.parser = new DrmCommandParser(ledger.zone(), ledger.store().clock());
  }

  /** Parses and runs one command line; a syntax error is an error reply, not an exception. */
  public Reply execute(String line, Origin origin) {
    DrmCommand c;
    try {
      c = parser.parse(line);
    } catch (DrmSyntaxException e) {
      return new Reply(0, true, List.of(e.drmMessage().toString()));
    }
    if (c instanceof MoveDrMedia m) {
      MoveDrMediaRun.Started s = runs.start(m, origin);
      if (s.result().isPresent()) {
        MoveDrMediaRun.Result r = s.result().get();
        boolean error = r.end() == MoveDrMediaRun.End.FAILED || r.process() == 0;
        List<String> lines = new ArrayList<>();
        r.messages().forEach(x -> lines.add(x.render()));
        lines.addAll(r.cmdLines());
        return new Reply(r.process(), error, lines);
      }
      return new Reply(s.process(), false, List.of(MoveDrMedia.NAME + " started as process " + s.process() + "."));
    }
    if (c instanceof QueryDrMedia q) {
      String out = ledger.query(q);
      return new Reply(0, out.startsWith(DrmMessageId.NO_MATCH.id()), List.of(out.stripTrailing().split("\n")));
    }
    if (c instanceof QueryDrmStatus) {
      return new Reply(0, false, List.of(ledger.queryStatus().stripTrailing().split("\n")));
    }
    if (c instanceof SetDrm s) {
      ledger.set(s, origin);
      return new Reply(0, false, List.of(DrmMessageId.SETTING_CHANGED.with(s.commandText(ledger.zone())
          + ": done.").toString()));
    }
    RegistrationOutcome o = ledger.register((DrmRegistration) c, origin);
    return new Reply(0, o instanceof RegistrationOutcome.Rejected, List.of(o.message().toString()));
  }
}
