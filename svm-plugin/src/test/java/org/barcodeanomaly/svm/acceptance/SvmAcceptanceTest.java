package org.barcodeanomaly.svm.acceptance;

import java.nio.file.Path;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.DetectorOptions;
import org.barcodeanomaly.evaluation.acceptance.AcceptanceBars;
import org.barcodeanomaly.evaluation.acceptance.DetectorAcceptanceKit;
import org.barcodeanomaly.svm.SvmDetectorProvider;

/**
 * The bundled SVM model on data it never came near: the independent reference trails (not the
 * product's simulator, which made its training data), held to the SVM's bars of the acceptance kit.
 */
class SvmAcceptanceTest extends DetectorAcceptanceKit {

  @Override
  protected Detector openDetector() throws Exception {
    return new SvmDetectorProvider().create(new DetectorOptions().setModelsDir(Path.of("..", "models")));
  }

  @Override
  protected AcceptanceBars bars() {
    return AcceptanceBars.operatorGrade();
  }
}
