package org.barcodeanomaly.pluginhost.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.event.AnomalyType;

/**
 * Builds real detector plugin jars during a test: a tiny detector compiled with the system Java
 * compiler into a jar with its {@code META-INF/services} entry, so that the gateway's tests load
 * plugins exactly as in production without depending on the build order of the real plugins.
 *
 * <p>The detector reports {@code epcFake} (score 100) for every event whose EPC does not start
 * with {@code 001.}, nothing else, with thresholds of 50; its behaviour can be made slow or
 * failing on request ({@link #SLOW_EPC}, {@link #CRASHING_EPC}), wrong-shaped, dependent on a
 * model file, or to report one more type on every event.
 */
public final class TestPlugin {

  private static final AtomicInteger PACKAGES = new AtomicInteger();

  private final String provider;
  private String version;
  private long delayMillis;
  private String alsoFlags = "";
  private boolean versionFromModel;
  private boolean failsToScore;
  private boolean wrongShape;
  private boolean refusesToStart;
  private boolean ignoresInterrupts;
  private String failure = "new IllegalStateException(\"model crashed\")";

  private TestPlugin(String provider) {
    this.provider = provider;
    this.version = provider + "-1.0";
  }

  /** A plugin providing detector {@code provider}, version {@code <provider>-1.0}. */
  public static TestPlugin of(String provider) {
    return new TestPlugin(provider);
  }

  /** Sets the version the detector reports. */
  public TestPlugin version(String version) {
    this.version = version;
    return this;
  }

  /** The EPC code that makes a detector built with {@link #delayMillis} slow. */
  public static final String SLOW_EPC = "slow.me";

  /** Makes scoring sleep this long on any batch holding an event with EPC {@link #SLOW_EPC}. */
  public TestPlugin delayMillis(long delayMillis) {
    this.delayMillis = delayMillis;
    return this;
  }

  /** The EPC code that makes a detector built with {@link #failsToScore()} throw. */
  public static final String CRASHING_EPC = "crash.me";

  /** Makes scoring throw on any batch holding an event with EPC {@link #CRASHING_EPC}. */
  public TestPlugin failsToScore() {
    this.failsToScore = true;
    return this;
  }

  /**
   * Makes the slow scoring of {@link #delayMillis} ignore interrupts: it sleeps the whole delay
   * whatever its caller does, as a hung native call would.
   */
  public TestPlugin ignoresInterrupts() {
    this.ignoresInterrupts = true;
    return this;
  }

  /** Makes the scoring of {@link #failsToScore()} throw an {@link OutOfMemoryError}, as with a full heap. */
  public TestPlugin runsOutOfMemory() {
    this.failsToScore = true;
    this.failure = "new OutOfMemoryError(\"Java heap space\")";
    return this;
  }

  /** Makes scoring return a table one row short: the self-test must refuse it. */
  public TestPlugin wrongShape() {
    this.wrongShape = true;
    return this;
  }

  /** Makes the detector also report {@code type} (score 100) on every event. */
  public TestPlugin alsoFlags(AnomalyType type) {
    this.alsoFlags = type.name();
    return this;
  }

  /**
   * Makes the detector's version the content of {@code <modelDir>/version.txt}; without that
   * file the provider refuses to create it, as a detector without its model does.
   */
  public TestPlugin versionFromModel() {
    this.versionFromModel = true;
    return this;
  }

  /** Makes the provider refuse to create the detector, as when its model is missing. */
  public TestPlugin refusesToStart() {
    this.refusesToStart = true;
    return this;
  }

