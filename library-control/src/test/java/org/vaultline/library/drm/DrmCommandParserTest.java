package org.vaultline.library.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vaultline.library.command.Keyword;
import org.vaultline.library.command.TsmDate;
import org.vaultline.library.command.TsmTime;

class DrmCommandParserTest {
  private final DrmCommandParser parser = new DrmCommandParser(DrmFixtures.ZONE);

  private DrmCommand parse(String line) throws DrmSyntaxException {
    return parser.parse(line);
  }

  private void fails(String line, DrmMessageId id, String text) {
    assertThatThrownBy(() -> parser.parse(line)).as(line).isInstanceOfSatisfying(DrmSyntaxException.class, e -> {
      assertThat(e.drmMessage().id()).isEqualTo(id);
      assertThat(e.drmMessage().text()).isEqualTo(text);
    });
  }

  // ---- MOVE DRMEDIA ----

  @Test
  void theSevenOClockCommandParsesWithEveryParameter() throws DrmSyntaxException {
    DrmCommand c = parse("MOVE DRMEDIA * WHERESTATE=MOUNTABLE TOSTATE=VAULT REMOVE=BULK SOURCE=DBSNAPSHOT"
        + " COPYSTGPOOL=OFFSITE_COPY,LTO* ACTIVEDATASTGPOOL=ADP WHERELOCATION=SHELF TOLOCATION=\"Iron Mountain, Bay 4\""
        + " BEGINDATE=TODAY-7 ENDDATE=03/31/2024 BEGINTIME=NOW-02:00 ENDTIME=23:00 CMD=\"checkout libvol lib1 &VOL\""
        + " CMDFILENAME=/var/tmp/drm.mac APPEND=YES WAIT=YES");
    assertThat(c).isEqualTo(new MoveDrMedia(NamePattern.ALL, Optional.of(DrmState.MOUNTABLE),
        Optional.of(DrmState.VAULT), RemoveMode.BULK, Source.DBSNAPSHOT,
        Optional.of(List.of("OFFSITE_COPY", "LTO*")), Optional.of(List.of("ADP")), Optional.of("SHELF"),
        Optional.of("Iron Mountain, Bay 4"),
        new DateTimeWindow(Optional.of(new TsmDate.Today(-7)),
            Optional.of(new TsmDate.Absolute(LocalDate.of(2024, 3, 31))),
            Optional.of(new TsmTime.Now(Duration.ofHours(-2))),
            TsmTime.parse("23:00")),
        Optional.of(new CmdOutput(new CmdTemplate("checkout libvol lib1 &VOL"), Optional.of("/var/tmp/drm.mac"),
            true)), true));
  }

  @Test
  void keywordsAndValuesTakeTsmMinimumAbbreviationsInAnyCase() throws DrmSyntaxException {
    MoveDrMedia full = (MoveDrMedia) parse("MOVE DRMEDIA A* WHERESTATE=VAULTRETRIEVE TOSTATE=ONSITERETRIEVE"
        + " REMOVE=UNTILEEFULL SOURCE=DBNONE WAIT=YES");
    assertThat(parse("mov drm a* wherest=vaultr tost=onsiter rem=untileef s=dbno w=y")).isEqualTo(full);
    assertThat(parse("MoVe DrMeDiA a* WhErEsTaTe=VaUlTrEtRiEvE tOsTaTe=OnSiTeReTrIeVe ReMoVe=UnTiLeEfUlL"
        + " SoUrCe=DbNoNe WaIt=YeS")).isEqualTo(full);
    assertThat(((MoveDrMedia) parse("move drmedia x wherest=mo tost=va")).effectiveToState())
        .contains(DrmState.VAULT);
    assertThat(((MoveDrMedia) parse("move drmedia x wherest=notmo tost=cou")).effectiveToState())
        .contains(DrmState.COURIER);
    assertThat(((MoveDrMedia) parse("move drmedia x wherest=courierr")).effectiveWhereState())
        .isEqualTo(DrmState.COURIERRETRIEVE);
    assertThat(((MoveDrMedia) parse("move drmedia x rem=b")).remove()).isEqualTo(RemoveMode.BULK);
    assertThat(((MoveDrMedia) parse("move drmedia x rem=n")).remove()).isEqualTo(RemoveMode.NO);
    assertThat(((MoveDrMedia) parse("move drmedia x s=dbs")).source()).isEqualTo(Source.DBSNAPSHOT);
    assertThat(((MoveDrMedia) parse("move drmedia x s=dbb")).source()).isEqualTo(Source.DBBACKUP);
  }

