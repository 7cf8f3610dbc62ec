// What the analyst's page knows, without the page: reading a pasted or uploaded request, joining
// the detectors' answers of /api/compare to the request's events, filters, sorting, agreement.
// No DOM here, so every rule of the page is in one place and plain to read.

export const TYPES = ['epcFake', 'epcDup', 'locErr', 'evtOrderErr', 'jump'];

/** A problem with what the analyst loaded: shown as is, so it names what to fix. */
export class InputError extends Error {}

const SCAN_COLUMNS = ['epc_code', 'location_id', 'business_step', 'event_type', 'event_time'];

/**
 * Reads a contract request (JSON) or a raw scan file (TAB-separated, header row, as the production
 * exports). Returns {kind, request, problems}: problems are scan-file lines that could not be read
 * (line number and reason); they are never dropped silently.
 */
export function parseInput(text) {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') {
    throw new InputError('Nothing to analyse: paste or upload a contract request (JSON) or a scan file (TAB-separated).');
  }
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    return {kind: 'json', request: parseContract(trimmed), problems: []};
  }
  return parseScanFile(trimmed);
}

function parseContract(text) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`The request is not valid JSON (${e.message}): fix it, or upload a scan file with TAB-separated columns.`);
  }
  if (json === null || Array.isArray(json) || typeof json !== 'object' || !Array.isArray(json.data)) {
    throw new InputError('The JSON has no "data" array: a contract request is {"data": [ {"event_id": ..., "epc_code": ..., ...} ]}.');
  }
  return json;
}

function parseScanFile(text) {
  const lines = text.split(/\r?\n/);
  const header = lines[0].split('\t').map(name => name.trim());
  if (header.length < 2) {
    throw new InputError('Not a contract request (JSON) nor a scan file: the first line has no TAB;'
      + ' a scan file has a header row of TAB-separated column names (epc_code, location_id, ...).');
  }
  const missing = SCAN_COLUMNS.filter(column => !header.includes(column));
  if (missing.length > 0) {
    throw new InputError(`The scan file's header lacks the column(s) ${missing.join(', ')}; it has ${header.join(', ')}.`);
  }
  const at = Object.fromEntries(header.map((name, i) => [name, i]));
  const data = [];
  const problems = [];
  for (let row = 1; row < lines.length; row++) {
    if (lines[row].trim() === '') {
      continue;
    }
    const cells = lines[row].split('\t');
    if (cells.length !== header.length) {
      problems.push({line: row + 1, reason: `has ${cells.length} fields where the header has ${header.length}`});
      continue;
    }
    data.push({
      event_id: 'event_id' in at ? integerOrText(cells[at.event_id]) : row,
      epc_code: cells[at.epc_code],
      location_id: integerOrText(cells[at.location_id]),
      business_step: cells[at.business_step],
      event_type: cells[at.event_type],
      event_time: cells[at.event_time],
      file_id: 'file_id' in at ? integerOrText(cells[at.file_id]) : 1,
    });
  }
  return {kind: 'tsv', request: {data}, problems};
}

// A number where the column holds one; the text otherwise, so that the gateway rejects the item
// naming the field and the value (rejectedEvents) instead of the page guessing.
function integerOrText(cell) {
  const value = cell.trim();
  return /^-?\d{1,15}$/.test(value) ? Number(value) : value;
}

/** The answer of one detector as a list of file objects (one file: the contract's bare object). */
function filesOf(response) {
  return Array.isArray(response) ? response : [response];
}

const eventKey = (fileId, eventId) => `${fileId}\u0000${eventId}`;

/**
 * Joins the request's accepted events with each detector's answer. Every row has, per detector,
 * per type, the reported score or null (the contract lists only reported types).
 */
