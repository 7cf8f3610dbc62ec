package org.barcodeanomaly.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.barcodeanomaly.api.detector.Thresholds;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.evaluation.data.ScoredEvents;
import org.barcodeanomaly.evaluation.metrics.RankingMetrics;

/**
 * Judges a detector's scores against ground truth: per type ROC-AUC, average precision and the
 * confusion counts at the reporting threshold; macro averages (the mean over the five types),
 * micro averages (all event-type pairs pooled), hamming loss (the share of wrong event-type
 * decisions) and cost-weighted accuracy ({@link CostMatrix}). Stateless.
 */
public final class Evaluation {

  private final Thresholds thresholds;
  private final CostMatrix costs;

  /** An evaluation at {@code thresholds} with {@code costs}. */
  public Evaluation(Thresholds thresholds, CostMatrix costs) {
    this.thresholds = thresholds;
    this.costs = costs;
  }

  /**
   * Evaluates {@code events}.
   *
   * @throws IllegalArgumentException when no event has both a label and a score
   */
  public EvaluationReport evaluate(ScoredEvents events) {
    if (events.size() == 0) {
      throw new IllegalArgumentException("no event has both a label and a score: check that the "
          + "scores were computed on the labelled data set (" + events.labelled() + " labelled, "
          + events.unlabelled() + " scored without a label)");
    }
    List<TypeResult> types = new ArrayList<>();
    for (AnomalyType type : AnomalyType.values()) {
      types.add(typeResult(type, events.scores(type), events.truth(type)));
    }
    return new EvaluationReport(events.size(), events.labelled(), events.unscored(), events.unlabelled(),
        events.problemCount(), events.problems(), types, macro(types), micro(types, events),
        hammingLoss(types, events.size()), cost(types, false), cost(types, true), costs);
  }

  private TypeResult typeResult(AnomalyType type, float[] scores, boolean[] truth) {
    long tp = 0;
    long fp = 0;
    long fn = 0;
    long tn = 0;
    for (int i = 0; i < scores.length; i++) {
      boolean reported = thresholds.reports(type, scores[i]);
      if (truth[i]) {
        tp += reported ? 1 : 0;
        fn += reported ? 0 : 1;
      } else {
        fp += reported ? 1 : 0;
        tn += reported ? 0 : 1;
      }
    }
    return new TypeResult(type, tp + fn, fp + tn, RankingMetrics.rocAuc(scores, truth),
        RankingMetrics.averagePrecision(scores, truth), thresholds.get(type), tp, fp, fn, tn);
  }

  private static EvaluationReport.Averages macro(List<TypeResult> types) {
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    for (TypeResult type : types) {
      precision += type.precision();
      recall += type.recall();
      f1 += type.f1();
    }
    int n = types.size();
    return new EvaluationReport.Averages(precision / n, recall / n, f1 / n,
        meanOfDefined(types, true), meanOfDefined(types, false));
  }

  private static double meanOfDefined(List<TypeResult> types, boolean auc) {
    double sum = 0;
    int defined = 0;
    for (TypeResult type : types) {
      double value = auc ? type.rocAuc() : type.averagePrecision();
      if (!Double.isNaN(value)) {
        sum += value;
        defined++;
      }
    }
    return defined == 0 ? Double.NaN : sum / defined;
  }

  private static EvaluationReport.Averages micro(List<TypeResult> types, ScoredEvents events) {
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (TypeResult type : types) {
      tp += type.truePositives();
      fp += type.falsePositives();
      fn += type.falseNegatives();
    }
    int n = events.size();
    float[] pooledScores = new float[n * AnomalyType.COUNT];
    boolean[] pooledTruth = new boolean[n * AnomalyType.COUNT];
    for (AnomalyType type : AnomalyType.values()) {
      System.arraycopy(events.scores(type), 0, pooledScores, type.ordinal() * n, n);
      System.arraycopy(events.truth(type), 0, pooledTruth, type.ordinal() * n, n);
    }
    double precision = TypeResult.ratio(tp, tp + fp);
    double recall = TypeResult.ratio(tp, tp + fn);
    return new EvaluationReport.Averages(precision, recall, TypeResult.f1(precision, recall),
        RankingMetrics.rocAuc(pooledScores, pooledTruth), RankingMetrics.averagePrecision(pooledScores, pooledTruth));
  }

  private static double hammingLoss(List<TypeResult> types, int events) {
    long wrong = 0;
    for (TypeResult type : types) {
      wrong += type.falsePositives() + type.falseNegatives();
    }
    return (double) wrong / ((long) events * types.size());
  }

  /** The cost of the decisions made, or with {@code worst} the cost of every decision wrong. */
  private double cost(List<TypeResult> types, boolean worst) {
    double total = 0;
    for (TypeResult type : types) {
      long misses = worst ? type.positives() : type.falseNegatives();
      long alarms = worst ? type.negatives() : type.falsePositives();
      total += misses * costs.missCost(type.type()) + alarms * costs.falseAlarmCost(type.type());
    }
    return total;
  }
}