  /** Compiles the plugin into {@code jar}. */
  public Path writeTo(Path jar) {
    String pkg = "testplugin.p" + PACKAGES.incrementAndGet();
    try {
      Path work = Files.createTempDirectory("test-plugin-");
      Path sources = Files.createDirectories(work.resolve("src"));
      Path classes = Files.createDirectories(work.resolve("classes"));
      Path detector = sources.resolve("TestDetector.java");
      Path providerSource = sources.resolve("TestProvider.java");
      Files.writeString(detector, detectorSource(pkg));
      Files.writeString(providerSource, providerSource(pkg));
      compile(classes, detector, providerSource);
      Files.createDirectories(jar.toAbsolutePath().getParent());
      Path partial = jar.resolveSibling(jar.getFileName() + ".tmp");
      writeJar(classes, partial, pkg + ".TestProvider");
      Files.move(partial, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String detectorSource(String pkg) {
    return """
        package %s;
        import java.util.List;
        import org.barcodeanomaly.api.detector.*;
        import org.barcodeanomaly.api.event.*;
        public final class TestDetector implements Detector {
          private final String version;
          public TestDetector(String version) { this.version = version; }
          public String name() { return "%s"; }
          public String version() { return version; }
          public Thresholds thresholds() { return Thresholds.uniform(50); }
          public ScoreTable score(List<ScanEvent> events) {
            if (events.stream().anyMatch(e -> e.epcCode().equals("%s"))) {
              long end = System.nanoTime() + %dL * 1_000_000L;
              boolean interrupted = false;
              for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
                try {
                  Thread.sleep(Math.max(1, left / 1_000_000L));
                } catch (InterruptedException e) {
                  interrupted = true;
                  if (!%b) { break; }
                }
              }
              if (interrupted) { Thread.currentThread().interrupt(); }
            }
            if (%b && events.stream().anyMatch(e -> e.epcCode().equals("%s"))) {
              throw %s;
            }
            ScoreTable table = new ScoreTable(%b && !events.isEmpty() ? events.size() - 1 : events.size());
            for (int i = 0; i < table.size(); i++) {
              if (!events.get(i).epcCode().startsWith("001.")) { table.set(i, AnomalyType.EPC_FAKE, 100); }
              if (!"%s".isEmpty()) { table.set(i, AnomalyType.valueOf("%s"), 100); }
            }
            return table;
          }
        }
        """.formatted(pkg, provider, SLOW_EPC, delayMillis, ignoresInterrupts, failsToScore, CRASHING_EPC,
            failure, wrongShape, alsoFlags, alsoFlags);
  }

  private String providerSource(String pkg) {
    return """
        package %s;
        import java.nio.file.*;
        import org.barcodeanomaly.api.detector.*;
        public final class TestProvider implements DetectorProvider {
          public String name() { return "%s"; }
          public Detector create(DetectorOptions options) throws DetectorUnavailableException {
            Path model = options.modelDir(name()).resolve("version.txt");
            if (%b || (%b && !Files.isRegularFile(model))) {
              throw new DetectorUnavailableException("no model in " + options.modelDir(name()));
            }
            try {
              return new TestDetector(%b ? Files.readString(model).trim() : "%s");
            } catch (java.io.IOException e) {
              throw new DetectorUnavailableException("unreadable model " + model, e);
            }
          }
        }
        """.formatted(pkg, provider, refusesToStart, versionFromModel, versionFromModel, version);
  }

  private static void compile(Path classes, Path... sources) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    String[] arguments = Stream.concat(
        Stream.of("-d", classes.toString(), "-cp", pluginApiLocation(), "--release", "17", "-nowarn"),
        Stream.of(sources).map(Path::toString)).toArray(String[]::new);
    int status = compiler.run(null, null, null, arguments);
    if (status != 0) {
      throw new IllegalStateException("compiling the test plugin failed with status " + status);
    }
  }

  private static String pluginApiLocation() {
    try {
      return Path.of(Detector.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void writeJar(Path classes, Path jar, String providerClass) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry("META-INF/services/org.barcodeanomaly.api.detector.DetectorProvider"));
      out.write((providerClass + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
      List<Path> files;
      try (Stream<Path> walk = Files.walk(classes)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path path : files) {
        out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(path));
        out.closeEntry();
      }
    }
  }
}
