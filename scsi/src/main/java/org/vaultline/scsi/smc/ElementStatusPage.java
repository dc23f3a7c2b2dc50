package org.vaultline.scsi.smc;

import java.util.List;
import java.util.Objects;

/**
 * One element status page of a READ ELEMENT STATUS response (SMC-3 6.11): an 8-byte page header and
 * the descriptors of the elements of one type. Every descriptor of a page has the page's descriptor
 * length, which is what one steps by; volume tags are present in all of them or in none.
 *
 * @param elementType byte 0: ELEMENT TYPE CODE (never {@link ElementType#ALL})
 * @param primaryVolumeTags byte 1 bit 7: PVolTag, the descriptors hold primary volume tag information
 * @param alternateVolumeTags byte 1 bit 6: AVolTag, the descriptors hold alternate volume tag information
 * @param descriptorLength bytes 2..3: ELEMENT DESCRIPTOR LENGTH
 * @param byteCountOfDescriptorData bytes 5..7: BYTE COUNT OF DESCRIPTOR DATA AVAILABLE for this page,
 *     as the device said it (it is not cut down to the allocation length)
 * @param elements the descriptors, each of type {@code elementType}
 */
public record ElementStatusPage(ElementType elementType, boolean primaryVolumeTags, boolean alternateVolumeTags,
    int descriptorLength, int byteCountOfDescriptorData, List<ElementStatus> elements) {
  /** Bytes of the page header. */
  public static final int HEADER_LENGTH = 8;
  /** Bytes 0..11 that every element descriptor has. */
  public static final int COMMON_LENGTH = 12;

  public ElementStatusPage {
    Objects.requireNonNull(elementType, "elementType");
    if (elementType == ElementType.ALL) {
      throw new IllegalArgumentException("a page reports one element type, not " + elementType);
    }
    if (descriptorLength < 0 || descriptorLength > 0xFFFF) {
      throw new IllegalArgumentException("descriptor length is 16 bits, not " + descriptorLength);
    }
    if (byteCountOfDescriptorData < 0 || byteCountOfDescriptorData > 0xFFFFFF) {
      throw new IllegalArgumentException("byte count is 24 bits, not " + byteCountOfDescriptorData);
    }
    elements = List.copyOf(elements);
    for (ElementStatus e : elements) {
      if (e.type() != elementType) {
        throw new IllegalArgumentException(e.type().text() + " element " + e.address() + " on a page of "
            + elementType.text() + " elements");
      }
      if (!primaryVolumeTags && e.state().primaryVolumeTag().isPresent()
          || !alternateVolumeTags && e.state().alternateVolumeTag().isPresent()) {
        throw new IllegalArgumentException("element " + e.address() + " has a volume tag the page does not announce");
      }
    }
  }

  /**
   * A page with descriptor length and byte count worked out from the elements: the 12 common bytes,
   * 36 per volume tag announced, and the identification descriptor (4 bytes of header, zero when an
   * element has none, as IBM and StorageTek libraries send them, plus the longest identifier; shorter
   * ones are padded with zeros).
   */
  public static ElementStatusPage of(ElementType elementType, boolean primaryVolumeTags,
      boolean alternateVolumeTags, List<? extends ElementStatus> elements) {
    int longestIdentifier = 0;
    for (ElementStatus e : elements) {
      longestIdentifier = Math.max(longestIdentifier,
          e.state().identification().map(id -> id.identifier().size()).orElse(0));
    }
    int length = COMMON_LENGTH + (primaryVolumeTags ? VolumeTag.LENGTH : 0)
        + (alternateVolumeTags ? VolumeTag.LENGTH : 0) + DeviceIdentifier.HEADER_LENGTH + longestIdentifier;
    return new ElementStatusPage(elementType, primaryVolumeTags, alternateVolumeTags, length,
        length * elements.size(), List.copyOf(elements));
  }

  /** Header and descriptors as the device said: 8 + the byte count. */
  public int length() {
    return HEADER_LENGTH + byteCountOfDescriptorData;
  }
}
