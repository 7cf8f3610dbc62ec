/**
 * The acceptance kit every detector's acceptance test extends: the same independent reference
 * trails, the same figures, per-detector bars. Nothing here is null unless its javadoc says so.
 */
package org.barcodeanomaly.evaluation.acceptance;
