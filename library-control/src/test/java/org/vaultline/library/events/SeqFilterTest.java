package org.vaultline.library.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeqFilterTest {
  @Test
  void repeatsAreDroppedAndNewSeqsPass() {
    SeqFilter f = new SeqFilter(100);
    assertThat(f.firstTime("vl1", 1)).isTrue();
    assertThat(f.firstTime("vl1", 2)).isTrue();
    assertThat(f.firstTime("vl1", 2)).isFalse();
    assertThat(f.firstTime("vl1", 4)).isTrue();
    assertThat(f.firstTime("vl1", 3)).isTrue();
    assertThat(f.firstTime("vl1", 1)).isFalse();
    assertThat(f.firstTime("vl1", 4)).isFalse();
  }

  @Test
  void appliancesHaveTheirOwnSeqs() {
    SeqFilter f = new SeqFilter(100);
    assertThat(f.firstTime("vl1", 7)).isTrue();
    assertThat(f.firstTime("vl2", 7)).isTrue();
    assertThat(f.firstTime("vl2", 7)).isFalse();
  }

  @Test
  void aLateJoinerIgnoresResentEventsOlderThanTheFirstItSaw() {
    SeqFilter f = new SeqFilter(100);
    assertThat(f.firstTime("vl1", 500)).isTrue();
    assertThat(f.firstTime("vl1", 499)).isFalse();
    assertThat(f.firstTime("vl1", 501)).isTrue();
  }

  /** Seqs the outbox discarded never come; memory must stay bounded all the same. */
  @Test
  void aGapDoesNotMakeItRememberForever() {
    SeqFilter f = new SeqFilter(10);
    assertThat(f.firstTime("vl1", 1)).isTrue();
    for (long s = 3; s <= 1000; s++) {
      assertThat(f.firstTime("vl1", s)).isTrue();
    }
    for (long s = 1; s <= 1000; s++) {
      assertThat(f.firstTime("vl1", s)).as("seq %d", s).isFalse();
    }
  }
}
