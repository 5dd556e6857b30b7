/*
 * Browser test of the duizhao page: Debian chromium driven by playwright-core against the real
 * server (build/duizhao serve on a free loopback port).
 *
 *   1. paste the seed, check it: highlights appear and the 政治素养 finding is listed;
 *   2. apply a suggestion (以学以学 → 以学): the text changes and is checked again;
 *   3. download the formatted .docx (a zip file comes back);
 *   4. originality: add a document to the corpus and check a near copy against it;
 *   5. batch: four files give a 4×4 heatmap; a cell opens the pair side by side;
 *   6. the check view on a phone-sized screen.
 *   7. a server with a token: the page asks for it and then works.
 * Screenshots go to $DZ_BUILD_DIR/artifacts/ (CI artifacts).
 * Prints "N passed, N failed" at the end; exit 1 on any failure.
 */
'use strict';
const {chromium} = require('playwright-core');
const {spawn} = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const repo = process.env.DZ_SOURCE_DIR || path.resolve(__dirname, '../../..');
const shared = process.env.DZ_SHARED_DIR || path.resolve(repo, '../shared');
const bin = process.env.DZ_BIN || path.join(repo, 'build/duizhao');
const artifacts = path.join(process.env.DZ_BUILD_DIR || path.join(repo, 'build'), 'artifacts');
const seedPath = path.join(shared, 'seed/000_1a5eb086ddff5998.txt');

let passed = 0, failed = 0;
function ok(cond, what) {
  if (cond) { passed++; console.log('ok   ' + what); }
  else { failed++; console.log('FAIL ' + what); }
}

/* Start the server on a free port; resolve with its URL once it says so on stderr. */
function startServer(tmp, extra) {
  return new Promise((resolve, reject) => {
    const env = Object.assign({}, process.env);
    delete env.DUIZHAO_TOKEN;
    const p = spawn(bin, ['serve', '--listen', '127.0.0.1:0', '--db', path.join(tmp, 'corpus.db')].concat(extra || []),
                    {stdio: ['ignore', 'ignore', 'pipe'], env});
    let err = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + err)), 15000);
    p.stderr.on('data', d => {
      err += d;
      const m = err.match(/(http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) { clearTimeout(timer); resolve({proc: p, url: m[1], log: () => err}); }
    });
    p.on('exit', code => { clearTimeout(timer); reject(new Error('server exited ' + code + ': ' + err)); });
  });
}

/* Four batch files made at run time from the shared texts: two near copies of the seed and
 * two unrelated reports. */
function batchFiles(tmp, seed) {
  const lines = seed.split('\n');
  const read = n => { try { return fs.readFileSync(path.join(shared, 'bench/sim', n), 'utf8'); } catch (e) { return null; } };
  const other1 = read('rural2018.txt') || '关于农村工作的报告。\n'.repeat(40);
  const other2 = read('report20.a.txt') || '关于年度工作的报告。\n'.repeat(40);
  const files = {
    '甲-原稿.txt': seed,
    '乙-改写.txt': lines.slice(0, 30).map(l => l.replace(/不够/g, '不足')).join('\n') + '\n' + other1.split('\n').slice(0, 20).join('\n'),
    '丙-另一份.txt': other1,
    '丁-无关.txt': other2,
  };
  return Object.entries(files).map(([n, t]) => { const p = path.join(tmp, n); fs.writeFileSync(p, t); return p; });
}

