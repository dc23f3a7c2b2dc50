package org.vaultline.library.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.library.inventory.EmulatorFixture;
import org.vaultline.library.store.ElementSnapshot;
import org.vaultline.library.store.LibraryVolume;
import org.vaultline.library.store.OperatorRequest;
import org.vaultline.library.store.RequestKind;
import org.vaultline.library.store.RequestState;
import org.vaultline.library.store.VolumeStatus;
import org.vaultline.scsi.smc.ElementAddress;

/**
 * The library commands end to end on every emulated personality: definitions, inventory, CHECKIN SEARCH=BULK
 * of what the operator put into the I/O station, LABEL and CHECKLABEL=YES reading it back, CHECKOUT into a
 * full I/O station with the request satisfied when the operator empties it (seen through UNIT ATTENTION
 * 6/28/01: the station is not rescanned otherwise in these tests), AUDIT after cartridges were moved behind the
 * server's back, and the query outputs.
 */
class LibraryScenarioTest {
  @TempDir Path dir;

  static List<String> personalities() {
    return Personality.CATALOGUE;
  }

  /** Cartridges already in slots when the library is set up: checked in with SEARCH=YES. */
  private static String[] stock(int n) {
    String[] s = new String[n];
    for (int i = 0; i < n; i++) {
      s[i] = String.format("S%05dL6", i + 1);
    }
    return s;
  }

