package org.vaultline.library.drm;

import java.util.List;

/**
 * What an import produced: the registrations to apply, in order, and what could not be imported (warnings with
 * line numbers; an import never stops at a bad line).
 */
public record ImportResult(List<DrmRegistration> registrations, List<DrmMessage> problems) {
  public ImportResult {
    registrations = List.copyOf(registrations);
    problems = List.copyOf(problems);
  }
}
