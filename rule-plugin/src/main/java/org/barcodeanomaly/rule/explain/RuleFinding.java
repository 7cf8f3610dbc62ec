package org.barcodeanomaly.rule.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one rule found on one event: the rule's name, the sentence an analyst reads, the other events
 * it compared the event with (the departure of a too-fast arrival, the sale before a later scan), and
 * the numbers it judged, the deciding one marked as the cause.
 *
 * <p>Built only when a detector explains (never while it scores), by the rule whose score stands.
 * Filled fluently by that rule, then read; not thread-safe while being filled.
 */
public final class RuleFinding {

  /** An event the rule compared the explained event with, and what it is to the finding. */
  public record Scene(int event, String role) { }

  /** A number the rule judged; {@code cause} marks the one that broke the rule. */
  public record Quantity(String name, double value, boolean cause) { }

  private final String rule;
  private final String sentence;
  private final String role;
  private final List<Scene> scene = new ArrayList<>();
  private final List<Quantity> numbers = new ArrayList<>();

  /**
   * A finding of {@code rule}.
   *
   * @param rule     the rule's name, e.g. {@code jump.fasterThanFastestTrip}
   * @param role     what the explained event is to the finding, e.g. {@code arrival}
   * @param sentence what happened, with the numbers that make it an anomaly
   */
  public RuleFinding(String rule, String role, String sentence) {
    this.rule = Objects.requireNonNull(rule, "rule");
    this.role = Objects.requireNonNull(role, "role");
    this.sentence = Objects.requireNonNull(sentence, "sentence");
  }

  /** Adds an event the rule compared the explained one with. */
  public RuleFinding with(int event, String eventRole) {
    scene.add(new Scene(event, eventRole));
    return this;
  }

  /** Adds the number that broke the rule. */
  public RuleFinding cause(String name, double value) {
    numbers.add(new Quantity(name, value, true));
    return this;
  }

  /** Adds a number the rule compared against (a yardstick). */
  public RuleFinding yardstick(String name, double value) {
    numbers.add(new Quantity(name, value, false));
    return this;
  }

  /** The rule's name. */
  public String rule() {
    return rule;
  }

  /** The sentence for an analyst. */
  public String sentence() {
    return sentence;
  }

  /** What the explained event is to the finding. */
  public String role() {
    return role;
  }

  /** The other events the rule compared, in the order it named them. */
  public List<Scene> scene() {
    return List.copyOf(scene);
  }

  /** The numbers the rule judged. */
  public List<Quantity> numbers() {
    return List.copyOf(numbers);
  }
}
