/**
 * Administrative command schedules, as the TSM server has them (IBM Spectrum Protect Administrator's Reference:
 * DEFINE/UPDATE/DELETE/QUERY SCHEDULE for administrative commands, QUERY EVENT TYPE=ADMINISTRATIVE): the parser
 * ({@link org.vaultline.appliance.schedule.ScheduleParser}), the schedule
 * ({@link org.vaultline.appliance.schedule.ScheduleDefinition}, stored as its canonical DEFINE SCHEDULE text through
 * {@link org.vaultline.appliance.schedule.ScheduleRepository}), its startup windows in a time zone
 * ({@link org.vaultline.appliance.schedule.ScheduleCalendar}, java.time only), the commands
 * ({@link org.vaultline.appliance.schedule.ScheduleCommands}) and the thread that runs due commands and records
 * Completed, Failed and Missed runs ({@link org.vaultline.appliance.schedule.Scheduler}).
 */
package org.vaultline.appliance.schedule;
