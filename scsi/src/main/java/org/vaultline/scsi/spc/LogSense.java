package org.vaultline.scsi.spc;

import java.time.Duration;
import org.vaultline.scsi.Cdb;
import org.vaultline.scsi.CdbFields;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.transport.DataDirection;

/**
 * SPC-4 LOG SENSE (4Dh) for one log page other than 00h. CDB: byte 1 bit 1 PPC, bit 0 SP; byte 2 bits
 * 7..6 PC, bits 5..0 PAGE CODE; byte 3 SUBPAGE CODE; bytes 5..6 PARAMETER POINTER; bytes 7..8
 * ALLOCATION LENGTH; byte 9 CONTROL. Page 00h, the list of supported pages, has a different body and
 * its own record, {@link SupportedPages}.
 *
 * @param parameterPointerControl PPC: return only parameters that changed
 * @param saveParameters SP: save the parameters after returning them
 * @param pageControl PC
 * @param pageCode 01h..3Fh
 * @param subpageCode 00h..FFh
 * @param parameterPointer the first parameter code to return
 * @param allocationLength 0..65535
 */
public record LogSense(boolean parameterPointerControl, boolean saveParameters, LogPageControl pageControl,
    int pageCode, int subpageCode, int parameterPointer, int allocationLength) implements Command<LogPage> {
  public static final int OPCODE = 0x4D;
  public static final String NAME = "LOG SENSE";

  public LogSense {
    CdbFields.checkRange("page code", pageCode - 1, 0x3e);
    checkCommon(subpageCode, parameterPointer, allocationLength);
  }

  private static void checkCommon(int subpageCode, int parameterPointer, int allocationLength) {
    CdbFields.checkRange("subpage code", subpageCode, 0xff);
    CdbFields.checkRange("parameter pointer", parameterPointer, 0xffff);
    CdbFields.checkRange("allocation length", allocationLength, 0xffff);
  }

  /** Cumulative values of page {@code pageCode} (subpage 0) from its first parameter, 65535 bytes allocated. */
  public static LogSense page(int pageCode) {
    return new LogSense(false, false, LogPageControl.CUMULATIVE, pageCode, 0, 0, 0xffff);
  }

  /** Page 00h subpage 00h: the supported pages. */
  public static SupportedPages supportedPages() {
    return new SupportedPages(false, false, LogPageControl.CUMULATIVE, 0, 0, 0xffff);
  }

  /** Page 00h subpage FFh: the supported pages and subpages. */
  public static SupportedPages supportedPagesAndSubpages() {
    return new SupportedPages(false, false, LogPageControl.CUMULATIVE, 0xff, 0, 0xffff);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Cdb cdb() {
    return cdb(parameterPointerControl, saveParameters, pageControl, pageCode, subpageCode, parameterPointer,
        allocationLength);
  }

  static Cdb cdb(boolean ppc, boolean sp, LogPageControl pc, int page, int subpage, int pointer, int alloc) {
    return CdbFields.cdb(new BigEndianWriter(10)
        .u8(OPCODE)
        .u8(CdbFields.flag(ppc, 1) | CdbFields.flag(sp, 0))
        .u8(pc.code() << 6 | page)
        .u8(subpage)
        .u8(0)
        .u16(pointer)
        .u16(alloc)
        .u8(0));
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
    return Duration.ofSeconds(30);
  }

  /** @throws MalformedResponseException also when the device answered with another page */
  @Override
  public LogPage parse(Bytes dataIn) throws MalformedResponseException {
    LogPage page = LogPage.parse(dataIn);
    if (page.pageCode() != pageCode) {
      throw new MalformedResponseException(0,
          String.format("asked for log page %02Xh, got page %02Xh", pageCode, page.pageCode()));
    }
    return page;
  }

  /** Decodes a LOG SENSE CDB: page 00h gives {@link SupportedPages}, any other page a {@link LogSense}. */
  public static Command<?> fromCdb(Cdb cdb) throws InvalidCdbException {
    CdbFields f = CdbFields.expect(cdb, OPCODE, 10, NAME);
    boolean ppc = f.bit(1, 1);
    boolean sp = f.bit(1, 0);
    LogPageControl pc = LogPageControl.of(f.bits(2, 7, 6));
    int page = f.bits(2, 5, 0);
    if (page == 0) {
      return new SupportedPages(ppc, sp, pc, f.u8(3), f.u16(5), f.u16(7));
    }
    return new LogSense(ppc, sp, pc, page, f.u8(3), f.u16(5), f.u16(7));
  }

  /**
   * LOG SENSE for page 00h: subpage 00h lists the supported pages, subpage FFh the supported pages
   * and subpages. Fields as in {@link LogSense}.
   */
  public record SupportedPages(boolean parameterPointerControl, boolean saveParameters, LogPageControl pageControl,
      int subpageCode, int parameterPointer, int allocationLength) implements Command<SupportedLogPages> {

    public SupportedPages {
      checkCommon(subpageCode, parameterPointer, allocationLength);
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public Cdb cdb() {
      return LogSense.cdb(parameterPointerControl, saveParameters, pageControl, 0, subpageCode, parameterPointer,
          allocationLength);
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
      return Duration.ofSeconds(30);
    }

    @Override
    public SupportedLogPages parse(Bytes dataIn) throws MalformedResponseException {
      return SupportedLogPages.parse(dataIn);
    }
  }
}
