package org.barcodeanomaly.simulator.output;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.simulator.noise.NoiseKind;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.evaluation.data.LabelledDataSet;
import org.barcodeanomaly.simulator.chain.HubTypeNames;
import org.barcodeanomaly.simulator.trail.SimulatedTrail;

/**
 * The files of one simulated data set, written as trails stream in:
 * <ul>
 *   <li>{@code scans/<file>.csv}: the raw TAB layout with a leading {@code event_id}, rows in
 *       event_id order;</li>
 *   <li>{@code labels.csv}: {@code event_id,epcFake,epcDup,locErr,evtOrderErr,jump}, 0 or 1, one
 *       row per event of every file, in event_id order;</li>
 *   <li>{@code anomalies.csv}: {@code file,epc_code,variant}, one row per EPC with an injected
 *       anomaly;</li>
 *   <li>{@code noise.csv}: {@code event_id,noise}, one row per event and kind of normal variation
 *       it carries ({@code NoiseKind} ids).</li>
 * </ul>
 * Event ids count from 1 across all files in the order rows are written, so they are unique in the
 * set, but for a duplicate row, which repeats its row, event_id and all. A row marked late is parked in a temporary file and written, with the next id, after every
 * timely row of its file. Memory stays bounded whatever the set's size. Not thread-safe.
 */
public final class SimulationOutput implements Closeable {

  /** Folder of the scan files inside the output directory. */
  public static final String SCANS_DIR = LabelledDataSet.SCANS_DIR;
  /** Ground truth per event. */
  public static final String LABELS_FILE = LabelledDataSet.LABELS_FILE;
  /** Injected anomalies per EPC. */
  public static final String ANOMALIES_FILE = "anomalies.csv";
  /** Normal variation per event: {@code event_id,noise}, one row per event and kind. */
  public static final String NOISE_FILE = "noise.csv";
  /** Header of {@link #LABELS_FILE}. */
  public static final String LABELS_HEADER = "event_id,epcFake,epcDup,locErr,evtOrderErr,jump";

  private static final int BUFFER_BYTES = 1 << 20;

  private final Path directory;
  private final ScanRowEncoder encoder;
  private final OutputStream labels;
  private final Writer anomalies;
  private final OutputStream noise;
  private final ByteRow noiseRow = new ByteRow();
  private final long[] noiseEvents = new long[NoiseKind.values().length];
  private final ByteRow labelRow = new ByteRow();
  private final long[] labelledEvents = new long[AnomalyType.COUNT];
  private long nextEventId = 1;

