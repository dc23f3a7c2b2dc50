package org.vaultline.emulator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FaultScriptTest {
  @Test
  void anNthCommandFaultFiresOnExactlyThatCommandAndOnce() {
    FaultScript s = new FaultScript();
    Fault busy = new Fault.Busy(Trigger.nth(3));
    s.add(busy);
    assertThat(s.next(0x00)).isEmpty();
    assertThat(s.next(0x00)).isEmpty();
    assertThat(s.next(0x00)).contains(busy);
    assertThat(s.next(0x00)).isEmpty();
  }

  @Test
  void anOpcodeFaultWaitsForItsOpcode() {
    FaultScript s = new FaultScript();
    Fault stall = new Fault.Stall(Trigger.opcode(0xA5), true);
    s.add(stall);
    assertThat(s.next(0xB8)).isEmpty();
    assertThat(s.next(0xA5)).contains(stall);
    assertThat(s.next(0xA5)).isEmpty();
  }

  @Test
  void twoFaultsDueOnTheSameCommandFireOneAfterTheOther() {
    FaultScript s = new FaultScript();
    Fault a = new Fault.Busy(Trigger.next());
    Fault b = new Fault.Busy(Trigger.opcode(0x00));
    s.add(a);
    s.add(b);
    assertThat(s.next(0x00)).contains(a);
    assertThat(s.next(0x00)).contains(b);
  }
}
