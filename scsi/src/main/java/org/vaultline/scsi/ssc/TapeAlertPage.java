package org.vaultline.scsi.ssc;

import java.util.ArrayList;
import java.util.List;
import org.vaultline.scsi.bytes.BigEndianReader;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.spc.LogPage;
import org.vaultline.scsi.spc.LogParameter;
import org.vaultline.scsi.spc.LogSense;

/**
 * The TapeAlert log page (LOG SENSE page 2Eh; SSC-3 for tape drives, SMC-3 for changers): 64 one-byte
 * parameters, codes 0001h..0040h, each flag in bit 0 of its value. Which meaning a flag number has
 * depends on who answered: {@link #active()} reads them as {@link TapeAlertFlag} (drive),
 * {@link #activeLibrary()} as {@link LibraryTapeAlertFlag} (changer). Reading the page clears the flags
 * on most devices. Read it with {@link #logSense()} and {@link #from(LogPage)}, or parse the raw page
 * with {@link #parse(Bytes)}.
 *
 * @param flags bit n-1 set when flag n is set
 * @param reported bit n-1 set when parameter n was in the page (a complete page reports all 64)
 * @param otherParameters parameters with codes outside 0001h..0040h, kept as received, in order
 */
public record TapeAlertPage(long flags, long reported, List<LogParameter> otherParameters) {
  public static final int PAGE_CODE = 0x2E;
  /** Every flag parameter reported. */
  public static final long ALL = -1L;
  /** The parameter control byte we send: DS=1 (not savable), as IBM libraries and drives report it. */
  static final int CONTROL = 0x40;

  public TapeAlertPage {
    otherParameters = List.copyOf(otherParameters);
    if ((flags & ~reported) != 0) {
      throw new IllegalArgumentException("a flag is set that is not reported");
    }
    for (LogParameter p : otherParameters) {
      if (isFlag(p.code())) {
        throw new IllegalArgumentException("parameter " + p.code() + " is a flag, not another parameter");
      }
    }
  }

  /** A complete page with no flag set. */
  public static TapeAlertPage none() {
    return new TapeAlertPage(0, ALL, List.of());
  }

  /** A complete page with {@code set} set and every other flag clear. */
  public static TapeAlertPage of(TapeAlertCondition... set) {
    TapeAlertPage p = none();
    for (TapeAlertCondition c : set) {
      p = p.with(c.code(), true);
    }
    return p;
  }

  private static boolean isFlag(int code) {
    return code >= 1 && code <= 64;
  }

  /**
   * Flag number {@code code} as an index 0..63 (also for {@link TapeAlertFlag#of} and
   * {@link LibraryTapeAlertFlag#of}).
   *
   * @throws IllegalArgumentException when {@code code} is not 1..64
   */
  static int index(int code) {
    if (!isFlag(code)) {
      throw new IllegalArgumentException("TapeAlert flags are numbered 1..64: " + code);
    }
    return code - 1;
  }

  private static long bit(int code) {
    return 1L << index(code);
  }

  public boolean isSet(int code) {
    return (flags & bit(code)) != 0;
  }

  public boolean isSet(TapeAlertCondition flag) {
    return isSet(flag.code());
  }

  public boolean isReported(int code) {
    return (reported & bit(code)) != 0;
  }

  /** The same page with flag {@code code} set or cleared (and reported). */
  public TapeAlertPage with(int code, boolean on) {
    long b = bit(code);
    return new TapeAlertPage(on ? flags | b : flags & ~b, reported | b, otherParameters);
  }

  public TapeAlertPage with(TapeAlertCondition flag) {
    return with(flag.code(), true);
  }

  /** The numbers of the flags that are set, ascending. */
  public List<Integer> activeCodes() {
    List<Integer> codes = new ArrayList<>();
    for (int code = 1; code <= 64; code++) {
      if (isSet(code)) {
        codes.add(code);
      }
    }
    return codes;
  }

  /** The set flags read as a tape drive's. */
  public List<TapeAlertFlag> active() {
    return activeCodes().stream().map(TapeAlertFlag::of).toList();
  }

  /** The set flags read as a media changer's. */
  public List<LibraryTapeAlertFlag> activeLibrary() {
    return activeCodes().stream().map(LibraryTapeAlertFlag::of).toList();
  }

