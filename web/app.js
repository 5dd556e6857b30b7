/*
 * duizhao page logic: three views over the JSON API (docs/http-api.md).
 *  - 材料检查: paste or drop a document, check it, see highlights, the outline and findings;
 *    apply or ignore suggestions, add words to the personal dictionary, download Word files.
 *  - 查重: compare one document with the corpus; copied passages side by side.
 *  - 批量比对: cross-check many files; heatmap of the containment matrix, groups, pair view.
 * Plain browser JavaScript, no libraries, no build step. Everything stays on this machine.
 */
'use strict';

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

/* Create an element: el('div', {class: 'x', onclick: f}, child, 'text', ...). */
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const k of kids.flat()) if (k !== null && k !== undefined && k !== false) e.append(k instanceof Node ? k : String(k));
  return e;
}

/* ---- Local settings: token, personal dictionary, ignored findings ------------------------ */
const store = {
  get(key, dflt) { try { const v = localStorage.getItem('duizhao.' + key); return v === null ? dflt : JSON.parse(v); } catch (e) { return dflt; } },
  set(key, v) { try { localStorage.setItem('duizhao.' + key, JSON.stringify(v)); } catch (e) { /* private mode */ } },
};
const dictionary = () => store.get('dictionary', []);
function addWord(w) {
  w = (w || '').trim();
  if (!w) return;
  const d = dictionary();
  if (!d.includes(w)) { d.push(w); store.set('dictionary', d); }
  renderDict();
}
function removeWord(w) { store.set('dictionary', dictionary().filter(x => x !== w)); renderDict(); }
const ignored = () => new Set(store.get('ignored', []));
const findingKey = f => f.rule + '|' + f.text + '|' + (f.message || '');

/* ---- Talking to the server --------------------------------------------------------------- */
let busyCount = 0;
function busy(on, label) {
  busyCount += on ? 1 : -1;
  let b = $('#busy');
  if (busyCount > 0 && !b) document.body.append(el('div', {id: 'busy', class: 'busy'}, label || '正在处理……'));
  if (busyCount <= 0 && b) b.remove();
}
function notice(msg, kind) {
  const n = $('#notice');
  if (!msg) { n.hidden = true; return; }
  n.textContent = msg;
  n.className = 'notice' + (kind ? ' ' + kind : '');
  n.hidden = false;
}

/* POST/GET to the API. body: an object (sent as JSON) or FormData. Returns the Response on
 * success; on failure shows the server's Chinese message and throws. */
async function api(method, path, body, label) {
  const headers = {};
  const token = store.get('token', '');
  if (token) headers['Authorization'] = 'Bearer ' + token;
  let payload;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) { headers['Content-Type'] = 'application/json'; payload = JSON.stringify(body); }
  busy(true, label);
  let res;
  try {
    res = await fetch(path, {method, headers, body: payload});
  } catch (e) {
    notice('无法连接服务：请确认 duizhao serve 仍在运行。');
    throw e;
  } finally {
    busy(false);
  }
  if (!res.ok) {
    let msg = '服务返回错误 ' + res.status;
    try { const j = await res.json(); if (j.error && j.error.message) msg = j.error.message; } catch (e) { /* not JSON */ }
    if (res.status === 401) { msg = '需要访问令牌：请在“设置”中填写启动服务时设置的令牌。'; openSettings(); }
    notice(msg);
    throw new Error(msg);
  }
  notice('');
  return res;
}

function download(blob, name) {
  const a = el('a', {href: URL.createObjectURL(blob), download: name});
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

/* Allowed upload types; the server sniffs content too. */
function acceptable(file) {
  if (/\.(txt|text|md|markdown|docx)$/i.test(file.name)) return true;
  notice('不支持的文件类型“' + file.name + '”：请使用 .txt、.md 或 .docx（.doc、.wps 请先另存为 .docx）。');
  return false;
}

/* Wire a drop zone to a callback receiving the dropped files. */
function dropZone(zone, onFiles) {
  zone.addEventListener('dragover', e => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', e => {
    e.preventDefault();
    zone.classList.remove('over');
    const files = Array.from(e.dataTransfer.files || []).filter(acceptable);
    if (files.length) onFiles(files);
  });
}

