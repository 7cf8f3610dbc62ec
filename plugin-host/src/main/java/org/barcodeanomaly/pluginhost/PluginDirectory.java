package org.barcodeanomaly.pluginhost;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.DetectorOptions;
import org.barcodeanomaly.api.detector.DetectorProvider;
import org.barcodeanomaly.api.detector.DetectorUnavailableException;

/**
 * The directory of detector plugin jars that {@code mvn package} fills ({@code plugins/}), loaded
 * once: how the launcher, the trainers' peer runs and the stream processor get a detector, by the
 * same class-loading rules as the gateway ({@link PluginJar}), instead of wiring it at compile time.
 *
 * <p>{@link #scan(Path)} loads every {@code *.jar} of the directory, each in its own class loader,
 * and keeps the failures beside the successes so that nothing fails silently; {@link #open} loads
 * one detector and names what is available when it is not.
 */
public final class PluginDirectory implements AutoCloseable {

  /** A jar that could not be loaded, and why. */
  public record Failure(Path jar, String reason) { }

  private final Path directory;
  private final List<PluginJar> jars;
  private final List<Failure> failures;

  private PluginDirectory(Path directory, List<PluginJar> jars, List<Failure> failures) {
    this.directory = directory;
    this.jars = List.copyOf(jars);
    this.failures = List.copyOf(failures);
  }

  /**
   * Loads every jar of {@code directory}, in name order.
   *
   * @throws IOException when the directory cannot be listed; the message says how to fill it
   */
  public static PluginDirectory scan(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      throw new IOException("plugins directory " + directory.toAbsolutePath()
          + " does not exist: build the plugins with `mvn -B -ntp -DskipTests package`"
          + " or point --plugins at a directory of detector jars");
    }
    List<Path> paths = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.jar")) {
      stream.forEach(paths::add);
    }
    paths.sort(null);
    List<PluginJar> jars = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    for (Path path : paths) {
      try {
        jars.add(PluginJar.load(path));
      } catch (PluginLoadException e) {
        failures.add(new Failure(path, e.getMessage()));
      }
    }
    return new PluginDirectory(directory, jars, failures);
  }

  /** The directory scanned. */
  public Path directory() {
    return directory;
  }

  /** The jars that loaded. */
  public List<PluginJar> jars() {
    return jars;
  }

  /** The jars that did not load, with the reason. */
  public List<Failure> failures() {
    return failures;
  }

  /** The provider of detectors called {@code name}, if a loaded jar declares one. */
  public Optional<DetectorProvider> provider(String name) {
    for (PluginJar jar : jars) {
      for (DetectorProvider provider : jar.providers()) {
        if (provider.name().equals(name)) {
          return Optional.of(provider);
        }
      }
    }
    return Optional.empty();
  }

  /** Names of every provider found, in jar order. */
  public List<String> providerNames() {
    List<String> names = new ArrayList<>();
    for (PluginJar jar : jars) {
      for (DetectorProvider provider : jar.providers()) {
        names.add(provider.name());
      }
    }
    return names;
  }

  /** A detector with the plugin directory it came from; closing it closes both. */
  public record OpenDetector(Detector detector, PluginDirectory plugins) implements AutoCloseable {
    @Override
    public void close() {
      try {
        detector.close();
      } finally {
        plugins.close();
      }
    }
  }

  /**
   * Loads the jars of {@code directory} and creates detector {@code name} with {@code options}.
   *
   * @throws IOException when the directory cannot be read; the message says how to fill it
   * @throws DetectorUnavailableException when no jar provides it, or its model cannot load; the
   *     message lists what is available and why jars failed
   */
  public static OpenDetector open(Path directory, String name, DetectorOptions options)
      throws IOException, DetectorUnavailableException {
    PluginDirectory plugins = scan(directory);
    try {
      DetectorProvider provider = plugins.provider(name).orElseThrow(() -> plugins.notFound(name));
      return new OpenDetector(provider.create(options), plugins);
    } catch (DetectorUnavailableException | RuntimeException e) {
      plugins.close();
      throw e;
    }
  }

  private DetectorUnavailableException notFound(String name) {
    StringBuilder message = new StringBuilder("no plugin in ").append(directory)
        .append(" provides detector '").append(name).append("'; available: ")
        .append(providerNames().isEmpty() ? "none" : String.join(", ", providerNames()));
    for (Failure failure : failures) {
      message.append("; failed to load ").append(failure.reason());
    }
    message.append(". Build the plugins with `mvn -B -ntp -DskipTests package`.");
    return new DetectorUnavailableException(message.toString());
  }

  /** Closes every jar's class loader. */
  @Override
  public void close() {
    jars.forEach(PluginJar::close);
  }
}
