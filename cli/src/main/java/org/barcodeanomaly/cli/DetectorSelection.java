package org.barcodeanomaly.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.DetectorOptions;
import org.barcodeanomaly.api.detector.DetectorProvider;
import org.barcodeanomaly.api.detector.DetectorUnavailableException;
import org.barcodeanomaly.gateway.plugin.PluginDirectory;
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

  /** A detector with its plugin directory; closing it closes both. */
  public record OpenDetector(Detector detector, PluginDirectory plugins) implements AutoCloseable {
    @Override
    public void close() {
      detector.close();
      plugins.close();
    }
  }

  /**
   * Loads the chosen detector from the plugins directory.
   *
   * @throws IOException when the directory cannot be read
   * @throws DetectorUnavailableException when no plugin provides it or its model cannot load;
   *     the message lists what is available
   */
  public OpenDetector open() throws IOException, DetectorUnavailableException {
    PluginDirectory directory = PluginDirectory.scan(plugins == null ? LauncherHome.pluginsDir() : plugins);
    try {
      DetectorProvider provider = directory.provider(detector).orElseThrow(() -> notFound(directory));
      DetectorOptions options = new DetectorOptions()
          .setModelsDir(models == null ? LauncherHome.modelsDir() : models);
      return new OpenDetector(provider.create(options), directory);
    } catch (DetectorUnavailableException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  private DetectorUnavailableException notFound(PluginDirectory directory) {
    StringBuilder message = new StringBuilder("no plugin in ").append(directory.directory())
        .append(" provides detector '").append(detector).append("'; available: ")
        .append(directory.providerNames().isEmpty() ? "none" : String.join(", ", directory.providerNames()));
    for (PluginDirectory.Failure failure : directory.failures()) {
      message.append("; failed to load ").append(failure.reason());
    }
    message.append(". Build the plugins with `mvn -B -ntp -DskipTests package`.");
    return new DetectorUnavailableException(message.toString());
  }
}
