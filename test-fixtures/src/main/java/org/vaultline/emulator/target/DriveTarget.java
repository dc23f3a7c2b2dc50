package org.vaultline.emulator.target;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.vaultline.emulator.CheckCondition;
import org.vaultline.emulator.EmulatedLibrary;
import org.vaultline.emulator.Initiator;
import org.vaultline.emulator.personality.MediaProfile;
import org.vaultline.emulator.personality.SenseCode;
import org.vaultline.emulator.physical.Cartridge;
import org.vaultline.emulator.physical.TapeDrive;
import org.vaultline.emulator.physical.TapeImage;
import org.vaultline.scsi.Command;
import org.vaultline.scsi.CommandSet;
import org.vaultline.scsi.DeviceType;
import org.vaultline.scsi.InvalidCdbException;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.sense.Sense;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.spc.BlockDescriptor;
import org.vaultline.scsi.spc.Inquiry;
import org.vaultline.scsi.spc.LogSense;
import org.vaultline.scsi.spc.ModePage;
import org.vaultline.scsi.spc.ModeParameters;
import org.vaultline.scsi.spc.ModeSelect10;
import org.vaultline.scsi.spc.ModeSelect6;
import org.vaultline.scsi.spc.ModeSense10;
import org.vaultline.scsi.spc.ModeSense6;
import org.vaultline.scsi.spc.PageControl;
import org.vaultline.scsi.spc.PreventAllowMediumRemoval;
import org.vaultline.scsi.spc.ReportLuns;
import org.vaultline.scsi.spc.RequestSense;
import org.vaultline.scsi.spc.SupportedLogPages;
import org.vaultline.scsi.spc.TestUnitReady;
import org.vaultline.emulator.physical.MediaType;
import org.vaultline.scsi.ssc.AttributeIdentifiers;
import org.vaultline.scsi.ssc.DensityDescriptor;
import org.vaultline.scsi.ssc.DensitySupport;
import org.vaultline.scsi.ssc.ReportDensitySupport;
import org.vaultline.scsi.ssc.AttributeServiceAction;
import org.vaultline.scsi.ssc.AttributeValues;
import org.vaultline.scsi.ssc.BlockLimits;
import org.vaultline.scsi.ssc.Erase6;
import org.vaultline.scsi.ssc.LoadUnload;
import org.vaultline.scsi.ssc.Locate10;
import org.vaultline.scsi.ssc.Locate16;
import org.vaultline.scsi.ssc.LocateDestination;
import org.vaultline.scsi.ssc.MamAttribute;
import org.vaultline.scsi.ssc.Read6;
import org.vaultline.scsi.ssc.ReadAttribute;
import org.vaultline.scsi.ssc.ReadBlockLimits;
import org.vaultline.scsi.ssc.ReadPosition;
import org.vaultline.scsi.ssc.ReadPositionShort;
import org.vaultline.scsi.ssc.Rewind;
import org.vaultline.scsi.ssc.Space6;
import org.vaultline.scsi.ssc.SpaceCode;
import org.vaultline.scsi.ssc.TapeAlertPage;
import org.vaultline.scsi.ssc.Write6;
import org.vaultline.scsi.ssc.WriteFilemarks6;
import org.vaultline.scsi.transport.ScsiRequest;

/**
 * One tape drive logical unit (SSC-3, peripheral device type 01h). Tape position is the logical object
 * number on the cartridge's {@link TapeImage}: blocks and filemarks count alike (SSC-4 4.2.8). The
 * emulated capacity and early warning come from the personality's {@link MediaProfile}.
 */
public final class DriveTarget implements Target {
  private static final CommandSet COMMANDS = CommandSet.forType(DeviceType.SEQUENTIAL_ACCESS);
  /** READ BLOCK LIMITS maximum: 8 MiB, what IBM LTO drives report. */
  public static final int MAX_BLOCK = 0x800000;
  /** MAM attribute identifiers (SPC-4 7.4.2). */
  static final int REMAINING_CAPACITY = 0x0000;
  static final int MAXIMUM_CAPACITY = 0x0001;
  static final int MEDIUM_MANUFACTURER = 0x0400;
  static final int MEDIUM_SERIAL_NUMBER = 0x0401;
  static final int MEDIUM_TYPE = 0x0408;
  static final int BARCODE = 0x0806;

