#!/usr/bin/env node
// End-to-end test of the analyst page against the real `dyad serve`.
//
// Builds a database from data/sample (and ../shared/seeds when present), starts
// `dyad serve` on a free loopback port, opens the page in Debian's headless
// Chromium (playwright-core, never a downloaded browser), waits for the actor
// network, clicks a dyad in the edge list, clicks its first event, and checks
// that the evidence sentence shows highlighted spans; then codes a pasted
// article carrying markup and checks its events show with the markup as text.
// Saves screenshots to web/test-results/network.png and code.png. Bounded to 60 s; exits non-zero on failure.
//
// Environment: DYAD_BIN (the dyad binary), CHROMIUM (default /usr/bin/chromium),
// DYAD_E2E_URL (test an already running server instead of starting one).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = path.resolve(WEB, '..');
const SHARED_SEEDS = path.resolve(ROOT, '../shared/seeds');
const RESULTS = path.join(WEB, 'test-results');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const DEADLINE_MS = 60_000;
const started = Date.now();
const cleanups = [];

function log(...a) { console.log(`e2e [${((Date.now() - started) / 1000).toFixed(1)}s]`, ...a); }
async function cleanup() { for (const f of cleanups.reverse()) { try { await f(); } catch { /* ignore */ } } }
async function finish(code, msg) {
  if (msg) (code ? console.error : console.log)(msg);
  await cleanup();
  process.exit(code);
}
const timer = setTimeout(() => finish(1, `e2e: FAILED: over the ${DEADLINE_MS / 1000} s bound`), DEADLINE_MS);
timer.unref();
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => finish(1, `e2e: FAILED: ${sig}`));

/** DYAD_BIN when set; otherwise the first of build/ and build-web/ whose
 *  binary has `serve` (or the first binary at all, to report it). */
function findDyad() {
  if (process.env.DYAD_BIN) return process.env.DYAD_BIN;
  const found = ['build', 'build-web'].map((d) => path.join(ROOT, d, 'tools/dyad')).filter((c) => fs.existsSync(c));
  return found.find(hasServe) || found[0];
}

