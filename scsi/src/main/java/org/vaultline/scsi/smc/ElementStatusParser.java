package org.vaultline.scsi.smc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * The tolerant READ ELEMENT STATUS parser behind {@link ElementStatusData#parse}. Every read is checked
 * against what is there before it is made; what does not add up becomes a {@link ParseWarning}.
 *
 * <p>What it keeps, and why:
 * <ul>
 *   <li>Pages are walked by their own byte counts as far as the data goes. Bytes beyond the header's
 *       byte count are read too when they are not all zero (tgt, for one, gets its byte counts wrong);
 *       zeros there are buffer padding.</li>
 *   <li>Descriptors are stepped by the page's descriptor length. A page whose descriptor length is below
 *       the 12 bytes every descriptor has cannot be stepped through: its descriptors are skipped.</li>
 *   <li>A volume tag the page announces but its descriptor length has no room for is ignored (mhVTL
 *       issue 173: AVolTag set with no alternate tag).</li>
 *   <li>A descriptor cut short (the last one, when the transfer was short or the allocation length too
 *       small) is kept when its 12 common bytes and its volume identifiers are all there; a cut
 *       identification descriptor is dropped. A descriptor cut inside a volume identifier is dropped, so
 *       that a cut barcode is never taken for a real one; the caller reads that element again.</li>
 * </ul>
 */
final class ElementStatusParser {
  private final Bytes data;
  private final List<ParseWarning> warnings = new ArrayList<>();

  ElementStatusParser(Bytes data) {
    this.data = data;
  }

  ElementStatusData parse() throws MalformedResponseException {
    int n = data.size();
    if (n < ElementStatusData.HEADER_LENGTH) {
      throw new MalformedResponseException(n, "element status data needs an 8-byte header, got " + n + " byte(s)");
    }
    int first = u16(0);
    int available = u16(2);
    int byteCount = u24(5);
    long declaredEnd = ElementStatusData.HEADER_LENGTH + (long) byteCount;
    int end = n;
    if (declaredEnd < n) {
      Bytes extra = data.slice((int) declaredEnd, n);
      if (allZero(extra)) {
        end = (int) declaredEnd;
      } else {
        warn((int) declaredEnd, (n - declaredEnd) + " byte(s) follow the " + byteCount
            + " the header's byte count announces; reading on by the page headers", extra);
      }
    }
    boolean cutShort = declaredEnd > n;

    List<ElementStatusPage> pages = new ArrayList<>();
    long offset = ElementStatusData.HEADER_LENGTH;
    while (offset < end) {
      int at = (int) offset;
      if (end - at < ElementStatusPage.HEADER_LENGTH) {
        warn(at, (end - at) + " byte(s) left, too few for an element status page header; ignored",
            data.slice(at, end));
        break;
      }
      int typeCode = u8(at);
      boolean pvol = bit(at + 1, 7); // byte 1 bit 7: PVolTag
      boolean avol = bit(at + 1, 6); // byte 1 bit 6: AVolTag
      int descriptorLength = u16(at + 2);
      int pageByteCount = u24(at + 5);
      int dataStart = at + ElementStatusPage.HEADER_LENGTH;
      long announcedEnd = dataStart + (long) pageByteCount;
      int pageEnd = (int) Math.min(announcedEnd, end);
      Optional<ElementType> type = ElementType.fromCode(typeCode).filter(t -> t != ElementType.ALL);
      if (announcedEnd > end) {
        warn(at, "page of " + type.map(ElementType::text).orElse("type " + typeCode) + " elements announces "
            + pageByteCount + " bytes of descriptors, " + (pageEnd - dataStart) + " are there"
            + (cutShort ? " (the report was cut: allocation length too small or a short transfer)" : ""),
            Bytes.EMPTY);
      }
      if (type.isEmpty()) {
        warn(at, String.format("page with element type code %02Xh skipped (%d bytes)", typeCode, pageEnd - at),
            data.slice(at, pageEnd));
      } else {
        pages.add(page(type.get(), pvol, avol, descriptorLength, pageByteCount, at, pageEnd));
      }
      offset = announcedEnd;
    }

    List<ElementStatus> elements = new ArrayList<>();
    pages.forEach(p -> elements.addAll(p.elements()));
    // only when all else was in order: after a skipped page or a dropped descriptor the count says nothing new
    if (!cutShort && warnings.isEmpty() && elements.size() != available) {
      warn(2, "the header says " + available + " element(s) available, the pages hold " + elements.size(),
          data.slice(2, 4));
    }
    elements.stream().mapToInt(e -> e.address().value()).min().ifPresent(lowest -> {
      if (lowest != first) {
        warn(0, String.format("the header's first element address %04Xh is not the lowest address reported, %04Xh",
            first, lowest), data.slice(0, 2));
      }
    });
    return new ElementStatusData(ElementAddress.of(first), available, byteCount, pages, warnings);
  }

  /** Running notes about one page, so that a fault repeated in every descriptor gives one warning. */
  private static final class PageNotes {
    int overruns;
    int overrunAt = -1;
    int vendorBytes;
    int vendorAt = -1;
    Bytes vendorRaw = Bytes.EMPTY;
  }

  private ElementStatusPage page(ElementType type, boolean pvol, boolean avol, int descriptorLength,
      int pageByteCount, int at, int pageEnd) {
    int dataStart = at + ElementStatusPage.HEADER_LENGTH;
    List<ElementStatus> elements = new ArrayList<>();
    if (pageEnd <= dataStart) {
      return new ElementStatusPage(type, pvol, avol, descriptorLength, pageByteCount, elements);
    }
    if (descriptorLength < ElementStatusPage.COMMON_LENGTH) {
      warn(at + 2, "descriptor length " + descriptorLength + " is below the 12 bytes every element descriptor has;"
          + " the page's " + (pageEnd - dataStart) + " bytes of " + type.text() + " descriptors skipped",
          data.slice(dataStart, pageEnd));
      return new ElementStatusPage(type, pvol, avol, descriptorLength, pageByteCount, elements);
    }
    boolean readPrimary = pvol && descriptorLength >= ElementStatusPage.COMMON_LENGTH + VolumeTag.LENGTH;
    int alternateAt = ElementStatusPage.COMMON_LENGTH + (readPrimary ? VolumeTag.LENGTH : 0);
    boolean readAlternate = avol && descriptorLength >= alternateAt + VolumeTag.LENGTH;
    int identificationAt = alternateAt + (readAlternate ? VolumeTag.LENGTH : 0);
    if (pvol && !readPrimary || avol && !readAlternate) {
      String which = pvol && !readPrimary && avol && !readAlternate ? "PVolTag and AVolTag"
          : pvol && !readPrimary ? "PVolTag" : "AVolTag";
      warn(at + 1, "the page sets " + which + " but its descriptor length " + descriptorLength
          + " has no room for it; volume tags ignored", data.slice(at, at + ElementStatusPage.HEADER_LENGTH));
    }
    PageNotes notes = new PageNotes();
    for (int pos = dataStart; pos < pageEnd; pos += descriptorLength) {
      int present = Math.min(descriptorLength, pageEnd - pos);
      descriptor(type, pos, present, descriptorLength, readPrimary, readAlternate, identificationAt, notes)
          .ifPresent(elements::add);
    }
    if (notes.overruns > 0) {
      warn(notes.overrunAt, notes.overruns + " " + type.text() + " descriptor(s) hold an identification descriptor"
          + " longer than the element descriptor; identification ignored", Bytes.EMPTY);
    }
    if (notes.vendorBytes > 0) {
      warn(notes.vendorAt, notes.vendorBytes + " " + type.text() + " descriptor(s) carry non-zero bytes after the"
          + " fields SMC-3 defines (vendor specific); ignored", notes.vendorRaw);
    }
    return new ElementStatusPage(type, pvol, avol, descriptorLength, pageByteCount, elements);
  }

  /** A volume tag read from a descriptor; {@code cut} when its identifier is not all there. */
  private record Tag(Optional<VolumeTag> tag, boolean cut, boolean sequenceLost) {}

  private Optional<ElementStatus> descriptor(ElementType type, int pos, int present, int length,
      boolean readPrimary, boolean readAlternate, int identificationAt, PageNotes notes) {
    if (present < ElementStatusPage.COMMON_LENGTH) {
      warn(pos, type.text() + " descriptor cut after " + present + " of " + length + " bytes; dropped",
          data.slice(pos, pos + present));
      return Optional.empty();
    }
    int address = u16(pos);
    List<String> lost = new ArrayList<>();
    Optional<VolumeTag> primary = Optional.empty();
    Optional<VolumeTag> alternate = Optional.empty();
    int tagAt = ElementStatusPage.COMMON_LENGTH;
    for (int i = 0; i < 2; i++) {
      boolean read = i == 0 ? readPrimary : readAlternate;
      if (!read) {
        continue;
      }
      Tag t = tag(pos + tagAt, present - tagAt);
      if (t.cut()) {
        warn(pos, String.format("%s descriptor of element %04Xh cut after %d of %d bytes, inside its volume"
            + " identifier; dropped so that a cut barcode is not taken for a real one", type.text(), address,
            present, length), data.slice(pos, pos + present));
        return Optional.empty();
      }
      if (t.sequenceLost()) {
        lost.add("volume sequence number");
      }
      if (i == 0) {
        primary = t.tag();
      } else {
        alternate = t.tag();
      }
      tagAt += VolumeTag.LENGTH;
    }

    Optional<DeviceIdentifier> identification = Optional.empty();
    int used = identificationAt;
    boolean checkVendorBytes = true;
    if (length - identificationAt >= DeviceIdentifier.HEADER_LENGTH) {
      if (present - identificationAt < DeviceIdentifier.HEADER_LENGTH) {
        lost.add("identification descriptor (if any)");
        checkVendorBytes = false;
      } else {
        int at = pos + identificationAt;
        int b0 = u8(at);
        int b1 = u8(at + 1);
        int idLength = u8(at + 3);
        used = identificationAt + DeviceIdentifier.HEADER_LENGTH;
        if (b0 == 0 && (b1 & 0xBF) == 0 && idLength == 0) {
          // every defined field zero (byte 1 bit 6 is reserved): the four reserved bytes IBM and
          // StorageTek libraries end a descriptor with when DVCID is 0
        } else if (identificationAt + DeviceIdentifier.HEADER_LENGTH + idLength > length) {
          notes.overruns++;
          notes.overrunAt = notes.overrunAt < 0 ? at : notes.overrunAt;
          checkVendorBytes = false;
        } else if (identificationAt + DeviceIdentifier.HEADER_LENGTH + idLength > present) {
          lost.add("identification descriptor");
          checkVendorBytes = false;
        } else {
          identification = Optional.of(new DeviceIdentifier(b0 >> 4, b0 & 0x0F, (b1 & 0x80) != 0,
              b1 >> 4 & 0x03, b1 & 0x0F, data.slice(at + 4, at + 4 + idLength)));
          used += idLength;
        }
      }
    }
    if (checkVendorBytes && used < present && !allZero(data.slice(pos + used, pos + present))) {
      notes.vendorBytes++;
      if (notes.vendorAt < 0) {
        notes.vendorAt = pos + used;
        notes.vendorRaw = data.slice(pos + used, pos + present);
      }
    }
    if (present < length) {
      warn(pos, String.format("%s descriptor of element %04Xh cut after %d of %d bytes; kept%s", type.text(),
          address, present, length, lost.isEmpty() ? "" : " without its " + String.join(" and ", lost)),
          data.slice(pos, pos + present));
    }

    int flags = u8(pos + 2);
    int b9 = u8(pos + 9);
    ElementState state = new ElementState(ElementAddress.of(address),
        (flags & 0x01) != 0, // byte 2 bit 0: FULL
        (flags & 0x04) != 0, // byte 2 bit 2: EXCEPT
        u8(pos + 4), u8(pos + 5), // ASC, ASCQ
        (b9 & 0x08) != 0, // byte 9 bit 3: ED
        b9 & 0x07, // byte 9 bits 2..0: MEDIUM TYPE
        (b9 & 0x80) != 0 ? Optional.of(ElementAddress.of(u16(pos + 10))) : Optional.empty(), // SVALID + source
        (b9 & 0x40) != 0, // byte 9 bit 6: INVERT
        primary, alternate, identification);
    boolean access = (flags & 0x08) != 0; // byte 2 bit 3: ACCESS
    switch (type) {
      case MEDIUM_TRANSPORT:
        return Optional.of(new TransportElement(state));
      case STORAGE:
        return Optional.of(new StorageElement(state, access));
      case IMPORT_EXPORT:
        return Optional.of(new ImportExportElement(state, access,
            (flags & 0x02) != 0, // bit 1: ImpExp
            (flags & 0x20) != 0, // bit 5: InEnab
            (flags & 0x10) != 0, // bit 4: ExEnab
            (flags & 0x80) != 0, // bit 7: OIR
            (flags & 0x40) != 0)); // bit 6: CMC
      default:
        int b6 = u8(pos + 6);
        return Optional.of(new DataTransferElement(state, access,
            (b6 & 0x80) != 0, // byte 6 bit 7: NOT BUS
            (b6 & 0x20) != 0, // bit 5: ID VALID
            (b6 & 0x10) != 0, // bit 4: LU VALID
            b6 & 0x07, // bits 2..0: LUN
            u8(pos + 7))); // byte 7: SCSI BUS ADDRESS
    }
  }

  /** The 36-byte volume tag information at {@code at}, of which {@code present} bytes are there. */
  private Tag tag(int at, int present) {
    if (present < VolumeTag.IDENTIFIER_LENGTH) {
      return new Tag(Optional.empty(), true, false);
    }
    String identifier = new String(data.slice(at, at + VolumeTag.IDENTIFIER_LENGTH).toByteArray(),
        StandardCharsets.ISO_8859_1);
    boolean sequenceLost = present < VolumeTag.LENGTH;
    int sequence = sequenceLost ? 0 : u16(at + 34);
    if (identifier.chars().allMatch(c -> c == ' ' || c == 0)) {
      // a blank identifier: empty element, or a label not read; SMC-3 fills the field with zeros or spaces
      return new Tag(Optional.empty(), false, false);
    }
    return new Tag(Optional.of(new VolumeTag(identifier, sequence)), false, sequenceLost);
  }

  private void warn(int offset, String message, Bytes raw) {
    warnings.add(new ParseWarning(offset, message, raw));
  }

  private int u8(int at) {
    return data.get(at);
  }

  private boolean bit(int at, int bit) {
    return (data.get(at) >> bit & 1) != 0;
  }

  private int u16(int at) {
    return data.get(at) << 8 | data.get(at + 1);
  }

  private int u24(int at) {
    return data.get(at) << 16 | data.get(at + 1) << 8 | data.get(at + 2);
  }

  private static boolean allZero(Bytes b) {
    for (int i = 0; i < b.size(); i++) {
      if (b.get(i) != 0) {
        return false;
      }
    }
    return true;
  }
}
