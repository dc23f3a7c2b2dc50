package org.vaultline.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.appliance.daemon.Daemon;
import org.vaultline.appliance.daemon.Vaultlined;
import org.vaultline.appliance.options.OptionsFile;
import org.vaultline.device.DeviceOpener;
import org.vaultline.device.DeviceUrl;
import org.vaultline.emulator.EmulatedLibrary;
import org.vaultline.emulator.Initiator;
import org.vaultline.emulator.VirtualClock;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.library.control.ControlOptions;
import org.vaultline.library.robot.RobotClock;
import picocli.CommandLine;

/**
 * A DRM cycle typed as an administrator would, through {@code vaultline} against the real daemon in process and an
 * emulated StorageTek SL500 (on a virtual clock, so robot moves cost no waiting): define the library, check the
 * cartridges in, register a copy-pool volume with DRM, move it to the vault (ejected to the I/O station), and query
 * it.
 */
class DaemonDrmCycleTest {
  static final String PASSWORD = "admin-secret-1";
  private static final Initiator DAEMON = new Initiator("vaultlined-cli-test");

  @TempDir
  Path dir;

  Daemon daemon;
  EmulatedLibrary library;

  @BeforeEach
  void start() throws Exception {
    VirtualClock clock = new VirtualClock();
    library = EmulatedLibrary.builder(Personality.named("stk-sl500")).clock(clock)
        .stock("CPY001L4", "CPY002L4").build();
    library.acknowledgePowerOn(DAEMON);
    Path opt = dir.resolve("vaultlined.opt");
    Files.write(opt, List.of("DATADIRECTORY " + dir.resolve("data"), "LOGDIRECTORY " + dir.resolve("log"),
        "ADMINPORT 0", "MQTTEMBEDDEDPORT 0", "TIMEZONE UTC", "APPLIANCENAME DRMCLI"), StandardCharsets.UTF_8);
    Path pw = dir.resolve("pw");
    Files.writeString(pw, PASSWORD + "\n");
    assertThat(new CommandLine(new Vaultlined()).execute("--options", opt.toString(), "register-admin", "admin",
        "--password-file", pw.toString())).isZero();
    RobotClock robot = new RobotClock() {
      @Override
      public Instant now() {
        return clock.now();
      }

      @Override
      public void sleep(Duration d) throws InterruptedException {
        clock.sleep(d);
      }
    };
    daemon = Daemon.start(OptionsFile.read(opt), opt.toString(), Daemon.Parts.production(url -> {
      if (DeviceUrl.parse(url) instanceof DeviceUrl.Emulated e) {
        return e.lun() == 0 ? library.changer(DAEMON) : library.drive(e.lun() - 1, DAEMON);
      }
      return DeviceOpener.standard().open(url);
    }).withEnvironment(Map.of())
        .withControlOptions(ControlOptions.DEFAULT.withClock(robot).withPolls(Duration.ofMillis(20), Duration.ofHours(1)))
        .withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(20)));
  }

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.close();
    }
  }

  @TempDir
  Path home;

  ClientRun.Result vaultline(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "--server";
    all[1] = daemon.adminUrl().toString();
    all[2] = "--id";
    all[3] = "admin";
    System.arraycopy(args, 0, all, 4, args.length);
    ClientRun.Result r = new ClientRun(home).env("VAULTLINE_PASSWORD", PASSWORD).run(all);
    assertThat(r.status()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
    return r;
  }

  @Test
  void aCopyPoolVolumeGoesToTheVaultThroughTheCli() throws Exception {
    vaultline("def", "libr", "LIB1");
    vaultline("def", "path", "DRMCLI", "LIB1", "srct=server", "destt=library", "devi=emulated:stk-sl500");
    vaultline("def", "dr", "LIB1", "DRIVE0");
    vaultline("define", "path", "DRMCLI", "DRIVE0", "srctype=server", "desttype=drive", "library=LIB1",
        "device=emulated:stk-sl500/1");
    vaultline("checki", "libv", "LIB1", "search=yes", "status=private", "checklabel=barcode");
    assertThat(vaultline("q", "libv", "LIB1").out()).contains("CPY001").contains("CPY002");
    vaultline("define", "drmvolume", "CPY001", "type=copystgpool", "pool=OFFSITE", "status=full", "library=LIB1");
    assertThat(vaultline("q", "drm", "CPY001").out()).contains("CPY001").contains("Mountable");
    vaultline("set", "drmchecklabel", "no"); // the emulated cartridges are blank: no label to read
    ClientRun.Result move = vaultline("move", "drmedia", "CPY001", "wherestate=mountable", "tostate=vault",
        "remove=yes", "wait=yes");
    assertThat(move.out()).contains("CPY001").contains("1 volumes moved");
    String json = vaultline("--json", "q", "drmedia", "*", "wherestate=vault").out();
    assertThat(FakeAdminServer.JSON.readTree(json).path("rows").toString()).contains("CPY001");
  }
}
