package org.vaultline.appliance.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.appliance.daemon.DaemonFixture;
import org.vaultline.library.store.OperatorRequest;

/**
 * The daemon's serial console (SERIALCONSOLE) over a real socat pseudo-terminal pair: the same commands as the API,
 * with the same administrators, authority checks and activity log.
 */
class DaemonSerialConsoleTest {
  @TempDir Path dir;
  private DaemonFixture f;
  private SocatPair cable;
  private Laptop laptop;

  @AfterEach
  void tearDown() throws Exception {
    if (laptop != null) {
      laptop.close();
    }
    if (f != null) {
      f.close();
    }
    if (cable != null) {
      cable.close();
    }
  }

  private void start() throws Exception {
    Path consoleLink = dir.resolve("ttyS0");
    cable = new SocatPair(consoleLink, dir.resolve("laptop"));
    f = new DaemonFixture(dir, "SERIALCONSOLE " + consoleLink, "SERIALSPEED 115200");
    laptop = new Laptop(cable.laptopEnd);
  }

  private void logIn(String id, String password) throws InterruptedException {
    laptop.enterUntil("login: ");
    laptop.type(id + "\r");
    laptop.expect("Password: ");
    laptop.type(password + "\r");
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  @Test
  void anAdministratorLogsInAndRunsQueryDrmediaAsThroughTheApi() throws Exception {
    start();
    f.defineLibrary();
    f.admin("checkin libvolume LIB1 search=yes status=scratch checklabel=barcode");
    f.admin("define drmvolume CPY001 type=copystgpool pool=OFFSITE status=full library=LIB1");

    logIn("admin", DaemonFixture.ADMIN_PASSWORD);
    String greeting = laptop.expect("VAULTLINE> ");
    assertThat(greeting).contains("VLN0750I Administrator ADMIN logged in with authority SYSTEM.")
        .doesNotContain(DaemonFixture.ADMIN_PASSWORD);
    laptop.type("q drmedia\r");
    String report = laptop.expect("VAULTLINE> ");
    assertThat(report).contains("CPY001").contains("\r\n");
    laptop.type("frobnicate\r");
    assertThat(laptop.expect("VAULTLINE> ")).contains("E ");
    laptop.type("quit\r");
    assertThat(laptop.expect("login: ")).contains("Session ended");
    assertThat(f.actlog()).contains("VLN0820I Administrator ADMIN issued command: q drmedia [ADMIN]")
        .anyMatch(l -> l.startsWith("VLN0862I Administrator ADMIN logged in on the serial console"))
        .anyMatch(l -> l.startsWith("VLN0864I Administrator ADMIN logged out of the serial console."));
  }

  @Test
  void aBadPasswordIsRefusedAndAReadAdministratorCannotConfigure() throws Exception {
    start();
    f.admin("register admin reader reader-secret authority=read");
    logIn("admin", "not-the-password");
    assertThat(laptop.expect("login: ")).contains("VLN0751E Login incorrect.");
    laptop.type("reader\r");
    laptop.expect("Password: ");
    laptop.type("reader-secret\r");
    laptop.expect("VAULTLINE> ");
    laptop.type("define library LIB9\r");
    assertThat(laptop.expect("VAULTLINE> ")).contains("VLN0753E").contains("needs authority SYSTEM");
    assertThat(f.actlog()).anyMatch(l -> l.startsWith("VLN0837W Login failed for administrator ADMIN (1 in a row)"))
        .anyMatch(l -> l.startsWith("VLN0863W Serial console login refused for ADMIN"));
  }

  /**
   * The cable is pulled while CHECKIN LIBVOLUME waits for the operator to fill the I/O station: the daemon keeps
   * running, the request can be cancelled through the API, the session ends without a logout, and after the cable is
   * plugged in again the next login gets a fresh session with nothing lost.
   */
  @Test
  void aDisconnectMidCommandLeavesTheDaemonRunningAndNothingLost() throws Exception {
    start();
    f.defineLibrary();
    f.admin("checkin libvolume LIB1 search=yes status=scratch checklabel=barcode");
    logIn("admin", DaemonFixture.ADMIN_PASSWORD);
    laptop.expect("VAULTLINE> ");
    laptop.type("checkin libvolume LIB1 search=bulk status=scratch checklabel=barcode waittime=60\r");
    await("the operator request", () -> !f.daemon.store().read(r -> r.requests().outstanding()).isEmpty());

    laptop.close();
    laptop = null;
    cable.close(); // pulled out mid-command
    cable = null;

    List<OperatorRequest> waiting = f.daemon.store().read(r -> r.requests().outstanding());
    DaemonFixture.Reply cancel = f.admin("cancel request " + waiting.get(0).number());
    assertThat(cancel.status()).as("%s", cancel.body()).isEqualTo(200);
    await("the console to notice the lost line", () -> f.actlog().stream()
        .anyMatch(l -> l.startsWith("VLN0865W Serial console line") && l.contains("in a command")));

    cable = new SocatPair(dir.resolve("ttyS0"), dir.resolve("laptop"));
    laptop = new Laptop(cable.laptopEnd);
    logIn("admin", DaemonFixture.ADMIN_PASSWORD);
    laptop.expect("VAULTLINE> ");
    laptop.type("q libvol\r");
    String volumes = laptop.expect("VAULTLINE> ");
    assertThat(volumes).contains("CPY001").contains("CPY002").contains("CPY003").contains("DBB001");
    assertThat(f.admin("q status").status()).isEqualTo(200);
  }
}
