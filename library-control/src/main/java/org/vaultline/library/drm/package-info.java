/**
 * The pure core of the Disaster Recovery Manager (issue 6): IBM TSM / Spectrum Protect DRM semantics
 * (REFERENCE §3) without I/O or storage. The store, the eject through the I/O station, background processes and
 * automatic check-in build on it.
 *
 * <ul>
 *   <li>{@link org.vaultline.library.drm.DrmVolume}, {@link org.vaultline.library.drm.DrmVolumeKind},
 *       {@link org.vaultline.library.drm.DrmState}: what DRM tracks.</li>
 *   <li>{@link org.vaultline.library.drm.MoveDrMedia#apply}: the state machine, one volume at a time, giving the
 *       move ({@link org.vaultline.library.drm.MoveOutcome.Moved}) or the exact refusal; filters shared with QUERY
 *       DRMEDIA in {@link org.vaultline.library.drm.DrmSelection}.</li>
 *   <li>{@link org.vaultline.library.drm.VaultRetrieve}: the only way into VAULTRETRIEVE.</li>
 *   <li>{@link org.vaultline.library.drm.DrmCommandParser}: TSM syntax with minimum abbreviations, for MOVE DRMEDIA,
 *       QUERY DRMEDIA, QUERY DRMSTATUS, SET DRM... and the registration commands DEFINE/UPDATE/DELETE DRMVOLUME
 *       ({@link org.vaultline.library.drm.DrmRegistration}) through which a backup application reports its
 *       volumes.</li>
 *   <li>{@link org.vaultline.library.drm.VolhistoryImport}, {@link org.vaultline.library.drm.DrmediaImport},
 *       {@link org.vaultline.library.drm.TsmImport}, {@link org.vaultline.library.drm.CommandFileImport}: feeding in
 *       a TSM server's QUERY VOLHISTORY / DRMEDIA output or a script's registration commands.</li>
 * </ul>
 *
 * <p>Messages carry IDs VLN0400..VLN0479 ({@link org.vaultline.library.drm.DrmMessageId}), inside the DRM range
 * 0400..0699 of the store's numbering.
 */
package org.vaultline.library.drm;
