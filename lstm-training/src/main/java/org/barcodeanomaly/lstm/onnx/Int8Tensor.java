package org.barcodeanomaly.lstm.onnx;

/**
 * Symmetric int8 quantisation of a float tensor split into {@code groups} equal consecutive
 * parts (1 = per tensor; 2 = per LSTM direction): {@code q = round(w / scale)} in
 * {@code [−127, 127]}, {@code scale = max|w| / 127} per group, zero point 0.
 *
 * @param values quantised values
 * @param scales one scale per group
 */
record Int8Tensor(byte[] values, float[] scales) {

  static Int8Tensor of(float[] weights, int groups) {
    byte[] values = new byte[weights.length];
    float[] scales = new float[groups];
    int size = weights.length / groups;
    for (int g = 0; g < groups; g++) {
      float max = 0;
      for (int i = g * size; i < (g + 1) * size; i++) {
        max = Math.max(max, Math.abs(weights[i]));
      }
      float scale = max == 0 ? 1f : max / 127f;
      scales[g] = scale;
      for (int i = g * size; i < (g + 1) * size; i++) {
        values[i] = (byte) Math.max(-127, Math.min(127, Math.round(weights[i] / scale)));
      }
    }
    return new Int8Tensor(values, scales);
  }
}
