package org.vaultline.library.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetainedStateTest {
  @Test
  void anOlderStateDoesNotReplaceANewerOne() {
    RetainedState r = new RetainedState();
    assertThat(r.offer(new RetainedState.Entry("t/a", "{\"s\":2}", 20))).isTrue();
    assertThat(r.offer(new RetainedState.Entry("t/a", "{\"s\":1}", 10))).as("re-sent older event").isFalse();
    assertThat(r.offer(new RetainedState.Entry("t/a", "{\"s\":2}", 20))).isTrue();
    assertThat(r.offer(new RetainedState.Entry("t/a", "", 30))).as("cleared").isTrue();
    assertThat(r.offer(new RetainedState.Entry("t/b", "{}", 5))).isTrue();
    assertThat(r.all()).extracting(RetainedState.Entry::payload).containsExactly("", "{}");
    assertThat(r.all().get(0).message().retained()).isTrue();
  }
}
