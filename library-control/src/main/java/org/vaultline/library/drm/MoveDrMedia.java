package org.vaultline.library.drm;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vaultline.library.command.CommandTokens;

/**
 * TSM's {@code MOVE DRMEDIA volname [WHERESTATE=] [TOSTATE=] [REMOVE=] [SOURCE=] [COPYSTGPOOL=]
 * [ACTIVEDATASTGPOOL=] [WHERELOCATION=] [TOLOCATION=] [BEGINDATE=] [ENDDATE=] [BEGINTIME=] [ENDTIME=] [CMD=
 * [CMDFILENAME=] [APPEND=]] [WAIT=]} (REFERENCE §3), and the pure state machine that decides what it does to one
 * volume: {@link #apply}.
 *
 * <p>Defaults: WHERESTATE=MOUNTABLE, TOSTATE the next state after WHERESTATE, REMOVE=YES, SOURCE=DBBACKUP,
 * WAIT=NO. Legal moves: MOUNTABLE→NOTMOUNTABLE|COURIER|VAULT; NOTMOUNTABLE→COURIER|VAULT; COURIER→VAULT;
 * VAULTRETRIEVE→COURIERRETRIEVE|ONSITERETRIEVE; COURIERRETRIEVE→ONSITERETRIEVE. VAULT→VAULTRETRIEVE happens only by
 * derivation ({@link VaultRetrieve}).
 *
 * @param volume the volume name or pattern ({@code *} for all)
 * @param whereState WHERESTATE=; empty for the default MOUNTABLE
 * @param toState TOSTATE=; empty for the next state
 * @param waitForCompletion WAIT=YES: run in the foreground instead of as a background process
 */