  @FunctionalInterface
  private interface Handler {
    Reply handle(Initiator who, Command<?> command, ScsiRequest request) throws CheckCondition;
  }

  private final EmulatedLibrary lib;
  private final TapeDrive drive;
  private final UnitAttentions attentions = new UnitAttentions();
  private final Map<Initiator, Long> seenLoads = new HashMap<>();
  private final Set<Initiator> preventing = new HashSet<>();
  private final Map<Integer, Handler> handlers = new HashMap<>();

  public DriveTarget(EmulatedLibrary lib, TapeDrive drive) {
    this.lib = lib;
    this.drive = drive;
    handlers.put(TestUnitReady.OPCODE, (w, c, r) -> {
      ready();
      return Reply.GOOD;
    });
    handlers.put(RequestSense.OPCODE, (w, c, r) -> Reply.data(SpcResponder.requestSense((RequestSense) c,
        attentions.take(w), notReady())));
    handlers.put(Inquiry.OPCODE, (w, c, r) -> Reply.data(SpcResponder.inquiry((Inquiry<?>) c,
        DeviceType.SEQUENTIAL_ACCESS, true, lib.personality().drive().withSerial(drive.serial()))));
    handlers.put(ReportLuns.OPCODE, (w, c, r) -> Reply.data(SpcResponder.reportLuns((ReportLuns) c)));
    handlers.put(ModeSense6.OPCODE, (w, c, r) -> modeSense6((ModeSense6) c));
    handlers.put(ModeSense10.OPCODE, (w, c, r) -> modeSense10((ModeSense10) c));
    handlers.put(ModeSelect6.OPCODE, (w, c, r) -> modeSelect(r.dataOut(), false));
    handlers.put(ModeSelect10.OPCODE, (w, c, r) -> modeSelect(r.dataOut(), true));
    handlers.put(LogSense.OPCODE, (w, c, r) -> logSense(c));
    handlers.put(PreventAllowMediumRemoval.OPCODE, (w, c, r) -> prevent(w, (PreventAllowMediumRemoval) c));
    handlers.put(LoadUnload.OPCODE, (w, c, r) -> loadUnload((LoadUnload) c));
    handlers.put(Rewind.OPCODE, (w, c, r) -> {
      ready().setPosition(0);
      return Reply.GOOD;
    });
    handlers.put(ReadBlockLimits.OPCODE, (w, c, r) -> Reply.data(new BlockLimits(0, MAX_BLOCK, 1).encode()));
    handlers.put(Read6.OPCODE, (w, c, r) -> read((Read6) c));
    handlers.put(Write6.OPCODE, (w, c, r) -> write((Write6) c, r.dataOut()));
    handlers.put(WriteFilemarks6.OPCODE, (w, c, r) -> writeFilemarks((WriteFilemarks6) c));
    handlers.put(Space6.OPCODE, (w, c, r) -> space((Space6) c));
    handlers.put(Erase6.OPCODE, (w, c, r) -> erase());
    handlers.put(Locate10.OPCODE, (w, c, r) -> locate10((Locate10) c));
    handlers.put(Locate16.OPCODE, (w, c, r) -> locate16((Locate16) c));
    handlers.put(ReadPosition.OPCODE, (w, c, r) -> readPosition());
    handlers.put(ReadAttribute.OPCODE, (w, c, r) -> readAttribute((ReadAttribute) c));
    handlers.put(ReportDensitySupport.OPCODE, (w, c, r) -> reportDensitySupport((ReportDensitySupport) c));
  }

  public TapeDrive drive() {
    return drive;
  }

  @Override
  public UnitAttentions attentions() {
    return attentions;
  }

  @Override
  public void beforeCommand(Initiator initiator) {
    Long seen = seenLoads.put(initiator, drive.loadCount());
    if (seen != null && seen != drive.loadCount()) {
      // a cartridge became ready since this initiator last looked (SSC-3: not ready to ready transition)
      attentions.raise(initiator, 0x28, 0x00);
    }
  }

