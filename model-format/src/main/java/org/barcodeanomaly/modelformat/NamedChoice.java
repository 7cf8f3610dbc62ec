package org.barcodeanomaly.modelformat;

import java.util.Objects;

/**
 * A choice made by name while training, such as the split strategy or the threshold policy,
 * with the sentence that says what it did, so two models' provenance can be compared by name.
 *
 * @param name        the stable name, e.g. {@code epc-hash-60-20-20} or {@code best-f1}
 * @param description what it did, in words, with its parameters
 */
public record NamedChoice(String name, String description) {

  /** Checks that both are present. */
  public NamedChoice {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
  }
}
