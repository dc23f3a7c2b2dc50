package org.vaultline.scsi.smc;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vaultline.scsi.bytes.BigEndianWriter;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.spc.ModePage;

/**
 * SMC-3 Device Capabilities mode page (1Fh): which element types can hold a cartridge, and between
 * which types MOVE MEDIUM and EXCHANGE MEDIUM work.
 *
 * <p>Page bytes: 2 StorDT (bit 3), StorIE (2), StorST (1), StorMT (0); 4..7 the move matrix, one byte
 * per source type MT, ST, IE, DT, each with bits 3..0 for the destination types DT, IE, ST, MT
 * ("MT->DT" ... "MT->MT"); 12..15 the exchange matrix in the same form; 3, 8..11, 16..19 reserved;
 * PAGE LENGTH 12h.
 *
 * @param storage the element types that can store a cartridge (StorXX)
 * @param moves for each source type, the destination types MOVE MEDIUM supports
 * @param exchanges for each source type, the destination types EXCHANGE MEDIUM supports
 */
public record DeviceCapabilitiesPage(Set<ElementType> storage, Map<ElementType, Set<ElementType>> moves,
    Map<ElementType, Set<ElementType>> exchanges) {
  public static final int PAGE_CODE = 0x1F;
  public static final int PAGE_LENGTH = 0x12;
  /** Body bytes up to the last field (page byte 15). */
  private static final int FIELDS = 14;
  /** The element types in bit order: bit 0 MT, 1 ST, 2 IE, 3 DT. */
  private static final List<ElementType> TYPES = List.of(ElementType.MEDIUM_TRANSPORT, ElementType.STORAGE,
      ElementType.IMPORT_EXPORT, ElementType.DATA_TRANSFER);

  public DeviceCapabilitiesPage {
    storage = copy(storage);
    moves = copy(moves);
    exchanges = copy(exchanges);
  }

  /** Decodes the page from MODE SENSE data. */
  public static DeviceCapabilitiesPage from(ModePage page) throws MalformedResponseException {
    Bytes body = ModePages.body(page, PAGE_CODE, FIELDS, "device capabilities");
    // body offset = page offset - 2: StorXX at 0, moves at 2..5, exchanges at 10..13
    Map<ElementType, Set<ElementType>> moves = new EnumMap<>(ElementType.class);
    Map<ElementType, Set<ElementType>> exchanges = new EnumMap<>(ElementType.class);
    for (int i = 0; i < TYPES.size(); i++) {
      moves.put(TYPES.get(i), types(body.get(2 + i)));
      exchanges.put(TYPES.get(i), types(body.get(10 + i)));
    }
    return new DeviceCapabilitiesPage(types(body.get(0)), moves, exchanges);
  }

  /** Decodes the page from its bytes as they appear in mode parameter data (header included). */
  public static DeviceCapabilitiesPage parse(Bytes page) throws MalformedResponseException {
    return from(ModePages.read(page));
  }

  public ModePage toModePage() {
    return toModePage(false);
  }

  public ModePage toModePage(boolean parametersSaveable) {
    BigEndianWriter w = new BigEndianWriter(PAGE_LENGTH)
        .u8(bits(storage)) // byte 2: StorDT StorIE StorST StorMT
        .u8(0); // byte 3: reserved
    for (ElementType source : TYPES) {
      w.u8(bits(moves.get(source))); // bytes 4..7: MT->, ST->, IE->, DT->
    }
    w.zeros(4); // bytes 8..11: reserved
    for (ElementType source : TYPES) {
      w.u8(bits(exchanges.get(source))); // bytes 12..15: MT<>, ST<>, IE<>, DT<>
    }
    w.zeros(4); // bytes 16..19: reserved
    return new ModePage(PAGE_CODE, 0, parametersSaveable, false, w.toBytes());
  }

  public boolean canStore(ElementType type) {
    return storage.contains(type);
  }

  public boolean canMove(ElementType from, ElementType to) {
    return moves.getOrDefault(from, Set.of()).contains(to);
  }

  public boolean canExchange(ElementType from, ElementType to) {
    return exchanges.getOrDefault(from, Set.of()).contains(to);
  }

  private static Set<ElementType> types(int bits) {
    Set<ElementType> set = EnumSet.noneOf(ElementType.class);
    for (int i = 0; i < TYPES.size(); i++) {
      if ((bits >> i & 1) != 0) {
        set.add(TYPES.get(i));
      }
    }
    return set;
  }

  private static int bits(Set<ElementType> set) {
    int bits = 0;
    for (int i = 0; i < TYPES.size(); i++) {
      bits |= set.contains(TYPES.get(i)) ? 1 << i : 0;
    }
    return bits;
  }

  private static Set<ElementType> copy(Set<ElementType> set) {
    Set<ElementType> copy = EnumSet.noneOf(ElementType.class);
    copy.addAll(set);
    if (copy.contains(ElementType.ALL)) {
      throw new IllegalArgumentException("ALL is not an element type a capability can name");
    }
    return Collections.unmodifiableSet(copy);
  }

  /** All four source types, each with an unmodifiable set (empty when not given). */
  private static Map<ElementType, Set<ElementType>> copy(Map<ElementType, Set<ElementType>> map) {
    if (map.containsKey(ElementType.ALL)) {
      throw new IllegalArgumentException("ALL is not an element type a capability can name");
    }
    Map<ElementType, Set<ElementType>> copy = new EnumMap<>(ElementType.class);
    for (ElementType t : TYPES) {
      copy.put(t, copy(map.getOrDefault(t, Set.of())));
    }
    return Collections.unmodifiableMap(copy);
  }
}
