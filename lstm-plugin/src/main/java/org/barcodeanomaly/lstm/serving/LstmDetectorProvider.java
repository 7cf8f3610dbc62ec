package org.barcodeanomaly.lstm.serving;

import com.github.benmanes.caffeine.cache.Ticker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.DetectorOptions;
import org.barcodeanomaly.api.detector.DetectorProvider;
import org.barcodeanomaly.api.detector.DetectorUnavailableException;
import org.barcodeanomaly.lstm.model.LstmModelSpec;
import org.barcodeanomaly.lstm.runtime.OnnxRuntimeOptions;

/**
 * Creates the {@value #NAME} detector from {@code <modelsDir>/lstm}: {@code model.onnx} (or
 * {@code model-int8.onnx} with {@code lstm.precision=int8}) and {@link LstmModelSpec#FILE_NAME}.
 *
 * <p>Settings: {@code lstm.precision} = {@code fp32} (default) or {@code int8};
 * {@code lstm.threads} = ONNX Runtime intra-op threads (default 2, the cores of this project's
 * servers); {@code lstm.device} = {@code cpu} (default) or {@code cuda}, which tries the CUDA
 * execution provider of the {@code onnxruntime_gpu} build and falls back to the CPU. Streaming
 * buffer bounds ({@link StreamingOptions}): {@value StreamingOptions#MAX_EPCS} (default
 * 200,000), {@value StreamingOptions#IDLE_TIMEOUT} (ISO-8601, default {@code P60D}),
 * {@value StreamingOptions#AFTER_SALE_WINDOW} (default {@code P14D}) and
 * {@value StreamingOptions#MAX_EVENTS_PER_EPC} (default twice the model's sequence length); a
 * value outside its range is refused with an {@link IllegalArgumentException} naming the setting,
 * the value and what is allowed.
 */
public final class LstmDetectorProvider implements DetectorProvider {

  /** The detector's name. */
  public static final String NAME = "lstm";
  /** File of the FP32 network. */
  public static final String FP32_FILE = "model.onnx";
  /** File of the dynamically quantised network. */
  public static final String INT8_FILE = "model-int8.onnx";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Detector create(DetectorOptions options) throws DetectorUnavailableException {
    return create(options, Ticker.systemTicker());
  }

  /**
   * {@link #create(DetectorOptions)} with a streaming buffer that counts idle time and the
   * after-sale window by {@code ticker}, for tests that move time by hand.
   */
  LstmDetector create(DetectorOptions options, Ticker ticker) throws DetectorUnavailableException {
    Path directory = options.modelDir(NAME);
    String precision = options.getSetting("lstm.precision", "fp32");
    if (!precision.equals("fp32") && !precision.equals("int8")) {
      throw new DetectorUnavailableException("setting lstm.precision=" + precision
          + " is not supported: use fp32 or int8");
    }
    Path model = directory.resolve(precision.equals("int8") ? INT8_FILE : FP32_FILE);
    if (!Files.isRegularFile(model) || !Files.isRegularFile(directory.resolve(LstmModelSpec.FILE_NAME))) {
      throw new DetectorUnavailableException("no LSTM model in " + directory.toAbsolutePath()
          + ": it needs " + model.getFileName() + " and " + LstmModelSpec.FILE_NAME
          + "; train one with `anomaly train-lstm --data DIR --out " + directory
          + "` (precision " + precision + ")");
    }
    OnnxRuntimeOptions runtime = new OnnxRuntimeOptions()
        .setIntraOpThreads(threads(options.getSetting("lstm.threads", "2")))
        .setCuda(options.getSetting("lstm.device", "cpu").equals("cuda"));
    LstmModelSpec spec = readSpec(directory);
    StreamingOptions streaming = StreamingOptions.fromSettings(options, spec.maxLength());
    try {
      return new LstmDetector(spec, model, runtime, streaming, ticker);
    } catch (Exception e) {
      throw new DetectorUnavailableException("the LSTM model in " + directory.toAbsolutePath()
          + " cannot be loaded (" + e.getMessage() + "); re-export it with `anomaly export-onnx`", e);
    }
  }

  private static LstmModelSpec readSpec(Path directory) throws DetectorUnavailableException {
    try {
      return LstmModelSpec.read(directory);
    } catch (IOException | RuntimeException e) {
      throw new DetectorUnavailableException(directory.resolve(LstmModelSpec.FILE_NAME).toAbsolutePath()
          + " cannot be read (" + e.getMessage() + "); retrain with `anomaly train-lstm`", e);
    }
  }

  private static int threads(String value) throws DetectorUnavailableException {
    try {
      int threads = Integer.parseInt(value.trim());
      if (threads >= 1) {
        return threads;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted range
    }
    throw new DetectorUnavailableException("setting lstm.threads=" + value + " must be an integer >= 1");
  }
}
