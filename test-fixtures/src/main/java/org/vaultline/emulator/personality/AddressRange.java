package org.vaultline.emulator.personality;

import java.util.ArrayList;
import java.util.List;

/** A run of {@code count} consecutive element addresses from {@code first}: written {@code 0x1000+22}. */
public record AddressRange(int first, int count) {
  public AddressRange {
    if (first < 0 || count < 0 || first + count > 0x10000) {
      throw new IllegalArgumentException("element addresses are 16 bits: " + first + "+" + count);
    }
  }

  public int last() {
    return first + count - 1;
  }

  public boolean contains(int address) {
    return address >= first && address < first + count;
  }

  /** Parses a comma-separated list of {@code first+count} (first in hex with 0x, or decimal). */
  public static List<AddressRange> parseList(String text) {
    List<AddressRange> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String part : text.split(",")) {
      String[] p = part.trim().split("\\+");
      if (p.length != 2) {
        throw new IllegalArgumentException("an address range is written first+count: \"" + part + "\"");
      }
      out.add(new AddressRange(Integer.decode(p[0].trim()), Integer.decode(p[1].trim())));
    }
    return out;
  }

  @Override
  public String toString() {
    return String.format("0x%04X+%d", first, count);
  }
}
