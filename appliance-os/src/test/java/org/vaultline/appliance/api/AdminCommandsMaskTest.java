package org.vaultline.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the activity log shows of a command line: never a password. */
class AdminCommandsMaskTest {
  @Test
  void thePasswordOfRegisterAndUpdateAdminIsMaskedInEveryAbbreviation() {
    assertThat(AdminCommands.mask("register admin oper S3cret-1 authority=operator"))
        .isEqualTo("register admin oper ?***? authority=operator");
    assertThat(AdminCommands.mask("  REG A oper S3cret-1")).isEqualTo("REG A oper ?***?");
    assertThat(AdminCommands.mask("upd admin oper S3cret-2")).isEqualTo("upd admin oper ?***?");
    assertThat(AdminCommands.mask("update   ad   OPER   \"a quoted pw\"")).isEqualTo("update ad OPER ?***?");
    assertThat(AdminCommands.mask("reg admin oper authority=system S3cret-1"))
        .isEqualTo("reg admin oper authority=system ?***?");
    assertThat(AdminCommands.mask("reg admin oper \"unterminated pw")).isEqualTo("reg admin oper ?***?");
  }

  @Test
  void otherCommandsAreLoggedAsTyped() {
    assertThat(AdminCommands.mask("q drmedia * format=detailed")).isEqualTo("q drmedia * format=detailed");
    assertThat(AdminCommands.mask("update drmvolume CPY001 location=VAULT"))
        .isEqualTo("update drmvolume CPY001 location=VAULT");
    assertThat(AdminCommands.mask("register admin")).isEqualTo("register admin");
  }
}
