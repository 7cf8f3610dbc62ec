package org.barcodeanomaly.modelformat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes the provenance of a model directory ({@value #PROVENANCE_FILE}), for every
 * learned detector and every format this product has written.
 *
 * <p>Format {@value #FORMAT_VERSION} is {@link ModelProvenance#toTree()}. Format 1 had two shapes,
 * both still read, so models trained by earlier releases keep loading and keep their history:
 * the LSTM's own {@code provenance.json}, and the SVM's provenance embedded in its
 * {@code svm-model.json} (that directory had no {@code provenance.json}).
 */
public final class ModelManifest {

  /** The provenance file of a model directory. */
  public static final String PROVENANCE_FILE = "provenance.json";
  /** The newest format written; {@link FormatVersion} reads 1 up to this. */
  public static final int FORMAT_VERSION = 2;

  private static final String REMEDY = "update the detector plugin, or retrain the model with "
      + "this version's `bin/anomaly train-svm` or `train-lstm`";

  private ModelManifest() {
  }

  /** Writes {@code provenance} as {@value #PROVENANCE_FILE} into {@code directory}, creating it. */
  public static void write(Path directory, ModelProvenance provenance) throws IOException {
    Files.createDirectories(directory);
    JsonTree.write(provenance.toTree(), directory.resolve(PROVENANCE_FILE));
  }

  /** Whether {@code directory} holds a provenance this class can read. */
  public static boolean exists(Path directory) {
    return Files.isRegularFile(directory.resolve(PROVENANCE_FILE))
        || Files.isRegularFile(directory.resolve(LegacyProvenance.SVM_MANIFEST));
  }

  /**
   * Reads the provenance of the model in {@code directory}, of any format from 1 to
   * {@value #FORMAT_VERSION}.
   *
   * @throws NoSuchFileException when the directory holds no provenance
   * @throws IOException naming the file and field when it cannot be read, or its format is newer
   *     than this version knows
   */
  public static ModelProvenance read(Path directory) throws IOException {
    Path file = directory.resolve(PROVENANCE_FILE);
    if (!Files.isRegularFile(file)) {
      Path svmManifest = directory.resolve(LegacyProvenance.SVM_MANIFEST);
      if (Files.isRegularFile(svmManifest)) {
        return LegacyProvenance.fromSvmManifest(JsonFields.read(svmManifest));
      }
      throw new NoSuchFileException(file.toString(), null, "no model provenance in " + directory
          + "; train a model there with `bin/anomaly train-svm` or `train-lstm`");
    }
    JsonFields json = JsonFields.read(file);
    int format = FormatVersion.check(file, json.integer("formatVersion"), FORMAT_VERSION, REMEDY);
    return format == 1 ? LegacyProvenance.fromLstmProvenance(json) : ModelProvenance.fromTree(json);
  }
}
