package org.vaultline.appliance.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.vaultline.appliance.cli.AdminCommandTable.AdminCommand;
import org.vaultline.appliance.cli.AdminCommandTable.Parameter;
import org.vaultline.appliance.cli.AdminCommandTable.Positional;
import org.vaultline.appliance.cli.AdminCommandTable.Verb;
import org.vaultline.library.command.CommandTokens;
import org.vaultline.library.command.Keyword;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Builds the picocli model of the administrative commands from {@link AdminCommandTable}, and turns TSM's
 * abbreviations into the model's names before picocli parses ({@link #canonical}).
 *
 * <p>A verb or object is a subcommand named by its full keyword with one alias, its minimum abbreviation
 * ({@code query, q}; {@code drmedia, drm}); any length in between is accepted too, as TSM does. A {@code KEY=value}
 * parameter is an option named by its full keyword ({@code WHERESTATE=MOUNTABLE}), also abbreviated to its minimum.
 */
final class AdminModel {
  private AdminModel() {}

  private static final Pattern KEY_VALUE = Pattern.compile("^[A-Za-z]+=.*", Pattern.DOTALL);

  /** Adds every verb to {@code root} (before its settings are applied, so that they reach the new commands). */
  static void addTo(CommandLine root, ClientSession session) {
    for (Verb v : AdminCommandTable.VERBS) {
      CommandSpec spec = v.standalone() ? leaf(v.commands().get(0), v.keyword(), session) : verb(v, session);
      root.addSubcommand(spec.name(), new CommandLine(spec), spec.aliases());
    }
  }

  private static CommandSpec verb(Verb v, ClientSession session) {
    VerbCommand run = new VerbCommand(v);
    CommandSpec spec = CommandSpec.wrapWithoutInspection(run);
    run.spec = spec;
    spec.name(lower(v.keyword().word())).aliases(aliases(v.keyword()));
    spec.usageMessage().description(v.description(), "",
        "Minimum abbreviation: " + lower(v.keyword().word().substring(0, v.keyword().minimum())) + ".")
        .commandListHeading("%nCommands:%n");
    spec.mixinStandardHelpOptions(true);
    for (AdminCommand c : v.commands()) {
      CommandSpec leaf = leaf(c, c.object().orElseThrow(), session);
      spec.addSubcommand(leaf.name(), new CommandLine(leaf));
    }
    return spec;
  }

  private static CommandSpec leaf(AdminCommand c, Keyword name, ClientSession session) {
    ServerCommand run = new ServerCommand(c, session);
    CommandSpec spec = CommandSpec.wrapWithoutInspection(run);
    run.spec(spec);
    spec.name(lower(name.word())).aliases(aliases(name));
    List<String> description = new ArrayList<>();
    description.add(c.summary());
    description.add("");
    description.add("TSM syntax: " + c.syntax().replace("%", "%%"));
    description.add("");
    description.add("The server checks every value; the client only that the command exists and its required "
        + "names are there. Keywords and values may be abbreviated to the capitals of the syntax, in any case.");
    for (String n : c.notes()) {
      description.add("");
      description.add(n.replace("%", "%%"));
    }
    spec.usageMessage().description(description.toArray(String[]::new))
        .exitCodeListHeading("%nExit status:%n").exitCodeList(exitCodes()).sortOptions(false);
    spec.mixinStandardHelpOptions(true);
    int index = 0;
    for (Positional p : c.positionals()) {
      spec.addPositional(PositionalParamSpec.builder().index(String.valueOf(index++))
          .arity(p.required() ? "1" : "0..1").required(p.required()).paramLabel(p.label())
          .type(String.class).description(p.description()).build());
    }
    // Whatever the client does not know goes to the server, which has the final word.
    spec.addPositional(PositionalParamSpec.builder().index(index + "..*").arity("0..*").paramLabel("PARAMETER")
        .hidden(true).type(String[].class).build());
    for (Parameter p : c.parameters()) {
      String min = p.key().minimum() < p.key().word().length()
          ? " (minimum " + p.key().word().substring(0, p.key().minimum()) + ")" : "";
      OptionSpec.Builder o = OptionSpec.builder(p.key().word()).paramLabel(p.values()).type(String.class)
          .arity("1").required(p.required()).description(p.description() + min);
      if (!p.candidates().isEmpty()) {
        o.completionCandidates(p.candidates());
      }
      spec.addOption(o.build());
    }
    spec.addMixin("client", CommandSpec.forAnnotatedObject(run.flags()));
    return spec;
  }

