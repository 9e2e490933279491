// A tiny stand-in for `dyad serve`, following docs/api.md, for the unit tests
// and for looking at the page before a real server is at hand. The end-to-end
// test (tests/e2e.mjs) never uses it: it runs the real `dyad serve`.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

export const fixture = {
  stats: { documents: 2, sentences: 5, events: 3, actors: 3, quotes: 0, first_date: '2019-01-24', last_date: '2019-04-30' },
  network: {
    nodes: [{ id: 'USAGOV', label: 'USAGOV', mentions: 9 }, { id: 'VENOPP', label: 'VENOPP', mentions: 5 }, { id: 'VENGOV', label: 'VENGOV', mentions: 4 }],
    edges: [
      { source: 'USAGOV', target: 'VENOPP', count: 2, mean_goldstein: 3.4, roots: { '05': 2 } },
      { source: 'VENGOV', target: 'VENOPP', count: 1, mean_goldstein: -9, roots: { '17': 1 } },
    ],
  },
  events: [
    { id: '1:0', doc: 1, date: '2019-01-24', date_resolved: true, source: 'USAGOV', target: 'VENOPP', source_actor: 'United States', target_actor: 'Juan Guaidó <b>', cameo: '057', root: '05', quad_class: 1, goldstein: 8, plover: 'AGREE', intent: '', sentence: 'The United States recognized <Guaidó> as interim president.', rule: 'recognize/057' },
  ],
};

export function startMock({ dist, port = 0 } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const json = (code, body) => { res.writeHead(code, { 'Content-Type': 'application/json' }); res.end(JSON.stringify(body)); };
    const p = url.pathname;
    if (p === '/api/stats') return json(200, fixture.stats);
    if (p === '/api/network') return json(200, fixture.network);
    if (p === '/api/events') return json(200, fixture.events);
    if (p === '/api/actors') return json(200, [{ name: 'United States', kind: 'country', code: 'USA', mentions: 9, documents: 2 }]);
    if (/^\/api\/events\/\d+\/\d+$/.test(p)) {
      const e = fixture.events[0];
      return json(200, { ...e, evidence: { sentence: e.sentence, begin: 0, end: e.sentence.length, spans: [
        { begin: 4, end: 17, role: 'source' }, { begin: 18, end: 28, role: 'trigger' }, { begin: 29, end: 37, role: 'target' }] } });
    }
    if (p === '/api/code' && req.method === 'POST') {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => {
        try { const b = JSON.parse(body); if (!b.text) return json(400, { error: 'text is required' }); } catch { return json(400, { error: 'bad JSON' }); }
        json(200, { document: null, events: fixture.events, quotes: [], mentions: [] });
      });
      return;
    }
    if (p.startsWith('/api/')) return json(404, { error: 'not found' });
    if (dist) {
      const rel = p === '/' ? 'index.html' : p.replace(/^\/static\//, '');
      const file = path.join(dist, path.normalize(rel));
      if (file.startsWith(dist) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
        res.writeHead(200, { 'Content-Type': type });
        return res.end(fs.readFileSync(file));
      }
    }
    res.writeHead(404); res.end();
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` })));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../dist');
  startMock({ dist, port: Number(process.argv[2] || 8099) }).then(({ url }) => console.log(`mock dyad serve at ${url}`));
}
