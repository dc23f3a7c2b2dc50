package org.vaultline.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.bytes.Inhex;
import org.vaultline.scsi.sense.MalformedResponseException;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vaultline decode KIND}: decodes captured SCSI bytes offline, for administrators and field
 * engineers (the way sg3_utils' tools take {@code --inhex}).
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
    description = {"Decode SCSI data bytes offline: a response, sense data or a CDB.",
        "Input is sg3_utils inhex text (hex pairs, '#' comments) or raw binary; '-' reads standard input."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:decoded", "1:the bytes are malformed (what could be decoded is printed first)",
        "2:wrong command syntax or unreadable input"})
final class DecodeCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "KIND", converter = DecodeKind.Converter.class,
      completionCandidates = DecodeKind.Candidates.class,
      description = "One of: ${COMPLETION-CANDIDATES}")
  DecodeKind kind;

  @Parameters(index = "1", arity = "0..1", paramLabel = "-",
      description = "Read the bytes from standard input (inhex text or raw binary, detected).")
  String stdin;

  @ArgGroup(exclusive = true)
  Source source;

  static final class Source {
    @Option(names = "--inhex", paramLabel = "FILE", description = "Read sg3_utils inhex text from FILE.")
    Path inhex;

    @Option(names = "--raw", paramLabel = "FILE", description = "Read raw binary bytes from FILE.")
    Path raw;
  }

  @Option(names = "--json", description = "Print JSON with stable field names instead of text.")
  boolean json;

  @Option(names = "--type", paramLabel = "TYPE",
      description = "Device type the bytes come from: changer or tape (needed for cdb; names TapeAlert flags).")
  DecodeKind.Type type;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Bytes data;
    try {
      data = readInput();
    } catch (IllegalArgumentException | IOException e) {
      err.println("VLN0102E Cannot read the input: " + e.getMessage());
      return 2;
    }
    try {
      Object decoded = kind.decode(data, type);
      JsonNode tree = json ? Render.tree(decoded) : kind.fieldsInText() ? Render.textTree(decoded) : null;
      print(out, kind.headline(decoded), tree, null);
      return 0;
    } catch (MalformedResponseException e) {
      ObjectNode partial = null;
      if (e.partial().isPresent()) {
        partial = (ObjectNode) (json ? Render.tree(e.partial().get()) : Render.textTree(e.partial().get()));
      }
      print(out, null, partial, e);
      err.println("VLN0103E " + kind.label() + " is malformed at byte " + e.offset() + ": " + e.reason());
      return 1;
    } catch (DecodeKind.UsageException e) {
      err.println("VLN0104E " + e.getMessage());
      return 2;
    }
  }

  private void print(PrintWriter out, String headline, JsonNode tree, MalformedResponseException error) {
    if (json) {
      ObjectNode root = Render.object();
      root.put("kind", kind.label());
      if (tree != null) {
        root.set("decoded", tree);
      }
      if (error != null) {
        ObjectNode e = root.putObject("error");
        e.put("offset", error.offset());
        e.put("reason", error.reason());
      }
      out.println(Render.json(root));
    } else {
      if (headline != null) {
        out.println(headline);
      }
      if (tree != null) {
        out.print(Render.text(tree));
      }
    }
    out.flush();
  }

  private Bytes readInput() throws IOException {
    if (source != null && source.inhex != null) {
      return Inhex.parse(Files.readString(source.inhex, StandardCharsets.ISO_8859_1));
    }
    if (source != null && source.raw != null) {
      return Bytes.of(Files.readAllBytes(source.raw));
    }
    if (!"-".equals(stdin)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "VLN0101E Give the bytes with --inhex FILE, --raw FILE or - (standard input).");
    }
    byte[] in;
    try (InputStream s = System.in) {
      in = s.readAllBytes();
    }
    return Inhex.looksLikeInhex(in) ? Inhex.parse(new String(in, StandardCharsets.ISO_8859_1)) : Bytes.of(in);
  }
}
