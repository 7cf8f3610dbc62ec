package org.barcodeanomaly.rule.rules;

import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.rule.explain.Findings;
import org.barcodeanomaly.rule.trail.PreparedTrail;

/**
 * One rule of the rule detector: scores one anomaly type on one EPC's trail.
 *
 * <p>Rules are stateless and immutable, so one instance serves every thread. They only raise
 * scores of the trail's own events and never read other trails. When {@link Findings#raise}
 * says so (a detector explaining), a rule also describes what it found.
 */
public interface TrailRule {

  /** The anomaly type this rule scores. */
  AnomalyType type();

  /**
   * Raises the scores of {@link #type()} for the events of {@code trail} that break the rule, and
   * describes each raised score when {@code findings} records.
   */
  void score(PreparedTrail trail, Findings findings);
}