  @Test
  void valuesShorterThanTheMinimumAreNotAccepted() {
    fails("move drmedia x tostate=onsite", DrmMessageId.INVALID_VALUE, "MOVE DRMEDIA: TOSTATE=onsite is not valid;"
        + " use MOUNTABLE, NOTMOUNTABLE, COURIER, VAULT, VAULTRETRIEVE, COURIERRETRIEVE or ONSITERETRIEVE.");
    fails("move drmedia x wherest=v", DrmMessageId.INVALID_VALUE, "MOVE DRMEDIA: WHERESTATE=v is not valid;"
        + " use MOUNTABLE, NOTMOUNTABLE, COURIER, VAULT, VAULTRETRIEVE, COURIERRETRIEVE or ONSITERETRIEVE.");
    fails("move drmedia x remove=until", DrmMessageId.INVALID_VALUE,
        "MOVE DRMEDIA: REMOVE=until is not valid; use YES, NO, BULK or UNTILEEFULL.");
    fails("move drmedia x source=db", DrmMessageId.INVALID_VALUE,
        "MOVE DRMEDIA: SOURCE=db is not valid; use DBBACKUP, DBSNAPSHOT or DBNONE.");
    fails("move drmedia x wheres=vault", DrmMessageId.UNKNOWN_PARAMETER, "MOVE DRMEDIA: unknown parameter WHERES=.");
    fails("mo drmedia x", DrmMessageId.UNKNOWN_COMMAND, "Unknown command \"mo drmedia x\"; the DRM commands are"
        + " MOVE DRMEDIA, QUERY DRMEDIA, QUERY DRMSTATUS, SET DRM..., DEFINE DRMVOLUME, UPDATE DRMVOLUME,"
        + " DELETE DRMVOLUME.");
  }

  @Test
  void noTwoKeywordsOfACommandAcceptTheSameAbbreviation() {
    List<List<Keyword>> sets = List.of(DrmCommandParser.MOVE_PARAMETERS, DrmCommandParser.QUERY_PARAMETERS,
        DrmCommandParser.DEFINE_PARAMETERS, DrmCommandParser.UPDATE_PARAMETERS, DrmCommandParser.SETTINGS);
    for (List<Keyword> set : sets) {
      for (Keyword k : set) {
        for (int n = 1; n <= k.word().length(); n++) {
          String typed = k.word().substring(0, n);
          List<Keyword> matching = new ArrayList<>();
          for (Keyword other : set) {
            if (other.matches(typed)) {
              matching.add(other);
            }
          }
          assertThat(matching).as(typed).hasSizeLessThanOrEqualTo(1);
        }
      }
    }
    List<Keyword> states = new ArrayList<>();
    for (DrmState s : DrmState.values()) {
      states.add(s.keyword());
    }
    for (Keyword k : states) {
      for (int n = 1; n <= k.word().length(); n++) {
        String typed = k.word().substring(0, n);
        assertThat(states.stream().filter(s -> s.matches(typed)).count()).as(typed).isLessThanOrEqualTo(1);
      }
    }
    assertThat(DrmCommandParser.WHERESTATE.diagram()).isEqualTo("WHERESTate");
  }

  @Test
  void unquotedNamesAreUpperCasedAndQuotedOnesKeptWithTheirBlanks() throws DrmSyntaxException {
    MoveDrMedia m = (MoveDrMedia) parse("move drmedia a0001* tolocation='Room 12, \"Annex\"' wherelocation=shelf");
    assertThat(m.volume().pattern()).isEqualTo("A0001*");
    assertThat(m.toLocation()).contains("Room 12, \"Annex\"");
    assertThat(m.whereLocation()).contains("SHELF");
    MoveDrMedia doubled = (MoveDrMedia) parse("move drmedia \"a b\" tolocation=\"Joe's \"\"Fast\"\" Couriers\"");
    assertThat(doubled.volume().pattern()).isEqualTo("a b");
    assertThat(doubled.toLocation()).contains("Joe's \"Fast\" Couriers");
    MoveDrMedia spaced = (MoveDrMedia) parse("move drmedia x tostate = vault   wait =  yes");
    assertThat(spaced.toState()).contains(DrmState.VAULT);
    assertThat(spaced.waitForCompletion()).isTrue();
  }

