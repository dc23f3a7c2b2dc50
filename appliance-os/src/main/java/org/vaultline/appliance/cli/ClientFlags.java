package org.vaultline.appliance.cli;

import java.net.URI;
import java.nio.file.Path;
import org.vaultline.appliance.client.OutputFormat;
import picocli.CommandLine.Option;

/**
 * The administrative client's command-line options, on {@code vaultline} itself and on every administrative
 * command ({@code vaultline --json q drm} and {@code vaultline q drm --json} both work). They override the client
 * options file.
 */
final class ClientFlags {
  @Option(names = "--config", paramLabel = "FILE",
      description = "Client options file (default $XDG_CONFIG_HOME/vaultline/vaultline.opt, else"
          + " ~/.config/vaultline/vaultline.opt).")
  Path config;

  @Option(names = "--server", paramLabel = "URL",
      description = "Base URL of the appliance's administrative API (default http://127.0.0.1:1580).")
  URI server;

  @Option(names = {"--id", "--admin"}, paramLabel = "ADMIN", description = "Administrator ID to sign on with.")
  String adminId;

  @Option(names = "--json", description = "Print the server's JSON answer (for scripts) instead of text.")
  boolean json;

  @Option(names = "--output", paramLabel = "TEXT|JSON", description = "Output format (the OUTPUT client option).")
  OutputFormat output;

  /** This command's flags over {@code outer}'s (the root's): what was given here wins. */
  ClientFlags over(ClientFlags outer) {
    ClientFlags f = new ClientFlags();
    f.config = config != null ? config : outer == null ? null : outer.config;
    f.server = server != null ? server : outer == null ? null : outer.server;
    f.adminId = adminId != null ? adminId : outer == null ? null : outer.adminId;
    f.json = json || (outer != null && outer.json);
    f.output = output != null ? output : outer == null ? null : outer.output;
    return f;
  }
}