  /** Power-on: 6/29/00 for everyone; loads before it are not reported again; locks released. */
  public void powerOn() {
    attentions.powerOn();
    seenLoads.replaceAll((k, v) -> drive.loadCount());
    preventing.clear();
  }

  @Override
  public Reply execute(Initiator who, ScsiRequest request) throws CheckCondition {
    Command<?> command;
    try {
      command = COMMANDS.decode(request.cdb());
    } catch (InvalidCdbException e) {
      throw new CheckCondition(e.toSense());
    }
    Handler h = handlers.get(request.cdb().opcode());
    if (h == null) {
      throw new CheckCondition(Sense.of(SenseKey.ILLEGAL_REQUEST, 0x20, 0x00)
          .withCdbFieldPointer(0, OptionalInt.empty()));
    }
    return h.handle(who, command, request);
  }

  // ---- state ----

  private Optional<SenseCode> notReady() {
    return switch (drive.state()) {
      case LOADED -> Optional.empty();
      case LOADING -> Optional.of(SenseCode.of(SenseKey.NOT_READY, 0x04, 0x01));
      case UNLOADING -> Optional.of(SenseCode.of(SenseKey.NOT_READY, 0x04, 0x00));
      default -> Optional.of(SenseCode.of(SenseKey.NOT_READY, 0x3A, 0x00));
    };
  }

  /** The drive with a tape threaded, else CHECK CONDITION with the not-ready reason. */
  private TapeDrive ready() throws CheckCondition {
    Optional<SenseCode> nr = notReady();
    if (nr.isPresent()) {
      throw new CheckCondition(nr.get().toSense());
    }
    return drive;
  }

  private TapeDrive writable() throws CheckCondition {
    TapeDrive d = ready();
    if (d.cartridge().orElseThrow().writeProtected()) {
      throw CheckCondition.of(SenseKey.DATA_PROTECT, 0x27, 0x00);
    }
    return d;
  }

  private MediaProfile media() {
    return lib.personality().media();
  }

  private static Sense sense(SenseKey key, int asc, int ascq, long information) {
    return Sense.of(key, asc, ascq).withInformation(information & 0xFFFFFFFFL);
  }

  // ---- SPC ----

  private Reply prevent(Initiator who, PreventAllowMediumRemoval c) {
    if (c.prevent() != 0) {
      preventing.add(who);
    } else {
      preventing.remove(who);
    }
    return Reply.GOOD;
  }

  private ModeParameters modeParameters(boolean dbd, PageControl pc, int pageCode, int subpage) throws CheckCondition {
    if (subpage != 0 && subpage != ModePage.ALL_SUBPAGES) {
      throw SpcResponder.invalidField(3, -1);
    }
    List<ModePage> pages = new ArrayList<>();
    // page 0Fh Data Compression: byte 2 bit 7 DCE, bit 6 DCC; page 10h Device Configuration
    ModePage compression = ModePage.of(0x0F, Bytes.of(0xC0, 0x80, 0, 0, 0, 0x01, 0, 0, 0, 0x01, 0, 0, 0, 0));
    ModePage configuration = ModePage.of(0x10, Bytes.zeros(14));
    switch (pageCode) {
      case 0x00 -> { }
      case 0x0F -> pages.add(compression);
      case 0x10 -> pages.add(configuration);
      case ModePage.ALL_PAGES -> {
        pages.add(compression);
        pages.add(configuration);
      }
      default -> throw SpcResponder.invalidField(2, 5);
    }
    boolean loaded = drive.state() == TapeDrive.Mechanism.LOADED;
    Optional<Cartridge> c = drive.cartridge();
    boolean wp = loaded && c.map(Cartridge::writeProtected).orElse(false);
    int density = loaded ? c.map(x -> x.media().densityCode()).orElse(0) : 0;
    List<BlockDescriptor> bd = dbd ? List.of() : List.of(new BlockDescriptor(density, 0,
        pc == PageControl.CHANGEABLE ? 0xFFFFFF : drive.blockSize()));
    // device-specific parameter: bit 7 WP, bits 6..4 BUFFERED MODE (1)
    return new ModeParameters(0, (wp ? 0x80 : 0) | 0x10, false, bd, pages);
  }

