package org.barcodeanomaly.gateway.routing;

import java.util.List;
import org.barcodeanomaly.api.contract.FileResult;
import org.barcodeanomaly.api.event.AnomalyType;

/**
 * How far several detectors' answers to the same request agree, per anomaly type: an event
 * agrees for a type when every detector reported it for that type, or none did. Used by the
 * comparison endpoint and by shadow scoring. Immutable.
 */
public final class Agreement {

  private final long[] agreeing = new long[AnomalyType.COUNT];
  private final long[] disagreeing = new long[AnomalyType.COUNT];

  private Agreement() {
  }

  /**
   * Compares {@code answers}, which must all answer the same request.
   *
   * @throws IllegalArgumentException when the answers do not cover the same files and events
   */
  public static Agreement of(List<Scored> answers) {
    Agreement agreement = new Agreement();
    if (answers.isEmpty()) {
      return agreement;
    }
    List<FileResult> reference = answers.get(0).response().files();
    for (int file = 0; file < reference.size(); file++) {
      int events = reference.get(file).batch().events().size();
      for (int event = 0; event < events; event++) {
        agreement.judge(answers, file, event, events);
      }
    }
    return agreement;
  }

  private void judge(List<Scored> answers, int file, int event, int events) {
    for (AnomalyType type : AnomalyType.values()) {
      int reporters = 0;
      for (Scored answer : answers) {
        FileResult result = answer.response().files().get(file);
        if (result.batch().events().size() != events) {
          throw new IllegalArgumentException("answers of " + answers.get(0).detectorId() + " and "
              + answer.detectorId() + " do not cover the same events");
        }
        if (result.reported(event, type)) {
          reporters++;
        }
      }
      if (reporters == 0 || reporters == answers.size()) {
        agreeing[type.ordinal()]++;
      } else {
        disagreeing[type.ordinal()]++;
      }
    }
  }

  /** Events for which all detectors gave the same verdict on {@code type}. */
  public long agreeing(AnomalyType type) {
    return agreeing[type.ordinal()];
  }

  /** Events for which the detectors' verdicts on {@code type} differ. */
  public long disagreeing(AnomalyType type) {
    return disagreeing[type.ordinal()];
  }
}
