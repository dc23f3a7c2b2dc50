package org.vaultline.library.drm;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.vaultline.library.store.Message;
import org.vaultline.library.store.Origin;

/**
 * How MOVE DRMEDIA gets a cartridge out of its library (REFERENCE §3, REMOVE=). The library side implements it
 * with its checkout machinery: a move to a free I/O station element, operator requests when the station is full
 * or when there is no exposed station at all.
 */
public interface DrmEject {
  /** What became of one eject. */
  sealed interface Result permits Ejected, StationFull, Refused, Failed {}

  /** The cartridge is in the I/O station (or, without a station, the operator took it from its slot). */
  record Ejected(String where) implements Result {}

  /** Every I/O station element is full; nothing moved. */
  record StationFull() implements Result {}

  /**
   * This volume is not ejected (its tape label does not name it, it has none, it could not be read): it stays where
   * it was and MOVE DRMEDIA goes on with the next one.
   */
  record Refused(String reason) implements Result {}

  /** The eject failed; the volume stays where it was, and MOVE DRMEDIA stops. */
  record Failed(String reason) implements Result {}

  /**
   * Moves {@code volume} to a free I/O station element of {@code library} (without an exposed station: asks the
   * operator to take it from its slot and waits), on behalf of {@code origin} (the MOVE DRMEDIA process).
   */
  Result eject(String library, String volume, Origin origin);

  /**
   * {@link #eject(String, String, Origin)}, reading the tape label in a drive first when {@code checkLabel} (SET
   * DRMCHECKLABEL YES) and refusing a volume whose label does not name it. An eject that cannot read labels ignores
   * {@code checkLabel}.
   */
  default Result eject(String library, String volume, boolean checkLabel, Origin origin) {
    return eject(library, volume, origin);
  }

  /**
   * Raises one operator request saying the station of {@code library} is full and waits until it has been emptied
   * ({@code reply}: and the request answered, REMOVE=YES; else it resumes on its own when the station is seen
   * empty, REMOVE=BULK).
   *
   * @return false when {@code cancelled} became true first
   */
  boolean awaitEmptied(String library, boolean reply, BooleanSupplier cancelled, Origin origin);

  /**
   * At the end of a MOVE DRMEDIA run that ejected {@code volumes} from {@code library}: those still in its I/O
   * station are named in one operator request to take them out for the courier. The run does not wait for it; the
   * library side satisfies it once the station shows them gone. By default (an eject without a station) nothing.
   *
   * @param op who ejected them, for the request's text ({@code MOVE DRMEDIA process 7})
   * @return the message saying the request was raised, empty when none was
   */
  default Optional<Message> requestCourierRemoval(String library, List<String> volumes, String op, Origin origin) {
    return Optional.empty();
  }
}
