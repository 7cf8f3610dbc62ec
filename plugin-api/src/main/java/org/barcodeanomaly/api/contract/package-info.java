/**
 * The HTTP JSON contract of the first generation, read and written without data binding:
 * {@link org.barcodeanomaly.api.contract.ContractRequestReader} turns a body into a
 * {@link org.barcodeanomaly.api.contract.ContractRequest},
 * {@link org.barcodeanomaly.api.contract.ContractAnalysis} scores it file by file (or, with a
 * streaming detector, in request order against its per-EPC buffers) and
 * {@link org.barcodeanomaly.api.contract.ContractResponseWriter} writes the answer.
 *
 * <h2>Reading a request</h2>
 * <ul>
 *   <li>The body must be a JSON object with a {@code data} array; other top-level fields are
 *       ignored. An empty body, another JSON value, invalid JSON, no {@code data}, a {@code data}
 *       that is not an array, or two {@code data} fields: {@link
 *       org.barcodeanomaly.api.contract.ContractFormatException}, whose message is the {@code detail}
 *       of a 400 answer.</li>
 *   <li>More than {@code maxEvents} items (default 100,000): {@link
 *       org.barcodeanomaly.api.contract.TooManyEventsException} with the limit (a 413 answer).</li>
 *   <li>All seven fields are required: {@code event_id} (alias {@code eventId}; when both are sent
 *       they must agree), {@code epc_code}, {@code location_id}, {@code business_step},
 *       {@code event_type}, {@code event_time}, {@code file_id}. Unknown fields are ignored.</li>
 *   <li>{@code event_id}, {@code location_id} and {@code file_id} are whole numbers sent as JSON
 *       integers or as strings of decimal digits ({@code 12345} or {@code "12345"}: some
 *       first-generation clients quote ids). A fraction, a boolean, {@code null}, an object, an
 *       array, a non-numeric string or a value out of range ({@code long}; {@code int} for
 *       {@code location_id}) rejects the item.</li>
 *   <li>{@code epc_code}, {@code business_step}, {@code event_type} and {@code event_time} must be
 *       JSON strings. Their content is not judged here: a malformed EPC, an unknown location or
 *       an unknown step or type name is what the detectors exist to flag.</li>
 *   <li>{@code event_time} is {@code YYYY-MM-DD HH:MM:SS} or ISO-8601 (see
 *       {@link org.barcodeanomaly.api.time.EventTimeFormat}). A time without zone or offset is read
 *       as a wall-clock time in {@link org.barcodeanomaly.api.contract.ContractOptions#getLocalTimeZone()},
 *       UTC unless configured.</li>
 *   <li>An item that is not an object, lacks a required field, has a field of the wrong JSON type
 *       or an unreadable time becomes a {@link org.barcodeanomaly.api.contract.RejectedEvent}: its
 *       index in {@code data}, its event id when readable, the first bad field in the order above
 *       ({@code item} when it is not an object) and the reason. The other items are answered.</li>
 * </ul>
 *
 * <h2>Writing a response</h2>
 * <ul>
 *   <li>One file: an object {@code {fileId, method, [warning], EventHistory, epcAnomalyStats,
 *       fileAnomalyStats, [rejectedEvents]}}. Several files: an array of such objects, in order
 *       of each {@code file_id}'s first appearance. No accepted event (empty {@code data}, or every
 *       item rejected): one such object with {@code fileId} 0, empty arrays and zero counts.</li>
 *   <li>{@code EventHistory}: only events with at least one reported type (score at or above the
 *       detector's threshold), in request order; {@code eventId}, then for each reported type
 *       {@code <type>: true} and {@code <type>Score} (0.0 to 100.0, one decimal), types in the
 *       contract's order (jump, evtOrderErr, epcFake, epcDup, locErr). No false flag, no null.</li>
 *   <li>{@code epcAnomalyStats}: only EPCs with at least one report, in order of the EPC's first
 *       event in the file; {@code fileAnomalyStats}: the same counts over the file. In both,
 *       {@code totalEvents} is the sum of the five counts (reports, not events).</li>
 *   <li>{@code warning} only when a fallback answered; {@code rejectedEvents} only when an item
 *       was rejected, so a clean answer holds exactly the contract's fields plus {@code method}.
 *       Each entry is {@code {index, eventId?, field, reason}} ({@code eventId} a number, absent
 *       when unreadable) and sits in the object of its file when its {@code file_id} was readable
 *       and that file has accepted events, else in the first object.</li>
 * </ul>
 *
 * <p>Nothing in this package is null unless its javadoc says so.
 */
package org.barcodeanomaly.api.contract;
