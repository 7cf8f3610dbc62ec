package org.barcodeanomaly.gateway.plugin;

import java.nio.file.Path;
import java.time.Instant;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.DetectorOptions;
import org.barcodeanomaly.api.detector.DetectorProvider;
import org.barcodeanomaly.api.detector.DetectorUnavailableException;
import org.barcodeanomaly.gateway.config.DetectorSpec;
import org.barcodeanomaly.gateway.detector.DetectorOrigin;
import org.barcodeanomaly.gateway.detector.SelfTest;
import org.barcodeanomaly.gateway.detector.SelfTestFailure;
import org.barcodeanomaly.gateway.detector.ServingDetector;
import org.barcodeanomaly.pluginhost.RetainedJar;

/**
 * Creates the detector of a spec from a jar and self-tests it; only a detector that passed comes
 * out, holding its jar open until it is closed.
 */
final class DetectorFactory {

  private final Path defaultModelsDir;
  private final SelfTest selfTest;

  DetectorFactory(Path defaultModelsDir, SelfTest selfTest) {
    this.defaultModelsDir = defaultModelsDir;
    this.selfTest = selfTest;
  }

  /** The models directory {@code spec} is created with. */
  Path modelsDir(DetectorSpec spec) {
    return spec.modelsDir() == null ? defaultModelsDir : spec.modelsDir();
  }

  /** The model directory of {@code spec}'s provider: what the watcher fingerprints. */
  Path modelDir(DetectorSpec spec) {
    return modelsDir(spec).resolve(spec.provider());
  }

  /**
   * Creates and self-tests the detector of {@code spec} from {@code jar}, reading models from
   * {@code modelsDir}.
   *
   * @throws DetectorLoadFailure when the provider refuses or the self-test fails
   */
  ServingDetector create(DetectorSpec spec, LoadedJar jar, Path modelsDir) throws DetectorLoadFailure {
    DetectorProvider provider = jar.providers().stream()
        .filter(candidate -> candidate.name().equals(spec.provider())).findFirst()
        .orElseThrow(() -> new DetectorLoadFailure(LoadStage.CREATE, "detector " + spec.id() + ": "
            + jar.fileName() + " provides no detector '" + spec.provider() + "'", null));
    DetectorOptions options = new DetectorOptions().setModelsDir(modelsDir);
    spec.settings().forEach(options::setSetting);
    ClassLoader loader = jar.jar().jar().classLoader();
    Detector detector = instantiate(spec, jar, provider, options, loader);
    RetainedJar held = jar.jar().retain();
    try {
      long millis = selfTest.run(detector, loader);
      DetectorOrigin origin = new DetectorOrigin(spec.id(), spec.provider(), jar.path(), modelsDir,
          Instant.now(), millis);
      return new ServingDetector(origin, detector, loader, held::release);
    } catch (SelfTestFailure e) {
      closeQuietly(detector);
      held.release();
      throw new DetectorLoadFailure(LoadStage.SELF_TEST, "detector " + spec.id() + " from "
          + jar.fileName() + ": " + e.getMessage(), e);
    }
  }

  private static Detector instantiate(DetectorSpec spec, LoadedJar jar, DetectorProvider provider,
      DetectorOptions options, ClassLoader loader) throws DetectorLoadFailure {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      Detector detector = provider.create(options);
      if (detector == null) {
        throw new DetectorUnavailableException("the provider returned no detector");
      }
      return detector;
    } catch (DetectorUnavailableException | RuntimeException | LinkageError e) {
      throw new DetectorLoadFailure(LoadStage.CREATE, "detector " + spec.id() + " from "
          + jar.fileName() + " cannot be created: " + e.getMessage(), e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static void closeQuietly(Detector detector) {
    try {
      detector.close();
    } catch (RuntimeException | LinkageError ignored) {
      // It failed its self-test and is being discarded; a failing close changes nothing.
    }
  }
}
