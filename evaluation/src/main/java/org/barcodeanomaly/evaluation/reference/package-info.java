/**
 * An independent generator of labelled trails from the reference network, not the product's simulator: the data every detector's acceptance test is measured on.
 */
package org.barcodeanomaly.evaluation.reference;
