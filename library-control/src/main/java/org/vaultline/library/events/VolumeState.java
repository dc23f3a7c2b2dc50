package org.vaultline.library.events;

import java.util.Objects;
import java.util.Optional;

/**
 * A volume's current DRM state as the retained topic {@code volumes/<volser>} shows it (with
 * {@code updated} and {@code seq} added by the publisher). Strings, not the DRM package's enums, so that
 * the wire format is what this record says and nothing else: {@code state} is a TSM state name
 * ({@code MOUNTABLE} .. {@code COURIERRETRIEVE}), {@code kind} the volume type ({@code CopyStgPool},
 * {@code DBBackup}...).
 */
public record VolumeState(String volume, String state, Optional<String> location, Optional<String> library,
    String kind, Optional<String> pool) {
  public VolumeState {
    Objects.requireNonNull(volume, "volume");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(pool, "pool");
    if (volume.isEmpty()) {
      throw new IllegalArgumentException("empty volume name");
    }
  }
}
