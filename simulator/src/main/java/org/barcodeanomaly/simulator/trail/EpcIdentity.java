package org.barcodeanomaly.simulator.trail;

import org.barcodeanomaly.api.epc.EpcRegistry;

/**
 * What a scan file repeats on every row of one EPC besides the code itself.
 *
 * @param factory           the factory that made the item; its file receives the rows
 * @param productName       {@code product_name}, e.g. {@code Product 4}
 * @param manufactureSecond the lot's aggregation time: the {@code manufacture_date} column
 * @param expiryDate        {@code expiry_date} as {@code YYYYMMDD}
 */
public record EpcIdentity(EpcRegistry.Factory factory, String productName, long manufactureSecond,
    String expiryDate) {
}
