// The analyst's page: loads a request, asks /api/compare for every serving detector's answer,
// and shows them side by side, each EPC's trail on the network map, and the detector list.
import {TYPES, InputError, parseInput, buildModel, verdict, filterRows, sortRows, reportedCounts,
  pairAgreement, trailOf, parseCsv, locationLabel, parseLabels, evaluateVerdicts} from './analysis.js';
import {drawMap} from './map.js';

const PAGE_SIZE = 100;
const KEY_STORE = 'anomaly.apiKey';
const $ = id => document.getElementById(id);

const state = {
  model: null, filtered: [], page: 0, sortKey: 'eventId', descending: false,
  locations: [], routes: [], locationById: new Map(), selectedEpc: null, labels: null,
};

function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name === 'class') {
      node.className = value;
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  children.flat().forEach(child => node.append(child instanceof Node ? child : String(child)));
  return node;
}

const number = n => n.toLocaleString('en-US');
const score = s => (s === null ? '–' : s.toFixed(1));

// ---- talking to the gateway ----

function headers(json) {
  const result = json ? {'Content-Type': 'application/json'} : {};
  const key = $('api-key').value.trim();
  if (key !== '') {
    result['X-API-Key'] = key;
  }
  return result;
}

async function call(path, body) {
  const response = await fetch(path, body === undefined
    ? {headers: headers(false)}
    : {method: 'POST', headers: headers(true), body});
  if (response.ok) {
    return response.json();
  }
  let detail = `${response.status} ${response.statusText}`;
  try {
    detail = (await response.json()).detail || detail;
  } catch (ignored) {
    // not JSON: the status line says enough
  }
  const hint = response.status === 401 ? ' Type the gateway\'s API key in the "API key" field at the top.' : '';
  throw new InputError(`The gateway answered ${response.status}: ${detail}.${hint}`);
}

// ---- loading ----

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = false;
}

function clearMessages() {
  $('error').hidden = true;
  $('error').textContent = '';
  $('problems').hidden = true;
}

async function analyse(text, source) {
  clearMessages();
  const started = performance.now();
  let parsed;
  try {
    parsed = parseInput(text);
  } catch (e) {
    showError(`${source}: ${e.message}`);
    return;
  }
  const status = $('status');
  status.textContent = `Scoring ${number(parsed.request.data.length)} items with every serving detector…`;
  status.dataset.state = 'busy';
  let compare;
  const asked = performance.now();
  try {
    compare = await call('/api/compare', JSON.stringify(parsed.request));
  } catch (e) {
    showError(`${source}: ${e instanceof InputError ? e.message : `the gateway could not be reached (${e.message})`}`);
    status.textContent = '';
    status.dataset.state = 'failed';
    return;
  }
  const answered = performance.now();
  state.model = buildModel(parsed.request, compare);
  state.selectedEpc = null;
  $('trail').hidden = true;
  showProblems(parsed.problems, state.model.rejected);
  setUpFilters();
  renderSummary();
  applyFilters();
  $('results').hidden = false;
  renderEvaluation();
  const done = performance.now();
  const failures = Object.entries(state.model.failures).map(([id, why]) => `${id} could not answer: ${why}`);
  if (failures.length > 0) {
    showError(failures.join('; '));
  }
  status.textContent = `${source}: ${number(state.model.rows.length)} events analysed by `
    + `${state.model.detectors.map(d => d.version).join(', ') || 'no detector'}`
    + ` (${number(state.model.rejected.length + parsed.problems.length)} not analysed);`
    + ` gateway ${Math.round(answered - asked)} ms, page ${Math.round(done - answered + (asked - started))} ms.`;
  Object.assign(status.dataset, {state: 'done', events: state.model.rows.length,
    serverMs: (answered - asked).toFixed(1), renderMs: (done - answered + (asked - started)).toFixed(1)});
}

function showProblems(problems, rejected) {
  const rows = [
    ...problems.map(p => h('tr', {}, h('td', {}, `line ${p.line}`), h('td', {}, '–'), h('td', {}, '–'), h('td', {}, p.reason))),
    ...rejected.map(r => h('tr', {dataset: {index: r.index}}, h('td', {}, `item ${r.index}`),
      h('td', {}, r.eventId ?? '–'), h('td', {}, r.field ?? '–'), h('td', {}, r.reason))),
  ];
  $('rejected-table').tBodies[0].replaceChildren(...rows);
  $('problems').hidden = rows.length === 0;
}

// ---- side by side ----

function setUpFilters() {
  const typeSelect = $('filter-type');
  typeSelect.replaceChildren(h('option', {value: 'all'}, 'all types'),
    ...TYPES.map((type, t) => h('option', {value: t}, type)));
  $('filter-detectors').replaceChildren(...state.model.detectors.map((d, i) =>
    h('label', {}, h('input', {type: 'checkbox', value: i, checked: true, 'data-detector': d.id}), ` ${d.id}`)));
  $('filter-show').value = 'all';
  $('filter-epc').value = '';
  state.sortKey = 'eventId';
  state.descending = false;
}

