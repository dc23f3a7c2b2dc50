package org.vaultline.scsi.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.CheckConditionException;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.sense.MediumSourceEmptyException;
import org.vaultline.scsi.sense.NotReadyException;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.sense.UnitAttentionException;

/**
 * The executor's contract, against a transport that plays back scripted results: this is the seam
 * every real transport sits behind, so the script is all a transport could answer.
 */
class ScsiExecutorTest {

  /** A command that returns its data as is; enough to see what the executor does around it. */
  record Probe(Cdb cdb, int dataInLength) implements Command<Bytes> {
    @Override
    public String name() {
      return "PROBE";
    }

    @Override
    public DataDirection direction() {
      return dataInLength > 0 ? DataDirection.FROM_DEVICE : DataDirection.NONE;
    }

    @Override
    public Duration defaultTimeout() {
      return Duration.ofSeconds(30);
    }

    @Override
    public Bytes parse(Bytes dataIn) throws MalformedResponseException {
      if (dataIn.size() < dataInLength) {
        throw new MalformedResponseException(dataIn.size(), "short");
      }
      return dataIn;
    }
  }

  /** Plays back results in order and records every request. */
  static final class Script implements ScsiTransport {
    final Deque<Object> answers = new ArrayDeque<>();
    final List<ScsiRequest> requests = new ArrayList<>();

    Script then(ScsiResult r) {
      answers.add(r);
      return this;
    }

    Script thenSense(SenseKey key, int asc, int ascq) {
      return then(ScsiResult.checkCondition(Sense.of(key, asc, ascq).encodeFixed()));
    }

    Script thenFail(TransportException e) {
      answers.add(e);
      return this;
    }

    @Override
    public ScsiResult execute(ScsiRequest request) throws TransportException {
      requests.add(request);
      Object next = answers.remove();
      if (next instanceof TransportException e) {
        throw e;
      }
      return (ScsiResult) next;
    }

    @Override
    public String describe() {
      return "script";
    }

    @Override
    public void close() {
    }
  }

  final List<Duration> sleeps = new ArrayList<>();
  final List<Sense> attentions = new ArrayList<>();
  final Sleeper recordingSleeper = sleeps::add;
  final Probe probe = new Probe(Cdb.of(0x12, 0, 0, 0, 4, 0), 4);

  ScsiExecutor executor(Script script) {
    return ScsiExecutor.standard(script, recordingSleeper, attentions::add);
  }

  @Test
  void goodStatusReturnsTheParsedResponse() throws Exception {
    Script s = new Script().then(ScsiResult.good(Bytes.of(1, 2, 3, 4), 0));
    assertThat(executor(s).execute(probe)).isEqualTo(Bytes.of(1, 2, 3, 4));
    assertThat(s.requests).singleElement().satisfies(r -> {
      assertThat(r.cdb()).isEqualTo(probe.cdb());
      assertThat(r.dataInLength()).isEqualTo(4);
      assertThat(r.timeout()).isEqualTo(Duration.ofSeconds(30));
    });
  }

  @Test
  void checkConditionBecomesTheExceptionACallerActsOn() {
    Script s = new Script().then(ScsiResult.checkCondition(
        Sense.of(SenseKey.ILLEGAL_REQUEST, 0x3B, 0x0E).withCdbFieldPointer(4, java.util.OptionalInt.empty())
            .encodeFixed()));
    assertThatThrownBy(() -> executor(s).execute(probe))
        .isInstanceOf(MediumSourceEmptyException.class)
        .hasMessage("PROBE: ILLEGAL REQUEST: Medium source element empty [3B/0E], field pointer CDB byte 4");
  }

  @Test
  void unitAttentionIsReportedAndTheCommandRepeated() throws Exception {
    Script s = new Script()
        .thenSense(SenseKey.UNIT_ATTENTION, 0x29, 0x00)
        .thenSense(SenseKey.UNIT_ATTENTION, 0x28, 0x01)
        .then(ScsiResult.good(Bytes.of(9, 9, 9, 9), 0));
    assertThat(executor(s).execute(probe)).isEqualTo(Bytes.of(9, 9, 9, 9));
    assertThat(s.requests).hasSize(3);
    assertThat(attentions).extracting(a -> a.asc() << 8 | a.ascq()).containsExactly(0x2900, 0x2801);
  }

  @Test
  void unitAttentionThatNeverClearsIsThrownAfterTheLastAttempt() {
    Script s = new Script();
    for (int i = 0; i < UnitAttentionRetry.DEFAULT_ATTEMPTS; i++) {
      s.thenSense(SenseKey.UNIT_ATTENTION, 0x29, 0x00);
    }
    assertThatThrownBy(() -> executor(s).execute(probe)).isInstanceOf(UnitAttentionException.class);
    assertThat(s.requests).hasSize(UnitAttentionRetry.DEFAULT_ATTEMPTS);
  }

