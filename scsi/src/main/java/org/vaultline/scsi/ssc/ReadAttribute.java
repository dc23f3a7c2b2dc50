package org.vaultline.scsi.ssc;

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
 * SPC-4 READ ATTRIBUTE (8Ch): reads the cartridge's medium auxiliary memory (MAM) through the drive
 * (BARCODE 0806h, MEDIUM SERIAL NUMBER 0401h, capacities, load counts ...). Bytes 2..4 are restricted
 * to SMC (element address on a changer) and are zero here.
 *
 * @param serviceAction what to return
 * @param logicalVolume LOGICAL VOLUME NUMBER
 * @param partition PARTITION NUMBER
 * @param firstAttribute FIRST ATTRIBUTE IDENTIFIER (ATTRIBUTE VALUES only)
 * @param allocationLength ALLOCATION LENGTH (the CDB field is 32 bits; Java transfers stop at 2^31-1)
 * @param cache CACHE: the device may answer from a cached copy of the MAM
 */
public record ReadAttribute(AttributeServiceAction serviceAction, int logicalVolume, int partition, int firstAttribute,
                            int allocationLength, boolean cache) implements Command<AttributeData> {
  public static final int OPCODE = 0x8C;
  public static final String NAME = "READ ATTRIBUTE";

  public ReadAttribute {
    Objects.requireNonNull(serviceAction, "serviceAction");
    if (logicalVolume < 0 || logicalVolume > 0xFF || partition < 0 || partition > 0xFF) {
      throw new IllegalArgumentException("volume and partition must be 0..255");
    }
    if (firstAttribute < 0 || firstAttribute > 0xFFFF) {
      throw new IllegalArgumentException("first attribute identifier must fit in 16 bits: " + firstAttribute);
    }
    if (allocationLength < 0) {
      throw new IllegalArgumentException("allocation length must not be negative: " + allocationLength);
    }
  }

  /** Every attribute value of partition {@code partition}, volume 0. */
  public static ReadAttribute values(int partition, int allocationLength) {
    return new ReadAttribute(AttributeServiceAction.ATTRIBUTE_VALUES, 0, partition, 0, allocationLength, false);
  }

  /** Attribute values from {@code firstAttribute} on (partition 0, volume 0). */
  public static ReadAttribute valuesFrom(int firstAttribute, int allocationLength) {
    return new ReadAttribute(AttributeServiceAction.ATTRIBUTE_VALUES, 0, 0, firstAttribute, allocationLength, false);
  }

  /** The identifiers of the attributes that exist in partition {@code partition}. */
  public static ReadAttribute list(int partition, int allocationLength) {
    return new ReadAttribute(AttributeServiceAction.ATTRIBUTE_LIST, 0, partition, 0, allocationLength, false);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    long a = allocationLength;
    return Cdb.of(OPCODE,
        serviceAction.code(), // byte 1 bits 4..0: SERVICE ACTION
        0, 0, 0, // bytes 2..4: restricted (SMC)
        logicalVolume, // byte 5: LOGICAL VOLUME NUMBER
        0,
        partition, // byte 7: PARTITION NUMBER
        firstAttribute >> 8, firstAttribute, // bytes 8..9: FIRST ATTRIBUTE IDENTIFIER
        (int) (a >> 24), (int) (a >> 16), (int) (a >> 8), (int) a, // bytes 10..13: ALLOCATION LENGTH
        flag(cache, 0), // byte 14 bit 0: CACHE
        0);
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
    return SscTimeouts.QUERY;
  }

  /**
   * Parses the answer in the shape of this command's service action.
   *
   * @throws MalformedResponseException as the shape's own parser does
   */
  @Override
  public AttributeData parse(Bytes dataIn) throws MalformedResponseException {
    return switch (serviceAction) {
      case ATTRIBUTE_VALUES -> AttributeValues.parse(dataIn);
      case ATTRIBUTE_LIST, SUPPORTED_ATTRIBUTES -> AttributeIdentifiers.parse(dataIn);
      case LOGICAL_VOLUME_LIST, PARTITION_LIST -> AttributeNumberRange.parse(dataIn);
    };
  }

  /**
   * Decodes a READ ATTRIBUTE CDB (target side). An allocation length above 2^31-1 is taken as
   * 2^31-1: no response comes near it.
   */
  public static ReadAttribute fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 16, NAME);
    f.reserved(1, 0xe0);
    int code = f.bits(1, 4, 0);
    AttributeServiceAction sa = AttributeServiceAction.of(code);
    if (sa == null) {
      throw CdbFields.invalid(1, 4, String.format("READ ATTRIBUTE service action %02Xh is not supported", code));
    }
    f.reservedBytes(2, 4);
    f.reservedBytes(6, 6);
    f.reserved(14, 0xfe);
    return new ReadAttribute(sa, f.u8(5), f.u8(7), f.u16(8), (int) Math.min(f.u32(10), Integer.MAX_VALUE),
        f.bit(14, 0));
  }
}
