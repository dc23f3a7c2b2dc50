package org.vaultline.library.control;

import java.time.Duration;
import java.util.Optional;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.CheckConditionException;
import org.vaultline.scsi.sense.ScsiException;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.ssc.Read6;
import org.vaultline.scsi.ssc.Rewind;
import org.vaultline.scsi.ssc.Write6;
import org.vaultline.scsi.ssc.WriteFilemarks6;
import org.vaultline.scsi.transport.ScsiExecutor;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.UnexpectedStatusException;

/**
 * Reads and writes the label at the beginning of a mounted tape (SSC-3: REWIND 01h, READ(6) 08h in variable
 * mode, WRITE(6) 0Ah, WRITE FILEMARKS(6) 10h). The label is two variable-length blocks, VOL1 and HDR1
 * ({@link TapeLabel}), followed by a tapemark.
 */
final class TapeIo {
  /** Larger than any label record: a longer first block is read in part (SILI) and is no label. */
  private static final int FIRST_BLOCK = 64 * 1024;

  private TapeIo() {}

  /** What the first block of a tape is. */
  record FirstBlock(Kind kind, Bytes data) {
    enum Kind {
      /** A data block ({@link #data}). */
      DATA,
      /** A tapemark at the beginning of the tape. */
      TAPEMARK,
      /** Nothing written (BLANK CHECK 8/00/05). */
      BLANK
    }

    /** The label's volume identifier, when the first block is a VOL1 record. */
    Optional<String> volume() {
      return kind == Kind.DATA ? TapeLabel.volumeOf(data) : Optional.empty();
    }

    String describe() {
      switch (kind) {
        case BLANK:
          return "the tape is blank";
        case TAPEMARK:
          return "the tape begins with a tapemark";
        default:
          return volume().map(v -> "label " + v).orElse("the first block (" + data.size()
              + " bytes) is not a VOL1 label");
      }
    }
  }

  static void rewind(ScsiExecutor tape, Duration timeout) throws ScsiException {
    run(tape, new Rewind(), timeout);
  }

  /** Rewinds and reads the first block. */
  static FirstBlock readFirst(ScsiExecutor tape, Duration timeout) throws ScsiException {
    rewind(tape, timeout);
    Read6 read = Read6.variable(FIRST_BLOCK, true);
    ScsiResult r = tape.executeRaw(ScsiRequest.of(read, tape.timeouts().timeoutFor(read)));
    if (r.isGood()) {
      return new FirstBlock(FirstBlock.Kind.DATA, r.dataIn());
    }
    if (!r.isCheckCondition()) {
      throw new UnexpectedStatusException(read.name(), r.status());
    }
    Sense s = ScsiExecutor.senseOf(read.name(), r);
    if (s.key() == SenseKey.BLANK_CHECK || s.is(SenseKey.MEDIUM_ERROR, 0x14, 0x03) || s.asc() == 0x00
        && s.ascq() == 0x05) {
      return new FirstBlock(FirstBlock.Kind.BLANK, Bytes.EMPTY);
    }
    if (s.filemark()) {
      return new FirstBlock(FirstBlock.Kind.TAPEMARK, Bytes.EMPTY);
    }
    if ((s.key() == SenseKey.NO_SENSE || s.key() == SenseKey.RECOVERED_ERROR) && !r.dataIn().isEmpty()) {
      return new FirstBlock(FirstBlock.Kind.DATA, r.dataIn());
    }
    throw CheckConditionException.of(read.name(), s);
  }

  /** Rewinds and writes VOL1, HDR1 and a tapemark, then rewinds again. */
  static void writeLabel(ScsiExecutor tape, TapeLabel label, Duration timeout) throws ScsiException {
    rewind(tape, timeout);
    tape.execute(Write6.variable(label.vol1()));
    tape.execute(Write6.variable(label.hdr1()));
    tape.execute(WriteFilemarks6.filemarks(1));
    rewind(tape, timeout);
  }

  private static <R> R run(ScsiExecutor executor, Command<R> command, Duration timeout) throws ScsiException {
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
}
