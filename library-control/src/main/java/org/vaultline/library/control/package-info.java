/**
 * Library control as administrators know it from TSM (issue 5): the library commands and the service that runs
 * each defined SCSI library.
 *
 * <ul>
 *   <li>{@link org.vaultline.library.control.ServerCommands} is the server's one command surface for the daemon, its
 *       API and console: library, DRM and process commands (QUERY/CANCEL PROCESS) in TSM syntax, each
 *       {@link org.vaultline.library.control.ServerCommands#describe described} by its canonical name and
 *       {@link org.vaultline.library.control.CommandKind} (the authority it needs); server start (libraries, DRM
 *       reconcile, the {@code StationWatcher} of each library that checks returning volumes in by itself) and the
 *       graceful stop. Its messages are VLN0500..VLN0539.</li>
 *   <li>{@link org.vaultline.library.control.LibraryCommandParser} turns a command line (TSM syntax, minimum
 *       abbreviations, the shared tokenizer of {@code org.vaultline.library.command}) into a
 *       {@link org.vaultline.library.control.LibraryCommand}; mistakes are
 *       {@link org.vaultline.library.control.CommandException}s with VLN02xxE message IDs
 *       ({@link org.vaultline.library.control.ControlMessages}).</li>
 *   <li>{@link org.vaultline.library.control.LibraryControl} runs them: DEFINE LIBRARY/DRIVE/PATH and the
 *       queries on the store, CHECKIN/CHECKOUT LIBVOLUME, AUDIT LIBRARY and LABEL LIBVOLUME as numbered
 *       processes; REPLY and CANCEL REQUEST answer the operator requests those raise. Results are
 *       {@link org.vaultline.library.control.CommandResult}s: messages and a
 *       {@link org.vaultline.library.control.ResultTable}, as TSM text or JSON.</li>
 *   <li>{@link org.vaultline.library.control.LibraryService} is one library at work: reached through its path's
 *       device URL, inventoried, its drives matched by serial number, moves journaled in the store
 *       ({@code StoreJournal}) and moves left open by a crash settled from element status at start
 *       ({@code Settlement}); it waits for the operator by UNIT ATTENTION 6/28/01 and by rescanning the I/O
 *       station.</li>
 *   <li>{@link org.vaultline.library.control.TapeLabel} is the ANSI VOL1/HDR1 label LABEL LIBVOLUME writes and
 *       CHECKLABEL=YES reads.</li>
 * </ul>
 */
package org.vaultline.library.control;
