package org.vaultline.appliance.options;

import java.util.List;

/** An options file that cannot be used: every problem found, each with its line number and message ID. */
public final class OptionsException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<OptionProblem> problems;

  public OptionsException(List<OptionProblem> problems) {
    super(String.join("\n", problems.stream().map(OptionProblem::toString).toList()));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an OptionsException has at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public List<OptionProblem> problems() {
    return problems;
  }
}