  private static Map<String, String> exitCodes() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String e : ServerCommand.EXIT_CODES) {
      int colon = e.indexOf(':');
      m.put(e.substring(0, colon), e.substring(colon + 1));
    }
    return m;
  }

  private static String[] aliases(Keyword k) {
    return k.minimum() < k.word().length() ? new String[] {lower(k.word().substring(0, k.minimum()))} : new String[0];
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** {@code KEY=value} as TSM writes it: letters, then {@code =}. */
  static boolean isKeyValue(String token) {
    return KEY_VALUE.matcher(token).matches();
  }

  /** The tokens back into a TSM line (with a leading blank), quoting what the shell had unquoted. */
  static String join(List<String> tokens) {
    StringBuilder sb = new StringBuilder();
    for (String t : tokens) {
      sb.append(' ');
      if (isKeyValue(t)) {
        int eq = t.indexOf('=');
        sb.append(t, 0, eq + 1).append(quoteIfNeeded(t.substring(eq + 1)));
      } else {
        sb.append(quoteIfNeeded(t));
      }
    }
    return sb.toString();
  }

  private static String quoteIfNeeded(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '"' || c == '\'') {
        return CommandTokens.quote(s);
      }
    }
    return s.isEmpty() ? CommandTokens.quote(s) : s;
  }

  /**
   * The keyword a subcommand answers to: its name, abbreviated down to its alias when the alias is a prefix of it
   * ({@code query} with alias {@code q}); other commands only by their full name.
   */
  static Keyword keyword(CommandSpec spec) {
    String name = spec.name().toUpperCase(Locale.ROOT);
    int min = name.length();
    for (String a : spec.aliases()) {
      if (a.length() < min && name.startsWith(a.toUpperCase(Locale.ROOT))) {
        min = a.length();
      }
    }
    return new Keyword(name, min);
  }

  /**
   * Rewrites the arguments for picocli: verb, object and {@code KEY=} abbreviations become the model's names,
   * and the administrative command (if any) gets its TSM tokens. Options of {@code vaultline} before the verb,
   * and everything after a command this table does not hold ({@code decode ...}), are left as they are.
   */
  static String[] canonical(CommandLine root, String[] args) {
    List<String> out = new ArrayList<>(Arrays.asList(args));
    CommandLine current = root;
    ServerCommand leaf = null;
    int leafStart = -1;
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      String a = out.get(i);
      if (a.startsWith("-")) {
        OptionSpec o = a.contains("=") ? null : current.getCommandSpec().findOption(a);
        if (o != null && o.arity().max() > 0) {
          i++; // its value
        }
        continue;
      }
      if (leaf != null) {
        if (isKeyValue(a)) {
          int eq = a.indexOf('=');
          String key = a.substring(0, eq);
          for (Parameter p : leaf.command().parameters()) {
            if (p.key().matches(key)) {
              out.set(i, p.key().word() + a.substring(eq));
              break;
            }
          }
        }
        tokens.add(a);
        continue;
      }
      CommandLine sub = subcommand(current, a);
      if (sub == null) {
        break; // a positional of a command outside the table, or unknown: picocli says which
      }
      out.set(i, sub.getCommandName());
      current = sub;
      Object user = sub.getCommandSpec().userObject();
      if (user instanceof ServerCommand) {
        leaf = (ServerCommand) user;
        leafStart = i + 1;
      } else if (!(user instanceof VerbCommand)) {
        break; // decode, scsi, emulator, help...: their own syntax
      }
    }
    if (leaf == null) {
      return out.toArray(String[]::new);
    }
    leaf.tokens(tokens);
    // Options and KEY=value first, then "--" and the names: a volume named FORMAT stays a name.
    List<String> head = new ArrayList<>(out.subList(0, leafStart));
    List<String> names = new ArrayList<>();
    for (int i = leafStart; i < out.size(); i++) {
      String a = out.get(i);
      if (a.startsWith("-")) {
        head.add(a);
        OptionSpec o = a.contains("=") ? null : current.getCommandSpec().findOption(a);
        if (o != null && o.arity().max() > 0 && i + 1 < out.size()) {
          head.add(out.get(++i));
        }
      } else if (isKeyValue(a)) {
        head.add(a);
      } else {
        names.add(a);
      }
    }
    head.add("--");
    head.addAll(names);
    return head.toArray(String[]::new);
  }

  private static CommandLine subcommand(CommandLine parent, String typed) {
    CommandLine found = null;
    for (CommandLine sub : parent.getSubcommands().values()) {
      if (keyword(sub.getCommandSpec()).matches(typed)) {
        if (found != null && found != sub) {
          return null; // ambiguous: picocli reports it as unknown
        }
        found = sub;
      }
    }
    return found;
  }

  /** A verb typed without its object: say which objects it takes. */
  static final class VerbCommand implements Runnable {
    private final Verb verb;
    CommandSpec spec;

    VerbCommand(Verb verb) {
      this.verb = verb;
    }

    Verb verb() {
      return verb;
    }

    @Override
    public void run() {
      List<String> objects = new ArrayList<>();
      for (AdminCommand c : verb.commands()) {
        objects.add(c.object().orElseThrow().word());
      }
      throw new CommandLine.ParameterException(spec.commandLine(), "VLN0601E " + verb.keyword().word()
          + " needs what to act on: " + String.join(", ", objects) + ".");
    }
  }
}
