package org.barcodeanomaly.pluginhost;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one plugin jar: the plugin's own classes first, the host's only for the
 * shared API.
 *
 * <p>Parent-first loading would let any copy of a plugin's classes on the host's class path (the
 * launcher carries the SVM and LSTM code for its training commands) shadow the jar's, so a newer
 * jar dropped in for a hot swap would silently run the old code. Here the jar wins, except for
 * the packages host and plugin must share to talk to each other: the JDK, plugin-api, Jackson
 * (plugin-api's codec), and ONNX Runtime, whose native library can be loaded by one class loader
 * only. Service files are read from the jar alone, so the jar declares exactly its own providers.
 */
final class PluginClassLoader extends URLClassLoader {

  /** Package prefixes always taken from the host. */
  static final List<String> SHARED_PACKAGES = List.of(
      "java.", "javax.", "jdk.", "sun.", "com.sun.",
      "org.barcodeanomaly.api.", "com.fasterxml.jackson.", "ai.onnxruntime.");

  private static final String SERVICES = "META-INF/services/";

  static {
    ClassLoader.registerAsParallelCapable();
  }

  PluginClassLoader(String name, URL jar, ClassLoader parent) {
    super(name, new URL[] {jar}, parent);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (shared(name)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        try {
          loaded = findClass(name);
        } catch (ClassNotFoundException notInJar) {
          loaded = getParent().loadClass(name);
        }
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  @Override
  public URL getResource(String name) {
    URL own = findResource(name);
    return own != null ? own : super.getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    return name.startsWith(SERVICES) ? findResources(name) : super.getResources(name);
  }

  private static boolean shared(String className) {
    for (String prefix : SHARED_PACKAGES) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
