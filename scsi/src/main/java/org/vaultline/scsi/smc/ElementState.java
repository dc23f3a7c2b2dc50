package org.vaultline.scsi.smc;

import java.util.Objects;
import java.util.Optional;
import org.vaultline.scsi.sense.AdditionalSense;

/**
 * The fields every SMC-3 element descriptor has, whatever its element type (SMC-3 6.11): the bytes
 * 0..11 common part, the volume tags and the identification descriptor. The type-specific bits (ACCESS,
 * ImpExp, the drive's bus address ...) are in the {@link ElementStatus} records that hold this.
 *
 * @param address byte 0..1: ELEMENT ADDRESS
 * @param full byte 2 bit 0: FULL, a cartridge is in the element
 * @param except byte 2 bit 2: EXCEPT, the element is in an abnormal state described by ASC/ASCQ
 * @param asc byte 4: ADDITIONAL SENSE CODE (meaningful with EXCEPT)
 * @param ascq byte 5: ADDITIONAL SENSE CODE QUALIFIER
 * @param elementDisabled byte 9 bit 3: ED, the element has been disabled (taken out of service)
 * @param mediumType byte 9 bits 2..0: 0 unspecified, 1 data, 2 cleaning, 3 diagnostic, 4 WORM,
 *     5 microcode image; others reserved and kept as they are
 * @param sourceAddress byte 9 bit 7 (SVALID) with bytes 10..11: the storage element the cartridge was
 *     last moved from; empty when SVALID is 0
 * @param invert byte 9 bit 6: INVERT, the cartridge was turned over on its way here
 * @param primaryVolumeTag PRIMARY VOLUME TAG INFORMATION (the barcode); empty when the page has no
 *     volume tags (PVolTag=0) or the identifier is blank (empty slot, unreadable label)
 * @param alternateVolumeTag ALTERNATE VOLUME TAG INFORMATION, likewise with AVolTag
 * @param identification the identification descriptor (DVCID=1), for drives: which drive it is
 */
public record ElementState(ElementAddress address, boolean full, boolean except, int asc, int ascq,
    boolean elementDisabled, int mediumType, Optional<ElementAddress> sourceAddress, boolean invert,
    Optional<VolumeTag> primaryVolumeTag, Optional<VolumeTag> alternateVolumeTag,
    Optional<DeviceIdentifier> identification) {
  public static final int MEDIUM_UNSPECIFIED = 0;
  public static final int MEDIUM_DATA = 1;
  public static final int MEDIUM_CLEANING = 2;
  public static final int MEDIUM_DIAGNOSTIC = 3;
  public static final int MEDIUM_WORM = 4;
  public static final int MEDIUM_MICROCODE = 5;

  public ElementState {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(sourceAddress, "sourceAddress");
    Objects.requireNonNull(primaryVolumeTag, "primaryVolumeTag");
    Objects.requireNonNull(alternateVolumeTag, "alternateVolumeTag");
    Objects.requireNonNull(identification, "identification");
    if (asc < 0 || asc > 0xFF || ascq < 0 || ascq > 0xFF) {
      throw new IllegalArgumentException("ASC and ASCQ are bytes: " + asc + "/" + ascq);
    }
    if (mediumType < 0 || mediumType > 7) {
      throw new IllegalArgumentException("medium type is 3 bits, not " + mediumType);
    }
  }

  /** An empty element in normal state at {@code address}; add to it with the {@code with} methods. */
  public static ElementState empty(ElementAddress address) {
    return new ElementState(address, false, false, 0, 0, false, MEDIUM_UNSPECIFIED, Optional.empty(), false,
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** An element holding a data cartridge labelled {@code barcode}. */
  public static ElementState holding(ElementAddress address, String barcode) {
    return empty(address).withFull(true).withMediumType(MEDIUM_DATA).withPrimaryVolumeTag(VolumeTag.of(barcode));
  }

  public ElementState withFull(boolean full) {
    return new ElementState(address, full, except, asc, ascq, elementDisabled, mediumType, sourceAddress, invert,
        primaryVolumeTag, alternateVolumeTag, identification);
  }

  /** EXCEPT set with the given ASC/ASCQ. */
  public ElementState withException(int asc, int ascq) {
    return new ElementState(address, full, true, asc, ascq, elementDisabled, mediumType, sourceAddress, invert,
        primaryVolumeTag, alternateVolumeTag, identification);
  }

  public ElementState withElementDisabled(boolean elementDisabled) {
    return new ElementState(address, full, except, asc, ascq, elementDisabled, mediumType, sourceAddress, invert,
        primaryVolumeTag, alternateVolumeTag, identification);
  }

  public ElementState withMediumType(int mediumType) {
    return new ElementState(address, full, except, asc, ascq, elementDisabled, mediumType, sourceAddress, invert,
        primaryVolumeTag, alternateVolumeTag, identification);
  }

  /** SVALID set with the storage element the cartridge came from. */
  public ElementState withSource(ElementAddress source, boolean invert) {
    return new ElementState(address, full, except, asc, ascq, elementDisabled, mediumType, Optional.of(source),
        invert, primaryVolumeTag, alternateVolumeTag, identification);
  }

  public ElementState withPrimaryVolumeTag(VolumeTag tag) {
    return new ElementState(address, full, except, asc, ascq, elementDisabled, mediumType, sourceAddress, invert,
        Optional.of(tag), alternateVolumeTag, identification);
  }

  public ElementState withAlternateVolumeTag(VolumeTag tag) {
    return new ElementState(address, full, except, asc, ascq, elementDisabled, mediumType, sourceAddress, invert,
        primaryVolumeTag, Optional.of(tag), identification);
  }

  public ElementState withIdentification(DeviceIdentifier id) {
    return new ElementState(address, full, except, asc, ascq, elementDisabled, mediumType, sourceAddress, invert,
        primaryVolumeTag, alternateVolumeTag, Optional.of(id));
  }

  ElementState withoutIdentification() {
    return new ElementState(address, full, except, asc, ascq, elementDisabled, mediumType, sourceAddress, invert,
        primaryVolumeTag, alternateVolumeTag, Optional.empty());
  }

  /** The T10 text of the exception's ASC/ASCQ, or the codes in hex when T10 assigns none (vendor codes). */
  public String exceptionText() {
    return AdditionalSense.lookup(asc, ascq).orElse("vendor specific")
        + String.format(" [%02X/%02X]", asc, ascq);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder().append(address).append(full ? " full" : " empty");
    primaryVolumeTag.ifPresent(t -> sb.append(" \"").append(t).append('"'));
    alternateVolumeTag.ifPresent(t -> sb.append(" alternate \"").append(t).append('"'));
    if (mediumType != MEDIUM_UNSPECIFIED) {
      sb.append(" medium type ").append(mediumType);
    }
    sourceAddress.ifPresent(s -> sb.append(" from ").append(s).append(invert ? " inverted" : ""));
    if (except) {
      sb.append(" EXCEPT ").append(exceptionText());
    }
    if (elementDisabled) {
      sb.append(" disabled");
    }
    identification.ifPresent(id -> sb.append(' ').append(id));
    return sb.toString();
  }
}
