package org.vaultline.appliance.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code vaultline} in-process for a user without a terminal: given environment, home and standard input. */
final class ClientRun {
  record Result(int status, String out, String err) {}

  private final Path home;
  private final Map<String, String> env = new HashMap<>();
  private String stdin = "";

  ClientRun(Path home) {
    this.home = home;
    env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
  }

  ClientRun env(String name, String value) {
    if (value == null) {
      env.remove(name);
    } else {
      env.put(name, value);
    }
    return this;
  }

  ClientRun stdin(String text) {
    this.stdin = text;
    return this;
  }

  Path optionsFile() {
    return home.resolve(".config/vaultline/vaultline.opt");
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ClientSession session = new ClientSession(ClientSession.Environment.batch(env, home,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
    int status = VaultlineCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), session)
        .execute(args);
    return new Result(status, out.toString(), err.toString());
  }
}
