// Pure helpers: DOM building with textContent only, colours, span segmentation
// and data shaping. No function here ever sets innerHTML from data.

/** Builds an element. Children may be strings (inserted as text nodes),
 *  nodes, or null/undefined (skipped). Attributes go through setAttribute;
 *  `on*` keys become event listeners. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  appendAll(node, children);
  return node;
}

export function appendAll(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    node.appendChild(typeof c === 'object' && c.nodeType ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** Escapes text for the rare place where a string must be HTML (not used with
 *  data in the page; kept for tests and for attribute-safe titles). */
export function escapeHtml(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
  })[c]);
}

/** Goldstein (-10 conflict .. +10 cooperation) to a red→grey→green colour. */
export function goldsteinColor(g) {
  if (g === null || g === undefined || Number.isNaN(Number(g))) return '#999999';
  const t = Math.max(-1, Math.min(1, Number(g) / 10));
  const grey = [150, 150, 150];
  const end = t < 0 ? [214, 39, 40] : [44, 160, 44];
  const a = Math.abs(t);
  const rgb = grey.map((c, i) => Math.round(c + (end[i] - c) * a));
  return '#' + rgb.map((c) => c.toString(16).padStart(2, '0')).join('');
}

/** Converts a UTF-8 byte offset into a JS (UTF-16) string index. The engine
 *  keeps byte offsets; for ASCII text both are the same. */
export function byteToIndex(text, byteOffset) {
  let bytes = 0;
  let i = 0;
  while (i < text.length && bytes < byteOffset) {
    const cp = text.codePointAt(i);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** Splits `text` into segments by the spans (byte offsets, possibly
 *  overlapping). Each segment is {text, roles: [...]}, roles sorted. */
export function segmentSpans(text, spans = [], unit = 'byte') {
  text = String(text ?? '');
  const at = unit === 'byte' ? (o) => byteToIndex(text, o) : (o) => Math.max(0, Math.min(text.length, o));
  const valid = (spans || [])
    .map((s) => ({ b: at(s.begin), e: at(s.end), role: String(s.role) }))
    .filter((s) => s.e > s.b);
  const cuts = new Set([0, text.length]);
  for (const s of valid) { cuts.add(s.b); cuts.add(s.e); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const [b, e] = [points[k], points[k + 1]];
    if (e <= b) continue;
    const roles = [...new Set(valid.filter((s) => s.b <= b && s.e >= e).map((s) => s.role))].sort();
    const prev = out[out.length - 1];
    if (prev && prev.roles.join() === roles.join()) prev.text += text.slice(b, e);
    else out.push({ text: text.slice(b, e), roles });
  }
  return out;
}

/** Query string from an object, skipping empty values. */
export function query(params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

/** Node sizes scaled by sqrt(mentions) into [minPx, maxPx]. */
export function nodeSizes(nodes, minPx = 18, maxPx = 70) {
  const max = Math.max(1, ...nodes.map((n) => Number(n.mentions) || 0));
  const out = {};
  for (const n of nodes) {
    out[n.id] = Math.round(minPx + (maxPx - minPx) * Math.sqrt((Number(n.mentions) || 0) / max));
  }
  return out;
}

/** Turns the /api/network answer into Cytoscape elements; edges whose ends are
 *  missing from nodes get a node added so the graph never breaks. */
export function toCyElements(network) {
  const nodes = [...(network?.nodes || [])];
  const ids = new Set(nodes.map((n) => n.id));
  for (const e of network?.edges || []) {
    for (const id of [e.source, e.target]) {
      if (!ids.has(id)) { ids.add(id); nodes.push({ id, label: id, mentions: 0 }); }
    }
  }
  const sizes = nodeSizes(nodes);
  const maxCount = Math.max(1, ...(network?.edges || []).map((e) => e.count || 0));
  return [
    ...nodes.map((n) => ({
      group: 'nodes',
      data: { id: n.id, label: n.label || n.id, name: n.label || n.id, mentions: n.mentions || 0, size: sizes[n.id] },
    })),
    ...(network?.edges || []).map((e) => ({
      group: 'edges',
      data: {
        id: edgeId(e), source: e.source, target: e.target, count: e.count,
        mean_goldstein: e.mean_goldstein, color: goldsteinColor(e.mean_goldstein),
        width: 1.5 + 6 * Math.sqrt((e.count || 0) / maxCount),
      },
    })),
  ];
}

export function edgeId(e) { return `${e.source}->${e.target}`; }

/** Sorts edges by count (desc) then name, for the accessible edge list. */
export function sortEdges(edges = []) {
  return [...edges].sort((a, b) => (b.count - a.count) || edgeId(a).localeCompare(edgeId(b)));
}

export function fmtNum(x, digits = 2) {
  if (x === null || x === undefined || x === '' || Number.isNaN(Number(x))) return '–';
  return Number(x).toFixed(digits);
}

/** Chart geometry for a timeline: bars of counts and a line of mean Goldstein. */
export function timelineGeometry(rows, width = 640, height = 200, pad = 30) {
  const n = rows.length;
  const maxCount = Math.max(1, ...rows.map((r) => r.count || 0));
  const innerW = width - 2 * pad;
  const innerH = height - 2 * pad;
  const step = n ? innerW / n : innerW;
  const bars = rows.map((r, i) => {
    const h = ((r.count || 0) / maxCount) * innerH;
    return { x: pad + i * step + step * 0.1, y: pad + innerH - h, w: step * 0.8, h, period: r.period, count: r.count };
  });
  const points = rows.map((r, i) => ({
    x: pad + i * step + step / 2,
    y: pad + innerH / 2 - ((Number(r.mean_goldstein) || 0) / 10) * (innerH / 2),
  }));
  return { bars, points, maxCount, pad, innerH, innerW };
}

/** The code of a network node for an event's actor code: its first 6
 *  characters, as /api/network groups them. */
export function nodeCode(code) { return String(code ?? '').slice(0, 6); }

/** Spans (string indices, unit 'char') for an event coded by POST /api/code,
 *  which carries no offsets: the first mention of the event's source and
 *  target actors found in the sentence text. */
export function mentionSpans(event, mentions = []) {
  const sentence = String(event?.sentence ?? '');
  const spans = [];
  for (const role of ['source', 'target']) {
    const name = event?.[`${role}_actor`];
    const code = event?.[role];
    if (!name && !code) continue;
    for (const m of mentions || []) {
      if (!m?.text || !((name && m.actor === name) || (code && m.code === code))) continue;
      const i = sentence.indexOf(m.text);
      if (i >= 0) { spans.push({ begin: i, end: i + m.text.length, role }); break; }
    }
  }
  return spans;
}