const pct = x => (x * 100).toFixed(x > 0 && x < 0.1 ? 1 : 0) + '%';
const baseName = n => (n || '材料').replace(/\.[^.]*$/, '');

/* UTF-8 byte offsets (the API's decoded spans) to JavaScript string indices. */
function byteIndex(str) {
  const map = [];
  let i = 0;
  for (const ch of str) {
    const cp = ch.codePointAt(0);
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < n; k++) map.push(i);
    i += ch.length;
  }
  map.push(i);
  return b => map[Math.max(0, Math.min(b, map.length - 1))];
}

/* ---- Settings dialog --------------------------------------------------------------------- */
function openSettings() {
  const d = $('#settings');
  $('#token').value = store.get('token', '');
  renderDict();
  if (!d.open) d.showModal();
}
function renderDict() {
  const ul = $('#dict-list');
  ul.replaceChildren(...dictionary().map(w =>
    el('li', {}, w, ' ', el('button', {type: 'button', class: 'link small', title: '删除', onclick: () => removeWord(w)}, '×'))));
  if (!dictionary().length) ul.append(el('li', {class: 'hint'}, '（空）'));
}

/* ---- Tabs -------------------------------------------------------------------------------- */
function showView(name) {
  for (const t of $$('.tab')) t.classList.toggle('active', t.dataset.view === name);
  for (const v of $$('.view')) v.hidden = v.id !== 'view-' + name;
  notice('');
  if (name === 'sim') loadCorpus();
}

/* ---- Check view -------------------------------------------------------------------------- */
const FAMILIES = [
  ['structure', '结构与框架'], ['content', '内容是否具体'], ['formulation', '规范表述'],
  ['text', '文字与标点'], ['spell', '错别字'],
];
const SEV = {error: '错误', warning: '警告', info: '提示'};
const check = {file: null, text: '', result: null, profiles: []};

function familyOf(rule) { return (rule || '').split('.')[0]; }
function familyName(f) { const x = FAMILIES.find(p => p[0] === f); return x ? x[1] : f; }

async function loadProfiles() {
  try {
    const j = await (await api('GET', 'api/profiles')).json();
    check.profiles = j.profiles || [];
    const sel = $('#check-profile');
    for (const p of check.profiles) sel.append(el('option', {value: p.id}, p.name || p.id));
  } catch (e) { /* notice shown */ }
}

/* The request body for check/fmt/fix: the uploaded file while unedited, else the text. */
function checkBody(extra) {
  const opts = Object.assign({profile: $('#check-profile').value, dictionary: dictionary()}, extra || {});
  if (check.file) {
    const fd = new FormData();
    fd.append('options', JSON.stringify(opts));
    fd.append('file', check.file, check.file.name);
    return fd;
  }
  return Object.assign({text: $('#check-text').value, name: check.name || '粘贴的文本'}, opts);
}

async function runCheck() {
  if (!check.file && !$('#check-text').value.trim()) { notice('请先粘贴材料全文，或拖入一个文件。', 'info'); return; }
  let result;
  try { result = await (await api('POST', 'api/check', checkBody(), '正在检查……')).json(); } catch (e) { return; }
  check.result = result;
  if (check.file && typeof result.text === 'string') $('#check-text').value = result.text;
  renderCheck();
}

function visibleFindings() {
  const ign = ignored();
  return (check.result.findings || []).map((f, i) => Object.assign({i}, f)).filter(f => !ign.has(findingKey(f)));
}

function renderCheck() {
  const r = check.result;
  $('#check-input').hidden = true;
  $('#check-result').hidden = false;
  const fs = visibleFindings();
  renderSummary(r, fs);
  renderDoc(r, fs);
  renderFindings(fs);
  renderOutline(r, fs);
}

