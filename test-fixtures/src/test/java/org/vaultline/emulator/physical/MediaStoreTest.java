package org.vaultline.emulator.physical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.scsi.bytes.Bytes;

class MediaStoreTest {
  @TempDir
  Path dir;

  @Test
  void aDirectoryStoreKeepsBlocksAndFilemarksAcrossInstances() throws Exception {
    MediaStore store = MediaStore.directory(dir);
    TapeImage t = store.open("ABC123L5");
    t.append(new TapeImage.Block(Bytes.of(1, 2, 3)));
    t.append(TapeImage.FILEMARK);
    t.append(new TapeImage.Block(Bytes.zeros(1000)));
    store.save("ABC123L5", t);

    TapeImage back = MediaStore.directory(dir).open("ABC123L5");
    assertThat(back.entries()).isEqualTo(t.entries());
    assertThat(back.bytesUsed()).isEqualTo(1003);
  }

  @Test
  void overwritingTheMiddleTruncatesTheFileToo() throws Exception {
    MediaStore store = MediaStore.directory(dir);
    TapeImage t = store.open("X");
    for (int i = 0; i < 5; i++) {
      t.append(new TapeImage.Block(Bytes.of(i)));
    }
    store.save("X", t);
    t.truncate(2);
    t.append(TapeImage.FILEMARK);
    store.save("X", t);
    TapeImage back = MediaStore.directory(dir).open("X");
    assertThat(back.entries()).containsExactly(new TapeImage.Block(Bytes.of(0)), new TapeImage.Block(Bytes.of(1)),
        TapeImage.FILEMARK);
    assertThat(Files.size(((DirectoryMediaStore) store).fileFor("X"))).isEqualTo(8 + 6 + 6 + 5);
  }

  @Test
  void serialsWithOddCharactersMakeSafeFileNames() throws Exception {
    DirectoryMediaStore store = new DirectoryMediaStore(dir);
    assertThat(store.fileFor("../etc/x").getFileName().toString()).isEqualTo("%2E%2E%2Fetc%2Fx.tape");
  }

  @Test
  void aNeverWrittenCartridgeIsBlank() throws Exception {
    assertThat(MediaStore.directory(dir).open("NEW001L5").size()).isZero();
    assertThat(MediaStore.inMemory().open("NEW001L5").size()).isZero();
  }
}
