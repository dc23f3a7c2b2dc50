package org.vaultline.device.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.Inhex;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.smc.DeviceIdentifier;

class DeviceIdentityTest {
  private static final Bytes PAGE_80 = Bytes.fromHex("01 80 00 0c 20 31 32 31 30 31 37 33 31 38 33 20");

  /** A captured vector shipped with the scsi module's tests. */
  static Bytes vector(String name) throws Exception {
    return Inhex.resource("vectors/" + name);
  }

  @Test
  void theIbmLto3PagesGiveItsSerialFromBothPages() throws Exception {
    DeviceIdentity id = DeviceIdentity.fromVpd(PAGE_80, vector("06_ibm_ultrium-td3_vpd83_devid.hex"));

    assertThat(id.unitSerial()).contains("1210173183");
    assertThat(id.designators()).hasSize(1);
    assertThat(id.serialNumbers()).containsExactly("1210173183");
    assertThat(id.problems()).isEmpty();
    assertThat(id.matches(DeviceIdentifier.t10VendorId("IBM", "ULTRIUM-TD3", "1210173183")))
        .contains("the same designator in VPD 83h: T10 vendor ID \"IBM     ULTRIUM-TD3     1210173183\"");
    assertThat(id.matches(DeviceIdentifier.serialOnly("1210173183"))).contains("VPD 80h serial '1210173183'");
    assertThat(id.matches(DeviceIdentifier.serialOnly("1210173184"))).isEmpty();
  }

  @Test
  void aBinaryIdentifierWithoutAnEqualDesignatorMatchesNothing() throws Exception {
    DeviceIdentity id = DeviceIdentity.fromVpd(PAGE_80, vector("06_ibm_ultrium-td3_vpd83_devid.hex"));

    assertThat(id.matches(new DeviceIdentifier(0, 1, false, 0, 3, Bytes.fromHex("50 05 07 63 00 00 00 01"))))
        .isEmpty();
  }

  @Test
  void pagesThatDoNotParseAreNotedNotThrown() {
    DeviceIdentity id = DeviceIdentity.fromVpd(Bytes.of(0x01, 0x83), Bytes.of(0x01, 0x80, 0, 0));

    assertThat(id.unitSerial()).isEmpty();
    assertThat(id.designators()).isEmpty();
    assertThat(id.problems()).hasSize(2);
  }

  @Test
  void tenThousandRandomAndMutatedPagesNeverThrow() throws Exception {
    Random random = new Random(0x8083);
    List<Bytes> samples = List.of(vector("06_ibm_ultrium-td3_vpd83_devid.hex"), PAGE_80);
    for (int i = 0; i < 10_000; i++) {
      byte[] b;
      if (i % 2 == 0) {
        b = new byte[random.nextInt(80)];
        random.nextBytes(b);
        if (b.length > 1) {
          b[1] = (byte) (random.nextBoolean() ? 0x83 : 0x80);
        }
      } else {
        b = samples.get(random.nextInt(samples.size())).toByteArray();
        for (int m = random.nextInt(4); m >= 0; m--) {
          b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
      }
      Bytes in = Bytes.of(b);
      DeviceIdentity id = DeviceIdentity.fromVpd(in, in);
      assertThat(id.serialNumbers()).isNotNull();
      id.matches(DeviceIdentifier.serialOnly("1210173183"));
    }
  }
}
