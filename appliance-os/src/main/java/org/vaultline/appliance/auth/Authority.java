package org.vaultline.appliance.auth;

/**
 * An administrator's authority class, after TSM's privilege classes. Each includes the ones below it:
 * <ul>
 *   <li>SYSTEM: everything, including defining libraries, drives and paths, registering administrators and DRM
 *       settings ({@link CommandClass#CONFIGURE}).</li>
 *   <li>OPERATOR: runs the library (MOVE DRMEDIA, CHECKIN/CHECKOUT LIBVOLUME, AUDIT LIBRARY, REPLY, CANCEL
 *       PROCESS) ({@link CommandClass#OPERATE}).</li>
 *   <li>READ: queries only ({@link CommandClass#QUERY}).</li>
 * </ul>
 */
public enum Authority {
  READ,
  OPERATOR,
  SYSTEM;

  /** True when an administrator of this class may run commands of {@code commandClass}. */
  public boolean permits(CommandClass commandClass) {
    return compareTo(commandClass.required()) >= 0;
  }
}
