package org.vaultline.scsi.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;

class RequestSenseTest {

  @Test
  void returnedSenseDataIsDecodedBySenseParse() throws MalformedResponseException {
    Bytes fixed = Sense.of(SenseKey.NOT_READY, 0x04, 0x01).encodeFixed();
    Sense s = RequestSense.fixed().parse(fixed);
    assertThat(s.is(SenseKey.NOT_READY, 0x04, 0x01)).isTrue();
    assertThat(s.isFixedFormat()).isTrue();
    Bytes descriptor = Sense.of(SenseKey.NO_SENSE, 0, 0).encodeDescriptor();
    assertThat(new RequestSense(true, 252).parse(descriptor).isFixedFormat()).isFalse();
  }

  @Test
  void noDataIsMalformed() {
    assertThatThrownBy(() -> RequestSense.fixed().parse(Bytes.EMPTY)).isInstanceOf(MalformedResponseException.class);
  }
}