function renderSummary(r, fs) {
  const n = s => fs.filter(f => f.severity === s).length;
  const prof = r.profile && r.profile.id ? (check.profiles.find(p => p.id === r.profile.id) || {name: r.profile.id}) : null;
  $('#check-summary').replaceChildren(
    el('strong', {}, r.file || '材料'),
    el('span', {class: 'count'}, fs.length ? `共 ${fs.length} 处问题` : '未发现问题'),
    el('span', {class: 'badge error'}, '错误 ' + n('error')),
    el('span', {class: 'badge warning'}, '警告 ' + n('warning')),
    el('span', {class: 'badge info'}, '提示 ' + n('info')),
    prof ? el('span', {class: 'profile', title: r.profile.reason || ''}, '框架：' + (prof.name || prof.id) + (r.profile.reason ? '（' + r.profile.reason + '）' : '')) : null,
  );
}

/* The text, line by line, with each finding's span marked by severity. */
function renderDoc(r, fs) {
  const text = r.text || '';
  const toIdx = byteIndex(text);
  const spans = fs.filter(f => typeof f.dstart === 'number').map(f => ({f, s: toIdx(f.dstart), e: toIdx(f.dend)}));
  const rank = {error: 3, warning: 2, info: 1};
  const doc = $('#check-doc');
  doc.replaceChildren();
  let pos = 0, lineNo = 1;
  for (const line of text.split('\n')) {
    const ls = pos, le = pos + line.length;
    const div = el('div', {class: 'line', id: 'L' + lineNo}, el('span', {class: 'ln'}, lineNo));
    const here = spans.filter(x => (x.s < le && x.e > ls) || (x.s === x.e && x.s >= ls && x.s <= le));
    const cuts = new Set([ls, le]);
    for (const x of here) { cuts.add(Math.max(ls, x.s)); cuts.add(Math.min(le, x.e)); }
    const pts = Array.from(cuts).sort((a, b) => a - b);
    for (let k = 0; k < pts.length; k++) {
      const a = pts[k], b = pts[k + 1];
      /* zero-length findings (something missing here) show as a caret */
      for (const x of here.filter(x => x.s === x.e && x.s === a))
        div.append(el('mark', {class: 'empty ' + x.f.severity, 'data-f': x.f.i, title: x.f.message}, '‸'));
      if (b === undefined || b === a) continue;
      const cover = here.filter(x => x.s < b && x.e > a && x.s !== x.e);
      const seg = text.slice(a, b);
      if (!cover.length) { div.append(seg); continue; }
      cover.sort((p, q) => rank[q.f.severity] - rank[p.f.severity]);
      div.append(el('mark', {class: cover[0].f.severity, 'data-f': cover.map(x => x.f.i).join(' '),
        title: cover.map(x => x.f.message).join('\n')}, seg));
    }
    if (!line.length) div.append('\u200b');
    doc.append(div);
    pos = le + 1;
    lineNo++;
  }
}

function focusFinding(i, scrollList) {
  for (const m of $$('.doc mark.flash, .finding.active')) m.classList.remove('flash', 'active');
  const mark = $(`.doc mark[data-f~="${i}"]`);
  if (mark) { mark.classList.add('flash'); mark.scrollIntoView({block: 'center', behavior: 'smooth'}); }
  else {
    const f = check.result.findings[i];
    const line = f && $('#L' + f.line);
    if (line) { line.classList.add('flash'); line.scrollIntoView({block: 'center', behavior: 'smooth'}); setTimeout(() => line.classList.remove('flash'), 1500); }
  }
  const card = $('#F' + i);
  if (card) { card.classList.add('active'); if (scrollList) card.scrollIntoView({block: 'nearest', behavior: 'smooth'}); }
}

function applySuggestion(f) {
  const text = $('#check-text').value;
  const toIdx = byteIndex(text);
  const s = toIdx(f.dstart), e = toIdx(f.dend);
  $('#check-text').value = text.slice(0, s) + f.suggestion + text.slice(e);
  check.file = null; /* from now on the edited text is the document */
  $('#check-filename').textContent = '';
  runCheck();
}

