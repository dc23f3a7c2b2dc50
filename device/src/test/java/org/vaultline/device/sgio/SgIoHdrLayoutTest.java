package org.vaultline.device.sgio;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Native;
import com.sun.jna.Structure;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pins the JNA mapping of struct sg_io_hdr to what gcc makes of {@code <scsi/sg.h>} on this machine. */
class SgIoHdrLayoutTest {

  @Test
  void everyFieldOffsetAndTheSizeMatchGcc(@TempDir Path dir) throws Exception {
    NativeBuild.assumeGcc();
    Path program = NativeBuild.compile("sg_io_hdr_layout.c", dir, false);
    NativeBuild.Result run = NativeBuild.run(List.of(program.toString()), dir);
    assertThat(run.exit()).as(run.output()).isZero();
    Map<String, Integer> gcc = new LinkedHashMap<>();
    for (String line : run.output().strip().split("\n")) {
      String[] kv = line.split(" ");
      gcc.put(kv[0], Integer.parseInt(kv[1]));
    }

    SgIoHdr hdr = new SgIoHdr();
    assertThat(hdr.size()).isEqualTo(gcc.get("sizeof"));
    List<String> javaFields = List.of(SgIoHdr.class.getAnnotation(Structure.FieldOrder.class).value());
    assertThat(javaFields).containsExactlyElementsOf(gcc.keySet().stream().filter(k -> !k.equals("sizeof")).toList());
    for (String field : javaFields) {
      assertThat(hdr.offsetOf(field)).as(field).isEqualTo(gcc.get(field));
    }
  }

  @Test
  void headerIs88BytesOnA64BitMachine() {
    if (Native.POINTER_SIZE == 8 && System.getProperty("os.arch").equals("amd64")) {
      assertThat(new SgIoHdr().size()).isEqualTo(88);
      assertThat(new SgIoHdr().offsetOf("dxferp")).isEqualTo(16);
      assertThat(new SgIoHdr().offsetOf("info")).isEqualTo(80);
    }
  }
}