  @Test
  void badMoveDrMediaInputGetsItsOwnMessageAndTheCorrectForm() {
    fails("move drmedia", DrmMessageId.MISSING_PARAMETER,
        "MOVE DRMEDIA: the volume name is missing (use * for all volumes).");
    fails("move drmedia a b", DrmMessageId.EXTRA_POSITIONAL,
        "MOVE DRMEDIA: unexpected b at column 16; only one volume name is allowed (use * and ? to name several).");
    fails("move drmedia a tostate=vault tost=courier", DrmMessageId.DUPLICATE_PARAMETER,
        "MOVE DRMEDIA: TOSTATE is given twice.");
    fails("move drmedia a tostate=", DrmMessageId.EMPTY_VALUE, "MOVE DRMEDIA: TOSTATE= needs a value.");
    fails("move drmedia a tolocation=\"abc", DrmMessageId.UNTERMINATED_QUOTE,
        "The quote at column 27 is not closed; end a quoted value with the same quote, and double it to include it.");
    fails("move drmedia a begindate=02/30/2024", DrmMessageId.INVALID_DATE, "MOVE DRMEDIA: BEGINDATE=02/30/2024"
        + " is not a date; use MM/DD/YYYY, TODAY, TODAY-n or TODAY+n.");
    fails("move drmedia a endtime=25:00", DrmMessageId.INVALID_TIME, "MOVE DRMEDIA: ENDTIME=25:00 is not a time;"
        + " use HH:MM:SS, HH:MM, NOW, NOW-HH:MM or NOW+HH:MM.");
    fails("move drmedia a cmdfilename=/tmp/x", DrmMessageId.PARAMETER_REQUIRES,
        "MOVE DRMEDIA: CMDFILENAME requires CMD=\"command\".");
    fails("move drmedia a append=yes", DrmMessageId.PARAMETER_REQUIRES,
        "MOVE DRMEDIA: APPEND requires CMD=\"command\".");
    fails("move drmedia a cmd=\"" + "x".repeat(256) + "\"", DrmMessageId.VALUE_TOO_LONG,
        "MOVE DRMEDIA: CMD is longer than 255 characters.");
    fails("move drmedia a tolocation=" + "L".repeat(256), DrmMessageId.VALUE_TOO_LONG,
        "MOVE DRMEDIA: TOLOCATION is longer than 255 characters.");
    fails("move drmedia a copystgpool=A,,B", DrmMessageId.INVALID_VALUE,
        "MOVE DRMEDIA: COPYSTGPOOL \"A,,B\" has an empty name; separate pool names with single commas.");
    fails("move drmedia a wait=maybe", DrmMessageId.INVALID_VALUE, "MOVE DRMEDIA: WAIT=maybe is not valid;"
        + " use YES or NO.");
    fails("move drmedia a wherestate=courierr tostate=onsiter tolocation=here", DrmMessageId.TOLOCATION_ONSITE,
        "MOVE DRMEDIA: TOLOCATION cannot be used with TOSTATE=ONSITERETRIEVE; the volume leaves DRM and keeps no"
            + " location.");
    fails("move drmedia a begindate=03/14/2024 enddate=03/13/2024", DrmMessageId.EMPTY_WINDOW,
        "MOVE DRMEDIA: the date/time window 03/14/2024 00:00:00 .. 03/13/2024 23:59:59 is empty; the beginning must"
            + " not be after the end.");
    assertThatThrownBy(() -> parser.parse("move drmedia")).isInstanceOfSatisfying(DrmSyntaxException.class, e -> {
      assertThat(e.usage()).isEqualTo(MoveDrMedia.USAGE);
      assertThat(e.getMessage()).isEqualTo("VLN0401E MOVE DRMEDIA: the volume name is missing (use * for all"
          + " volumes). Syntax: " + MoveDrMedia.USAGE);
    });
  }

  // ---- QUERY DRMEDIA, QUERY DRMSTATUS ----

