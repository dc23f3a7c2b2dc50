package org.vaultline.library.drm;

import org.vaultline.library.store.MessageId;
import org.vaultline.library.store.Severity;

/**
 * The stable message IDs of DRM (range 0400..0699 of the {@code VLN} numbering). The number never changes meaning
 * once released; administrators grep for it the way they grep TSM's ANR numbers. The wording lives in
 * {@link DrmMessages}.
 */
public enum DrmMessageId {
  // 0400..0419: command syntax
  UNKNOWN_COMMAND(400, 'E'),
  MISSING_PARAMETER(401, 'E'),
  UNKNOWN_PARAMETER(402, 'E'),
  INVALID_VALUE(403, 'E'),
  DUPLICATE_PARAMETER(404, 'E'),
  UNTERMINATED_QUOTE(405, 'E'),
  OUT_OF_RANGE(406, 'E'),
  INVALID_DATE(407, 'E'),
  INVALID_TIME(408, 'E'),
  EXTRA_POSITIONAL(409, 'E'),
  PARAMETER_REQUIRES(410, 'E'),
  VALUE_TOO_LONG(411, 'E'),
  EMPTY_VALUE(412, 'E'),
  // 0420..0429: a MOVE DRMEDIA request that no volume could satisfy
  WHERESTATE_NOT_MOVABLE(420, 'E'),
  TOSTATE_DERIVED_ONLY(421, 'E'),
  TOSTATE_MOUNTABLE(422, 'E'),
  TOSTATE_NOT_REACHABLE(423, 'E'),
  TOLOCATION_ONSITE(424, 'E'),
  EMPTY_WINDOW(425, 'E'),
  // 0430..0439: why a volume is not selected
  NOT_IN_WHERESTATE(430, 'E'),
  NOT_A_DRM_VOLUME(431, 'E'),
  EXCLUDED_BY_SOURCE(432, 'E'),
  COPY_POOL_NOT_SELECTED(433, 'E'),
  ACTIVE_DATA_POOL_NOT_SELECTED(434, 'E'),
  FILE_DEVICE_EXCLUDED(435, 'E'),
  LOCATION_MISMATCH(436, 'E'),
  OUTSIDE_WINDOW(437, 'E'),
  NAME_MISMATCH(438, 'E'),
  NO_MATCH(439, 'E'),
  // 0440..0449: what a move did
  MOVED(440, 'I'),
  LEFT_DRM(441, 'I'),
  // 0450..0459: states the server derives
  COPY_VOLUME_EMPTIED(450, 'I'),
  SERIES_EXPIRED(451, 'I'),
  // 0460..0469: registration (DEFINE/UPDATE/DELETE DRMVOLUME)
  ALREADY_DEFINED(460, 'E'),
  NOT_DEFINED(461, 'E'),
  STATUS_NOT_APPLICABLE(462, 'E'),
  DEFINED(463, 'I'),
  UPDATED(464, 'I'),
  DELETED(465, 'I'),
  UNCHANGED(466, 'I'),
  // 0470..0479: importing TSM text
  IMPORT_LINE_UNREADABLE(470, 'W'),
  IMPORT_TYPE_SKIPPED(471, 'W'),
  IMPORT_NO_VOLHISTORY(472, 'W'),
  IMPORT_DUPLICATE(473, 'W'),
  IMPORT_BAD_VALUE(474, 'W'),
  // 0480..0499: DRM on the store and the library (settings, MOVE DRMEDIA process, eject, automatic check-in)
  SETTING_CHANGED(480, 'I'),
  EJECTED(481, 'I'),
  STATION_FULL(482, 'W'),
  LEFT_UNMOVED(483, 'W'),
  MOVE_ENDED(484, 'I'),
  CHECKED_IN_BACK(485, 'I'),
  UNKNOWN_CARTRIDGE(486, 'W'),
  EJECT_FAILED(487, 'E'),
  REMOVE_FROM_SLOT(488, 'W'),
  EJECT_INTENDED(489, 'I'),
  PENDING_COMPLETED(490, 'W'),
  PENDING_DROPPED(491, 'W'),
  CHECKIN_STARTED(492, 'I'),
  CHECKIN_NOT_DONE(493, 'W'),
  // 0540..0559 (the server-command range 0500..0599; 0500..0539 are ControlMessages'): MOVE DRMEDIA outcomes
  NOT_EJECTED(540, 'W'),
  RUN_FAILED(541, 'E');

  private final int number;
  private final char severity;

  DrmMessageId(int number, char severity) {
    this.number = number;
    this.severity = severity;
  }

  public int number() {
    return number;
  }

  /** I, W, E or S, as in TSM's ANR0110I. */
  public char severity() {
    return severity;
  }

  /** The store's ID: same number, same severity. */
  public MessageId messageId() {
    return new MessageId(number, Severity.ofLetter(severity));
  }

  /** {@code VLN0423E}. */
  public String id() {
    return String.format("VLN%04d%c", number, severity);
  }

  /** This ID with {@code text}. */
  public DrmMessage with(String text) {
    return new DrmMessage(this, text);
  }
}