function ignoreFinding(f) {
  const ign = ignored();
  ign.add(findingKey(f));
  store.set('ignored', Array.from(ign));
  renderCheck();
}

function renderFindings(fs) {
  const box = $('#check-findings');
  box.replaceChildren(el('h4', {}, '问题清单（点击定位到原文）'));
  if (!fs.length) { box.append(el('p', {class: 'empty-note'}, '没有发现问题。')); return; }
  const order = FAMILIES.map(p => p[0]);
  const fams = Array.from(new Set(fs.map(f => familyOf(f.rule))))
    .sort((a, b) => (order.indexOf(a) + 99) % 99 - (order.indexOf(b) + 99) % 99);
  for (const fam of fams) {
    const items = fs.filter(f => familyOf(f.rule) === fam);
    const det = el('details', {class: 'fam', open: true, 'data-family': fam},
      el('summary', {}, familyName(fam), el('span', {class: 'n'}, items.length + ' 处')));
    for (const f of items) det.append(findingCard(f));
    box.append(det);
  }
}

function findingCard(f) {
  const canApply = typeof f.suggestion === 'string' && typeof f.dstart === 'number';
  /* words a person may rightly use (names, unit terms): spelling, confusion and repeat flags */
  const wordLike = f.text && f.text.length <= 12 && /^(spell\.|formulation\.|text\.(confusion|repeat)$)/.test(f.rule);
  return el('div', {class: 'finding ' + f.severity, id: 'F' + f.i, 'data-rule': f.rule, 'data-text': f.text || '', onclick: () => focusFinding(f.i, false)},
    el('div', {class: 'head'}, el('span', {class: 'badge ' + f.severity}, SEV[f.severity] || f.severity),
      el('span', {}, `第 ${f.line} 行`), el('span', {}, f.rule)),
    el('div', {class: 'msg'}, f.message),
    canApply ? el('div', {class: 'fix'}, '建议：', el('del', {}, f.text || ''), ' → ', el('ins', {}, f.suggestion || '（删除）')) : null,
    el('div', {class: 'btns'},
      canApply ? el('button', {class: 'small primary apply', onclick: e => { e.stopPropagation(); applySuggestion(f); }}, '应用建议') : null,
      el('button', {class: 'small ignore', onclick: e => { e.stopPropagation(); ignoreFinding(f); }}, '忽略'),
      wordLike ? el('button', {class: 'small dict', title: '以后不再把这个词标为问题', onclick: e => { e.stopPropagation(); addWord(f.text); runCheck(); }}, '加入词典') : null));
}

/* The outline beside the text, and the profile's aspects marked present, renamed or missing. */
function renderOutline(r, fs) {
  const box = $('#check-outline');
  box.replaceChildren(el('h4', {}, '提纲'));
  const flagged = new Set(fs.filter(f => /^(structure|content)$/.test(familyOf(f.rule))).map(f => f.line));
  const walk = node => {
    const ul = el('ul');
    for (const c of node.children || []) {
      if (!['title', 'heading', 'point'].includes(c.kind)) continue;
      const cls = c.kind === 'heading' ? 'l' + c.level : c.kind === 'point' ? 'pt' : 'l1';
      const label = c.kind === 'heading' && c.level <= 2 ? c.title : (c.title || '').slice(0, 18);
      const a = el('a', {class: cls, title: c.title, onclick: () => { const l = $('#L' + c.line); if (l) l.scrollIntoView({block: 'start', behavior: 'smooth'}); }},
        label || '（无标题）', flagged.has(c.line) ? el('span', {class: 'flag', title: '此处有结构或内容问题'}, '!') : null);
      const li = el('li', {}, a);
      if (c.kind === 'heading' && c.children) { const sub = walk(c); if (sub.children.length) li.append(sub); }
      ul.append(li);
    }
    return ul;
  };
  if (r.outline) box.append(walk(r.outline));
  const prof = r.profile && check.profiles.find(p => p.id === r.profile.id);
  if (prof && prof.aspects && prof.aspects.length) {
    const titles = [];
    const collect = n => { for (const c of n.children || []) { if (c.kind === 'heading') titles.push(c.title); collect(c); } };
    if (r.outline) collect(r.outline);
    const msgs = fs.filter(f => familyOf(f.rule) === 'structure').map(f => f.message + ' ' + (f.suggestion || ''));
    const list = el('ul');
    for (const a of prof.aspects) {
      const have = titles.includes(a);
      const renamed = !have && msgs.some(m => m.includes(a) && !/缺少|缺失/.test(m));
      list.append(el('li', {class: have ? 'have' : renamed ? 'renamed' : 'miss'}, a, have ? '' : renamed ? '（名称不规范）' : '（缺少）'));
    }
    box.append(el('div', {class: 'frame'}, el('h4', {}, '框架：' + (prof.name || prof.id)), list));
  }
}

