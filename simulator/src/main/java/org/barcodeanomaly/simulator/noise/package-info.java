/**
 * Reader noise of the field profile that is not fraud and stays labelled normal. Nothing here is
 * null unless its javadoc says so.
 */
package org.barcodeanomaly.simulator.noise;
