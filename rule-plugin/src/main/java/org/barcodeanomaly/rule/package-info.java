/**
 * The rule-based detector plugin: {@link org.barcodeanomaly.rule.RuleDetector}, its options and
 * its {@code ServiceLoader} provider. Nothing here accepts or returns null unless its javadoc says so.
 */
package org.barcodeanomaly.rule;