  @Test
  void queryDrmediaDefaultsToEveryVolumeInEveryStateStandardFormat() throws DrmSyntaxException {
    assertThat(parse("q drm")).isEqualTo(QueryDrMedia.all());
    assertThat(parse("query drmedia * wherestate=all")).isEqualTo(QueryDrMedia.all());
    QueryDrMedia q = (QueryDrMedia) parse("q drmedia A* wherest=va f=d s=dbs copy=OFF* wherelo=vault");
    assertThat(q.whereState()).contains(DrmState.VAULT);
    assertThat(q.format()).isEqualTo(QueryDrMedia.Format.DETAILED);
    assertThat(q.source()).isEqualTo(Source.DBSNAPSHOT);
    assertThat(q.copyPools()).contains(List.of("OFF*"));
    assertThat(q.whereLocation()).contains("VAULT");
  }

  @Test
  void queryDrmediaFormatCmdNeedsCmdAndCmdNeedsFormatCmd() throws DrmSyntaxException {
    QueryDrMedia q = (QueryDrMedia) parse("q drmedia * format=cmd cmd=\"checkin libv lib1 &vol\" cmdf=/tmp/in.mac");
    assertThat(q.cmd()).contains(new CmdOutput(new CmdTemplate("checkin libv lib1 &vol"), Optional.of("/tmp/in.mac"),
        false));
    fails("q drmedia * format=cmd", DrmMessageId.PARAMETER_REQUIRES,
        "QUERY DRMEDIA: FORMAT=CMD requires CMD=\"command\".");
    fails("q drmedia * cmd=x", DrmMessageId.PARAMETER_REQUIRES, "QUERY DRMEDIA: CMD is used only with FORMAT=CMD.");
    fails("q drmedia * wherestate=onsiteretrieve", DrmMessageId.INVALID_VALUE, "QUERY DRMEDIA:"
        + " WHERESTATE=onsiteretrieve is not valid; use ALL, MOUNTABLE, NOTMOUNTABLE, COURIER, VAULT, VAULTRETRIEVE"
        + " or COURIERRETRIEVE.");
    fails("q drmedia * tostate=vault", DrmMessageId.UNKNOWN_PARAMETER, "QUERY DRMEDIA: unknown parameter TOSTATE=.");
    fails("q drmedia a b", DrmMessageId.EXTRA_POSITIONAL,
        "QUERY DRMEDIA: unexpected b at column 13; only one volume name is allowed (use * and ? to name several).");
  }

  @Test
  void queryDrmstatusTakesNoParameters() throws DrmSyntaxException {
    assertThat(parse("q drmst")).isEqualTo(new QueryDrmStatus());
    assertThat(parse("QUERY DRMSTATUS")).isEqualTo(new QueryDrmStatus());
    fails("q drmstatus x", DrmMessageId.EXTRA_POSITIONAL,
        "QUERY DRMSTATUS: unexpected x at column 13; this command takes no positional parameter.");
    fails("q drmstatus f=d", DrmMessageId.UNKNOWN_PARAMETER,
        "QUERY DRMSTATUS: takes no KEY=VALUE parameter; F= is not valid.");
  }

  // ---- SET DRM... ----

  @Test
  void everySetCommandParsesWithItsAbbreviationAndChangesOneSetting() throws DrmSyntaxException {
    DrmSettings s = DrmSettings.defaults();
    s = apply(s, "set drmcou \"Joe's Courier Service\"");
    s = apply(s, "set drmva ironmountain");
    s = apply(s, "set drmnotmo \"room 123/31\"");
    s = apply(s, "set drmdbb 30");
    s = apply(s, "set drmcheckl no");
    s = apply(s, "set drmfilep yes");
    s = apply(s, "set drmcmdf /tsm/drm/exec.cmds");
    s = apply(s, "set drmplanp /tsm/recplans/");
    s = apply(s, "set drminstrp /tsm/recinstr/");
    s = apply(s, "set drmprim prim1,prim2");
    s = apply(s, "set drmcopy copy*");
    s = apply(s, "set drmactived activepool");
    s = apply(s, "set drmrpfex 90");
    s = apply(s, "set drmauto off");
    assertThat(s).isEqualTo(new DrmSettings("Joe's Courier Service", "IRONMOUNTAIN", "room 123/31", 30, false, true,
        Optional.of("/tsm/drm/exec.cmds"), Optional.of("/tsm/recplans/"), Optional.of("/tsm/recinstr/"),
        List.of("PRIM1", "PRIM2"), List.of("COPY*"), List.of("ACTIVEPOOL"), 90, false));
    s = apply(s, "SET DRMCMDFILENAME \"\"");
    s = apply(s, "SET DRMCOPYSTGPOOL \"\"");
    s = apply(s, "SET DRMPLANPREFIX ''");
    s = apply(s, "SET DRMCHECKLABEL");
    s = apply(s, "SET DRMFILEPROCESS");
    s = apply(s, "SET DRMAUTOCHECKIN ON");
    assertThat(s.cmdFileName()).isEmpty();
    assertThat(s.copyPools()).isEmpty();
    assertThat(s.planPrefix()).isEmpty();
    assertThat(s.checkLabel()).as("SET DRMCHECKLABEL alone is YES").isTrue();
    assertThat(s.fileProcess()).as("SET DRMFILEPROCESS alone is NO").isFalse();
    assertThat(s.autoCheckin()).isTrue();
  }

