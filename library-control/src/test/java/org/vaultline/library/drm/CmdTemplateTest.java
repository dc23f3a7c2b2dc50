package org.vaultline.library.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CmdTemplateTest {
  private static final DrmVolume TAPE_COPY = DrmFixtures.volume("C00017L6", DrmFixtures.copy("OFFSITE"),
      DrmState.VAULT).withLocation(Optional.of("Iron Mountain"));
  private static final DrmVolume TAPE_DB = DrmFixtures.volume("DB0101L6", DrmFixtures.fullBackup(101),
      DrmState.COURIER);
  private static final DrmVolume TAPE_SNAP = DrmFixtures.volume("SN0001L6", DrmFixtures.snapshot(4),
      DrmState.MOUNTABLE);
  private static final DrmVolume FILE_DB = DrmFixtures.volume("/TSM/DBB/00000101.DBV", DrmFixtures.fullBackup(101),
      DrmState.MOUNTABLE).withDevice(Device.file("DBBFILE"));

  @Test
  void volVoldsnAndLocAreSubstitutedInAnyCase() {
    CmdTemplate t = new CmdTemplate("checkout libvolume lib1 &VOL checklabel=no # &voldsn at &Loc");
    assertThat(t.lines(TAPE_COPY))
        .containsExactly("checkout libvolume lib1 C00017L6 checklabel=no # ADSM.BFS at Iron Mountain");
    assertThat(t.lines(TAPE_DB)).containsExactly("checkout libvolume lib1 DB0101L6 checklabel=no # ADSM.DBB at COURIER");
    assertThat(t.lines(TAPE_SNAP)).containsExactly("checkout libvolume lib1 SN0001L6 checklabel=no # ADSM.DBS at ");
  }

  @Test
  void voldsnIsTheFilePathForFileDeviceClassesAndUsesTheDevicePrefixForTape() {
    assertThat(new CmdTemplate("&VOLDSN").lines(FILE_DB)).containsExactly("/TSM/DBB/00000101.DBV");
    DrmVolume prefixed = TAPE_COPY.withDevice(new Device("LTO6", Device.DeviceType.TAPE, "TSMPROD"));
    assertThat(new CmdTemplate("&VOLDSN").lines(prefixed)).containsExactly("TSMPROD.BFS");
  }

  @Test
  void nlBreaksTheCommandIntoLines() {
    CmdTemplate t = new CmdTemplate("/* &VOL */&NLupdate volume &VOL access=offsite&nl");
    assertThat(t.lines(TAPE_COPY)).containsExactly("/* C00017L6 */", "update volume C00017L6 access=offsite", "");
  }

  @Test
  void anAmpersandThatStartsNoVariableIsKept() {
    assertThat(new CmdTemplate("echo &X && &VOLUME").lines(TAPE_COPY)).containsExactly("echo &X && C00017L6UME");
  }

  @Test
  void linesLongerThan240CharactersAreSplitWithPlusContinuations() {
    DrmVolume longName = TAPE_COPY.withLocation(Optional.of("L".repeat(255)));
    List<String> lines = new CmdTemplate("x &LOC &LOC").lines(longName);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).hasSize(240).endsWith("+").startsWith("x LLL");
    assertThat(lines.get(1)).hasSize(240).endsWith("+");
    String joined = lines.get(0).substring(0, 239) + lines.get(1).substring(0, 239) + lines.get(2);
    assertThat(joined).isEqualTo("x " + "L".repeat(255) + " " + "L".repeat(255));
    assertThat(new CmdTemplate("y".repeat(240)).lines(TAPE_COPY)).containsExactly("y".repeat(240));
  }

  @Test
  void oneVolumeAfterAnotherInOrder() {
    assertThat(new CmdTemplate("checkin &VOL").lines(List.of(TAPE_COPY, TAPE_DB)))
        .containsExactly("checkin C00017L6", "checkin DB0101L6");
  }

  @Test
  void aTemplateIsAtMost255CharactersAndTheFileComesFromCmdfilenameElseTheSetting() {
    assertThatThrownBy(() -> new CmdTemplate("x".repeat(256))).isInstanceOf(IllegalArgumentException.class);
    CmdOutput noFile = new CmdOutput(new CmdTemplate("x"), Optional.empty(), false);
    assertThat(noFile.target(DrmSettings.defaults())).isEmpty();
    assertThat(noFile.target(DrmSettings.defaults().withCmdFileName(Optional.of("/drm/exec.cmds"))))
        .contains("/drm/exec.cmds");
    CmdOutput file = new CmdOutput(new CmdTemplate("x"), Optional.of("/tmp/a"), true);
    assertThat(file.target(DrmSettings.defaults().withCmdFileName(Optional.of("/drm/exec.cmds")))).contains("/tmp/a");
  }
}