public record MoveDrMedia(NamePattern volume, Optional<DrmState> whereState, Optional<DrmState> toState,
    RemoveMode remove, Source source, Optional<List<String>> copyPools, Optional<List<String>> activeDataPools,
    Optional<String> whereLocation, Optional<String> toLocation, DateTimeWindow window, Optional<CmdOutput> cmd,
    boolean waitForCompletion) implements DrmCommand {
  static final String NAME = "MOVE DRMEDIA";

  /** The syntax, as error messages show it. */
  public static final String USAGE = "MOVE DRMEDIA volname [WHERESTATE=MOUNTABLE|NOTMOUNTABLE|COURIER|VAULTRETRIEVE"
      + "|COURIERRETRIEVE] [TOSTATE=NOTMOUNTABLE|COURIER|VAULT|COURIERRETRIEVE|ONSITERETRIEVE]"
      + " [REMOVE=YES|NO|BULK|UNTILEEFULL] [SOURCE=DBBACKUP|DBSNAPSHOT|DBNONE] [COPYSTGPOOL=pool,...]"
      + " [ACTIVEDATASTGPOOL=pool,...] [WHERELOCATION=location] [TOLOCATION=location] [BEGINDATE=date]"
      + " [ENDDATE=date] [BEGINTIME=time] [ENDTIME=time] [CMD=\"command\" [CMDFILENAME=file] [APPEND=NO|YES]]"
      + " [WAIT=NO|YES]";

  public MoveDrMedia {
    Objects.requireNonNull(volume, "volume");
    Objects.requireNonNull(whereState, "whereState");
    Objects.requireNonNull(toState, "toState");
    Objects.requireNonNull(remove, "remove");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(whereLocation, "whereLocation");
    Objects.requireNonNull(toLocation, "toLocation");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(cmd, "cmd");
    copyPools = copyPools.map(List::copyOf);
    activeDataPools = activeDataPools.map(List::copyOf);
  }

  /** {@code MOVE DRMEDIA volume} with every default. */
  public static MoveDrMedia of(String volume) {
    return new MoveDrMedia(new NamePattern(volume), Optional.empty(), Optional.empty(), RemoveMode.YES,
        Source.DBBACKUP, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        DateTimeWindow.ALWAYS, Optional.empty(), false);
  }

  public MoveDrMedia withVolume(String pattern) {
    return new MoveDrMedia(new NamePattern(pattern), whereState, toState, remove, source, copyPools, activeDataPools,
        whereLocation, toLocation, window, cmd, waitForCompletion);
  }

  public MoveDrMedia withWhereState(Optional<DrmState> v) {
    return new MoveDrMedia(volume, v, toState, remove, source, copyPools, activeDataPools, whereLocation, toLocation,
        window, cmd, waitForCompletion);
  }

  public MoveDrMedia withToState(Optional<DrmState> v) {
    return new MoveDrMedia(volume, whereState, v, remove, source, copyPools, activeDataPools, whereLocation,
        toLocation, window, cmd, waitForCompletion);
  }

  public MoveDrMedia withRemove(RemoveMode v) {
    return new MoveDrMedia(volume, whereState, toState, v, source, copyPools, activeDataPools, whereLocation,
        toLocation, window, cmd, waitForCompletion);
  }

  public MoveDrMedia withSource(Source v) {
    return new MoveDrMedia(volume, whereState, toState, remove, v, copyPools, activeDataPools, whereLocation,
        toLocation, window, cmd, waitForCompletion);
  }

  public MoveDrMedia withCopyPools(Optional<List<String>> v) {
    return new MoveDrMedia(volume, whereState, toState, remove, source, v, activeDataPools, whereLocation,
        toLocation, window, cmd, waitForCompletion);
  }

  public MoveDrMedia withActiveDataPools(Optional<List<String>> v) {
    return new MoveDrMedia(volume, whereState, toState, remove, source, copyPools, v, whereLocation, toLocation,
        window, cmd, waitForCompletion);
  }

  public MoveDrMedia withWhereLocation(Optional<String> v) {
    return new MoveDrMedia(volume, whereState, toState, remove, source, copyPools, activeDataPools, v, toLocation,
        window, cmd, waitForCompletion);
  }

  public MoveDrMedia withToLocation(Optional<String> v) {
    return new MoveDrMedia(volume, whereState, toState, remove, source, copyPools, activeDataPools, whereLocation, v,
        window, cmd, waitForCompletion);
  }

  public MoveDrMedia withWindow(DateTimeWindow v) {
    return new MoveDrMedia(volume, whereState, toState, remove, source, copyPools, activeDataPools, whereLocation,
        toLocation, v, cmd, waitForCompletion);
  }

  public MoveDrMedia withCmd(Optional<CmdOutput> v) {
    return new MoveDrMedia(volume, whereState, toState, remove, source, copyPools, activeDataPools, whereLocation,
        toLocation, window, v, waitForCompletion);
  }

  public MoveDrMedia withWait(boolean v) {
    return new MoveDrMedia(volume, whereState, toState, remove, source, copyPools, activeDataPools, whereLocation,
        toLocation, window, cmd, v);
  }

  /** WHERESTATE, default MOUNTABLE. */
  public DrmState effectiveWhereState() {
    return whereState.orElse(DrmState.MOUNTABLE);
  }

  /** TOSTATE, default the next state after WHERESTATE; empty when WHERESTATE has no next state. */
  public Optional<DrmState> effectiveToState() {
    return toState.isPresent() ? toState : effectiveWhereState().next();
  }

  /**
   * What is wrong with the request whatever the volume, or empty. In this order: WHERESTATE not one MOVE DRMEDIA
   * moves from (VLN0420E); TOSTATE=MOUNTABLE (VLN0422E); TOSTATE=VAULTRETRIEVE (VLN0421E); TOSTATE not reachable
   * from WHERESTATE (VLN0423E); TOLOCATION with ONSITERETRIEVE (VLN0424E); a window that is always empty (VLN0425E).
   */
  public Optional<DrmMessage> requestError() {
    DrmState where = effectiveWhereState();
    if (!DrmState.MOVABLE_FROM.contains(where)) {
      return Optional.of(DrmMessages.whereStateNotMovable(where));
    }
    DrmState to = effectiveToState().orElseThrow();
    if (to == DrmState.MOUNTABLE) {
      return Optional.of(DrmMessages.toStateMountable());
    }
    if (to == DrmState.VAULTRETRIEVE) {
      return Optional.of(DrmMessages.toStateDerivedOnly());
    }
    if (!where.destinations().contains(to)) {
      return Optional.of(DrmMessages.toStateNotReachable(where, to));
    }
    if (to == DrmState.ONSITERETRIEVE && toLocation.isPresent()) {
      return Optional.of(DrmMessages.toLocationOnsite());
    }
    if (window.emptyAlways()) {
      return Optional.of(DrmMessages.emptyWindow(NAME, window, DateTimeWindow.FIXED_NOW));
    }
    return Optional.empty();
  }

  /** The filters of this request, with WHERESTATE defaulted. */
  public DrmSelection selection() {
    return new DrmSelection(NAME, volume, Optional.of(effectiveWhereState()), source, copyPools, activeDataPools,
        whereLocation, window);
  }

  /**
   * The DRM state machine for one volume: the request's own error if it has one, else the reason the volume is
   * not selected, else the move. Pure: nothing is changed, the caller records {@link MoveOutcome.Moved#after()}.
   *
   * @param now the time of the move; also what relative dates and times in the window are resolved against
   */
  public MoveOutcome apply(DrmVolume v, DrmSettings settings, ZonedDateTime now) {
    Optional<DrmMessage> error = requestError();
    if (error.isPresent()) {
      return new MoveOutcome.Refused(error.get());
    }
    Optional<DrmMessage> refusal = selection().refusal(v, settings, now);
    if (refusal.isPresent()) {
      return new MoveOutcome.Refused(refusal.get());
    }
    return move(v, settings, now.toInstant());
  }

  /**
   * The move alone, for a volume already known to be selected by a valid request (the fast path of a process that
   * has checked {@link #requestError()} once and selected its volumes).
   */
  public MoveOutcome.Moved move(DrmVolume v, DrmSettings settings, Instant now) {
    DrmState to = effectiveToState().orElseThrow();
    boolean checkOut = v.state() == DrmState.MOUNTABLE && v.library().isPresent();
    Optional<String> location = to == DrmState.ONSITERETRIEVE ? Optional.empty()
        : toLocation.isPresent() ? toLocation : settings.locationFor(to);
    DrmVolume after = v.withState(to, location, now);
    if (checkOut) {
      after = after.withLibrary(Optional.empty());
    }
    if (to == DrmState.ONSITERETRIEVE) {
      OnsiteDisposition d = OnsiteDisposition.of(v.kind());
      return new MoveOutcome.Moved(v, after, false, false, Optional.of(d), DrmMessages.leftDrm(v, d));
    }
    return new MoveOutcome.Moved(v, after, checkOut, checkOut && settings.checkLabel(), Optional.empty(),
        DrmMessages.moved(v, after));
  }

  @Override
  public String commandText(ZoneId zone) {
    List<String> p = new ArrayList<>();
    p.add(NAME);
    p.add(CommandTokens.quoteIfNeeded(volume.pattern()));
    whereState.ifPresent(s -> p.add("WHERESTATE=" + s));
    toState.ifPresent(s -> p.add("TOSTATE=" + s));
    if (remove != RemoveMode.YES) {
      p.add("REMOVE=" + remove);
    }
    if (source != Source.DBBACKUP) {
      p.add("SOURCE=" + source);
    }
    copyPools.ifPresent(l -> p.add("COPYSTGPOOL=" + CommandTokens.list(l)));
    activeDataPools.ifPresent(l -> p.add("ACTIVEDATASTGPOOL=" + CommandTokens.list(l)));
    whereLocation.ifPresent(l -> p.add("WHERELOCATION=" + CommandTokens.quoteIfNeeded(l)));
    toLocation.ifPresent(l -> p.add("TOLOCATION=" + CommandTokens.quoteIfNeeded(l)));
    DrmCommandText.window(window, p);
    cmd.ifPresent(c -> DrmCommandText.cmd(c, p));
    if (waitForCompletion) {
      p.add("WAIT=YES");
    }
    return String.join(" ", p);
  }
}
