package org.barcodeanomaly.api.contract;

/**
 * The seven required fields of a request item, in contract order: the order in which an item's
 * problems are looked for, so the one reported is always the first of them.
 */
enum ContractField {
  EVENT_ID("event_id"),
  EPC_CODE("epc_code"),
  LOCATION_ID("location_id"),
  BUSINESS_STEP("business_step"),
  EVENT_TYPE("event_type"),
  EVENT_TIME("event_time"),
  FILE_ID("file_id");

  /** The alias of {@code event_id} that first-generation clients send. */
  static final String EVENT_ID_ALIAS = "eventId";

  static final ContractField[] ALL = values();

  private final String jsonName;

  ContractField(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name in request JSON. */
  String jsonName() {
    return jsonName;
  }

  /** The field called {@code name} in request JSON, or {@code null} for a field the contract ignores. */
  static ContractField ofJsonName(String name) {
    switch (name) {
      case "event_id":
      case EVENT_ID_ALIAS:
        return EVENT_ID;
      case "epc_code":
        return EPC_CODE;
      case "location_id":
        return LOCATION_ID;
      case "business_step":
        return BUSINESS_STEP;
      case "event_type":
        return EVENT_TYPE;
      case "event_time":
        return EVENT_TIME;
      case "file_id":
        return FILE_ID;
      default:
        return null;
    }
  }
}
