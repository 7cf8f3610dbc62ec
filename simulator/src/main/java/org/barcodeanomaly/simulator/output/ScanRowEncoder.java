package org.barcodeanomaly.simulator.output;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.barcodeanomaly.api.epc.EpcCode;
import org.barcodeanomaly.api.event.BusinessStep;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.api.scanfile.ScanFileColumns;
import org.barcodeanomaly.simulator.chain.HubTypeNames;
import org.barcodeanomaly.simulator.trail.SimulatedTrail;

/**
 * Encodes trail events as rows of the raw scan-file layout ({@link ScanFileColumns#CANONICAL_COLUMNS}:
 * {@code event_id} then the 18 columns of docs/spec/DATA.md), TAB separated, UTF-8.
 *
 * <p>Every field that repeats (location name, hub_type, step and type names, the EPC's columns)
 * is encoded once and copied as bytes, so a row costs no String. The six {@code epc_*} columns are
 * the code's fields as integers, leading zeros lost, as in the production exports; a field that is
 * not all digits (only injected fakes have one) is written as it stands, and a missing one is
 * empty. {@code operator_id} and {@code device_id} equal {@code location_id}. A location that is
 * not in the network is named {@value #UNREGISTERED_NAME}{@code <id>}. Not thread-safe.
 */
final class ScanRowEncoder {

  static final String UNREGISTERED_NAME = "미등록장소_";

  private static final byte TAB = '\t';
  private static final int LOCATION_SLOTS = 1024;

  private final LocationNetwork network;
  private final HubTypeNames hubTypes;
  private final byte[][] locationFields = new byte[LOCATION_SLOTS][];
  private final byte[][][] hubTypeFields = new byte[LOCATION_SLOTS][EventType.values().length][];
  private final byte[][] stepNames = new byte[BusinessStep.values().length][];
  private final byte[][] typeNames = new byte[EventType.values().length][];
  private final ByteRow epcFields = new ByteRow();
  private final ByteRow tailFields = new ByteRow();
  private byte[] trailFields;
  private byte[] trailTail;
  private long cachedDay = Long.MIN_VALUE;
  private final byte[] dayField = new byte[11];

  ScanRowEncoder(LocationNetwork network, HubTypeNames hubTypes) {
    this.network = network;
    this.hubTypes = hubTypes;
    for (BusinessStep step : BusinessStep.values()) {
      stepNames[step.ordinal()] = ascii(step.dataName());
    }
    for (EventType type : EventType.values()) {
      typeNames[type.ordinal()] = ascii(type.dataName());
    }
  }

  /** The header row. */
  static byte[] header() {
    return (String.join("\t", ScanFileColumns.CANONICAL_COLUMNS) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Prepares the fields every row of {@code trail} repeats. Call once per trail, before its rows. */
  void startTrail(SimulatedTrail trail) {
    epcFields.clear();
    epcFields.append(utf8(trail.epcCode())).append(TAB);
    String[] fields = trail.epcCode().split("\\.", -1);
    for (int i = 0; i < EpcCode.FIELD_COUNT; i++) {
      epcFields.append(utf8(i < fields.length ? integerText(fields[i]) : "")).append(TAB);
    }
    epcFields.append(utf8(trail.identity().productName())).append(TAB);
    trailFields = epcFields.copyFrom(0);
    tailFields.clear();
    tailFields.append(TAB);
    appendTime(tailFields, trail.identity().manufactureSecond());
    tailFields.append(TAB).append(ascii(trail.identity().expiryDate())).append((byte) '\n');
    trailTail = tailFields.copyFrom(0);
  }

  /** Appends event {@code index} of the current trail, without its event id, starting with a TAB. */
  void appendEvent(ByteRow row, SimulatedTrail trail, int index) {
    int location = trail.location(index);
    row.append(TAB).append(locationFields(location)).append(TAB)
        .append(hubType(location, trail.type(index))).append(TAB)
        .append(stepNames[trail.step(index).ordinal()]).append(TAB)
        .append(typeNames[trail.type(index).ordinal()]).append(TAB)
        .append(location).append(TAB).append(location).append(TAB)
        .append(trailFields);
    appendTime(row, trail.time(index));
    row.append(trailTail);
  }

  /** {@code scan_location TAB location_id}. */
  private byte[] locationFields(int id) {
    if (id >= 0 && id < LOCATION_SLOTS && locationFields[id] != null) {
      return locationFields[id];
    }
    Location location = network.location(id);
    String name = location == null ? UNREGISTERED_NAME + id : location.name();
    byte[] fields = utf8(name + "\t" + id);
    if (id >= 0 && id < LOCATION_SLOTS) {
      locationFields[id] = fields;
    }
    return fields;
  }

  private byte[] hubType(int location, EventType type) {
    boolean cacheable = location >= 0 && location < LOCATION_SLOTS;
    if (cacheable && hubTypeFields[location][type.ordinal()] != null) {
      return hubTypeFields[location][type.ordinal()];
    }
    byte[] value = ascii(hubTypes.hubType(location, type));
    if (cacheable) {
      hubTypeFields[location][type.ordinal()] = value;
    }
    return value;
  }

  private void appendTime(ByteRow row, long second) {
    long day = Math.floorDiv(second, 86_400L);
    if (day != cachedDay) {
      byte[] text = ascii(LocalDate.ofEpochDay(day).toString() + " ");
      System.arraycopy(text, 0, dayField, 0, dayField.length);
      cachedDay = day;
    }
    int secondOfDay = (int) (second - day * 86_400L);
    row.append(dayField).appendTwoDigits(secondOfDay / 3600).append((byte) ':')
        .appendTwoDigits(secondOfDay / 60 % 60).append((byte) ':').appendTwoDigits(secondOfDay % 60);
  }

  /** A field's integer value as the exports write it (leading zeros lost), or the field itself. */
  private static String integerText(String field) {
    if (field.isEmpty() || field.length() > 18) {
      return field;
    }
    for (int i = 0; i < field.length(); i++) {
      if (field.charAt(i) < '0' || field.charAt(i) > '9') {
        return field;
      }
    }
    return Long.toString(Long.parseLong(field));
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