export function buildModel(request, compare) {
  const detectors = compare.detectors.map(d => ({id: d.id, version: d.version, files: filesOf(d.response)}));
  const rejected = rejectedOf(detectors);
  const rejectedIndexes = new Set(rejected.map(r => r.index));
  const reportedBy = detectors.map(d => {
    const byEvent = new Map();
    for (const file of d.files) {
      for (const entry of file.EventHistory || []) {
        const key = eventKey(file.fileId, entry.eventId);
        if (!byEvent.has(key)) {
          byEvent.set(key, entry);
        }
      }
    }
    return byEvent;
  });
  const rows = [];
  request.data.forEach((item, index) => {
    if (rejectedIndexes.has(index)) {
      return;
    }
    const eventId = item.event_id ?? item.eventId;
    const key = eventKey(item.file_id, eventId);
    const scores = detectors.map((d, i) => {
      const entry = reportedBy[i].get(key);
      return TYPES.map(type => (entry && entry[type] === true ? entry[`${type}Score`] : null));
    });
    rows.push({
      index, eventId, fileId: item.file_id, epc: item.epc_code, location: item.location_id,
      step: item.business_step, type: item.event_type, time: item.event_time, scores,
    });
  });
  return {
    detectors: detectors.map(d => ({id: d.id, version: d.version,
      method: d.files.length > 0 ? d.files[0].method : d.version,
      warning: d.files.map(f => f.warning).find(w => w) || null})),
    failures: compare.failures || {},
    agreement: compare.agreement || {},
    rows, rejected,
  };
}

