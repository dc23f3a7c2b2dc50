package org.vaultline.appliance.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OptionsReferenceTest {

  @Test
  void theMarkdownReferenceListsEveryOptionWithASection() {
    String md = OptionsReference.markdown();
    for (Option o : Option.values()) {
      assertThat(md).contains("| [`" + o + "`](#" + o.name().toLowerCase() + ")");
      assertThat(md).contains("\n### " + o + "\n");
      assertThat(md).contains(o.description());
    }
  }

  @Test
  void theDefaultFileDescribesEveryOptionAndParsesToTheDefaults() throws Exception {
    String file = OptionsReference.defaultFile();
    for (Option o : Option.values()) {
      assertThat(file).contains("\n*" + o + " ");
    }
    assertThat(OptionsFile.parse("default", file.lines().toList())).isEqualTo(Options.defaults());
  }

  @Test
  void everyOptionCommentedOutInTheDefaultFileIsValidWhenUncommented() throws Exception {
    // Uncommenting "*NAME example" must give a file the daemon accepts (examples that are value syntax, like
    // "path", are left out).
    for (String line : OptionsReference.defaultFile().lines().toList()) {
      if (line.startsWith("*") && !line.startsWith("* ") && line.length() > 1) {
        String option = line.substring(1);
        String name = option.split(" ")[0];
        boolean hasExample = Arrays.stream(Option.values())
            .anyMatch(o -> o.name().equals(name) && !o.defaultText().startsWith("("));
        if (hasExample) {
          OptionsFile.parse("uncommented", java.util.List.of(option));
        }
      }
    }
  }

  /** The packaged /etc/vaultline/vaultlined.opt is generated text; this keeps it from drifting. */
  @Test
  void thePackagedDefaultFileIsTheGeneratedOne() throws Exception {
    Path packaged = Path.of("src/deb/etc/vaultlined.opt");
    assertThat(Files.readString(packaged, StandardCharsets.UTF_8))
        .as("regenerate %s from OptionsReference.defaultFile()", packaged)
        .isEqualTo(OptionsReference.defaultFile());
  }
}
