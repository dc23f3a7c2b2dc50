package org.vaultline.device.iscsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.bytes.Bytes;

class TextAndNegotiationTest {

  @Test
  void keyValuePairsAreNulTerminatedAndKeepTheirOrder() throws Exception {
    TextParameters t = TextParameters.of("TargetName", "iqn.a", "TargetAddress", "10.0.0.1:3260,1",
        "TargetName", "iqn.b");
    assertThat(t.encode()).isEqualTo(Bytes.ascii("TargetName=iqn.a\0TargetAddress=10.0.0.1:3260,1\0TargetName=iqn.b\0"));
    assertThat(TextParameters.parse(t.encode())).isEqualTo(t);
    assertThat(t.getAll("TargetName")).containsExactly("iqn.a", "iqn.b");
  }

  @Test
  void paddingNulsAndAMissingLastNulAreTolerated() throws Exception {
    assertThat(TextParameters.parse(Bytes.ascii("A=1\0\0\0B=2")).pairs())
        .containsExactly(new TextParameters.Pair("A", "1"), new TextParameters.Pair("B", "2"));
    assertThat(TextParameters.parse(Bytes.ascii("SendTargets=\0")).get("SendTargets")).contains("");
  }

  @Test
  void textWithoutAnEqualsSignIsMalformed() {
    assertThatThrownBy(() -> TextParameters.parse(Bytes.ascii("A=1\0garbage\0")))
        .isInstanceOf(MalformedPduException.class).hasMessageContaining("byte 4");
    assertThatThrownBy(() -> TextParameters.parse(Bytes.ascii("=value\0"))).isInstanceOf(MalformedPduException.class);
  }

  @Test
  void randomTextGivesPairsOrMalformedPduException() {
    Random r = new Random(99);
    for (int i = 0; i < 10_000; i++) {
      byte[] b = new byte[r.nextInt(100)];
      for (int j = 0; j < b.length; j++) {
        b[j] = (byte) "AB=\0x1,\u00ff".charAt(r.nextInt(8));
      }
      try {
        TextParameters.parse(Bytes.of(b));
      } catch (MalformedPduException e) {
        assertThat(e.getMessage()).contains("not key=value");
      }
    }
  }

  @Test
  void aListKeyTakesTheFirstOfferedValueTheResponderSupports() {
    assertThat(Negotiation.answer("HeaderDigest", "CRC32C,None", "None")).isEqualTo("None");
    assertThat(Negotiation.answer("HeaderDigest", "CRC32C,None", "CRC32C,None")).isEqualTo("CRC32C");
    assertThat(Negotiation.answer("DataDigest", "CRC32C", "None")).isEqualTo("Reject");
    assertThat(Negotiation.outcome("HeaderDigest", "CRC32C,None", "None")).contains("None");
    assertThat(Negotiation.outcome("HeaderDigest", "None", "CRC32C")).isEmpty();
  }

  @Test
  void booleanKeysFollowAndOrOrAsRfc7143Says() {
    assertThat(Negotiation.answer("ImmediateData", "Yes", "No")).isEqualTo("No");
    assertThat(Negotiation.answer("ImmediateData", "Yes", "Yes")).isEqualTo("Yes");
    assertThat(Negotiation.answer("InitialR2T", "No", "Yes")).isEqualTo("Yes");
    assertThat(Negotiation.answer("InitialR2T", "No", "No")).isEqualTo("No");
    assertThat(Negotiation.outcome("ImmediateData", "No", "Yes")).isEmpty();
    assertThat(Negotiation.outcome("InitialR2T", "Yes", "No")).isEmpty();
    assertThat(Negotiation.answer("ImmediateData", "Maybe", "Yes")).isEqualTo("Reject");
  }

