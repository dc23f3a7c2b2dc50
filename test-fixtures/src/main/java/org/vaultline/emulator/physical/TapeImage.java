package org.vaultline.emulator.physical;

import java.util.ArrayList;
import java.util.List;
import org.vaultline.scsi.bytes.Bytes;

/**
 * The recorded contents of one cartridge: a sequence of logical objects (SSC-4 4.2.8), each a block
 * of data or a filemark. Logical object N is at position N; end of data is at {@link #size()}.
 * Writing anywhere truncates what follows, as on tape.
 */
public final class TapeImage {

  /** One logical object on tape. */
  public sealed interface Entry permits Block, Filemark {
    /** Bytes of capacity it takes. */
    int length();
  }

  /** A data block as written. */
  public record Block(Bytes data) implements Entry {
    @Override
    public int length() {
      return data.size();
    }
  }

  /** A filemark. */
  public record Filemark() implements Entry {
    @Override
    public int length() {
      return 0;
    }
  }

  public static final Filemark FILEMARK = new Filemark();

  private final List<Entry> entries = new ArrayList<>();
  private long bytesUsed;
  private int persisted;

  public int size() {
    return entries.size();
  }

  public Entry get(int position) {
    return entries.get(position);
  }

  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** Data bytes recorded: what counts against the cartridge's capacity. */
  public long bytesUsed() {
    return bytesUsed;
  }

  /** Data bytes recorded before {@code position}. */
  public long bytesBefore(int position) {
    long n = 0;
    for (int i = 0; i < position && i < entries.size(); i++) {
      n += entries.get(i).length();
    }
    return n;
  }

  /** Drops every object from {@code position} on (writing there makes them unreachable). */
  public void truncate(int position) {
    while (entries.size() > position) {
      bytesUsed -= entries.remove(entries.size() - 1).length();
    }
    persisted = Math.min(persisted, position);
  }

  public void append(Entry e) {
    entries.add(e);
    bytesUsed += e.length();
  }

  /** How many leading objects the media store already holds unchanged. */
  public int persistedCount() {
    return persisted;
  }

  public void markPersisted() {
    persisted = entries.size();
  }
}
