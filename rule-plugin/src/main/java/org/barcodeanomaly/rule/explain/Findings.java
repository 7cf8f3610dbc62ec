package org.barcodeanomaly.rule.explain;

import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.event.AnomalyType;

/**
 * Where rules write their verdicts: the score table, and when explaining, the finding behind each
 * score that stands.
 *
 * <p>Scoring stays as cheap as before: {@link #raise} returns {@code true} only when findings are
 * being recorded and the new score is now the event's score, so a rule builds a {@link RuleFinding}
 * (strings and all) only then. The highest score wins, and on a tie the first finding stays, as the
 * score does. Not thread-safe: one per {@code score} call.
 */
public final class Findings {

  private final ScoreTable scores;
  private final RuleFinding[] findings;

  private Findings(ScoreTable scores, boolean recording) {
    this.scores = scores;
    this.findings = recording ? new RuleFinding[scores.size() * AnomalyType.COUNT] : null;
  }

  /** Scores only: {@link #raise} never asks for a finding. */
  public static Findings scoring(ScoreTable scores) {
    return new Findings(scores, false);
  }

  /** Scores and keeps the finding behind every score. */
  public static Findings recording(ScoreTable scores) {
    return new Findings(scores, true);
  }

  /** The score table being filled. */
  public ScoreTable scores() {
    return scores;
  }

  /**
   * Raises {@code event}'s score for {@code type} to {@code score} if that is higher.
   *
   * @return whether findings are recorded and the score was raised: the caller should then
   *     {@link #describe} it
   */
  public boolean raise(int event, AnomalyType type, double score) {
    float before = scores.get(event, type);
    scores.raise(event, type, score);
    return findings != null && scores.get(event, type) > before;
  }

  /** Records why {@code event} has its score for {@code type}; ignored unless recording. */
  public void describe(int event, AnomalyType type, RuleFinding finding) {
    if (findings != null) {
      findings[event * AnomalyType.COUNT + type.ordinal()] = finding;
    }
  }

  /** Gives {@code copy} the score and finding of {@code original} for {@code type} (a re-read). */
  public void share(int original, int copy, AnomalyType type) {
    scores.set(copy, type, scores.get(original, type));
    if (findings != null) {
      findings[copy * AnomalyType.COUNT + type.ordinal()] = findings[original * AnomalyType.COUNT + type.ordinal()];
    }
  }

  /** The finding behind {@code event}'s score for {@code type}, or {@code null} when none was recorded. */
  public RuleFinding finding(int event, AnomalyType type) {
    return findings == null ? null : findings[event * AnomalyType.COUNT + type.ordinal()];
  }
}
