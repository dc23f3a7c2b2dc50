package org.vaultline.library.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementAddressAssignmentPage;
import org.vaultline.scsi.smc.ElementType;

/**
 * An immutable snapshot of a media changer: every element by type in address order, as MODE SENSE page
 * 1Dh and READ ELEMENT STATUS (SMC-3 6.11, B8h) showed them, with what was wrong in the answers
 * ({@link #warnings()}). Built by {@link InventoryReader}; a robot keeps it current with {@link #with}.
 *
 * @param addressAssignment page 1Dh, when the library gave it
 * @param transports medium transport elements (the robot's hands)
 * @param storage storage elements (slots)
 * @param importExport import/export elements (I/O station cells); empty when the library exposes none
 * @param dataTransfer data transfer elements (drives), with their identifiers when DVCID was accepted
 */
public record LibraryInventory(Optional<ElementAddressAssignmentPage> addressAssignment,
    List<InventoryElement> transports, List<InventoryElement> storage, List<InventoryElement> importExport,
    List<InventoryElement> dataTransfer, List<InventoryWarning> warnings, InventoryStatistics statistics) {

  private static final Comparator<InventoryElement> BY_ADDRESS = Comparator.comparing(InventoryElement::address);

  public LibraryInventory {
    Objects.requireNonNull(addressAssignment, "addressAssignment");
    Objects.requireNonNull(statistics, "statistics");
    transports = sorted(transports, ElementType.MEDIUM_TRANSPORT);
    storage = sorted(storage, ElementType.STORAGE);
    importExport = sorted(importExport, ElementType.IMPORT_EXPORT);
    dataTransfer = sorted(dataTransfer, ElementType.DATA_TRANSFER);
    warnings = List.copyOf(warnings);
  }

  private static List<InventoryElement> sorted(List<InventoryElement> elements, ElementType type) {
    List<InventoryElement> copy = new ArrayList<>(elements);
    for (InventoryElement e : copy) {
      if (e.type() != type) {
        throw new IllegalArgumentException(e + " is not a " + type.text() + " element");
      }
    }
    copy.sort(BY_ADDRESS);
    for (int i = 1; i < copy.size(); i++) {
      if (copy.get(i).address().equals(copy.get(i - 1).address())) {
        throw new IllegalArgumentException("element " + copy.get(i).address() + " listed twice");
      }
    }
    return List.copyOf(copy);
  }

  /** The elements of {@code type} in address order ({@link ElementType#ALL}: every element). */
  public List<InventoryElement> elements(ElementType type) {
    switch (type) {
      case MEDIUM_TRANSPORT:
        return transports;
      case STORAGE:
        return storage;
      case IMPORT_EXPORT:
        return importExport;
      case DATA_TRANSFER:
        return dataTransfer;
      default:
        List<InventoryElement> all = new ArrayList<>(size());
        all.addAll(transports);
        all.addAll(storage);
        all.addAll(importExport);
        all.addAll(dataTransfer);
        all.sort(BY_ADDRESS);
        return List.copyOf(all);
    }
  }

  /** Number of elements of all types. */
  public int size() {
    return transports.size() + storage.size() + importExport.size() + dataTransfer.size();
  }

  /** The element at {@code address}, of whatever type. */
  public Optional<InventoryElement> element(ElementAddress address) {
    for (List<InventoryElement> list : List.of(transports, storage, importExport, dataTransfer)) {
      int i = indexOf(list, address);
      if (i >= 0) {
        return Optional.of(list.get(i));
      }
    }
    return Optional.empty();
  }

  private static int indexOf(List<InventoryElement> list, ElementAddress address) {
    int lo = 0;
    int hi = list.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = list.get(mid).address().compareTo(address);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** Where the cartridge with this volser (or whole barcode) is; several places mean duplicate labels. */
  public List<InventoryElement> find(String volume) {
    List<InventoryElement> out = new ArrayList<>();
    for (List<InventoryElement> list : List.of(transports, storage, importExport, dataTransfer)) {
      for (InventoryElement e : list) {
        if (e.volser().filter(volume::equals).isPresent() || e.barcode().filter(volume::equals).isPresent()) {
          out.add(e);
        }
      }
    }
    out.sort(BY_ADDRESS);
    return out;
  }

  /** Whether the library exposes an I/O station over SCSI. */
  public boolean hasImportExport() {
    return !importExport.isEmpty();
  }

  /** No part of an element type was given up on. */
  public boolean isComplete() {
    return warnings.stream().noneMatch(w -> w.kind() == InventoryWarning.Kind.INCOMPLETE);
  }

  public List<InventoryWarning> warnings(InventoryWarning.Kind kind) {
    return warnings.stream().filter(w -> w.kind() == kind).toList();
  }

  /** Unused addresses between the first and last element of {@code type}. */
  public List<AddressGap> gaps(ElementType type) {
    List<AddressGap> out = new ArrayList<>();
    List<InventoryElement> list = elements(type);
    for (int i = 1; i < list.size(); i++) {
      int before = list.get(i - 1).address().value();
      int after = list.get(i).address().value();
      if (after > before + 1) {
        out.add(new AddressGap(type, ElementAddress.of(before + 1), ElementAddress.of(after - 1)));
      }
    }
    return out;
  }

  /**
   * This snapshot with {@code changed} elements replacing those at the same addresses (after a move the
   * robot re-reads source and destination).
   *
   * @throws IllegalArgumentException for an element this inventory does not have
   */
  public LibraryInventory with(List<InventoryElement> changed) {
    List<List<InventoryElement>> lists = new ArrayList<>(List.of(new ArrayList<>(transports),
        new ArrayList<>(storage), new ArrayList<>(importExport), new ArrayList<>(dataTransfer)));
    for (InventoryElement e : changed) {
      List<InventoryElement> list = lists.get(e.type().code() - 1);
      int i = indexOf(list, e.address());
      if (i < 0) {
        throw new IllegalArgumentException("no " + e.type().text() + " element " + e.address() + " in this inventory");
      }
      list.set(i, e);
    }
    return new LibraryInventory(addressAssignment, lists.get(0), lists.get(1), lists.get(2), lists.get(3), warnings,
        statistics);
  }

  @Override
  public String toString() {
    return "inventory: " + transports.size() + " transports, " + storage.size() + " slots, " + importExport.size()
        + " I/O cells, " + dataTransfer.size() + " drives, " + warnings.size() + " warnings";
  }
}
