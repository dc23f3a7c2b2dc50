package org.vaultline.library.control;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.vaultline.library.events.EventPayload;
import org.vaultline.library.inventory.InventoryElement;
import org.vaultline.library.robot.CompletedMove;
import org.vaultline.library.robot.MoveFailure;
import org.vaultline.library.robot.MoveJournal;
import org.vaultline.library.robot.PlannedMove;
import org.vaultline.library.store.ElementSnapshot;
import org.vaultline.library.store.EventCategory;
import org.vaultline.library.store.Message;
import org.vaultline.library.store.Messages;
import org.vaultline.library.store.Move;
import org.vaultline.library.store.MoveIntent;
import org.vaultline.library.store.MovePurpose;
import org.vaultline.library.store.Origin;
import org.vaultline.library.store.Store;
import org.vaultline.library.store.Tx;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementType;

/**
 * The {@link MoveJournal} of one move, on the store: the intent is committed (with whatever the operation
 * reserves, e.g. the checked-in volume's home slot) before MOVE MEDIUM is sent; the completion commits the new
 * element status of source and destination together with the move's effect ({@link Settlement}); a failure
 * with a known outcome is settled the same way, and one whose outcome is unknown leaves the move INTENDED for
 * the next start to settle from element status.
 */
final class StoreJournal implements MoveJournal {
  private final Store store;
  private final String library;
  private final Origin origin;
  private final MovePurpose purpose;
  private final Optional<String> volume;
  private final Consumer<Tx> atIntent;
  private final Function<ElementAddress, Optional<ElementType>> typeOf;
  private final List<Message> out;

  /**
   * @param volume the volume name, when the operation knows it (else the cartridge's volser, when it has one)
   * @param atIntent what the operation reserves in the intent's transaction
   * @param typeOf the type of an element of the library
   * @param out where the messages logged go (the command's result)
   */
  StoreJournal(Store store, String library, Origin origin, MovePurpose purpose, Optional<String> volume,
      Consumer<Tx> atIntent, Function<ElementAddress, Optional<ElementType>> typeOf, List<Message> out) {
    this.store = store;
    this.library = library;
    this.origin = origin;
    this.purpose = purpose;
    this.volume = volume;
    this.atIntent = atIntent;
    this.typeOf = typeOf;
    this.out = out;
  }

  @Override
  public long intended(PlannedMove plan) {
    Optional<String> vol = volume.or(plan::volume);
    return store.write(origin, tx -> {
      atIntent.accept(tx);
      Move m = tx.moves().intend(new MoveIntent(library, vol, plan.source(), plan.destination(),
          Optional.of(plan.transport()), purpose));
      Message msg = tx.log(Messages.MOVE_INTENDED, m.id(), library, vol.orElse("(no barcode)"), plan.source(),
          plan.destination());
      out.add(msg);
      tx.event(EventCategory.LIBRARY, EventPayload.of("library.move.intended", msg.text()).with("library", library)
          .with("move", m.id()).with("volume", vol.orElse("")).with("purpose", purpose.name())
          .with("source", plan.source().value()).with("destination", plan.destination().value()).json());
      return m.id();
    });
  }

  @Override
  public void completed(long id, CompletedMove move) {
    store.transact(origin, tx -> {
      Move m = tx.moves().done(id);
      tx.elements().put(snapshot(move.source(), tx));
      tx.elements().put(snapshot(move.destination(), tx));
      Message msg = tx.log(Messages.MOVE_DONE, id, library);
      out.add(msg);
      tx.event(EventCategory.LIBRARY, EventPayload.of("library.move.done", msg.text()).with("library", library)
          .with("move", id).with("volume", m.volume().orElse("")).with("destination", m.destination().value())
          .json());
      Settlement.apply(tx, m, Optional.of(new Settlement.Place(move.destination().address(),
          move.destination().type())), out);
    });
  }

  @Override
  public void failed(long id, MoveFailure failure) {
    Optional<Settlement.Place> at = Optional.empty();
    if (failure.outcome() != MoveFailure.Outcome.UNKNOWN && failure.cartridgeAt().isPresent()) {
      ElementAddress a = failure.cartridgeAt().get();
      at = typeOf.apply(a).filter(t -> t != ElementType.MEDIUM_TRANSPORT).map(t -> new Settlement.Place(a, t));
    }
    if (at.isEmpty()) {
      store.transact(origin, tx -> out.add(tx.log(ControlMessages.MOVE_UNSETTLED, id, library, failure.message())));
      return;
    }
    Settlement.Place place = at.get();
    store.transact(origin, tx -> {
      Move m = tx.moves().failed(id, failure.message());
      Message msg = tx.log(Messages.MOVE_FAILED, id, library, failure.message());
      out.add(msg);
      tx.event(EventCategory.LIBRARY, EventPayload.of("library.move.failed", msg.text()).with("library", library)
          .with("move", id).with("volume", m.volume().orElse("")).with("reason", failure.reason().name())
          .with("at", place.address().value()).json());
      Settlement.apply(tx, m, Optional.of(place), out);
    });
  }

  static ElementSnapshot snapshot(String library, InventoryElement e, java.time.Instant scanned) {
    return new ElementSnapshot(library, e.address(), e.type(), e.full(), e.barcode(), e.source(), e.accessible(),
        e.except().isPresent(), e.except().map(x -> x.asc()).orElse(0), e.except().map(x -> x.ascq()).orElse(0),
        scanned);
  }

  private ElementSnapshot snapshot(InventoryElement e, Tx tx) {
    return snapshot(library, e, tx.now());
  }
}
