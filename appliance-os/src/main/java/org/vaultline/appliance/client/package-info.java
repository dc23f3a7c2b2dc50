/**
 * The client side of the appliance's administrative HTTP API (contracts §2 and §4): {@link
 * org.vaultline.appliance.client.AdminClient} sends one TSM command line per request with HTTP Basic credentials and
 * reads the JSON answer; {@link org.vaultline.appliance.client.ClientOptionsFile} reads and writes the client options
 * file (0600). The {@code vaultline} command line and console on top of it are in {@code org.vaultline.appliance.cli}.
 *
 * <p>Messages of the administrative client (VLN0600-0699):
 * <ul>
 *   <li>VLN0600E unknown command; VLN0601E a verb without its object; VLN0602E a required name or parameter
 *       missing; VLN0603E other wrong syntax the client sees (each with the command's right form)</li>
 *   <li>VLN0604E unterminated quote in the console; VLN0605E the console cannot read its input; VLN0606E console
 *       started inside the console</li>
 *   <li>VLN0610E the server cannot be reached (or TLS with it failed); VLN0611E the answer is not the API's;
 *       VLN0612E no administrator ID; VLN0613E no password; VLN0614E the trust store cannot be read</li>
 *   <li>VLN0620I options written by {@code set-client}; VLN0621I options saved at first use</li>
 *   <li>VLN0630E the server's status names no MQTT broker; VLN0631E the broker cannot be subscribed at</li>
 *   <li>VLN0650E..VLN0655E the client options file (unknown option, bad value, twice, no value, a PASSWORD others
 *       can read, unreadable or unwritable)</li>
 * </ul>
 */
package org.vaultline.appliance.client;
