/**
 * How scan times are written in scan files and requests, and how a time without a zone is read.
 * Nothing here is null unless its javadoc says so.
 */
package org.barcodeanomaly.api.time;
