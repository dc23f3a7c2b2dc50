package org.vaultline.library.robot;

import java.time.Duration;
import java.util.Optional;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.sense.CheckConditionException;
import org.vaultline.scsi.sense.ScsiException;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.transport.ScsiExecutor;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.UnexpectedStatusException;

/** Runs one command through an executor's chain with the robot's own timeout for the operation. */
final class Commands {
  private Commands() {
  }

  /** As {@link ScsiExecutor#execute}, with {@code timeout} instead of the executor's policy. */
  static <R> R run(ScsiExecutor executor, Command<R> command, Duration timeout) throws ScsiException {
    ScsiResult result = executor.executeRaw(ScsiRequest.of(command, timeout));
    if (result.isCheckCondition()) {
      Sense sense = ScsiExecutor.senseOf(command.name(), result);
      if (sense.key() != SenseKey.RECOVERED_ERROR) {
        throw CheckConditionException.of(command.name(), sense);
      }
    } else if (!result.isGood()) {
      throw new UnexpectedStatusException(command.name(), result.status());
    }
    return command.parse(result.dataIn());
  }

  static Optional<Sense> senseOf(Throwable e) {
    return e instanceof CheckConditionException c ? Optional.of(c.sense()) : Optional.empty();
  }
}
