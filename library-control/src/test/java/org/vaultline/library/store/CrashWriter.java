package org.vaultline.library.store;

import java.nio.file.Path;
import java.util.Optional;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementType;

/**
 * The child process of {@link CrashTest}: writes state changes to the store as fast as it can until it
 * is killed with SIGKILL. After each committed check-in it prints {@code C <i>} on standard output, so
 * the parent knows that every printed check-in must survive.
 *
 * <p>Each iteration {@code i} commits: a check-in (volume row + element row + VLN0110I + event); every
 * third iteration a move in two transactions (intent: VLN0120I + event; done: VLN0121I + event); every
 * fifth a status change (VLN0112I + event).
 */
public final class CrashWriter {
  private CrashWriter() {}

  public static void main(String[] args) {
    Store store = Store.open(Path.of(args[0]));
    store.transact(tx -> {
      if (tx.libraries().find("LIB1").isEmpty()) {
        tx.libraries().insert(Library.defined("LIB1", tx.now()));
        tx.log(Messages.LIBRARY_DEFINED, "LIB1");
      }
    });
    long start = store.read(r -> r.volumes().count("LIB1"));
    for (long i = start; ; i++) {
      String volume = String.format("V%06d", i);
      Optional<ElementAddress> home = i < 60_000 ? Optional.of(ElementAddress.of((int) i)) : Optional.empty();
      store.transact(tx -> {
        tx.volumes().insert(LibraryVolume.checkedIn("LIB1", volume, Optional.of(volume + "L8"), VolumeStatus.SCRATCH,
            home, Optional.of("LTO"), tx.now()));
        home.ifPresent(h -> tx.elements().put(
            ElementSnapshot.holding("LIB1", h, ElementType.STORAGE, volume + "L8", tx.now())));
        tx.log(Messages.VOLUME_CHECKED_IN, volume, "LIB1", "SCRATCH", home.map(Object::toString).orElse("-"));
        tx.event(EventCategory.LIBRARY, "{\"type\":\"volume.checkedin\",\"volume\":\"" + volume + "\"}");
      });
      System.out.println("C " + i);
      System.out.flush();
      if (i % 3 == 0) {
        long id = store.write(tx -> {
          Move m = tx.moves().intend(new MoveIntent("LIB1", Optional.of(volume), ElementAddress.of(0xFFF0),
              ElementAddress.of(0xFFF1), Optional.empty(), MovePurpose.RELOCATE));
          tx.log(Messages.MOVE_INTENDED, m.id(), "LIB1", volume, m.source(), m.destination());
          tx.event(EventCategory.LIBRARY, "{\"type\":\"move.intended\",\"move\":" + m.id() + "}");
          return m.id();
        });
        store.transact(tx -> {
          tx.moves().done(id);
          tx.log(Messages.MOVE_DONE, id, "LIB1");
          tx.event(EventCategory.LIBRARY, "{\"type\":\"move.done\",\"move\":" + id + "}");
        });
      }
      if (i % 5 == 0) {
        store.transact(tx -> {
          LibraryVolume v = tx.volumes().find(volume).orElseThrow();
          tx.volumes().update(v.withStatus(VolumeStatus.PRIVATE, tx.now()));
          tx.log(Messages.VOLUME_UPDATED, volume, "LIB1", "STATUS=PRIVATE");
          tx.event(EventCategory.LIBRARY, "{\"type\":\"volume.updated\",\"volume\":\"" + volume + "\"}");
        });
      }
    }
  }
}
