package org.vaultline.scsi.smc;

import static org.vaultline.scsi.CdbFields.flag;

import java.time.Duration;
import java.util.Objects;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.transport.DataDirection;

/**
 * SMC-3 6.11 READ ELEMENT STATUS (B8h): the state of a range of elements, with barcodes (VOLTAG) and
 * drive identities (DVCID) when asked. NUMBER OF ELEMENTS counts elements, not addresses.
 *
 * <p>Field experience (REFERENCE §1.2, §1.3): ask for DVCID on data transfer elements only, with
 * VOLTAG=0, in a request of its own ({@link #drives}); keep the allocation length at or below FFFFh
 * (some changers read only its low 16 bits) and page through large libraries.
 *
 * @param elementType byte 1 bits 3..0: ELEMENT TYPE CODE
 * @param volTag byte 1 bit 4: VOLTAG, report volume tags (barcodes)
 * @param startingAddress bytes 2..3: STARTING ELEMENT ADDRESS, the lowest address to report
 * @param numberOfElements bytes 4..5: NUMBER OF ELEMENTS to report at most
 * @param mixed byte 6 bit 2: MIXED, the SMC-3 option to report element types mixed in address order
 * @param curData byte 6 bit 1: CURDATA, answer from what the library knows, without moving the robot
 * @param dvcid byte 6 bit 0: DVCID, add identification descriptors
 * @param allocationLength bytes 7..9: ALLOCATION LENGTH (24 bits)
 */
public record ReadElementStatus(ElementType elementType, boolean volTag, ElementAddress startingAddress,
    int numberOfElements, boolean mixed, boolean curData, boolean dvcid, int allocationLength)
    implements Command<ElementStatusData> {
  public static final int OPCODE = 0xB8;
  public static final String NAME = "READ ELEMENT STATUS";
  /** The allocation length we use unless told otherwise: FFFFh, the most every changer reads right. */
  public static final int DEFAULT_ALLOCATION_LENGTH = 0xFFFF;

  public ReadElementStatus {
    Objects.requireNonNull(elementType, "elementType");
    Objects.requireNonNull(startingAddress, "startingAddress");
    if (numberOfElements < 0 || numberOfElements > 0xFFFF) {
      throw new IllegalArgumentException("number of elements is 16 bits, not " + numberOfElements);
    }
    if (allocationLength < 0 || allocationLength > 0xFFFFFF) {
      throw new IllegalArgumentException("allocation length is 24 bits, not " + allocationLength);
    }
  }

  /** Up to {@code count} elements of {@code type} from {@code start}, with volume tags, FFFFh bytes. */
  public static ReadElementStatus of(ElementType type, ElementAddress start, int count) {
    return new ReadElementStatus(type, true, start, count, false, false, false, DEFAULT_ALLOCATION_LENGTH);
  }

  /** Data transfer elements with DVCID and without VOLTAG: the form every library accepts (REFERENCE §1.2). */
  public static ReadElementStatus drives(ElementAddress start, int count) {
    return new ReadElementStatus(ElementType.DATA_TRANSFER, false, start, count, false, false, true,
        DEFAULT_ALLOCATION_LENGTH);
  }

  public ReadElementStatus withVolTag(boolean volTag) {
    return new ReadElementStatus(elementType, volTag, startingAddress, numberOfElements, mixed, curData, dvcid,
        allocationLength);
  }

  public ReadElementStatus withDvcid(boolean dvcid) {
    return new ReadElementStatus(elementType, volTag, startingAddress, numberOfElements, mixed, curData, dvcid,
        allocationLength);
  }

  public ReadElementStatus withCurData(boolean curData) {
    return new ReadElementStatus(elementType, volTag, startingAddress, numberOfElements, mixed, curData, dvcid,
        allocationLength);
  }

  public ReadElementStatus withAllocationLength(int allocationLength) {
    return new ReadElementStatus(elementType, volTag, startingAddress, numberOfElements, mixed, curData, dvcid,
        allocationLength);
  }

  /** The same request from another address, for paging onwards ({@link ElementStatusData#nextStartingAddress()}). */
  public ReadElementStatus startingAt(ElementAddress start) {
    return new ReadElementStatus(elementType, volTag, start, numberOfElements, mixed, curData, dvcid,
        allocationLength);
  }

  public ReadElementStatus withNumberOfElements(int count) {
    return new ReadElementStatus(elementType, volTag, startingAddress, count, mixed, curData, dvcid,
        allocationLength);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    int start = startingAddress.value();
    return Cdb.of(OPCODE,
        flag(volTag, 4) | elementType.code(), // byte 1: VOLTAG, ELEMENT TYPE CODE
        start >> 8, start, // bytes 2..3: STARTING ELEMENT ADDRESS
        numberOfElements >> 8, numberOfElements, // bytes 4..5: NUMBER OF ELEMENTS
        flag(mixed, 2) | flag(curData, 1) | flag(dvcid, 0), // byte 6: MIXED, CURDATA, DVCID
        allocationLength >> 16, allocationLength >> 8, allocationLength, // bytes 7..9: ALLOCATION LENGTH
        0, // byte 10: reserved
        0); // byte 11: CONTROL
  }

  @Override
  public DataDirection direction() {
    return DataDirection.FROM_DEVICE;
  }

  @Override
  public int dataInLength() {
    return allocationLength;
  }

  @Override
  public Duration defaultTimeout() {
    return SmcTimeouts.READ_ELEMENT_STATUS;
  }

  /** Tolerant: see {@link ElementStatusData#parse}. */
  @Override
  public ElementStatusData parse(Bytes dataIn) throws MalformedResponseException {
    return ElementStatusData.parse(dataIn);
  }

  /** Decodes a READ ELEMENT STATUS CDB (target side). */
  public static ReadElementStatus fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 12, NAME);
    f.reserved(1, 0xE0);
    f.reserved(6, 0xF8);
    f.reservedBytes(10, 10);
    int code = f.bits(1, 3, 0);
    ElementType type = ElementType.fromCode(code).orElseThrow(() -> CdbFields.invalid(1, 3,
        String.format("element type code %Xh is reserved", code)));
    return new ReadElementStatus(type, f.bit(1, 4), ElementAddress.of(f.u16(2)), f.u16(4),
        f.bit(6, 2), f.bit(6, 1), f.bit(6, 0), f.u24(7));
  }
}
