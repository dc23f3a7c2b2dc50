package org.vaultline.library.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vaultline.library.drm.DrmFixtures.NOW;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The DRM state machine, exhaustively: every volume state × every MOVE DRMEDIA request (every WHERESTATE and
 * TOSTATE, each also left to its default) × every volume kind × every SOURCE (and left to its default) × active-data
 * pools configured or not × with and without TOLOCATION, against an expectation written out by hand from REFERENCE
 * §3 (the table below), including the exact text of every error.
 */
class MoveDrMediaTableTest {
  /** WHERESTATE/TOSTATE options: null is "not given". */
  private static final DrmState[] OPTIONS = {null, DrmState.MOUNTABLE, DrmState.NOTMOUNTABLE, DrmState.COURIER,
      DrmState.VAULT, DrmState.VAULTRETRIEVE, DrmState.COURIERRETRIEVE, DrmState.ONSITERETRIEVE};

  /**
   * What a request does whatever the volume: rows WHERESTATE (-, MOUNTABLE, NOTMOUNTABLE, COURIER, VAULT,
   * VAULTRETRIEVE, COURIERRETRIEVE, ONSITERETRIEVE), columns TOSTATE in the same order. An entry is the destination
   * state, or the message number of the request's error.
   */
  private static final String[][] TABLE = {
      //        -       MOUNT   NOTM    COUR    VAULT   VRET    CRET    ONSR
      /* -    */ {"NOTM", "0422", "NOTM", "COUR", "VAUL", "0421", "0423", "0423"},
      /* MOUNT*/ {"NOTM", "0422", "NOTM", "COUR", "VAUL", "0421", "0423", "0423"},
      /* NOTM */ {"COUR", "0422", "0423", "COUR", "VAUL", "0421", "0423", "0423"},
      /* COUR */ {"VAUL", "0422", "0423", "0423", "VAUL", "0421", "0423", "0423"},
      /* VAULT*/ {"0420", "0420", "0420", "0420", "0420", "0420", "0420", "0420"},
      /* VRET */ {"CRET", "0422", "0423", "0423", "0423", "0421", "CRET", "ONSR"},
      /* CRET */ {"ONSR", "0422", "0423", "0423", "0423", "0421", "0423", "ONSR"},
      /* ONSR */ {"0420", "0420", "0420", "0420", "0420", "0420", "0420", "0420"},
  };

  private static final Map<String, DrmState> SHORT = Map.of("NOTM", DrmState.NOTMOUNTABLE, "COUR", DrmState.COURIER,
      "VAUL", DrmState.VAULT, "CRET", DrmState.COURIERRETRIEVE, "ONSR", DrmState.ONSITERETRIEVE);

  /** Where each WHERESTATE may go, as the 0423 message says it. */
  private static final Map<DrmState, String> CAN_GO = new EnumMap<>(Map.of(
      DrmState.MOUNTABLE, "NOTMOUNTABLE, COURIER or VAULT",
      DrmState.NOTMOUNTABLE, "COURIER or VAULT",
      DrmState.COURIER, "VAULT",
      DrmState.VAULTRETRIEVE, "COURIERRETRIEVE or ONSITERETRIEVE",
      DrmState.COURIERRETRIEVE, "ONSITERETRIEVE"));

  private static final String MOVABLE = "MOUNTABLE, NOTMOUNTABLE, COURIER, VAULTRETRIEVE or COURIERRETRIEVE";

  private enum Kind {
    FULL, INCREMENTAL, SNAPSHOT, COPY, ACTIVE_DATA, SCRATCH, PRIVATE
  }

  private static DrmVolumeKind kind(Kind k) {
    switch (k) {
      case FULL:
        return DrmFixtures.fullBackup(41);
      case INCREMENTAL:
        return DrmFixtures.incrementalBackup(41);
      case SNAPSHOT:
        return DrmFixtures.snapshot(7);
      case COPY:
        return DrmFixtures.copy("OFFSITE_COPY");
      case ACTIVE_DATA:
        return DrmFixtures.activeData("ACTIVE_OFF");
      case SCRATCH:
        return new DrmVolumeKind.ScratchVolume();
      default:
        return new DrmVolumeKind.PrivateVolume();
    }
  }

  private static final DrmSettings NAMED = DrmSettings.defaults().withCourierName("Joe's Courier Service")
      .withVaultName("IRON MOUNTAIN").withNotMountableName("ROOM 123/31");