  private DrmSettings apply(DrmSettings s, String line) throws DrmSyntaxException {
    return ((SetDrm) parse(line)).apply(s);
  }

  @Test
  void tsmInstallationDefaultsAreTheDefaults() {
    DrmSettings d = DrmSettings.defaults();
    assertThat(d.courierName()).isEqualTo("COURIER");
    assertThat(d.vaultName()).isEqualTo("VAULT");
    assertThat(d.notMountableName()).isEqualTo("NOTMOUNTABLE");
    assertThat(d.dbBackupExpireDays()).isEqualTo(60);
    assertThat(d.rpfExpireDays()).isEqualTo(60);
    assertThat(d.checkLabel()).isTrue();
    assertThat(d.fileProcess()).isFalse();
    assertThat(d.copyPools()).as("every copy pool").isEmpty();
    assertThat(d.activeDataPools()).as("no active-data pool").isEmpty();
    assertThat(d.autoCheckin()).isTrue();
  }

  @Test
  void badSetInputIsRefusedWithRangeAndForm() {
    fails("set drmdbbackupexpiredays 10000", DrmMessageId.OUT_OF_RANGE, "SET DRMDBBACKUPEXPIREDAYS:"
        + " The number of days 10000 is out of range; use a whole number from 0 to 9999.");
    fails("set drmrpfexpiredays -1", DrmMessageId.INVALID_VALUE,
        "SET DRMRPFEXPIREDAYS: The number of days -1 is not a whole number.");
    fails("set drmdbbackupexpiredays", DrmMessageId.MISSING_PARAMETER,
        "SET DRMDBBACKUPEXPIREDAYS: a value is required.");
    fails("set drmcouriername a b", DrmMessageId.EXTRA_POSITIONAL,
        "SET DRMCOURIERNAME: unexpected b at column 22; only one value is allowed here.");
    fails("set drmcouriername \"\"", DrmMessageId.EMPTY_VALUE, "SET DRMCOURIERNAME: The courier name needs a value.");
    fails("set drmvaultname " + "V".repeat(256), DrmMessageId.VALUE_TOO_LONG,
        "SET DRMVAULTNAME: The vault name is longer than 255 characters.");
    fails("set drmplanprefix \"" + "p".repeat(251) + "\"", DrmMessageId.VALUE_TOO_LONG,
        "SET DRMPLANPREFIX: The prefix is longer than 250 characters.");
    fails("set drmchecklabel maybe", DrmMessageId.INVALID_VALUE,
        "SET DRMCHECKLABEL: maybe is not valid; use YES or NO.");
    fails("set drmautocheckin yes", DrmMessageId.INVALID_VALUE,
        "SET DRMAUTOCHECKIN: yes is not valid; use ON or OFF.");
    fails("set drmcopystgpool a,,b", DrmMessageId.INVALID_VALUE,
        "SET DRMCOPYSTGPOOL: The pool list \"a,,b\" has an empty name; separate pool names with single commas.");
    fails("set drmdbb days=3", DrmMessageId.UNKNOWN_PARAMETER,
        "SET DRMDBBACKUPEXPIREDAYS: takes no KEY=VALUE parameter; DAYS= is not valid.");
    fails("set drmc x", DrmMessageId.UNKNOWN_COMMAND, "Unknown command \"set drmc x\"; the DRM commands are MOVE"
        + " DRMEDIA, QUERY DRMEDIA, QUERY DRMSTATUS, SET DRM..., DEFINE DRMVOLUME, UPDATE DRMVOLUME, DELETE"
        + " DRMVOLUME.");
    assertThatThrownBy(() -> parser.parse("set drmdbb 10000")).isInstanceOfSatisfying(DrmSyntaxException.class,
        e -> assertThat(e.usage()).isEqualTo("SET DRMDBBACKUPEXPIREDAYS days (0-9999)"));
  }

