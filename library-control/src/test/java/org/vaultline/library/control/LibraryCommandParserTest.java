package org.vaultline.library.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vaultline.library.command.TsmDate;
import org.vaultline.library.command.TsmTime;
import org.vaultline.library.control.LibraryCommand.AuditLibrary;
import org.vaultline.library.control.LibraryCommand.CancelRequest;
import org.vaultline.library.control.LibraryCommand.CheckLabel;
import org.vaultline.library.control.LibraryCommand.CheckinLibvolume;
import org.vaultline.library.control.LibraryCommand.CheckoutLibvolume;
import org.vaultline.library.control.LibraryCommand.DefineDrive;
import org.vaultline.library.control.LibraryCommand.DefineLibrary;
import org.vaultline.library.control.LibraryCommand.DefinePath;
import org.vaultline.library.control.LibraryCommand.DestinationType;
import org.vaultline.library.control.LibraryCommand.LabelLibvolume;
import org.vaultline.library.control.LibraryCommand.QueryActlog;
import org.vaultline.library.control.LibraryCommand.QueryLibvolume;
import org.vaultline.library.control.LibraryCommand.QueryRequest;
import org.vaultline.library.control.LibraryCommand.Remove;
import org.vaultline.library.control.LibraryCommand.Reply;
import org.vaultline.library.control.LibraryCommand.Search;
import org.vaultline.library.control.LibraryCommand.VolumeNames;
import org.vaultline.library.store.VolumeStatus;
import org.vaultline.scsi.smc.ElementAddress;

/** TSM syntax of the library commands: abbreviations, defaults, and every refusal with its message ID. */
class LibraryCommandParserTest {
  private final LibraryCommandParser parser = new LibraryCommandParser();

  private LibraryCommand parse(String line) {
    try {
      return parser.parse(line);
    } catch (CommandException e) {
      throw new AssertionError(line + ": " + e.getMessage(), e);
    }
  }

  private CommandException refused(String line) {
    CommandException e = catchThrowableOfType(() -> parser.parse(line), CommandException.class);
    assertThat(e).as("%s is refused", line).isNotNull();
    return e;
  }

  @Test
  void definitionsTakeTsmAbbreviationsInAnyCase() {
    assertThat(parse("def libr lib1 libtype=scsi")).isEqualTo(new DefineLibrary("LIB1"));
    assertThat(parse("DEFINE DRIVE LIB1 DRIVE1 ELEMENT=0x0100 SERIAL=10WT000001")).isEqualTo(new DefineDrive("LIB1",
        "DRIVE1", Optional.of(ElementAddress.of(0x100)), Optional.of("10WT000001"), true));
    assertThat(parse("def dr lib1 drv2 elem=autodetect ser=autod onl=no")).isEqualTo(new DefineDrive("LIB1", "DRV2",
        Optional.empty(), Optional.empty(), false));
    assertThat(parse("define path srv1 lib1 srctype=server desttype=library device=iscsi://127.0.0.1/iqn.x/1"))
        .isEqualTo(new DefinePath("SRV1", "LIB1", DestinationType.LIBRARY, Optional.empty(),
            "iscsi://127.0.0.1/iqn.x/1", true));
    DefinePath drive = (DefinePath) parse("def path srv1 drive1 srct=server destt=drive libr=lib1 devi=sg:/dev/sg3");
    assertThat(drive.libraryName()).isEqualTo("LIB1");
    assertThat(drive.destinationType()).isEqualTo(DestinationType.DRIVE);
    assertThat(drive.device()).as("device URLs are kept as typed").isEqualTo("sg:/dev/sg3");
  }

  @Test
  void checkinTakesTsmDefaultsAndVolumeSelections() {
    CheckinLibvolume c = (CheckinLibvolume) parse("checki libv lib1 a00001 stat=scr");
    assertThat(c.search()).isEqualTo(Search.NO);
    assertThat(c.volumes().single()).contains("A00001");
    assertThat(c.checkLabel()).as("TSM's default").isEqualTo(CheckLabel.YES);
    assertThat(c.waitTime()).as("TSM's default").isEqualTo(Duration.ofMinutes(60));
    CheckinLibvolume bulk = (CheckinLibvolume) parse(
        "CHECKIN LIBVOLUME LIB1 SEARCH=BULK STATUS=PRIVATE CHECKLABEL=BARCODE VOLRANGE=A00001,A00020 WAITTIME=0");
    assertThat(bulk.search()).isEqualTo(Search.BULK);
    assertThat(bulk.status()).isEqualTo(VolumeStatus.PRIVATE);
    assertThat(bulk.waitTime()).isZero();
    assertThat(bulk.volumes().matches("A00017")).isTrue();
    assertThat(bulk.volumes().matches("A00021")).isFalse();
    assertThat(bulk.volumes().matches("A0001")).as("ranges hold names of the same length").isFalse();
    CheckinLibvolume cleaner = (CheckinLibvolume) parse("checkin libv lib1 search=yes status=cleaner cleanings=50");
    assertThat(cleaner.checkLabel()).as("a cleaner has no tape label").isEqualTo(CheckLabel.BARCODE);
    assertThat(cleaner.cleanings()).contains(50);
  }

