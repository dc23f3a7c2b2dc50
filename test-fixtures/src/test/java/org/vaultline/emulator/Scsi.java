package org.vaultline.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.transport.DataDirection;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiTransport;

/** Test helpers: run commands through an emulated unit and parse its answers with the scsi module. */
public final class Scsi {
  private Scsi() {
  }

  public static ScsiResult run(ScsiTransport t, Command<?> c) throws Exception {
    return t.execute(ScsiRequest.of(c, c.defaultTimeout()));
  }

  /** Runs {@code c}, expects GOOD, parses the data with the command's own parser. */
  public static <R> R ok(ScsiTransport t, Command<R> c) throws Exception {
    ScsiResult r = run(t, c);
    assertThat(r.isGood()).as("%s -> %s%s", c.name(), r,
        r.sense().isEmpty() ? "" : " (" + Sense.parse(r.sense()) + ")").isTrue();
    return c.parse(r.dataIn());
  }

  /** Runs {@code c}, expects CHECK CONDITION, returns the parsed sense. */
  public static Sense check(ScsiTransport t, Command<?> c) throws Exception {
    ScsiResult r = run(t, c);
    assertThat(r.isCheckCondition()).as("%s -> %s", c.name(), r).isTrue();
    return Sense.parse(r.sense());
  }

  public static void assertSense(Sense s, SenseKey key, int asc, int ascq) {
    assertThat(s.is(key, asc, ascq)).as("expected %s %02X/%02X, got %s", key, asc, ascq, s).isTrue();
  }

  /** A raw CDB with data-in, for CDBs no record would build. */
  public static ScsiResult raw(ScsiTransport t, int dataIn, int... cdb) throws Exception {
    return t.execute(new ScsiRequest("raw", Cdb.of(cdb), dataIn > 0 ? DataDirection.FROM_DEVICE : DataDirection.NONE,
        Bytes.EMPTY, dataIn, Duration.ofSeconds(60)));
  }
}
