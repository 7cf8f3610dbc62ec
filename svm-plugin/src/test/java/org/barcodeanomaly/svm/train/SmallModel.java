package org.barcodeanomaly.svm.train;

import java.util.BitSet;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.features.FeatureExtractor;
import org.barcodeanomaly.rule.acceptance.LabelledBatch;
import org.barcodeanomaly.rule.acceptance.ReferenceTrails;

/** A model trained in seconds on reference trails, for tests that need one of their own. */
public final class SmallModel {

  private SmallModel() {
  }

  /** Reference trails as labelled events. */
  public static LabelledEvents labelled(LabelledBatch batch) {
    BitSet[] labels = new BitSet[AnomalyType.COUNT];
    for (int t = 0; t < labels.length; t++) {
      labels[t] = new BitSet(batch.size());
    }
    for (int i = 0; i < batch.size(); i++) {
      for (AnomalyType type : batch.labels().get(i)) {
        labels[type.ordinal()].set(i);
      }
    }
    return new LabelledEvents(batch.events(), labels);
  }

  /** Trains on 3,000 reference EPCs, 30 % anomalous, with a small grid. */
  public static SvmTrainer.Outcome train() {
    LabelledEvents data = labelled(new ReferenceTrails(17).generate(3_000, 0.3));
    TrainingOptions options = new TrainingOptions().setTrainingEventsPerType(2_000)
        .setNuGrid(0.01).setGammaFactors(0.5, 2);
    return new SvmTrainer(options, FeatureExtractor.standard()).train(data,
        new SvmTrainer.DataDescription("sha256:0123456789abcdef", "reference trails (test)", "SmallModel.train()"));
  }
}
