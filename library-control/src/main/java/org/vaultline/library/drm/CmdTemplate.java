package org.vaultline.library.drm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The CMD= of MOVE DRMEDIA and QUERY DRMEDIA: a command written once per volume with the substitution variables
 * {@code &VOL} (volume name), {@code &VOLDSN} (its data set name, see {@link DrmVolume#voldsn()}), {@code &LOC}
 * (its location; empty when it has none) and {@code &NL} (a line break). Variables are recognised in any case;
 * an {@code &} that starts none of them is kept as it is.
 *
 * <p>As TSM does for CMDFILENAME, a resulting line longer than {@value #MAX_LINE} characters is split and every part
 * but the last ends with the continuation character {@code +}, so the file is a valid administrative macro;
 * {@link CommandFileImport} joins such lines back. For MOVE DRMEDIA the caller substitutes each volume as it is
 * after the move (so {@code &LOC} is the new location); for QUERY DRMEDIA as it is.
 */
public record CmdTemplate(String template) {
  public static final int MAX_LENGTH = 255;
  public static final int MAX_LINE = 240;

  public CmdTemplate {
    Objects.requireNonNull(template, "template");
    if (template.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("CMD is at most " + MAX_LENGTH + " characters");
    }
  }

  /** The command lines for one volume. */
  public List<String> lines(DrmVolume v) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '&') {
        if (at(i, "&VOLDSN")) {
          line.append(v.voldsn());
          i += 7;
          continue;
        }
        if (at(i, "&VOL")) {
          line.append(v.name());
          i += 4;
          continue;
        }
        if (at(i, "&LOC")) {
          line.append(v.location().orElse(""));
          i += 4;
          continue;
        }
        if (at(i, "&NL")) {
          split(line.toString(), out);
          line.setLength(0);
          i += 3;
          continue;
        }
      }
      line.append(c);
      i++;
    }
    split(line.toString(), out);
    return out;
  }

  /** The command lines for each volume in turn. */
  public List<String> lines(List<DrmVolume> volumes) {
    List<String> out = new ArrayList<>();
    for (DrmVolume v : volumes) {
      out.addAll(lines(v));
    }
    return out;
  }

  private boolean at(int i, String variable) {
    return template.regionMatches(true, i, variable, 0, variable.length());
  }

  private static void split(String line, List<String> out) {
    int start = 0;
    while (line.length() - start > MAX_LINE) {
      out.add(line.substring(start, start + MAX_LINE - 1) + "+");
      start += MAX_LINE - 1;
    }
    out.add(line.substring(start));
  }
}
