package org.barcodeanomaly.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.barcodeanomaly.api.epc.EpcRegistry;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.evaluation.data.DataRecipe;
import org.barcodeanomaly.simulator.anomaly.AnomalyInjection;
import org.barcodeanomaly.simulator.anomaly.AnomalyVariant;
import org.barcodeanomaly.simulator.chain.SupplyChainModel;
import org.barcodeanomaly.simulator.noise.FieldNoise;
import org.barcodeanomaly.simulator.noise.NoiseKind;
import org.barcodeanomaly.simulator.output.SimulationOutput;
import org.barcodeanomaly.simulator.trail.Lot;
import org.barcodeanomaly.simulator.trail.LotPlanner;
import org.barcodeanomaly.simulator.trail.SimulatedTrail;
import org.barcodeanomaly.simulator.trail.TrailGenerator;

/**
 * Writes a simulated data set: one scan file per factory, the per-event labels, the injected
 * anomalies per EPC and a manifest ({@value #MANIFEST_FILE}) with the options, the generator's
 * version and the counts.
 *
 * <p>Guarantees: the same options and {@link #GENERATOR_VERSION} give byte-identical files (every
 * draw comes from one seeded {@link SplittableRandom}, split in a fixed order: per factory, per
 * lot, and within a lot separate streams for routes, reader noise and anomalies, so the anomaly
 * rate does not change the normal trails); files are written EPC by EPC, so memory does not grow
 * with the set. Stateless; each run builds its own state.
 */
public final class Simulator {

  /** Manifest of a data set: options, provenance and counts, as JSON. */
  public static final String MANIFEST_FILE = DataRecipe.MANIFEST_FILE;
  /** Version of the generator's output: changes whenever a seed starts giving other files. */
  public static final int GENERATOR_VERSION = 1;
  /** Version of the data set layout (files, columns, manifest fields). */
  public static final int FORMAT_VERSION = 1;

  private final SupplyChainModel model;

  /** A simulator over the bundled reference network and catalogue. */
  public Simulator() {
    this(SupplyChainModel.standard());
  }

  /** A simulator over {@code model}. */
  public Simulator(SupplyChainModel model) {
    this.model = model;
  }

  /**
   * Writes the data set of {@code options} into {@code directory} (created if needed; files of an
   * earlier run there are replaced).
   *
   * @throws IOException when a file cannot be written
   */
  public SimulationSummary run(SimulationOptions options, Path directory) throws IOException {
    SplittableRandom root = new SplittableRandom(options.getSeed());
    SplittableRandom readerClocks = root.split();
    FieldNoise noise = FieldNoise.of(options.getNoise(), model.network(), readerClocks);
    AnomalyInjection injection = new AnomalyInjection(model, options.getAnomalyRate(), options.getVariants());
    TrailGenerator generator = new TrailGenerator(model, noise);
    LotPlanner planner = new LotPlanner(model.registry());
    List<EpcRegistry.Factory> factories = model.registry().factories();
    int[] epcs = planner.epcsPerFactory(options.getEpcs());
    Map<String, Long> rows = new LinkedHashMap<>();
    long anomalous = 0;
    try (SimulationOutput output = new SimulationOutput(directory, model.network(), model.hubTypes())) {
      for (int f = 0; f < factories.size(); f++) {
        EpcRegistry.Factory factory = factories.get(f);
        FactoryRun run = new FactoryRun(factory, generator, injection, noise, output);
        anomalous += run.write(planner.lots(factory, epcs[f], root.split()), root.split());
        rows.put(factory.file(), run.rows);
      }
      SimulationSummary summary = summary(options, rows, output, anomalous, injection);
      writeManifest(directory.resolve(MANIFEST_FILE), summary);
      return summary;
    }
  }

  private static SimulationSummary summary(SimulationOptions options, Map<String, Long> rows,
      SimulationOutput output, long anomalous, AnomalyInjection injection) {
    Map<String, Long> labelled = new LinkedHashMap<>();
    for (AnomalyType type : AnomalyType.values()) {
      labelled.put(type.contractName(), output.labelledEvents(type));
    }
    Map<String, Long> variants = new LinkedHashMap<>();
    for (Map.Entry<AnomalyVariant, Long> entry : injection.counts().entrySet()) {
      variants.put(entry.getKey().id(), entry.getValue());
    }
    Map<String, Long> noise = new LinkedHashMap<>();
    for (NoiseKind kind : NoiseKind.values()) {
      noise.put(kind.id(), output.noiseEvents(kind));
    }
    return new SimulationSummary(new SimulationOptions(options), rows, output.events(),
        options.getEpcs(), anomalous, labelled, variants, noise);
  }

  private static void writeManifest(Path file, SimulationSummary summary) throws IOException {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("format", "barcode-anomaly-simulation");
    manifest.put("formatVersion", FORMAT_VERSION);
    manifest.put("generatorVersion", GENERATOR_VERSION);
    manifest.put("arguments", summary.options().arguments());
    manifest.put("options", summary.options().toMap());
    manifest.put("rowsPerFile", summary.rowsPerFile());
    manifest.put("events", summary.events());
    manifest.put("epcs", summary.epcs());
    manifest.put("anomalousEpcs", summary.anomalousEpcs());
    manifest.put("labelledEvents", summary.labelledEvents());
    manifest.put("variants", summary.variants());
    manifest.put("noiseEvents", summary.noiseEvents());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), manifest);
  }

  /** Writes one factory's file, lot by lot and EPC by EPC. */
  private static final class FactoryRun {
    private final EpcRegistry.Factory factory;
    private final TrailGenerator generator;
    private final AnomalyInjection injection;
    private final FieldNoise noise;
    private final SimulationOutput output;
    private long rows;
    private long anomalous;

    FactoryRun(EpcRegistry.Factory factory, TrailGenerator generator, AnomalyInjection injection,
        FieldNoise noise, SimulationOutput output) {
      this.factory = factory;
      this.generator = generator;
      this.injection = injection;
      this.noise = noise;
      this.output = output;
    }

    /** Writes every lot; returns the number of anomalous EPCs. */
    long write(List<Lot> lots, SplittableRandom random) throws IOException {
      try (SimulationOutput.ScanFile file = output.openScanFile(factory.file())) {
        for (Lot lot : lots) {
          SplittableRandom lotRandom = random.split();
          SplittableRandom routes = lotRandom.split();
          SplittableRandom readers = lotRandom.split();
          SplittableRandom anomalies = lotRandom.split();
          try {
            generator.generate(lot, routes, readers, trail -> emit(trail, file, readers, anomalies));
          } catch (UncheckedIOException e) {
            throw e.getCause();
          }
        }
        file.close();
        rows = file.rows();
      }
      return anomalous;
    }

    private void emit(SimulatedTrail trail, SimulationOutput.ScanFile file, SplittableRandom readers,
        SplittableRandom anomalies) {
      try {
        AnomalyVariant variant = injection.apply(trail, anomalies);
        if (variant != null) {
          output.recordAnomaly(factory.file(), trail.epcCode(), variant.id());
          anomalous++;
        }
        noise.markReads(trail, readers);
        noise.markLateRows(trail, readers);
        file.write(trail);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
