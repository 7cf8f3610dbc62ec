package org.barcodeanomaly.gateway.plugin;

/** Told of every plugin load outcome, so that loads and failures can be counted in metrics. */
public interface PluginLoadListener {

  /** Detector {@code detectorId} passed its self-test and is now in service. */
  void loaded(String detectorId);

  /** {@code subject} (a jar file name or a detector id) failed at {@code stage}. */
  void failed(String subject, LoadStage stage);

  /** A listener that ignores everything. */
  PluginLoadListener NONE = new PluginLoadListener() {
    @Override
    public void loaded(String detectorId) {
    }

    @Override
    public void failed(String subject, LoadStage stage) {
    }
  };
}
