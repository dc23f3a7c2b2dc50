package org.vaultline.scsi.smc;

/**
 * SMC-3 6.11 medium transport element descriptor (element type 1h): the robot's hand. Byte 2 has only
 * EXCEPT (bit 2) and FULL (bit 0).
 */
public record TransportElement(ElementState state) implements ElementStatus {
  public TransportElement {
    java.util.Objects.requireNonNull(state, "state");
  }

  @Override
  public ElementType type() {
    return ElementType.MEDIUM_TRANSPORT;
  }

  @Override
  public String toString() {
    return "transport " + state;
  }
}