async function downloadWord(kind) {
  const path = kind === 'fix' ? 'api/fix' : 'api/fmt';
  try {
    const res = await api('POST', path, checkBody(kind === 'fix' ? {tracked: true} : {}), '正在生成 Word 文档……');
    download(await res.blob(), baseName(check.result && check.result.file) + (kind === 'fix' ? '-修订.docx' : '-排版.docx'));
  } catch (e) { /* notice shown */ }
}

async function exportCheckHtml() {
  try {
    const res = await api('POST', 'api/check?format=html', checkBody(), '正在生成报告……');
    download(await res.blob(), baseName(check.result && check.result.file) + '-检查报告.html');
  } catch (e) { /* notice shown */ }
}

function loadCheckFile(file) {
  check.file = file;
  check.name = file.name;
  $('#check-filename').textContent = '已选择文件：' + file.name;
  if (/\.(txt|md|markdown|text)$/i.test(file.name)) file.text().then(t => { if (check.file === file) $('#check-text').value = t; });
  else $('#check-text').value = '';
  runCheck();
}

/* ---- Originality view -------------------------------------------------------------------- */
const sim = {file: null};

async function runSimilar() {
  let body;
  if (sim.file) { body = new FormData(); body.append('file', sim.file, sim.file.name); }
  else if ($('#sim-text').value.trim()) body = {text: $('#sim-text').value};
  else { notice('请先粘贴材料，或拖入一个文件。', 'info'); return; }
  let r;
  try { r = await (await api('POST', 'api/similar', body, '正在查重……')).json(); } catch (e) { return; }
  renderSimilar(r);
}

function sideBySide(leftTitle, left, rightTitle, right) {
  return el('div', {class: 'passage'},
    el('div', {}, el('h5', {}, leftTitle), el('div', {class: 'txt'}, left)),
    el('div', {}, el('h5', {}, rightTitle), el('div', {class: 'txt'}, right)));
}

function renderSimilar(r) {
  const box = $('#sim-result');
  box.hidden = false;
  $('#sim-text').classList.add('compact'); /* the result matters now; the input can shrink */
  setTimeout(() => box.scrollIntoView({block: 'start'}), 0);
  const srcName = id => { const s = (r.sources || []).find(x => x.id === id); return s ? s.path : '来源 ' + id; };
  const passages = r.passages || [];
  box.replaceChildren(
    el('div', {class: 'bigstat'},
      el('div', {}, el('div', {class: 'ratio'}, pct(r.copy_ratio || 0)), el('div', {class: 'hint'}, '与语料库重合的比例')),
      el('div', {}, el('strong', {}, '来源'), (r.sources || []).length
        ? el('ol', {class: 'sources'}, (r.sources || []).map(s => el('li', {}, s.path, '：', pct(s.ratio))))
        : el('p', {class: 'hint'}, '没有发现与语料库重合的段落。'))),
    passages.length ? el('h3', {}, `重合段落 ${passages.length} 处（左：本材料，右：来源）`) : null,
    ...passages.map(p => sideBySide(`本材料 第 ${p.line || '?'} 行`, p.text || '', srcName(p.source) + (p.source_line ? ` 第 ${p.source_line} 行` : ''), p.source_text || '')));
}

