package org.barcodeanomaly.svm.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.api.explain.EventContribution;
import org.barcodeanomaly.api.explain.Explanation;
import org.barcodeanomaly.api.explain.FeatureContribution;
import org.barcodeanomaly.api.explain.TypeEvidence;
import org.barcodeanomaly.features.Feature;
import org.barcodeanomaly.features.FeatureMatrix;
import org.barcodeanomaly.features.Trails;
import org.barcodeanomaly.svm.model.SvmModel;
import org.barcodeanomaly.svm.model.TypeModel;

/**
 * Explains the SVM's reports: for each reported type, each of the type model's features with its
 * contribution to the decision ({@link DecisionAttribution}), and a sentence naming the features
 * that moved it most with their value against the normal centre.
 *
 * <p>The SVM judges each event by its own feature vector (whose features describe the event's move
 * from the event before it), so the explained event carries the whole difference; no other event
 * of the trail is blamed. The explained value is {@code −logRatio} (how far outside the normal region),
 * its baseline that of the training centre; the contributions add up to their difference within the
 * quadrature error. Immutable and thread-safe.
 */
public final class SvmExplainer {

  /** The method name in every evidence. */
  public static final String METHOD = "integrated-gradients";
  /** Features named in a sentence. */
  private static final int NAMED = 2;

  private final SvmModel model;
  private final String detectorName;

  /** Explains the reports of {@code model}, served under {@code detectorName}. */
  public SvmExplainer(SvmModel model, String detectorName) {
    this.model = model;
    this.detectorName = detectorName;
  }

  /** One explanation per reported event of {@code events}, in batch order. */
  public List<Explanation> explain(List<ScanEvent> events) {
    ScoreTable scores = model.score(events);
    Trails trails = Trails.group(events);
    FeatureMatrix matrix = null;
    int[] rowOf = null;
    List<Explanation> explanations = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      List<AnomalyType> reported = reported(scores, i);
      if (reported.isEmpty()) {
        continue;
      }
      if (matrix == null) {
        matrix = model.extractor().extract(trails, 0, trails.count());
        rowOf = rows(matrix, events.size());
      }
      List<TypeEvidence> types = new ArrayList<>();
      for (AnomalyType type : reported) {
        types.add(evidence(events.get(i), i, type, scores.get(i, type), matrix, rowOf[i]));
      }
      ScanEvent event = events.get(i);
      explanations.add(new Explanation(i, event.eventId(), event.epcCode(), detectorName,
          model.provenance().modelVersion(), types));
    }
    return explanations;
  }

  private List<AnomalyType> reported(ScoreTable scores, int event) {
    List<AnomalyType> reported = new ArrayList<>();
    for (AnomalyType type : AnomalyType.values()) {
      if (model.thresholds().reports(type, scores.get(event, type))) {
        reported.add(type);
      }
    }
    return reported;
  }

  private static int[] rows(FeatureMatrix matrix, int events) {
    int[] rowOf = new int[events];
    for (int row = 0; row < matrix.rows(); row++) {
      rowOf[matrix.eventIndex(row)] = row;
    }
    return rowOf;
  }

  private TypeEvidence evidence(ScanEvent event, int index, AnomalyType type, float score, FeatureMatrix matrix, int row) {
    TypeModel typeModel = model.type(type);
    Feature[] features = typeModel.features();
    double[] raw = new double[features.length];
    matrix.copySelected(row, features, raw);
    double[] scaled = raw.clone();
    typeModel.scaler().scaleInPlace(scaled);
    double value = -typeModel.decisionFunction().logRatio(scaled);
    double baseline = -typeModel.decisionFunction().logRatio(new double[features.length]);
    double[] contributions = new DecisionAttribution(typeModel.decisionFunction()).contributions(scaled);
    List<FeatureContribution> byFeature = new ArrayList<>();
    for (int k = 0; k < features.length; k++) {
      byFeature.add(new FeatureContribution(features[k].id(), raw[k], contributions[k]));
    }
    byFeature.sort(TypeEvidence.BY_FEATURE_MAGNITUDE);
    float threshold = model.thresholds().get(type);
    return new TypeEvidence(type, score, threshold, METHOD, sentence(type, score, threshold, byFeature, typeModel),
        value, baseline, List.of(new EventContribution(index, event.eventId(), "scored", value - baseline)), byFeature);
  }

  private static String sentence(AnomalyType type, float score, float threshold, List<FeatureContribution> ranked,
      TypeModel typeModel) {
    Feature[] features = typeModel.features();
    double[] centre = typeModel.scaler().centre();
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "outside the %s SVM's normal region (score %.3g, threshold %.3g), mostly because of ",
        type.contractName(), score, threshold));
    int named = 0;
    for (FeatureContribution feature : ranked) {
      if (named == NAMED || feature.contribution() <= 0) {
        break;
      }
      int column = column(features, feature.feature());
      out.append(named == 0 ? "" : " and ").append(String.format(Locale.ROOT, "%s = %.3g (normal about %.3g)",
          feature.feature(), feature.value(), centre[column]));
      named++;
    }
    if (named == 0) {
      out.append("the combination of its features, none alone");
    }
    return out.toString();
  }

  private static int column(Feature[] features, String id) {
    for (int k = 0; k < features.length; k++) {
      if (features[k].id().equals(id)) {
        return k;
      }
    }
    throw new IllegalStateException("feature " + id + " is not one of the type model's");
  }
}
