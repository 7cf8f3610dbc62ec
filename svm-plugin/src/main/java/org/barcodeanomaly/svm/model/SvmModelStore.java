package org.barcodeanomaly.svm.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import libsvm.svm_model;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.features.Feature;
import org.barcodeanomaly.features.FeatureExtractor;
import org.barcodeanomaly.modelformat.FormatVersion;
import org.barcodeanomaly.modelformat.JsonFields;
import org.barcodeanomaly.modelformat.JsonTree;
import org.barcodeanomaly.modelformat.ModelManifest;
import org.barcodeanomaly.modelformat.ModelProvenance;
import org.tribuo.Model;
import org.tribuo.anomaly.Event;
import org.tribuo.common.libsvm.LibSVMModel;

/**
 * Saves and loads an {@link SvmModel} as a directory: {@value #MANIFEST} (format version, and per
 * type its features, scaler, calibration and threshold), the model's provenance
 * ({@code provenance.json}, written and read by model-format's {@link ModelManifest}) and one
 * Tribuo protobuf file per type ({@code epcFake.tribuo}, ...), which carries Tribuo's own
 * provenance. Directories of every earlier format still load ({@link FormatVersion}).
 *
 * <p>Loading checks everything it reads and names the file and field at fault, so a damaged or
 * foreign directory is refused with a message rather than scored wrongly.
 */
public final class SvmModelStore {

  /** The manifest's file name inside the model directory. */
  public static final String MANIFEST = "svm-model.json";
  private static final String MODEL_SUFFIX = ".tribuo";

  private SvmModelStore() {
  }

  /** Whether {@code directory} holds a manifest (a model may be there). */
  public static boolean exists(Path directory) {
    return Files.isRegularFile(directory.resolve(MANIFEST));
  }

  /**
   * Writes {@code model} into {@code directory}, creating it; existing files of the same names
   * are replaced.
   */
  public static void save(SvmModel model, Path directory) throws IOException {
    Files.createDirectories(directory);
    Map<String, Object> typesJson = new LinkedHashMap<>();
    for (AnomalyType type : AnomalyType.values()) {
      TypeModel typeModel = model.type(type);
      String file = type.contractName() + MODEL_SUFFIX;
      typeModel.svm().serializeToFile(directory.resolve(file));
      typesJson.put(type.contractName(), typeJson(typeModel, file));
    }
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("formatVersion", SvmModel.FORMAT_VERSION);
    manifest.put("types", typesJson);
    JsonTree.write(manifest, directory.resolve(MANIFEST));
    ModelManifest.write(directory, model.provenance());
  }

  /**
   * Reads the model in {@code directory}.
   *
   * @throws NoSuchFileException when the directory has no manifest
   * @throws IOException         naming the file and field when something cannot be read or is
   *     inconsistent
   */
  public static SvmModel load(Path directory, FeatureExtractor extractor) throws IOException {
    Path manifestFile = directory.resolve(MANIFEST);
    JsonFields manifest = JsonFields.read(manifestFile);
    FormatVersion.check(manifestFile, manifest.integer("formatVersion"), SvmModel.FORMAT_VERSION,
        "retrain with this version's `bin/anomaly train-svm` or update the svm plugin");
    ModelProvenance provenance = ModelManifest.read(directory);
    JsonFields types = manifest.object("types");
    Map<AnomalyType, TypeModel> models = new EnumMap<>(AnomalyType.class);
    for (AnomalyType type : AnomalyType.values()) {
      models.put(type, typeModel(directory, type, types.object(type.contractName())));
    }
    try {
      return new SvmModel(models, provenance, extractor);
    } catch (IllegalArgumentException e) {
      throw new IOException(manifestFile + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> typeJson(TypeModel model, String file) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("modelFile", file);
    List<String> ids = new ArrayList<>();
    for (Feature feature : model.features()) {
      ids.add(feature.id());
    }
    json.put("features", ids);
    json.put("centre", model.scaler().centre());
    json.put("scale", model.scaler().scale());
    Map<String, Object> calibration = new LinkedHashMap<>();
    calibration.put("a", model.calibration().a());
    calibration.put("b", model.calibration().b());
    json.put("calibration", calibration);
    json.put("threshold", model.threshold());
    svm_model inner = model.svm().getInnerModels().get(0);
    Map<String, Object> training = new LinkedHashMap<>();
    training.put("nu", inner.param.nu);
    training.put("gamma", inner.param.gamma);
    training.put("supportVectors", inner.l);
    training.put("trainingEvents", model.svm().getProvenance().getDatasetProvenance().getNumExamples());
    json.put("training", training);
    return json;
  }

  private static TypeModel typeModel(Path directory, AnomalyType type, JsonFields json)
      throws IOException {
    List<String> ids = json.strings("features");
    Feature[] features = new Feature[ids.size()];
    for (int k = 0; k < features.length; k++) {
      try {
        features[k] = Feature.fromId(ids.get(k));
      } catch (IllegalArgumentException e) {
        throw json.invalid("features", ids.get(k), "a feature this version computes");
      }
    }
    Path file = directory.resolve(json.string("modelFile"));
    LibSVMModel<Event> svm = readTribuo(file);
    JsonFields calibration = json.object("calibration");
    try {
      return new TypeModel(type, features,
          new FeatureScaler(json.numbers("centre"), json.numbers("scale")), svm,
          new PlattCalibration(calibration.number("a"), calibration.number("b")),
          json.number("threshold"));
    } catch (IllegalArgumentException e) {
      throw new IOException(json.describe(type.contractName()) + ": " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static LibSVMModel<Event> readTribuo(Path file) throws IOException {
    Model<?> model;
    try {
      model = Model.deserializeFromFile(file);
    } catch (RuntimeException e) {
      throw new IOException(file + " is not a Tribuo model: " + e.getMessage(), e);
    }
    if (!(model instanceof LibSVMModel<?>) || !model.validate(Event.class)) {
      throw new IOException(file + " holds a " + model.getClass().getSimpleName()
          + ", not a Tribuo libsvm anomaly model");
    }
    return (LibSVMModel<Event>) model;
  }
}
