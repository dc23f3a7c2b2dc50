package org.vaultline.emulator.personality;

import java.util.ArrayList;
import java.util.List;
import org.vaultline.emulator.physical.ElementKind;

/**
 * Where a library's elements are (SMC-3 MODE SENSE page 1Dh, but with gaps kept): the address runs of
 * each element type, and how many import/export elements share one door (an I/O station).
 */
public record ElementLayout(List<AddressRange> transports, List<AddressRange> storage,
                            List<AddressRange> importExport, List<AddressRange> dataTransfer,
                            int stationSize) {
  public ElementLayout {
    transports = List.copyOf(transports);
    storage = List.copyOf(storage);
    importExport = List.copyOf(importExport);
    dataTransfer = List.copyOf(dataTransfer);
    if (transports.isEmpty()) {
      throw new IllegalArgumentException("a library has at least one medium transport");
    }
    if (!importExport.isEmpty() && stationSize < 1) {
      throw new IllegalArgumentException("an I/O station has at least one element");
    }
    List<int[]> spans = new ArrayList<>();
    for (List<AddressRange> kind : List.of(transports, storage, importExport, dataTransfer)) {
      for (AddressRange r : kind) {
        for (int[] s : spans) {
          if (r.count() > 0 && r.first() <= s[1] && s[0] <= r.last()) {
            throw new IllegalArgumentException("overlapping element addresses at " + r);
          }
        }
        spans.add(new int[] {r.first(), r.last()});
      }
    }
  }

  public List<AddressRange> ranges(ElementKind kind) {
    return switch (kind) {
      case MEDIUM_TRANSPORT -> transports;
      case STORAGE -> storage;
      case IMPORT_EXPORT -> importExport;
      case DATA_TRANSFER -> dataTransfer;
    };
  }

  /** Every address of {@code kind}, ascending. */
  public List<Integer> addresses(ElementKind kind) {
    List<Integer> out = new ArrayList<>();
    for (AddressRange r : ranges(kind)) {
      for (int a = r.first(); a <= r.last(); a++) {
        out.add(a);
      }
    }
    out.sort(null);
    return out;
  }

  public int count(ElementKind kind) {
    return ranges(kind).stream().mapToInt(AddressRange::count).sum();
  }

  /**
   * True when {@code address} lies between the first and last data transfer element without being one:
   * an empty drive bay, as the IBM 3584 keeps for drives not installed.
   */
  public boolean isDriveGap(int address) {
    List<Integer> dt = addresses(ElementKind.DATA_TRANSFER);
    return !dt.isEmpty() && address > dt.get(0) && address < dt.get(dt.size() - 1) && !dt.contains(address);
  }
}
