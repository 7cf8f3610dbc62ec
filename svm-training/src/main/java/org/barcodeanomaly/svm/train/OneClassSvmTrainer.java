package org.barcodeanomaly.svm.train;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import libsvm.svm;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.features.Feature;
import org.barcodeanomaly.svm.model.TypeModel;
import org.tribuo.MutableDataset;
import org.tribuo.anomaly.AnomalyFactory;
import org.tribuo.anomaly.Event;
import org.tribuo.anomaly.libsvm.LibSVMAnomalyTrainer;
import org.tribuo.anomaly.libsvm.SVMAnomalyType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.LibSVMModel;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains one Tribuo one-class RBF SVM on scaled feature vectors of normal events.
 *
 * <p>libsvm prints its optimisation progress to standard output and Tribuo logs every model it
 * trains; both would drown the training command's own progress and corrupt any output piped
 * from it, so this class silences them once, for the whole process.
 */
public final class OneClassSvmTrainer {

  /** libsvm's kernel cache in MB: larger than its 100 MB default, which thrashes above ~20k points. */
  private static final double CACHE_MB = 500;
  /** Held so the logging configuration is not garbage-collected with the logger. */
  private static final Logger TRIBUO_LOGGER = Logger.getLogger("org.tribuo");

  static {
    svm.svm_set_print_string_function(message -> { });
    TRIBUO_LOGGER.setLevel(Level.WARNING);
  }

  private OneClassSvmTrainer() {
  }

  /** One SVM's hyper-parameters: ν bounds the fraction of training events left outside, γ the kernel width. */
  public record Hyperparameters(double nu, double gamma) {
    /** Checks the ranges libsvm accepts. */
    public Hyperparameters {
      if (!(nu > 0 && nu <= 1) || !(gamma > 0) || !Double.isFinite(gamma)) {
        throw new IllegalArgumentException("nu must be in (0, 1] and gamma > 0; got nu=" + nu
            + ", gamma=" + gamma);
      }
    }
  }

  /**
   * Trains on {@code rows} (already scaled, one per normal event; each row's length equals
   * {@code features.length}).
   *
   * @throws IllegalArgumentException when there are no rows
   */
  public static LibSVMModel<Event> train(AnomalyType type, Feature[] features, double[][] rows,
      Hyperparameters hyperparameters, long seed) {
    if (rows.length == 0) {
      throw new IllegalArgumentException(type.contractName() + ": no normal training event; "
          + "the data set must contain normal traffic");
    }
    AnomalyFactory factory = new AnomalyFactory();
    MutableDataset<Event> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(
        "normal events scaled for " + type.contractName(), factory), factory);
    String[] names = new String[features.length + 1];
    for (int k = 0; k < features.length; k++) {
      names[k] = features[k].id();
    }
    names[features.length] = TypeModel.CONSTANT_FEATURE;
    for (double[] row : rows) {
      double[] values = new double[names.length];
      System.arraycopy(row, 0, values, 0, features.length);
      values[features.length] = 1;
      dataset.add(new ArrayExample<>(AnomalyFactory.EXPECTED_EVENT, names, values));
    }
    SVMParameters<Event> parameters = new SVMParameters<>(
        new SVMAnomalyType(SVMAnomalyType.SVMMode.ONE_CLASS), KernelType.RBF);
    parameters.setNu(hyperparameters.nu());
    parameters.setGamma(hyperparameters.gamma());
    parameters.setCacheSize(CACHE_MB);
    Map<String, Provenance> instance = Map.of("anomalyType",
        new StringProvenance("anomalyType", type.contractName()));
    return (LibSVMModel<Event>) new LibSVMAnomalyTrainer(parameters, seed).train(dataset, instance);
  }
}