  /** The expected outcome, from the table and the rules of REFERENCE §3, with the messages written out. */
  private static MoveOutcome expected(int wi, int ti, DrmVolume v, Source source, boolean activeConfigured,
      Optional<String> toLocation) {
    String cell = TABLE[wi][ti];
    DrmState where = OPTIONS[wi] == null ? DrmState.MOUNTABLE : OPTIONS[wi];
    DrmState to = OPTIONS[ti];
    DrmState target = SHORT.get(cell);
    if (cell.equals("0420")) {
      String why = where == DrmState.VAULT ? " A volume leaves VAULT only when the server makes it VAULTRETRIEVE."
          : " ONSITERETRIEVE volumes have left DRM.";
      return refused(DrmMessageId.WHERESTATE_NOT_MOVABLE, "MOVE DRMEDIA: WHERESTATE=" + where
          + " is not valid; volumes are moved from " + MOVABLE + "." + why);
    }
    if (cell.equals("0422")) {
      return refused(DrmMessageId.TOSTATE_MOUNTABLE, "MOVE DRMEDIA: TOSTATE=MOUNTABLE is not valid; a volume becomes"
          + " MOUNTABLE again when it is checked into the library.");
    }
    if (cell.equals("0421")) {
      return refused(DrmMessageId.TOSTATE_DERIVED_ONLY, "MOVE DRMEDIA: TOSTATE=VAULTRETRIEVE is not valid; the"
          + " server makes a volume VAULTRETRIEVE itself when its database backup series expires or reclamation"
          + " empties it at the vault.");
    }
    if (cell.equals("0423")) {
      return refused(DrmMessageId.TOSTATE_NOT_REACHABLE, "MOVE DRMEDIA: TOSTATE=" + to
          + " is not reachable from WHERESTATE=" + where + "; from " + where + " a volume can go to "
          + CAN_GO.get(where) + ".");
    }
    if (target == DrmState.ONSITERETRIEVE && toLocation.isPresent()) {
      return refused(DrmMessageId.TOLOCATION_ONSITE, "MOVE DRMEDIA: TOLOCATION cannot be used with"
          + " TOSTATE=ONSITERETRIEVE; the volume leaves DRM and keeps no location.");
    }
    String n = v.name();
    DrmVolumeKind k = v.kind();
    if (k instanceof DrmVolumeKind.ScratchVolume) {
      return refused(DrmMessageId.NOT_A_DRM_VOLUME, "MOVE DRMEDIA: volume " + n
          + " is a scratch library volume, not a DRM volume.");
    }
    if (k instanceof DrmVolumeKind.PrivateVolume) {
      return refused(DrmMessageId.NOT_A_DRM_VOLUME, "MOVE DRMEDIA: volume " + n
          + " is a private library volume, not a DRM volume.");
    }
    if (k instanceof DrmVolumeKind.DatabaseBackup && source != Source.DBBACKUP) {
      return refused(DrmMessageId.EXCLUDED_BY_SOURCE, "MOVE DRMEDIA: volume " + n
          + " is a database backup volume; SOURCE=" + source + " does not select it (SOURCE=DBBACKUP does).");
    }
    if (k instanceof DrmVolumeKind.DatabaseSnapshot && source != Source.DBSNAPSHOT) {
      return refused(DrmMessageId.EXCLUDED_BY_SOURCE, "MOVE DRMEDIA: volume " + n
          + " is a database snapshot volume; SOURCE=" + source + " does not select it (SOURCE=DBSNAPSHOT does).");
    }
    if (k instanceof DrmVolumeKind.ActiveDataPoolVolume && !activeConfigured) {
      return refused(DrmMessageId.ACTIVE_DATA_POOL_NOT_SELECTED, "MOVE DRMEDIA: volume " + n
          + " belongs to active-data pool ACTIVE_OFF; active-data pools are processed only when named by"
          + " SET DRMACTIVEDATASTGPOOL or ACTIVEDATASTGPOOL=.");
    }
    if (v.state() != where) {
      return refused(DrmMessageId.NOT_IN_WHERESTATE, "MOVE DRMEDIA: volume " + n + " is " + v.state() + ", not "
          + where + ".");
    }
    boolean checkOut = v.state() == DrmState.MOUNTABLE;
    if (target == DrmState.ONSITERETRIEVE) {
      boolean database = k instanceof DrmVolumeKind.DatabaseBackup || k instanceof DrmVolumeKind.DatabaseSnapshot;
      OnsiteDisposition d = database ? OnsiteDisposition.DELETE_VOLUME_HISTORY : OnsiteDisposition.RETURN_TO_SCRATCH;
      DrmVolume after = new DrmVolume(n, k, target, Optional.empty(), Optional.empty(), NOW.toInstant(), v.device());
      return new MoveOutcome.Moved(v, after, false, false, Optional.of(d), DrmMessageId.LEFT_DRM.with("Volume " + n
          + " is back on site and leaves DRM: " + (database ? "its volume history entry is deleted."
              : "it returns to scratch.")));
    }
    String location = toLocation.orElse(Map.of(DrmState.NOTMOUNTABLE, "ROOM 123/31", DrmState.COURIER,
        "Joe's Courier Service", DrmState.VAULT, "IRON MOUNTAIN", DrmState.COURIERRETRIEVE,
        "Joe's Courier Service").get(target));
    DrmVolume after = new DrmVolume(n, k, target, Optional.of(location), checkOut ? Optional.empty() : v.library(),
        NOW.toInstant(), v.device());
    return new MoveOutcome.Moved(v, after, checkOut, checkOut, Optional.empty(), DrmMessageId.MOVED.with("Volume " + n
        + " moved from " + v.state() + " to " + target + ", location " + location + "."));
  }

