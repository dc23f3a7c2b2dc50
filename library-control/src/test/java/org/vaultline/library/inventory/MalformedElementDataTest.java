package org.vaultline.library.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.physical.ElementKind;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.sense.TransportException;
import org.vaultline.scsi.smc.ElementType;
import org.vaultline.scsi.smc.ReadElementStatus;
import org.vaultline.scsi.transport.ScsiRequest;
import org.vaultline.scsi.transport.ScsiResult;
import org.vaultline.scsi.transport.ScsiTransport;

/**
 * The malformations of REFERENCE §1.4, made from the emulator's own answer to the first READ ELEMENT
 * STATUS of storage elements, on every personality: the inventory keeps every element it can trust,
 * warns with the bytes, reads again what it lost, and ends up with the same slots as a clean one.
 */
class MalformedElementDataTest {

  /** Byte offsets of element status data (SMC-3 6.11), used only to damage it. */
  private static final int PAGE = 8;
  private static final int DESCRIPTORS = 16;

  static Stream<Arguments> cases() {
    List<String> damage = List.of("tgtEightBytesShort", "vendorBytesInEveryDescriptor", "alternateTagWithoutRoom",
        "descriptorLengthZero", "moreDataThanTheHeaderSays", "headerCountsTooMany");
    List<Arguments> out = new ArrayList<>();
    for (String p : Personality.CATALOGUE) {
      damage.forEach(d -> out.add(Arguments.of(p, d)));
    }
    return out.stream();
  }

  private static UnaryOperator<byte[]> damage(String name) {
    switch (name) {
      case "tgtEightBytesShort":
        return b -> Arrays.copyOf(b, b.length - 8);
      case "vendorBytesInEveryDescriptor":
        return b -> {
          int length = u16(b, PAGE + 2);
          int n = (b.length - DESCRIPTORS) / length;
          byte[] out = new byte[b.length + 4 * n];
          System.arraycopy(b, 0, out, 0, DESCRIPTORS);
          for (int i = 0; i < n; i++) {
            System.arraycopy(b, DESCRIPTORS + i * length, out, DESCRIPTORS + i * (length + 4), length);
            int end = DESCRIPTORS + (i + 1) * (length + 4);
            Arrays.fill(out, end - 4, end, (byte) 0xEE);
          }
          put16(out, PAGE + 2, length + 4);
          put24(out, PAGE + 5, u24(b, PAGE + 5) + 4 * n);
          put24(out, 5, u24(b, 5) + 4 * n);
          return out;
        };
      case "alternateTagWithoutRoom":
        return b -> {
          byte[] out = b.clone();
          out[PAGE + 1] |= 0x40; // AVolTag, with no room for it in the descriptor (mhVTL issue 173)
          return out;
        };
      case "descriptorLengthZero":
        return b -> {
          byte[] out = b.clone();
          put16(out, PAGE + 2, 0);
          return out;
        };
      case "moreDataThanTheHeaderSays":
        return b -> {
          byte[] out = Arrays.copyOf(b, b.length + 16);
          Arrays.fill(out, b.length, out.length, (byte) 0x55);
          return out;
        };
      default:
        return b -> {
          byte[] out = b.clone();
          put16(out, 2, u16(b, 2) + 3);
          return out;
        };
    }
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
  }

  private static int u24(byte[] b, int at) {
    return (b[at] & 0xFF) << 16 | u16(b, at + 1);
  }

  private static void put16(byte[] b, int at, int v) {
    b[at] = (byte) (v >> 8);
    b[at + 1] = (byte) v;
  }

  private static void put24(byte[] b, int at, int v) {
    b[at] = (byte) (v >> 16);
    put16(b, at + 1, v);
  }

  /**
   * Damages the data of the first READ ELEMENT STATUS of storage elements, or of all of them
   * ({@code always}: a device that always adds vendor bytes also does so when the request is re-issued).
   */
  private static ScsiTransport damaging(ScsiTransport inner, UnaryOperator<byte[]> damage, boolean always) {
    AtomicBoolean done = new AtomicBoolean();
    return new ScsiTransport() {
      @Override
      public ScsiResult execute(ScsiRequest request) throws TransportException {
        ScsiResult r = inner.execute(request);
        boolean storage = request.cdb().opcode() == ReadElementStatus.OPCODE
            && (request.cdb().bytes().get(1) & 0x0F) == ElementType.STORAGE.code();
        if (!storage || !r.isGood() || r.dataIn().size() <= DESCRIPTORS || done.getAndSet(!always)) {
          return r;
        }
        byte[] damaged = damage.apply(r.dataIn().toByteArray());
        return ScsiResult.good(Bytes.of(damaged), Math.max(0, request.dataInLength() - damaged.length));
      }

      @Override
      public String describe() {
        return inner.describe();
      }

      @Override
      public void close() {
        inner.close();
      }
    };
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void damagedElementDataLeavesTheSameSlotsAndWarningsWithTheBytes(String personality, String damage)
      throws Exception {
    String[] stock = {"MAL001L5", "MAL002L5", "MAL003L5", "MAL004L5", "MAL005L5", "MAL006L5"};
    InventoryOptions options = InventoryOptions.DEFAULT
        .withMaxElementsPerRequest(
            Personality.named(personality).layout().count(ElementKind.STORAGE) > 1000 ? 1000 : 10);
    LibraryInventory clean = EmulatorFixture.of(personality, stock).reader(options).read();
    EmulatorFixture f = EmulatorFixture.of(personality, stock)
        .wrapChanger(t -> damaging(t, damage(damage), damage.equals("vendorBytesInEveryDescriptor")));
    LibraryInventory inv = f.reader(options).read();

    assertThat(inv.storage()).isEqualTo(clean.storage());
    assertThat(inv.elements(ElementType.ALL)).isEqualTo(clean.elements(ElementType.ALL));
    assertThat(inv.isComplete()).isTrue();
    assertThat(inv.warnings()).isNotEmpty().allSatisfy(w -> {
      assertThat(w.kind()).isEqualTo(InventoryWarning.Kind.MALFORMED_DATA);
      assertThat(w.type()).contains(ElementType.STORAGE);
    });
    Optional<InventoryWarning> withBytes = inv.warnings().stream().filter(w -> !w.raw().isEmpty()).findFirst();
    assertThat(withBytes).as("a warning carries the bytes concerned: %s", inv.warnings()).isPresent();
  }
}
