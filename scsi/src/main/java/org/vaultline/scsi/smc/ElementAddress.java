package org.vaultline.scsi.smc;

/**
 * An SMC-3 element address: the 16-bit number a media changer gives each of its medium
 * transport, storage, import/export and data transfer elements. It is not a slot index: addresses
 * start where the library likes (IBM TS3100 storage at 1000h, StorageTek SL500 at 03E8h) and can have
 * gaps, so they are read from MODE SENSE page 1Dh or READ ELEMENT STATUS, never computed.
 *
 * @param value 0..FFFFh
 */
public record ElementAddress(int value) implements Comparable<ElementAddress> {
  public ElementAddress {
    if (value < 0 || value > 0xFFFF) {
      throw new IllegalArgumentException("an element address is 16 bits, not " + value);
    }
  }

  public static ElementAddress of(int value) {
    return new ElementAddress(value);
  }

  /** The address {@code n} above this one, for walking a contiguous range. */
  public ElementAddress plus(int n) {
    return new ElementAddress(value + n);
  }

  @Override
  public int compareTo(ElementAddress o) {
    return Integer.compare(value, o.value);
  }

  /** {@code 0x1000}, as libraries' manuals write addresses. */
  @Override
  public String toString() {
    return String.format("0x%04X", value);
  }
}
