package org.barcodeanomaly.lstm.workflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.barcodeanomaly.api.detector.DetectorOptions;
import org.barcodeanomaly.api.detector.DetectorUnavailableException;
import org.barcodeanomaly.api.detector.ScoreTable;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.event.ScanEvent;
import org.barcodeanomaly.evaluation.data.LabelledEvents;
import org.barcodeanomaly.lstm.data.SequenceSet;
import org.barcodeanomaly.lstm.eval.EventScores;
import org.barcodeanomaly.pluginhost.PluginDirectory;

/**
 * Scores the held-out events with another detector loaded from the plugins directory (the rule
 * detector) through plugin-host, the way every host loads it, so the report shows both on the
 * same events.
 */
final class PeerDetector {

  private PeerDetector() {
  }

  /**
   * Scores of detector {@code name} on the real steps of {@code set}, in the order
   * {@code Predictor.scores} uses; empty when the plugin is not there (the report says so).
   */
  static Optional<EventScores> score(String name, Path pluginsDir, Path modelsDir,
      LabelledEvents data, SequenceSet set) throws Exception {
    if (pluginsDir == null) {
      return Optional.empty();
    }
    List<ScanEvent> events = new ArrayList<>();
    List<Integer> sources = new ArrayList<>();
    int steps = set.batch().maxLength();
    for (int s = 0; s < set.count(); s++) {
      for (int t = 0; t < set.batch().lengths()[s]; t++) {
        int source = set.sourceEvent()[s * steps + t];
        sources.add(source);
        events.add(data.events().get(source));
      }
    }
    try (PluginDirectory.OpenDetector open = PluginDirectory.open(pluginsDir, name,
        new DetectorOptions().setModelsDir(modelsDir))) {
      ScoreTable table = open.detector().score(events);
      float[] scores = new float[events.size() * AnomalyType.COUNT];
      float[] labels = new float[scores.length];
      for (int i = 0; i < events.size(); i++) {
        for (AnomalyType type : AnomalyType.values()) {
          scores[i * AnomalyType.COUNT + type.ordinal()] = table.get(i, type);
        }
        data.copyLabels(sources.get(i), labels, i * AnomalyType.COUNT);
      }
      return Optional.of(new EventScores(scores, labels));
    } catch (DetectorUnavailableException e) {
      return Optional.empty();
    }
  }
}
