package org.barcodeanomaly.lstm.training;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hyper-parameters of the LSTM network and its optimiser; saved in the model's provenance.
 *
 * @param featureCount     inputs per step
 * @param maxLength        steps per sequence
 * @param hidden           LSTM units per direction (two bidirectional layers)
 * @param heads            self-attention heads
 * @param headSize         projection size per head
 * @param dense            units of the dense head before the output
 * @param maxLearningRate  peak of the one-cycle schedule
 * @param weightDecay      decoupled weight decay (AdamW-style, applied after the Adam step)
 * @param focalAlpha       focal loss balance
 * @param focalGamma       focal loss focus
 * @param seed             weight-initialisation and shuffling seed
 */
public record NetworkSettings(int featureCount, int maxLength, int hidden, int heads, int headSize,
    int dense, double maxLearningRate, double weightDecay, double focalAlpha, double focalGamma,
    long seed) {

  /** The architecture of issue 6 (hidden 64, 4 heads of 32, dense 64) for {@code featureCount} inputs. */
  public static NetworkSettings standard(int featureCount, int maxLength, long seed) {
    return new NetworkSettings(featureCount, maxLength, 64, 4, 32, 64, 2e-3, 1e-4, 0.25, 2.0, seed);
  }

  /** Width of the attention output (heads × head size). */
  public int attentionSize() {
    return heads * headSize;
  }

  /** The settings as ordered name/value pairs, for provenance. */
  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("featureCount", featureCount);
    map.put("maxLength", maxLength);
    map.put("lstmLayers", 2);
    map.put("lstmHiddenPerDirection", hidden);
    map.put("attentionHeads", heads);
    map.put("attentionHeadSize", headSize);
    map.put("denseUnits", dense);
    map.put("maxLearningRate", maxLearningRate);
    map.put("schedule", "one-cycle, 30% warm-up from max/25, cosine to max/1e4");
    map.put("optimizer", "Adam + decoupled weight decay");
    map.put("weightDecay", weightDecay);
    map.put("loss", "focal");
    map.put("focalAlpha", focalAlpha);
    map.put("focalGamma", focalGamma);
    map.put("seed", seed);
    return map;
  }
}