function chosen() {
  const detectorIdx = [...$('filter-detectors').querySelectorAll('input:checked')].map(box => Number(box.value));
  const type = $('filter-type').value;
  const typeIdx = type === 'all' ? TYPES.map((_, t) => t) : [Number(type)];
  return {detectorIdx, typeIdx, show: $('filter-show').value, epc: $('filter-epc').value};
}

function renderSummary() {
  const {detectors, rows, agreement} = state.model;
  const counts = reportedCounts(rows, detectors.length);
  $('counts').tHead.replaceChildren(h('tr', {}, h('th', {scope: 'col'}, 'detector'),
    ...TYPES.map(type => h('th', {scope: 'col'}, type))));
  const body = detectors.map((d, i) => h('tr', {}, h('th', {scope: 'row', title: d.method}, d.id),
    ...TYPES.map((type, t) => h('td', {dataset: {detector: d.id, type}}, number(counts[i][t])))));
  for (const [label, field] of [['all agree', 'agree'], ['disagree', 'disagree']]) {
    body.push(h('tr', {class: 'agreement'}, h('th', {scope: 'row'}, label),
      ...TYPES.map(type => h('td', {dataset: {agreement: field, type}},
        number((agreement[type] || {})[field] ?? 0)))));
  }
  $('counts').tBodies[0].replaceChildren(...body);
  const pairs = pairAgreement(rows, detectors.length);
  $('pairs').tHead.replaceChildren(h('tr', {}, h('th', {scope: 'col'}, 'detectors'),
    ...TYPES.map(type => h('th', {scope: 'col'}, type))));
  $('pairs').tBodies[0].replaceChildren(...pairs.map(({a, b, same}) =>
    h('tr', {}, h('th', {scope: 'row'}, `${detectors[a].id} – ${detectors[b].id}`),
      ...same.map((n, t) => h('td', {dataset: {pair: `${detectors[a].id}:${detectors[b].id}`, type: TYPES[t]},
        title: `${number(n)} of ${number(rows.length)} events`},
      rows.length === 0 ? '–' : `${(100 * n / rows.length).toFixed(1)} %`)))));
}

function applyFilters() {
  const started = performance.now();
  state.filtered = sortRows(filterRows(state.model.rows, chosen()), state.sortKey, state.descending);
  state.page = 0;
  renderTable();
  const shown = $('shown');
  shown.textContent = `${number(state.filtered.length)} of ${number(state.model.rows.length)} events match the filter.`;
  Object.assign(shown.dataset, {matching: state.filtered.length, filterMs: (performance.now() - started).toFixed(1)});
}

const FIELDS = [['eventId', 'event'], ['fileId', 'file'], ['epc', 'EPC'], ['location', 'location'],
  ['step', 'event type'], ['time', 'time']];

function sortButton(key, label) {
  const active = state.sortKey === key;
  return h('button', {type: 'button', class: 'sort', dataset: {sort: key},
    'aria-label': `${label}: sort ${active && !state.descending ? 'descending' : 'ascending'}`},
  label, active ? (state.descending ? ' ▼' : ' ▲') : '');
}

function sortState(key) {
  return state.sortKey === key ? (state.descending ? 'descending' : 'ascending') : 'none';
}

function renderTable() {
  const {detectorIdx, typeIdx} = chosen();
  const detectors = state.model.detectors;
  const top = h('tr', {}, ...FIELDS.map(([key, label]) =>
    h('th', {scope: 'col', rowspan: 2, 'aria-sort': sortState(key)}, sortButton(key, label))),
  ...detectorIdx.map(d => h('th', {scope: 'colgroup', colspan: typeIdx.length, class: 'detector'}, detectors[d].id)));
  const second = h('tr', {}, ...detectorIdx.flatMap(d => typeIdx.map(t => {
    const key = `${d}:${t}`;
    return h('th', {scope: 'col', 'aria-sort': sortState(key)}, sortButton(key, TYPES[t]));
  })));
  $('events').tHead.replaceChildren(top, second);
  const pageRows = state.filtered.slice(state.page * PAGE_SIZE, (state.page + 1) * PAGE_SIZE);
  $('events').tBodies[0].replaceChildren(...pageRows.map(row => {
    const v = verdict(row, detectorIdx, typeIdx);
    return h('tr', {tabindex: 0, class: `verdict-${v}${row.epc === state.selectedEpc ? ' selected' : ''}`,
      'aria-selected': row.epc === state.selectedEpc, dataset: {epc: row.epc, eventId: row.eventId, verdict: v}},
    h('td', {}, row.eventId), h('td', {}, row.fileId), h('td', {class: 'epc'}, row.epc),
    locationCell(row.location), h('td', {}, row.type), h('td', {class: 'time'}, row.time),
    ...detectorIdx.flatMap(d => typeIdx.map(t => h('td', {class: row.scores[d][t] === null ? 'score none' : 'score hit',
      dataset: {detector: detectors[d].id, type: TYPES[t]}}, score(row.scores[d][t])))));
  }));
  const pages = Math.max(1, Math.ceil(state.filtered.length / PAGE_SIZE));
  $('page-info').textContent = `page ${state.page + 1} of ${pages}`;
  $('prev-page').disabled = state.page === 0;
  $('next-page').disabled = state.page >= pages - 1;
}

