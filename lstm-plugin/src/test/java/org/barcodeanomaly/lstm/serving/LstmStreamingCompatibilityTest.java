package org.barcodeanomaly.lstm.serving;

import java.util.Map;
import org.barcodeanomaly.api.detector.StreamingDetector;
import org.barcodeanomaly.contract.KitClock;
import org.barcodeanomaly.contract.StreamingBounds;
import org.barcodeanomaly.contract.StreamingDetectorCompatibilityKit;
import org.junit.jupiter.api.DisplayName;

/**
 * The LSTM detector, with the model bundled in {@code models/lstm}, keeps the streaming contract:
 * arrivals judged with their EPC's history however calls are split, retries buffered once, trails
 * handed over on a swap, every buffer bound and the sale watch, thread safety. The kit's bounds
 * reach the detector as the {@code lstm.stream.*} settings an operator would write.
 */
@DisplayName("LstmDetector streaming compatibility (bundled model)")
class LstmStreamingCompatibilityTest extends StreamingDetectorCompatibilityKit {

  @Override
  protected StreamingDetector createDetector(StreamingBounds bounds, KitClock clock) {
    return BundledModel.detector(Map.of(
        StreamingOptions.MAX_EPCS, Long.toString(bounds.maxEpcs()),
        StreamingOptions.MAX_EVENTS_PER_EPC, Integer.toString(bounds.maxEventsPerEpc()),
        StreamingOptions.IDLE_TIMEOUT, bounds.idleTimeout().toString(),
        StreamingOptions.AFTER_SALE_WINDOW, bounds.saleWatch().toString()), clock::nanoTime);
  }
}
