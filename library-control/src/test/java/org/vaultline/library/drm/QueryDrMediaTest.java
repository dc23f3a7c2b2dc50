package org.vaultline.library.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vaultline.library.drm.DrmFixtures.NOW;
import static org.vaultline.library.drm.DrmFixtures.at;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryDrMediaTest {
  private static final List<DrmVolume> VOLUMES = List.of(
      DrmFixtures.volume("C00017L6", DrmFixtures.copy("OFFSITE_COPY"), DrmState.MOUNTABLE)
          .withLastUpdate(at(2024, 3, 13, 23, 40, 2)),
      DrmFixtures.volume("DB0101L6", DrmFixtures.fullBackup(101), DrmState.VAULT)
          .withLocation(Optional.of("Iron Mountain")).withLastUpdate(at(2024, 3, 1, 7, 3, 11)),
      DrmFixtures.volume("A00001L6", DrmFixtures.activeData("ACTIVE_OFF"), DrmState.NOTMOUNTABLE)
          .withLastUpdate(at(2024, 3, 13, 7, 1, 0)),
      DrmFixtures.volume("SN0004L6", DrmFixtures.snapshot(4), DrmState.COURIER)
          .withLastUpdate(at(2024, 3, 14, 6, 59, 59)),
      DrmFixtures.volume("SCR001L6", new DrmVolumeKind.ScratchVolume(), DrmState.MOUNTABLE));

  private static final DrmSettings ACTIVE = DrmSettings.defaults().withActiveDataPools(List.of("ACTIVE_OFF"));

  @Test
  void standardFormatHasTheFourTsmColumnsWithTwoLineHeadersSortedByVolumeName() {
    String out = QueryDrMedia.all().render(VOLUMES, ACTIVE, NOW);
    assertThat(out).isEqualTo(""
        + "Volume Name  State          Last Update          Automated\n"
        + "                            Date/Time            LibName\n"
        + "-----------  -------------  -------------------  ---------\n"
        + "A00001L6     Not mountable  03/13/2024 07:01:00\n"
        + "C00017L6     Mountable      03/13/2024 23:40:02  LIB1\n"
        + "DB0101L6     Vault          03/01/2024 07:03:11\n");
  }

  @Test
  void detailedFormatAddsLocationPoolVolumeTypeAndSeries() {
    QueryDrMedia q = QueryDrMedia.all().withFormat(QueryDrMedia.Format.DETAILED, Optional.empty());
    String out = q.render(VOLUMES.subList(0, 2), ACTIVE, NOW);
    assertThat(out).isEqualTo(""
        + "                  Volume Name: C00017L6\n"
        + "                        State: Mountable\n"
        + "        Last Update Date/Time: 03/13/2024 23:40:02\n"
        + "                     Location:\n"
        + "                  Volume Type: CopyStgPool\n"
        + "       Copy Storage Pool Name: OFFSITE_COPY\n"
        + "Active-Data Storage Pool Name:\n"
        + "       Database Backup Series:\n"
        + "         Database Backup Type:\n"
        + "            Automated LibName: LIB1\n"
        + "\n"
        + "                  Volume Name: DB0101L6\n"
        + "                        State: Vault\n"
        + "        Last Update Date/Time: 03/01/2024 07:03:11\n"
        + "                     Location: Iron Mountain\n"
        + "                  Volume Type: DBBackup\n"
        + "       Copy Storage Pool Name:\n"
        + "Active-Data Storage Pool Name:\n"
        + "       Database Backup Series: 101\n"
        + "         Database Backup Type: Full\n"
        + "            Automated LibName:\n");
  }

  @Test
  void detailedFormatShowsActiveDataPoolsAndSnapshots() {
    QueryDrMedia q = QueryDrMedia.all().withFormat(QueryDrMedia.Format.DETAILED, Optional.empty());
    String ad = q.render(List.of(VOLUMES.get(2)), ACTIVE, NOW);
    assertThat(ad).contains("Active-Data Storage Pool Name: ACTIVE_OFF\n").contains("Volume Type: ActiveDataStgPool\n")
        .contains("Location: NOTMOUNTABLE\n");
    QueryDrMedia snaps = new QueryDrMedia(NamePattern.ALL, Optional.empty(), Source.DBSNAPSHOT, Optional.empty(),
        Optional.empty(), Optional.empty(), DateTimeWindow.ALWAYS, QueryDrMedia.Format.DETAILED, Optional.empty());
    assertThat(snaps.render(VOLUMES, ACTIVE, NOW)).contains("Volume Name: SN0004L6\n")
        .contains("Database Backup Series: 4\n").contains("Database Backup Type: Snapshot\n")
        .doesNotContain("DB0101L6");
  }

  @Test
  void cmdFormatWritesTheCommandForEachSelectedVolume() {
    QueryDrMedia q = QueryDrMedia.all().withWhereState(Optional.of(DrmState.MOUNTABLE))
        .withFormat(QueryDrMedia.Format.CMD, Optional.of(new CmdOutput(
            new CmdTemplate("checkout libvolume lib1 &VOL remove=bulk"), Optional.empty(), false)));
    assertThat(q.render(VOLUMES, ACTIVE, NOW)).isEqualTo("checkout libvolume lib1 C00017L6 remove=bulk\n");
  }

  @Test
  void noMatchGivesVln0439() {
    QueryDrMedia q = QueryDrMedia.all().withWhereState(Optional.of(DrmState.COURIERRETRIEVE));
    assertThat(q.render(VOLUMES, ACTIVE, NOW))
        .isEqualTo("VLN0439E QUERY DRMEDIA: no volume matches these criteria.\n");
  }

  @Test
  void filtersApplyAsForMoveDrmedia() throws DrmSyntaxException {
    DrmCommandParser p = new DrmCommandParser(DrmFixtures.ZONE);
    QueryDrMedia recent = (QueryDrMedia) p.parse("q drmedia * begindate=today-1 begintime=07:00");
    assertThat(recent.select(VOLUMES, ACTIVE, NOW)).extracting(DrmVolume::name).containsExactly("A00001L6",
        "C00017L6");
    QueryDrMedia at = (QueryDrMedia) p.parse("q drmedia * wherelocation=\"iron mountain\"");
    assertThat(at.select(VOLUMES, ACTIVE, NOW)).extracting(DrmVolume::name).containsExactly("DB0101L6");
    QueryDrMedia pattern = (QueryDrMedia) p.parse("q drmedia ?0*L6 source=dbnone");
    assertThat(pattern.select(VOLUMES, ACTIVE, NOW)).extracting(DrmVolume::name).containsExactly("A00001L6",
        "C00017L6");
  }

  @Test
  void theRecordInsistsThatCmdGoesWithFormatCmd() {
    assertThatThrownBy(() -> QueryDrMedia.all().withFormat(QueryDrMedia.Format.CMD, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QueryDrMedia.all().withWhereState(Optional.of(DrmState.ONSITERETRIEVE)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void queryDrmstatusShowsEverySetting() {
    assertThat(QueryDrmStatus.render(DrmSettings.defaults())).isEqualTo(""
        + "              Recovery Plan Prefix:\n"
        + "          Plan Instructions Prefix:\n"
        + "             Primary Storage Pools:\n"
        + "                Copy Storage Pools:\n"
        + "         Active-Data Storage Pools:\n"
        + "       Not Mountable Location Name: NOTMOUNTABLE\n"
        + "                      Courier Name: COURIER\n"
        + "                   Vault Site Name: VAULT\n"
        + "  DB Backup Series Expiration Days: 60 Day(s)\n"
        + "Recovery Plan File Expiration Days: 60 Day(s)\n"
        + "                      Check Label?: Yes\n"
        + "         Process FILE Device Type?: No\n"
        + "                 Command File Name:\n"
        + "               Automatic Check-in?: On\n");
    DrmSettings s = DrmSettings.defaults().withCopyPools(List.of("COPY1", "COPY2")).withCheckLabel(false)
        .withAutoCheckin(false).withCmdFileName(Optional.of("/drm/exec.cmds"));
    assertThat(QueryDrmStatus.render(s)).contains("Copy Storage Pools: COPY1 COPY2\n")
        .contains("Check Label?: No\n").contains("Automatic Check-in?: Off\n")
        .contains("Command File Name: /drm/exec.cmds\n");
  }
}
