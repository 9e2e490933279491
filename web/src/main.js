import cytoscape from 'cytoscape';
import { api } from './api.js';
import {
  el, appendAll, goldsteinColor, segmentSpans, toCyElements, sortEdges, edgeId, fmtNum,
  timelineGeometry, nodeCode, mentionSpans,
} from './util.js';
import './style.css';

const CAMEO_ROOTS = [
  ['01', 'Make public statement'], ['02', 'Appeal'], ['03', 'Express intent to cooperate'],
  ['04', 'Consult'], ['05', 'Engage in diplomatic cooperation'], ['06', 'Engage in material cooperation'],
  ['07', 'Provide aid'], ['08', 'Yield'], ['09', 'Investigate'], ['10', 'Demand'], ['11', 'Disapprove'],
  ['12', 'Reject'], ['13', 'Threaten'], ['14', 'Protest'], ['15', 'Exhibit force posture'],
  ['16', 'Reduce relations'], ['17', 'Coerce'], ['18', 'Assault'], ['19', 'Fight'],
  ['20', 'Use unconventional mass violence'],
];
const PLOVER = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE',
  'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
];

const $ = (sel, root = document) => root.querySelector(sel);
const clear = (node) => { while (node.firstChild) node.removeChild(node.firstChild); return node; };

function showError(target, err) {
  clear(target).appendChild(el('p', { class: 'error', role: 'alert' }, 'Error: ', String(err?.message || err)));
}

// ---------- layout ----------
const app = $('#app');
const views = {};
const nav = el('nav', { 'aria-label': 'Views' });
const main = el('main');
appendAll(app, [
  el('header', {}, el('h1', {}, 'dyad'), el('span', { id: 'stats', class: 'muted' }), nav),
  main,
]);
const VIEW_NAMES = [['network', 'Network'], ['events', 'Events'], ['actor', 'Actor'], ['timeline', 'Timeline'], ['code', 'Code an article']];
for (const [name, label] of VIEW_NAMES) {
  nav.appendChild(el('a', { href: `#${name}`, 'data-view': name }, label));
  views[name] = main.appendChild(el('section', { id: `view-${name}`, class: 'view', hidden: true }));
}

