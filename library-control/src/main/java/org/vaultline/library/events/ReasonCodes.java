package org.vaultline.library.events;

/**
 * Names of MQTT reason codes: MQTT 5.0 section 2.4 (CONNACK, PUBACK, DISCONNECT share one table), and
 * the CONNACK return codes of MQTT 3.1.1 section 3.2.2.3.
 */
final class ReasonCodes {
  private ReasonCodes() {}

  /** Whether {@code code} says the broker did not accept the user's credentials. */
  static boolean isAuthentication(MqttProtocol protocol, int code) {
    if (protocol == MqttProtocol.MQTT_3_1_1) {
      return code == 4 || code == 5;
    }
    return code == 0x86 || code == 0x87 || code == 0x8A || code == 0x8C;
  }

  static String describe(MqttProtocol protocol, int code) {
    if (protocol == MqttProtocol.MQTT_3_1_1) {
      switch (code) {
        case 0: return "Connection accepted";
        case 1: return "Unacceptable protocol version";
        case 2: return "Identifier rejected";
        case 3: return "Server unavailable";
        case 4: return "Bad user name or password";
        case 5: return "Not authorized";
        default: return "Unknown return code";
      }
    }
    switch (code) {
      case 0x00: return "Success";
      case 0x10: return "No matching subscribers";
      case 0x80: return "Unspecified error";
      case 0x81: return "Malformed Packet";
      case 0x82: return "Protocol Error";
      case 0x83: return "Implementation specific error";
      case 0x84: return "Unsupported Protocol Version";
      case 0x85: return "Client Identifier not valid";
      case 0x86: return "Bad User Name or Password";
      case 0x87: return "Not authorized";
      case 0x88: return "Server unavailable";
      case 0x89: return "Server busy";
      case 0x8A: return "Banned";
      case 0x8B: return "Server shutting down";
      case 0x8C: return "Bad authentication method";
      case 0x8D: return "Keep Alive timeout";
      case 0x8E: return "Session taken over";
      case 0x90: return "Topic Name invalid";
      case 0x91: return "Packet Identifier in use";
      case 0x93: return "Receive Maximum exceeded";
      case 0x95: return "Packet too large";
      case 0x96: return "Message rate too high";
      case 0x97: return "Quota exceeded";
      case 0x98: return "Administrative action";
      case 0x99: return "Payload format invalid";
      case 0x9A: return "Retain not supported";
      case 0x9B: return "QoS not supported";
      case 0x9C: return "Use another server";
      case 0x9D: return "Server moved";
      case 0x9F: return "Connection rate exceeded";
      default: return "Unknown reason code";
    }
  }
}
