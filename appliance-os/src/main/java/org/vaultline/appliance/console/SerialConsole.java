package org.vaultline.appliance.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.vaultline.appliance.auth.AdminAuthentication;
import org.vaultline.appliance.auth.AdminId;
import org.vaultline.appliance.auth.Administrator;
import org.vaultline.appliance.auth.LoginResult;

/**
 * The administrative console on a serial line, for when the network is down: an operator plugs a laptop into the
 * appliance's serial port (115200 8N1 by default), logs in with an administrator ID and password, and types the
 * same commands as in {@code vaultline}'s console mode. Password characters are not echoed; failed logins count
 * towards the administrator's lockout ({@link AdminAuthentication}).
 *
 * <p>When the line goes away (a USB adapter pulled out, the device gone), the session ends without a logout and the
 * console goes back to waiting for the device and then for the next login; a command that was running finishes
 * and its output is dropped. A session also ends after {@code idleTimeout} without input, so an operator who
 * leaves without logging out does not leave a logged-in console behind.
 */
public final class SerialConsole implements Runnable {
  /** How the console reaches its line; the default opens the device with jSerialComm. */
  interface LineOpener {
    ConsoleLine open(String device, int speed) throws IOException;
  }

  private static final byte CR = '\r';
  private static final byte LF = '\n';
  private static final byte BS = 0x08;
  private static final byte DEL = 0x7f;
  private static final byte CTRL_C = 0x03;
  private static final byte CTRL_D = 0x04;
  private static final int MAX_LINE = 4096;

  private final String device;
  private final int speed;
  private final String applianceName;
  private final AdminAuthentication authentication;
  private final ConsoleCommands commands;
  private final Consumer<ConsoleEvent> events;
  private final Duration retryDelay;
  private final Duration idleTimeout;
  private final LineOpener opener;
  private volatile boolean running = true;
  private volatile ConsoleLine current;

  public SerialConsole(String device, int speed, String applianceName, AdminAuthentication authentication,
      ConsoleCommands commands, Consumer<ConsoleEvent> events) {
    this(device, speed, applianceName, authentication, commands, events, Duration.ofSeconds(2),
        Duration.ofMinutes(15), SerialLine::open);
  }

  SerialConsole(String device, int speed, String applianceName, AdminAuthentication authentication,
      ConsoleCommands commands, Consumer<ConsoleEvent> events, Duration retryDelay, Duration idleTimeout,
      LineOpener opener) {
    this.device = Objects.requireNonNull(device, "device");
    this.speed = speed;
    this.applianceName = Objects.requireNonNull(applianceName, "applianceName");
    this.authentication = Objects.requireNonNull(authentication, "authentication");
    this.commands = Objects.requireNonNull(commands, "commands");
    this.events = Objects.requireNonNull(events, "events");
    this.retryDelay = retryDelay;
    this.idleTimeout = idleTimeout;
    this.opener = opener;
  }

  /** Serves logins until {@link #stop()}: opens the device, and opens it again whenever the line is lost. */
  @Override
  public void run() {
    String lastFailure = null;
    while (running) {
      ConsoleLine line;
      try {
        line = opener.open(device, speed);
        lastFailure = null;
      } catch (IOException e) {
        if (!e.getMessage().equals(lastFailure)) { // once per cause, not every retry
          events.accept(new ConsoleEvent.PortUnavailable(device, e.getMessage()));
          lastFailure = e.getMessage();
        }
        sleep(retryDelay);
        continue;
      }
      current = line;
      events.accept(new ConsoleEvent.PortOpened(device));
      try {
        serve(line);
      } finally {
        current = null;
        line.close();
      }
    }
  }

  /** Ends {@link #run()}: the current session ends and the device is closed. */
  public void stop() {
    running = false;
    ConsoleLine l = current;
    if (l != null) {
      l.close();
    }
  }