  @ParameterizedTest
  @MethodSource("personalities")
  void definesInventoriesChecksInLabelsChecksOutAndAudits(String name) throws Exception {
    Personality p = Personality.named(name);
    int cells = p.layout().addresses(ElementKind.IMPORT_EXPORT).size();
    int stationSize = Math.min(cells, p.layout().stationSize());
    // more volumes than the I/O station holds, so that CHECKOUT fills it and must wait for the operator
    EmulatorFixture emulator = EmulatorFixture.of(p, stock(cells + 4));
    try (ControlFixture f = ControlFixture.of(emulator, dir)) {
      int drives = Math.min(2, emulator.lib.driveCount());
      f.define(drives);

      // ---- definitions are kept, and the library is reached on first use ----
      assertThat(f.run("query library").table().orElseThrow().column("Library Name")).containsExactly("LIB1");
      assertThat(f.run("q drive LIB1").table().orElseThrow().rows()).hasSize(drives);
      assertThat(f.run("q path").table().orElseThrow().rows()).hasSize(1 + drives);
      LibraryService lib = f.control.library("LIB1");
      assertThat(lib.inventory().storage()).hasSize(p.layout().addresses(ElementKind.STORAGE).size());
      ResultTable libs = f.run("query library LIB1").table().orElseThrow();
      assertThat(libs.cell(0, "Serial Number")).isEqualTo(p.changer().serial());
      assertThat(libs.cell(0, "Product")).isEqualTo(p.changer().product());
      ResultTable driveTable = f.run("query drive").table().orElseThrow();
      for (int i = 0; i < drives; i++) {
        // ELEMENT=AUTODETECT: matched by serial number through DVCID
        assertThat(driveTable.cell(i, "Element")).isEqualTo(Integer.toString(
            f.address(ElementKind.DATA_TRANSFER, i).value()));
        assertThat(driveTable.cell(i, "Serial Number")).isEqualTo(p.driveSerial(i));
        assertThat(driveTable.cell(i, "Device Type")).isEqualTo("LTO");
      }
      List<ElementSnapshot> snapshot = f.store.read(r -> r.elements().list("LIB1"));
      assertThat(snapshot).hasSize(lib.inventory().size());

      // ---- CHECKIN SEARCH=YES: what is already in the slots, without moving anything ----
      CommandResult in = f.run("checkin libvolume LIB1 search=yes status=private checklabel=barcode");
      assertThat(in.messages().stream().filter(m -> m.id().number() == 110)).hasSize(cells + 4);
      assertThat(f.volumes()).hasSize(cells + 4);
      for (LibraryVolume v : f.volumes()) {
        assertThat(f.at(v.homeElement().orElseThrow())).contains(v.barcode().orElseThrow());
        assertThat(v.status()).isEqualTo(VolumeStatus.PRIVATE);
      }

      // ---- CHECKIN SEARCH=BULK: what the operator put into the I/O station goes into free slots ----
      int inserted = Math.min(2, stationSize);
      List<String> bulk = new ArrayList<>();
      for (int i = 0; i < inserted; i++) {
        bulk.add(String.format("B%05dL6", i + 1));
      }
      f.insert(bulk.toArray(String[]::new));
      CommandResult checkin = f.run("CHECKI LIBV LIB1 SEARCH=BULK STAT=SCR CHECKL=BARCODE WAITT=0");
      assertThat(checkin.has(249)).isTrue();
      for (String b : bulk) {
        LibraryVolume v = f.volume(b.substring(0, 6)).orElseThrow();
        assertThat(v.status()).isEqualTo(VolumeStatus.SCRATCH);
        assertThat(v.barcode()).contains(b);
        assertThat(f.whereIs(b)).isEqualTo(v.homeElement());
        ElementSnapshot e = f.store.read(r -> r.elements().find("LIB1", v.homeElement().get())).orElseThrow();
        assertThat(e.barcode()).contains(b);
      }

      // ---- LABEL LIBVOLUME, then CHECKLABEL=YES reads the label back ----
      String labelled = bulk.get(0).substring(0, 6);
      CommandResult label = f.run("label libvolume LIB1 " + labelled);
      assertThat(label.has(248)).as(label.text()).isTrue();
      assertThat(f.whereIs(bulk.get(0))).isEqualTo(f.volume(labelled).orElseThrow().homeElement());
      CommandResult again = f.attempt("label libvolume LIB1 " + labelled);
      assertThat(again.has(247)).as("OVERWRITE=NO keeps the label: %s", again.text()).isTrue();
      assertThat(f.run("label libvolume LIB1 " + labelled + " overwrite=yes").has(248)).isTrue();

      // ---- CHECKOUT with CHECKLABEL=YES into a full I/O station ----
      f.emptyStations();
      List<String> out = new ArrayList<>();
      out.add(labelled);
      f.volumes().stream().map(LibraryVolume::volume).filter(v -> v.startsWith("S")).limit(cells)
          .forEach(out::add);
      String first = out.get(0);
      Future<CommandResult> checkout = f.start("checkout libvolume LIB1 " + first + " remove=bulk checklabel=yes");
      CommandResult firstOut = checkout.get(30, TimeUnit.SECONDS);
      assertThat(firstOut.hasErrors()).as(firstOut.text()).isFalse();
      assertThat(f.volume(first)).isEmpty();
      assertThat(f.addresses(ElementKind.IMPORT_EXPORT).stream().map(ElementAddress::of).map(f::at))
          .contains(Optional.of(bulk.get(0)));

      String rest = String.join(",", out.subList(1, out.size()));
      Future<CommandResult> full = f.start("checkout libvolume LIB1 vollist=" + rest + " checklabel=no");
      OperatorRequest request = f.awaitRequest();
      assertThat(request.kind()).isEqualTo(RequestKind.EMPTY_IO_STATION);
      assertThat(full.isDone()).isFalse();
      assertThat(f.run("query request").table().orElseThrow().rows()).hasSize(1);
      // every cell is full now, and one volume is still waiting
      for (int a : f.addresses(ElementKind.IMPORT_EXPORT)) {
        assertThat(f.at(ElementAddress.of(a))).isPresent();
      }
      List<String> taken = f.emptyStations();
      assertThat(taken).hasSize(cells);
      CommandResult done = full.get(30, TimeUnit.SECONDS);
      assertThat(done.hasErrors()).as(done.text()).isFalse();
      assertThat(f.store.read(r -> r.requests().find(request.number())).orElseThrow().state())
          .isEqualTo(RequestState.SATISFIED);
      for (String v : out) {
        assertThat(f.volume(v)).as(v).isEmpty();
      }
      String last = out.get(out.size() - 1);
      Optional<ElementAddress> lastAt = f.whereIs(last + "L6");
      assertThat(lastAt).isPresent();
      assertThat(f.addresses(ElementKind.IMPORT_EXPORT)).contains(lastAt.get().value());
      assertThat(f.actlog()).anyMatch(m -> m.startsWith("VLN0140I Request " + request.number()))
          .anyMatch(m -> m.startsWith("VLN0143I Request " + request.number()));
      assertThat(f.events()).anyMatch(e -> e.startsWith("REQUESTS") && e.contains("request.raised"))
          .anyMatch(e -> e.startsWith("REQUESTS") && e.contains("request.satisfied"));

      // ---- the operator brings the labelled cartridge back: CHECKIN with CHECKLABEL=YES reads its label ----
      f.emptyStations();
      f.insert(bulk.get(0));
      CommandResult reread = f.run("checkin libvolume LIB1 search=bulk status=private checklabel=yes waittime=0");
      assertThat(reread.has(110)).as(reread.text()).isTrue();
      assertThat(f.volume(labelled)).isPresent();
      // a blank cartridge has no label to read: skipped with a message
      f.insert("BLANK1L6");
      CommandResult blank = f.attempt("checkin libvolume LIB1 search=bulk status=scratch checklabel=yes waittime=0");
      assertThat(blank.has(245)).as(blank.text()).isTrue();
      assertThat(f.volume("BLANK1")).isEmpty();
      assertThat(f.addresses(ElementKind.IMPORT_EXPORT)).contains(f.whereIs("BLANK1L6").orElseThrow().value());

      // ---- AUDIT after cartridges were moved behind the server's back ----
      List<LibraryVolume> vols = f.volumes().stream().filter(v -> v.volume().startsWith("S")).toList();
      LibraryVolume gone = vols.get(0);
      LibraryVolume a = vols.get(1);
      LibraryVolume b = vols.get(2);
      var op = emulator.lib.operator();
      op.takeOut(gone.homeElement().get().value());
      var ca = op.takeOut(a.homeElement().get().value());
      var cb = op.takeOut(b.homeElement().get().value());
      op.stock(a.homeElement().get().value(), cb);
      op.stock(b.homeElement().get().value(), ca);
      List<Optional<ElementAddress>> homes = f.volumes().stream().map(LibraryVolume::homeElement).toList();
      ElementAddress free = lib.inventory().storage().stream().filter(e -> !e.full()).map(e -> e.address())
          .filter(x -> !homes.contains(Optional.of(x))).reduce((x, y) -> y).orElseThrow();
      op.stock(free.value(), op.cartridge("STRANGL6"));
      CommandResult audit = f.run("audit library LIB1 checklabel=barcode");
      assertThat(audit.text()).contains("VLN0131W AUDIT LIBRARY LIB1: volume " + gone.volume())
          .contains("VLN0132W AUDIT LIBRARY LIB1: volume " + a.volume())
          .contains("VLN0132W AUDIT LIBRARY LIB1: volume " + b.volume())
          .contains("VLN0133W AUDIT LIBRARY LIB1: cartridge STRANGL6");
      assertThat(f.volume(gone.volume())).isEmpty();
      assertThat(f.volume(a.volume()).orElseThrow().homeElement()).isEqualTo(b.homeElement());
      assertThat(f.volume(b.volume()).orElseThrow().homeElement()).isEqualTo(a.homeElement());
      assertThat(f.volume("STRANG")).as("audit never adds volumes").isEmpty();

      // ---- query outputs ----
      CommandResult q = f.run("query libvolume LIB1");
      ResultTable t = q.table().orElseThrow();
      assertThat(t.columns()).containsExactly("Library Name", "Volume Name", "Status", "Owner", "Last Use",
          "Home\nElement", "Device\nType");
      List<String> lines = q.text().lines().toList();
      assertThat(lines.get(0)).startsWith("Library Name  Volume Name  Status   Owner  Last Use  Home");
      assertThat(lines.get(0)).endsWith("Device");
      assertThat(lines.get(1).strip()).isEqualTo("Element  Type");
      assertThat(lines.get(2)).startsWith("------------  -----------  -------");
      for (int i = 0; i < t.rows().size(); i++) {
        LibraryVolume v = f.volume(t.cell(i, "Volume Name")).orElseThrow();
        assertThat(t.cell(i, "Home Element")).isEqualTo(Integer.toString(v.homeElement().orElseThrow().value()));
        assertThat(t.cell(i, "Device Type")).isEqualTo("LTO");
        assertThat(t.cell(i, "Status")).isIn("Private", "Scratch");
      }
      JsonNode json = new ObjectMapper().readTree(q.json());
      assertThat(json.get("rows")).hasSize(f.volumes().size());
      assertThat(json.get("rows").get(0).get("Home Element").asText()).isEqualTo(t.cell(0, "Home Element"));
      assertThat(f.run("query libvolume LIB1 B0000*").table().orElseThrow().rows()).hasSize(inserted);
      ResultTable log = f.run("query actlog search=" + a.volume() + " msgno=132").table().orElseThrow();
      assertThat(log.rows()).hasSize(1);
      assertThat(log.cell(0, "Message")).startsWith("VLN0132W");
      assertThat(f.run("query request").has(261)).isTrue();
      assertThat(emulator.lib.internalErrors()).isEmpty();
    }
  }
}
