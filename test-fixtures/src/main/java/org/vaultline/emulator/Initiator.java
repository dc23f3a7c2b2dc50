package org.vaultline.emulator;

/**
 * One initiator (an I_T nexus, as far as the emulator cares): unit attentions and PREVENT MEDIUM
 * REMOVAL are kept per initiator, as real targets do.
 */
public record Initiator(String name) {
  public static final Initiator DEFAULT = new Initiator("default");

  public Initiator {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an initiator needs a name");
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
