package org.vaultline.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CommandSet;
import org.vaultline.scsi.DeviceType;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.smc.ElementStatusData;
import org.vaultline.scsi.transport.DataDirection;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * Seeded random CDBs for every opcode the emulated units know, with random data-out: every answer is
 * GOOD or a CHECK CONDITION with parseable sense, never an internal failure; every READ ELEMENT STATUS
 * answer parses without warnings and is as long as its header says, up to the allocation length (the
 * byte-count bugs emulators have shipped with).
 */
class RandomCommandTest {

  @ParameterizedTest
  @ValueSource(strings = {"ibm-ts3100", "ibm-ts3500", "hp-msl", "stk-sl500"})
  void randomCdbsNeverBreakTheEmulator(String name) throws Exception {
    Random random = new Random(0x5EED + name.hashCode());
    Personality p = Personality.named(name);
    EmulatedLibrary lib = EmulatedLibrary.builder(p).clock(new VirtualClock())
        .stock("R00001L6", "R00002L6", "R00003L6", "R00004L6").build();
    List<ScsiTransport> units = new ArrayList<>();
    units.add(lib.changer());
    for (int i = 0; i < lib.driveCount(); i++) {
      units.add(lib.drive(i));
    }
    List<Integer> changerOps = new ArrayList<>(CommandSet.forType(DeviceType.MEDIUM_CHANGER).entries().keySet());
    List<Integer> driveOps = new ArrayList<>(CommandSet.forType(DeviceType.SEQUENTIAL_ACCESS).entries().keySet());
    changerOps.sort(null);
    driveOps.sort(null);
    int resChecked = 0;
    for (int n = 0; n < 6000; n++) {
      int u = random.nextInt(units.size());
      List<Integer> ops = u == 0 ? changerOps : driveOps;
      int op = ops.get(random.nextInt(ops.size()));
      int len = Cdb.lengthForOpcode(op);
      if (len < 0) {
        continue;
      }
      int[] cdb = new int[len];
      cdb[0] = op;
      for (int i = 1; i < len; i++) {
        // mostly small values, so that many CDBs get past the field checks
        cdb[i] = random.nextInt(4) == 0 ? random.nextInt(256) : random.nextInt(3);
      }
      cdb[len - 1] = 0;
      boolean out = op == 0x0A || op == 0x15 || op == 0x55;
      Bytes dataOut = out ? Bytes.of(randomBytes(random, random.nextInt(600))) : Bytes.EMPTY;
      ScsiRequest request = new ScsiRequest("random", Cdb.of(cdb), out ? DataDirection.TO_DEVICE
          : DataDirection.FROM_DEVICE, dataOut, out ? 0 : 0x10000, Duration.ofHours(2));
      ScsiResult r;
      try {
        r = units.get(u).execute(request);
      } catch (TransportException e) {
        throw new AssertionError("transport failed for " + Cdb.of(cdb), e);
      }
      assertThat(r.isGood() || r.isCheckCondition()).as("%s -> %s", Cdb.of(cdb), r).isTrue();
      if (r.isCheckCondition()) {
        Sense s = Sense.parse(r.sense());
        assertThat(s.key() == SenseKey.HARDWARE_ERROR && s.asc() == 0x44).as("%s -> %s", Cdb.of(cdb), s).isFalse();
      }
      if (u == 0 && op == 0xB8 && r.isGood() && r.dataIn().size() >= 8) {
        ElementStatusData d = ElementStatusData.parse(r.dataIn());
        int alloc = cdb[7] << 16 | cdb[8] << 8 | cdb[9];
        assertThat(r.dataIn().size()).as("%s", Cdb.of(cdb)).isEqualTo(Math.min(alloc, d.reportLength()));
        if (r.dataIn().size() == d.reportLength()) {
          assertThat(d.warnings()).as("%s", Cdb.of(cdb)).isEmpty();
          assertThat(d.isComplete()).isTrue();
        }
        resChecked++;
      }
      if (random.nextInt(50) == 0) {
        lib.operator().powerCycle();
      }
    }
    assertThat(lib.internalErrors()).isEmpty();
    assertThat(resChecked).isPositive();
  }

  private static byte[] randomBytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }
}
