/**
 * The administrative API of the appliance: {@code POST /api/v1/command} and {@code GET /api/v1/status} over the JDK's
 * HTTP(S) server ({@link org.vaultline.appliance.api.AdminApi}), authenticated against the store's administrators
 * ({@link org.vaultline.appliance.api.StoreAdministrators}), and the command dispatcher shared with the serial console
 * ({@link org.vaultline.appliance.api.AdminCommands}): activity log with the administrator's ID, authority classes,
 * the administrator commands (REGISTER/UPDATE/REMOVE/LOCK/UNLOCK ADMIN, GRANT/REVOKE AUTHORITY, QUERY ADMIN, QUERY
 * STATUS). Messages VLN0800..VLN0899 ({@link org.vaultline.appliance.api.AdminMessages}).
 */
package org.vaultline.appliance.api;
