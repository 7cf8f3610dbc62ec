/**
 * The five rules, one class per anomaly type, and the travel-time model two of them share.
 * Each rule documents its scores as public constants. Nothing here accepts or returns null.
 */
package org.barcodeanomaly.rule.rules;