  private static MoveOutcome refused(DrmMessageId id, String text) {
    return new MoveOutcome.Refused(id.with(text));
  }

  @Test
  void everyStateTimesEveryRequestTimesEveryKindAndSourceGivesTheTableResultOrItsExactError() {
    List<String> mismatches = new ArrayList<>();
    int cases = 0;
    int moved = 0;
    Optional<Source>[] sources = sourceOptions();
    for (int wi = 0; wi < OPTIONS.length; wi++) {
      for (int ti = 0; ti < OPTIONS.length; ti++) {
        for (DrmState state : DrmState.values()) {
          for (Kind kind : Kind.values()) {
            for (Optional<Source> sourceGiven : sources) {
              for (boolean activeConfigured : new boolean[] {false, true}) {
                for (Optional<String> toLocation : List.of(Optional.<String>empty(), Optional.of("SHELF 7"))) {
                  DrmVolume v = DrmFixtures.volume("VOL" + kind.ordinal() + state.ordinal(), kind(kind), state);
                  Source source = sourceGiven.orElse(Source.DBBACKUP);
                  MoveDrMedia request = MoveDrMedia.of("*").withWhereState(Optional.ofNullable(OPTIONS[wi]))
                      .withToState(Optional.ofNullable(OPTIONS[ti])).withSource(source).withToLocation(toLocation);
                  DrmSettings settings = activeConfigured ? NAMED.withActiveDataPools(List.of("ACTIVE_*")) : NAMED;
                  MoveOutcome actual = request.apply(v, settings, NOW);
                  MoveOutcome want = expected(wi, ti, v, source, activeConfigured, toLocation);
                  cases++;
                  if (actual instanceof MoveOutcome.Moved) {
                    moved++;
                  }
                  if (!actual.equals(want)) {
                    mismatches.add(String.format("WHERESTATE=%s TOSTATE=%s state=%s kind=%s source=%s ad=%s"
                        + " toloc=%s%n  want %s%n  got  %s", OPTIONS[wi], OPTIONS[ti], state, kind, sourceGiven,
                        activeConfigured, toLocation, want, actual));
                  }
                }
              }
            }
          }
        }
      }
    }
    assertThat(mismatches).as("%d mismatches, first: %s", mismatches.size(),
        mismatches.isEmpty() ? "" : mismatches.get(0)).isEmpty();
    assertThat(cases).isEqualTo(8 * 8 * 7 * 7 * 4 * 2 * 2);
    assertThat(moved).isPositive();
  }

  @SuppressWarnings("unchecked")
  private static Optional<Source>[] sourceOptions() {
    List<Optional<Source>> out = new ArrayList<>();
    out.add(Optional.empty());
    for (Source s : Source.values()) {
      out.add(Optional.of(s));
    }
    return out.toArray(new Optional[0]);
  }