// ---------- shared widgets ----------
function eventTable(events, onPick) {
  if (!events.length) return el('p', { class: 'muted' }, 'No events.');
  const head = ['date', 'source', 'target', 'cameo', 'goldstein', 'plover', 'sentence'];
  return el('table', { class: 'events' },
    el('thead', {}, el('tr', {}, head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, events.map((e) => el('tr', {
      class: 'event-row', tabindex: 0, 'data-event-id': e.id,
      onclick: () => onPick(e.id),
      onkeydown: (ev) => { if (ev.key === 'Enter') onPick(e.id); },
    },
    el('td', {}, e.date || ''),
    el('td', { title: e.source_actor || '' }, actorLink(e.source)),
    el('td', { title: e.target_actor || '' }, actorLink(e.target)),
    el('td', {}, e.cameo || ''),
    el('td', {}, el('span', { class: 'gs', style: `background:${goldsteinColor(e.goldstein)}` }, fmtNum(e.goldstein, 1))),
    el('td', {}, e.plover || ''),
    el('td', { class: 'sentence' }, e.sentence || '')))));
}

function actorLink(code) {
  if (!code) return '';
  return el('a', { href: `#actor/${encodeURIComponent(code)}`, onclick: (ev) => ev.stopPropagation() }, code);
}

async function showEvidence(target, id) {
  clear(target).appendChild(el('p', { class: 'muted' }, 'Loading event ', id, '…'));
  try {
    const ev = await api.event(id);
    const evd = ev.evidence || {};
    const sentence = el('p', { class: 'evidence-sentence', 'data-testid': 'evidence' });
    for (const seg of segmentSpans(evd.sentence ?? ev.sentence ?? '', evd.spans || [])) {
      if (!seg.roles.length) sentence.appendChild(document.createTextNode(seg.text));
      else sentence.appendChild(el('mark', { class: seg.roles.map((r) => `span-${r}`).join(' '), title: seg.roles.join(', ') }, seg.text));
    }
    clear(target);
    appendAll(target, [
      el('h3', {}, 'Event ', ev.id || id),
      sentence,
      el('p', { class: 'legend' },
        el('mark', { class: 'span-source' }, 'source'), ' ',
        el('mark', { class: 'span-target' }, 'target'), ' ',
        el('mark', { class: 'span-trigger' }, 'trigger')),
      el('dl', { class: 'facts' },
        [['date', ev.date], ['source', `${ev.source || ''} ${ev.source_actor ? '(' + ev.source_actor + ')' : ''}`],
        ['target', `${ev.target || ''} ${ev.target_actor ? '(' + ev.target_actor + ')' : ''}`],
        ['CAMEO', `${ev.cameo || ''} (root ${ev.root || '?'}, quad class ${ev.quad_class ?? '?'})`],
        ['Goldstein', fmtNum(ev.goldstein, 1)], ['PLOVER', ev.plover], ['intent', ev.intent ? 'yes' : 'no'],
        ['rule', ev.rule], ['document', ev.doc],
      ].flatMap(([k, v]) => [el('dt', {}, k), el('dd', { 'data-field': k }, v ?? '')])),
    ]);
  } catch (err) { showError(target, err); }
}

function selectOf(name, options, label) {
  return el('label', {}, label, ' ',
    el('select', { name }, el('option', { value: '' }, 'any'),
      options.map(([v, t]) => el('option', { value: v }, t ? `${v} ${t}` : v))));
}

function formValues(form) {
  return Object.fromEntries([...new FormData(form).entries()].filter(([, v]) => v !== ''));
}

// ---------- network ----------
let cy = null;
function buildNetworkView() {
  const v = views.network;
  const form = el('form', { class: 'filters', onsubmit: (e) => { e.preventDefault(); loadNetwork(); } },
    el('label', {}, 'from ', el('input', { type: 'date', name: 'from' })),
    el('label', {}, 'to ', el('input', { type: 'date', name: 'to' })),
    selectOf('root', CAMEO_ROOTS, 'CAMEO root'),
    selectOf('plover', PLOVER.map((p) => [p]), 'PLOVER'),
    el('label', {}, 'min events ', el('input', { type: 'number', name: 'min_count', min: 1, value: 1, style: 'width:4em' })),
    el('button', { type: 'submit' }, 'Apply'));
  appendAll(v, [
    form,
    el('div', { class: 'network-layout' },
      el('div', { id: 'graph', 'aria-label': 'Actor network graph', role: 'img' }),
      el('aside', { class: 'edge-list' }, el('h2', {}, 'Dyads'),
        el('p', { class: 'legend muted' }, 'mean Goldstein: ',
          [-10, -5, 0, 5, 10].map((g) => el('span', { class: 'swatch', title: String(g), style: `background:${goldsteinColor(g)}` })),
          ' conflict → cooperation'),
        el('div', { id: 'edges' }))),
    el('div', { class: 'detail-layout' },
      el('div', { id: 'edge-events' }),
      el('div', { id: 'network-evidence', class: 'evidence' })),
  ]);
}

async function loadNetwork() {
  const form = $('#view-network form');
  const params = formValues(form);
  const edgesBox = $('#edges');
  clear(edgesBox).appendChild(el('p', { class: 'muted' }, 'Loading…'));
  let net;
  try { net = await api.network(params); } catch (err) { showError(edgesBox, err); return; }
  const elements = toCyElements(net);
  if (cy) cy.destroy();
  cy = cytoscape({
    container: $('#graph'),
    elements,
    style: [
      { selector: 'node', style: {
        label: 'data(id)', width: 'data(size)', height: 'data(size)', 'background-color': '#4a6fa5',
        color: '#222', 'font-size': 11, 'text-valign': 'center', 'text-halign': 'center',
        'text-outline-color': '#fff', 'text-outline-width': 2 } },
      { selector: 'edge', style: {
        width: 'data(width)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)',
        'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.85 } },
      { selector: ':selected', style: { 'border-width': 3, 'border-color': '#000', 'line-style': 'dashed' } },
    ],
    layout: { name: elements.length > 2 ? 'cose' : 'grid', animate: false, randomize: false, nodeRepulsion: () => 8000 },
    wheelSensitivity: 0.3,
  });
  cy.on('tap', 'edge', (e) => pickEdge(e.target.data('source'), e.target.data('target')));
  cy.on('tap', 'node', (e) => { location.hash = `#actor/${encodeURIComponent(e.target.id())}`; });
  window.__dyadNetwork = { nodes: net.nodes?.length || 0, edges: net.edges?.length || 0 };

  const edges = sortEdges(net.edges || []);
  clear(edgesBox);
  if (!edges.length) { edgesBox.appendChild(el('p', { class: 'muted' }, 'No dyads for these filters.')); }
  else {
    edgesBox.appendChild(el('ul', { class: 'edges' }, edges.map((e) => el('li', {},
      el('button', {
        type: 'button', class: 'edge', 'data-edge': edgeId(e),
        onclick: () => pickEdge(e.source, e.target),
      },
      el('span', { class: 'swatch', style: `background:${goldsteinColor(e.mean_goldstein)}` }),
      `${e.source} → ${e.target}`,
      el('span', { class: 'muted' }, ` ${e.count} ev, G ${fmtNum(e.mean_goldstein, 1)}`))))));
  }
  document.body.dataset.network = 'ready';
}

async function pickEdge(source, target) {
  const box = $('#edge-events');
  const params = { ...formValues($('#view-network form')), source, target, limit: 200 };
  delete params.min_count;
  if (cy) { cy.elements().unselect(); cy.getElementById(`${source}->${target}`).select(); }
  clear(box).appendChild(el('p', { class: 'muted' }, 'Loading…'));
  try {
    // The API takes code prefixes; keep the events whose 6-character codes are the edge's.
    const events = (await api.events(params)).filter((e) => nodeCode(e.source) === source && nodeCode(e.target) === target);
    clear(box);
    appendAll(box, [
      el('h2', {}, `${source} → ${target}: ${events.length} events `,
        el('a', { href: `#timeline/${encodeURIComponent(source)}/${encodeURIComponent(target)}` }, 'timeline')),
      eventTable(events, (id) => showEvidence($('#network-evidence'), id)),
    ]);
  } catch (err) { showError(box, err); }
}

// ---------- events ----------
function buildEventsView() {
  const v = views.events;
  const form = el('form', { class: 'filters', onsubmit: (e) => { e.preventDefault(); loadEvents(); } },
    el('label', {}, 'actor ', el('input', { name: 'actor', placeholder: 'name or code', size: 12 })),
    el('label', {}, 'from ', el('input', { type: 'date', name: 'from' })),
    el('label', {}, 'to ', el('input', { type: 'date', name: 'to' })),
    selectOf('root', CAMEO_ROOTS, 'CAMEO root'),
    selectOf('plover', PLOVER.map((p) => [p]), 'PLOVER'),
    el('button', { type: 'submit' }, 'Search'));
  appendAll(v, [form, el('div', { class: 'detail-layout' },
    el('div', { id: 'events-list' }), el('div', { id: 'events-evidence', class: 'evidence' }))]);
}
async function loadEvents() {
  const box = $('#events-list');
  clear(box).appendChild(el('p', { class: 'muted' }, 'Loading…'));
  try {
    const events = await api.events({ ...formValues($('#view-events form')), limit: 200 });
    clear(box).appendChild(eventTable(events, (id) => showEvidence($('#events-evidence'), id)));
  } catch (err) { showError(box, err); }
}

// ---------- actor ----------
function buildActorView() {
  const v = views.actor;
  const input = el('input', { name: 'q', placeholder: 'actor name or code', list: 'actor-names' });
  appendAll(v, [
    el('form', { class: 'filters', onsubmit: (e) => { e.preventDefault(); location.hash = `#actor/${encodeURIComponent(input.value)}`; } },
      el('label', {}, 'actor ', input), el('datalist', { id: 'actor-names' }), el('button', { type: 'submit' }, 'Show')),
    el('div', { id: 'actor-top' }),
    el('div', { id: 'actor-body' }),
  ]);
}
async function loadActorList() {
  const top = $('#actor-top');
  try {
    const actors = await api.actors({ limit: 30 });
    const dl = clear($('#actor-names'));
    for (const a of actors) dl.appendChild(el('option', { value: a.name }));
    clear(top).appendChild(el('p', { class: 'chips' }, 'Most mentioned: ',
      actors.map((a) => el('a', { href: `#actor/${encodeURIComponent(a.name)}`, class: 'chip' }, `${a.name} (${a.mentions})`))));
  } catch (err) { showError(top, err); }
}
async function loadActor(name) {
  const body = $('#actor-body');
  clear(body).appendChild(el('p', { class: 'muted' }, 'Loading ', name, '…'));
  let a = null;
  try { a = await api.actor(name); } catch {
    // A code rather than a name: the most mentioned actor with that code, if any.
    try {
      const hit = (await api.actors({ q: name, limit: 20 })).find((x) => x.code === name);
      if (hit) a = await api.actor(hit.name);
    } catch { /* none: the events by code alone */ }
  }
  try {
    const events = await api.events({ actor: a?.codes?.[0]?.code || name, limit: 200 });
    const evBox = el('div', { id: 'actor-evidence', class: 'evidence' });
    clear(body);
    appendAll(body, [
      el('h2', {}, a?.name || name, a?.kind ? el('span', { class: 'muted' }, ` ${a.kind}`) : null),
      a ? el('p', {}, `${a.mentions ?? 0} mentions in ${a.documents ?? 0} documents; `,
        `${a.events_as_source ?? 0} events as source, ${a.events_as_target ?? 0} as target.`) : null,
      a?.aliases?.length ? el('p', {}, 'Also called: ', a.aliases.join(', ')) : null,
      a?.codes?.length ? el('table', { class: 'codes' },
        el('thead', {}, el('tr', {}, ['code', 'from', 'to', 'mentions'].map((h) => el('th', {}, h)))),
        el('tbody', {}, a.codes.map((c) => el('tr', {}, el('td', {}, c.code), el('td', {}, c.from || '…'),
          el('td', {}, c.to || '…'), el('td', {}, c.mentions ?? ''))))) : null,
      el('p', {}, el('a', { href: `#timeline/${encodeURIComponent(a?.codes?.[0]?.code || name)}` }, 'Timeline')),
      el('div', { class: 'detail-layout' },
        eventTable(events, (id) => showEvidence(evBox, id)), evBox),
    ]);
  } catch (err) { showError(body, err); }
}

// ---------- timeline ----------
function buildTimelineView() {
  const v = views.timeline;
  appendAll(v, [
    el('form', { class: 'filters', onsubmit: (e) => { e.preventDefault(); loadTimeline(); } },
      el('label', {}, 'actor ', el('input', { name: 'actor', size: 10, placeholder: 'or source+target' })),
      el('label', {}, 'source ', el('input', { name: 'source', size: 8 })),
      el('label', {}, 'target ', el('input', { name: 'target', size: 8 })),
      el('label', {}, 'interval ', el('select', { name: 'interval' },
        el('option', { value: 'month' }, 'month'), el('option', { value: 'week' }, 'week'))),
      el('button', { type: 'submit' }, 'Show')),
    el('div', { id: 'timeline-chart' }),
  ]);
}
async function loadTimeline() {
  const box = $('#timeline-chart');
  const p = formValues($('#view-timeline form'));
  if (p.source && p.target) delete p.actor; else { delete p.source; delete p.target; }
  if (!p.actor && !p.source) { clear(box).appendChild(el('p', { class: 'muted' }, 'Choose an actor or a dyad.')); return; }
  clear(box).appendChild(el('p', { class: 'muted' }, 'Loading…'));
  try { drawTimeline(clear(box), await api.timeline(p)); } catch (err) { showError(box, err); }
}
const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs = {}, text) {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  if (text !== undefined) n.textContent = String(text);
  return n;
}
function drawTimeline(box, rows) {
  if (!rows.length) { box.appendChild(el('p', { class: 'muted' }, 'No events.')); return; }
  const W = 720, H = 240;
  const g = timelineGeometry(rows, W, H);
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-label': 'Events per period and mean Goldstein' });
  chart.appendChild(svg('line', { x1: g.pad, x2: W - g.pad, y1: g.pad + g.innerH / 2, y2: g.pad + g.innerH / 2, stroke: '#ccc', 'stroke-dasharray': 4 }));
  g.bars.forEach((b, i) => {
    const r = svg('rect', { x: b.x, y: b.y, width: b.w, height: Math.max(b.h, 0.5), fill: goldsteinColor(rows[i].mean_goldstein), opacity: 0.7 });
    r.appendChild(svg('title', {}, `${rows[i].period}: ${rows[i].count} events, mean Goldstein ${fmtNum(rows[i].mean_goldstein, 1)}`));
    chart.appendChild(r);
    if (rows.length <= 24 || i % Math.ceil(rows.length / 12) === 0) {
      chart.appendChild(svg('text', { x: b.x + b.w / 2, y: H - 8, 'text-anchor': 'middle', 'font-size': 10 }, rows[i].period));
    }
  });
  chart.appendChild(svg('polyline', { points: g.points.map((p) => `${p.x},${p.y}`).join(' '), fill: 'none', stroke: '#333', 'stroke-width': 2 }));
  chart.appendChild(svg('text', { x: 4, y: 14, 'font-size': 11 }, `bars: events (max ${g.maxCount}); line: mean Goldstein (−10 … +10)`));
  box.appendChild(chart);
  box.appendChild(el('table', { class: 'codes' },
    el('thead', {}, el('tr', {}, ['period', 'events', 'mean Goldstein', 'cooperation', 'conflict'].map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, el('td', {}, r.period), el('td', {}, r.count),
      el('td', {}, fmtNum(r.mean_goldstein, 2)), el('td', {}, r.cooperation ?? ''), el('td', {}, r.conflict ?? ''))))));
}

// ---------- code an article ----------
function buildCodeView() {
  const v = views.code;
  const text = el('textarea', { name: 'text', rows: 10, cols: 80, required: true, placeholder: 'Paste an article here, or choose a file.' });
  const file = el('input', { type: 'file', accept: '.txt,.html,.htm,text/plain,text/html', onchange: async () => {
    if (file.files?.[0]) text.value = await file.files[0].text();
  } });
  const today = new Date().toISOString().slice(0, 10);
  appendAll(v, [
    el('form', { class: 'code-form', onsubmit: (e) => { e.preventDefault(); codeArticle(); } },
      el('p', {}, el('label', {}, 'title ', el('input', { name: 'title', size: 40 }))),
      el('p', {}, el('label', {}, 'date ', el('input', { type: 'date', name: 'date', value: today, required: true })), ' ',
        el('label', {}, 'file ', file)),
      el('p', {}, text),
      el('p', {}, el('label', {}, el('input', { type: 'checkbox', name: 'store' }), ' also store it in the database'), ' ',
        el('button', { type: 'submit' }, 'Code'))),
    el('div', { id: 'code-result' }),
  ]);
}
async function codeArticle() {
  const box = $('#code-result');
  const f = $('#view-code form');
  const payload = { text: f.text.value, date: f.date.value, store: f.store.checked };
  if (f.title.value) payload.title = f.title.value;
  clear(box).appendChild(el('p', { class: 'muted' }, 'Coding…'));
  try {
    const r = await api.code(payload);
    const events = (r.events || []).map((e, i) => ({ ...e, id: e.id ?? `new:${i}` }));
    const detail = el('div', { class: 'evidence' });
    const pick = (id) => {
      const e = events.find((x) => x.id === id);
      clear(detail);
      const sentence = el('p', { class: 'evidence-sentence', 'data-testid': 'coded-evidence' });
      const segs = e?.evidence ? segmentSpans(e.evidence.sentence, e.evidence.spans)
        : segmentSpans(e?.sentence ?? '', mentionSpans(e, r.mentions), 'char');
      for (const seg of segs) {
        sentence.appendChild(seg.roles.length ? el('mark', { class: seg.roles.map((x) => `span-${x}`).join(' ') }, seg.text) : document.createTextNode(seg.text));
      }
      appendAll(detail, [
        el('h3', {}, `${e?.source || '?'} → ${e?.target || '?'}: ${e?.cameo || ''}`), sentence,
        el('dl', { class: 'facts' }, [['date', e?.date], ['Goldstein', fmtNum(e?.goldstein, 1)], ['PLOVER', e?.plover],
          ['rule', e?.rule]].flatMap(([k, v]) => [el('dt', {}, k), el('dd', { 'data-field': k }, v ?? '')])),
      ]);
    };
    clear(box);
    appendAll(box, [
      el('p', {}, `${events.length} events, ${(r.quotes || []).length} quotes, ${(r.mentions || []).length} mentions`,
        r.document?.stored ? ` (stored as document ${r.document.id})` : ''),
      el('div', { class: 'detail-layout' }, eventTable(events, pick), detail),
    ]);
  } catch (err) { showError(box, err); }
}

// ---------- routing ----------
const loaded = new Set();
function route() {
  const [name, ...rest] = (location.hash.replace(/^#/, '') || 'network').split('/');
  const view = views[name] ? name : 'network';
  for (const [n, s] of Object.entries(views)) s.hidden = n !== view;
  for (const a of nav.querySelectorAll('a')) a.classList.toggle('active', a.dataset.view === view);
  const args = rest.map(decodeURIComponent);
  if (view === 'network' && !loaded.has('network')) { loaded.add('network'); loadNetwork(); }
  if (view === 'network' && cy) cy.resize();
  if (view === 'events' && !loaded.has('events')) { loaded.add('events'); loadEvents(); }
  if (view === 'actor') {
    if (!loaded.has('actor')) { loaded.add('actor'); loadActorList(); }
    if (args[0]) { $('#view-actor input[name=q]').value = args[0]; loadActor(args[0]); }
  }
  if (view === 'timeline' && args[0]) {
    const f = $('#view-timeline form');
    if (args.length >= 2) { f.source.value = args[0]; f.target.value = args[1]; f.actor.value = ''; }
    else { f.actor.value = args[0]; f.source.value = ''; f.target.value = ''; }
    loadTimeline();
  }
}

buildNetworkView();
buildEventsView();
buildActorView();
buildTimelineView();
buildCodeView();
window.addEventListener('hashchange', route);
route();
api.stats().then((s) => {
  $('#stats').textContent = `${s.documents} documents, ${s.events} events, ${s.actors} actors` +
    (s.first_date ? `, ${s.first_date} – ${s.last_date}` : '');
}).catch(() => {});
