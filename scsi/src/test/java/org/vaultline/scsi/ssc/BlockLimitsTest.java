package org.vaultline.scsi.ssc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

class BlockLimitsTest {

  @Test
  void ltoLimitsOfEightMegabytesDownToOneByteAreRead() throws Exception {
    // granularity 0, maximum 800000h (8 MiB, IBM LTO), minimum 1
    BlockLimits limits = new ReadBlockLimits().parse(Bytes.fromHex("00 80 00 00 00 01"));
    assertThat(limits.granularity()).isZero();
    assertThat(limits.maxBlockLength()).isEqualTo(8 * 1024 * 1024);
    assertThat(limits.minBlockLength()).isEqualTo(1);
    assertThat(limits.fixedOnly()).isFalse();
    assertThat(limits.accepts(262_144)).isTrue();
    assertThat(limits.accepts(8 * 1024 * 1024 + 1)).isFalse();
  }

  @Test
  void granularityIsTheLowFiveBitsOfByteZero() throws Exception {
    BlockLimits limits = BlockLimits.parse(Bytes.fromHex("E2 00 10 00 02 00"));
    assertThat(limits.granularity()).isEqualTo(2);
    assertThat(limits.maxBlockLength()).isEqualTo(0x1000);
    assertThat(limits.minBlockLength()).isEqualTo(0x200);
    assertThat(limits.accepts(0x202)).isFalse();
    assertThat(limits.accepts(0x204)).isTrue();
  }

  @Test
  void equalLimitsMeanFixedBlocksOnly() {
    assertThat(new BlockLimits(0, 512, 512).fixedOnly()).isTrue();
  }

  @Test
  void encodeThenParseGivesTheSameRecord() throws Exception {
    BlockLimits limits = new BlockLimits(31, 0xFFFFFF, 0xFFFF);
    assertThat(limits.encode()).isEqualTo(Bytes.fromHex("1F FF FF FF FF FF"));
    assertThat(BlockLimits.parse(limits.encode())).isEqualTo(limits);
  }

  @Test
  void fiveBytesAreTooFew() {
    assertThatThrownBy(() -> BlockLimits.parse(Bytes.zeros(5))).isInstanceOf(MalformedResponseException.class);
  }
}
