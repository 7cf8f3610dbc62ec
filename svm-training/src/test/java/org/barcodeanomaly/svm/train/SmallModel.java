package org.barcodeanomaly.svm.train;

import org.barcodeanomaly.evaluation.data.LabelledEvents;
import org.barcodeanomaly.evaluation.reference.ReferenceTrails;
import org.barcodeanomaly.features.FeatureExtractor;
import org.barcodeanomaly.modelformat.TrainingData;

/** A model trained in seconds on reference trails, for tests that need one of their own. */
public final class SmallModel {

  private SmallModel() {
  }

  /** Trains on 3,000 reference EPCs, 30 % anomalous, with a small grid. */
  public static SvmTrainer.Outcome train() {
    LabelledEvents data = new ReferenceTrails(17).generate(3_000, 0.3).toLabelledEvents();
    TrainingOptions options = new TrainingOptions().setTrainingEventsPerType(2_000)
        .setNuGrid(0.01).setGammaFactors(0.5, 2);
    return new SvmTrainer(options, FeatureExtractor.standard()).train(data,
        new SvmTrainer.DataDescription(new TrainingData("reference trails (test)",
            "sha256:0123456789abcdef", data.size(), null), "SmallModel.train()"));
  }
}