  @Test
  void setBoundaryValuesAreAccepted() throws DrmSyntaxException {
    assertThat(parse("set drmdbb 0")).isEqualTo(new SetDrm.DbBackupExpireDays(0));
    assertThat(parse("set drmdbb 9999")).isEqualTo(new SetDrm.DbBackupExpireDays(9999));
    assertThat(parse("set drmrpfex 0")).isEqualTo(new SetDrm.RpfExpireDays(0));
    assertThat(parse("set drmvaultname " + "V".repeat(255))).isEqualTo(new SetDrm.VaultName("V".repeat(255)));
  }

  // ---- registration commands ----

  @Test
  void defineDrmvolumeParsesEachKindWithDefaults() throws DrmSyntaxException {
    DefineDrmVolume db = (DefineDrmVolume) parse("define drmvolume db0101l6 type=backupfull series=101 date=03/13/2024"
        + " time=22:15 devclass=lto6 state=vault location=\"Iron Mountain\"");
    assertThat(db).isEqualTo(new DefineDrmVolume("DB0101L6", DrmFixtures.fullBackup(101), DrmState.VAULT,
        Optional.of("Iron Mountain"), Optional.empty(), Optional.empty(), Device.tape("LTO6")));
    DefineDrmVolume incr = (DefineDrmVolume) parse("def drmvol DB0102L6 t=backupi ser=101 date=03/13/2024 time=22:15");
    assertThat(incr.kind()).isEqualTo(DrmFixtures.incrementalBackup(101));
    assertThat(incr.state()).isEqualTo(DrmState.MOUNTABLE);
    DefineDrmVolume copy = (DefineDrmVolume) parse("def drmvol C00001L6 type=copy pool=offsite_copy status=full"
        + " library=lib1");
    assertThat(copy.kind()).isEqualTo(DrmFixtures.copy("OFFSITE_COPY"));
    assertThat(copy.library()).contains("LIB1");
    DefineDrmVolume filling = (DefineDrmVolume) parse("def drmvol C2 type=actived pool=adp");
    assertThat(filling.kind()).isEqualTo(new DrmVolumeKind.ActiveDataPoolVolume("ADP", PoolVolumeStatus.FILLING));
    DefineDrmVolume file = (DefineDrmVolume) parse("def drmvol /tsm/dbb/1.dbv type=dbs series=4 seq=2 date=03/13/2024"
        + " devt=file devc=dbbfile updd=03/14/2024 updt=06:00");
    assertThat(file.device()).isEqualTo(Device.file("DBBFILE"));
    assertThat(file.kind()).isEqualTo(new DrmVolumeKind.DatabaseSnapshot(4, 2, DrmFixtures.at(2024, 3, 13, 0, 0, 0)));
    assertThat(file.lastUpdate()).contains(DrmFixtures.at(2024, 3, 14, 6, 0, 0));
    assertThat(parse("def drmvol S1 type=scr")).isEqualTo(new DefineDrmVolume("S1", new DrmVolumeKind.ScratchVolume(),
        DrmState.MOUNTABLE, Optional.empty(), Optional.empty(), Optional.empty(), Device.unknownTape()));
  }