function locationName(id) {
  const l = state.locationById.get(String(id));
  return l ? locationLabel(l) : `${id} (not a known location)`;
}

/** A table cell naming a location in Latin letters, its reference (Korean) name as the tooltip. */
function locationCell(id) {
  const l = state.locationById.get(String(id));
  return h('td', {title: l ? l.scan_location : null, lang: 'en'}, locationName(id));
}

// ---- evaluation ----

const share = x => (x === null ? '–' : x.toFixed(3));

function renderEvaluation() {
  if (!state.model || !state.labels) {
    $('evaluation').hidden = true;
    return;
  }
  const {results, labelled, unlabelled} = evaluateVerdicts(state.model.rows, state.labels.labels, state.model.detectors.length);
  $('evaluation-note').textContent = `${number(labelled)} events labelled by ${state.labels.name}`
    + (unlabelled > 0 ? `; ${number(unlabelled)} events have no label and are left out` : '')
    + (state.labels.problems.length > 0 ? `; ${number(state.labels.problems.length)} label lines could not be read`
      + ` (first: line ${state.labels.problems[0].line}, ${state.labels.problems[0].reason})` : '') + '.';
  $('metrics').tBodies[0].replaceChildren(...state.model.detectors.flatMap((d, i) => TYPES.map((type, t) => {
    const r = results[i][t];
    return h('tr', {dataset: {detector: d.id, type}}, h('th', {scope: 'row'}, d.id), h('td', {}, type),
      ...[['tp', number(r.tp)], ['fp', number(r.fp)], ['fn', number(r.fn)], ['precision', share(r.precision)],
        ['recall', share(r.recall)], ['f1', share(r.f1)]].map(([metric, text]) =>
        h('td', {class: 'num', dataset: {metric}}, text)));
  })));
  $('evaluation').hidden = false;
}

// ---- trail ----

function selectTrail(epc, focus = true) {
  state.selectedEpc = epc;
  const {detectorIdx, typeIdx} = chosen();
  const detectors = state.model.detectors;
  const stops = trailOf(state.model.rows, epc).map(row => ({...row, verdict: verdict(row, detectorIdx, typeIdx)}));
  const hops = stops.slice(1).map((stop, i) => ({from: stops[i].location, to: stop.location, verdict: stop.verdict,
    label: `hop ${i + 1}: ${locationName(stops[i].location)} → ${locationName(stop.location)}, arrival event ${stop.eventId}: ${stop.verdict}`}));
  $('trail-title').textContent = `Trail of ${epc}: ${stops.length} events`;
  drawMap($('map'), state.locations, state.routes, stops, hops, $('zoom').checked);
  $('timeline').tHead.replaceChildren(h('tr', {}, h('th', {scope: 'col'}, '#'), h('th', {scope: 'col'}, 'time'),
    h('th', {scope: 'col'}, 'location'), h('th', {scope: 'col'}, 'event type'), h('th', {scope: 'col'}, 'event'),
    ...detectorIdx.map(d => h('th', {scope: 'col'}, detectors[d].id))));
  $('timeline').tBodies[0].replaceChildren(...stops.map((stop, i) => h('tr', {class: `verdict-${stop.verdict}`,
    dataset: {eventId: stop.eventId, location: stop.location, verdict: stop.verdict}},
  h('td', {}, i + 1), h('td', {class: 'time'}, stop.time), locationCell(stop.location),
  h('td', {}, stop.type), h('td', {}, stop.eventId),
  ...detectorIdx.map(d => h('td', {dataset: {detector: detectors[d].id}},
    typeIdx.filter(t => stop.scores[d][t] !== null).map(t => `${TYPES[t]} ${score(stop.scores[d][t])}`).join(', ') || '–')))));
  $('trail').hidden = false;
  renderTable();
  if (focus) {
    $('trail-title').focus();
  }
}

// ---- detectors ----

