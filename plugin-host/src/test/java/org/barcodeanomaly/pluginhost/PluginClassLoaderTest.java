package org.barcodeanomaly.pluginhost;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.barcodeanomaly.api.detector.DetectorOptions;
import org.barcodeanomaly.api.detector.DetectorProvider;
import org.barcodeanomaly.pluginhost.testing.TestPlugin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginClassLoaderTest {

  @TempDir
  Path directory;

  @Test
  @DisplayName("A plugin's own classes win over copies on the host's class path, so a new jar runs its new code")
  void pluginClassesComeFromTheJarEvenWhenTheHostHasThem() throws Exception {
    Path jar = TestPlugin.of("shadowed").writeTo(directory.resolve("shadowed.jar"));
    try (URLClassLoader host = new URLClassLoader(new URL[] {jar.toUri().toURL()},
        PluginJar.class.getClassLoader());
        PluginJar plugin = PluginJar.load(jar, host)) {

      DetectorProvider provider = plugin.providers().get(0);

      assertThat(plugin.providers()).hasSize(1);
      assertThat(provider.getClass().getClassLoader()).isSameAs(plugin.classLoader());
      assertThat(provider.create(new DetectorOptions()).getClass().getClassLoader())
          .isSameAs(plugin.classLoader());
    }
  }

  @Test
  @DisplayName("The plugin API is shared with the host, so the host can call the plugin's detector")
  void pluginApiComesFromTheHost() throws Exception {
    Path jar = TestPlugin.of("api").writeTo(directory.resolve("api.jar"));
    try (PluginJar plugin = PluginJar.load(jar)) {
      assertThat(plugin.classLoader().loadClass(DetectorProvider.class.getName()))
          .isSameAs(DetectorProvider.class);
    }
  }
}
