package org.vaultline.appliance.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsFileTest {

  private static Options parse(String... lines) throws OptionsException {
    return OptionsFile.parse("vaultlined.opt", List.of(lines));
  }

  private static List<OptionProblem> problems(String... lines) {
    try {
      parse(lines);
    } catch (OptionsException e) {
      return e.problems();
    }
    throw new AssertionError("expected the options to be rejected");
  }

  @Test
  void anEmptyFileGivesTheDefaults() throws Exception {
    Options o = parse();
    assertThat(o).isEqualTo(Options.defaults());
    assertThat(o.dataDirectory()).isEqualTo(Path.of("/var/lib/vaultline"));
    assertThat(o.adminAddress()).isEqualTo("127.0.0.1");
    assertThat(o.adminPort()).isEqualTo(1580);
    assertThat(o.adminTls()).isFalse();
    assertThat(o.embeddedBroker()).isTrue();
    assertThat(o.mqttRootTopic()).isEqualTo("vaultline");
    assertThat(o.mqttVersion()).isEqualTo(MqttVersion.V5);
    assertThat(o.serialConsole()).isEmpty();
    assertThat(o.serialSpeed()).isEqualTo(115200);
    assertThat(o.logMaxSize()).isEqualTo(10L * 1024 * 1024);
  }

  @Test
  void everyOptionIsReadInAnyCaseWithCommentsAndBlankLinesSkipped() throws Exception {
    Options o = parse(
        "* a TSM-style comment",
        "# a shell-style comment",
        "",
        "   datadirectory   /srv/vaultline/data  ",
        "ApplianceName site-a.vault1",
        "ADMINADDRESS 0.0.0.0",
        "AdminPort 8443",
        "ADMINKEYSTORE /etc/vaultline/admin.p12",
        "ADMINKEYSTOREPASSWORDFILE /etc/vaultline/admin.pass",
        "MQTTBROKER ssl://mq1.example:8883, ssl://mq2.example:8883",
        "mqttbroker wss://mq3.example/mqtt",
        "MQTTROOTTOPIC site/dc1/vaultline",
        "MQTTUSERNAME \"vault line\"",
        "MQTTPASSWORDFILE /etc/vaultline/mqtt.pass",
        "MQTTTLS yes",
        "MQTTTRUSTSTORE /etc/vaultline/ca.p12",
        "MQTTVERSION 3.1.1",
        "SERIALCONSOLE /dev/ttyS0",
        "SERIALSPEED 38400",
        "LOGDIRECTORY /srv/vaultline/log",
        "LOGMAXSIZE 512k",
        "LOGFILES 3");
    assertThat(o.dataDirectory()).isEqualTo(Path.of("/srv/vaultline/data"));
    assertThat(o.applianceName()).isEqualTo("SITE-A.VAULT1");
    assertThat(o.adminAddress()).isEqualTo("0.0.0.0");
    assertThat(o.adminPort()).isEqualTo(8443);
    assertThat(o.adminKeystore()).contains(Path.of("/etc/vaultline/admin.p12"));
    assertThat(o.adminKeystorePasswordFile()).contains(Path.of("/etc/vaultline/admin.pass"));
    assertThat(o.mqttBrokers()).containsExactly(URI.create("ssl://mq1.example:8883"),
        URI.create("ssl://mq2.example:8883"), URI.create("wss://mq3.example/mqtt"));
    assertThat(o.embeddedBroker()).isFalse();
    assertThat(o.mqttRootTopic()).isEqualTo("site/dc1/vaultline");
    assertThat(o.mqttUsername()).contains("vault line");
    assertThat(o.mqttPasswordFile()).contains(Path.of("/etc/vaultline/mqtt.pass"));
    assertThat(o.mqttTls()).isTrue();
    assertThat(o.mqttTruststore()).contains(Path.of("/etc/vaultline/ca.p12"));
    assertThat(o.mqttVersion()).isEqualTo(MqttVersion.V3_1_1);
    assertThat(o.serialConsole()).contains(Path.of("/dev/ttyS0"));
    assertThat(o.serialSpeed()).isEqualTo(38400);
    assertThat(o.logDirectory()).isEqualTo(Path.of("/srv/vaultline/log"));
    assertThat(o.logMaxSize()).isEqualTo(512L * 1024);
    assertThat(o.logFiles()).isEqualTo(3);
  }

  @Test
  void anUnknownOptionIsRejectedWithItsLineNumberAndMessageId() {
    List<OptionProblem> p = problems("* comment", "DATADIRECTORY /data", "LIBRARY LIB1 /dev/sg3");
    assertThat(p).hasSize(1);
    assertThat(p.get(0).line()).isEqualTo(3);
    assertThat(p.get(0).messageId()).isEqualTo("VLN0701E");
    assertThat(p.get(0)).hasToString("VLN0701E vaultlined.opt line 3: unknown option LIBRARY.");
  }

  @Test
  void aMisspelledOptionGetsASuggestion() {
    assertThat(problems("MQTTBROKERS tcp://x:1883").get(0).message())
        .isEqualTo("unknown option MQTTBROKERS. Did you mean MQTTBROKER?");
  }

  @Test
  void badValuesAreRejectedWithTheLineTheReasonAndTheRightForm() {
    List<OptionProblem> p = problems(
        "ADMINPORT 70000",
        "DATADIRECTORY relative/dir",
        "MQTTTLS maybe",
        "MQTTVERSION 4",
        "SERIALSPEED 12345",
        "LOGMAXSIZE 1K",
        "MQTTBROKER http://broker:80",
        "MQTTROOTTOPIC a/+/b",
        "APPLIANCENAME has space",
        "LOGFILES many");
    assertThat(p).extracting(OptionProblem::line).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(p).extracting(OptionProblem::messageId).containsOnly("VLN0702E");
    assertThat(p.get(0).toString()).isEqualTo(
        "VLN0702E vaultlined.opt line 1: ADMINPORT 70000 is not valid: the value is 0 to 65535."
            + " The right form is: ADMINPORT port");
    assertThat(p.get(1).message()).contains("absolute");
    assertThat(p.get(6).message()).contains("tcp://");
  }

  @Test
  void anOptionGivenTwiceIsRejectedUnlessItIsRepeatable() throws Exception {
    List<OptionProblem> p = problems("ADMINPORT 1580", "adminport 1581");
    assertThat(p).singleElement().satisfies(x -> {
      assertThat(x.line()).isEqualTo(2);
      assertThat(x.messageId()).isEqualTo("VLN0703E");
      assertThat(x.message()).isEqualTo("ADMINPORT is already set on line 1.");
    });
    assertThat(parse("MQTTBROKER tcp://a:1883", "MQTTBROKER tcp://b:1883").mqttBrokers()).hasSize(2);
  }

  @Test
  void anOptionWithoutAValueIsRejected() {
    assertThat(problems("SERIALCONSOLE")).singleElement()
        .satisfies(x -> assertThat(x.messageId()).isEqualTo("VLN0704E"));
    assertThat(problems("MQTTUSERNAME \"open")).singleElement()
        .satisfies(x -> assertThat(x.messageId()).isEqualTo("VLN0702E"));
  }

  @Test
  void everyProblemOfTheFileIsReportedNotOnlyTheFirst() {
    assertThatThrownBy(() -> parse("FOO 1", "ADMINPORT x", "BAR 2"))
        .isInstanceOf(OptionsException.class)
        .hasMessage("VLN0701E vaultlined.opt line 1: unknown option FOO.\n"
            + "VLN0702E vaultlined.opt line 2: ADMINPORT x is not valid: not a number."
            + " The right form is: ADMINPORT port\n"
            + "VLN0701E vaultlined.opt line 3: unknown option BAR.");
  }

  @Test
  void optionsThatDoNotGoTogetherAreRejected() {
    assertThat(problems("MQTTPASSWORDFILE /p")).extracting(OptionProblem::messageId).containsExactly("VLN0706E");
    assertThat(problems("ADMINKEYSTOREPASSWORDFILE /p")).extracting(OptionProblem::message)
        .containsExactly("ADMINKEYSTOREPASSWORDFILE needs ADMINKEYSTORE.");
    assertThat(problems("MQTTBROKER ssl://a:8883")).extracting(OptionProblem::message)
        .containsExactly("MQTTBROKER ssl://a:8883 is a TLS URI: set MQTTTLS YES.");
    assertThat(problems("MQTTTLS YES", "MQTTBROKER tcp://a:1883")).hasSize(1);
    assertThat(problems("MQTTTRUSTSTORE /ca.p12")).hasSize(1);
  }

  @Test
  void aMissingFileIsVln0705(@TempDir Path dir) {
    assertThatThrownBy(() -> OptionsFile.read(dir.resolve("absent.opt")))
        .isInstanceOfSatisfying(OptionsException.class,
            e -> assertThat(e.problems()).extracting(OptionProblem::messageId).containsExactly("VLN0705E"));
  }

  @Test
  void aFileIsReadFromDisk(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("vaultlined.opt");
    Files.writeString(f, "\uFEFFSERIALCONSOLE /dev/ttyUSB0\r\nMQTTVERSION 5\r\n");
    Options o = OptionsFile.read(f);
    assertThat(o.serialConsole()).isEqualTo(Optional.of(Path.of("/dev/ttyUSB0")));
  }
}
