package org.barcodeanomaly.api.epc;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * An EPC split into its six fields, with each field's format judged on its own.
 *
 * <p>Parsing never fails: a malformed code is data the detectors must score, so every check is a
 * question this object answers ({@link #wellFormed()}, {@link #headerValid()}, ...). Content
 * checks that need the product catalogue live in {@link EpcRegistry}.
 *
 * <p>Layout: {@code header.company.product.lot.manufacture.serial}, 3+7+7+6+8+9 digits, 45
 * characters with the dots, e.g. {@code 001.8804823.1293291.010004.20250701.000004002}.
 */
public final class EpcCode {

  /** The only header in use. */
  public static final String HEADER = "001";
  /** Number of dot-separated fields of a well-formed code. */
  public static final int FIELD_COUNT = 6;

  private final String raw;
  private final String[] fields;
  private final LocalDate manufactureDate;

  private EpcCode(String raw, String[] fields) {
    this.raw = raw;
    this.fields = fields;
    this.manufactureDate = fields.length == FIELD_COUNT ? parseDate(fields[4]) : null;
  }

  /** Splits {@code raw} into fields; never throws, whatever the input. */
  public static EpcCode parse(String raw) {
    String value = raw == null ? "" : raw;
    return new EpcCode(value, value.split("\\.", -1));
  }

  /** The code as scanned. */
  public String raw() {
    return raw;
  }

  /** Number of dot-separated fields found. */
  public int fieldCount() {
    return fields.length;
  }

  /** Whether the code has exactly six fields (the other checks need that). */
  public boolean wellFormed() {
    return fields.length == FIELD_COUNT;
  }

  /** The header field, or {@code null} when the code is not well formed. */
  public String header() {
    return field(0);
  }

  /** The 7-digit company field, or {@code null} when the code is not well formed. */
  public String company() {
    return field(1);
  }

  /** The 7-digit product field, or {@code null} when the code is not well formed. */
  public String product() {
    return field(2);
  }

  /** The 6-digit lot field, or {@code null} when the code is not well formed. */
  public String lot() {
    return field(3);
  }

  /** The {@code YYYYMMDD} manufacture field, or {@code null} when the code is not well formed. */
  public String manufactureField() {
    return field(4);
  }

  /** The 9-digit serial field, or {@code null} when the code is not well formed. */
  public String serial() {
    return field(5);
  }

  /** Whether the header is {@value #HEADER}. */
  public boolean headerValid() {
    return HEADER.equals(header());
  }

  /** Whether the company field is seven digits (registration is {@link EpcRegistry}'s question). */
  public boolean companyFormatValid() {
    return digits(company(), 7);
  }

  /** Whether the product field is seven digits. */
  public boolean productFormatValid() {
    return digits(product(), 7);
  }

  /** Whether the lot field is six digits. */
  public boolean lotFormatValid() {
    return digits(lot(), 6);
  }

  /** Whether the serial field is nine digits. */
  public boolean serialFormatValid() {
    return digits(serial(), 9);
  }

  /** The manufacture date, or {@code null} when the field is missing or not a real date. */
  public LocalDate manufactureDate() {
    return manufactureDate;
  }

  /** The 2-digit factory prefix of the lot, or {@code null} when the lot is malformed. */
  public String lotPrefix() {
    return lotFormatValid() ? lot().substring(0, 2) : null;
  }

  @Override
  public String toString() {
    return raw;
  }

  private String field(int index) {
    return fields.length == FIELD_COUNT ? fields[index] : null;
  }

  private static boolean digits(String value, int length) {
    if (value == null || value.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static LocalDate parseDate(String value) {
    if (!digits(value, 8)) {
      return null;
    }
    int year = Integer.parseInt(value.substring(0, 4));
    int month = Integer.parseInt(value.substring(4, 6));
    int day = Integer.parseInt(value.substring(6, 8));
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
