/**
 * {@code vaultlined}, the appliance daemon ({@link org.vaultline.appliance.daemon.Vaultlined}, picocli) and the
 * running server it starts and stops ({@link org.vaultline.appliance.daemon.Daemon}): store, server commands, MQTT
 * publisher (or the embedded broker), administrative API, serial console, schedules, systemd notification, and the
 * graceful stop on SIGTERM.
 */
package org.vaultline.appliance.daemon;
