package org.vaultline.appliance.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.appliance.auth.AdminAuthentication;
import org.vaultline.appliance.auth.AdminId;
import org.vaultline.appliance.auth.Administrator;
import org.vaultline.appliance.auth.Authority;
import org.vaultline.appliance.auth.InMemoryAdministrators;
import org.vaultline.appliance.auth.LockoutPolicy;
import org.vaultline.appliance.auth.MutableClock;
import org.vaultline.appliance.auth.PasswordHasherForTests;
import org.vaultline.library.drm.Device;
import org.vaultline.library.drm.DrmSettings;
import org.vaultline.library.drm.DrmState;
import org.vaultline.library.drm.DrmVolume;
import org.vaultline.library.drm.DrmVolumeKind;
import org.vaultline.library.drm.PoolVolumeStatus;
import org.vaultline.library.drm.QueryDrMedia;

/** The serial console over a real socat pseudo-terminal pair, driven from the "laptop" end. */
class SerialConsoleTest {
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

  @TempDir
  Path dir;

  private final BlockingQueue<ConsoleEvent> events = new LinkedBlockingQueue<>();
  private final CountDownLatch slowStarted = new CountDownLatch(1);
  private final CountDownLatch slowRelease = new CountDownLatch(1);
  private AdminAuthentication auth;
  private SerialConsole console;
  private Thread consoleThread;
  private SocatPair cable;
  private Laptop laptop;

  /** A small real command set: help, q drmedia (TSM's QUERY DRMEDIA renderer over two volumes), slow, quit. */
  private final class TestCommands implements ConsoleCommands {
    @Override
    public ConsoleReply execute(Administrator administrator, String commandLine) {
      String c = commandLine.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
      switch (c) {
        case "help":
          return ConsoleReply.of("Commands: help, query drmedia, quit");
        case "q drmedia":
        case "query drmedia":
          List<DrmVolume> vols = List.of(
              new DrmVolume("CP0001L6", new DrmVolumeKind.CopyPoolVolume("COPYPOOL", PoolVolumeStatus.FULL),
                  DrmState.MOUNTABLE, Optional.empty(), Optional.of("LIB1"), NOW.minusSeconds(3600),
                  Device.tape("LTO")),
              new DrmVolume("CP0002L6", new DrmVolumeKind.CopyPoolVolume("COPYPOOL", PoolVolumeStatus.FULL),
                  DrmState.VAULT, Optional.of("VAULT"), Optional.empty(), NOW.minusSeconds(7200),
                  Device.tape("LTO")));
          return ConsoleReply.of(QueryDrMedia.all().render(vols, DrmSettings.defaults(),
              ZonedDateTime.ofInstant(NOW, ZoneOffset.UTC)));
        case "slow":
          slowStarted.countDown();
          try {
            slowRelease.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return ConsoleReply.of("slow command finished");
        case "quit":
          return ConsoleReply.quit("VLN0761I Session ended.");
        default:
          return ConsoleReply.of("VLN0100E Unknown command: " + commandLine);
      }
    }
  }

  @BeforeEach
  void setUp() {
    auth = new AdminAuthentication(new InMemoryAdministrators(), PasswordHasherForTests.fast(),
        new LockoutPolicy(3, Duration.ofMinutes(30)), new MutableClock(NOW));
    auth.register(AdminId.of("admin"), "S3rial-pass".toCharArray(), Authority.SYSTEM);
  }

  private void startConsole(String device) {
    console = new SerialConsole(device, 115200, "VAULT1", auth, new TestCommands(), events::add,
        Duration.ofMillis(100), Duration.ofMinutes(15), SerialLine::open);
    consoleThread = new Thread(console, "serial-console");
    consoleThread.start();
  }

  @AfterEach
  void tearDown() throws Exception {
    slowRelease.countDown();
    if (laptop != null) {
      laptop.close();
    }
    if (console != null) {
      console.stop();
      consoleThread.join(10_000);
      assertThat(consoleThread.isAlive()).as("console thread ends on stop()").isFalse();
    }
    if (cable != null) {
      cable.close();
    }
  }

