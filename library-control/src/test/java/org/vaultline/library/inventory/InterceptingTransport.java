package org.vaultline.library.inventory;

import java.util.Optional;
import java.util.function.Function;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * A transport that lets a test answer some requests itself (a library behaviour the emulator has no
 * quirk for) or act before a request goes on (hold it until another thread gets somewhere).
 */
public final class InterceptingTransport implements ScsiTransport {
  private final ScsiTransport inner;
  private final Function<ScsiRequest, Optional<ScsiResult>> answer;

  public InterceptingTransport(ScsiTransport inner, Function<ScsiRequest, Optional<ScsiResult>> answer) {
    this.inner = inner;
    this.answer = answer;
  }

  @Override
  public ScsiResult execute(ScsiRequest request) throws TransportException {
    Optional<ScsiResult> own = answer.apply(request);
    if (own.isPresent()) {
      return own.get();
    }
    return inner.execute(request);
  }

  @Override
  public String describe() {
    return "intercepted " + inner.describe();
  }

  @Override
  public void close() {
    inner.close();
  }
}
