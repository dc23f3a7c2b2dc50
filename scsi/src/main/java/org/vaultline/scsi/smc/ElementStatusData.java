package org.vaultline.scsi.smc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;

/**
 * The data READ ELEMENT STATUS (B8h) returns (SMC-3 6.11): an 8-byte element status data header and
 * one element status page per element type reported.
 *
 * <p>{@link #parse} is tolerant (REFERENCE §1.4): devices send more or less data than the header says,
 * descriptor lengths of 0, volume tag flags without volume tags, descriptors cut short. The parser keeps
 * the elements it can trust, records what it found wrong in {@link #warnings()}, and fails only when
 * there is not even a header.
 *
 * <p>The header's byte count is not cut down to the allocation length: when {@link #reportLength()} is
 * larger than the allocation length sent, the report was cut. Re-issue with a larger allocation length,
 * or page onwards from {@link #nextStartingAddress()} (libraries limit both, REFERENCE §1.3).
 *
 * @param firstElementAddressReported bytes 0..1: FIRST ELEMENT ADDRESS REPORTED
 * @param numberOfElementsAvailable bytes 2..3: NUMBER OF ELEMENTS AVAILABLE, at most the number asked for
 * @param byteCountOfReportAvailable bytes 5..7: BYTE COUNT OF REPORT AVAILABLE, the bytes of all pages
 *     (without this header) the device had for the request
 * @param pages the element status pages
 * @param warnings what the parser found wrong and worked around; empty for well-formed data and for
 *     data built to be encoded
 */
