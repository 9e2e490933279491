import { query } from './util.js';

async function getJson(path, params) {
  const res = await fetch(path + query(params), { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body?.error || `${res.status} ${res.statusText}`);
  return body;
}

export const api = {
  stats: () => getJson('/api/stats'),
  network: (p) => getJson('/api/network', p),
  events: (p) => getJson('/api/events', p),
  event: (id) => {
    const k = String(id).lastIndexOf(':');
    const [doc, idx] = [String(id).slice(0, k), String(id).slice(k + 1)];
    return getJson(`/api/events/${encodeURIComponent(doc)}/${encodeURIComponent(idx)}`);
  },
  actors: (p) => getJson('/api/actors', p),
  actor: (name) => getJson(`/api/actors/${encodeURIComponent(name)}`),
  timeline: (p) => getJson('/api/timeline', p),
  documents: (p) => getJson('/api/documents', p),
  code: async (payload) => {
    const res = await fetch('/api/code', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(payload),
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(body?.error || `${res.status} ${res.statusText}`);
    return body;
  },
};
