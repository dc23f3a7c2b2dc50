package org.vaultline.device.sgio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.transport.DataDirection;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiStatus;

/**
 * SgIoTransport through a gcc-built stand-in for libc whose ioctl(SG_IO) reads and writes the header
 * with the C layout and runs the command on a scripted logical unit: native CDB, data and sense
 * buffers, direction, timeout, residual and status decoding all run for real.
 */
class SgIoTransportTest {
  private FakeSgDriver driver;
  private ScriptedLogicalUnit unit;

  @BeforeEach
  void setUp() throws Exception {
    driver = FakeSgDriver.start();
    unit = ScriptedLogicalUnit.tapeDrive();
    driver.bind("/dev/sg3", unit);
  }

  private static ScsiRequest inquiry(int allocation) {
    return new ScsiRequest("INQUIRY", Cdb.of(0x12, 0, 0, 0, allocation, 0), DataDirection.FROM_DEVICE,
        Bytes.EMPTY, allocation, Duration.ofSeconds(10));
  }

  private static ScsiRequest writeBuffer(Bytes data) {
    int n = data.size();
    return new ScsiRequest("WRITE BUFFER", Cdb.of(0x3B, 0x02, 0, 0, 0, 0, n >> 16, n >> 8, n, 0),
        DataDirection.TO_DEVICE, data, 0, Duration.ofSeconds(60));
  }

  private static ScsiRequest readBuffer(int n) {
    return new ScsiRequest("READ BUFFER", Cdb.of(0x3C, 0x02, 0, 0, 0, 0, n >> 16, n >> 8, n, 0),
        DataDirection.FROM_DEVICE, Bytes.EMPTY, n, Duration.ofSeconds(60));
  }

