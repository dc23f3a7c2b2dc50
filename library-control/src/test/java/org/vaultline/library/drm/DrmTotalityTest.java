package org.vaultline.library.drm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The parser and the importers are total: whatever the text, the parser gives a command or a
 * {@link DrmSyntaxException}, and an importer gives registrations and problems; nothing else escapes.
 */
class DrmTotalityTest {
  private static final List<String> SEEDS = List.of(
      "MOVE DRMEDIA * WHERESTATE=MOUNTABLE TOSTATE=VAULT REMOVE=BULK SOURCE=DBSNAPSHOT COPYSTGPOOL=A,B*"
          + " ACTIVEDATASTGPOOL=ADP WHERELOCATION=SHELF TOLOCATION=\"Iron Mountain\" BEGINDATE=TODAY-7"
          + " ENDDATE=03/31/2024 BEGINTIME=NOW-02:00 ENDTIME=23:00 CMD=\"checkout &VOL &LOC &NL\""
          + " CMDFILENAME=/tmp/x APPEND=YES WAIT=YES",
      "q drm a* wherest=va f=cmd cmd='x &vol' append=yes s=dbno begind=-3 endt=now",
      "q drmst", "set drmcou \"Joe's\"", "set drmdbb 30", "set drmprim a,b", "set drmauto off", "set drmcheckl",
      "def drmvol db1 type=backupi series=3 op=2 seq=4 date=03/13/2024 time=22:15:07 devc=lto devt=file prefix=TSM"
          + " state=courier location=\"Joe's\" updd=03/14/2024 updt=01:02:03",
      "def drmvol c1 type=copy pool=p status=pending library=lib9", "upd drmvol c1 status=empty lo=''",
      "del drmvol c1");

  private static final String ALPHABET = " =\"',*?&+-/:0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefgh\t\n";

  private static String mutate(String s, Random r) {
    StringBuilder b = new StringBuilder(s);
    int edits = 1 + r.nextInt(6);
    for (int i = 0; i < edits; i++) {
      int op = r.nextInt(4);
      int at = b.length() == 0 ? 0 : r.nextInt(b.length());
      if (op == 0 && b.length() > 0) {
        b.deleteCharAt(at);
      } else if (op == 1) {
        b.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
      } else if (op == 2 && b.length() > 0) {
        b.setCharAt(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
      } else if (b.length() > 0) {
        b.setLength(at);
      }
    }
    return b.toString();
  }

  private static String random(Random r) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(80);
    for (int i = 0; i < n; i++) {
      b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  @Test
  void everyLineParsesToACommandThatWritesItselfBackOrToASyntaxErrorWithAnId() {
    DrmCommandParser parser = new DrmCommandParser(DrmFixtures.ZONE);
    Random r = new Random(20240314L);
    int commands = 0;
    for (int i = 0; i < 20_000; i++) {
      String line = i % 4 == 0 ? random(r) : mutate(SEEDS.get(r.nextInt(SEEDS.size())), r);
      try {
        DrmCommand c = parser.parse(line);
        commands++;
        String text = c.commandText(DrmFixtures.ZONE);
        try {
          assertThat(parser.parse(text)).as(line + "  ->  " + text).isEqualTo(c);
        } catch (DrmSyntaxException e) {
          throw new AssertionError(line + "  ->  " + text + " does not parse back: " + e.getMessage(), e);
        }
      } catch (DrmSyntaxException e) {
        assertThat(e.drmMessage().id().number()).as(line).isBetween(400, 429);
      } catch (RuntimeException e) {
        throw new AssertionError("parse(\"" + line + "\") threw " + e, e);
      }
    }
    assertThat(commands).isPositive();
  }

  @Test
  void theImportersReportBadTextInsteadOfThrowing() {
    DrmCommandParser parser = new DrmCommandParser(DrmFixtures.ZONE);
    List<String> seeds = List.of(
        "Date/Time: 03/13/2024 22:15:07\nVolume Type: BACKUPFULL\nBackup Series: 101\nBackup Operation: 0\n"
            + "Volume Seq: 1,001\nDevice Class: LTO\nVolume Name: DB1\n",
        "03/13/2024 22:15:07,BACKUPFULL,101,0,1,LTO,DB1,,\nDATE_TIME,TYPE,VOLUME_NAME\n",
        "DB1,VAULT,2024-03-13 22:15:07.000000,\"A, B\",,,DBBACKUP\nC1,MOUNTABLE,,,P,LIB1,COPYSTGPOOL\n",
        "DEFINE DRMVOLUME C1 TYPE=COPY POOL=P+\n STATE=VAULT\n/* x */\nUPDATE DRMVOLUME C1 STATUS=EMPTY\n");
    Random r = new Random(7L);
    for (int i = 0; i < 10_000; i++) {
      String text = mutate(seeds.get(r.nextInt(seeds.size())), r);
      try {
        VolhistoryImport.Result h = VolhistoryImport.read(text, DrmFixtures.ZONE);
        DrmediaImport.Result d = DrmediaImport.read(text, DrmFixtures.ZONE);
        TsmImport.registrations(h, d);
        CommandFileImport.read(text, parser);
      } catch (RuntimeException e) {
        throw new AssertionError("import of \"" + text + "\" threw " + e, e);
      }
    }
  }
}
