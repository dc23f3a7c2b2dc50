package org.vaultline.scsi.ssc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CommandSet;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.DeviceType;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.Bytes;

/**
 * record -> cdb() -> decoder -> the same record, through each command's own {@code fromCdb}, through
 * {@link SscCommands#entries()} and through the tape {@link CommandSet}; and the decoders are total on
 * arbitrary CDBs (a record or {@link InvalidCdbException}, nothing else).
 */
class SscRoundTripTest {
  private static final long SEED = 0x55C_0001L;

  /** Hand-picked records with every flag on and off and fields at their limits. */
  static List<Command<?>> samples() {
    List<Command<?>> s = new ArrayList<>();
    s.add(LoadUnload.loadMedium());
    s.add(LoadUnload.unloadMedium());
    s.add(new LoadUnload(true, true, true, false, true));
    s.add(new LoadUnload(true, false, true, true, true));
    s.add(new Rewind());
    s.add(new Rewind(true));
    s.add(new Erase6(true, true));
    s.add(new Erase6(false, false));
    s.add(new WriteFilemarks6(true, true, 0xFFFFFF));
    s.add(WriteFilemarks6.filemarks(0));
    s.add(Read6.variable(0xFFFFFF, true));
    s.add(Read6.variable(0));
    s.add(new Read6(false, true, 7, 0));
    s.add(new Write6(true, 3, Bytes.EMPTY));
    s.add(new Write6(false, 0xFFFFFF, Bytes.EMPTY));
    for (SpaceCode c : SpaceCode.values()) {
      s.add(new Space6(c, Space6.MIN_COUNT));
      s.add(new Space6(c, Space6.MAX_COUNT));
    }
    s.add(new Locate10(true, true, true, 0xFFFFFFFFL, 255));
    s.add(Locate10.block(0));
    s.add(new Locate16(LocateDestination.LOGICAL_FILE, true, true, true, 255, Long.MIN_VALUE));
    s.add(Locate16.object(0));
    s.add(new ReadPosition());
    s.add(new ReadBlockLimits());
    for (AttributeServiceAction a : AttributeServiceAction.values()) {
      s.add(new ReadAttribute(a, 255, 255, 0xFFFF, Integer.MAX_VALUE, true));
      s.add(new ReadAttribute(a, 0, 0, 0, 0, false));
    }
    s.add(new ReportDensitySupport(true, true, 0xFFFF));
    s.add(ReportDensitySupport.densities());
    return s;
  }

  static Stream<Command<?>> sampleStream() {
    return samples().stream();
  }

  @ParameterizedTest
  @MethodSource("sampleStream")
  void everySampleSurvivesCdbAndDecoder(Command<?> command) throws Exception {
    assertThat(decodeWithEntries(command.cdb())).isEqualTo(command);
  }

  @ParameterizedTest
  @MethodSource("sampleStream")
  void theTapeCommandSetDecodesEverySampleToTheSameRecord(Command<?> command) throws Exception {
    CommandSet tape = CommandSet.forType(DeviceType.SEQUENTIAL_ACCESS);
    assertThat(tape.decode(command.cdb())).isEqualTo(command);
    assertThat(tape.lookup(command.cdb().opcode()).orElseThrow().name()).isEqualTo(command.name());
  }

  @Test
  void tenThousandRandomRecordsSurviveCdbAndDecoder() throws Exception {
    Random random = new Random(SEED);
    for (int i = 0; i < 10_000; i++) {
      Command<?> command = randomCommand(random);
      assertThat(decodeWithEntries(command.cdb())).as("sample %d: %s", i, command).isEqualTo(command);
    }
  }

  @Test
  void everyOpcodeIsRegisteredOnceWithItsT10Name() {
    List<CommandSet.Entry> entries = SscCommands.entries();
    assertThat(entries).extracting(CommandSet.Entry::opcode).doesNotHaveDuplicates()
        .containsExactlyInAnyOrder(0x01, 0x05, 0x08, 0x0A, 0x10, 0x11, 0x19, 0x1B, 0x2B, 0x34, 0x44, 0x8C, 0x92);
    assertThat(entries).filteredOn(e -> e.opcode() == 0x2B).extracting(CommandSet.Entry::name)
        .containsExactly("LOCATE(10)");
  }

  @Test
  void decodersAreTotalOnArbitraryCdbs() {
    Random random = new Random(SEED + 1);
    int accepted = 0;
    int refused = 0;
    for (CommandSet.Entry e : SscCommands.entries()) {
      for (int i = 0; i < 2_000; i++) {
        byte[] b = new byte[1 + random.nextInt(20)];
        random.nextBytes(b);
        if (random.nextBoolean()) { // mostly-zero CDBs reach deeper into the decoders
          for (int k = 1; k < b.length; k++) {
            if (random.nextInt(4) != 0) {
              b[k] = 0;
            }
          }
        }
        b[0] = (byte) e.opcode();
        try {
          Command<?> decoded = e.decoder().decode(new Cdb(Bytes.of(b)));
          assertThat(decoded.cdb().opcode()).isEqualTo(e.opcode());
          accepted++;
        } catch (InvalidCdbException expected) {
          refused++;
        }
      }
    }
    assertThat(accepted).isPositive();
    assertThat(refused).isPositive();
  }

  private static Command<?> decodeWithEntries(Cdb cdb) throws InvalidCdbException {
    for (CommandSet.Entry e : SscCommands.entries()) {
      if (e.opcode() == cdb.opcode()) {
        return e.decoder().decode(cdb);
      }
    }
    throw new AssertionError("no entry for opcode " + cdb.opcode());
  }

  private static Command<?> randomCommand(Random r) {
    switch (r.nextInt(13)) {
      case 0: {
        boolean load = r.nextBoolean();
        return new LoadUnload(r.nextBoolean(), load, r.nextBoolean(), !load && r.nextBoolean(), r.nextBoolean());
      }
      case 1:
        return new Rewind(r.nextBoolean());
      case 2:
        return new Erase6(r.nextBoolean(), r.nextBoolean());
      case 3:
        return new WriteFilemarks6(r.nextBoolean(), r.nextBoolean(), r.nextInt(0x1000000));
      case 4: {
        boolean fixed = r.nextBoolean();
        return new Read6(!fixed && r.nextBoolean(), fixed, r.nextInt(0x1000000), 0);
      }
      case 5:
        return new Write6(r.nextBoolean(), r.nextInt(0x1000000), Bytes.EMPTY);
      case 6:
        return new Space6(SpaceCode.values()[r.nextInt(4)], Space6.MIN_COUNT + r.nextInt(0x1000000));
      case 7:
        return new Locate10(r.nextBoolean(), r.nextBoolean(), r.nextBoolean(), r.nextLong() & 0xFFFFFFFFL, r.nextInt(256));
      case 8:
        return new Locate16(LocateDestination.values()[r.nextInt(2)], r.nextBoolean(), r.nextBoolean(), r.nextBoolean(),
            r.nextInt(256), r.nextLong());
      case 9:
        return r.nextBoolean() ? new ReadPosition() : new ReadBlockLimits();
      case 10:
        return new ReadAttribute(AttributeServiceAction.values()[r.nextInt(5)], r.nextInt(256), r.nextInt(256),
            r.nextInt(0x10000), r.nextInt(Integer.MAX_VALUE), r.nextBoolean());
      case 11:
        return new ReportDensitySupport(r.nextBoolean(), r.nextBoolean(), r.nextInt(0x10000));
      default:
        return new Locate10(false, false, false, r.nextInt(1000), 0);
    }
  }
}
