package org.barcodeanomaly.api.epc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who may issue which EPC: the registered companies, the product codes each one owns and the lot
 * prefixes of the four factories (docs/spec/DATA.md). It answers the content questions a format check
 * misses: a product its company does not own, a lot prefix of no factory.
 *
 * <p>Immutable; {@link #standard()} is loaded once from the bundled {@code products.csv} and
 * {@code factories.csv}.
 */
public final class EpcRegistry {

  /** One product of the catalogue. */
  public record Product(String name, String code, String company) { }

  /** One factory: its site code, lot prefix, location id and export file name. */
  public record Factory(String site, String lotPrefix, int locationId, String file) { }

  private static volatile EpcRegistry standard;

  private final Map<String, Product> productsByCode;
  private final Map<String, Factory> factoriesByPrefix;
  private final Set<String> companies;

  private EpcRegistry(List<Product> products, List<Factory> factories) {
    Map<String, Product> byCode = new LinkedHashMap<>();
    Map<String, String> companyOrder = new LinkedHashMap<>();
    for (Product product : products) {
      byCode.put(product.code(), product);
      companyOrder.put(product.company(), product.company());
    }
    Map<String, Factory> byPrefix = new LinkedHashMap<>();
    for (Factory factory : factories) {
      byPrefix.put(factory.lotPrefix(), factory);
    }
    this.productsByCode = Collections.unmodifiableMap(byCode);
    this.factoriesByPrefix = Collections.unmodifiableMap(byPrefix);
    this.companies = Collections.unmodifiableSet(companyOrder.keySet());
  }

  /** The catalogue of the production data, bundled with plugin-api. */
  public static EpcRegistry standard() {
    EpcRegistry registry = standard;
    if (registry == null) {
      synchronized (EpcRegistry.class) {
        registry = standard;
        if (registry == null) {
          List<Product> products = new ArrayList<>();
          for (String[] row : readCsv("products.csv", 3)) {
            products.add(new Product(row[0], row[1], row[2]));
          }
          List<Factory> factories = new ArrayList<>();
          for (String[] row : readCsv("factories.csv", 4)) {
            factories.add(new Factory(row[0], row[1], Integer.parseInt(row[2]), row[3]));
          }
          registry = new EpcRegistry(products, factories);
          standard = registry;
        }
      }
    }
    return registry;
  }

  /** Whether {@code company} is one of the registered companies. */
  public boolean isRegisteredCompany(String company) {
    return companies.contains(company);
  }

  /** The registered companies, in catalogue order. */
  public Set<String> companies() {
    return companies;
  }

  /** The product with this 7-digit code, or {@code null} when the catalogue has none. */
  public Product product(String code) {
    return productsByCode.get(code);
  }

  /** Every product, in catalogue order. */
  public List<Product> products() {
    return List.copyOf(productsByCode.values());
  }

  /** Whether {@code company} owns {@code productCode}. */
  public boolean owns(String company, String productCode) {
    Product product = productsByCode.get(productCode);
    return product != null && product.company().equals(company);
  }

  /** The factory that uses this 2-digit lot prefix, or {@code null} when none does. */
  public Factory factoryOfLotPrefix(String prefix) {
    return factoriesByPrefix.get(prefix);
  }

  /** The four factories, in table order. */
  public List<Factory> factories() {
    return List.copyOf(factoriesByPrefix.values());
  }

  private static List<String[]> readCsv(String name, int columns) {
    InputStream in = Objects.requireNonNull(EpcRegistry.class.getResourceAsStream(name),
        () -> "bundled resource " + name + " is missing from plugin-api");
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine();
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          String[] row = line.split(",", -1);
          if (row.length != columns) {
            throw new IllegalStateException(name + ": expected " + columns + " columns in '" + line + "'");
          }
          rows.add(row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled " + name, e);
    }
    return rows;
  }
}