function hasServe(bin) {
  const r = spawnSync(bin, ['serve', '--help'], { encoding: 'utf8', timeout: 10_000 });
  const out = `${r.stdout}\n${r.stderr}`;
  return r.status === 0 && /serve/.test(out) && !/unknown command/i.test(out);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

function run(bin, args) {
  const r = spawnSync(bin, args, { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`${path.basename(bin)} ${args.join(' ')} failed:\n${r.stdout}${r.stderr}`);
}

/** Copies the seed articles with a metadata file beside each, from index.json. */
function stageSeeds(tmp) {
  const index = JSON.parse(fs.readFileSync(path.join(SHARED_SEEDS, 'index.json'), 'utf8'));
  const dir = path.join(tmp, 'seeds');
  fs.mkdirSync(dir);
  for (const d of index.documents || []) {
    const src = path.join(SHARED_SEEDS, d.file);
    if (!fs.existsSync(src)) continue;
    fs.copyFileSync(src, path.join(dir, d.file));
    fs.writeFileSync(path.join(dir, d.file.replace(/\.txt$/, '.json')), JSON.stringify({ date: d.date, title: d.id, source: 'seeds' }));
  }
  return dir;
}

async function startServer() {
  const bin = findDyad();
  if (!bin) return finish(0, 'e2e: SKIPPED: no dyad binary (build it first, or set DYAD_BIN)');
  if (!hasServe(bin)) return finish(0, `e2e: SKIPPED: ${bin} has no \`serve\` command yet`);
  if (!fs.existsSync(path.join(WEB, 'dist/index.html'))) throw new Error('web/dist is missing: run `npm run build` in web/');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dyad-e2e-'));
  cleanups.push(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const db = path.join(tmp, 'e2e.db');
  const inputs = [path.join(ROOT, 'data/sample')];
  if (fs.existsSync(path.join(SHARED_SEEDS, 'index.json'))) inputs.push(stageSeeds(tmp));
  log(`ingesting ${inputs.map((p) => path.relative(ROOT, p) || p).join(', ')}`);
  run(bin, ['ingest', ...inputs, '--db', db, '--quiet']);
  const port = await freePort();
  const server = spawn(bin, ['serve', '--db', db, '--host', '127.0.0.1', '--port', String(port), '--web', path.join(WEB, 'dist')],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout.on('data', (d) => { output += d; });
  server.stderr.on('data', (d) => { output += d; });
  cleanups.push(() => new Promise((resolve) => {
    if (server.exitCode !== null) return resolve();
    server.once('exit', resolve);
    server.kill('SIGTERM');
    setTimeout(() => { server.kill('SIGKILL'); resolve(); }, 3000).unref();
  }));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (server.exitCode !== null) throw new Error(`dyad serve exited (${server.exitCode}):\n${output}`);
    try { const r = await fetch(`${url}/api/stats`); if (r.ok) { log('server up', JSON.stringify(await r.json())); return url; } } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dyad serve did not answer on ${url}:\n${output}`);
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) return finish(1, `e2e: FAILED: no Chromium at ${CHROMIUM} (apt-get install chromium; scripts/setup.sh does it)`);
  const url = process.env.DYAD_E2E_URL || await startServer();
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dyad-e2e-chromium-'));
  cleanups.push(() => fs.rmSync(profile, { recursive: true, force: true }));
  // A fresh profile each run: launchPersistentContext passes it as --user-data-dir.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 1000 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  cleanups.push(() => context.close());
  const page = context.pages()[0] || await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.setDefaultTimeout(15_000);
  fs.mkdirSync(RESULTS, { recursive: true });
  try {
    log('browser up; opening the page');
    await page.goto(url + '/');
    await page.waitForSelector('body[data-network="ready"]');
    const edges = await page.locator('button.edge').count();
    const nodes = await page.evaluate(() => window.__dyadNetwork?.nodes ?? 0);
    log(`network: ${nodes} nodes, ${edges} edges`);
    if (!edges) throw new Error('the network has no edges');
    const first = page.locator('button.edge').first();
    log(`clicking edge ${await first.getAttribute('data-edge')}`);
    await first.click();
    await page.waitForSelector('#edge-events tr.event-row');
    await page.locator('#edge-events tr.event-row').first().click();
    const evidence = page.locator('#network-evidence [data-testid="evidence"]');
    await evidence.waitFor();
    const sentence = (await evidence.textContent()).trim();
    const marks = await evidence.locator('mark').allTextContents();
    const rule = (await page.locator('#network-evidence dd[data-field="rule"]').textContent()).trim();
    log(`evidence: "${sentence}"`);
    log(`highlighted: ${JSON.stringify(marks)}; rule: ${rule}`);
    if (!sentence) throw new Error('empty evidence sentence');
    if (!marks.some((m) => m.trim())) throw new Error('no highlighted span in the evidence sentence');
    await page.screenshot({ path: path.join(RESULTS, 'network.png'), fullPage: true });
    log(`screenshot: ${path.relative(ROOT, path.join(RESULTS, 'network.png'))}`);

    // Code an article whose text carries markup: it must show as text, never run.
    await page.goto(url + '/#code');
    await page.fill('#view-code textarea', 'Russia condemned Ukraine on Monday. <img src=x onerror="window.__xss=1"><b id="xss">Moscow</b> urged <script>window.__xss=2</script> talks.');
    await page.fill('#view-code input[name=date]', '2024-03-04');
    await page.click('#view-code button[type=submit]');
    await page.waitForSelector('#code-result tr.event-row, #code-result .error');
    const rows = await page.locator('#code-result tr.event-row').count();
    if (!rows) throw new Error(`coding an article found no event: ${await page.locator('#code-result').textContent()}`);
    await page.locator('#code-result tr.event-row').first().click();
    await page.waitForSelector('#code-result [data-testid="coded-evidence"]');
    const injected = await page.evaluate(() => ({ xss: window.__xss, el: !!document.querySelector('#xss, #code-result img, #code-result script') }));
    if (injected.xss !== undefined || injected.el) throw new Error(`markup from the article ran or was inserted: ${JSON.stringify(injected)}`);
    log(`coded article: ${rows} events, markup stayed text`);
    await page.screenshot({ path: path.join(RESULTS, 'code.png'), fullPage: true });
    if (pageErrors.length) throw new Error(`errors in the page: ${pageErrors.join('; ')}`);
  } catch (err) {
    await page.screenshot({ path: path.join(RESULTS, 'failure.png'), fullPage: true }).catch(() => {});
    throw err;
  }
  await finish(0, 'e2e: 2 passed, 0 failed');
}

main().catch((err) => finish(1, `e2e: FAILED: ${err?.stack || err}\ne2e: 0 passed, 1 failed`));