  @Test
  void checkoutAuditLabelAndRequestsParse() {
    CheckoutLibvolume out = (CheckoutLibvolume) parse("checko libv lib1 vollist=a00001,a00002 rem=yes checkl=no");
    assertThat(out.remove()).isEqualTo(Remove.YES);
    assertThat(out.checkLabel()).isFalse();
    assertThat(out.volumes()).isEqualTo(new VolumeNames(Optional.empty(), Optional.empty(),
        Optional.of(List.of("A00001", "A00002"))));
    assertThat(((CheckoutLibvolume) parse("checkout libvolume lib1 a0000*")).remove()).isEqualTo(Remove.BULK);
    assertThat(parse("audit libr lib1")).isEqualTo(new AuditLibrary("LIB1", true));
    assertThat(parse("AUDIT LIBRARY LIB1 CHECKLABEL=BARCODE")).isEqualTo(new AuditLibrary("LIB1", false));
    LabelLibvolume l = (LabelLibvolume) parse("label libv lib1 search=bulk labels=barcode checkin=scratch overwrite=yes");
    assertThat(l.search()).isEqualTo(Search.BULK);
    assertThat(l.checkin()).contains(VolumeStatus.SCRATCH);
    assertThat(l.overwrite()).isTrue();
    assertThat(((LabelLibvolume) parse("label libvolume lib1 a00001")).overwrite()).as("TSM's default").isFalse();
    assertThat(parse("reply 3")).isEqualTo(new Reply(3, Optional.empty()));
    assertThat(parse("rep 12 label=a00001")).isEqualTo(new Reply(12, Optional.of("A00001")));
    assertThat(parse("cancel request 7")).isEqualTo(new CancelRequest(Optional.of(7L)));
    assertThat(parse("can req all")).isEqualTo(new CancelRequest(Optional.empty()));
    assertThat(parse("q req")).isEqualTo(new QueryRequest(Optional.empty()));
    assertThat(parse("q libv lib1 a*")).isEqualTo(new QueryLibvolume(Optional.of("LIB1"), Optional.of("A*")));
  }

  @Test
  void queryActlogTakesTsmDatesTimesAndFilters() {
    QueryActlog q = (QueryActlog) parse("q act begind=today-1 begint=08:00 endd=05/03/2026 msgno=110 search=\"a b\"");
    assertThat(q.beginDate()).contains(new TsmDate.Today(-1));
    assertThat(q.beginTime()).contains(new TsmTime.Absolute(java.time.LocalTime.of(8, 0)));
    assertThat(q.endDate()).contains(new TsmDate.Absolute(java.time.LocalDate.of(2026, 5, 3)));
    assertThat(q.messageNumber()).contains(110);
    assertThat(q.search()).contains("a b");
    assertThat(refused("q actlog begindate=yesterday").message().id().toString()).isEqualTo("VLN0208E");
    assertThat(refused("q actlog begintime=25:00").message().id().toString()).isEqualTo("VLN0209E");
  }

  @Test
  void everyMistakeHasItsMessageId() {
    assertThat(refused("frobnicate the library").message().id().toString()).isEqualTo("VLN0200E");
    assertThat(refused("checkin libvolume lib1 a00001").message().text()).startsWith("CHECKIN LIBVOLUME: STATUS=");
    assertThat(refused("checkin libvolume lib1 a00001").message().id().toString()).isEqualTo("VLN0201E");
    assertThat(refused("checkin libv lib1 a00001 status=scratch colour=red").message().id().toString())
        .isEqualTo("VLN0202E");
    assertThat(refused("checkin libv lib1 a00001 status=blue").message().id().toString()).isEqualTo("VLN0203E");
    assertThat(refused("checkin libv lib1 a00001 status=scratch stat=private").message().id().toString())
        .isEqualTo("VLN0204E");
    assertThat(refused("define library \"lib1").message().id().toString()).isEqualTo("VLN0205E");
    assertThat(refused("define library lib1 lib2").message().id().toString()).isEqualTo("VLN0206E");
    assertThat(refused("checkin libv lib1 a00001 search=bulk status=scratch").message().id().toString())
        .isEqualTo("VLN0207E");
    assertThat(refused("checkout libv lib1 volrange=a00020,a00001").message().id().toString())
        .isEqualTo("VLN0203E");
    assertThat(refused("define path s lib1 srctype=server desttype=drive device=sg:/dev/sg1").message().text())
        .contains("LIBRARY=");
    assertThat(refused("checkin libv lib1 search=yes status=scratch cleanings=3").message().id().toString())
        .isEqualTo("VLN0207E");
    assertThat(refused("reply x").message().id().toString()).isEqualTo("VLN0203E");
    assertThat(refused("define library " + "L".repeat(31)).message().id().toString()).isEqualTo("VLN0203E");
  }
}
