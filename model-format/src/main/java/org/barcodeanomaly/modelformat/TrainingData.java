package org.barcodeanomaly.modelformat;

import java.util.Objects;

/**
 * The labelled data a model was trained on, as its provenance records it: enough to tell two
 * models' data apart (the hash) and to make the data again (the recipe).
 *
 * @param source what the data was, e.g. the simulator output directory
 * @param sha256 the data set's hash, {@code sha256:<hex>}, computed by the evaluation module's one
 *     labelled-data reader, so two detectors trained on the same files record the same hash
 * @param events labelled events read
 * @param recipe the command that made the data (e.g. {@code bin/anomaly simulate ...}), or null
 *     when the data did not come from the simulator or the model predates recipes
 */
public record TrainingData(String source, String sha256, long events, String recipe) {

  /** Checks the hash's form and that nothing required is missing. */
  public TrainingData {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sha256, "sha256");
    if (!sha256.startsWith("sha256:")) {
      throw new IllegalArgumentException("data hash must read sha256:<hex>, was " + sha256);
    }
    if (events < 0) {
      throw new IllegalArgumentException("events must be >= 0, was " + events);
    }
  }
}
