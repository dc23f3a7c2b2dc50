package org.vaultline.appliance.client;

/** How the client prints a server's answer, like dsmadmc's {@code -displaymode}. */
public enum OutputFormat {
  /** What the server renders for an administrative client (tables and messages). */
  TEXT,
  /** The API's JSON body, for scripts. */
  JSON
}
