package org.vaultline.appliance.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vaultline.appliance.client.ClientException;
import org.vaultline.appliance.client.ClientOptions;
import org.vaultline.appliance.client.ClientOptionsFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vaultline set-client}: writes the client options file (permissions 0600, directory 0700) with the server
 * URL, administrator ID, output format and trust store given, keeping what is not given.
 */
@Command(name = "set-client", mixinStandardHelpOptions = true,
    description = {"Write the client options file (0600): SERVERURL, ADMINID, OUTPUT, TRUSTSTORE, PASSWORD.",
        "Options not given keep their value. The file: --config, or $XDG_CONFIG_HOME/vaultline/vaultline.opt,"
            + " else ~/.config/vaultline/vaultline.opt."},
    exitCodeListHeading = "%nExit status:%n", exitCodeList = {"0:written", "4:the file cannot be read or written"})
final class SetClientCommand implements Callable<Integer> {
  private final ClientSession session;

  @CommandLine.Mixin
  ClientFlags flags = new ClientFlags();

  @Option(names = "--truststore", paramLabel = "FILE",
      description = "PKCS#12 trust store or PEM certificate that signs the server's certificate (HTTPS).")
  Path truststore;

  @Option(names = "--password", description = {"Save the password too: asked without echo at a terminal, else the "
      + "first line of standard input."})
  boolean password;

  @Option(names = "--forget-password", description = "Remove a saved password.")
  boolean forgetPassword;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  SetClientCommand(ClientSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ClientFlags f = flags.over(session.rootFlags());
    Path path = session.optionsPath(f);
    try {
      ClientOptions o = session.options(f);
      if (truststore != null) {
        o = o.withTruststore(truststore.toAbsolutePath());
      }
      if (forgetPassword) {
        o = new ClientOptions(o.serverUrl(), o.adminId(), Optional.empty(), o.output(), o.truststore(),
            o.truststorePassword());
      }
      if (password) {
        String p = readPassword(o).orElseThrow(() -> new ClientException("VLN0613E", "No password given."));
        o = o.withPassword(p);
      }
      ClientOptionsFile.write(path, ClientOptionsFile.format(o, true));
    } catch (ClientException e) {
      ClientSession.printClientError(err, e);
      return ServerCommand.CLIENT;
    }
    out.println("VLN0620I Client options written to " + path + " (permissions 0600).");
    out.flush();
    return 0;
  }

  private Optional<String> readPassword(ClientOptions o) throws ClientException {
    if (session.environment().terminal()) {
      return session.prompter().password("Password for " + o.adminId().orElse("the administrator") + ": ");
    }
    try {
      BufferedReader in = new BufferedReader(new InputStreamReader(session.environment().stdin(),
          StandardCharsets.UTF_8));
      return Optional.ofNullable(in.readLine()).filter(s -> !s.isEmpty());
    } catch (IOException e) {
      throw new ClientException("VLN0613E", "Cannot read the password from standard input: " + e.getMessage());
    }
  }
}
