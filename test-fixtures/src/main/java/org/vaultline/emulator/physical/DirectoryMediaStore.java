package org.vaultline.emulator.physical;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vaultline.scsi.bytes.Bytes;

/**
 * Cartridge contents as one file per cartridge under a directory, named after the medium serial
 * ({@code ABC123L5.tape}). File format: the 8 bytes {@code VLTAPE01}, then per logical object one
 * kind byte (01h block, 02h filemark), a 4-byte big-endian length and the block's bytes. A save
 * rewrites only what changed since the last one (tape writes only ever truncate and append).
 */
public final class DirectoryMediaStore implements MediaStore {
  private static final byte[] MAGIC = "VLTAPE01".getBytes(StandardCharsets.US_ASCII);
  private static final int BLOCK = 1;
  private static final int FILEMARK = 2;

  private final Path dir;

  public DirectoryMediaStore(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  public Path fileFor(String serial) {
    StringBuilder sb = new StringBuilder();
    for (char c : serial.toCharArray()) {
      if (Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '_') {
        sb.append(c);
      } else {
        sb.append(String.format("%%%02X", (int) c));
      }
    }
    return dir.resolve(sb + ".tape");
  }

  @Override
  public synchronized TapeImage open(String serial) throws IOException {
    TapeImage image = new TapeImage();
    Path f = fileFor(serial);
    if (!Files.exists(f)) {
      return image;
    }
    try (InputStream raw = Files.newInputStream(f);
         DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw new IOException(f + " is not a Vaultline tape image");
      }
      while (true) {
        int kind = in.read();
        if (kind < 0) {
          break;
        }
        int length;
        try {
          length = in.readInt();
        } catch (EOFException e) {
          throw new IOException(f + " ends inside an object header", e);
        }
        if (kind == FILEMARK) {
          image.append(TapeImage.FILEMARK);
        } else if (kind == BLOCK && length >= 0) {
          byte[] data = new byte[length];
          in.readFully(data);
          image.append(new TapeImage.Block(Bytes.of(data)));
        } else {
          throw new IOException(f + " has an object of unknown kind " + kind);
        }
      }
    }
    image.markPersisted();
    return image;
  }

  @Override
  public synchronized void save(String serial, TapeImage image) throws IOException {
    Path f = fileFor(serial);
    int keep = image.persistedCount();
    long offset = MAGIC.length;
    for (int i = 0; i < keep; i++) {
      offset += 5 + image.get(i).length();
    }
    try (RandomAccessFile file = new RandomAccessFile(f.toFile(), "rw")) {
      if (file.length() < MAGIC.length) {
        file.setLength(0);
        file.write(MAGIC);
        keep = 0;
        offset = MAGIC.length;
      }
      file.setLength(offset);
      file.seek(offset);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      java.io.DataOutputStream d = new java.io.DataOutputStream(out);
      for (int i = keep; i < image.size(); i++) {
        TapeImage.Entry e = image.get(i);
        if (e instanceof TapeImage.Block b) {
          d.writeByte(BLOCK);
          d.writeInt(b.length());
          d.write(b.data().toByteArray());
        } else {
          d.writeByte(FILEMARK);
          d.writeInt(0);
        }
      }
      file.write(out.toByteArray());
    }
    image.markPersisted();
  }
}
