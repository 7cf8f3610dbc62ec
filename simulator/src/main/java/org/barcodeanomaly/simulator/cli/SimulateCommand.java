package org.barcodeanomaly.simulator.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.barcodeanomaly.simulator.Profile;
import org.barcodeanomaly.simulator.SimulationOptions;
import org.barcodeanomaly.simulator.SimulationSummary;
import org.barcodeanomaly.simulator.Simulator;
import org.barcodeanomaly.simulator.anomaly.AnomalyVariant;
import org.barcodeanomaly.simulator.noise.NoiseKind;
import org.barcodeanomaly.simulator.noise.NoiseRates;
import org.barcodeanomaly.simulator.report.FidelityReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code anomaly simulate}: writes a simulated data set with ground-truth labels, and optionally
 * prints how close it is to the production data's statistics.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {"Write simulated scan files (DIR/scans/{icn,hws,kum,ygs}.csv), per-event labels "
        + "(DIR/labels.csv), injected anomalies (DIR/anomalies.csv) and a manifest (DIR/simulation.json).",
        "Defaults reproduce the production set: 200,000 EPCs, about 920,000 events."})
public final class SimulateCommand implements Callable<Integer> {

  @Option(names = "--out", paramLabel = "DIR", description = "Directory to write (or to report on with --report-only).")
  Path out;

  @Option(names = "--epcs", paramLabel = "N", defaultValue = "" + SimulationOptions.DEFAULT_EPCS,
      description = "Number of EPCs (default: ${DEFAULT-VALUE}).")
  int epcs;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "" + SimulationOptions.DEFAULT_SEED,
      description = "Seed; the same seed writes byte-identical files (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--anomaly-rate", paramLabel = "R", defaultValue = "" + SimulationOptions.DEFAULT_ANOMALY_RATE,
      description = "Share of EPCs that carry one injected anomaly, 0 to 1 (default: ${DEFAULT-VALUE}).")
  double anomalyRate;

  @Option(names = "--profile", paramLabel = "clean|field", defaultValue = "clean", converter = ProfileConverter.class,
      description = "clean: perfect readers; field: every kind of normal variation at its realistic rate "
          + "(duplicate reads, slow legs, long dwells, clock skew, late rows, missed visits), all labelled normal "
          + "and listed in noise.csv (default: ${DEFAULT-VALUE}).")
  Profile profile;

  @Option(names = "--noise", paramLabel = "KIND=RATE", split = ",", converter = NoiseConverter.class,
      description = "Set the rate of one kind of normal variation, whatever the profile, e.g. "
          + "clock-skew=0.5,slow-leg=0 (see --list-noise).")
  List<Map.Entry<NoiseKind, Double>> noise;

  @Option(names = "--list-noise", description = "Print the kinds of normal variation and exit.")
  boolean listNoise;

  @Option(names = "--variants", paramLabel = "ID", split = ",", converter = VariantConverter.class,
      description = "Inject only these variants, mixed evenly (default: all; see --list-variants).")
  List<AnomalyVariant> variants;

  @Option(names = "--report", description = "After writing, print the fidelity report of DIR.")
  boolean report;

  @Option(names = "--report-only", description = "Do not write: print the fidelity report of an existing DIR.")
  boolean reportOnly;

  @Option(names = "--list-variants", description = "Print the anomaly catalogue and exit.")
  boolean listVariants;

  @Override
  public Integer call() throws Exception {
    if (listVariants) {
      System.out.print(catalogue());
      return 0;
    }
    if (listNoise) {
      System.out.print(noiseCatalogue());
      return 0;
    }
    if (out == null) {
      throw new IllegalArgumentException("--out DIR is required: the directory to write or to report on");
    }
    if (!reportOnly) {
      long started = System.nanoTime();
      SimulationSummary summary = new Simulator().run(options(), out);
      System.out.print(describe(summary, (System.nanoTime() - started) / 1e9));
    }
    if (report || reportOnly) {
      System.out.print(FidelityReport.read(out).format());
    }
    return 0;
  }

  private SimulationOptions options() {
    SimulationOptions options = new SimulationOptions().setEpcs(epcs).setSeed(seed)
        .setAnomalyRate(anomalyRate).setProfile(profile);
    if (variants != null) {
      options.setVariants(variants);
    }
    if (noise != null) {
      noise.forEach(entry -> options.setNoise(entry.getKey(), entry.getValue()));
    }
    return options;
  }

  static String describe(SimulationSummary summary, double seconds) {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "wrote %,d events of %,d EPCs (%,d anomalous) in %.1f s%n",
        summary.events(), summary.epcs(), summary.anomalousEpcs(), seconds));
    for (Map.Entry<String, Long> file : summary.rowsPerFile().entrySet()) {
      text.append(String.format(Locale.ROOT, "  %-4s %,10d rows  %5.2f%%%n", file.getKey(), file.getValue(),
          100.0 * file.getValue() / Math.max(1, summary.events())));
    }
    text.append("labelled events:");
    summary.labelledEvents().forEach((type, count) -> text.append(' ').append(type).append('=').append(count));
    text.append(System.lineSeparator());
    if (summary.noiseEvents().values().stream().anyMatch(count -> count > 0)) {
      text.append("normal variation (events):");
      summary.noiseEvents().forEach((kind, count) -> text.append(' ').append(kind).append('=').append(count));
      text.append(System.lineSeparator());
    }
    return text.toString();
  }

  static String catalogue() {
    StringBuilder text = new StringBuilder();
    for (AnomalyVariant variant : AnomalyVariant.values()) {
      text.append(String.format(Locale.ROOT, "%-32s %-12s %s; labels %s%n", variant.id(),
          variant.type().contractName(), variant.description(), variant.labelledEvents()));
    }
    return text.toString();
  }

  static String noiseCatalogue() {
    StringBuilder text = new StringBuilder();
    for (NoiseKind kind : NoiseKind.values()) {
      text.append(String.format(Locale.ROOT, "%-16s field rate %-6s (%s): %s%n", kind.id(), kind.fieldRate(),
          kind.rateOf(), kind.description()));
    }
    return text.toString();
  }

  /** Reads {@code kind=rate}, e.g. {@code slow-leg=0.05}. */
  static final class NoiseConverter implements ITypeConverter<Map.Entry<NoiseKind, Double>> {
    @Override
    public Map.Entry<NoiseKind, Double> convert(String value) {
      String[] parts = value.split("=", -1);
      if (parts.length != 2) {
        throw new IllegalArgumentException("'" + value + "' is not KIND=RATE, e.g. slow-leg=0.05");
      }
      NoiseKind kind = NoiseKind.fromId(parts[0].trim());
      double rate;
      try {
        rate = Double.parseDouble(parts[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("rate of " + kind.id() + " is '" + parts[1].trim() + "', not a number");
      }
      NoiseRates.none().with(kind, rate);
      return Map.entry(kind, rate);
    }
  }

  /** Reads {@code clean} or {@code field}. */
  static final class ProfileConverter implements ITypeConverter<Profile> {
    @Override
    public Profile convert(String value) {
      return Profile.fromId(value);
    }
  }

  /** Reads a variant id such as {@code fake-header}. */
  static final class VariantConverter implements ITypeConverter<AnomalyVariant> {
    @Override
    public AnomalyVariant convert(String value) {
      return AnomalyVariant.fromId(value.trim());
    }
  }
}
