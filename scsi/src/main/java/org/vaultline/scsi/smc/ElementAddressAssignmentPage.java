package org.vaultline.scsi.smc;

import java.util.Objects;
import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.spc.ModePage;

/**
 * SMC-3 Element Address Assignment mode page (1Dh): the first address and the number of elements of
 * each type. Read it before addressing anything: libraries start their ranges where they like (IBM
 * TS3100 storage at 1000h, StorageTek SL500 at 03E8h; REFERENCE §1). The count is a number of elements,
 * not an address range: a library may leave gaps (IBM 3584 for absent drives).
 *
 * <p>Page bytes: 2..3 first medium transport element address, 4..5 number of medium transport
 * elements, 6..7 / 8..9 storage, 10..11 / 12..13 import/export, 14..15 / 16..17 data transfer,
 * 18..19 reserved; PAGE LENGTH 12h.
 */
public record ElementAddressAssignmentPage(ElementAddress firstTransport, int transportCount,
    ElementAddress firstStorage, int storageCount, ElementAddress firstImportExport, int importExportCount,
    ElementAddress firstDataTransfer, int dataTransferCount) {
  public static final int PAGE_CODE = 0x1D;
  /** PAGE LENGTH: the bytes after the 2-byte header. */
  public static final int PAGE_LENGTH = 0x12;
  /** Bytes of the body that carry fields; the last two are reserved, and some devices leave them out. */
  private static final int FIELDS = 16;

  public ElementAddressAssignmentPage {
    Objects.requireNonNull(firstTransport, "firstTransport");
    Objects.requireNonNull(firstStorage, "firstStorage");
    Objects.requireNonNull(firstImportExport, "firstImportExport");
    Objects.requireNonNull(firstDataTransfer, "firstDataTransfer");
    for (int count : new int[] {transportCount, storageCount, importExportCount, dataTransferCount}) {
      if (count < 0 || count > 0xFFFF) {
        throw new IllegalArgumentException("an element count is 16 bits, not " + count);
      }
    }
  }

  /** Decodes the page from MODE SENSE data. */
  public static ElementAddressAssignmentPage from(ModePage page) throws MalformedResponseException {
    BigEndianReader r = new BigEndianReader(ModePages.body(page, PAGE_CODE, FIELDS, "element address assignment"));
    // body offsets are page offsets - 2
    return new ElementAddressAssignmentPage(
        ElementAddress.of(r.u16(0)), r.u16(2),
        ElementAddress.of(r.u16(4)), r.u16(6),
        ElementAddress.of(r.u16(8)), r.u16(10),
        ElementAddress.of(r.u16(12)), r.u16(14));
  }

  /** Decodes the page from its bytes as they appear in mode parameter data (header included). */
  public static ElementAddressAssignmentPage parse(Bytes page) throws MalformedResponseException {
    return from(ModePages.read(page));
  }

  /** The page to send in MODE SENSE data, PS clear. */
  public ModePage toModePage() {
    return toModePage(false);
  }

  /** The page with PS (parameters saveable) as given. */
  public ModePage toModePage(boolean parametersSaveable) {
    Bytes body = new BigEndianWriter(PAGE_LENGTH)
        .u16(firstTransport.value()).u16(transportCount)
        .u16(firstStorage.value()).u16(storageCount)
        .u16(firstImportExport.value()).u16(importExportCount)
        .u16(firstDataTransfer.value()).u16(dataTransferCount)
        .zeros(2) // bytes 18..19: reserved
        .toBytes();
    return new ModePage(PAGE_CODE, 0, parametersSaveable, false, body);
  }

  /** The first address of elements of {@code type}; {@link ElementType#ALL} has none. */
  public ElementAddress first(ElementType type) {
    switch (type) {
      case MEDIUM_TRANSPORT:
        return firstTransport;
      case STORAGE:
        return firstStorage;
      case IMPORT_EXPORT:
        return firstImportExport;
      case DATA_TRANSFER:
        return firstDataTransfer;
      default:
        throw new IllegalArgumentException("no first address for " + type);
    }
  }

  /** The number of elements of {@code type}; for {@link ElementType#ALL} the total. */
  public int count(ElementType type) {
    switch (type) {
      case MEDIUM_TRANSPORT:
        return transportCount;
      case STORAGE:
        return storageCount;
      case IMPORT_EXPORT:
        return importExportCount;
      case DATA_TRANSFER:
        return dataTransferCount;
      default:
        return transportCount + storageCount + importExportCount + dataTransferCount;
    }
  }

  @Override
  public String toString() {
    return "MT " + firstTransport + " x" + transportCount + ", ST " + firstStorage + " x" + storageCount
        + ", IE " + firstImportExport + " x" + importExportCount + ", DT " + firstDataTransfer + " x"
        + dataTransferCount;
  }
}
