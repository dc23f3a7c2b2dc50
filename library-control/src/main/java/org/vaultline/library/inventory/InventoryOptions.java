package org.vaultline.library.inventory;

/**
 * How {@link InventoryReader} pages through READ ELEMENT STATUS (SMC-3 6.11, B8h), REFERENCE §1.3.
 *
 * @param maxElementsPerRequest NUMBER OF ELEMENTS asked for at most in one request (1..FFFFh). The
 *     reader halves it for the rest of its life when a library answers 5/24/00 (IBM TS4500 refuses more
 *     than 5,376), and lowers it when one request's data cannot fit in {@code maxAllocationLength}
 * @param maxAllocationLength the largest ALLOCATION LENGTH sent (16..FFFFh): some changers read only the
 *     low 16 bits of the 3-byte field, so more than FFFFh is never sent
 * @param readDeviceIdentifiers whether to ask for the drives' identifiers (DVCID) in a request of their own
 * @param attemptsPerRequest how often one request is tried when its data is unusable (short transfer,
 *     no header) before the reader gives up on the rest of that element type
 */
public record InventoryOptions(int maxElementsPerRequest, int maxAllocationLength, boolean readDeviceIdentifiers,
    int attemptsPerRequest) {
  /** 1,000 elements and FFFFh bytes per request, drive identifiers on, 3 attempts. */
  public static final InventoryOptions DEFAULT = new InventoryOptions(1000, 0xFFFF, true, 3);

  /** Header bytes of the element status data plus one page header. */
  static final int HEADERS = 16;

  public InventoryOptions {
    if (maxElementsPerRequest < 1 || maxElementsPerRequest > 0xFFFF) {
      throw new IllegalArgumentException("elements per request are 1..65535, not " + maxElementsPerRequest);
    }
    if (maxAllocationLength < HEADERS || maxAllocationLength > 0xFFFF) {
      throw new IllegalArgumentException("the allocation length is 16..65535 bytes, not " + maxAllocationLength);
    }
    if (attemptsPerRequest < 1) {
      throw new IllegalArgumentException("at least one attempt per request, not " + attemptsPerRequest);
    }
  }

  public InventoryOptions withMaxElementsPerRequest(int n) {
    return new InventoryOptions(n, maxAllocationLength, readDeviceIdentifiers, attemptsPerRequest);
  }

  public InventoryOptions withMaxAllocationLength(int n) {
    return new InventoryOptions(maxElementsPerRequest, n, readDeviceIdentifiers, attemptsPerRequest);
  }

  public InventoryOptions withReadDeviceIdentifiers(boolean on) {
    return new InventoryOptions(maxElementsPerRequest, maxAllocationLength, on, attemptsPerRequest);
  }

  public InventoryOptions withAttemptsPerRequest(int n) {
    return new InventoryOptions(maxElementsPerRequest, maxAllocationLength, readDeviceIdentifiers, n);
  }
}
