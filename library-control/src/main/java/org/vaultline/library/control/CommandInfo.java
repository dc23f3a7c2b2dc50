package org.vaultline.library.control;

import java.util.Objects;

/**
 * Which server command a line is ({@link ServerCommands#describe}).
 *
 * @param name the canonical TSM name ({@code MOVE DRMEDIA}, {@code QUERY PROCESS}, {@code SET DRMCHECKLABEL})
 * @param kind what it needs
 */
public record CommandInfo(String name, CommandKind kind) {
  public CommandInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }
}
