package org.vaultline.library.inventory;

import java.util.Objects;
import java.util.Optional;
import org.vaultline.scsi.smc.DeviceIdentifier;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementState;
import org.vaultline.scsi.smc.ElementType;

/**
 * One element of a {@link LibraryInventory}, as READ ELEMENT STATUS (SMC-3 6.11) showed it.
 *
 * @param type medium transport, storage, import/export or data transfer
 * @param address the element address
 * @param full FULL: a cartridge is there
 * @param accessible ACCESS: the robot can reach it (I/O station door closed, drive unloaded or empty);
 *     true for medium transports, which have no such bit
 * @param label what the scanner read; present exactly when the element is full
 * @param source SVALID with the source storage element: where the cartridge came from (its home slot
 *     when a robot put it into a drive)
 * @param except EXCEPT with its ASC/ASCQ
 * @param importedByOperator import/export elements: ImpExp, an operator put the cartridge there (1), rather
 *     than the robot (0); false for other types
 * @param disabled ED: the element is out of service
 * @param mediumType MEDIUM TYPE (1 data, 2 cleaning ...)
 * @param deviceIdentifier data transfer elements: the drive's identification descriptor (DVCID)
 */
public record InventoryElement(ElementType type, ElementAddress address, boolean full, boolean accessible,
    Optional<VolumeLabel> label, Optional<ElementAddress> source, Optional<ExceptCondition> except,
    boolean importedByOperator, boolean disabled, int mediumType, Optional<DeviceIdentifier> deviceIdentifier) {

  public InventoryElement {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(except, "except");
    Objects.requireNonNull(deviceIdentifier, "deviceIdentifier");
    if (type == ElementType.ALL) {
      throw new IllegalArgumentException("an element has a concrete type");
    }
    if (full != label.isPresent()) {
      throw new IllegalArgumentException("a label exactly when full: " + address);
    }
  }

  /** TSM's volume name (six-character volser) of the cartridge here, when it has a readable barcode. */
  public Optional<String> volser() {
    return label.flatMap(VolumeLabel::volser);
  }

  /** The whole barcode ({@code ABC123L6}). */
  public Optional<String> barcode() {
    return label.flatMap(VolumeLabel::fullTag);
  }

  /** A cleaning cartridge: MEDIUM TYPE 2, or a {@code CLN} label. */
  public boolean isCleaningCartridge() {
    return full && (mediumType == ElementState.MEDIUM_CLEANING
        || label.filter(l -> l instanceof VolumeLabel.Barcode b && b.isCleaning()).isPresent());
  }

  /** Data transfer elements: the drive's serial number from DVCID, when the library gave it. */
  public Optional<String> driveSerial() {
    return deviceIdentifier.flatMap(DeviceIdentifier::serial);
  }

  /** The same element holding {@code identifier} (the DVCID request is separate from the VOLTAG one). */
  public InventoryElement withDeviceIdentifier(Optional<DeviceIdentifier> identifier) {
    return new InventoryElement(type, address, full, accessible, label, source, except, importedByOperator,
        disabled, mediumType, identifier);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(type.text()).append(' ').append(address);
    sb.append(full ? " full " + label.map(Object::toString).orElse("") : " empty");
    source.ifPresent(s -> sb.append(" from ").append(s));
    if (!accessible) {
      sb.append(" no access");
    }
    if (importedByOperator) {
      sb.append(" imported");
    }
    except.ifPresent(x -> sb.append(" EXCEPT ").append(x));
    if (disabled) {
      sb.append(" disabled");
    }
    driveSerial().ifPresent(s -> sb.append(" serial ").append(s));
    return sb.toString();
  }
}
