package org.barcodeanomaly.simulator;

import java.util.Map;
import org.barcodeanomaly.simulator.anomaly.AnomalyVariant;

/**
 * What a run wrote.
 *
 * @param options        the options it ran with
 * @param rowsPerFile    rows of each scan file, by file name ({@code icn}, ...), in write order
 * @param events         rows of all files together
 * @param epcs           EPCs generated
 * @param anomalousEpcs  EPCs that carry an injected anomaly
 * @param labelledEvents events labelled per anomaly type, by contract name, in column order
 * @param variants       EPCs injected per variant id, in catalogue order
 * @param noiseEvents    events written per noise kind id (a duplicate row counts once)
 */
public record SimulationSummary(SimulationOptions options, Map<String, Long> rowsPerFile, long events,
    long epcs, long anomalousEpcs, Map<String, Long> labelledEvents, Map<String, Long> variants,
    Map<String, Long> noiseEvents) {

  /** EPCs injected with {@code variant}. */
  public long count(AnomalyVariant variant) {
    return variants.getOrDefault(variant.id(), 0L);
  }
}