  private <E extends ConsoleEvent> E awaitEvent(Class<E> type) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      ConsoleEvent e = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (e == null) {
        throw new AssertionError("no " + type.getSimpleName() + " event");
      }
      if (type.isInstance(e)) {
        return type.cast(e);
      }
    }
  }

  private void logIn(String password) throws InterruptedException {
    laptop.enterUntil("login: ");
    laptop.type("admin\r");
    laptop.expect("Password: ");
    laptop.type(password + "\r");
  }

  @Test
  void anOperatorLogsInRunsQueryDrmediaAndQuits() throws Exception {
    cable = new SocatPair(dir.resolve("console"), dir.resolve("laptop"));
    startConsole(cable.consoleEnd);
    laptop = new Laptop(cable.laptopEnd);

    laptop.enterUntil("login: ");
    laptop.type("admin\r");
    assertThat(laptop.expect("Password: ")).contains("admin"); // the ID is echoed
    laptop.type("S3rial-pass\r");
    String greeting = laptop.expect("VAULT1> ");
    assertThat(greeting).doesNotContain("S3rial-pass"); // the password is not
    assertThat(greeting).contains("VLN0750I Administrator ADMIN logged in with authority SYSTEM.");
    assertThat(awaitEvent(ConsoleEvent.LoggedIn.class).id()).isEqualTo(AdminId.of("ADMIN"));

    laptop.type("q drmedia\r");
    String report = laptop.expect("VAULT1> ");
    assertThat(report).contains("Volume Name").contains("CP0001L6").contains("CP0002L6").contains("Mountable")
        .contains("Vault").contains("LIB1");
    assertThat(report).contains("\r\n");
    assertThat(awaitEvent(ConsoleEvent.CommandRun.class).commandLine()).isEqualTo("q drmedia");

    laptop.type("help\r");
    assertThat(laptop.expect("VAULT1> ")).contains("Commands: help");

    laptop.type("quit\r");
    assertThat(laptop.expect("login: ")).contains("VLN0761I Session ended.");
    assertThat(awaitEvent(ConsoleEvent.LoggedOut.class).id()).isEqualTo(AdminId.of("ADMIN"));
  }

  @Test
  void repeatedBadPasswordsLockTheAdministratorOut() throws Exception {
    cable = new SocatPair(dir.resolve("console"), dir.resolve("laptop"));
    startConsole(cable.consoleEnd);
    laptop = new Laptop(cable.laptopEnd);

    logIn("wrong-1");
    assertThat(laptop.expect("login: ")).contains("VLN0751E Login incorrect.");
    assertThat(awaitEvent(ConsoleEvent.LoginFailed.class).message()).isEqualTo("VLN0751E Login incorrect.");
    laptop.type("admin\r");
    laptop.expect("Password: ");
    laptop.type("wrong-2\r");
    assertThat(laptop.expect("login: ")).contains("VLN0751E Login incorrect.");
    laptop.type("admin\r");
    laptop.expect("Password: ");
    laptop.type("wrong-3\r");
    assertThat(laptop.expect("login: ")).contains("VLN0752E Administrator ADMIN is locked out");

    // the right password no longer helps until the lockout ends
    laptop.type("admin\r");
    laptop.expect("Password: ");
    laptop.type("S3rial-pass\r");
    assertThat(laptop.expect("login: ")).contains("VLN0752E").doesNotContain("VLN0750I");
  }

  /**
   * The operator pulls the cable while a command runs (socat is killed: both pseudo-terminals vanish, as a USB
   * serial adapter does). The session ends without a logout, the console waits for the device, and after the
   * cable is plugged in again the next operator gets a login prompt, not the old session.
   */
  @Test
  void aDisconnectMidCommandEndsTheSessionAndTheConsoleServesTheNextLogin() throws Exception {
    Path consoleLink = dir.resolve("console");
    Path laptopLink = dir.resolve("laptop");
    cable = new SocatPair(consoleLink, laptopLink);
    startConsole(consoleLink.toString());
    laptop = new Laptop(cable.laptopEnd);
    awaitEvent(ConsoleEvent.PortOpened.class);

    logIn("S3rial-pass");
    laptop.expect("VAULT1> ");
    laptop.type("slow\r");
    assertThat(slowStarted.await(30, TimeUnit.SECONDS)).isTrue();

    laptop.close();
    laptop = null;
    cable.close(); // the cable is pulled out mid-command
    cable = null;
    slowRelease.countDown(); // the command finishes; its output has nowhere to go

    ConsoleEvent.Disconnected gone = awaitEvent(ConsoleEvent.Disconnected.class);
    assertThat(gone.id()).contains(AdminId.of("ADMIN"));
    assertThat(gone.duringCommand()).isTrue();
    assertThat(consoleThread.isAlive()).isTrue();

    cable = new SocatPair(consoleLink, laptopLink); // plugged in again
    awaitEvent(ConsoleEvent.PortOpened.class);
    laptop = new Laptop(cable.laptopEnd);
    laptop.enterUntil("login: ");
    laptop.type("admin\r");
    laptop.expect("Password: ");
    laptop.type("S3rial-pass\r");
    laptop.expect("VAULT1> ");
    laptop.type("q drmedia\r");
    assertThat(laptop.expect("VAULT1> ")).contains("CP0001L6");
  }
}