  @Test
  void becomingReadyIsRetriedWithDoublingPauses() throws Exception {
    Script s = new Script()
        .thenSense(SenseKey.NOT_READY, 0x04, 0x01)
        .thenSense(SenseKey.NOT_READY, 0x04, 0x01)
        .thenSense(SenseKey.NOT_READY, 0x04, 0x01)
        .then(ScsiResult.good(Bytes.of(1, 1, 1, 1), 0));
    executor(s).execute(probe);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void becomingReadyGivesUpAfterFiveMinutesOfWaiting() {
    Script s = new Script();
    for (int i = 0; i < 100; i++) {
      s.thenSense(SenseKey.NOT_READY, 0x04, 0x01);
    }
    assertThatThrownBy(() -> executor(s).execute(probe)).isInstanceOf(NotReadyException.class);
    Duration total = sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    assertThat(total).isGreaterThanOrEqualTo(Duration.ofMinutes(5)).isLessThan(Duration.ofMinutes(6));
  }

  @Test
  void ibmLibraryPausedIsRetriedEveryMinute() throws Exception {
    Script s = new Script()
        .thenSense(SenseKey.NOT_READY, 0x04, 0x85)
        .thenSense(SenseKey.NOT_READY, 0x04, 0x85)
        .then(ScsiResult.good(Bytes.of(0, 0, 0, 0), 0));
    executor(s).execute(probe);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(60));
  }

  @Test
  void mediumNotPresentIsNotRetried() {
    Script s = new Script().thenSense(SenseKey.NOT_READY, 0x3A, 0x00);
    assertThatThrownBy(() -> executor(s).execute(probe))
        .isInstanceOf(NotReadyException.class)
        .hasMessageContaining("Medium not present [3A/00]");
    assertThat(s.requests).hasSize(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void busyIsRetriedThenReportedWithItsStatus() {
    Script s = new Script();
    for (int i = 0; i < BusyRetry.DEFAULT_ATTEMPTS; i++) {
      s.then(new ScsiResult(ScsiStatus.BUSY.code(), Bytes.EMPTY, Bytes.EMPTY, 0));
    }
    assertThatThrownBy(() -> executor(s).execute(probe))
        .isInstanceOf(UnexpectedStatusException.class)
        .hasMessage("PROBE: device returned BUSY");
    assertThat(s.requests).hasSize(BusyRetry.DEFAULT_ATTEMPTS);
  }

  @Test
  void reservationConflictIsNotRetried() {
    Script s = new Script().then(new ScsiResult(ScsiStatus.RESERVATION_CONFLICT.code(), Bytes.EMPTY, Bytes.EMPTY, 0));
    assertThatThrownBy(() -> executor(s).execute(probe))
        .isInstanceOfSatisfying(UnexpectedStatusException.class, e -> assertThat(e.status()).isEqualTo(0x18));
    assertThat(s.requests).hasSize(1);
  }

  @Test
  void transportFailureIsNeverRepeatedBecauseTheOutcomeIsUnknown() {
    Script s = new Script().thenFail(new TransportException("connection reset"))
        .then(ScsiResult.good(Bytes.of(1, 2, 3, 4), 0));
    assertThatThrownBy(() -> executor(s).execute(probe))
        .isInstanceOf(TransportException.class).hasMessage("connection reset");
    assertThat(s.requests).hasSize(1);
  }

  @Test
  void checkConditionWithoutSenseIsATransportFailure() {
    Script s = new Script().then(ScsiResult.checkCondition(Bytes.EMPTY));
    assertThatThrownBy(() -> executor(s).execute(probe))
        .isInstanceOf(TransportException.class).hasMessageContaining("without sense data");
  }

  @Test
  void unreadableSenseIsReportedWithItsBytes() {
    Script s = new Script().then(ScsiResult.checkCondition(Bytes.of(0x05, 0x00, 0x05)));
    assertThatThrownBy(() -> executor(s).execute(probe))
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("05 00 05");
  }

  @Test
  void recoveredErrorStillReturnsTheData() throws Exception {
    ScsiResult recovered = new ScsiResult(ScsiStatus.CHECK_CONDITION.code(), Bytes.of(7, 7, 7, 7),
        Sense.of(SenseKey.RECOVERED_ERROR, 0x17, 0x01).encodeFixed(), 0);
    assertThat(executor(new Script().then(recovered)).execute(probe)).isEqualTo(Bytes.of(7, 7, 7, 7));
  }

  @Test
  void shortResponseIsMalformedNotAnArrayIndexError() {
    Script s = new Script().then(ScsiResult.good(Bytes.of(1, 2), 2));
    assertThatThrownBy(() -> executor(s).execute(probe)).isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void deviceReportedTimeoutOverridesTheCommandDefault() throws Exception {
    Script s = new Script().then(ScsiResult.good(Bytes.of(1, 2, 3, 4), 0));
    ScsiExecutor e = ScsiExecutor.builder(s)
        .timeouts(new TimeoutPolicy().override(0x12, Duration.ofSeconds(5))).build();
    e.execute(probe);
    assertThat(s.requests.get(0).timeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void timeoutForOneServiceActionDoesNotApplyToAnother() throws Exception {
    Probe rsoc = new Probe(Cdb.of(0xA3, 0x0C, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0), 4);
    Probe rtpg = new Probe(Cdb.of(0xA3, 0x0A, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0), 4);
    TimeoutPolicy p = new TimeoutPolicy().override(0xA3, 0x0C, Duration.ofSeconds(7));
    assertThat(p.timeoutFor(rsoc)).isEqualTo(Duration.ofSeconds(7));
    assertThat(p.timeoutFor(rtpg)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void otherCheckConditionsAreNotRepeated() {
    Script s = new Script().thenSense(SenseKey.HARDWARE_ERROR, 0x15, 0x01);
    assertThatThrownBy(() -> executor(s).execute(probe))
        .isExactlyInstanceOf(CheckConditionException.class)
        .hasMessage("PROBE: HARDWARE ERROR: Mechanical positioning error [15/01]");
    assertThat(s.requests).hasSize(1);
  }
}
