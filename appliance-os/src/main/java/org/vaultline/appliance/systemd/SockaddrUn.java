package org.vaultline.appliance.systemd;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * {@code struct sockaddr_un} (unix(7)): {@code sa_family_t sun_family} (2 bytes, host order) then
 * {@code char sun_path[108]}. A path starting with {@code @} names a socket in the abstract namespace: sun_path
 * starts with a NUL and the address length counts exactly the name's bytes, without a terminating NUL.
 */
record SockaddrUn(byte[] bytes, int length) {
  static final int SUN_PATH_SIZE = 108;

  static SockaddrUn of(String path) {
    boolean abstractName = path.startsWith("@");
    byte[] name = (abstractName ? path.substring(1) : path).getBytes(StandardCharsets.UTF_8);
    // abstract: NUL + name; filesystem: name + NUL
    if (name.length + 1 > SUN_PATH_SIZE) {
      throw new IllegalArgumentException("socket path longer than 107 bytes: " + path);
    }
    if (!abstractName && path.isEmpty()) {
      throw new IllegalArgumentException("empty socket path");
    }
    ByteBuffer b = ByteBuffer.allocate(2 + SUN_PATH_SIZE).order(ByteOrder.nativeOrder());
    b.putShort((short) LibC.AF_UNIX);
    if (abstractName) {
      b.put((byte) 0);
    }
    b.put(name);
    return new SockaddrUn(b.array(), 2 + 1 + name.length);
  }
}
