package org.vaultline.appliance.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.appliance.options.OptionsFile;
import org.vaultline.device.DeviceOpener;

/** The SIGTERM hook is installed before start-up; a SIGTERM arriving before start-up began must not start anything. */
class DaemonStopBeforeStartTest {
  @TempDir Path dir;

  @Test
  void aStopBeforeStartUpBeganLeavesNothingStartedAndStartUpThenRefusesToBegin() throws Exception {
    Path opt = dir.resolve("vaultlined.opt");
    Files.write(opt, List.of("DATADIRECTORY " + dir.resolve("data"), "LOGDIRECTORY " + dir.resolve("log"),
        "ADMINPORT 0", "MQTTEMBEDDEDPORT 0", "TIMEZONE UTC"));
    Daemon d = Daemon.create(OptionsFile.read(opt),
        Daemon.Parts.production(DeviceOpener.standard()::open).withEnvironment(Map.of()));
    d.stop();
    assertThat(d.startUp(opt.toString())).isFalse();
    assertThat(dir.resolve("data").resolve(Daemon.STORE_FILE)).doesNotExist();
    assertThat(dir.resolve("data").resolve(Daemon.ADMIN_URL_FILE)).doesNotExist();
    d.stop(); // idempotent
  }
}
