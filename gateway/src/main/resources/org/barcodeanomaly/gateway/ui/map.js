// The location network as an SVG: the 58 reference locations placed by latitude and longitude,
// the observed routes as thin lines, and one EPC's trail drawn over them, hop by hop.

import {locationLabel} from './analysis.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 600;
const HEIGHT = 640;
const MARGIN = 24;
const TIERS = ['Factory', 'WMS', 'Logistics_HUB', 'Wholesaler', 'Retailer'];

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) {
    node.setAttribute(name, String(value));
  }
  children.forEach(child => node.append(child));
  return node;
}

/** Screen positions of the locations: an equirectangular projection fitted to the box. */
export function project(locations) {
  const lats = locations.map(l => Number(l.latitude));
  const lons = locations.map(l => Number(l.longitude));
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const xScale = Math.cos(midLat * Math.PI / 180);
  const minX = Math.min(...lons) * xScale;
  const maxX = Math.max(...lons) * xScale;
  const minY = Math.min(...lats);
  const maxY = Math.max(...lats);
  const scale = Math.min((WIDTH - 2 * MARGIN) / (maxX - minX || 1), (HEIGHT - 2 * MARGIN) / (maxY - minY || 1));
  const at = new Map();
  for (const l of locations) {
    at.set(String(l.location_id), {
      x: MARGIN + (Number(l.longitude) * xScale - minX) * scale,
      y: HEIGHT - MARGIN - (Number(l.latitude) - minY) * scale,
    });
  }
  return at;
}

/**
 * Draws the network and, when {@code hops} is given, a trail: hops [{from, to, verdict, label}]
 * between location ids, coloured by verdict ('normal', 'disagree', 'anomaly').
 */
export function drawMap(container, locations, routes, stops, hops, zoom) {
  const at = project(locations);
  const byName = new Map(locations.map(l => [l.scan_location, String(l.location_id)]));
  const box = zoom ? trailBox(stops.map(stop => at.get(String(stop.location))).filter(p => p)) : null;
  const k = box ? box.w / WIDTH : 1;
  const root = svg('svg', {viewBox: box ? `${box.x} ${box.y} ${box.w} ${box.h}` : `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img', class: 'network', 'aria-labelledby': 'map-title', 'data-zoomed': Boolean(box)});
  root.append(svg('title', {id: 'map-title'}, stops.length > 0
    ? `Trail over ${stops.length} events on the map of the ${locations.length} locations`
    : `The ${locations.length} locations and their routes`));
  const network = svg('g', {class: 'routes'});
  for (const route of routes) {
    const a = at.get(byName.get(route.from_scan_location));
    const b = at.get(byName.get(route.to_scan_location));
    if (a && b) {
      network.append(svg('line', {x1: a.x, y1: a.y, x2: b.x, y2: b.y}));
    }
  }
  root.append(network);
  const places = svg('g', {class: 'locations'});
  for (const l of locations) {
    const p = at.get(String(l.location_id));
    const tier = TIERS.includes(l.tier) ? l.tier : 'other';
    places.append(svg('circle', {cx: p.x, cy: p.y, r: (tier === 'Retailer' ? 3 : 5) * k, class: `tier-${tier}`,
      'data-location': l.location_id}, svg('title', {}, `${locationLabel(l)} (${l.scan_location})`)));
  }
  root.append(places);
  const trail = svg('g', {class: 'trail'});
  hops.forEach((hop, i) => {
    const a = at.get(String(hop.from));
    const b = at.get(String(hop.to));
    if (!a || !b) {
      return;
    }
    const attrs = {class: `trail-hop hop-${hop.verdict}`, 'data-hop': i + 1, 'data-from': hop.from,
      'data-to': hop.to, 'data-verdict': hop.verdict};
    const shape = a.x === b.x && a.y === b.y
      ? svg('circle', {...attrs, cx: a.x, cy: a.y, r: 9 * k, fill: 'none'})
      : svg('line', {...attrs, x1: a.x, y1: a.y, x2: b.x, y2: b.y});
    shape.append(svg('title', {}, hop.label));
    trail.append(shape);
  });
  stops.forEach((stop, i) => {
    const p = at.get(String(stop.location));
    if (p) {
      trail.append(svg('circle', {cx: p.x, cy: p.y, r: 6 * k, class: `stop stop-${stop.verdict}`}));
      trail.append(svg('text', {x: p.x + 6 * k, y: p.y - (6 + (i % 3) * 10) * k, class: 'stop-label',
        'font-size': 12 * k}, String(i + 1)));
    }
  });
  root.append(trail);
  container.replaceChildren(root, legend());
}

/** The part of the map around a trail's points, padded, never smaller than a fifth of the map. */
function trailBox(points) {
  if (points.length === 0) {
    return null;
  }
  const xs = points.map(p => p.x);
  const ys = points.map(p => p.y);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  const w = Math.max((Math.max(...xs) - Math.min(...xs)) * 1.4, (Math.max(...ys) - Math.min(...ys)) * 1.4 * WIDTH / HEIGHT, WIDTH / 5);
  const h = w * HEIGHT / WIDTH;
  return {x: cx - w / 2, y: cy - h / 2, w, h};
}

function legend() {
  const list = document.createElement('ul');
  list.className = 'legend';
  for (const tier of TIERS) {
    const item = document.createElement('li');
    const dot = document.createElement('span');
    dot.className = `dot tier-${tier}`;
    dot.setAttribute('aria-hidden', 'true');
    item.append(dot, tier.replace('_', ' '));
    list.append(item);
  }
  for (const [cls, text] of [['hop-normal', 'no detector reported the arrival'],
    ['hop-disagree', 'detectors disagree on the arrival'], ['hop-anomaly', 'every detector reported the arrival']]) {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = `swatch ${cls}`;
    swatch.setAttribute('aria-hidden', 'true');
    item.append(swatch, text);
    list.append(item);
  }
  return list;
}
