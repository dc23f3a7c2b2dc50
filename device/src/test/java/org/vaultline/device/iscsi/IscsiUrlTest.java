package org.vaultline.device.iscsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IscsiUrlTest {

  @Test
  void hostPortTargetAndLunAreParsed() {
    assertThat(IscsiUrl.parse("iscsi://127.0.0.1:3261/iqn.2024-01.org.vaultline:lib/2"))
        .isEqualTo(new IscsiUrl("127.0.0.1", 3261, "iqn.2024-01.org.vaultline:lib", 2));
  }

  @Test
  void thePortDefaultsTo3260() {
    assertThat(IscsiUrl.parse("iscsi://library.example/iqn.2004-04.com.example:x/0").port()).isEqualTo(3260);
  }

  @Test
  void anIpv6HostIsWrittenInBrackets() {
    IscsiUrl u = IscsiUrl.parse("iscsi://[fe80::1]:3262/iqn.x:y/1");
    assertThat(u.host()).isEqualTo("fe80::1");
    assertThat(u.port()).isEqualTo(3262);
    assertThat(u.toString()).isEqualTo("iscsi://[fe80::1]:3262/iqn.x:y/1");
  }

  @Test
  void chapCredentialsInTheUrlAreParsedAndThePasswordIsNeverPrinted() {
    IscsiUrl u = IscsiUrl.parse("iscsi://backup%s3cr3t@pass@10.0.0.5/iqn.x:lib/1");
    assertThat(u.chap()).isEqualTo(Optional.of(new ChapCredentials("backup", "s3cr3t@pass")));
    assertThat(u.toString()).isEqualTo("iscsi://backup%***@10.0.0.5:3260/iqn.x:lib/1").doesNotContain("s3cr3t");
  }

  @Test
  void aTargetNameMayContainColonsAndDots() {
    assertThat(IscsiUrl.parse("iscsi://h/iqn.2024-01.org.vaultline:a.b:c/16383").targetName())
        .isEqualTo("iqn.2024-01.org.vaultline:a.b:c");
  }

  @Test
  void malformedUrlsAreRefusedWithTheReason() {
    assertThatThrownBy(() -> IscsiUrl.parse("http://h/iqn/1")).hasMessageContaining("not an iscsi://");
    assertThatThrownBy(() -> IscsiUrl.parse("iscsi://h")).hasMessageContaining("/target/lun");
    assertThatThrownBy(() -> IscsiUrl.parse("iscsi://h/iqn.x")).hasMessageContaining("/target/lun");
    assertThatThrownBy(() -> IscsiUrl.parse("iscsi://h/iqn.x/one")).hasMessageContaining("LUN is not a number");
    assertThatThrownBy(() -> IscsiUrl.parse("iscsi://h:99999/iqn.x/1")).hasMessageContaining("port");
    assertThatThrownBy(() -> IscsiUrl.parse("iscsi://h/iqn.x/16384")).hasMessageContaining("LUN out of range");
    assertThatThrownBy(() -> IscsiUrl.parse("iscsi://user@h/iqn.x/1")).hasMessageContaining("user without password");
  }

  @Test
  void errorMessagesDoNotRevealThePassword() {
    assertThatThrownBy(() -> IscsiUrl.parse("iscsi://u%top@secret@h/iqn.x/x"))
        .hasMessageNotContaining("top@secret").hasMessageContaining("u%***@h");
  }
}
