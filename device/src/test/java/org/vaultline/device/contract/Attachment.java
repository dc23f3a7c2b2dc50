package org.vaultline.device.contract;

import java.nio.file.Path;

/**
 * The ways the contract reaches its library; each test runs once per attachment that {@link #runsHere()}: the
 * Linux kernel one only inside make kernel-test's QEMU guest, and there only it.
 */
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
  },
  EMULATOR_BEHIND_SG_IO_ON_A_LINUX_KERNEL("emulator behind SG_IO on a Linux kernel") {
    @Override
    LibraryUnderTest open(Path dir) throws Exception {
      return new EmulatorBehindTheKernel();
    }
  };

  /** Set (to true) by make kernel-test's guest, whose kernel has the sg, st, ch and iscsi_tcp drivers. */
  static final String GUEST_PROPERTY = "vaultline.kernel.guest";

  private final String label;

  Attachment(String label) {
    this.label = label;
  }

  /** Starts the peer (in {@code dir} where it needs files) and connects to it. */
  abstract LibraryUnderTest open(Path dir) throws Exception;

  /**
   * Whether this attachment runs in this JVM: the Linux kernel attachment needs make kernel-test's guest, and the
   * guest runs only it (the others ran in make test already).
   */
  boolean runsHere() {
    return Boolean.getBoolean(GUEST_PROPERTY) == (this == EMULATOR_BEHIND_SG_IO_ON_A_LINUX_KERNEL);
  }

  @Override
  public String toString() {
    return label;
  }
}
