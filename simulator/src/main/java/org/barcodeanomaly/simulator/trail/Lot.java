package org.barcodeanomaly.simulator.trail;

import org.barcodeanomaly.api.epc.EpcRegistry;

/**
 * One production lot: EPCs of one product, aggregated together at one factory.
 *
 * @param factory            the factory
 * @param index              lot index within the factory, from 1 (the last four digits of the lot field)
 * @param product            the lot's product
 * @param firstSerial        serial of the lot's first EPC; serials are contiguous within a factory
 * @param size               number of EPCs
 * @param aggregationSecond  the lot's Factory/Aggregation time
 * @param wmsInboundSecond   the lot's WMS_Inbound time at the factory's warehouse
 */
public record Lot(EpcRegistry.Factory factory, int index, EpcRegistry.Product product,
    long firstSerial, int size, long aggregationSecond, long wmsInboundSecond) {

  /** The six-digit lot field: the factory's two-digit prefix and the four-digit index. */
  public String lotField() {
    return factory.lotPrefix() + String.format("%04d", index);
  }
}
