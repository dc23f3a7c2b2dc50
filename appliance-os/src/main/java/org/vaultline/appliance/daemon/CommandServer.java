package org.vaultline.appliance.daemon;

import java.time.Duration;
import java.util.List;
import org.vaultline.appliance.api.ServerCommandLine;
import org.vaultline.library.store.Message;
import org.vaultline.library.store.Origin;

/**
 * The server's command facade as the daemon runs it: started once, asked to quiesce at SIGTERM, closed. In production
 * library control's {@code ServerCommands} ({@link ServerCommandsServer}); in tests, whatever a test needs.
 */
public interface CommandServer extends ServerCommandLine, AutoCloseable {
  /** Server start: DRM reconciled, libraries started (re-inventoried, unfinished moves settled); what happened. */
  List<Message> start(Origin origin);

  /** No new robot work; waits up to {@code timeout} for work in progress; true when all of it ended. */
  boolean quiesce(Duration timeout);

  @Override
  void close();
}
