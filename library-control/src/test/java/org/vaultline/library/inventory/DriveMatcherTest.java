package org.vaultline.library.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaultline.device.discovery.DeviceIdentity;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.smc.ReadElementStatus;
import org.vaultline.scsi.transport.ScsiExecutor;
import org.vaultline.scsi.transport.ScsiResult;

/** Data transfer elements matched to tape devices by serial number (REFERENCE §1.1). */
class DriveMatcherTest {

  static List<String> personalities() {
    return Personality.CATALOGUE;
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void everyDriveElementIsMatchedToItsTapeDeviceBySerialNumberWhateverTheDeviceOrder(String name)
      throws Exception {
    EmulatorFixture f = EmulatorFixture.of(name);
    LibraryInventory inv = f.reader().read();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < f.lib.driveCount(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(42));
    Map<Integer, ScsiExecutor> devices = new LinkedHashMap<>();
    order.forEach(i -> devices.put(i, f.drive(i)));

    List<DriveMatch<Integer>> matches = DriveMatcher.match(inv.dataTransfer(), devices);

    assertThat(matches).hasSize(f.addresses(ElementKind.DATA_TRANSFER).size());
    for (int i = 0; i < matches.size(); i++) {
      DriveMatch<Integer> m = matches.get(i);
      assertThat(m.element().value()).isEqualTo(f.addresses(ElementKind.DATA_TRANSFER).get(i));
      assertThat(m.device()).as(m.toString()).contains(i);
    }
  }

  @Test
  void withoutDvcidNoDriveIsGuessed() throws Exception {
    EmulatorFixture f = EmulatorFixture.of("hp-msl").wrapChanger(t -> new InterceptingTransport(t, req ->
        req.cdb().opcode() == ReadElementStatus.OPCODE && (req.cdb().bytes().get(6) & 1) != 0
            ? Optional.of(ScsiResult.checkCondition(Sense.of(SenseKey.ILLEGAL_REQUEST, 0x24, 0x00).encodeFixed()))
            : Optional.empty()));
    LibraryInventory inv = f.reader().read();
    List<DriveMatch<Integer>> matches = DriveMatcher.match(inv.dataTransfer(), Map.of(0, f.drive(0), 1, f.drive(1)));

    assertThat(matches).hasSize(2).noneMatch(DriveMatch::isMatched)
        .allMatch(m -> m.explanation().contains("no identifier"));
  }

  @Test
  void twoDevicesWithTheSameSerialAndADeviceClaimedTwiceStayUnmatched() throws Exception {
    EmulatorFixture f = EmulatorFixture.of("hp-msl");
    LibraryInventory inv = f.reader().read();
    DeviceIdentity first = DriveMatcher.identify(f.drive(0));
    DeviceIdentity second = DriveMatcher.identify(f.drive(1));

    List<DriveMatch<String>> twins = DriveMatcher.matchIdentities(inv.dataTransfer(),
        Map.of("a", first, "b", first, "c", second));
    assertThat(twins.get(0).isMatched()).isFalse();
    assertThat(twins.get(0).explanation()).contains("ambiguous");
    assertThat(twins.get(1).device()).contains("c");

    List<InventoryElement> sameTwice = List.of(inv.dataTransfer().get(0),
        inv.dataTransfer().get(1).withDeviceIdentifier(inv.dataTransfer().get(0).deviceIdentifier()));
    List<DriveMatch<String>> claimed = DriveMatcher.matchIdentities(sameTwice, Map.of("a", first, "c", second));
    assertThat(claimed).noneMatch(DriveMatch::isMatched).allMatch(m -> m.explanation().contains("claimed"));
  }

  @Test
  void aDeviceThatDoesNotAnswerContributesNothing() throws Exception {
    EmulatorFixture f = EmulatorFixture.of("hp-msl").wrapDrives(t -> new InterceptingTransport(t, req ->
        Optional.of(ScsiResult.checkCondition(Sense.of(SenseKey.ILLEGAL_REQUEST, 0x24, 0x00).encodeFixed()))));
    DeviceIdentity id = DriveMatcher.identify(f.drive(0));
    assertThat(id.unitSerial()).isEmpty();
    assertThat(id.problems()).hasSize(2);
  }
}