async function loadCorpus() {
  let j;
  try { j = await (await api('GET', 'api/corpus')).json(); } catch (e) { return; }
  const docs = j.documents || [];
  $('#corpus-count').textContent = `共 ${docs.length} 份`;
  $('#corpus-list').replaceChildren(el('tr', {}, el('th', {}, '编号'), el('th', {}, '文件'), el('th', {}, '字数'), el('th', {})),
    ...docs.map(d => el('tr', {}, el('td', {}, d.id), el('td', {}, d.path), el('td', {}, d.chars),
      el('td', {}, el('button', {class: 'small', onclick: async () => { try { await api('DELETE', 'api/corpus/' + d.id); } catch (e) { return; } loadCorpus(); }}, '移除')))));
}

async function addToCorpus(files) {
  const fd = new FormData();
  for (const f of files) fd.append('files', f, f.name);
  try { await api('POST', 'api/corpus', fd, '正在加入语料库……'); } catch (e) { return; }
  loadCorpus();
}

/* ---- Batch view -------------------------------------------------------------------------- */
const batch = {files: [], result: null};

function setBatchFiles(files) {
  const seen = new Set(batch.files.map(f => f.name));
  for (const f of files) if (!seen.has(f.name)) batch.files.push(f);
  $('#batch-files').replaceChildren(...batch.files.map(f => el('li', {}, f.name)));
  $('#batch-run').disabled = batch.files.length < 2;
  $('#batch-html').disabled = batch.files.length < 2;
}

function batchForm() {
  const fd = new FormData();
  for (const f of batch.files) fd.append('files', f, f.name);
  return fd;
}

async function runBatch() {
  try { batch.result = await (await api('POST', 'api/batch', batchForm(), `正在比对 ${batch.files.length} 份材料……`)).json(); } catch (e) { return; }
  renderBatch();
}