  private Reply modeSense6(ModeSense6 c) throws CheckCondition {
    return Reply.data(SpcResponder.fit(modeParameters(c.disableBlockDescriptors(), c.pageControl(), c.pageCode(),
        c.subpageCode()).encode6(), c.allocationLength()));
  }

  private Reply modeSense10(ModeSense10 c) throws CheckCondition {
    return Reply.data(SpcResponder.fit(modeParameters(c.disableBlockDescriptors(), c.pageControl(), c.pageCode(),
        c.subpageCode()).encode10(), c.allocationLength()));
  }

  /** MODE SELECT: only the block descriptor's block length matters here (0 = variable-block mode). */
  private Reply modeSelect(Bytes list, boolean ten) throws CheckCondition {
    if (list.isEmpty()) {
      return Reply.GOOD;
    }
    ModeParameters p;
    try {
      p = ten ? ModeParameters.parseSelect10(list) : ModeParameters.parseSelect6(list);
    } catch (MalformedResponseException e) {
      throw CheckCondition.of(SenseKey.ILLEGAL_REQUEST, 0x1A, 0x00);
    }
    if (!p.blockDescriptors().isEmpty()) {
      long length = p.blockDescriptors().get(0).blockLength();
      if (length > MAX_BLOCK) {
        throw CheckCondition.of(SenseKey.ILLEGAL_REQUEST, 0x26, 0x00);
      }
      drive.setBlockSize((int) length);
    }
    return Reply.GOOD;
  }

  private Reply logSense(Command<?> c) throws CheckCondition {
    if (c instanceof LogSense.SupportedPages s) {
      return Reply.data(SpcResponder.fit(SupportedLogPages.of(0x00, TapeAlertPage.PAGE_CODE).encode(),
          s.allocationLength()));
    }
    LogSense l = (LogSense) c;
    if (l.pageCode() != TapeAlertPage.PAGE_CODE || l.subpageCode() != 0) {
      throw SpcResponder.invalidField(2, -1);
    }
    long flags = 0;
    for (int f : drive.tapeAlerts()) {
      flags |= 1L << (f - 1);
    }
    drive.tapeAlerts().clear();
    return Reply.data(SpcResponder.fit(new TapeAlertPage(flags, TapeAlertPage.ALL, List.of()).encode(),
        l.allocationLength()));
  }

  // ---- load, position ----

  private Reply loadUnload(LoadUnload c) throws CheckCondition {
    Instant now = lib.clock().now();
    if (c.load()) {
      switch (drive.state()) {
        case EMPTY -> throw CheckCondition.of(SenseKey.NOT_READY, 0x3A, 0x00);
        case LOADED -> {
          drive.setPosition(0);
          return Reply.GOOD;
        }
        case UNLOADING -> {
          return Reply.retryAt(drive.readyAt());
        }
        default -> {
          Instant ready = lib.physical().load(drive, now);
          return c.immediate() ? Reply.GOOD : Reply.at(ready);
        }
      }
    }
    if (!preventing.isEmpty()) {
      throw CheckCondition.of(SenseKey.ILLEGAL_REQUEST, 0x53, 0x02);
    }
    switch (drive.state()) {
      case LOADING -> {
        return Reply.retryAt(drive.readyAt());
      }
      case LOADED -> {
        if (c.hold()) {
          drive.setPosition(0);
          return Reply.GOOD;
        }
        Instant out = lib.physical().unload(drive, now);
        return c.immediate() ? Reply.GOOD : Reply.at(out);
      }
      case UNLOADING -> {
        return c.immediate() ? Reply.GOOD : Reply.at(drive.readyAt());
      }
      default -> throw CheckCondition.of(SenseKey.NOT_READY, 0x3A, 0x00);
    }
  }

