package org.vaultline.scsi.transport;

import java.util.ArrayList;
import java.util.List;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.sense.CheckConditionException;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.sense.ScsiException;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.sense.TransportException;

/**
 * The one choke point every command goes through (as every changer command goes through one function in
 * Linux's ch.c): picks the timeout, runs the interceptors (retries, logging), turns CHECK CONDITION into
 * the typed exception a caller can act on, and parses the response.
 */
public final class ScsiExecutor {
  private final ScsiTransport transport;
  private final List<Interceptor> interceptors;
  private final TimeoutPolicy timeouts;

  private ScsiExecutor(ScsiTransport transport, List<Interceptor> interceptors, TimeoutPolicy timeouts) {
    this.transport = transport;
    this.interceptors = List.copyOf(interceptors);
    this.timeouts = timeouts;
  }

  /**
   * An executor with the standard chain: unit-attention retry, becoming-ready backoff, busy retry, debug
   * logging. {@code onUnitAttention} hears every UNIT ATTENTION (a 6/28/01 means the I/O station was
   * opened: rescan it).
   */
  public static ScsiExecutor standard(ScsiTransport transport, Sleeper sleeper,
                                      java.util.function.Consumer<Sense> onUnitAttention) {
    return builder(transport)
        .add(new UnitAttentionRetry(UnitAttentionRetry.DEFAULT_ATTEMPTS, onUnitAttention))
        .add(NotReadyRetry.withDefaults(sleeper))
        .add(new BusyRetry(sleeper, BusyRetry.DEFAULT_ATTEMPTS))
        .add(new LoggingInterceptor(transport.describe()))
        .build();
  }

  public static Builder builder(ScsiTransport transport) {
    return new Builder(transport);
  }

  public ScsiTransport transport() {
    return transport;
  }

  public TimeoutPolicy timeouts() {
    return timeouts;
  }

  /**
   * Executes {@code command} and returns its parsed response.
   *
   * @throws CheckConditionException (or a subclass) when the device answered CHECK CONDITION
   * @throws TransportException when the outcome is unknown
   * @throws MalformedResponseException when the response (or the sense) does not parse
   * @throws UnexpectedStatusException for BUSY, RESERVATION CONFLICT ... that retries did not clear
   */
  public <R> R execute(Command<R> command) throws ScsiException {
    ScsiResult result = executeRaw(ScsiRequest.of(command, timeouts.timeoutFor(command)));
    if (result.isCheckCondition()) {
      Sense sense = senseOf(command.name(), result);
      // RECOVERED ERROR: the command completed, the device only tells that it had to try harder.
      if (sense.key() != SenseKey.RECOVERED_ERROR) {
        throw CheckConditionException.of(command.name(), sense);
      }
    } else if (!result.isGood()) {
      throw new UnexpectedStatusException(command.name(), result.status());
    }
    return command.parse(result.dataIn());
  }

  /**
   * Sends a request through the interceptors and returns the result as it is, CHECK CONDITION included:
   * for tape reads (ILI, FILEMARK carry data) and for {@code vaultline scsi raw}.
   */
  public ScsiResult executeRaw(ScsiRequest request) throws ScsiException {
    return new RealChain(0, request).proceed(request);
  }

  /** Decodes the sense of a CHECK CONDITION result. */
  public static Sense senseOf(String command, ScsiResult result) throws ScsiException {
    if (result.sense().isEmpty()) {
      throw new TransportException(command + ": CHECK CONDITION without sense data (autosense missing)");
    }
    try {
      return Sense.parse(result.sense());
    } catch (MalformedResponseException e) {
      throw new MalformedResponseException(e.offset(),
          command + ": CHECK CONDITION with unreadable sense data " + result.sense().hex() + ": " + e.reason());
    }
  }

  private final class RealChain implements Interceptor.Chain {
    private final int index;
    private final ScsiRequest request;

    RealChain(int index, ScsiRequest request) {
      this.index = index;
      this.request = request;
    }

    @Override
    public ScsiRequest request() {
      return request;
    }

    @Override
    public ScsiResult proceed(ScsiRequest r) throws ScsiException {
      if (index < interceptors.size()) {
        return interceptors.get(index).intercept(new RealChain(index + 1, r));
      }
      return transport.execute(r);
    }
  }

  /** Assembles an executor; interceptors run in the order added, the first outermost. */
  public static final class Builder {
    private final ScsiTransport transport;
    private final List<Interceptor> interceptors = new ArrayList<>();
    private TimeoutPolicy timeouts = new TimeoutPolicy();

    private Builder(ScsiTransport transport) {
      this.transport = transport;
    }

    public Builder add(Interceptor interceptor) {
      interceptors.add(interceptor);
      return this;
    }

    public Builder timeouts(TimeoutPolicy policy) {
      this.timeouts = policy;
      return this;
    }

    public ScsiExecutor build() {
      return new ScsiExecutor(transport, interceptors, timeouts);
    }
  }
}