/* White → amber → red → dark red as containment grows. */
function heat(v) {
  const stops = [[255, 255, 255], [246, 194, 122], [224, 85, 43], [140, 29, 16]];
  const x = Math.max(0, Math.min(1, v)) * (stops.length - 1), k = Math.min(stops.length - 2, Math.floor(x)), t = x - k;
  const c = stops[k].map((a, j) => Math.round(a + (stops[k + 1][j] - a) * t));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

function renderBatch() {
  const r = batch.result;
  $('#batch-result').hidden = false;
  $('#batch-drop').classList.add('compact'); /* the heatmap matters now */
  const names = (r.files || []).map(f => typeof f === 'string' ? f : f.name || f.path);
  const table = el('table', {});
  table.append(el('tr', {}, el('th'), names.map((n, j) => el('th', {class: 'col', title: n}, (j + 1) + '. ' + n))));
  names.forEach((n, i) => {
    const tr = el('tr', {}, el('th', {title: n}, (i + 1) + '. ' + n));
    names.forEach((m, j) => {
      if (i === j) { tr.append(el('td', {class: 'self'}, '—')); return; }
      const v = (r.matrix[i] || [])[j] || 0;
      const td = el('td', {title: `${n} 中有 ${pct(v)} 出现在 ${m} 里`, 'data-i': i, 'data-j': j, onclick: () => showPair(i, j)}, pct(v));
      td.style.background = heat(v);
      td.style.color = v > 0.5 ? '#fff' : '#333';
      tr.append(td);
    });
    table.append(tr);
  });
  $('#heatmap').replaceChildren(table);
  const groups = r.groups || [];
  $('#batch-groups').replaceChildren(...(groups.length ? groups.map((g, k) => el('li', {}, `第 ${k + 1} 组：`, g.map(i => names[i]).join('、')))
    : [el('li', {class: 'hint'}, '没有发现相互抄袭的材料。')]));
  $('#pair').hidden = true;
}

function showPair(i, j) {
  const r = batch.result;
  const names = (r.files || []).map(f => typeof f === 'string' ? f : f.name || f.path);
  const a = Math.min(i, j), b = Math.max(i, j);
  const p = (r.pairs || []).find(x => x.a === a && x.b === b);
  const box = $('#pair');
  box.hidden = false;
  const dir = p && p.basis === 'identical' ? '两份文件内容完全相同（同一份材料提交了两次，或整篇照抄）' : p && p.direction === 'a->b' ? `${names[b]} 可能抄自 ${names[a]}` : p && p.direction === 'b->a' ? `${names[a]} 可能抄自 ${names[b]}` : '无法判断抄袭方向';
  box.replaceChildren(
    el('h3', {}, `${names[a]} ⇄ ${names[b]}`),
    el('p', {class: 'hint'}, p ? `${names[a]} 中 ${pct(p.a_in_b)} 出现在 ${names[b]}；${names[b]} 中 ${pct(p.b_in_a)} 出现在 ${names[a]}。${dir}。` : '这两份材料没有重合段落。'),
    ...(p && p.passages || []).map(q => sideBySide(`${names[a]} 第 ${q.line || '?'} 行`, q.text || '', `${names[b]} 第 ${q.source_line || '?'} 行`, q.source_text || '')));
  box.scrollIntoView({behavior: 'smooth', block: 'nearest'});
}

async function exportBatchHtml() {
  try { download(await (await api('POST', 'api/batch?format=html', batchForm(), '正在生成报告……')).blob(), '批量比对报告.html'); } catch (e) { /* shown */ }
}

/* ---- Wiring ------------------------------------------------------------------------------ */
document.addEventListener('DOMContentLoaded', () => {
  for (const t of $$('.tab')) t.addEventListener('click', () => showView(t.dataset.view));
  $('#open-settings').addEventListener('click', openSettings);
  $('#settings').addEventListener('close', () => {
    const t = $('#token').value.trim();
    if (t === store.get('token', '')) return;
    store.set('token', t);
    notice('');
    if (!check.profiles.length) loadProfiles(); /* the first try may have met a 401 */
  });
  $('#dict-add').addEventListener('click', () => { addWord($('#dict-word').value); $('#dict-word').value = ''; });

  $('#check-run').addEventListener('click', runCheck);
  $('#check-text').addEventListener('input', () => { if (check.file) { check.file = null; $('#check-filename').textContent = ''; } });
  $('#check-file').addEventListener('change', e => { const f = e.target.files[0]; if (f && acceptable(f)) loadCheckFile(f); e.target.value = ''; });
  dropZone($('#check-drop'), files => loadCheckFile(files[0]));
  $('#check-edit').addEventListener('click', () => { $('#check-input').hidden = false; $('#check-result').hidden = true; });
  $('#check-doc').addEventListener('click', e => {
    const m = e.target.closest('mark');
    if (m) focusFinding(Number(m.dataset.f.split(' ')[0]), true);
  });
  $('#dl-fmt').addEventListener('click', () => downloadWord('fmt'));
  $('#dl-fix').addEventListener('click', () => downloadWord('fix'));
  $('#dl-html').addEventListener('click', exportCheckHtml);

  $('#sim-run').addEventListener('click', runSimilar);
  $('#sim-file').addEventListener('change', e => { const f = e.target.files[0]; if (f && acceptable(f)) { sim.file = f; $('#sim-filename').textContent = '已选择文件：' + f.name; } e.target.value = ''; });
  $('#sim-text').addEventListener('input', () => { sim.file = null; $('#sim-filename').textContent = ''; });
  dropZone($('#sim-drop'), files => { sim.file = files[0]; $('#sim-filename').textContent = '已选择文件：' + files[0].name; runSimilar(); });
  $('#corpus-file').addEventListener('change', e => { const fs = Array.from(e.target.files).filter(acceptable); if (fs.length) addToCorpus(fs); e.target.value = ''; });

  $('#batch-file').addEventListener('change', e => { setBatchFiles(Array.from(e.target.files).filter(acceptable)); e.target.value = ''; });
  dropZone($('#batch-drop'), setBatchFiles);
  $('#batch-run').addEventListener('click', runBatch);
  $('#batch-html').addEventListener('click', exportBatchHtml);

  loadProfiles();
});