  private Reply locateTo(long object) throws CheckCondition {
    TapeDrive d = ready();
    int size = d.image().size();
    if (object > size) {
      d.setPosition(size);
      throw CheckCondition.of(SenseKey.BLANK_CHECK, 0x00, 0x05);
    }
    d.setPosition((int) object);
    return Reply.GOOD;
  }

  private Reply locate10(Locate10 c) throws CheckCondition {
    if (c.changePartition() && c.partition() != 0) {
      throw SpcResponder.invalidField(8, -1);
    }
    return locateTo(c.blockAddress());
  }

  private Reply locate16(Locate16 c) throws CheckCondition {
    if (c.changePartition() && c.partition() != 0) {
      throw SpcResponder.invalidField(3, -1);
    }
    if (c.destination() == LocateDestination.LOGICAL_FILE) {
      TapeDrive d = ready();
      long file = c.logicalIdentifier();
      int pos = 0;
      for (long f = 0; f < file; f++) {
        while (pos < d.image().size() && !(d.image().get(pos) instanceof TapeImage.Filemark)) {
          pos++;
        }
        if (pos >= d.image().size()) {
          d.setPosition(pos);
          throw CheckCondition.of(SenseKey.BLANK_CHECK, 0x00, 0x05);
        }
        pos++;
      }
      d.setPosition(pos);
      return Reply.GOOD;
    }
    return locateTo(c.logicalIdentifier());
  }

  private Reply readPosition() throws CheckCondition {
    TapeDrive d = ready();
    int pos = d.position();
    boolean eop = d.image().bytesBefore(pos) > media().earlyWarningAt();
    return Reply.data(new ReadPositionShort(pos == 0, eop, false, false, false, false, false, 0, pos, pos, 0, 0)
        .encode());
  }

  // ---- data ----

  private Reply read(Read6 c) throws CheckCondition {
    TapeDrive d = ready();
    if (c.fixed()) {
      return readFixed(d, c.transferLength());
    }
    int want = c.transferLength();
    if (want == 0) {
      return Reply.GOOD;
    }
    TapeImage img = d.image();
    int pos = d.position();
    if (pos >= img.size()) {
      // SSC-3 4.2.x: end of data is a BLANK CHECK with the residue in INFORMATION
      return Reply.GOOD.withSense(sense(SenseKey.BLANK_CHECK, 0x00, 0x05, want));
    }
    d.setPosition(pos + 1);
    TapeImage.Entry e = img.get(pos);
    if (e instanceof TapeImage.Filemark) {
      return Reply.GOOD.withSense(sense(SenseKey.NO_SENSE, 0x00, 0x01, want).withStreamBits(true, false, false));
    }
    Bytes block = ((TapeImage.Block) e).data();
    if (block.size() == want) {
      return Reply.data(block);
    }
    if (block.size() < want) {
      Reply r = Reply.data(block);
      return c.sili() ? r : r.withSense(sense(SenseKey.NO_SENSE, 0x00, 0x00, want - block.size())
          .withStreamBits(false, false, true));
    }
    // overlength: the block is cut, position is past it, INFORMATION is negative
    return Reply.data(block.prefix(want)).withSense(sense(SenseKey.NO_SENSE, 0x00, 0x00, want - block.size())
        .withStreamBits(false, false, true));
  }

  private Reply readFixed(TapeDrive d, int blocks) throws CheckCondition {
    int size = d.blockSize();
    if (size == 0) {
      throw SpcResponder.invalidField(1, 0);
    }
    TapeImage img = d.image();
    Bytes out = Bytes.EMPTY;
    for (int n = 0; n < blocks; n++) {
      int pos = d.position();
      if (pos >= img.size()) {
        return Reply.data(out).withSense(sense(SenseKey.BLANK_CHECK, 0x00, 0x05, blocks - n));
      }
      d.setPosition(pos + 1);
      TapeImage.Entry e = img.get(pos);
      if (e instanceof TapeImage.Filemark) {
        return Reply.data(out).withSense(sense(SenseKey.NO_SENSE, 0x00, 0x01, blocks - n)
            .withStreamBits(true, false, false));
      }
      Bytes b = ((TapeImage.Block) e).data();
      if (b.size() != size) {
        return Reply.data(out).withSense(sense(SenseKey.NO_SENSE, 0x00, 0x00, blocks - n)
            .withStreamBits(false, false, true));
      }
      out = out.concat(b);
    }
    return Reply.data(out);
  }

