package org.vaultline.appliance.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import org.vaultline.scsi.bytes.Bytes;
import org.vaultline.scsi.smc.ElementAddress;

/**
 * Turns decoded records into JSON (field names are the record component names, which are part of our
 * stable output) and into indented text that reads like sg3_utils' output.
 */
final class Render {
  /** JSON for scripts: bytes as hex, element addresses as numbers. */
  private static final ObjectMapper JSON = mapper(false);
  /** The tree behind text output: bytes as hex with their ASCII, element addresses as 0x1000. */
  private static final ObjectMapper TEXT = mapper(true);

  private static ObjectMapper mapper(boolean forText) {
    SimpleModule m = new SimpleModule("vaultline")
        .addSerializer(Bytes.class, new BytesAsHex(forText))
        .addSerializer(ElementAddress.class, new StdSerializer<>(ElementAddress.class) {
          private static final long serialVersionUID = 1L;

          @Override
          public void serialize(ElementAddress a, JsonGenerator gen, SerializerProvider p) throws IOException {
            if (forText) {
              gen.writeString(a.toString());
            } else {
              gen.writeNumber(a.value());
            }
          }
        });
    return new ObjectMapper()
        .registerModule(new Jdk8Module())
        .registerModule(m)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  }

  private Render() {
  }

  static JsonNode tree(Object value) {
    return JSON.valueToTree(value);
  }

  static JsonNode textTree(Object value) {
    return TEXT.valueToTree(value);
  }

  static String json(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** Indented {@code name: value} lines; empty optionals and empty lists are left out. */
  static String text(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    text(node, 0, sb);
    return sb.toString();
  }

  private static void text(JsonNode node, int indent, StringBuilder sb) {
    String pad = "  ".repeat(indent);
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      String name = words(e.getKey());
      if (v == null || v.isNull() || (v.isContainerNode() && v.isEmpty()) || (v.isTextual() && v.asText().isEmpty())) {
        continue;
      }
      if (v.isObject()) {
        sb.append(pad).append(name).append(":\n");
        text(v, indent + 1, sb);
      } else if (v.isArray()) {
        sb.append(pad).append(name).append(":\n");
        int i = 0;
        for (JsonNode item : v) {
          if (item.isObject()) {
            sb.append(pad).append("  [").append(i).append("]\n");
            text(item, indent + 2, sb);
          } else {
            sb.append(pad).append("  ").append(item.asText()).append('\n');
          }
          i++;
        }
      } else {
        sb.append(pad).append(name).append(": ").append(v.asText()).append('\n');
      }
    }
  }

  /** {@code firstElementAddress} -> {@code first element address}. */
  static String words(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
  }

  private static final class BytesAsHex extends StdSerializer<Bytes> {
    private static final long serialVersionUID = 1L;

    private final boolean withAscii;

    BytesAsHex(boolean withAscii) {
      super(Bytes.class);
      this.withAscii = withAscii;
    }

    @Override
    public void serialize(Bytes value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(withAscii && printable(value) ? value.hex() + "  \"" + ascii(value) + "\"" : value.hex());
    }

    private static boolean printable(Bytes b) {
      for (int i = 0; i < b.size(); i++) {
        if (b.get(i) < 0x20 || b.get(i) > 0x7e) {
          return false;
        }
      }
      return !b.isEmpty();
    }

    private static String ascii(Bytes b) {
      return new String(b.toByteArray(), java.nio.charset.StandardCharsets.US_ASCII);
    }
  }
}
