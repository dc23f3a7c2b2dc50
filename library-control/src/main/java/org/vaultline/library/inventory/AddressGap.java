package org.vaultline.library.inventory;

import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementType;

/**
 * Addresses between two elements of one type that no element has: an IBM 3584 keeps them for drives not
 * installed (a move there gives 5/3B/82), and frames of slots start at round addresses (REFERENCE §1).
 */
public record AddressGap(ElementType type, ElementAddress first, ElementAddress last) {
  public int size() {
    return last.value() - first.value() + 1;
  }

  @Override
  public String toString() {
    return type.text() + " " + first + ".." + last;
  }
}