  /** Sessions one after another on an open line, until it is lost or the console stops. */
  private void serve(ConsoleLine line) {
    Session s = new Session(line);
    Optional<AdminId> who = Optional.empty();
    boolean inCommand = false;
    try {
      s.print("\r\nVaultline " + applianceName + " serial console on " + device + "\r\n");
      while (running) {
        who = Optional.empty();
        Administrator admin = login(s);
        if (admin == null) {
          continue;
        }
        who = Optional.of(admin.id());
        while (running) {
          s.print(applianceName + "> ");
          Optional<String> cmd = s.readLine(true);
          if (cmd.isEmpty()) { // idle: log out
            s.print("\r\nVLN0762I Session ended after " + idleTimeout.toMinutes() + " minutes without input.\r\n");
            events.accept(new ConsoleEvent.LoggedOut(admin.id()));
            break;
          }
          String text = cmd.get().strip();
          if (text.isEmpty()) {
            continue;
          }
          events.accept(new ConsoleEvent.CommandRun(admin.id(), text));
          inCommand = true;
          ConsoleCommands.ConsoleReply reply = commands.execute(admin, text);
          s.print(crlf(reply.output()));
          inCommand = false;
          if (reply.endSession()) {
            events.accept(new ConsoleEvent.LoggedOut(admin.id()));
            break;
          }
        }
      }
    } catch (IOException e) {
      if (running) {
        events.accept(new ConsoleEvent.Disconnected(device, who, inCommand));
      }
    }
  }

  /** One login attempt: the administrator, or null after a refusal or an empty ID. */
  private Administrator login(Session s) throws IOException {
    s.print("login: ");
    Optional<String> id = s.readLine(true);
    if (id.isEmpty() || id.get().isBlank()) {
      return null;
    }
    AdminId adminId;
    try {
      adminId = AdminId.of(id.get().strip());
    } catch (IllegalArgumentException e) {
      s.print("VLN0751E Login incorrect.\r\n");
      return null;
    }
    s.print("Password: ");
    Optional<String> pw = s.readLine(false);
    s.print("\r\n");
    if (pw.isEmpty()) {
      return null;
    }
    char[] password = pw.get().toCharArray();
    LoginResult r;
    try {
      r = authentication.login(adminId, password);
    } finally {
      Arrays.fill(password, '\0');
    }
    s.print(r.message() + "\r\n");
    if (r instanceof LoginResult.Accepted a) {
      events.accept(new ConsoleEvent.LoggedIn(adminId));
      return a.administrator();
    }
    events.accept(new ConsoleEvent.LoginFailed(adminId, r.message()));
    return null;
  }

  private static String crlf(String text) {
    String t = text.replace("\r\n", "\n");
    if (!t.isEmpty() && !t.endsWith("\n")) {
      t = t + "\n";
    }
    return t.replace("\n", "\r\n");
  }

  private void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** Line input with echo and erase on one open line. */
  private final class Session {
    private final ConsoleLine line;
    private final byte[] buf = new byte[256];
    private int pos;
    private int len;
    private boolean lastWasCr;

    Session(ConsoleLine line) {
      this.line = line;
    }

    void print(String s) throws IOException {
      line.write(s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A line ended by CR, LF or CR LF; empty when {@code idleTimeout} passes without input. Ctrl-C discards the
     * line typed so far and returns an empty line; echoes printable characters only when {@code echo}.
     */
    Optional<String> readLine(boolean echo) throws IOException {
      StringBuilder text = new StringBuilder();
      long idleSince = System.nanoTime();
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      while (running) {
        if (pos == len) {
          len = line.read(buf);
          pos = 0;
          if (len == 0) {
            if (System.nanoTime() - idleSince > idleTimeout.toNanos()) {
              return Optional.empty();
            }
            continue;
          }
          idleSince = System.nanoTime();
        }
        byte b = buf[pos++];
        if (b == LF && lastWasCr) {
          lastWasCr = false;
          continue;
        }
        lastWasCr = b == CR;
        if (b == CR || b == LF) {
          if (echo) {
            print("\r\n");
          }
          text.append(bytes.toString(StandardCharsets.UTF_8));
          return Optional.of(text.toString());
        } else if (b == BS || b == DEL) {
          byte[] sofar = bytes.toByteArray();
          if (sofar.length > 0) {
            // drop a whole UTF-8 character: continuation bytes are 10xxxxxx
            int cut = sofar.length - 1;
            while (cut > 0 && (sofar[cut] & 0xC0) == 0x80) {
              cut--;
            }
            bytes.reset();
            bytes.write(sofar, 0, cut);
            if (echo) {
              print("\b \b");
            }
          }
        } else if (b == CTRL_C || b == CTRL_D) {
          if (echo) {
            print("^C\r\n");
          }
          return Optional.of("");
        } else if ((b & 0xFF) >= 0x20 && bytes.size() < MAX_LINE) {
          bytes.write(b);
          if (echo) {
            line.write(new byte[] {b});
          }
        }
      }
      throw new IOException("console stopped");
    }
  }
}
