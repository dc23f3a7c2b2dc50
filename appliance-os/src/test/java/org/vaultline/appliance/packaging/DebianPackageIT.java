package org.vaultline.appliance.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.appliance.options.Options;
import org.vaultline.appliance.options.OptionsFile;

/**
 * The Debian package built in {@code package} (jdeb), unpacked into a scratch root with {@code dpkg-deb -x}, has the
 * appliance's layout, and its {@code vaultline} runs from there. Runs in {@code verify} (maven-failsafe-plugin).
 */
class DebianPackageIT {
  @TempDir
  static Path root;

  static Path deb;

  @BeforeAll
  static void unpack() throws Exception {
    Path target = Path.of(System.getProperty("vaultline.buildDirectory", "target"));
    try (Stream<Path> s = Files.list(target)) {
      List<Path> debs = s.filter(p -> p.getFileName().toString().matches("vaultline_.*_all\\.deb")).toList();
      assertThat(debs).as("one .deb in %s", target).hasSize(1);
      deb = debs.get(0);
    }
    assertThat(run(List.of("dpkg-deb", "-x", deb.toString(), root.toString())).exit).isZero();
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  @Test
  void theControlFileNamesThePackageAndItsJavaDependency() throws Exception {
    Result info = run(List.of("dpkg-deb", "-f", deb.toString()));
    assertThat(info.exit).isZero();
    assertThat(info.output).contains("Package: vaultline").contains("Architecture: all")
        .contains("openjdk-17-jre-headless");
    Result conffiles = run(List.of("dpkg-deb", "-I", deb.toString(), "conffiles"));
    assertThat(conffiles.output).contains("/etc/vaultline/vaultlined.opt");
    Result postinst = run(List.of("dpkg-deb", "-I", deb.toString(), "postinst"));
    assertThat(postinst.output).contains("adduser --system --ingroup vaultline");
  }

  @Test
  void theLaunchersAreExecutableAndTheJarsAreInUsrShare() throws Exception {
    for (String launcher : List.of("usr/bin/vaultline", "usr/sbin/vaultlined")) {
      assertThat(Files.getPosixFilePermissions(root.resolve(launcher))).contains(PosixFilePermission.OWNER_EXECUTE,
          PosixFilePermission.OTHERS_EXECUTE);
    }
    Path lib = root.resolve("usr/share/vaultline/lib");
    assertThat(lib.resolve("appliance-os.jar")).isRegularFile();
    try (Stream<Path> s = Files.list(lib)) {
      List<String> jars = s.map(p -> p.getFileName().toString()).toList();
      assertThat(jars).anyMatch(j -> j.startsWith("picocli-")).anyMatch(j -> j.startsWith("jSerialComm-"))
          .anyMatch(j -> j.startsWith("jna-")).anyMatch(j -> j.startsWith("library-control-"))
          .anyMatch(j -> j.startsWith("scsi-"));
    }
  }

  @Test
  void theSystemdUnitIsHardenedAndOfTypeNotify() throws Exception {
    String unit = Files.readString(root.resolve("lib/systemd/system/vaultlined.service"));
    assertThat(unit).contains("Type=notify", "WatchdogSec=", "User=vaultline", "ProtectSystem=strict",
        "ProtectHome=yes", "PrivateTmp=yes", "NoNewPrivileges=yes", "DevicePolicy=closed", "DeviceAllow=char-sg rw",
        "DeviceAllow=char-st rw", "ReadWritePaths=/var/lib/vaultline", "ExecStart=/usr/sbin/vaultlined");
  }

  @Test
  void theUdevRulesGrantTheGroupAndMakeSerialNumberLinksForChangersAndTapes() throws Exception {
    String rules = Files.readString(root.resolve("lib/udev/rules.d/60-vaultline.rules"));
    assertThat(rules).contains("ATTRS{type}==\"8\"", "ATTRS{type}==\"1\"", "GROUP=\"vaultline\"",
        "vaultline/changer-$env{ID_SCSI_SERIAL}", "vaultline/nst-$env{ID_SCSI_SERIAL}");
  }

  @Test
  void theDefaultOptionsFileIsValidAndGivesTheDefaults() throws Exception {
    Options o = OptionsFile.read(root.resolve("etc/vaultline/vaultlined.opt"));
    assertThat(o).isEqualTo(Options.defaults());
  }

  @Test
  void theManPagesComeFromTheCommandModelAsGzippedRoff() throws Exception {
    Path man = root.resolve("usr/share/man/man1");
    for (String page : List.of("vaultline", "vaultline-console", "vaultline-events", "vaultline-query-drmedia",
        "vaultline-move-drmedia", "vaultline-checkin-libvolume", "vaultline-register-admin", "vaultline-decode")) {
      assertThat(man.resolve(page + ".1.gz")).isRegularFile();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(man.resolve(page + ".1.gz"))))
          .isEqualTo("rw-r--r--");
    }
    String move = gunzip(man.resolve("vaultline-move-drmedia.1.gz"));
    assertThat(move).startsWith("'\\\" t").contains(".TH \"VAULTLINE\\-MOVE\\-DRMEDIA\" \"1\"")
        .contains("WHERESTATE").contains("TSM syntax: MOVe DRMedia volname");
    Result rendered = run(List.of("man", "-l", "-P", "cat", man.resolve("vaultline-move-drmedia.1.gz").toString()));
    if (rendered.exit == 0) { // man-db is not on every build machine; groff checks the roff when it is
      assertThat(rendered.output).contains("REMOVE=YES|NO|BULK|UNTILEEFULL");
    }
  }

  @Test
  void theBashCompletionComesFromTheCommandModel() throws Exception {
    String script = Files.readString(root.resolve("usr/share/bash-completion/completions/vaultline"));
    assertThat(script).contains("complete -F _complete_vaultline").contains("drmedia").contains("WHERESTATE");
  }

  @Test
  void theTarballCarriesTheSameManPagesAndCompletion() throws Exception {
    Path target = deb.getParent();
    try (Stream<Path> s = Files.list(target)) {
      Path tarball = s.filter(p -> p.getFileName().toString().matches("vaultline-.*\\.tar\\.gz")).findFirst()
          .orElseThrow();
      Result list = run(List.of("tar", "tzf", tarball.toString()));
      assertThat(list.exit).isZero();
      assertThat(list.output).containsPattern("vaultline-[^/]+/share/man/man1/vaultline-query-drmedia\\.1\\.gz")
          .containsPattern("vaultline-[^/]+/share/bash-completion/completions/vaultline\n");
    }
  }

  private static String gunzip(Path p) throws IOException {
    try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(p))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theUnpackedVaultlineCommandPrintsItsVersion() throws Exception {
    Result r = run(List.of(root.resolve("usr/bin/vaultline").toString(), "--version"));
    assertThat(r.exit).as(r.output).isZero();
    assertThat(r.output).startsWith("vaultline ");
  }

  @Test
  void theUnpackedDaemonRefusesAMissingOptionsFileWithItsNameAndStartsFromTheUnitsCommandLine() throws Exception {
    Result v = run(List.of(root.resolve("usr/sbin/vaultlined").toString(), "--version"));
    assertThat(v.exit).as(v.output).isZero();
    assertThat(v.output).startsWith("vaultlined ");
    // the unit's ExecStart must be a command line the daemon accepts: only the options file is missing here
    String unit = Files.readString(root.resolve("lib/systemd/system/vaultlined.service"));
    String exec = unit.lines().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow().substring(10);
    List<String> words = new java.util.ArrayList<>(List.of(exec.split(" ")));
    words.set(0, root.resolve(words.get(0).substring(1)).toString());
    words.set(words.size() - 1, root.resolve("no-such-dir/vaultlined.opt").toString());
    Result r = run(words);
    assertThat(r.exit).as(r.output).isEqualTo(2);
    assertThat(r.output).contains("no-such-dir/vaultlined.opt").doesNotContain("Unmatched argument");
  }
}
