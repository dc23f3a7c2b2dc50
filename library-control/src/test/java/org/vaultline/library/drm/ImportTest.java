package org.vaultline.library.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vaultline.library.drm.DrmFixtures.ZONE;
import static org.vaultline.library.drm.DrmFixtures.at;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The importers, fed with the sample files in src/test/resources (written by us, imitating TSM output). */
class ImportTest {
  private static String resource(String name) throws IOException {
    try (InputStream in = ImportTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static final VolhistoryImport.Entry DB0095 = new VolhistoryImport.Entry(14, at(2024, 1, 10, 22, 0, 14),
      "BACKUPFULL", 95, 0, 1, "LTO6CLASS", "DB0095L6", Optional.of("IRON MOUNTAIN"));

  @Test
  void theDetailedVolhistoryFormIsReadBlockByBlockIgnoringTheClientBanner() throws IOException {
    VolhistoryImport.Result r = VolhistoryImport.read(resource("volhistory-detailed.txt"), ZONE);
    assertThat(r.problems()).isEmpty();
    assertThat(r.entries()).hasSize(8);
    assertThat(r.entries().get(0)).isEqualTo(DB0095);
    assertThat(r.entries().get(1)).isEqualTo(new VolhistoryImport.Entry(35, at(2024, 1, 11, 22, 0, 9), "BACKUPINCR",
        95, 1, 1, "LTO6CLASS", "DB0096L6", Optional.of("IRON MOUNTAIN")));
    assertThat(r.entries().get(4)).isEqualTo(new VolhistoryImport.Entry(65, at(2024, 3, 12, 6, 0, 0), "DBSNAPSHOT",
        12, 0, 1, "DBBFILE", "/TSM/DBB/10262400.DSS", Optional.empty()));
    assertThat(r.entries().get(5).type()).isEqualTo("STGNEW");
    assertThat(r.entries().get(5).series()).isZero();
    assertThat(r.entries().get(7).volumeName()).isEqualTo("EX0001L6");
  }

  @Test
  void theCommaDelimitedFormIsReadByPositionWithQuotedThousandsAndBadLinesReported() throws IOException {
    VolhistoryImport.Result r = VolhistoryImport.read(resource("volhistory-commadelimited.csv"), ZONE);
    assertThat(r.entries()).hasSize(4);
    assertThat(r.entries().get(0)).isEqualTo(new VolhistoryImport.Entry(4, DB0095.dateTime(), "BACKUPFULL", 95, 0, 1,
        "LTO6CLASS", "DB0095L6", Optional.of("IRON MOUNTAIN")));
    assertThat(r.entries().get(3).sequence()).isEqualTo(1001);
    assertThat(r.entries().get(3).location()).isEmpty();
    assertThat(r.problems()).extracting(DrmMessage::toString).containsExactly(
        "VLN0474W Line 8: Date/Time \"03/13/2024 23:59:99\" is not understood; line skipped.",
        "VLN0474W Line 9: Backup Series \"many\" is not understood; line skipped.");
  }

  @Test
  void aTabDelimitedSelectWithAHeaderIsReadByColumnName() throws IOException {
    VolhistoryImport.Result r = VolhistoryImport.read(resource("volhistory-select.tsv"), ZONE);
    assertThat(r.problems()).isEmpty();
    assertThat(r.entries()).containsExactly(
        new VolhistoryImport.Entry(5, DB0095.dateTime(), "BACKUPFULL", 95, 0, 1, "LTO6CLASS", "DB0095L6",
            Optional.of("IRON MOUNTAIN")),
        new VolhistoryImport.Entry(6, at(2024, 3, 13, 22, 15, 7), "BACKUPFULL", 101, 0, 1, "LTO6CLASS", "DB0101L6",
            Optional.empty()));
  }

  @Test
  void theServersVolumeHistoryFileIsReadToo() throws IOException {
    VolhistoryImport.Result r = VolhistoryImport.read(resource("volhistory-file.txt"), ZONE);
    assertThat(r.problems()).isEmpty();
    assertThat(r.entries()).extracting(VolhistoryImport.Entry::volumeName, VolhistoryImport.Entry::type,
        VolhistoryImport.Entry::series, VolhistoryImport.Entry::sequence, VolhistoryImport.Entry::dateTime)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("DB0101L6", "BACKUPFULL", 101L, 1, at(2024, 3, 13, 22, 15, 7)),
            org.assertj.core.groups.Tuple.tuple("/TSM/DBB/10262400.DSS", "DBSNAPSHOT", 12L, 100001,
                at(2024, 3, 12, 6, 0, 0)));
  }

  @Test
  void drmediaSelectRowsAreReadWithQuotedLocationsAndBadRowsReported() throws IOException {
    DrmediaImport.Result r = DrmediaImport.read(resource("drmedia-select.csv"), ZONE);
    assertThat(r.rows()).hasSize(10);
    assertThat(r.rows().get(4)).isEqualTo(new DrmediaImport.Row(8, "C00018L6", DrmState.COURIER,
        Optional.of(at(2024, 3, 13, 7, 2, 40)), Optional.of("Joe's Courier, van 2"), Optional.of("OFFSITE_COPY"),
        Optional.empty(), DrmediaImport.VolumeType.COPYSTGPOOL));
    assertThat(r.problems()).extracting(DrmMessage::toString).containsExactly(
        "VLN0474W Line 13: STATE \"SOMEWHERE\" is not understood; line skipped.");
    assertThat(DrmediaImport.state("Vault retrieve")).contains(DrmState.VAULTRETRIEVE);
    assertThat(DrmediaImport.state("Not mountable")).contains(DrmState.NOTMOUNTABLE);
    assertThat(DrmediaImport.type("CopyStgPool")).contains(DrmediaImport.VolumeType.COPYSTGPOOL);
    assertThat(DrmediaImport.type("tape")).isEmpty();
  }

  @Test
  void volhistoryAndDrmediaTogetherGiveEveryVolumeItsSeriesStateAndLocation() throws IOException {
    ImportResult r = TsmImport.registrations(VolhistoryImport.read(resource("volhistory-detailed.txt"), ZONE),
        DrmediaImport.read(resource("drmedia-select.csv"), ZONE));
    assertThat(r.problems()).extracting(DrmMessage::toString).containsExactly(
        "VLN0474W Line 13: STATE \"SOMEWHERE\" is not understood; line skipped.",
        "VLN0473W Line 14: volume C00017L6 appears again; the first entry is kept.",
        "VLN0471W Line 95: volume EX0001L6 of type EXPORT is not a DRM volume; skipped.",
        "VLN0472W Database backup volume DB0090L6 has no QUERY VOLHISTORY entry, so its series is unknown; import"
            + " the volume history with it.");
    assertThat(r.registrations()).extracting(DrmRegistration::volumeName).containsExactly("C00003L6", "DB0095L6",
        "DB0096L6", "DB0101L6", "DB0102L6", "/TSM/DBB/10262400.DSS", "C00017L6", "C00018L6", "C00019L6", "C00020L6",
        "A00001L6");
    assertThat(r.registrations().get(0)).isEqualTo(new DeleteDrmVolume("C00003L6"));
    assertThat(r.registrations().get(1)).isEqualTo(new DefineDrmVolume("DB0095L6",
        new DrmVolumeKind.DatabaseBackup(DrmVolumeKind.BackupType.FULL, 95, 0, 1, DB0095.dateTime()),
        DrmState.VAULT, Optional.of("IRON MOUNTAIN"), Optional.empty(), Optional.of(at(2024, 1, 12, 7, 3, 11)),
        Device.tape("LTO6CLASS")));
    assertThat(r.registrations().get(3)).isEqualTo(new DefineDrmVolume("DB0101L6",
        new DrmVolumeKind.DatabaseBackup(DrmVolumeKind.BackupType.FULL, 101, 0, 1, at(2024, 3, 13, 22, 15, 7)),
        DrmState.MOUNTABLE, Optional.empty(), Optional.of("LIB1"), Optional.of(at(2024, 3, 13, 22, 15, 7)),
        Device.tape("LTO6CLASS")));
    DefineDrmVolume snap = (DefineDrmVolume) r.registrations().get(5);
    assertThat(snap.device()).isEqualTo(Device.file("DBBFILE"));
    assertThat(snap.state()).as("no DRMEDIA row: MOUNTABLE").isEqualTo(DrmState.MOUNTABLE);
    DefineDrmVolume emptied = (DefineDrmVolume) r.registrations().get(9);
    assertThat(emptied.kind()).isEqualTo(new DrmVolumeKind.CopyPoolVolume("OFFSITE_COPY", PoolVolumeStatus.EMPTY));
    assertThat(emptied.state()).isEqualTo(DrmState.VAULTRETRIEVE);
    DefineDrmVolume active = (DefineDrmVolume) r.registrations().get(10);
    assertThat(active.kind()).isEqualTo(new DrmVolumeKind.ActiveDataPoolVolume("ACTIVE_OFF", PoolVolumeStatus.FULL));
    assertThat(active.location()).contains("ROOM 123/31");
  }

  @Test
  void importedRegistrationsApplyToAnEmptyDrmAndAReRunChangesNothing() throws IOException {
    ImportResult r = TsmImport.registrations(VolhistoryImport.read(resource("volhistory-detailed.txt"), ZONE),
        DrmediaImport.read(resource("drmedia-select.csv"), ZONE));
    Map<String, DrmVolume> drm = new HashMap<>();
    Instant now = DrmFixtures.NOW.toInstant();
    int rejected = apply(r.registrations(), drm, now);
    assertThat(rejected).as("only the delete of a volume DRM never knew").isEqualTo(1);
    assertThat(drm).hasSize(10);
    assertThat(drm.get("DB0102L6").lastUpdate()).isEqualTo(at(2024, 3, 13, 23, 1, 40));
    List<RegistrationOutcome> again = applyAll(r.registrations(), drm, now);
    assertThat(again.subList(1, again.size())).allMatch(o -> o instanceof RegistrationOutcome.Unchanged);
  }

  private static int apply(List<DrmRegistration> regs, Map<String, DrmVolume> drm, Instant now) {
    int rejected = 0;
    for (RegistrationOutcome o : applyAll(regs, drm, now)) {
      if (o instanceof RegistrationOutcome.Rejected) {
        rejected++;
      }
    }
    return rejected;
  }

  private static List<RegistrationOutcome> applyAll(List<DrmRegistration> regs, Map<String, DrmVolume> drm,
      Instant now) {
    List<RegistrationOutcome> out = new java.util.ArrayList<>();
    for (DrmRegistration reg : regs) {
      RegistrationOutcome o = reg.applyTo(Optional.ofNullable(drm.get(reg.volumeName())), now);
      if (o instanceof RegistrationOutcome.Defined d) {
        drm.put(d.volume().name(), d.volume());
      } else if (o instanceof RegistrationOutcome.Updated u) {
        drm.put(u.after().name(), u.after());
      } else if (o instanceof RegistrationOutcome.Deleted d) {
        drm.remove(d.before().name());
      }
      out.add(o);
    }
    return out;
  }

  @Test
  void aFormatCmdFileIsReadWithContinuationsCommentsAndBadLinesReported() throws IOException {
    ImportResult r = CommandFileImport.read(resource("drmedia-cmd.mac"), new DrmCommandParser(ZONE));
    assertThat(r.registrations()).extracting(DrmRegistration::volumeName)
        .containsExactly("C00019L6", "C00021L6", "C00022L6", "C00019L6");
    DefineDrmVolume longOne = (DefineDrmVolume) r.registrations().get(2);
    assertThat(longOne.location()).contains(
        "Iron Mountain Records Management, 1 Federal Street, Boston, building 4 / bay 7");
    assertThat(longOne.kind()).isEqualTo(new DrmVolumeKind.CopyPoolVolume("OFFSITE_COPY", PoolVolumeStatus.FULL));
    assertThat(longOne.state()).isEqualTo(DrmState.VAULT);
    assertThat(r.registrations().get(3)).isEqualTo(new UpdateDrmVolume("C00019L6",
        Optional.of(PoolVolumeStatus.EMPTY), Optional.empty()));
    assertThat(r.problems()).extracting(DrmMessage::toString).containsExactly(
        "VLN0470W Line 12 was not imported: VLN0403E DEFINE DRMVOLUME: TYPE=PRIMARY is not valid; use BACKUPFULL,"
            + " BACKUPINCR, DBSNAPSHOT, COPYSTGPOOL, ACTIVEDATASTGPOOL, SCRATCH or PRIVATE.",
        "VLN0470W Line 13 was not imported: only DEFINE, UPDATE and DELETE DRMVOLUME are imported.");
  }

  @Test
  void aBareosScriptsOutputIsReadAsRegistrations() throws IOException {
    ImportResult r = CommandFileImport.read(resource("bareos-volumes.mac"), new DrmCommandParser(ZONE));
    assertThat(r.problems()).isEmpty();
    assertThat(r.registrations()).containsExactly(
        new DefineDrmVolume("OFF001L7", new DrmVolumeKind.CopyPoolVolume("OFFSITE", PoolVolumeStatus.FILLING),
            DrmState.MOUNTABLE, Optional.empty(), Optional.of("LIB1"), Optional.empty(), Device.unknownTape()),
        new UpdateDrmVolume("OFF002L7", Optional.of(PoolVolumeStatus.FULL), Optional.empty()),
        new UpdateDrmVolume("OFF003L7", Optional.of(PoolVolumeStatus.EMPTY), Optional.empty()),
        new DeleteDrmVolume("OFF009L7"));
  }

  @Test
  void queryDrmediaFormatCmdOutputImportsBackToTheSameVolumes() {
    List<DrmVolume> vols = List.of(
        DrmFixtures.volume("C00019L6", DrmFixtures.copy("OFFSITE_COPY"), DrmState.VAULT)
            .withLocation(Optional.of("Iron Mountain Records Management, " + "x".repeat(150))),
        DrmFixtures.volume("C00020L6", DrmFixtures.copy("OFFSITE_COPY"), DrmState.VAULT));
    QueryDrMedia q = QueryDrMedia.all().withFormat(QueryDrMedia.Format.CMD, Optional.of(new CmdOutput(
        new CmdTemplate("DEFINE DRMVOLUME &VOL TYPE=COPYSTGPOOL POOL=OFFSITE_COPY STATUS=FULL STATE=VAULT"
            + " LOCATION='&LOC'"), Optional.empty(), false)));
    String out = q.render(vols, DrmSettings.defaults(), DrmFixtures.NOW);
    assertThat(out.split("\n")).hasSize(3);
    ImportResult r = CommandFileImport.read(out, new DrmCommandParser(ZONE));
    assertThat(r.problems()).isEmpty();
    for (int i = 0; i < vols.size(); i++) {
      DefineDrmVolume d = (DefineDrmVolume) r.registrations().get(i);
      assertThat(d.toVolume(vols.get(i).lastUpdate()).withLibrary(Optional.empty()).withDevice(Device.tape("LTO6")))
          .isEqualTo(vols.get(i));
    }
  }
}