  /**
   * Parses a whole LOG SENSE page 2Eh, header included. Parameters beyond the page length are ignored;
   * one cut by the end of the transfer is dropped. A flag parameter with an empty value counts as clear.
   *
   * @throws MalformedResponseException when the header is missing, the page is not 2Eh subpage 00h, or a
   *     parameter runs past the page length although the whole page was transferred
   */
  public static TapeAlertPage parse(Bytes page) throws MalformedResponseException {
    BigEndianReader r = new BigEndianReader(page);
    int pageCode = r.bits(0, 5, 0); // byte 0: DS bit 7, SPF bit 6, PAGE CODE bits 5..0
    if (pageCode != PAGE_CODE) {
      throw new MalformedResponseException(0, String.format("page code %02Xh is not the TapeAlert page 2Eh", pageCode));
    }
    int subpage = r.u8(1); // byte 1: SUBPAGE CODE
    if (subpage != 0) {
      throw new MalformedResponseException(1, String.format("TapeAlert has no subpage %02Xh", subpage));
    }
    int length = r.u16(2); // bytes 2..3: PAGE LENGTH
    int declaredEnd = 4 + length;
    boolean cutShort = declaredEnd > page.size();
    int end = Math.min(declaredEnd, page.size());
    List<LogParameter> parameters = new ArrayList<>();
    int off = 4;
    while (off < end) {
      if (off + 4 > end || off + 4 + r.u8(off + 3) > end) {
        if (cutShort) {
          break;
        }
        throw new MalformedResponseException(off, "log parameter at offset " + off + " runs past the page length " + length,
            fromParameters(parameters));
      }
      int valueLength = r.u8(off + 3); // parameter byte 3: PARAMETER LENGTH
      // bytes 0..1: PARAMETER CODE; byte 2: control byte
      parameters.add(new LogParameter(r.u16(off), r.u8(off + 2), r.bytes(off + 4, valueLength)));
      off += 4 + valueLength;
    }
    return fromParameters(parameters);
  }

  /** The page the parameters make, in the order received (of a repeated flag, the last one counts). */
  private static TapeAlertPage fromParameters(List<LogParameter> parameters) {
    long flags = 0;
    long reported = 0;
    List<LogParameter> others = new ArrayList<>();
    for (LogParameter p : parameters) {
      if (isFlag(p.code())) {
        long b = bit(p.code());
        reported |= b;
        flags = isFlagSet(p) ? flags | b : flags & ~b;
      } else {
        others.add(p);
      }
    }
    return new TapeAlertPage(flags, reported, others);
  }

  /** Value bit 0 is the flag; an empty value counts as clear. */
  private static boolean isFlagSet(LogParameter p) {
    return !p.value().isEmpty() && (p.value().get(0) & 0x01) != 0;
  }

  /** LOG SENSE for page 2Eh, cumulative values, 65535 bytes allocated (a full page is 324 bytes). */
  public static LogSense logSense() {
    return LogSense.page(PAGE_CODE);
  }

  /**
   * The TapeAlert view of a parsed log page.
   *
   * @throws MalformedResponseException when {@code page} is not page 2Eh subpage 00h
   */
  public static TapeAlertPage from(LogPage page) throws MalformedResponseException {
    if (page.pageCode() != PAGE_CODE || page.subpageCode() != 0) {
      throw new MalformedResponseException(0, String.format(
          "page %02Xh subpage %02Xh is not the TapeAlert page 2Eh", page.pageCode(), page.subpageCode()));
    }
    return fromParameters(page.parameters());
  }

  /** The same page as a {@link LogPage}: flag parameters with control byte 40h, in code order, then the others. */
  public LogPage toLogPage() {
    List<LogParameter> parameters = new ArrayList<>();
    for (int code = 1; code <= 64; code++) {
      if (isReported(code)) {
        parameters.add(new LogParameter(code, CONTROL, Bytes.of(isSet(code) ? 1 : 0)));
      }
    }
    parameters.addAll(otherParameters);
    return new LogPage(PAGE_CODE, 0, false, false, parameters);
  }

  /** The whole log page as a device returns it (header, reported flags in code order, then the others). */
  public Bytes encode() {
    return toLogPage().encode();
  }

  @Override
  public String toString() {
    return "TapeAlertPage[set=" + activeCodes().stream().map(c -> String.format("%02Xh", c)).toList()
        + ", reported=" + Long.bitCount(reported) + (otherParameters.isEmpty() ? "" : ", others=" + otherParameters)
        + "]";
  }
}
