package org.vaultline.emulator.physical;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vaultline.emulator.personality.Personality;

/**
 * Saves and restores where every cartridge is, as a line-oriented text file that is byte-for-byte
 * stable (saving a restored library gives the same bytes). Cartridge contents are not in it: they stay
 * in the {@link MediaStore}. Moves that were in flight are saved as such and completed on restore, as a
 * library finishes its move while the host that asked for it is down.
 *
 * <pre>
 * vaultline-library-state 1
 * personality ibm-ts3100
 * paused false
 * unlabelled 2
 * station 0 closed
 * element 0x1000 serial=ABC123L5 media=LTO5 wp=false label=ABC123L5 alt=- readable=true source=0x0100 operator=false
 * drive 0x0100 LOADED position=12 block=0
 * transit 0x0001 source=0x1000 destination=0x0100 serial=... (cartridge fields as for element)
 * </pre>
 * Tags and serials are percent-encoded outside {@code [A-Za-z0-9._-]}.
 */
public final class StateFile {
  private static final String MAGIC = "vaultline-library-state 1";

  private StateFile() {
  }

  /** The state of {@code lib} as UTF-8 text. */
  public static byte[] save(PhysicalLibrary lib) {
    StringBuilder sb = new StringBuilder();
    sb.append(MAGIC).append('\n');
    sb.append("personality ").append(enc(lib.personality().name())).append('\n');
    sb.append("paused ").append(lib.isPaused()).append('\n');
    sb.append("unlabelled ").append(lib.unlabelledCount()).append('\n');
    for (IoStation s : lib.stations()) {
      sb.append("station ").append(s.index()).append(s.isOpen() ? " open" : " closed").append('\n');
    }
    List<Integer> inGripper = new ArrayList<>();
    for (PhysicalLibrary.Transit t : lib.transits()) {
      inGripper.add(t.transport());
    }
    for (PhysicalElement e : lib.elements()) {
      if (!e.isFull() || inGripper.contains(e.address())) {
        continue;
      }
      sb.append("element ").append(hex(e.address())).append(' ').append(cartridge(e.cartridge().orElseThrow()))
          .append(" source=").append(e.source().isPresent() ? hex(e.source().getAsInt()) : "-")
          .append(" operator=").append(e.placedByOperator()).append('\n');
    }
    for (TapeDrive d : lib.drives()) {
      TapeDrive.Mechanism m = d.state();
      if (m == TapeDrive.Mechanism.EMPTY) {
        continue;
      }
      boolean loaded = m == TapeDrive.Mechanism.LOADED || m == TapeDrive.Mechanism.LOADING;
      sb.append("drive ").append(hex(d.address())).append(loaded ? " LOADED" : " UNLOADED")
          .append(" position=").append(m == TapeDrive.Mechanism.LOADED ? d.position() : 0)
          .append(" block=").append(d.blockSize()).append('\n');
    }
    for (PhysicalLibrary.Transit t : lib.transits()) {
      Cartridge c = lib.element(t.transport()).orElseThrow().cartridge().orElseThrow();
      sb.append("transit ").append(hex(t.transport())).append(" source=").append(hex(t.source()))
          .append(" destination=").append(hex(t.destination())).append(' ').append(cartridge(c)).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A library of {@code personality} in the saved state, its contents in {@code store}.
   *
   * @throws IllegalArgumentException naming the line that does not fit the personality or the format
   */
  public static PhysicalLibrary load(byte[] state, Personality personality, MediaStore store) {
    PhysicalLibrary lib = new PhysicalLibrary(personality, store);
    String[] lines = new String(state, StandardCharsets.UTF_8).split("\n");
    if (lines.length == 0 || !lines[0].equals(MAGIC)) {
      throw new IllegalArgumentException("not a saved library state (first line is not \"" + MAGIC + "\")");
    }
    List<String[]> drives = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty()) {
        continue;
      }
      String[] w = line.split(" ");
      try {
        switch (w[0]) {
          case "personality" -> {
            if (!dec(w[1]).equals(personality.name())) {
              throw new IllegalArgumentException("saved for personality " + dec(w[1]) + ", not "
                  + personality.name());
            }
          }
          case "paused" -> lib.setPaused(Boolean.parseBoolean(w[1]));
          case "unlabelled" -> lib.setUnlabelledCount(Integer.parseInt(w[1]));
          case "station" -> {
            if (w[2].equals("open")) {
              lib.openStation(Integer.parseInt(w[1]));
            }
          }
          case "element" -> {
            PhysicalElement e = lib.element(Integer.decode(w[1]))
                .orElseThrow(() -> new IllegalArgumentException("no such element"));
            String src = field(w, "source");
            e.put(cartridge(w), src.equals("-") ? -1 : Integer.decode(src),
                Boolean.parseBoolean(field(w, "operator")));
          }
          case "drive" -> drives.add(w);
          case "transit" -> lib.addTransit(new PhysicalLibrary.Transit(Integer.decode(w[1]),
              Integer.decode(field(w, "source")), Integer.decode(field(w, "destination")), Instant.EPOCH),
              cartridge(w));
          default -> throw new IllegalArgumentException("unknown entry " + w[0]);
        }
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("saved state line " + (i + 1) + " \"" + line + "\": " + e.getMessage(), e);
      }
    }
    for (TapeDrive d : lib.drives()) {
      if (d.cartridge().isPresent()) {
        d.restore(TapeDrive.Mechanism.UNLOADED, 0, 0);
      }
    }
    for (String[] w : drives) {
      TapeDrive d = lib.driveAt(Integer.decode(w[1]))
          .orElseThrow(() -> new IllegalArgumentException("saved state names drive " + w[1] + " which is not there"));
      d.restore(TapeDrive.Mechanism.valueOf(w[2]), Integer.parseInt(field(w, "position")),
          Integer.parseInt(field(w, "block")));
    }
    // Moves in flight when the state was saved: the robot finished them.
    lib.completeTransits(Instant.EPOCH);
    for (TapeDrive d : lib.drives()) {
      d.settle(Instant.EPOCH);
    }
    return lib;
  }

  private static String cartridge(Cartridge c) {
    return "serial=" + enc(c.serial()) + " media=" + c.media().name() + " wp=" + c.writeProtected()
        + " label=" + c.label().map(l -> enc(l.primary())).orElse("-")
        + " alt=" + c.label().flatMap(Label::alternate).map(StateFile::enc).orElse("-")
        + " readable=" + c.label().map(Label::readable).orElse(true);
  }

  private static Cartridge cartridge(String[] w) {
    String label = field(w, "label");
    String alt = field(w, "alt");
    Optional<Label> l = label.equals("-") ? Optional.empty()
        : Optional.of(new Label(dec(label), alt.equals("-") ? Optional.empty() : Optional.of(dec(alt)),
            Boolean.parseBoolean(field(w, "readable"))));
    return new Cartridge(dec(field(w, "serial")), l, MediaType.valueOf(field(w, "media")),
        Boolean.parseBoolean(field(w, "wp")));
  }

  private static String field(String[] w, String name) {
    for (String s : w) {
      if (s.startsWith(name + "=")) {
        return s.substring(name.length() + 1);
      }
    }
    throw new IllegalArgumentException("missing " + name + "=");
  }

  private static String hex(int address) {
    return String.format("0x%04X", address);
  }

  static String enc(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-') && !(s.equals("-"))) {
        sb.append(c);
      } else {
        sb.append(String.format("%%%02X", b & 0xff));
      }
    }
    return sb.toString();
  }

  static String dec(String s) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