  @Test
  void inquiryDataComesBackThroughNativeMemoryAndTheHeaderCarriesEveryInput() throws Exception {
    try (SgIoTransport t = driver.open("/dev/sg3")) {
      ScsiResult r = t.execute(inquiry(36));

      assertThat(r.status()).isEqualTo(ScsiStatus.GOOD.code());
      assertThat(r.residual()).isZero();
      assertThat(r.dataIn().size()).isEqualTo(36);
      assertThat(r.dataIn().get(0)).isEqualTo(0x01);
      assertThat(r.dataIn().slice(8, 16)).isEqualTo(Bytes.ascii("IBM     "));
      assertThat(r.dataIn().slice(16, 32)).isEqualTo(Bytes.ascii("ULT3580-TD5     "));
      FakeSgDriver.Seen seen = driver.seen().get(0);
      assertThat(seen.interfaceId()).isEqualTo('S');
      assertThat(seen.direction()).isEqualTo(SgIoHdr.SG_DXFER_FROM_DEV);
      assertThat(seen.cdb()).isEqualTo(Bytes.of(0x12, 0, 0, 0, 36, 0));
      assertThat(seen.dataLength()).isEqualTo(36);
      assertThat(seen.maxSense()).isEqualTo(252);
      assertThat(seen.timeoutMs()).isEqualTo(10_000);
      assertThat(seen.flags()).isZero();
      assertThat(seen.iovecCount()).isZero();
      assertThat(seen.openFlags()).isEqualTo(Libc.O_RDWR | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
    }
  }

  @Test
  void aShortAnswerGivesTheResidualAndOnlyTheBytesTransferred() throws Exception {
    try (SgIoTransport t = driver.open("/dev/sg3")) {
      ScsiResult r = t.execute(inquiry(96));

      assertThat(r.residual()).isEqualTo(60);
      assertThat(r.dataIn().size()).isEqualTo(36);
    }
  }

  @Test
  void aCommandWithoutDataPassesNoBufferAndDirectionNone() throws Exception {
    try (SgIoTransport t = driver.open("/dev/sg3")) {
      ScsiResult r = t.execute(new ScsiRequest("TEST UNIT READY", Cdb.of(0, 0, 0, 0, 0, 0), DataDirection.NONE,
          Bytes.EMPTY, 0, Duration.ofSeconds(5)));

      assertThat(r).isEqualTo(ScsiResult.good());
      assertThat(driver.seen().get(0).direction()).isEqualTo(SgIoHdr.SG_DXFER_NONE);
      assertThat(driver.seen().get(0).dataLength()).isZero();
    }
  }

  @Test
  void oneMebibyteGoesOutAndComesBackUnchanged() throws Exception {
    byte[] block = new byte[1 << 20];
    new Random(4).nextBytes(block);
    Bytes data = Bytes.of(block);
    try (SgIoTransport t = driver.open("/dev/sg3")) {
      assertThat(t.execute(writeBuffer(data)).isGood()).isTrue();
      ScsiResult back = t.execute(readBuffer(1 << 20));

      assertThat(unit.buffer()).isEqualTo(data);
      assertThat(back.dataIn()).isEqualTo(data);
      assertThat(back.residual()).isZero();
      assertThat(driver.seen().get(0).direction()).isEqualTo(SgIoHdr.SG_DXFER_TO_DEV);
      assertThat(driver.seen().get(0).dataOut()).isEqualTo(data);
      assertThat(driver.seen().get(1).direction()).isEqualTo(SgIoHdr.SG_DXFER_FROM_DEV);
    }
  }

  @Test
  void checkConditionIsAResultCarryingTheSenseTheDriverWrote() throws Exception {
    try (SgIoTransport t = driver.reportDuration(12).open("/dev/sg3")) {
      SgIoCompletion c = t.submit(new ScsiRequest("MOVE MEDIUM", Cdb.of(0xA5, 0, 0, 0, 0x10, 0, 0x01, 0, 0, 0,
          0, 0), DataDirection.NONE, Bytes.EMPTY, 0, Duration.ofMinutes(5)));

      assertThat(c.result().isCheckCondition()).isTrue();
      assertThat(c.senseLengthWritten()).isEqualTo(18);
      assertThat(Sense.parse(c.result().sense()).is(SenseKey.ILLEGAL_REQUEST, 0x20, 0x00)).isTrue();
      assertThat(c.driverStatus().driverByte()).isEqualTo(DriverStatus.DRIVER_SENSE);
      assertThat(c.duration()).isEqualTo(Duration.ofMillis(12));
      assertThat(driver.seen().get(0).timeoutMs()).isEqualTo(300_000);
    }
  }

  @Test
  void hostTimeoutIsATransportErrorNamingDidTimeOut() throws Exception {
    driver.thenFault(FakeSgDriver.Fault.host(0x03, 30_000));
    try (SgIoTransport t = driver.open("/dev/sg3")) {
      assertThatThrownBy(() -> t.execute(inquiry(36)))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("sg:/dev/sg3")
          .hasMessageContaining("INQUIRY")
          .hasMessageContaining("DID_TIME_OUT")
          .hasMessageContaining("30000 ms");
    }
  }

  @Test
  void lostConnectionIsATransportErrorNamingDidNoConnect() throws Exception {
    driver.thenFault(FakeSgDriver.Fault.host(0x01, 0));
    try (SgIoTransport t = driver.open("/dev/sg3")) {
      assertThatThrownBy(() -> t.execute(inquiry(36))).hasMessageContaining("DID_NO_CONNECT");
    }
  }

  @Test
  void anUnknownHostCodeIsKeptRaw() throws Exception {
    driver.thenFault(FakeSgDriver.Fault.host(0x2a, 0));
    try (SgIoTransport t = driver.open("/dev/sg3")) {
      assertThatThrownBy(() -> t.execute(inquiry(36))).hasMessageContaining("host status 0x2a");
    }
  }

  @Test
  void driverTimeoutIsATransportErrorWithItsSuggestion() throws Exception {
    driver.thenFault(FakeSgDriver.Fault.driver(DriverStatus.DRIVER_TIMEOUT | DriverStatus.SUGGEST_ABORT));
    try (SgIoTransport t = driver.open("/dev/sg3")) {
      assertThatThrownBy(() -> t.execute(inquiry(36))).hasMessageContaining("DRIVER_TIMEOUT|SUGGEST_ABORT");
    }
  }

  @Test
  void aFailedIoctlIsReportedByErrnoName() throws Exception {
    driver.thenFault(FakeSgDriver.Fault.errno(Errno.EIO));
    try (SgIoTransport t = driver.open("/dev/sg3")) {
      assertThatThrownBy(() -> t.execute(inquiry(36)))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("SG_IO failed: EIO (fake strerror 5)");
      assertThat(t.execute(inquiry(36)).isGood()).as("the next command works").isTrue();
    }
  }

  @Test
  void openFailuresNameTheErrno() throws Exception {
    driver.failOpen("/dev/sg4", Errno.EACCES).failOpen("/dev/sg5", Errno.EBUSY).failOpen("/dev/sg6", Errno.ENODEV);

    assertThatThrownBy(() -> driver.open("/dev/sg4")).hasMessage("cannot open /dev/sg4: EACCES (fake strerror 13)");
    assertThatThrownBy(() -> driver.open("/dev/sg5")).hasMessageContaining("EBUSY");
    assertThatThrownBy(() -> driver.open("/dev/sg6")).hasMessageContaining("ENODEV");
    assertThatThrownBy(() -> driver.open("/dev/sg9")).hasMessageContaining("ENOENT");
  }

  @Test
  void aNodeThatIsNotSgIsRefusedAndClosed() {
    driver.control.vl_fake_sg_set_version(-Errno.ENOTTY);

    assertThatThrownBy(() -> driver.open("/dev/sg3"))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("not an sg node")
        .hasMessageContaining("ENOTTY");
    assertThat(driver.control.vl_fake_sg_closes()).isEqualTo(1);
  }

  @Test
  void anOldSgDriverWithoutSgIoIsRefused() {
    driver.control.vl_fake_sg_set_version(20_000);

    assertThatThrownBy(() -> driver.open("/dev/sg3")).hasMessageContaining("version 20000 has no SG_IO");
  }

  @Test
  void closeReleasesTheDescriptorOnceAndLaterCommandsFail() throws Exception {
    SgIoTransport t = driver.open("/dev/sg3");
    t.close();
    t.close();

    assertThat(driver.control.vl_fake_sg_closes()).isEqualTo(1);
    assertThatThrownBy(() -> t.execute(inquiry(36))).isInstanceOf(TransportException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void timeoutsAreClampedToWhatSgIoAccepts() {
    assertThat(SgIoTransport.timeoutMillis(Duration.ZERO)).isEqualTo(1);
    assertThat(SgIoTransport.timeoutMillis(Duration.ofMillis(-5))).isEqualTo(1);
    assertThat(SgIoTransport.timeoutMillis(Duration.ofSeconds(3600))).isEqualTo(3_600_000);
    assertThat(SgIoTransport.timeoutMillis(Duration.ofDays(365))).isEqualTo(0xFFFF_FFFEL);
    assertThat(SgIoTransport.timeoutMillis(Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(0xFFFF_FFFEL);
  }

  @Test
  void describeNamesTheNode() throws Exception {
    try (SgIoTransport t = driver.open("/dev/sg3")) {
      assertThat(t.describe()).isEqualTo("sg:/dev/sg3");
    }
  }
}