  /**
   * Creates {@code directory} and its {@code scans} folder if needed and opens the label files.
   *
   * @throws IOException when the directory cannot be created or written
   */
  public SimulationOutput(Path directory, LocationNetwork network, HubTypeNames hubTypes)
      throws IOException {
    this.directory = directory;
    Files.createDirectories(directory.resolve(SCANS_DIR));
    this.encoder = new ScanRowEncoder(network, hubTypes);
    this.labels = new BufferedOutputStream(Files.newOutputStream(directory.resolve(LABELS_FILE)), BUFFER_BYTES);
    this.labels.write((LABELS_HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
    this.anomalies = Files.newBufferedWriter(directory.resolve(ANOMALIES_FILE), StandardCharsets.UTF_8);
    this.anomalies.write("file,epc_code,variant\n");
    this.noise = new BufferedOutputStream(Files.newOutputStream(directory.resolve(NOISE_FILE)), BUFFER_BYTES);
    this.noise.write("event_id,noise\n".getBytes(StandardCharsets.US_ASCII));
  }

  /** Opens {@code scans/<name>.csv}; close it before opening the next. */
  public ScanFile openScanFile(String name) throws IOException {
    return new ScanFile(name);
  }

  /** Records that the EPC {@code epcCode} of file {@code file} carries {@code variant}. */
  public void recordAnomaly(String file, String epcCode, String variant) throws IOException {
    anomalies.write(file + "," + epcCode + "," + variant + "\n");
  }

  /** Events written so far, all files together. */
  public long events() {
    return nextEventId - 1;
  }

  /** Events written so far that carry the noise {@code kind}. */
  public long noiseEvents(NoiseKind kind) {
    return noiseEvents[kind.ordinal()];
  }

  /** Events written so far that carry the label {@code type}. */
  public long labelledEvents(AnomalyType type) {
    return labelledEvents[type.ordinal()];
  }

  @Override
  public void close() throws IOException {
    try (OutputStream l = labels; Writer a = anomalies; OutputStream n = noise) {
      l.flush();
      a.flush();
      n.flush();
    }
  }

  private void writeNoise(long id, int bits) throws IOException {
    for (NoiseKind kind : NoiseKind.values()) {
      if (kind.isIn(bits)) {
        noiseEvents[kind.ordinal()]++;
        noiseRow.clear();
        noiseRow.append(id).append((byte) ',');
        noiseRow.append(kind.id().getBytes(StandardCharsets.US_ASCII)).append((byte) '\n');
        noiseRow.writeTo(noise);
      }
    }
  }

  private long writeLabels(int bits) throws IOException {
    long id = nextEventId++;
    labelRow.clear();
    labelRow.append(id);
    for (int type = 0; type < AnomalyType.COUNT; type++) {
      boolean set = (bits & (1 << type)) != 0;
      labelRow.append((byte) ',').append((byte) (set ? '1' : '0'));
      if (set) {
        labelledEvents[type]++;
      }
    }
    labelRow.append((byte) '\n');
    labelRow.writeTo(labels);
    return id;
  }

  /** One scan file being written. */
  public final class ScanFile implements Closeable {
    private final Path late;
    private final OutputStream out;
    private final DataOutputStream lateOut;
    private final ByteRow row = new ByteRow();
    private long rows;
    private boolean closed;

    private ScanFile(String name) throws IOException {
      Path file = directory.resolve(SCANS_DIR).resolve(name + ".csv");
      this.late = directory.resolve(SCANS_DIR).resolve("." + name + ".late.tmp");
      this.out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER_BYTES);
      this.out.write(ScanRowEncoder.header());
      this.lateOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(late)));
    }

    /** Writes every event of {@code trail}; late ones are held back until {@link #close}. */
    public void write(SimulatedTrail trail) throws IOException {
      encoder.startTrail(trail);
      for (int i = 0; i < trail.size(); i++) {
        row.clear();
        if (trail.isLate(i)) {
          encoder.appendEvent(row, trail, i);
          lateOut.writeByte(trail.labels(i));
          lateOut.writeInt(trail.noise(i));
          lateOut.writeInt(row.length());
          row.writeTo(lateOut);
        } else {
          long id = writeLabels(trail.labels(i));
          writeNoise(id, trail.noise(i));
          row.append(id);
          encoder.appendEvent(row, trail, i);
          writeRow(trail.noise(i));
        }
      }
    }

    /** Writes the row built, twice when it is a duplicate row (same event_id and all). */
    private void writeRow(int noiseBits) throws IOException {
      row.writeTo(out);
      rows++;
      if (NoiseKind.DUPLICATE_ROW.isIn(noiseBits)) {
        row.writeTo(out);
        rows++;
      }
    }

    /** Rows written to this file so far (late ones count once written). */
    public long rows() {
      return rows;
    }

    /** Writes the late rows, then closes the file; closing again does nothing. */
    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      lateOut.close();
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(late)))) {
        while (true) {
          int bits;
          try {
            bits = in.readUnsignedByte();
          } catch (EOFException end) {
            break;
          }
          int noiseBits = in.readInt();
          byte[] rest = in.readNBytes(in.readInt());
          long id = writeLabels(bits);
          writeNoise(id, noiseBits);
          row.clear();
          row.append(id).append(rest);
          writeRow(noiseBits);
        }
      } finally {
        Files.deleteIfExists(late);
        out.close();
      }
    }
  }
}
