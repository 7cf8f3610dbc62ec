package org.barcodeanomaly.pluginhost;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import org.barcodeanomaly.api.detector.DetectorProvider;

/**
 * One detector plugin jar loaded in a class loader of its own, with the
 * {@link DetectorProvider}s it declares.
 *
 * <p>Its own class loader keeps each plugin's libraries (Tribuo, ONNX Runtime) apart from the
 * host's and from other plugins', and lets a newer jar of the same plugin load beside the old one
 * during a hot swap. The jar's own classes come first ({@link PluginClassLoader}); the host's
 * class loader supplies only what both sides share: plugin-api, Jackson and ONNX Runtime.
 * {@link #close()} releases the jar once no detector created from it is in use.
 */
public final class PluginJar implements AutoCloseable {

  private final Path path;
  private final Path snapshot;
  private final URLClassLoader classLoader;
  private final List<DetectorProvider> providers;

  private PluginJar(Path path, Path snapshot, URLClassLoader classLoader, List<DetectorProvider> providers) {
    this.path = path;
    this.snapshot = snapshot;
    this.classLoader = classLoader;
    this.providers = Collections.unmodifiableList(providers);
  }

  /**
   * Loads {@code jar} and instantiates its providers.
   *
   * @throws PluginLoadException when the file is not a readable jar or declares no usable
   *     provider; the message names the jar and the reason
   */
  public static PluginJar load(Path jar) throws PluginLoadException {
    return load(jar, PluginJar.class.getClassLoader());
  }

  /** As {@link #load(Path)}, with an explicit parent class loader. */
  public static PluginJar load(Path jar, ClassLoader parent) throws PluginLoadException {
    return load(jar, jar, parent);
  }

  /**
   * Copies {@code jar} into {@code snapshotDir} and loads the copy; {@link #close()} deletes it.
   *
   * <p>A class loader reads its jar lazily, long after loading: if the file were overwritten in
   * place (a new build, a hot swap), the detector still running from it would read a different
   * file. The private copy keeps the running detector intact whatever happens to {@code jar}.
   *
   * @throws PluginLoadException when the jar cannot be copied or loaded
   */
  public static PluginJar loadSnapshot(Path jar, Path snapshotDir) throws PluginLoadException {
    if (!Files.isRegularFile(jar) || !Files.isReadable(jar)) {
      throw new PluginLoadException(jar, "not a readable file");
    }
    Path copy;
    try {
      Files.createDirectories(snapshotDir);
      copy = Files.createTempFile(snapshotDir, jar.getFileName().toString().replace(".jar", "") + "-", ".jar");
      Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new PluginLoadException(jar, "cannot be copied to " + snapshotDir + ": " + e.getMessage(), e);
    }
    try {
      return load(jar, copy, PluginJar.class.getClassLoader());
    } catch (PluginLoadException e) {
      deleteQuietly(copy);
      throw e;
    }
  }

  private static PluginJar load(Path jar, Path source, ClassLoader parent) throws PluginLoadException {
    if (!Files.isRegularFile(source) || !Files.isReadable(source)) {
      throw new PluginLoadException(jar, "not a readable file");
    }
    try (JarFile ignored = new JarFile(source.toFile())) {
      // Opened only to tell a damaged or half-copied file from a jar that lacks providers.
    } catch (IOException e) {
      throw new PluginLoadException(jar, "not a valid jar file (" + e.getMessage() + ")", e);
    }
    URLClassLoader loader = new PluginClassLoader("plugin:" + jar.getFileName(), url(source), parent);
    try {
      List<DetectorProvider> providers = new ArrayList<>();
      for (DetectorProvider provider : ServiceLoader.load(DetectorProvider.class, loader)) {
        if (provider.getClass().getClassLoader() == loader) {
          providers.add(provider);
        }
      }
      if (providers.isEmpty()) {
        throw new PluginLoadException(jar, "declares no " + DetectorProvider.class.getName()
            + " in META-INF/services");
      }
      return new PluginJar(jar, source.equals(jar) ? null : source, loader, providers);
    } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
      closeQuietly(loader);
      throw new PluginLoadException(jar, "its providers cannot be loaded: " + e.getMessage(), e);
    } catch (PluginLoadException e) {
      closeQuietly(loader);
      throw e;
    }
  }

  /** The jar file. */
  public Path path() {
    return path;
  }

  /** The providers the jar declares, at least one. */
  public List<DetectorProvider> providers() {
    return providers;
  }

  /** The class loader the plugin's classes live in. */
  public ClassLoader classLoader() {
    return classLoader;
  }

  /**
   * Closes the class loader, and deletes the private copy of a {@link #loadSnapshot} jar;
   * detectors created from this jar must be closed first.
   */
  @Override
  public void close() {
    closeQuietly(classLoader);
    if (snapshot != null) {
      deleteQuietly(snapshot);
    }
  }

  private static URL url(Path jar) throws PluginLoadException {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new PluginLoadException(jar, "its path is not a valid URL", e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // A leftover copy in the snapshot directory is harmless and removed with it.
    }
  }

  private static void closeQuietly(URLClassLoader loader) {
    try {
      loader.close();
    } catch (IOException ignored) {
      // Closing only releases the jar's file handle; nothing the caller could do about it.
    }
  }
}
