package org.barcodeanomaly.api.contract;

import java.util.ArrayList;
import java.util.List;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.detector.Thresholds;

/**
 * Answers a read request with one detector: each file batch is scored on its own, as the
 * contract requires (a file's events never influence another file's scores).
 */
public final class ContractAnalysis {

  private ContractAnalysis() {
  }

  /**
   * Scores every file of {@code request} with {@code detector}.
   *
   * @param method  the response's {@code method}, e.g. the detector's version
   * @param warning the response's {@code warning} (a fallback explanation), or {@code null}
   * @throws IllegalStateException when the detector does not return one score row per event
   */
  public static ContractResponse analyze(ContractRequest request, Detector detector, String method,
      String warning) {
    Thresholds thresholds = detector.thresholds();
    List<FileResult> results = new ArrayList<>(request.files().size());
    for (FileBatch batch : request.files()) {
      ScoreTable scores = detector.score(batch.events());
      try {
        results.add(new FileResult(batch, scores, thresholds));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("detector " + detector.name() + ": " + e.getMessage(), e);
      }
    }
    return new ContractResponse(results, method, warning, request.rejected());
  }
}
