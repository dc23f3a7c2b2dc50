package org.vaultline.library.control;

/**
 * What a server command needs, for the administrative API to check the administrator's authority: TSM's
 * privilege classes as Vaultline has them.
 */
public enum CommandKind {
  /** Any QUERY: READ authority. */
  QUERY,
  /** Robot and media work: MOVE DRMEDIA, CHECKIN/CHECKOUT LIBVOLUME, AUDIT LIBRARY, LABEL LIBVOLUME, REPLY,
   *  CANCEL REQUEST, CANCEL PROCESS, DEFINE/UPDATE/DELETE DRMVOLUME: OPERATOR authority. */
  OPERATE,
  /** Configuration: DEFINE LIBRARY/DRIVE/PATH, SET DRM...: SYSTEM authority. */
  CONFIGURE
}
