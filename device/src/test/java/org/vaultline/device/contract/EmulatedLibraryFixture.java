package org.vaultline.device.contract;

import java.io.IOException;
import java.util.Map;
import org.vaultline.emulator.EmulatedLibrary;
import org.vaultline.emulator.Initiator;
import org.vaultline.emulator.VirtualClock;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.transport.Sleeper;

/**
 * The emulated library of the contract on a virtual clock: robot moves and drive loads take their
 * personality's time without anyone sleeping, and a retry's backoff moves the clock instead of waiting.
 * The wire between the test and the emulator is the subclass's business.
 */
abstract class EmulatedLibraryFixture extends LibraryUnderTest {
  /** The host as the emulator knows it: unit attentions and reservations are kept per initiator. */
  static final Initiator HOST = new Initiator("contract-host");

  final VirtualClock clock = new VirtualClock();
  final EmulatedLibrary library;

  EmulatedLibraryFixture() {
    EmulatedLibrary.Builder b = EmulatedLibrary.builder(PERSONALITY).clock(clock);
    for (Map.Entry<ElementAddress, String> c : CARTRIDGES.entrySet()) {
      if (SLOTS.contains(c.getKey())) {
        b.stock(c.getValue());
      }
    }
    library = b.build();
    library.operator().stock(IMPORT_EXPORT.value(), library.operator().cartridge(CARTRIDGES.get(IMPORT_EXPORT)));
  }

  @Override
  ExpectedDifferences differences() {
    return ExpectedDifferences.NONE;
  }

  @Override
  Sleeper sleeper() {
    return clock::advance;
  }

  /** Fails the test if one of the emulator's handlers threw (a bug in the emulator, not in a transport). */
  @Override
  public void close() throws IOException {
    if (!library.internalErrors().isEmpty()) {
      throw new AssertionError("the emulator failed internally: " + library.internalErrors());
    }
  }
}