  @Test
  void theParserRefusesEveryImpossibleWhereStateToStatePairWithTheSameMessageAndAcceptsTheOthers()
      throws DrmSyntaxException {
    DrmCommandParser parser = new DrmCommandParser(DrmFixtures.ZONE);
    for (int wi = 0; wi < OPTIONS.length; wi++) {
      for (int ti = 0; ti < OPTIONS.length; ti++) {
        String line = "move drmedia *" + (OPTIONS[wi] == null ? "" : " wherestate=" + OPTIONS[wi].name().toLowerCase())
            + (OPTIONS[ti] == null ? "" : " tostate=" + OPTIONS[ti]);
        MoveDrMedia direct = MoveDrMedia.of("*").withWhereState(Optional.ofNullable(OPTIONS[wi]))
            .withToState(Optional.ofNullable(OPTIONS[ti]));
        String cell = TABLE[wi][ti];
        if (cell.startsWith("04")) {
          assertThatThrownBy(() -> parser.parse(line)).as(line).isInstanceOfSatisfying(DrmSyntaxException.class,
              e -> {
                assertThat(e.drmMessage()).isEqualTo(direct.requestError().orElseThrow());
                assertThat(e.drmMessage().id().id()).isEqualTo("VLN" + cell + "E");
                assertThat(e.usage()).isEqualTo(MoveDrMedia.USAGE);
              });
        } else {
          assertThat(parser.parse(line)).as(line).isEqualTo(direct);
          assertThat(direct.effectiveToState()).contains(SHORT.get(cell));
        }
      }
    }
  }

  @Test
  void defaultsAreMountableToTheNextStateRemoveYesSourceDbbackupWaitNo() throws DrmSyntaxException {
    MoveDrMedia m = (MoveDrMedia) new DrmCommandParser(DrmFixtures.ZONE).parse("MOVE DRMEDIA *");
    assertThat(m.effectiveWhereState()).isEqualTo(DrmState.MOUNTABLE);
    assertThat(m.effectiveToState()).contains(DrmState.NOTMOUNTABLE);
    assertThat(m.remove()).isEqualTo(RemoveMode.YES);
    assertThat(m.source()).isEqualTo(Source.DBBACKUP);
    assertThat(m.waitForCompletion()).isFalse();
    assertThat(m).isEqualTo(MoveDrMedia.of("*"));
  }

  @Test
  void theLegalMovesAreExactlyThoseOfReferenceSectionThree() {
    Map<DrmState, List<DrmState>> legal = new EnumMap<>(DrmState.class);
    for (DrmState s : DrmState.values()) {
      legal.put(s, new ArrayList<>(s.destinations()));
    }
    assertThat(legal).containsExactlyInAnyOrderEntriesOf(Map.of(
        DrmState.MOUNTABLE, List.of(DrmState.NOTMOUNTABLE, DrmState.COURIER, DrmState.VAULT),
        DrmState.NOTMOUNTABLE, List.of(DrmState.COURIER, DrmState.VAULT),
        DrmState.COURIER, List.of(DrmState.VAULT),
        DrmState.VAULT, List.of(),
        DrmState.VAULTRETRIEVE, List.of(DrmState.COURIERRETRIEVE, DrmState.ONSITERETRIEVE),
        DrmState.COURIERRETRIEVE, List.of(DrmState.ONSITERETRIEVE),
        DrmState.ONSITERETRIEVE, List.of()));
    assertThat(Arrays.stream(DrmState.values()).filter(s -> s.destinations().contains(DrmState.VAULTRETRIEVE)))
        .as("nothing moves into VAULTRETRIEVE by hand").isEmpty();
  }

  @Test
  void aMountableVolumeNotInALibraryChangesStateWithoutCheckOut() {
    DrmVolume v = DrmFixtures.volume("A00001L6", DrmFixtures.copy("COPY"), DrmState.MOUNTABLE)
        .withLibrary(Optional.empty());
    MoveOutcome o = MoveDrMedia.of("*").withToState(Optional.of(DrmState.VAULT))
        .apply(v, DrmSettings.defaults(), NOW);
    assertThat(o).isInstanceOfSatisfying(MoveOutcome.Moved.class, m -> {
      assertThat(m.checkOut()).isFalse();
      assertThat(m.checkLabel()).isFalse();
      assertThat(m.after().state()).isEqualTo(DrmState.VAULT);
      assertThat(m.after().location()).contains("VAULT");
    });
  }

  @Test
  void checkLabelFollowsSetDrmCheckLabelForVolumesLeavingTheLibrary() {
    DrmVolume v = DrmFixtures.volume("A00001L6", DrmFixtures.copy("COPY"), DrmState.MOUNTABLE);
    MoveOutcome o = MoveDrMedia.of("A00001L6").withToState(Optional.of(DrmState.COURIER))
        .apply(v, DrmSettings.defaults().withCheckLabel(false), NOW);
    assertThat(o).isInstanceOfSatisfying(MoveOutcome.Moved.class, m -> {
      assertThat(m.checkOut()).isTrue();
      assertThat(m.checkLabel()).isFalse();
      assertThat(m.after().library()).isEmpty();
      assertThat(m.from()).isEqualTo(DrmState.MOUNTABLE);
      assertThat(m.to()).isEqualTo(DrmState.COURIER);
    });
  }
}
