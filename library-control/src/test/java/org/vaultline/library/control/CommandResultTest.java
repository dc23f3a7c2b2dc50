package org.vaultline.library.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How a command's result is printed for the administrative client and given to the API. */
class CommandResultTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ResultTable empty(ResultTable.Layout layout) {
    return new ResultTable(List.of("Request", "Library Name"), List.of(), layout);
  }

  /**
   * A query with no rows printed its header, its dashes, a blank line and then "VLN0261I No requests are
   * outstanding."; TSM's administrative client prints only the message.
   */
  @ParameterizedTest
  @EnumSource(ResultTable.Layout.class)
  void aQueryWithoutRowsPrintsItsMessageAlone(ResultTable.Layout layout) throws Exception {
    CommandResult r = CommandResult.table("QUERY REQUEST", empty(layout),
        List.of(ControlMessages.NO_REQUESTS.format()));
    assertThat(r.text()).isEqualTo("VLN0261I No requests are outstanding.\n");
    JsonNode json = JSON.readTree(r.json());
    assertThat(json.get("columns")).hasSize(2);
    assertThat(json.get("columns").get(1).asText()).isEqualTo("Library Name");
    assertThat(json.get("rows").isArray()).isTrue();
    assertThat(json.get("rows")).isEmpty();
    assertThat(json.get("messages").get(0).get("id").asText()).isEqualTo("VLN0261I");
  }

  @Test
  void aQueryWithRowsPrintsTheTableABlankLineAndItsMessages() {
    ResultTable t = new ResultTable(List.of("Volume Name", "State"), List.of(List.of("A00001", "Vault")));
    CommandResult r = CommandResult.table("QUERY DRMEDIA", t,
        List.of(ControlMessages.CMD_FILE_WRITTEN.format("QUERY DRMEDIA", 1, "/tmp/x")));
    assertThat(r.text()).isEqualTo(""
        + "Volume Name  State\n"
        + "-----------  -----\n"
        + "A00001       Vault\n"
        + "\n"
        + "VLN0513I QUERY DRMEDIA: 1 command lines written to /tmp/x.\n");
    assertThat(CommandResult.table("QUERY DRMEDIA", t, List.of()).text()).isEqualTo(t.text());
  }

  /** Without a message to print instead, an empty query still shows what it would have listed. */
  @Test
  void anEmptyQueryWithoutAMessageKeepsItsHeader() {
    assertThat(CommandResult.table("QUERY EVENT", empty(ResultTable.Layout.COLUMNS), List.of()).text())
        .isEqualTo("Request  Library Name\n-------  ------------\n");
  }

  @Test
  void aCommandWithoutATablePrintsOneLinePerMessageAndNoColumnsInJson() throws Exception {
    CommandResult r = CommandResult.of("REPLY", ControlMessages.NO_REQUESTS.format(),
        ControlMessages.NO_PROCESSES.format());
    assertThat(r.text()).isEqualTo("VLN0261I No requests are outstanding.\nVLN0502I No active processes found.\n");
    JsonNode json = JSON.readTree(r.json());
    assertThat(json.has("columns")).isFalse();
    assertThat(json.has("rows")).isFalse();
  }
}
