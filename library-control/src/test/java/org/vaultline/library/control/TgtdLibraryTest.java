package org.vaultline.library.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.device.DeviceOpener;
import org.vaultline.device.iscsi.InitiatorOptions;
import org.vaultline.device.iscsi.IscsiSession;
import org.vaultline.library.inventory.InventoryElement;
import org.vaultline.library.store.ElementSnapshot;
import org.vaultline.library.store.LibraryVolume;
import org.vaultline.library.store.OperatorRequest;
import org.vaultline.library.store.Origin;
import org.vaultline.library.store.RequestState;
import org.vaultline.library.store.Store;
import org.vaultline.peers.Tgtd;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementType;
import org.vaultline.scsi.smc.MoveMedium;
import org.vaultline.scsi.transport.ScsiExecutor;
import org.vaultline.scsi.transport.Sleeper;

/**
 * The library commands against a real tgtd (Debian tgt) over our iSCSI initiator, with tgt's bugs
 * (ExpectedDifferences in the device contract tests) in the way: READ ELEMENT STATUS 8 bytes short (the drive's
 * DVCID lost, so the drive is defined with ELEMENT=), ACCESS never set, no ImpExp bit, LOAD UNLOAD read as START
 * STOP UNIT, and no unit attention when the I/O station changes, so a request is satisfied by rescanning the
 * station. tgtadm cannot empty an element, so "the operator" empties the I/O station from the library's own panel:
 * a MOVE MEDIUM through a second iSCSI session into spare slots.
 */
class TgtdLibraryTest {
  private static final String IQN = "iqn.2024-01.org.vaultline:libcmds-tgtd";
  private static final int TID = 1;
  private static final Tgtd.Layout LAYOUT = new Tgtd.Layout(1, 1000, 8, 10, 2, 500, 1);
  private static final Origin ADMIN = Origin.admin("ADMIN");

  @TempDir Path dir;
  private Tgtd tgtd;
  private Store store;
  private LibraryControl control;
  private IscsiSession panel;
  private final ExecutorService background = Executors.newCachedThreadPool();

  @BeforeEach
  void start() throws Exception {
    assertThat(Tgtd.isAvailable()).as("tgt is not installed: run make deps (apt-get install tgt)").isTrue();
    tgtd = Tgtd.start(dir.resolve("tgt"));
    Map<Integer, String> cartridges = new LinkedHashMap<>();
    for (int i = 0; i < 4; i++) {
      cartridges.put(1000 + i, String.format("TGT%03dL5", i + 1));
    }
    tgtd.library(TID, IQN, LAYOUT, cartridges);
    store = Store.open(dir.resolve("vaultline.db"));
    control = new LibraryControl(store, DeviceOpener.standard()::open,
        ControlOptions.DEFAULT.withPolls(Duration.ofMillis(50), Duration.ofMillis(200)));
    panel = IscsiSession.open("127.0.0.1", tgtd.port(), IQN, InitiatorOptions.defaults());
  }

  @AfterEach
  void stop() throws Exception {
    background.shutdownNow();
    if (panel != null) {
      panel.close();
    }
    if (control != null) {
      control.close();
    }
    if (store != null) {
      store.close();
    }
    if (tgtd != null) {
      tgtd.close();
    }
  }

  private String url(int lun) {
    return "iscsi://127.0.0.1:" + tgtd.port() + "/" + IQN + "/" + lun;
  }

  private CommandResult run(String line) throws CommandException {
    CommandResult r = control.execute(line, ADMIN);
    assertThat(r.hasErrors()).as("%s:%n%s", line, r.text()).isFalse();
    return r;
  }

  /** The operator puts a cartridge into an I/O station cell (tgtadm, with its tape image). */
  private void insert(int address, String barcode) throws Exception {
    tgtd.tapeImage(tgtd.dir().resolve("media-" + TID).resolve(barcode), barcode, 16);
    tgtd.admin("--mode", "logicalunit", "--op", "update", "--tid", Integer.toString(TID), "--lun", "1", "--params",
        "element_type=3,address=" + address + ",barcode=" + barcode + ",sides=1");
  }

  /** The library's own panel moves a cartridge (a second initiator, as the operator at the front panel). */
  private void panelMove(int from, int to) throws Exception {
    ScsiExecutor e = ScsiExecutor.standard(panel.transport(1), Sleeper.SYSTEM, s -> { });
    e.execute(MoveMedium.of(ElementAddress.of(LAYOUT.transport()), ElementAddress.of(from), ElementAddress.of(to)));
  }