  private Reply write(Write6 c, Bytes data) throws CheckCondition {
    TapeDrive d = writable();
    List<Bytes> blocks = new ArrayList<>();
    if (c.fixed()) {
      int size = d.blockSize();
      if (size == 0) {
        throw SpcResponder.invalidField(1, 0);
      }
      if (data.size() != (long) size * c.transferLength()) {
        throw CheckCondition.of(SenseKey.ILLEGAL_REQUEST, 0x24, 0x00);
      }
      for (int i = 0; i < c.transferLength(); i++) {
        blocks.add(data.slice(i * size, (i + 1) * size));
      }
    } else {
      if (c.transferLength() > MAX_BLOCK) {
        throw SpcResponder.invalidField(2, -1);
      }
      if (c.transferLength() == 0) {
        return Reply.GOOD;
      }
      blocks.add(data.size() > c.transferLength() ? data.prefix(c.transferLength()) : data);
    }
    return append(d, blocks, 0, c.transferLength());
  }

  private Reply writeFilemarks(WriteFilemarks6 c) throws CheckCondition {
    if (c.setmarks()) {
      throw SpcResponder.invalidField(1, 1);
    }
    TapeDrive d = writable();
    return append(d, List.of(), c.count(), c.count());
  }

  /** Writes at the current position (dropping what follows), minding early warning and end of medium. */
  private Reply append(TapeDrive d, List<Bytes> blocks, int filemarks, int requested) {
    TapeImage img = d.image();
    int pos = d.position();
    long before = img.bytesBefore(pos);
    long total = 0;
    for (Bytes b : blocks) {
      total += b.size();
    }
    if (before + total > media().capacityBytes()) {
      // physical end of medium: nothing written
      return Reply.GOOD.withSense(sense(SenseKey.VOLUME_OVERFLOW, 0x00, 0x02, requested)
          .withStreamBits(false, true, false));
    }
    img.truncate(pos);
    for (Bytes b : blocks) {
      img.append(new TapeImage.Block(b));
    }
    for (int i = 0; i < filemarks; i++) {
      img.append(TapeImage.FILEMARK);
    }
    d.setPosition(img.size());
    d.flush();
    if (before + total > media().earlyWarningAt()) {
      // early warning: the data is written; the application should finish up (SSC-3 4.2.x)
      return Reply.GOOD.withSense(sense(SenseKey.NO_SENSE, 0x00, 0x02, 0).withStreamBits(false, true, false));
    }
    return Reply.GOOD;
  }

  private Reply erase() throws CheckCondition {
    TapeDrive d = writable();
    d.image().truncate(d.position());
    d.flush();
    return Reply.GOOD;
  }

  private Reply space(Space6 c) throws CheckCondition {
    TapeDrive d = ready();
    TapeImage img = d.image();
    int count = c.count();
    if (c.code() == SpaceCode.END_OF_DATA) {
      d.setPosition(img.size());
      return Reply.GOOD;
    }
    if (c.code() == SpaceCode.SEQUENTIAL_FILEMARKS) {
      throw SpcResponder.invalidField(1, 2);
    }
    boolean blocks = c.code() == SpaceCode.BLOCKS;
    int n = Math.abs(count);
    int done = 0;
    while (done < n) {
      int pos = d.position();
      if (count > 0) {
        if (pos >= img.size()) {
          throw new CheckCondition(sense(SenseKey.BLANK_CHECK, 0x00, 0x05, n - done));
        }
        boolean mark = img.get(pos) instanceof TapeImage.Filemark;
        d.setPosition(pos + 1);
        if (blocks && mark) {
          // a filemark stops a block space; position is past it (EOP side)
          throw new CheckCondition(sense(SenseKey.NO_SENSE, 0x00, 0x01, n - done).withStreamBits(true, false, false));
        }
        if (blocks || mark) {
          done++;
        }
      } else {
        if (pos == 0) {
          throw new CheckCondition(sense(SenseKey.NO_SENSE, 0x00, 0x04, n - done).withStreamBits(false, true, false));
        }
        boolean mark = img.get(pos - 1) instanceof TapeImage.Filemark;
        d.setPosition(pos - 1);
        if (blocks && mark) {
          // spacing back over blocks stops on the BOP side of a filemark
          throw new CheckCondition(sense(SenseKey.NO_SENSE, 0x00, 0x01, n - done).withStreamBits(true, false, false));
        }
        if (blocks || mark) {
          done++;
        }
      }
    }
    return Reply.GOOD;
  }