  /**
   * Administrators and scripts register volumes with TSM's relative dates; they were refused (VLN0407E "give the
   * calendar date"). They are resolved against the server's clock in its zone when the command is parsed, and the
   * volume keeps the calendar date.
   */
  @Test
  void defineDrmvolumeResolvesTodayAndNowAgainstTheServersClock() throws DrmSyntaxException {
    // 03/14/2024 00:30 in Berlin is still 03/13/2024 in UTC: the server's zone decides what TODAY is
    java.time.Clock clock = java.time.Clock.fixed(DrmFixtures.at(2024, 3, 14, 0, 30, 0), java.time.ZoneOffset.UTC);
    DrmCommandParser p = new DrmCommandParser(DrmFixtures.ZONE, clock);
    DefineDrmVolume today = (DefineDrmVolume) p.parse("def drmvol DB1 type=backupfull series=7 date=today");
    assertThat(((DrmVolumeKind.DatabaseBackup) today.kind()).backupDate())
        .isEqualTo(DrmFixtures.at(2024, 3, 14, 0, 0, 0));
    DefineDrmVolume yesterday = (DefineDrmVolume) p.parse("def drmvol DB1 type=backupf series=7 date=today-1"
        + " time=22:15");
    assertThat(yesterday.kind()).isEqualTo(DrmFixtures.fullBackup(7));
    DefineDrmVolume shortForm = (DefineDrmVolume) p.parse("def drmvol S1 type=dbs series=3 date=-2 time=now-01:00");
    assertThat(shortForm.kind()).isEqualTo(new DrmVolumeKind.DatabaseSnapshot(3, 1,
        DrmFixtures.at(2024, 3, 11, 23, 30, 0)));
    DefineDrmVolume updated = (DefineDrmVolume) p.parse("def drmvol C1 type=copy pool=offsite updd=today-7"
        + " updt=now");
    assertThat(updated.lastUpdate()).contains(DrmFixtures.at(2024, 3, 7, 0, 30, 0));
    // what is kept is the calendar date, not TODAY: the canonical command says 03/13/2024
    assertThat(yesterday.commandText(DrmFixtures.ZONE)).contains("DATE=03/13/2024 TIME=22:15:00")
        .doesNotContain("TODAY");
  }

  @Test
  void badDefineDrmvolumeInputIsRefused() {
    fails("def drmvol X", DrmMessageId.MISSING_PARAMETER, "DEFINE DRMVOLUME: TYPE= is required.");
    fails("def drmvol X type=tape", DrmMessageId.INVALID_VALUE, "DEFINE DRMVOLUME: TYPE=tape is not valid; use"
        + " BACKUPFULL, BACKUPINCR, DBSNAPSHOT, COPYSTGPOOL, ACTIVEDATASTGPOOL, SCRATCH or PRIVATE.");
    fails("def drmvol X type=backupfull date=03/13/2024", DrmMessageId.MISSING_PARAMETER,
        "DEFINE DRMVOLUME: SERIES= is required.");
    fails("def drmvol X type=backupfull series=1", DrmMessageId.MISSING_PARAMETER,
        "DEFINE DRMVOLUME: DATE= is required (MM/DD/YYYY or TODAY-n).");
    fails("def drmvol X type=backupfull series=1 date=yesterday", DrmMessageId.INVALID_DATE,
        "DEFINE DRMVOLUME: DATE=yesterday is not a date; use MM/DD/YYYY, TODAY, TODAY-n or TODAY+n.");
    fails("def drmvol X type=copy pool=p updtime=now", DrmMessageId.PARAMETER_REQUIRES,
        "DEFINE DRMVOLUME: UPDTIME= requires UPDDATE=.");
    fails("def drmvol X type=copy", DrmMessageId.MISSING_PARAMETER, "DEFINE DRMVOLUME: POOL= is required.");
    fails("def drmvol X type=copy pool=p series=3", DrmMessageId.PARAMETER_REQUIRES,
        "DEFINE DRMVOLUME: SERIES= applies to TYPE=BACKUPFULL, BACKUPINCR or DBSNAPSHOT.");
    fails("def drmvol X type=backupfull series=1 date=03/13/2024 pool=p", DrmMessageId.PARAMETER_REQUIRES,
        "DEFINE DRMVOLUME: POOL= applies to TYPE=COPYSTGPOOL or ACTIVEDATASTGPOOL.");
    fails("def drmvol X type=copy pool=p state=onsiteretrieve", DrmMessageId.INVALID_VALUE,
        "DEFINE DRMVOLUME: STATE=ONSITERETRIEVE is not valid; such a volume has left DRM.");
    fails("def drmvol X type=copy pool=p state=vault library=lib1", DrmMessageId.PARAMETER_REQUIRES,
        "DEFINE DRMVOLUME: LIBRARY= applies to MOUNTABLE volumes only; a VAULT volume is not in a library.");
    fails("def drmvol X type=copy pool=p updtime=06:00", DrmMessageId.PARAMETER_REQUIRES,
        "DEFINE DRMVOLUME: UPDTIME= requires UPDDATE=.");
    fails("def drmvol X type=copy pool=" + "P".repeat(31), DrmMessageId.VALUE_TOO_LONG,
        "DEFINE DRMVOLUME: POOL is longer than 30 characters.");
    fails("upd drmvol X", DrmMessageId.MISSING_PARAMETER,
        "UPDATE DRMVOLUME: nothing to update; give STATUS= or LOCATION=.");
    fails("upd drmvol X status=gone", DrmMessageId.INVALID_VALUE,
        "UPDATE DRMVOLUME: STATUS=gone is not valid; use FILLING, FULL, PENDING or EMPTY.");
    fails("del drmvol", DrmMessageId.MISSING_PARAMETER,
        "DELETE DRMVOLUME: the volume name is missing (use * for all volumes).");
  }

