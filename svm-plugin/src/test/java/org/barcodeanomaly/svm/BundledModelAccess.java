package org.barcodeanomaly.svm;

import org.barcodeanomaly.api.detector.DetectorUnavailableException;
import org.barcodeanomaly.svm.model.SvmModel;

/** The bundled model for tests in other packages of this module. */
public final class BundledModelAccess {

  private BundledModelAccess() {
  }

  /** The bundled SVM model. */
  public static SvmModel model() throws DetectorUnavailableException {
    return BundledModel.detector().model();
  }
}
