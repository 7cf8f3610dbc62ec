package org.barcodeanomaly.evaluation.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.barcodeanomaly.api.event.AnomalyType;

/**
 * Ground truth read from a {@code labels.csv}: {@code event_id} and one 0/1 column per anomaly
 * type, found by header name.
 *
 * <p>Held as two primitive arrays sorted by event id (a million events cost 9 MB). A row that
 * cannot be read is not dropped silently: it is listed in {@link #problems()} with its line, field
 * and reason, and the other rows are kept. A repeated event id is such a problem too. Immutable.
 */
public final class LabelTable {

  private final long[] ids;
  private final byte[] bits;
  private final List<String> problems;

  private LabelTable(long[] ids, byte[] bits, List<String> problems) {
    this.ids = ids;
    this.bits = bits;
    this.problems = List.copyOf(problems);
  }

  /**
   * Reads {@code file}.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when the header lacks {@code event_id} or a type's column
   */
  public static LabelTable read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      CsvColumns columns = CsvColumns.of(file, parser.getHeaderNames());
      long[] ids = new long[1024];
      byte[] bits = new byte[1024];
      int size = 0;
      List<String> problems = new ArrayList<>();
      for (CSVRecord record : parser) {
        long id = columns.eventId(record, problems);
        int labels = id < 0 ? -1 : labelBits(columns, record, problems);
        if (labels < 0) {
          continue;
        }
        if (size == ids.length) {
          ids = Arrays.copyOf(ids, size * 2);
          bits = Arrays.copyOf(bits, size * 2);
        }
        ids[size] = id;
        bits[size] = (byte) labels;
        size++;
      }
      return sorted(Arrays.copyOf(ids, size), Arrays.copyOf(bits, size), problems, file);
    }
  }

  /** A table of the given events, for tests and callers that hold labels in memory. */
  public static LabelTable of(long[] ids, byte[] bits) {
    if (ids.length != bits.length) {
      throw new IllegalArgumentException("ids and bits differ in length: " + ids.length + " vs " + bits.length);
    }
    return sorted(ids.clone(), bits.clone(), new ArrayList<>(), null);
  }

  /** Number of labelled events. */
  public int size() {
    return ids.length;
  }

  /** Event id of entry {@code index} (entries are sorted by id). */
  public long id(int index) {
    return ids[index];
  }

  /** Label bits of entry {@code index}: bit {@code AnomalyType.ordinal()} set when anomalous. */
  public int bits(int index) {
    return bits[index];
  }

  /** Whether entry {@code index} is anomalous for {@code type}. */
  public boolean isAnomalous(int index, AnomalyType type) {
    return (bits[index] & (1 << type.ordinal())) != 0;
  }

  /** The entry of {@code eventId}, or -1 when the table has none. */
  public int indexOf(long eventId) {
    int index = Arrays.binarySearch(ids, eventId);
    return index >= 0 ? index : -1;
  }

  /** Rows that could not be used, each as {@code file:line: field: reason}. */
  public List<String> problems() {
    return problems;
  }

  private static int labelBits(CsvColumns columns, CSVRecord record, List<String> problems) {
    int labels = 0;
    for (AnomalyType type : AnomalyType.values()) {
      String value = columns.value(record, type);
      if ("1".equals(value)) {
        labels |= 1 << type.ordinal();
      } else if (!"0".equals(value)) {
        problems.add(columns.where(record) + type.contractName() + ": '" + value + "' is not 0 or 1");
        return -1;
      }
    }
    return labels;
  }

  private static LabelTable sorted(long[] ids, byte[] bits, List<String> problems, Path file) {
    int[] order = orderById(ids);
    long[] sortedIds = new long[ids.length];
    byte[] sortedBits = new byte[ids.length];
    int size = 0;
    for (int index : order) {
      if (size > 0 && sortedIds[size - 1] == ids[index]) {
        problems.add((file == null ? "labels" : file.toString()) + ": event_id " + ids[index]
            + " is labelled twice; the first row is kept");
        continue;
      }
      sortedIds[size] = ids[index];
      sortedBits[size] = bits[index];
      size++;
    }
    return new LabelTable(Arrays.copyOf(sortedIds, size), Arrays.copyOf(sortedBits, size), problems);
  }

  /** Positions of {@code ids} in ascending id order, stable; free when already ascending. */
  private static int[] orderById(long[] ids) {
    boolean ascending = true;
    for (int i = 1; i < ids.length && ascending; i++) {
      ascending = ids[i - 1] <= ids[i];
    }
    if (ascending) {
      int[] identity = new int[ids.length];
      Arrays.setAll(identity, i -> i);
      return identity;
    }
    return IntStream.range(0, ids.length).boxed()
        .sorted((a, b) -> Long.compare(ids[a], ids[b])).mapToInt(Integer::intValue).toArray();
  }
}
