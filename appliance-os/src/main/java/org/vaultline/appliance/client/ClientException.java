package org.vaultline.appliance.client;

import java.util.Objects;

/**
 * A problem of the administrative client that is not a server's answer: its options file, its credentials, the
 * connection. The message starts with its ID:
 * <ul>
 *   <li>VLN0610E the server cannot be reached</li>
 *   <li>VLN0611E the server's answer is not the administrative API's</li>
 *   <li>VLN0612E no administrator ID</li>
 *   <li>VLN0613E no password</li>
 *   <li>VLN0614E the trust store cannot be read</li>
 *   <li>VLN0650E..VLN0655E the client options file (see {@link ClientOptionsFile})</li>
 * </ul>
 */
public final class ClientException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String id;

  public ClientException(String id, String text) {
    super(id + " " + text);
    this.id = Objects.requireNonNull(id, "id");
  }

  public ClientException(String id, String text, Throwable cause) {
    super(id + " " + text, cause);
    this.id = Objects.requireNonNull(id, "id");
  }

  /** The message ID, {@code VLN0610E}. */
  public String id() {
    return id;
  }
}
