package org.barcodeanomaly.svm.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * How a saved SVM model was made: enough to reproduce it and to tell two models apart. Written
 * into the model directory's manifest beside each Tribuo model (which carries Tribuo's own
 * provenance of the trainer and its parameters).
 *
 * @param version         the model version reported by the detector, e.g. {@code svm-20261125-1a2b3c4d}
 * @param createdAt       when training finished
 * @param seed            the seed of the split, the subsampling and libsvm
 * @param dataHash        SHA-256 of the training data files, {@code sha256:<hex>}
 * @param dataSource      what the data was (directory name, events, EPCs)
 * @param tribuoVersion   Tribuo's version at training time
 * @param trainingCommand the command line that trained it
 * @param details         further facts (split sizes, grids, label source), name to value
 */
public record SvmProvenance(String version, Instant createdAt, long seed, String dataHash,
    String dataSource, String tribuoVersion, String trainingCommand, Map<String, String> details) {

  /** Checks that nothing is missing; copies the details. */
  public SvmProvenance {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(dataHash, "dataHash");
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(tribuoVersion, "tribuoVersion");
    Objects.requireNonNull(trainingCommand, "trainingCommand");
    details = Map.copyOf(details);
  }
}
