package org.barcodeanomaly.api.scanfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The column names of raw scan files and their canonical order, shared by the reader and by the
 * simulator that writes such files, so both always agree.
 *
 * <p>The production exports hold the 18 {@link #RAW_COLUMNS}; files written by this product put
 * {@link #EVENT_ID} first ({@link #CANONICAL_COLUMNS}). The reader finds columns by name, so their
 * order in a file does not matter, and tolerates extra columns such as {@link #FACTORY}.
 */
public final class ScanFileColumns {

  /** Optional first column: the event's id. Without it, ids are the 1-based data row numbers. */
  public static final String EVENT_ID = "event_id";
  /** Location name, e.g. 인천공장. */
  public static final String SCAN_LOCATION = "scan_location";
  /** Location id of {@code locations.csv}. Required. */
  public static final String LOCATION_ID = "location_id";
  /** Site, step and direction, e.g. ICN_Factory. */
  public static final String HUB_TYPE = "hub_type";
  /** Business step name, e.g. WMS. Required. */
  public static final String BUSINESS_STEP = "business_step";
  /** Event type name, e.g. WMS_Inbound. Required. */
  public static final String EVENT_TYPE = "event_type";
  /** Operator id; equal to the location id in the production data. */
  public static final String OPERATOR_ID = "operator_id";
  /** Device id; equal to the location id in the production data. */
  public static final String DEVICE_ID = "device_id";
  /** The EPC, e.g. 001.8804823.1293291.010004.20250701.000004002. Required. */
  public static final String EPC_CODE = "epc_code";
  /** EPC header as an integer (leading zeros lost). */
  public static final String EPC_HEADER = "epc_header";
  /** EPC company as an integer. */
  public static final String EPC_COMPANY = "epc_company";
  /** EPC product as an integer. */
  public static final String EPC_PRODUCT = "epc_product";
  /** EPC lot as an integer. */
  public static final String EPC_LOT = "epc_lot";
  /** EPC manufacture date as an integer YYYYMMDD. */
  public static final String EPC_MANUFACTURE = "epc_manufacture";
  /** EPC serial as an integer. */
  public static final String EPC_SERIAL = "epc_serial";
  /** Product name, e.g. Product 4. */
  public static final String PRODUCT_NAME = "product_name";
  /** Scan time, {@code YYYY-MM-DD HH:MM:SS}. Required. */
  public static final String EVENT_TIME = "event_time";
  /** The EPC's Factory/Aggregation time, {@code YYYY-MM-DD HH:MM:SS}. Optional. */
  public static final String MANUFACTURE_DATE = "manufacture_date";
  /** Expiry date, YYYYMMDD. */
  public static final String EXPIRY_DATE = "expiry_date";
  /** Factory export the row came from (icn, hws, kum, ygs); added by a later tool. */
  public static final String FACTORY = "factory";

  /** The 18 columns of the production exports, in their order. */
  public static final List<String> RAW_COLUMNS = List.of(SCAN_LOCATION, LOCATION_ID, HUB_TYPE,
      BUSINESS_STEP, EVENT_TYPE, OPERATOR_ID, DEVICE_ID, EPC_CODE, EPC_HEADER, EPC_COMPANY,
      EPC_PRODUCT, EPC_LOT, EPC_MANUFACTURE, EPC_SERIAL, PRODUCT_NAME, EVENT_TIME,
      MANUFACTURE_DATE, EXPIRY_DATE);

  /** The order files written by this product use: {@link #EVENT_ID}, then the 18 raw columns. */
  public static final List<String> CANONICAL_COLUMNS = canonical();

  /** Columns a file must have: what a {@link org.barcodeanomaly.api.event.ScanEvent} needs. */
  public static final Set<String> REQUIRED_COLUMNS = Set.of(EPC_CODE, LOCATION_ID, BUSINESS_STEP,
      EVENT_TYPE, EVENT_TIME);

  /** Columns outside the canonical ones that later tools are known to add. */
  public static final Set<String> KNOWN_EXTRA_COLUMNS = Set.of(FACTORY);

  private ScanFileColumns() {
  }

  /** Whether {@code name} is a canonical column or a known extra one. */
  public static boolean isKnown(String name) {
    return CANONICAL_COLUMNS.contains(name) || KNOWN_EXTRA_COLUMNS.contains(name);
  }

  private static List<String> canonical() {
    List<String> columns = new ArrayList<>(RAW_COLUMNS.size() + 1);
    columns.add(EVENT_ID);
    columns.addAll(RAW_COLUMNS);
    return Collections.unmodifiableList(columns);
  }
}
