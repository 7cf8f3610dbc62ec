package org.barcodeanomaly.svm.cli;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.DetectorOptions;
import org.barcodeanomaly.api.detector.DetectorProvider;
import org.barcodeanomaly.api.detector.DetectorUnavailableException;

/**
 * Loads the detector the training report compares against (the rules) from the plugins
 * directory, the way the launcher does: each jar in its own class loader, providers found through
 * {@link ServiceLoader}. The SVM module does not depend on the rule plugin at compile time.
 */
final class PeerDetector implements AutoCloseable {

  private final Detector detector;
  private final URLClassLoader loader;

  private PeerDetector(Detector detector, URLClassLoader loader) {
    this.detector = detector;
    this.loader = loader;
  }

  /**
   * The detector named {@code name} from the jars of {@code pluginsDir}.
   *
   * @throws DetectorUnavailableException when no jar there provides it
   */
  static PeerDetector load(Path pluginsDir, String name, DetectorOptions options)
      throws IOException, DetectorUnavailableException {
    List<Path> jars;
    try (Stream<Path> listing = Files.list(pluginsDir)) {
      jars = listing.filter(path -> path.getFileName().toString().endsWith(".jar")).sorted().toList();
    }
    for (Path jar : jars) {
      URLClassLoader loader = new URLClassLoader(new URL[] {url(jar)},
          PeerDetector.class.getClassLoader());
      for (DetectorProvider provider : ServiceLoader.load(DetectorProvider.class, loader)) {
        if (provider.name().equals(name) && provider.getClass().getClassLoader() == loader) {
          return new PeerDetector(provider.create(options), loader);
        }
      }
      loader.close();
    }
    throw new DetectorUnavailableException("no jar in " + pluginsDir + " provides detector '"
        + name + "'; build the plugins with `mvn -B -ntp -DskipTests package`");
  }

  Detector detector() {
    return detector;
  }

  @Override
  public void close() throws IOException {
    detector.close();
    loader.close();
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("plugin path " + jar + " is not a valid URL", e);
    }
  }
}