public record ElementStatusData(ElementAddress firstElementAddressReported, int numberOfElementsAvailable,
    int byteCountOfReportAvailable, List<ElementStatusPage> pages, List<ParseWarning> warnings) {
  /** Bytes of the element status data header. */
  public static final int HEADER_LENGTH = 8;

  public ElementStatusData {
    Objects.requireNonNull(firstElementAddressReported, "firstElementAddressReported");
    if (numberOfElementsAvailable < 0 || numberOfElementsAvailable > 0xFFFF) {
      throw new IllegalArgumentException("number of elements is 16 bits, not " + numberOfElementsAvailable);
    }
    if (byteCountOfReportAvailable < 0 || byteCountOfReportAvailable > 0xFFFFFF) {
      throw new IllegalArgumentException("byte count is 24 bits, not " + byteCountOfReportAvailable);
    }
    pages = List.copyOf(pages);
    warnings = List.copyOf(warnings);
  }

  /**
   * The data a device returns for these pages: the lowest element address, the number of elements and
   * the byte count of all pages worked out from them. Build the pages with {@link ElementStatusPage#of}.
   */
  public static ElementStatusData of(List<ElementStatusPage> pages) {
    int count = 0;
    int bytes = 0;
    int lowest = -1;
    for (ElementStatusPage p : pages) {
      count += p.elements().size();
      bytes += p.length();
      for (ElementStatus e : p.elements()) {
        lowest = lowest < 0 ? e.address().value() : Math.min(lowest, e.address().value());
      }
    }
    return new ElementStatusData(ElementAddress.of(Math.max(lowest, 0)), count, bytes, pages, List.of());
  }

  public static ElementStatusData of(ElementStatusPage... pages) {
    return of(List.of(pages));
  }

  /**
   * Parses READ ELEMENT STATUS data, tolerating the malformations listed in REFERENCE §1.4.
   *
   * @throws MalformedResponseException only when fewer than the 8 header bytes are there
   */
  public static ElementStatusData parse(Bytes data) throws MalformedResponseException {
    return new ElementStatusParser(data).parse();
  }

  /**
   * The standard bytes for this data, as a device sends them (the emulator's encoder): header, then
   * each page's header and its descriptors, each padded with zeros to the page's descriptor length.
   * Absent volume tags of a page that announces them are written as zeros. The header fields are
   * written as they are in this record, so a test can also encode a device's mistakes.
   *
   * @throws IllegalStateException when an element needs more bytes than its page's descriptor length
   */
  public Bytes encode() {
    BigEndianWriter w = new BigEndianWriter(HEADER_LENGTH + byteCountOfReportAvailable);
    w.u16(firstElementAddressReported.value())
        .u16(numberOfElementsAvailable)
        .u8(0) // byte 4: reserved
        .u24(byteCountOfReportAvailable);
    for (ElementStatusPage p : pages) {
      w.u8(p.elementType().code())
          .u8((p.primaryVolumeTags() ? 0x80 : 0) | (p.alternateVolumeTags() ? 0x40 : 0)) // byte 1: PVolTag AVolTag
          .u16(p.descriptorLength())
          .u8(0)
          .u24(p.byteCountOfDescriptorData());
      for (ElementStatus e : p.elements()) {
        encodeDescriptor(w, p, e);
      }
    }
    return w.toBytes();
  }

  private static void encodeDescriptor(BigEndianWriter w, ElementStatusPage page, ElementStatus e) {
    int start = w.size();
    ElementState s = e.state();
    int flags = (s.full() ? 0x01 : 0) | (s.except() ? 0x04 : 0); // byte 2 bit 0: FULL, bit 2: EXCEPT
    int busFlags = 0;
    int busAddress = 0;
    if (e instanceof StorageElement st) {
      flags |= st.access() ? 0x08 : 0; // bit 3: ACCESS
    } else if (e instanceof ImportExportElement ie) {
      flags |= (ie.operatorInterventionRequired() ? 0x80 : 0) // bit 7: OIR
          | (ie.connectedMediumChanger() ? 0x40 : 0) // bit 6: CMC
          | (ie.importEnabled() ? 0x20 : 0) // bit 5: InEnab
          | (ie.exportEnabled() ? 0x10 : 0) // bit 4: ExEnab
          | (ie.access() ? 0x08 : 0) // bit 3: ACCESS
          | (ie.importExport() ? 0x02 : 0); // bit 1: ImpExp
    } else if (e instanceof DataTransferElement dt) {
      flags |= dt.access() ? 0x08 : 0;
      busFlags = (dt.notBus() ? 0x80 : 0) | (dt.idValid() ? 0x20 : 0) | (dt.luValid() ? 0x10 : 0) | dt.lun();
      busAddress = dt.scsiBusAddress();
    }
    w.u16(s.address().value())
        .u8(flags)
        .u8(0) // byte 3: reserved
        .u8(s.asc())
        .u8(s.ascq())
        .u8(busFlags) // byte 6: NOT BUS, ID VALID, LU VALID, LUN (data transfer elements)
        .u8(busAddress) // byte 7: SCSI BUS ADDRESS (data transfer elements)
        .u8(0) // byte 8: reserved
        .u8((s.sourceAddress().isPresent() ? 0x80 : 0) | (s.invert() ? 0x40 : 0) // byte 9: SVALID, INVERT,
            | (s.elementDisabled() ? 0x08 : 0) | s.mediumType()) // ED, MEDIUM TYPE
        .u16(s.sourceAddress().map(ElementAddress::value).orElse(0));
    if (page.primaryVolumeTags()) {
      encodeTag(w, s.primaryVolumeTag());
    }
    if (page.alternateVolumeTags()) {
      encodeTag(w, s.alternateVolumeTag());
    }
    s.identification().ifPresent(id -> w
        .u8(id.protocolIdentifier() << 4 | id.codeSet())
        .u8((id.piv() ? 0x80 : 0) | id.association() << 4 | id.identifierType())
        .u8(0)
        .u8(id.identifier().size())
        .bytes(id.identifier()));
    int used = w.size() - start;
    if (used > page.descriptorLength()) {
      throw new IllegalStateException("element " + s.address() + " needs " + used
          + " bytes; the page's descriptor length is " + page.descriptorLength());
    }
    w.zeros(page.descriptorLength() - used);
  }

  private static void encodeTag(BigEndianWriter w, Optional<VolumeTag> tag) {
    if (tag.isEmpty()) {
      w.zeros(VolumeTag.LENGTH);
      return;
    }
    w.asciiPadded(tag.get().volumeIdentifier(), VolumeTag.IDENTIFIER_LENGTH).u16(0).u16(tag.get().sequenceNumber());
  }

  /** All element descriptors, page after page. */
  public List<ElementStatus> elements() {
    List<ElementStatus> all = new ArrayList<>();
    pages.forEach(p -> all.addAll(p.elements()));
    return all;
  }

  /** The elements of one kind: {@code data.elements(StorageElement.class)}. */
  public <T extends ElementStatus> List<T> elements(Class<T> kind) {
    List<T> list = new ArrayList<>();
    for (ElementStatus e : elements()) {
      if (kind.isInstance(e)) {
        list.add(kind.cast(e));
      }
    }
    return list;
  }

  /** The element at {@code address}, if it was reported. */
  public Optional<ElementStatus> element(ElementAddress address) {
    return elements().stream().filter(e -> e.address().equals(address)).findFirst();
  }

  /** The allocation length that gets the whole report: header plus the byte count of report available. */
  public int reportLength() {
    return HEADER_LENGTH + byteCountOfReportAvailable;
  }

  /** Whether as many element descriptors were decoded as the header says are available. */
  public boolean isComplete() {
    return elements().size() >= numberOfElementsAvailable;
  }

  /**
   * Where to continue when the report was cut: one above the highest address decoded. Empty when the
   * report is complete, and when nothing was decoded (then re-issue with {@link #reportLength()}).
   */
  public Optional<ElementAddress> nextStartingAddress() {
    if (isComplete()) {
      return Optional.empty();
    }
    return elements().stream().map(ElementStatus::address).max(ElementAddress::compareTo)
        .filter(a -> a.value() < 0xFFFF).map(a -> a.plus(1));
  }
}
