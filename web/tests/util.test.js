import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import {
  escapeHtml, goldsteinColor, byteToIndex, segmentSpans, query, nodeSizes, toCyElements,
  sortEdges, fmtNum, timelineGeometry,
} from '../src/util.js';
import { startMock } from './mock-server.mjs';

describe('escaping', () => {
  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<script>alert("x")</script>&'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
    expect(escapeHtml(null)).toBe('');
  });
  it('main.js never assigns innerHTML/outerHTML or uses insertAdjacentHTML', async () => {
    const fs = await import('node:fs');
    for (const f of ['src/main.js', 'src/util.js', 'src/api.js']) {
      const src = fs.readFileSync(new URL(`../${f}`, import.meta.url), 'utf8');
      expect(src).not.toMatch(/\.innerHTML\s*=|outerHTML|insertAdjacentHTML|document\.write/);
    }
  });
});

describe('colours', () => {
  it('goes red for conflict, green for cooperation, grey for neutral', () => {
    expect(goldsteinColor(-10)).toBe('#d62728');
    expect(goldsteinColor(10)).toBe('#2ca02c');
    expect(goldsteinColor(0)).toBe('#969696');
    expect(goldsteinColor(null)).toBe('#999999');
    expect(goldsteinColor(-50)).toBe(goldsteinColor(-10));
  });
});

describe('spans', () => {
  it('converts UTF-8 byte offsets to string indices', () => {
    const s = 'Guaidó met Maduro';
    expect(byteToIndex(s, 0)).toBe(0);
    expect(byteToIndex(s, 7)).toBe(6); // 'ó' is two bytes
    expect(byteToIndex('a😀b', 5)).toBe(3);
    expect(byteToIndex('abc', 99)).toBe(3);
  });
  it('segments a sentence by possibly overlapping spans', () => {
    const segs = segmentSpans('Russia condemned Ukraine today', [
      { begin: 0, end: 6, role: 'source' }, { begin: 7, end: 16, role: 'trigger' }, { begin: 17, end: 24, role: 'target' },
    ]);
    expect(segs).toEqual([
      { text: 'Russia', roles: ['source'] }, { text: ' ', roles: [] }, { text: 'condemned', roles: ['trigger'] },
      { text: ' ', roles: [] }, { text: 'Ukraine', roles: ['target'] }, { text: ' today', roles: [] },
    ]);
    const overlap = segmentSpans('abcdef', [{ begin: 0, end: 4, role: 'source' }, { begin: 2, end: 6, role: 'trigger' }]);
    expect(overlap.map((s) => s.text).join('')).toBe('abcdef');
    expect(overlap[1]).toEqual({ text: 'cd', roles: ['source', 'trigger'] });
  });
  it('keeps markup-like text as text and ignores empty or bad spans', () => {
    const segs = segmentSpans('<b>x</b>', [{ begin: 3, end: 3, role: 'source' }]);
    expect(segs).toEqual([{ text: '<b>x</b>', roles: [] }]);
    expect(segmentSpans('', [])).toEqual([]);
    expect(segmentSpans('Guaidó won', [{ begin: 0, end: 7, role: 'source' }])[0]).toEqual({ text: 'Guaidó', roles: ['source'] });
  });
});

describe('data shaping', () => {
  it('builds query strings without empty values', () => {
    expect(query({ from: '2019-01-01', to: '', root: '04', x: null })).toBe('?from=2019-01-01&root=04');
    expect(query({})).toBe('');
    expect(query({ q: 'a&b=c' })).toBe('?q=a%26b%3Dc');
  });
  it('sizes nodes by mentions', () => {
    const s = nodeSizes([{ id: 'A', mentions: 100 }, { id: 'B', mentions: 0 }, { id: 'C', mentions: 25 }]);
    expect(s.A).toBe(70); expect(s.B).toBe(18); expect(s.C).toBe(44);
  });
  it('turns the network into graph elements, adding missing nodes', () => {
    const els = toCyElements({ nodes: [{ id: 'USAGOV', mentions: 3 }], edges: [{ source: 'USAGOV', target: 'RUS', count: 2, mean_goldstein: -10 }] });
    expect(els.filter((e) => e.group === 'nodes').map((e) => e.data.id)).toEqual(['USAGOV', 'RUS']);
    const edge = els.find((e) => e.group === 'edges');
    expect(edge.data.id).toBe('USAGOV->RUS');
    expect(edge.data.color).toBe('#d62728');
    expect(toCyElements(null)).toEqual([]);
  });
  it('sorts edges by count then name', () => {
    const e = sortEdges([{ source: 'B', target: 'C', count: 1 }, { source: 'A', target: 'C', count: 1 }, { source: 'Z', target: 'Y', count: 5 }]);
    expect(e.map((x) => x.source)).toEqual(['Z', 'A', 'B']);
  });
  it('formats numbers and draws timeline geometry', () => {
    expect(fmtNum(null)).toBe('–'); expect(fmtNum(3.14159, 1)).toBe('3.1');
    const g = timelineGeometry([{ period: '2019-01', count: 2, mean_goldstein: 10 }, { period: '2019-02', count: 1, mean_goldstein: -10 }], 200, 100, 10);
    expect(g.maxCount).toBe(2);
    expect(g.bars[0].h).toBe(80); expect(g.bars[1].h).toBe(40);
    expect(g.points[0].y).toBe(10); expect(g.points[1].y).toBe(90);
  });
});

describe('the API client against the mock server', () => {
  let mock; let realFetch;
  beforeAll(async () => {
    mock = await startMock();
    realFetch = globalThis.fetch;
    globalThis.fetch = (p, o) => realFetch(mock.url + p, o);
  });
  afterAll(() => { globalThis.fetch = realFetch; mock.server.close(); });
  it('reads the network, an event and posts an article', async () => {
    const { api } = await import('../src/api.js');
    const net = await api.network({ from: '2019-01-01' });
    expect(net.edges.length).toBe(2);
    const ev = await api.event('1:0');
    expect(ev.evidence.spans.map((s) => s.role)).toEqual(['source', 'trigger', 'target']);
    const coded = await api.code({ text: 'x', date: '2019-01-01' });
    expect(coded.events.length).toBe(1);
    await expect(api.code({ text: '', date: '2019-01-01' })).rejects.toThrow('text is required');
    await expect(api.actor('nobody')).rejects.toThrow('not found');
  });
});

describe('coded articles', async () => {
  const { mentionSpans, nodeCode, segmentSpans: seg } = await import('../src/util.js');
  it('finds the source and target mentions in the sentence', () => {
    const ev = { sentence: 'Russia condemned Ukraine.', source: 'RUS', target: 'UKR', source_actor: 'Russia', target_actor: 'Ukraine' };
    const spans = mentionSpans(ev, [{ text: 'Ukraine', actor: 'Ukraine', code: 'UKR' }, { text: 'Russia', actor: 'Russia', code: 'RUS' }]);
    expect(spans).toEqual([{ begin: 0, end: 6, role: 'source' }, { begin: 17, end: 24, role: 'target' }]);
    expect(seg(ev.sentence, spans, 'char')[0]).toEqual({ text: 'Russia', roles: ['source'] });
    expect(mentionSpans(ev, [])).toEqual([]);
  });
  it('groups codes as the network does', () => {
    expect(nodeCode('USAGOVMIL')).toBe('USAGOV');
    expect(nodeCode(null)).toBe('');
  });
});