  @Test
  void updateAndDeleteDrmvolumeParse() throws DrmSyntaxException {
    assertThat(parse("upd drmvol c00001l6 status=emp")).isEqualTo(new UpdateDrmVolume("C00001L6",
        Optional.of(PoolVolumeStatus.EMPTY), Optional.empty()));
    assertThat(parse("upd drmvol c00001l6 lo=\"\"")).isEqualTo(new UpdateDrmVolume("C00001L6", Optional.empty(),
        Optional.of("")));
    assertThat(parse("delete drmvolume c00001l6")).isEqualTo(new DeleteDrmVolume("C00001L6"));
  }

  // ---- round trip ----

  @Test
  void everyCommandWritesItselfBackInAFormThatParsesToTheSameCommand() throws DrmSyntaxException {
    List<String> lines = List.of(
        "MOVE DRMEDIA * WHERESTATE=MOUNTABLE TOSTATE=VAULT REMOVE=BULK SOURCE=DBSNAPSHOT COPYSTGPOOL=OFFSITE_COPY,LTO*"
            + " ACTIVEDATASTGPOOL=ADP WHERELOCATION=SHELF TOLOCATION=\"Iron Mountain, Bay 4\" BEGINDATE=TODAY-7"
            + " ENDDATE=03/31/2024 BEGINTIME=NOW-02:00 ENDTIME=23:00 CMD=\"checkout libvol lib1 &VOL 'x'\""
            + " CMDFILENAME=/var/tmp/drm.mac APPEND=YES WAIT=YES",
        "move drmedia \"a b\" wherest=vaultr",
        "q drm a* wherest=va f=cmd cmd=\"x &vol\" append=yes s=dbno wherelo=\"Iron Mountain\" begind=-3",
        "q drm", "q drmstatus",
        "set drmcou \"Joe's \"\"Fast\"\" Courier\"", "set drmva vault2", "set drmnotmo \"room 1\"", "set drmdbb 7",
        "set drmcheckl no", "set drmfilep yes", "set drmcmdf \"\"", "set drmcmdf /x/y", "set drmplanp /p/",
        "set drminstrp \"\"", "set drmprim a,b", "set drmcopy \"\"", "set drmactived ad*", "set drmrpfex 1",
        "set drmauto off",
        "def drmvol db1 type=backupi series=3 op=2 seq=4 date=03/13/2024 time=22:15:07 devc=lto devt=file"
            + " prefix=TSM state=courier location=\"Joe's\" updd=03/14/2024 updt=01:02:03",
        "def drmvol c1 type=copy pool=p status=pending library=lib9",
        "def drmvol c1 type=activedatastgpool pool=\"p q\" status=empty state=vaultretrieve",
        "def drmvol c1 type=dbsnapshot series=3 date=03/13/2024", "def drmvol s type=private",
        "upd drmvol c1 status=full location=\"Room 4\"", "del drmvol c1");
    for (String line : lines) {
      DrmCommand c = parse(line);
      String text = c.commandText(DrmFixtures.ZONE);
      assertThat(parse(text)).as(line + "  ->  " + text).isEqualTo(c);
    }
  }
}