  @Test
  void numericKeysTakeTheMinimumOrMaximumWithinRange() {
    assertThat(Negotiation.answer("MaxBurstLength", "1048576", "262144")).isEqualTo("262144");
    assertThat(Negotiation.answer("DefaultTime2Wait", "2", "0")).isEqualTo("2");
    assertThat(Negotiation.answer("MaxBurstLength", "100", "262144")).isEqualTo("Reject");
    assertThat(Negotiation.answer("ErrorRecoveryLevel", "x", "0")).isEqualTo("Reject");
    assertThat(Negotiation.outcome("FirstBurstLength", "65536", "131072")).isEmpty();
    assertThat(Negotiation.outcome("FirstBurstLength", "65536", "8192")).contains("8192");
    assertThat(Negotiation.answer("X-com.example.Vendor", "1", "1")).isEqualTo("NotUnderstood");
  }

  @Test
  void negotiatedOutcomesLandInTheSessionParameters() {
    SessionParameters p = SessionParameters.DEFAULTS.with("HeaderDigest", "CRC32C").with("InitialR2T", "No")
        .with("MaxBurstLength", "131072").withDeclaredMaxRecvDataSegmentLength(false, 65536);
    assertThat(p.headerDigest()).isTrue();
    assertThat(p.dataDigest()).isFalse();
    assertThat(p.initialR2T()).isFalse();
    assertThat(p.maxBurstLength()).isEqualTo(131072);
    assertThat(p.initiatorMaxRecvDataSegmentLength()).isEqualTo(65536);
    assertThat(p.targetMaxRecvDataSegmentLength()).isEqualTo(8192); // undeclared by the target: 8192
  }

  @Test
  void chapResponseIsMd5OfIdentifierSecretAndChallenge() throws Exception {
    // worked out with Python: hashlib.md5(bytes([0x2a]) + b"verysecret12" + bytes(range(16))).hexdigest()
    Bytes challenge = Bytes.fromHex("00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f");
    assertThat(Chap.response(0x2a, "verysecret12", challenge))
        .isEqualTo(Bytes.fromHex("b5e5a5d3d38e9640bc77e68c57fce2ba"));
    assertThat(Chap.encode(challenge)).isEqualTo("0x000102030405060708090a0b0c0d0e0f");
    assertThat(Chap.decode("0x000102030405060708090a0b0c0d0e0f")).isEqualTo(challenge);
    assertThat(Chap.decode("0bAAECAwQFBgcICQoLDA0ODw==")).isEqualTo(challenge);
    assertThatThrownBy(() -> Chap.decode("000102")).isInstanceOf(MalformedPduException.class);
    assertThatThrownBy(() -> Chap.decode("0xzz")).isInstanceOf(MalformedPduException.class);
  }

  @Test
  void chapCredentialsNeverPrintTheSecret() {
    assertThat(new ChapCredentials("user", "verysecret12").toString()).doesNotContain("verysecret12");
  }

  @Test
  void smallLunsUsePeripheralAddressingAndLargeOnesFlatSpace() {
    assertThat(LunField.encode(2)).isEqualTo(0x0002_0000_0000_0000L);
    assertThat(LunField.encode(300)).isEqualTo(0x412c_0000_0000_0000L);
    for (int lun : new int[] {0, 1, 255, 256, 16383}) {
      assertThat(LunField.decode(LunField.encode(lun))).isEqualTo(lun);
    }
    assertThat(LunField.decode(0x0102_0000_0000_0000L)).isEqualTo(-1); // bus 1
    assertThat(LunField.decode(0xc000_0000_0000_0000L)).isEqualTo(-1); // extended addressing
  }

  @Test
  void sendTargetsAnswersGroupAddressesUnderTheirTarget() {
    TextParameters t = TextParameters.of("TargetName", "iqn.a", "TargetAddress", "127.0.0.1:3261,1",
        "TargetAddress", "[fe80::1]:3260,2", "TargetName", "iqn.b");
    List<DiscoveredTarget> d = IscsiDiscovery.parse(t);
    assertThat(d).containsExactly(
        new DiscoveredTarget("iqn.a", List.of(new DiscoveredTarget.Portal("127.0.0.1", 3261, 1),
            new DiscoveredTarget.Portal("fe80::1", 3260, 2))),
        new DiscoveredTarget("iqn.b", List.of()));
  }
}