function rejectedOf(detectors) {
  const byIndex = new Map();
  for (const d of detectors) {
    for (const file of d.files) {
      for (const item of file.rejectedEvents || []) {
        byIndex.set(item.index, item);
      }
    }
  }
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

/** Whether detector column {@code d} reported {@code row} for type column {@code t}. */
export const reported = (row, d, t) => row.scores[d][t] !== null;

/** Verdicts of the chosen detectors on the chosen types: 'normal', 'anomaly' (all agree) or 'disagree'. */
export function verdict(row, detectorIdx, typeIdx) {
  let some = false;
  let disagree = false;
  for (const t of typeIdx) {
    let count = 0;
    for (const d of detectorIdx) {
      if (reported(row, d, t)) {
        count++;
      }
    }
    if (count > 0) {
      some = true;
      if (count < detectorIdx.length) {
        disagree = true;
      }
    }
  }
  return disagree ? 'disagree' : (some ? 'anomaly' : 'normal');
}

/**
 * The rows a filter keeps: detectors and types chosen (indexes), 'all' | 'reported' |
 * 'disagree' verdicts, and an EPC substring.
 */
export function filterRows(rows, {detectorIdx, typeIdx, show = 'all', epc = ''}) {
  const needle = epc.trim();
  return rows.filter(row => {
    if (needle !== '' && !String(row.epc).includes(needle)) {
      return false;
    }
    if (show === 'all') {
      return true;
    }
    const v = verdict(row, detectorIdx, typeIdx);
    return show === 'disagree' ? v === 'disagree' : v !== 'normal';
  });
}

const FIELD_KEYS = {eventId: r => r.eventId, fileId: r => r.fileId, epc: r => r.epc, location: r => r.location,
  step: r => r.type, time: r => r.time};

/** A sorted copy: by a field ('eventId', 'time', ...) or by a score ('d:t', unreported last). */
export function sortRows(rows, key, descending) {
  let read;
  if (key in FIELD_KEYS) {
    read = FIELD_KEYS[key];
  } else {
    const [d, t] = key.split(':').map(Number);
    read = r => (r.scores[d][t] === null ? -1 : r.scores[d][t]);
  }
  const sign = descending ? -1 : 1;
  return rows.map((row, i) => [row, i]).sort(([a, i], [b, j]) => {
    const x = read(a);
    const y = read(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c !== 0 ? sign * c : i - j;
  }).map(([row]) => row);
}

/** Per detector, per type: how many rows it reported. */
export function reportedCounts(rows, detectorCount) {
  const counts = Array.from({length: detectorCount}, () => TYPES.map(() => 0));
  for (const row of rows) {
    for (let d = 0; d < detectorCount; d++) {
      for (let t = 0; t < TYPES.length; t++) {
        if (reported(row, d, t)) {
          counts[d][t]++;
        }
      }
    }
  }
  return counts;
}

/** Per pair of detectors (a < b), per type: on how many rows their verdicts are the same. */
export function pairAgreement(rows, detectorCount) {
  const pairs = [];
  for (let a = 0; a < detectorCount; a++) {
    for (let b = a + 1; b < detectorCount; b++) {
      const same = TYPES.map(() => 0);
      for (const row of rows) {
        for (let t = 0; t < TYPES.length; t++) {
          if (reported(row, a, t) === reported(row, b, t)) {
            same[t]++;
          }
        }
      }
      pairs.push({a, b, same});
    }
  }
  return pairs;
}

/** The events of one EPC in time order (the order of the request among equal times). */
export function trailOf(rows, epc) {
  return rows.filter(row => row.epc === epc)
    .map((row, i) => [row, i])
    .sort(([a, i], [b, j]) => String(a.time).localeCompare(String(b.time)) || i - j)
    .map(([row]) => row);
}

/**
 * Reads a labels.csv of the simulator's layout: a header naming event_id and the five types, then
 * one row per event with 0 or 1 per type. Returns {labels: Map(event id -> [0|1 x 5]), problems}.
 */
export function parseLabels(text) {
  const lines = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const header = lines[0].split(',').map(name => name.trim());
  const missing = ['event_id', ...TYPES].filter(name => !header.includes(name));
  if (missing.length > 0) {
    throw new InputError(`The labels file's header lacks the column(s) ${missing.join(', ')}; a labels.csv starts with event_id,${TYPES.join(',')}.`);
  }
  const at = ['event_id', ...TYPES].map(name => header.indexOf(name));
  const labels = new Map();
  const problems = [];
  for (let row = 1; row < lines.length; row++) {
    const cells = lines[row].split(',').map(cell => cell.trim());
    const values = at.slice(1).map(i => cells[i]);
    if (cells.length !== header.length || !/^-?\d+$/.test(cells[at[0]]) || values.some(v => v !== '0' && v !== '1')) {
      problems.push({line: row + 1, reason: 'needs an integer event_id and 0 or 1 in each type column'});
      continue;
    }
    labels.set(cells[at[0]], values.map(Number));
  }
  return {labels, problems};
}

/**
 * Each detector's verdicts against labels, per type, at the detector's own thresholds (the
 * contract gives verdicts and the scores of reported types only, so no curve): true and false
 * positives, false negatives, precision, recall, F1. Rows without a label are counted apart.
 */
export function evaluateVerdicts(rows, labels, detectorCount) {
  const labelled = rows.filter(row => labels.has(String(row.eventId)));
  const results = [];
  for (let d = 0; d < detectorCount; d++) {
    results.push(TYPES.map((_, t) => {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const row of labelled) {
        const truth = labels.get(String(row.eventId))[t] === 1;
        const said = reported(row, d, t);
        tp += truth && said ? 1 : 0;
        fp += !truth && said ? 1 : 0;
        fn += truth && !said ? 1 : 0;
      }
      const precision = tp + fp === 0 ? null : tp / (tp + fp);
      const recall = tp + fn === 0 ? null : tp / (tp + fn);
      const f1 = precision === null || recall === null || precision + recall === 0 ? null
        : 2 * precision * recall / (precision + recall);
      return {tp, fp, fn, precision, recall, f1};
    }));
  }
  return {results, labelled: labelled.length, unlabelled: rows.length - labelled.length};
}

/**
 * A location's name in Latin letters, unique per location: id, site, tier and, for wholesalers and
 * retailers, their numbers in the reference names (수도권_도매상3_권역_소매상2: "74 Capital Retailer W3-R2").
 */
export function locationLabel(location) {
  const shop = /도매상(\d+)_권역_소매상(\d+)$/.exec(location.scan_location);
  const wholesaler = /도매상(\d+)$/.exec(location.scan_location);
  const number = shop ? ` W${shop[1]}-R${shop[2]}` : (wholesaler ? ` ${wholesaler[1]}` : '');
  return `${location.location_id} ${location.site} ${location.tier.replace('_', ' ')}${number}`;
}

/** Reads a small CSV with a header row and no quoted commas (the reference tables). */
export function parseCsv(text) {
  const lines = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const header = lines[0].split(',');
  return lines.slice(1).map(line => {
    const cells = line.split(',');
    return Object.fromEntries(header.map((name, i) => [name, cells[i]]));
  });
}
