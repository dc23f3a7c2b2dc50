package org.vaultline.scsi.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

class SupportedOperationCodesTest {

  @Test
  void allCommandsDataIsLaidOutAsTheStandardSays() throws MalformedResponseException {
    // TEST UNIT READY without timeouts; MOVE MEDIUM (A5h) with CTDP and timeouts 120 s / 300 s
    Bytes b = Bytes.fromHex("00 00 00 1c"
        + " 00 00 00 00 00 00 00 06"
        + " a5 00 00 00 00 02 00 0c  00 0a 00 00 00 00 00 78 00 00 01 2c");
    SupportedOperationCodes codes = ReportSupportedOperationCodes.allWithTimeouts().parse(b);
    assertThat(codes.commands()).hasSize(2);
    SupportedOperationCodes.CommandDescriptor move = codes.find(0xA5).orElseThrow();
    assertThat(move.cdbLength()).isEqualTo(12);
    assertThat(move.serviceActionValid()).isFalse();
    assertThat(move.timeouts().orElseThrow().nominal()).isEqualTo(Duration.ofSeconds(120));
    assertThat(codes.recommendedTimeout(0xA5)).contains(Duration.ofSeconds(300));
    assertThat(codes.recommendedTimeout(0x00)).isEmpty();
    assertThat(codes.encode()).isEqualTo(b);
  }

  @Test
  void serviceActionsAreFoundByOpcodeAndServiceAction() throws MalformedResponseException {
    SupportedOperationCodes codes = SupportedOperationCodes.parse(SpcSamples.supportedOperationCodes().encode());
    assertThat(codes).isEqualTo(SpcSamples.supportedOperationCodes());
    assertThat(codes.find(0xA3, 0x0C)).isPresent();
    assertThat(codes.find(0xA3)).isEmpty();
    assertThat(codes.find(0xA3, 0x0A)).isEmpty();
  }

  @Test
  void oneCommandDataIsLaidOutAsTheStandardSays() throws MalformedResponseException {
    // CTDP | SUPPORT 011b = 83h; CDB size 6; usage data; timeouts 0 / 30 s
    Bytes b = Bytes.fromHex("00 83 00 06 1a 08 ff ff ff 07  00 0a 00 00 00 00 00 00 00 00 00 1e");
    OneCommandSupport one = ReportSupportedOperationCodes.OneCommand.of(0x1A).parse(b);
    assertThat(one.isSupported()).isTrue();
    assertThat(one.support()).isEqualTo(OneCommandSupport.SUPPORTED);
    assertThat(one.cdbUsageData()).isEqualTo(Bytes.fromHex("1a 08 ff ff ff 07"));
    assertThat(one.timeouts()).contains(new CommandTimeouts(0, 0, 30));
    assertThat(one.encode()).isEqualTo(b);
  }

  @Test
  void unsupportedCommandHasNoUsageData() throws MalformedResponseException {
    OneCommandSupport one = OneCommandSupport.parse(Bytes.fromHex("00 01 00 00"));
    assertThat(one.isSupported()).isFalse();
    assertThat(one.cdbUsageData()).isEqualTo(Bytes.EMPTY);
    assertThat(one.timeouts()).isEmpty();
    assertThat(OneCommandSupport.parse(SpcSamples.oneCommandSupport().encode())).isEqualTo(SpcSamples.oneCommandSupport());
    assertThat(new OneCommandSupport(1, Bytes.EMPTY, Optional.empty()).encode()).isEqualTo(Bytes.fromHex("00 01 00 00"));
  }

  @Test
  void dataCutShortIsMalformed() {
    assertThatThrownBy(() -> SupportedOperationCodes.parse(SpcSamples.supportedOperationCodes().encode().prefix(20)))
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("allocation length");
    // CTDP set but the timeouts descriptor missing
    assertThatThrownBy(() -> OneCommandSupport.parse(Bytes.fromHex("00 83 00 01 1a")))
        .isInstanceOf(MalformedResponseException.class);
    // a descriptor running past the command data length
    assertThatThrownBy(() -> SupportedOperationCodes.parse(Bytes.fromHex("00 00 00 08 a5 00 00 00 00 02 00 0c")))
        .isInstanceOf(MalformedResponseException.class);
  }
}
