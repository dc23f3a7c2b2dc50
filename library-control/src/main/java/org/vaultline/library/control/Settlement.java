package org.vaultline.library.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vaultline.library.events.EventPayload;
import org.vaultline.library.store.EventCategory;
import org.vaultline.library.store.LibraryVolume;
import org.vaultline.library.store.Message;
import org.vaultline.library.store.Messages;
import org.vaultline.library.store.Move;
import org.vaultline.library.store.MovePurpose;
import org.vaultline.library.store.Tx;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementType;

/**
 * What a move means for the library inventory once the library shows where the cartridge ended up: the one
 * rule set used when a move completes, when it fails with a known outcome, and when start-up recovery settles
 * a move left open by a crash ("the cartridge is where the library says it is, never where we hoped").
 *
 * <ul>
 *   <li>in a storage slot: that slot is the volume's home (a CHECKIN is complete; a volume put back elsewhere
 *       gets its home corrected);</li>
 *   <li>in a drive: mounted, the home stays;</li>
 *   <li>in the I/O station: the volume is out of the library (a CHECKOUT is complete, a CHECKIN did not
 *       happen) and is deleted from the library inventory;</li>
 *   <li>nowhere: a CHECKOUT's cartridge has been taken by the operator (checked out), a CHECKIN's never
 *       arrived (deleted); any other volume is left for AUDIT LIBRARY, with a warning.</li>
 * </ul>
 */
final class Settlement {
  private Settlement() {}

  /** Where a cartridge is: an element and its type. */
  record Place(ElementAddress address, ElementType type) {
    @Override
    public String toString() {
      return "in " + type.text() + " element " + address;
    }
  }

  /**
   * Applies {@code move}'s effect on its volume, given that the library shows the cartridge at {@code at}
   * (empty: nowhere in the library). Messages logged are added to {@code out}.
   */
  static void apply(Tx tx, Move move, Optional<Place> at, List<Message> out) {
    Optional<LibraryVolume> found = move.volume().flatMap(v -> tx.volumes().find(v))
        .filter(v -> v.library().equals(move.library()));
    if (found.isEmpty()) {
      return;
    }
    LibraryVolume vol = found.get();
    String lib = move.library();
    if (at.isEmpty()) {
      if (move.purpose() == MovePurpose.CHECKOUT) {
        checkedOut(tx, vol, out);
      } else if (move.purpose() == MovePurpose.CHECKIN) {
        tx.volumes().delete(vol.volume());
        out.add(tx.log(ControlMessages.CHECKIN_NOT_COMPLETED, vol.volume(), lib, "nowhere in the library"));
        event(tx, "library.volume.checkin.failed", out, vol);
      } else {
        out.add(tx.log(ControlMessages.VOLUME_VANISHED, vol.volume(), lib, move.id()));
      }
      return;
    }
    Place p = at.get();
    switch (p.type()) {
      case STORAGE -> {
        if (!vol.homeElement().equals(Optional.of(p.address()))) {
          Map<String, Optional<ElementAddress>> homes = new LinkedHashMap<>();
          homes.put(vol.volume(), Optional.of(p.address()));
          Optional<LibraryVolume> other = tx.volumes().findAtHome(lib, p.address())
              .filter(o -> !o.volume().equals(vol.volume()));
          other.ifPresent(o -> homes.put(o.volume(), Optional.empty()));
          tx.volumes().rehome(lib, homes);
          out.add(tx.log(Messages.VOLUME_UPDATED, vol.volume(), lib, "home element "
              + vol.homeElement().map(Object::toString).orElse("unknown") + " -> " + p.address()));
          other.ifPresent(o -> out.add(tx.log(Messages.VOLUME_UPDATED, o.volume(), lib, "home element "
              + p.address() + " -> unknown (volume " + vol.volume() + " is there); run AUDIT LIBRARY")));
        }
        if (move.purpose() == MovePurpose.CHECKIN) {
          out.add(tx.log(Messages.VOLUME_CHECKED_IN, vol.volume(), lib, vol.status(), p.address()));
          tx.event(EventCategory.LIBRARY, EventPayload.of("library.volume.checkin", out.get(out.size() - 1).text())
              .with("library", lib).with("volume", vol.volume()).with("status", vol.status().name())
              .with("home", p.address().value()).json());
        }
      }
      case IMPORT_EXPORT -> {
        if (move.purpose() == MovePurpose.CHECKIN) {
          tx.volumes().delete(vol.volume());
          out.add(tx.log(ControlMessages.CHECKIN_NOT_COMPLETED, vol.volume(), lib, p.toString()));
          event(tx, "library.volume.checkin.failed", out, vol);
        } else {
          checkedOut(tx, vol, out);
        }
      }
      default -> {
        // in a drive: mounted, its home stays; in a transport: the caller waits until it is not
      }
    }
  }

  private static void checkedOut(Tx tx, LibraryVolume vol, List<Message> out) {
    tx.volumes().delete(vol.volume());
    out.add(tx.log(Messages.VOLUME_CHECKED_OUT, vol.volume(), vol.library()));
    event(tx, "library.volume.checkout", out, vol);
  }

  private static void event(Tx tx, String type, List<Message> out, LibraryVolume vol) {
    tx.event(EventCategory.LIBRARY, EventPayload.of(type, out.get(out.size() - 1).text())
        .with("library", vol.library()).with("volume", vol.volume()).json());
  }
}
