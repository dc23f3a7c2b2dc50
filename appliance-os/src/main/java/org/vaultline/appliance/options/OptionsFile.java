package org.vaultline.appliance.options;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code vaultlined.opt}, in the spirit of TSM's {@code dsmserv.opt}: one option per line, {@code NAME value},
 * the name in any case, separated from its value by blanks. A line whose first non-blank character is {@code *} or
 * {@code #} is a comment, as are blank lines. A value may be put in double quotes (to keep blanks in it). Every
 * problem of the file is reported, each with its line number and a message ID:
 * <ul>
 *   <li>VLN0701E unknown option</li>
 *   <li>VLN0702E the value is not valid for the option</li>
 *   <li>VLN0703E the option is given more than once</li>
 *   <li>VLN0704E the option has no value</li>
 *   <li>VLN0705E the file cannot be read</li>
 *   <li>VLN0706E options that do not go together</li>
 * </ul>
 */
public final class OptionsFile {
  private OptionsFile() {}

  /** Reads the file at {@code path}. */
  public static Options read(Path path) throws OptionsException {
    String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new OptionsException(List.of(new OptionProblem(name, 0, "VLN0705E",
          "cannot read the options file " + path + ": " + e)));
    }
    return parse(name, lines);
  }

  /** Parses the lines of a file named {@code fileName} (the name only appears in messages). */
  public static Options parse(String fileName, List<String> lines) throws OptionsException {
    Options.Builder b = new Options.Builder();
    List<OptionProblem> problems = new ArrayList<>();
    Map<Option, Integer> seenAt = new EnumMap<>(Option.class);
    for (int i = 0; i < lines.size(); i++) {
      int lineNo = i + 1;
      String line = lines.get(i).strip();
      if (lineNo == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1).strip();
      }
      if (line.isEmpty() || line.startsWith("*") || line.startsWith("#")) {
        continue;
      }
      int blank = firstBlank(line);
      String name = blank < 0 ? line : line.substring(0, blank);
      String value = blank < 0 ? "" : line.substring(blank).strip();
      Optional<Option> option = Option.named(name);
      if (option.isEmpty()) {
        problems.add(new OptionProblem(fileName, lineNo, "VLN0701E",
            "unknown option " + name.toUpperCase(Locale.ROOT) + "." + suggestion(name)));
        continue;
      }
      Option o = option.get();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      } else if (value.startsWith("\"")) {
        problems.add(new OptionProblem(fileName, lineNo, "VLN0702E",
            o + ": the value's closing quote is missing."));
        continue;
      }
      if (value.isEmpty()) {
        problems.add(new OptionProblem(fileName, lineNo, "VLN0704E",
            o + " has no value. The right form is: " + o + " " + o.syntax()));
        continue;
      }
      Integer earlier = seenAt.putIfAbsent(o, lineNo);
      if (earlier != null && !o.repeatable()) {
        problems.add(new OptionProblem(fileName, lineNo, "VLN0703E",
            o + " is already set on line " + earlier + "."));
        continue;
      }
      try {
        o.apply(b, value);
      } catch (IllegalArgumentException e) {
        problems.add(new OptionProblem(fileName, lineNo, "VLN0702E",
            o + " " + value + " is not valid: " + e.getMessage() + ". The right form is: " + o + " "
                + o.syntax()));
      }
    }
    if (problems.isEmpty()) {
      consistency(fileName, b, problems);
    }
    if (!problems.isEmpty()) {
      throw new OptionsException(problems);
    }
    return b.build();
  }

  private static void consistency(String fileName, Options.Builder b, List<OptionProblem> problems) {
    if (b.mqttPasswordFile.isPresent() && b.mqttUsername.isEmpty()) {
      problems.add(new OptionProblem(fileName, 0, "VLN0706E", "MQTTPASSWORDFILE needs MQTTUSERNAME."));
    }
    if (b.adminKeystorePasswordFile.isPresent() && b.adminKeystore.isEmpty()) {
      problems.add(new OptionProblem(fileName, 0, "VLN0706E", "ADMINKEYSTOREPASSWORDFILE needs ADMINKEYSTORE."));
    }
    if (b.mqttTruststore.isPresent() && !b.mqttTls) {
      problems.add(new OptionProblem(fileName, 0, "VLN0706E", "MQTTTRUSTSTORE needs MQTTTLS YES."));
    }
    for (var uri : b.mqttBrokers) {
      boolean secure = uri.getScheme().equalsIgnoreCase("ssl") || uri.getScheme().equalsIgnoreCase("wss");
      if (secure != b.mqttTls) {
        problems.add(new OptionProblem(fileName, 0, "VLN0706E", "MQTTBROKER " + uri + (b.mqttTls
            ? " is not a TLS URI, but MQTTTLS is YES: use ssl:// or wss://."
            : " is a TLS URI: set MQTTTLS YES.")));
      }
    }
  }

  private static int firstBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** " Did you mean X?" for a name that contains, or is contained in, exactly one option name. */
  private static String suggestion(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    Option match = null;
    for (Option o : Option.values()) {
      if (n.length() >= 4 && (o.name().startsWith(n) || n.startsWith(o.name()))) {
        if (match != null) {
          return "";
        }
        match = o;
      }
    }
    return match == null ? "" : " Did you mean " + match + "?";
  }
}
