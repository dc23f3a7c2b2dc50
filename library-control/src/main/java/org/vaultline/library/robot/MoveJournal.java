package org.vaultline.library.robot;

/**
 * Hears every move the {@link Robot} makes, in this order: {@link #intended} before MOVE MEDIUM is sent,
 * {@link #moving} as it is sent, then one of {@link #completed} (element status confirmed the
 * cartridge at the destination) or {@link #failed}. The store records intent durably in
 * {@code intended} and the result in the other two; on start-up, intents left open are settled from
 * element status (crash safety, issue 5 "The store").
 *
 * <p>A move refused before anything is sent (source empty, destination full, wrong volume, unknown
 * element) is not journaled: the robot throws {@link RobotException} without calling the journal.
 *
 * <p>When the moving thread is interrupted after {@code intended}, neither {@code completed} nor
 * {@code failed} is called: the intent stays open, as after a crash, for recovery to settle.
 *
 * <p>Calls come from the thread making the move, while the robot holds the move's elements and medium
 * transport; they should be quick (one transaction each).
 */
public interface MoveJournal {

  /** Records nothing; ids are 0. */
  MoveJournal NONE = new MoveJournal() {
    @Override
    public long intended(PlannedMove move) {
      return 0;
    }

    @Override
    public void completed(long id, CompletedMove move) {
    }

    @Override
    public void failed(long id, MoveFailure failure) {
    }
  };

  /**
   * The move is about to be made: record it durably before returning. Throwing cancels the move
   * (nothing is sent; the caller gets {@link RobotException.Reason#JOURNAL}).
   *
   * @return an id given back to the other calls (the store's move id)
   */
  long intended(PlannedMove move);

  /** MOVE MEDIUM is being sent now (after {@link #intended} returned). */
  default void moving(long id, PlannedMove move) {
  }

  /** The library did the move and element status agrees. */
  void completed(long id, CompletedMove move);

  /**
   * The move failed; {@link MoveFailure#outcome()} says whether the cartridge stayed at the source or
   * where it is, or that this is not known (then keep the intent open for recovery).
   */
  void failed(long id, MoveFailure failure);
}