async function loadDetectors() {
  let list;
  try {
    list = await call('/api/detectors');
  } catch (e) {
    $('detector-table').tBodies[0].replaceChildren(h('tr', {}, h('td', {colspan: 6}, e.message)));
    return;
  }
  $('detector-table').tBodies[0].replaceChildren(...list.detectors.map(d => h('tr', {dataset: {detector: d.id}},
    h('th', {scope: 'row'}, d.id), h('td', {}, d.version ?? '–'), h('td', {class: `state-${d.state}`}, d.state),
    h('td', {}, d.streaming ? `yes (${d.streamPath})` : 'no'),
    h('td', {}, d.routes.map(r => `${r.route}: ${r.role}${r.weight !== undefined ? ` ${r.weight}`
      : r.position !== undefined ? ` #${r.position}` : ''}`).join('; ') || '–'),
    h('td', {}, d.lastFailure ?? '–'))));
  $('route-table').tBodies[0].replaceChildren(...Object.entries(list.routes).map(([name, r]) => h('tr', {},
    h('th', {scope: 'row'}, name), h('td', {class: 'path'}, r.path),
    h('td', {}, Object.entries(r.targets || {}).map(([id, w]) => `${id} (${w})`).join(', ')),
    h('td', {}, (r.fallback || []).join(' → ') || '–'), h('td', {}, r.shadow ?? '–'))));
  $('load-failures').replaceChildren(...list.loadFailures.map(f =>
    h('li', {}, `${f.at}: ${f.subject} failed at ${f.stage}: ${f.reason}`)));
}

// ---- wiring ----

async function loadReference() {
  const [locations, routes] = await Promise.all(['data/locations.csv', 'data/transition_stats.csv']
    .map(path => fetch(path).then(r => r.text()).then(parseCsv)));
  state.locations = locations;
  state.routes = routes;
  state.locationById = new Map(locations.map(l => [String(l.location_id), l]));
}

function moveFocus(row, step) {
  const next = step > 0 ? row.nextElementSibling : row.previousElementSibling;
  if (next) {
    next.focus();
  }
}

function wire() {
  const key = $('api-key');
  key.value = sessionStorage.getItem(KEY_STORE) || '';
  key.addEventListener('change', () => {
    sessionStorage.setItem(KEY_STORE, key.value.trim());
    loadDetectors();
  });
  $('load-sample').addEventListener('click', async () => {
    const path = $('sample').value;
    const text = await fetch(path).then(r => r.text());
    $('paste').value = text;
    analyse(text, `sample ${path.split('/').pop()}`);
  });
  $('upload').addEventListener('change', async event => {
    const file = event.target.files[0];
    if (file) {
      await analyse(await file.text(), `file ${file.name}`);
      event.target.value = '';
    }
  });
  $('labels').addEventListener('change', async event => {
    const file = event.target.files[0];
    if (!file) {
      return;
    }
    clearMessages();
    try {
      state.labels = {name: file.name, ...parseLabels(await file.text())};
    } catch (e) {
      state.labels = null;
      showError(`file ${file.name}: ${e.message}`);
    }
    event.target.value = '';
    renderEvaluation();
  });
  const paste = $('paste');
  paste.addEventListener('dragover', event => event.preventDefault());
  paste.addEventListener('drop', async event => {
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (file) {
      analyse(await file.text(), `file ${file.name}`);
    }
  });
  $('analyse').addEventListener('click', () => analyse(paste.value, 'pasted request'));
  for (const id of ['filter-type', 'filter-show', 'filter-detectors']) {
    $(id).addEventListener('change', applyFilters);
  }
  $('filter-epc').addEventListener('input', applyFilters);
  $('events').tHead.addEventListener('click', event => {
    const button = event.target.closest('button.sort');
    if (button) {
      const key = button.dataset.sort;
      state.descending = state.sortKey === key ? !state.descending : key.includes(':');
      state.sortKey = key;
      state.filtered = sortRows(state.filtered, state.sortKey, state.descending);
      state.page = 0;
      renderTable();
      $('events').querySelector(`button.sort[data-sort="${key}"]`).focus();
    }
  });
  const body = $('events').tBodies[0];
  body.addEventListener('click', event => {
    const row = event.target.closest('tr');
    if (row) {
      selectTrail(row.dataset.epc);
    }
  });
  body.addEventListener('keydown', event => {
    const row = event.target.closest('tr');
    if (!row) {
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      selectTrail(row.dataset.epc);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      moveFocus(row, event.key === 'ArrowDown' ? 1 : -1);
    }
  });
  $('prev-page').addEventListener('click', () => {
    state.page--;
    renderTable();
  });
  $('next-page').addEventListener('click', () => {
    state.page++;
    renderTable();
  });
  $('refresh-detectors').addEventListener('click', loadDetectors);
  $('zoom').addEventListener('change', () => selectTrail(state.selectedEpc, false));
}

wire();
loadReference().then(() => {
  document.body.dataset.ready = 'true';
}, e => showError(`The page could not read its reference locations: ${e.message}`));
loadDetectors();