  /**
   * REPORT DENSITY SUPPORT: an LTO drive of the personality's generation reads two generations back and
   * writes one back (LTO-8 and later: one back for both); with MEDIA set, only the mounted cartridge's.
   */
  private Reply reportDensitySupport(ReportDensitySupport c) throws CheckCondition {
    if (c.mediumType()) {
      throw SpcResponder.invalidField(1, 1);
    }
    MediaType own = media().defaultType();
    List<DensityDescriptor> list = new ArrayList<>();
    for (MediaType t : MediaType.values()) {
      int back = own.generation() - t.generation();
      int readBack = own.generation() >= 8 ? 1 : 2;
      if (t.isCleaning() || back < 0 || back > readBack) {
        continue;
      }
      if (c.media()) {
        Cartridge cart = ready().cartridge().orElseThrow();
        if (cart.media() != t) {
          continue;
        }
      }
      list.add(new DensityDescriptor(t.densityCode(), t.densityCode(), back <= 1, false, t == own, true,
          DensityDescriptor.LENGTH - 5, 0, 127, t.tracks(), t.nativeMegabytes(), "LTO-CVE",
          "U-" + t.generation() + "16", "Ultrium " + t.generation() + "/16T"));
    }
    return Reply.data(SpcResponder.fit(DensitySupport.of(list).encode(), c.allocationLength()));
  }

  // ---- MAM ----

  private Reply readAttribute(ReadAttribute c) throws CheckCondition {
    TapeDrive d = ready();
    if (c.logicalVolume() != 0) {
      throw SpcResponder.invalidField(5, -1);
    }
    if (c.partition() != 0) {
      throw SpcResponder.invalidField(7, -1);
    }
    Cartridge cart = d.cartridge().orElseThrow();
    long mib = 1024 * 1024;
    long remaining = Math.max(0, media().capacityBytes() - d.image().bytesUsed()) / mib;
    List<MamAttribute> all = new ArrayList<>();
    all.add(MamAttribute.binary(REMAINING_CAPACITY, true, remaining, 8));
    all.add(MamAttribute.binary(MAXIMUM_CAPACITY, true, media().capacityBytes() / mib, 8));
    all.add(MamAttribute.ascii(MEDIUM_MANUFACTURER, true, "VAULTLN", 8));
    all.add(MamAttribute.ascii(MEDIUM_SERIAL_NUMBER, true, cart.serial(), 32));
    all.add(MamAttribute.binary(MEDIUM_TYPE, true, cart.media().isCleaning() ? 1 : 0, 1));
    cart.label().ifPresent(l -> all.add(MamAttribute.ascii(BARCODE, false, l.primary(), 32)));
    Bytes data;
    if (c.serviceAction() == AttributeServiceAction.ATTRIBUTE_VALUES) {
      data = AttributeValues.of(all.stream().filter(a -> a.id() >= c.firstAttribute()).toList()).encode();
    } else if (c.serviceAction() == AttributeServiceAction.ATTRIBUTE_LIST
        || c.serviceAction() == AttributeServiceAction.SUPPORTED_ATTRIBUTES) {
      data = AttributeIdentifiers.of(all.stream().map(MamAttribute::id).toList()).encode();
    } else {
      throw SpcResponder.invalidField(1, -1);
    }
    return Reply.data(SpcResponder.fit(data, c.allocationLength()));
  }
}
