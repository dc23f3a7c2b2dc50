package org.vaultline.device.contract;

import java.nio.file.Path;

/** The five ways the contract reaches its library; each test runs once per attachment. */
enum Attachment {
  EMULATOR_IN_PROCESS("emulator in process") {
    @Override
    LibraryUnderTest open(Path dir) {
      return new InProcessEmulator();
    }
  },
  EMULATOR_OVER_ISCSI("emulator over our iSCSI") {
    @Override
    LibraryUnderTest open(Path dir) throws Exception {
      return new EmulatorOverIscsi();
    }
  },
  TGTD_OVER_ISCSI("tgtd over our iSCSI") {
    @Override
    LibraryUnderTest open(Path dir) throws Exception {
      return new TgtdOverIscsi(dir);
    }
  },
  EMULATOR_BEHIND_SG_IO("emulator behind the SG_IO seam") {
    @Override
    LibraryUnderTest open(Path dir) throws Exception {
      return new EmulatorBehindSgIo();
    }
  },
  EMULATOR_BEHIND_USB("emulator behind the USB bulk-only seam") {
    @Override
    LibraryUnderTest open(Path dir) {
      return new EmulatorBehindUsb();
    }
  };

  private final String label;

  Attachment(String label) {
    this.label = label;
  }

  /** Starts the peer (in {@code dir} where it needs files) and connects to it. */
  abstract LibraryUnderTest open(Path dir) throws Exception;

  @Override
  public String toString() {
    return label;
  }
}
