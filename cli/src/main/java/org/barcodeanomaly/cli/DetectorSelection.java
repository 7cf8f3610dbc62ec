package org.barcodeanomaly.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.barcodeanomaly.api.detector.DetectorOptions;
import org.barcodeanomaly.api.detector.DetectorUnavailableException;
import org.barcodeanomaly.pluginhost.AnomalyHome;
import org.barcodeanomaly.pluginhost.PluginDirectory;
import picocli.CommandLine.Option;

/**
 * The options that choose a detector ({@code --detector}, {@code --plugins}, {@code --models}),
 * shared by every command that scores, and the loading of that detector from the plugins
 * directory: the same mechanism the gateway uses, never compile-time wiring.
 */
public final class DetectorSelection {

  @Option(names = "--detector", defaultValue = "rule",
      description = "Detector to use: rule, svm or lstm (default: ${DEFAULT-VALUE}).")
  String detector;

  @Option(names = "--plugins", paramLabel = "DIR",
      description = "Directory of detector plugin jars (default: <home>/plugins).")
  Path plugins;

  @Option(names = "--models", paramLabel = "DIR",
      description = "Directory of models, one sub-directory per detector (default: <home>/models).")
  Path models;

  /**
   * Loads the chosen detector from the plugins directory through plugin-host, as every host does.
   *
   * @throws IOException when the directory cannot be read
   * @throws DetectorUnavailableException when no plugin provides it or its model cannot load;
   *     the message lists what is available
   */
  public PluginDirectory.OpenDetector open() throws IOException, DetectorUnavailableException {
    return PluginDirectory.open(plugins == null ? AnomalyHome.pluginsDir() : plugins, detector,
        new DetectorOptions().setModelsDir(models == null ? AnomalyHome.modelsDir() : models));
  }
}
