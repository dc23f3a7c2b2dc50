package org.vaultline.scsi.smc;

/**
 * SMC-3 6.11 storage element descriptor (element type 2h): a slot.
 *
 * @param access byte 2 bit 3: ACCESS, the medium transport can reach the slot (0 when, say, its
 *     magazine has been pulled)
 */
public record StorageElement(ElementState state, boolean access) implements ElementStatus {
  public StorageElement {
    java.util.Objects.requireNonNull(state, "state");
  }

  @Override
  public ElementType type() {
    return ElementType.STORAGE;
  }

  @Override
  public String toString() {
    return "storage " + state + (access ? "" : " no access");
  }
}