async function main() {
  fs.mkdirSync(artifacts, {recursive: true});
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dz-browser-'));
  const seed = fs.readFileSync(seedPath, 'utf8');
  let srv = null, ctx = null, tsrv = null;
  try {
    srv = await startServer(tmp);
    const health = await (await fetch(srv.url + 'healthz')).json();
    ok(health.features && health.features.check && health.features.similar && health.features.docx, 'the server has check, originality and .docx');
    /* A fresh profile folder (--user-data-dir) for every run. */
    ctx = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
             '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: {width: 1366, height: 768}, acceptDownloads: true, locale: 'zh-CN',
    });

    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', e => errors.push(String(e)));
    page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(srv.url);
    ok((await page.title()).includes('对照'), 'page loads with its Chinese title');

    /* 1. paste the seed and check */
    await page.fill('#check-text', seed);
    await page.click('#check-run');
    await page.waitForSelector('#check-doc mark', {timeout: 30000});
    const marks = await page.locator('#check-doc mark').count();
    ok(marks >= 8, `highlights in the text (${marks})`);
    ok(await page.locator('#check-doc mark.error').count() > 0, 'error-severity highlights');
    const zz = page.locator('.finding', {hasText: '政治素养'});
    ok(await zz.count() > 0, 'the 政治素养 finding is listed');
    ok(await page.locator('#check-outline li').count() >= 6, 'the outline is shown beside the text');
    ok(await page.locator('.fam').count() >= 2, 'findings are grouped by rule family');
    await page.screenshot({path: path.join(artifacts, 'check.png')});
    /* clicking a finding scrolls to and flashes its mark */
    await zz.first().click();
    await page.waitForTimeout(400);
    ok(await page.locator('#check-doc mark.flash, #check-doc .line.flash').count() > 0, 'clicking a finding marks its place in the text');

    /* 2. apply a suggestion */
    const rep = page.locator('.finding', {hasText: '以学以学'}).locator('button.apply');
    ok(await rep.count() > 0, 'the 以学以学 finding offers 应用建议');
    if (await rep.count()) {
      const before = await page.locator('#check-doc mark').count();
      const sent = page.waitForRequest(r => r.url().endsWith('/api/check'));
      await rep.first().click();
      const body = (await sent).postDataJSON();
      /* the re-rendered text no longer has the repeat */
      await page.waitForFunction(() => !document.querySelector('#check-doc').textContent.includes('以学以学'), null, {timeout: 30000});
      await page.waitForSelector('#check-doc mark');
      ok(!body.text.includes('以学以学') && body.text.includes('以学铸魂'), 'the suggestion was applied and the text checked again');
      ok(await page.locator('#check-doc mark').count() < before, 'the re-check has one finding fewer');
      ok(await page.locator('.finding', {hasText: '以学以学'}).count() === 0, 'the 以学以学 finding is gone');
    }
    /* ignore one and add one to the dictionary */
    const nBefore = await page.locator('.finding').count();
    await page.locator('.finding button.ignore').first().click();
    ok(await page.locator('.finding').count() === nBefore - 1, '忽略 hides a finding');

    /* 加入词典: the word is kept in the browser, sent with every check, and no longer flagged */
    {
      const card = page.locator('.finding', {has: page.locator('button.dict')}).first();
      const word = await card.getAttribute('data-text');
      const sent = page.waitForRequest(r => r.url().endsWith('/api/check'));
      await card.locator('button.dict').click();
      const req = (await sent).postDataJSON();
      await page.waitForFunction(w => !Array.from(document.querySelectorAll('.finding')).some(f => f.dataset.text === w), word, {timeout: 30000})
        .catch(() => { /* judged below */ });
      ok(req.dictionary.includes(word), `加入词典 sends “${word}” with the check`);
      const still = await page.$$eval('.finding', (fs, w) => fs.filter(f => f.dataset.text === w).length, word);
      ok(word && still === 0, 'the dictionary word is no longer flagged');
    }

    /* 3. download the formatted .docx */
    const [dl] = await Promise.all([page.waitForEvent('download', {timeout: 30000}), page.click('#dl-fmt')]);
    const docx = path.join(artifacts, 'formatted.docx');
    await dl.saveAs(docx);
    const head = fs.readFileSync(docx).subarray(0, 2).toString();
    const parts = f => require('child_process').execFileSync('unzip', ['-Z1', f]).toString();
    ok(head === 'PK' && parts(docx).includes('word/document.xml'), 'the formatted .docx downloads (' + dl.suggestedFilename() + ')');
    const [dl2] = await Promise.all([page.waitForEvent('download', {timeout: 30000}), page.click('#dl-fix')]);
    const fixed = path.join(artifacts, 'tracked.docx');
    await dl2.saveAs(fixed);
    const xml = require('child_process').execFileSync('unzip', ['-p', fixed, 'word/document.xml']).toString();
    ok(dl2.suggestedFilename().endsWith('-修订.docx') && parts(fixed).includes('word/comments.xml') && xml.includes('<w:ins '),
       'the tracked-changes .docx downloads, with revisions and comments');

    /* 4. originality */
    await page.click('#tab-sim');
    await page.click('#corpus summary');
    await page.setInputFiles('#corpus-file', batchFiles(tmp, seed).slice(0, 1));
    await page.waitForTimeout(500);
    const other = (() => { try { return fs.readFileSync(path.join(shared, 'bench/sim/rural2018.txt'), 'utf8'); } catch (e) { return ''; } })();
    await page.fill('#sim-text', seed.split('\n').slice(0, 12).join('\n') + '\n' + other.split('\n').slice(0, 12).join('\n'));
    await page.click('#sim-run');
    await page.waitForSelector('#sim-result .ratio');
    await page.waitForTimeout(300);
    ok(await page.locator('#sim-result .passage').count() > 0, 'copied passages shown side by side');
    await page.screenshot({path: path.join(artifacts, 'similar.png'), fullPage: false});

    /* 5. batch of four */
    await page.click('#tab-batch');
    await page.setInputFiles('#batch-file', batchFiles(tmp, seed));
    await page.click('#batch-run');
    await page.waitForSelector('#heatmap td');
    const cells = await page.locator('#heatmap td:not(.self)').count();
    ok(cells === 12, `the heatmap has 4×3 comparison cells (${cells})`);
    await page.locator('#heatmap td[data-i="1"][data-j="0"]').click();
    await page.waitForSelector('#pair:not([hidden])');
    ok(await page.locator('#pair .passage').count() > 0, 'a heatmap cell opens the pair side by side');
    await page.evaluate(() => document.querySelector('#batch-result').scrollIntoView({block: 'start'}));
    await page.waitForTimeout(300);
    await page.screenshot({path: path.join(artifacts, 'batch.png')});

    /* 6. phone */
    const phone = await ctx.newPage();
    await phone.setViewportSize({width: 390, height: 844});
    await phone.goto(srv.url);
    await phone.fill('#check-text', seed);
    await phone.click('#check-run');
    await phone.waitForSelector('#check-doc mark');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    ok(overflow <= 1, 'no horizontal scrolling on a phone (' + overflow + 'px)');
    await phone.screenshot({path: path.join(artifacts, 'check-phone.png')});

    /* 7. a server with a token: the page asks for it, keeps it, and then works */
    {
    tsrv = await startServer(tmp, ['--token', 'tok-123']);
    const tp = await ctx.newPage();
    await tp.goto(tsrv.url);
    /* the page's first API call (the framework list) meets the 401 */
    await tp.waitForSelector('#settings[open]', {timeout: 10000});
    ok((await tp.textContent('#notice')).includes('令牌'), 'without the token the page says a token is needed and opens 设置');
    await tp.fill('#token', 'tok-123');
    await tp.click('#settings button[value=ok]');
    await tp.waitForFunction(() => document.querySelectorAll('#check-profile option').length > 1);
    await tp.fill('#check-text', '一、存在问题\n（一）理论学习方面。\n一是学习不够深入。');
    await tp.click('#check-run');
    await tp.waitForSelector('#check-result:not([hidden])', {timeout: 15000});
    ok(await tp.locator('#check-outline li').count() >= 2, 'with the token the check goes through');
    await tp.close();
    }

    ok(errors.length === 0, 'no script errors in the page' + (errors.length ? ': ' + errors.join(' | ') : ''));
    console.log('screenshots in ' + artifacts);
  } finally {
    if (ctx) await ctx.close();
    for (const x of [srv, tsrv]) if (x && x.proc.exitCode === null) { x.proc.kill('SIGTERM'); await new Promise(r => x.proc.on('exit', r)); }
    fs.rmSync(tmp, {recursive: true, force: true});
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch(e => { console.log('FAIL ' + (e && e.stack || e)); console.log(`${passed} passed, ${failed + 1} failed`); process.exit(1); });
