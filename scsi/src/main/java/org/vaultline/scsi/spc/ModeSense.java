package org.vaultline.scsi.spc;

import java.time.Duration;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.transport.DataDirection;

/**
 * SPC-4 MODE SENSE in either CDB size, {@link ModeSense6} (1Ah) or {@link ModeSense10} (5Ah): both ask
 * for page {@link #pageCode()} subpage {@link #subpageCode()} and return {@link ModeParameters}.
 */
public sealed interface ModeSense extends Command<ModeParameters> permits ModeSense6, ModeSense10 {

  /** DBD: ask for no block descriptors. */
  boolean disableBlockDescriptors();

  /** PC. */
  PageControl pageControl();

  /** 00h..3Fh ({@link ModePage#ALL_PAGES} = 3Fh). */
  int pageCode();

  /** 00h..FFh ({@link ModePage#ALL_SUBPAGES} = FFh). */
  int subpageCode();

  int allocationLength();

  @Override
  default DataDirection direction() {
    return DataDirection.FROM_DEVICE;
  }

  @Override
  default int dataInLength() {
    return allocationLength();
  }

  @Override
  default Duration defaultTimeout() {
    return Duration.ofSeconds(30);
  }
}