  private Optional<LibraryVolume> volume(String name) {
    return store.read(r -> r.volumes().find(name));
  }

  @Test
  void checksInLabelsChecksOutThroughAFullStationAndAuditsOnTgtd() throws Exception {
    run("define library LIB1");
    run("define path VAULTLINE LIB1 srctype=server desttype=library device=" + url(1));
    run("define drive LIB1 DRIVE0 element=500");
    run("define path VAULTLINE DRIVE0 srctype=server desttype=drive library=LIB1 device=" + url(2));
    LibraryService lib = control.library("LIB1");
    assertThat(lib.inventory().storage()).hasSize(8);
    assertThat(lib.inventory().importExport()).hasSize(2);
    assertThat(lib.robot().drive(ElementAddress.of(500))).isPresent();
    assertThat(run("query library").table().orElseThrow().cell(0, "Serial Number")).isEqualTo("VLCHGR1");
    assertThat(run("query drive").table().orElseThrow().cell(0, "Serial Number")).isEqualTo("VLDRV12");

    CommandResult yes = run("checkin libvolume LIB1 search=yes status=private checklabel=barcode");
    assertThat(yes.messages().stream().filter(m -> m.id().number() == 110)).hasSize(4);

    // the operator inserts a cartridge; tgt sets no ImpExp bit, and CHECKIN takes it all the same
    insert(10, "TGT010L5");
    run("checkin libvolume LIB1 search=bulk status=scratch checklabel=barcode waittime=0");
    ElementAddress home = volume("TGT010").orElseThrow().homeElement().orElseThrow();
    assertThat(home.value()).isBetween(1004, 1007);

    // label it through tgt's tape drive, and read the label back on the way out
    assertThat(run("label libvolume LIB1 TGT010").has(248)).isTrue();
    assertThat(control.execute("label libvolume LIB1 TGT010", ADMIN).has(247)).isTrue();
    CommandResult out = run("checkout libvolume LIB1 TGT010 checklabel=yes");
    assertThat(out.has(111)).as(out.text()).isTrue();
    assertThat(volume("TGT010")).isEmpty();

    // three more volumes through a station with one free cell: the operator empties it from the panel
    Callable<CommandResult> checkout = () -> control.execute(
        "checkout libvolume LIB1 vollist=TGT001,TGT002,TGT003 checklabel=no", ADMIN);
    Future<CommandResult> full = background.submit(checkout);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (store.read(r -> r.requests().outstanding()).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    List<OperatorRequest> requests = store.read(r -> r.requests().outstanding());
    assertThat(requests).hasSize(1);
    assertThat(volume("TGT001")).isEmpty();
    panelMove(10, 1006);
    panelMove(11, 1007);
    CommandResult done = full.get(60, TimeUnit.SECONDS);
    assertThat(done.hasErrors()).as(done.text()).isFalse();
    assertThat(store.read(r -> r.requests().find(requests.get(0).number())).orElseThrow().state())
        .as("satisfied by rescanning the station: tgt gives no unit attention").isEqualTo(RequestState.SATISFIED);
    assertThat(volume("TGT002")).isEmpty();
    assertThat(volume("TGT003")).isEmpty();

    // behind the server's back: TGT004 moved to another slot
    ElementAddress was = volume("TGT004").orElseThrow().homeElement().orElseThrow();
    int free = lib.inventory().storage().stream().filter(e -> !e.full()).map(InventoryElement::address)
        .map(ElementAddress::value).findFirst().orElseThrow();
    panelMove(was.value(), free);
    CommandResult audit = run("audit library LIB1 checklabel=barcode");
    assertThat(audit.text()).contains("VLN0132W AUDIT LIBRARY LIB1: volume TGT004 found at element "
        + ElementAddress.of(free)).contains("VLN0133W AUDIT LIBRARY LIB1: cartridge TGT010L5")
        .contains("VLN0133W AUDIT LIBRARY LIB1: cartridge TGT001L5");
    assertThat(volume("TGT004").orElseThrow().homeElement()).contains(ElementAddress.of(free));

    ResultTable q = run("query libvolume LIB1").table().orElseThrow();
    assertThat(q.column("Volume Name")).containsExactly("TGT004");
    assertThat(q.cell(0, "Home Element")).isEqualTo(Integer.toString(free));
    List<ElementSnapshot> cells = store.read(r -> r.elements().list("LIB1", ElementType.IMPORT_EXPORT));
    assertThat(cells).hasSize(2).allMatch(ElementSnapshot::full);
  }
}
