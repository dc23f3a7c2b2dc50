package org.vaultline.library.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementType;

/** The element snapshot: what READ ELEMENT STATUS last said. */
class ElementsTest {
  @TempDir Path dir;
  final MutableClock clock = new MutableClock();
  Store store;

  @BeforeEach
  void open() {
    store = TestStores.open(dir, clock);
    TestStores.defineLibrary(store, "LIB1");
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aFullInventoryReplacesTheSnapshotAndKeepsEveryField() {
    store.transact(tx -> {
      List<ElementSnapshot> els = List.of(
          ElementSnapshot.empty("LIB1", ElementAddress.of(0x0001), ElementType.MEDIUM_TRANSPORT, tx.now()),
          ElementSnapshot.holding("LIB1", ElementAddress.of(0x1000), ElementType.STORAGE, "A00001L6", tx.now()),
          new ElementSnapshot("LIB1", ElementAddress.of(0x0100), ElementType.DATA_TRANSFER, true,
              Optional.of("A00002L6"), Optional.of(ElementAddress.of(0x1001)), true, false, 0, 0, tx.now()),
          new ElementSnapshot("LIB1", ElementAddress.of(0x0010), ElementType.IMPORT_EXPORT, false, Optional.empty(),
              Optional.empty(), false, true, 0x3B, 0x12, tx.now()));
      tx.elements().replace("LIB1", els);
      tx.log(Messages.INVENTORY_RECORDED, "LIB1", 4, 2);
    });
    store.read(r -> {
      assertThat(r.elements().list("LIB1")).extracting(ElementSnapshot::address)
          .containsExactly(ElementAddress.of(1), ElementAddress.of(0x10), ElementAddress.of(0x100),
              ElementAddress.of(0x1000));
      ElementSnapshot drive = r.elements().find("LIB1", ElementAddress.of(0x100)).orElseThrow();
      assertThat(drive.type()).isEqualTo(ElementType.DATA_TRANSFER);
      assertThat(drive.full()).isTrue();
      assertThat(drive.barcode()).contains("A00002L6");
      assertThat(drive.source()).contains(ElementAddress.of(0x1001));
      ElementSnapshot ie = r.elements().find("LIB1", ElementAddress.of(0x10)).orElseThrow();
      assertThat(ie.accessible()).isFalse();
      assertThat(ie.except()).isTrue();
      assertThat(ie.asc()).isEqualTo(0x3B);
      assertThat(ie.ascq()).isEqualTo(0x12);
      assertThat(r.elements().list("LIB1", ElementType.STORAGE)).hasSize(1);
      assertThat(r.elements().findByBarcode("LIB1", "A00001L6")).extracting(ElementSnapshot::address)
          .containsExactly(ElementAddress.of(0x1000));
      return null;
    });
    clock.advance(Duration.ofMinutes(1));
    store.transact(tx -> {
      tx.elements().replace("LIB1",
          List.of(ElementSnapshot.empty("LIB1", ElementAddress.of(0x1000), ElementType.STORAGE, tx.now())));
      tx.log(Messages.INVENTORY_RECORDED, "LIB1", 1, 0);
    });
    List<ElementSnapshot> after = store.read(r -> r.elements().list("LIB1"));
    assertThat(after).singleElement().satisfies(e -> {
      assertThat(e.full()).isFalse();
      assertThat(e.scanned()).isEqualTo(clock.instant());
    });
  }

  @Test
  void oneElementIsUpdatedAfterAMove() {
    store.transact(tx -> {
      tx.elements().put(ElementSnapshot.holding("LIB1", ElementAddress.of(0x1000), ElementType.STORAGE, "A1L6", tx.now()));
      tx.elements().put(ElementSnapshot.empty("LIB1", ElementAddress.of(0x1000), ElementType.STORAGE, tx.now()));
      tx.log(Messages.MOVE_DONE, 1, "LIB1");
    });
    List<ElementSnapshot> all = store.read(r -> r.elements().list("LIB1"));
    assertThat(all).singleElement().extracting(ElementSnapshot::full).isEqualTo(false);
  }

  @Test
  void theLargePersonalitysTwentyThousandSlotsAreStoredInOneTransaction() {
    store.transact(tx -> {
      List<ElementSnapshot> els = new ArrayList<>();
      for (int i = 0; i < 20_000; i++) {
        els.add(i % 3 == 0
            ? ElementSnapshot.holding("LIB1", ElementAddress.of(0x1000 + i), ElementType.STORAGE,
                String.format("V%05dL8", i), tx.now())
            : ElementSnapshot.empty("LIB1", ElementAddress.of(0x1000 + i), ElementType.STORAGE, tx.now()));
      }
      tx.elements().replace("LIB1", els);
      tx.log(Messages.INVENTORY_RECORDED, "LIB1", els.size(), 6667);
    });
    long full = store.read(r -> r.elements().list("LIB1", ElementType.STORAGE).stream().filter(ElementSnapshot::full)
        .count());
    assertThat(full).isEqualTo(6667);
  }
}
