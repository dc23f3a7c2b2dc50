package org.vaultline.library.events;

import java.util.Objects;

/** User name and password for the broker (MQTT CONNECT). {@link #toString()} never shows the password. */
public record BrokerCredentials(String username, String password) {
  public BrokerCredentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (username.isEmpty()) {
      throw new IllegalArgumentException("the broker user name is empty");
    }
  }

  @Override
  public String toString() {
    return "BrokerCredentials[username=" + username + ", password=***]";
  }
}
