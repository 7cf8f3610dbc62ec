package org.barcodeanomaly.gateway.plugin;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.barcodeanomaly.api.detector.DetectorProvider;

/**
 * The directory of detector plugin jars that {@code mvn package} fills ({@code plugins/}) and
 * that the launcher and the gateway load detectors from, instead of wiring them at compile time.
 *
 * <p>{@link #scan()} loads every {@code *.jar} of the directory, each in its own class loader,
 * and keeps the failures beside the successes so that nothing fails silently.
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

  /** Closes every jar's class loader. */
  @Override
  public void close() {
    jars.forEach(PluginJar::close);
  }
}
