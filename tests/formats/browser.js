// browser.js - opens civlint's HTML report in headless Chromium (through
// playwright-core, with the system's /usr/bin/chromium) and checks what an
// editor would see: no console errors or page errors, every finding shown,
// no script from a post ran, and the posts table sorts when a header is
// clicked.
//
// With SPEC.json (written by tests/formats/run from the JSON reference) it
// also checks the filter bar (severity checkboxes, the rule menu and the
// search box hide and show the findings the JSON says they should), that
// with JavaScript off every finding shows and the filter bar does not, and
// that the highlighted span of the finding at column ~300 of a long line
// lies inside a 1024-px-wide window (getBoundingClientRect against
// innerWidth), with a screenshot saved where SPEC says.
//
// usage: node browser.js REPORT.html EXPECTED_FINDINGS CHROMIUM [SPEC.json]
// Prints "ok ..." lines and exits 0, or prints "FAIL ..." and exits 1.
'use strict';
const path = require('path');
const { chromium } = require('playwright-core');

async function main() {
  const [report, expected, exe, specPath] = process.argv.slice(2);
  const failures = [];
  const fail = (m) => failures.push(m);
  const browser = await chromium.launch({
    executablePath: exe,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const console_errors = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console_errors.push(m.text()); });
    page.on('pageerror', (e) => console_errors.push('page error: ' + e.message));
    page.on('dialog', (d) => { fail('a dialog opened: ' + d.message()); d.dismiss(); });
    const requests = [];
    page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    await page.goto('file://' + path.resolve(report), { waitUntil: 'load' });

    if (console_errors.length) fail('console errors: ' + JSON.stringify(console_errors));
    if (requests.length) fail('the page made requests: ' + JSON.stringify(requests));
    const pwned = await page.evaluate(() => [window.__pwned, document.title,
      document.querySelectorAll('[data-pwned]').length]);
    if (pwned[0] !== undefined || pwned[1] !== 'civlint report' || pwned[2] !== 0)
      fail('a script from a post ran: ' + JSON.stringify(pwned));
    const scripts = await page.evaluate(() => document.scripts.length);
    if (scripts !== 1) fail('expected the page\'s own script only, found ' + scripts + ' script elements');

    const shown = await page.locator('.finding').count();
    if (String(shown) !== expected) fail('findings shown: ' + shown + ', expected ' + expected);
    const visible = await page.locator('.finding').evaluateAll((els) =>
      els.filter((e) => e.getBoundingClientRect().height > 0).length);
    if (String(visible) !== expected) fail('findings visible: ' + visible + ', expected ' + expected);
    const marks = await page.locator('.finding pre.src mark').count();
    if (marks < shown) fail('only ' + marks + ' highlighted spans for ' + shown + ' findings');

    const column = (i) => page.$$eval('table.sortable tbody tr', (rows, k) =>
      rows.map((r) => r.cells[k].textContent), i);
    await page.click('table.sortable th:nth-child(1)');
    const names = await column(0);
    const sorted = [...names].sort((a, b) => a.localeCompare(b));
    if (JSON.stringify(names) !== JSON.stringify(sorted)) fail('Post column did not sort ascending: ' + names);
    await page.click('table.sortable th:nth-child(1)');
    const desc = await column(0);
    if (JSON.stringify(desc) !== JSON.stringify([...sorted].reverse())) fail('Post column did not sort descending');
    await page.click('table.sortable th:nth-child(3)');
    const warnings = (await column(2)).map(Number);
    for (let i = 1; i < warnings.length; i++)
      if (warnings[i - 1] > warnings[i]) { fail('Warnings column did not sort numerically: ' + warnings); break; }
    const bars = await page.locator('.chart .bar').count();
    if (bars < 1) fail('no bars in the chart');
    if (console_errors.length === 0 && failures.length === 0)
      console.log('ok chromium: ' + shown + ' findings shown, no console errors, no post script ran, table sorts');
    if (specPath) {
      const spec = JSON.parse(require('fs').readFileSync(specPath, 'utf8'));
      await filters(page, spec, fail);
      await longLine(browser, report, spec, fail);
      await scriptsOff(browser, report, spec, fail);
      const after = await page.evaluate(() => window.__pwned);
      if (after !== undefined) fail('a script from a post ran after filtering');
      if (console_errors.length) fail('console errors after the filter tests: ' + JSON.stringify(console_errors));
    }
  } finally {
    await browser.close();
  }
  for (const f of failures) console.log('FAIL html in chromium: ' + f);
  process.exit(failures.length ? 1 : 0);
}

// The findings and posts shown now (not hidden, with a box).
function visibleCounts(page) {
  return page.evaluate(() => {
    const vis = (e) => e.getBoundingClientRect().height > 0;
    return {
      findings: Array.from(document.querySelectorAll('#findings .finding')).filter(vis).length,
      posts: Array.from(document.querySelectorAll('#findings .post')).filter(vis).length,
      count: (document.getElementById('f-count') || {}).textContent,
    };
  });
}

async function filters(page, spec, failOuter) {
  let bad = 0;
  const fail = (m) => { bad++; failOuter(m); };
  const bar = page.locator('#filters');
  if (!(await bar.isVisible())) return fail('the filter bar is not shown with scripts on');
  let c = await visibleCounts(page);
  if (c.findings !== spec.total || c.count !== spec.total + ' of ' + spec.total + ' findings shown')
    fail('before filtering: ' + JSON.stringify(c) + ', expected all ' + spec.total);
  // severity: untick one level, then tick it again
  for (const [sev, n] of Object.entries(spec.by_sev)) {
    await page.click('#filters input[value=' + sev + ']');
    c = await visibleCounts(page);
    if (c.findings !== spec.total - n) fail('unticking ' + sev + ': ' + c.findings + ' shown, expected ' + (spec.total - n));
    await page.click('#filters input[value=' + sev + ']');
  }
  // the rule menu: one rule's findings, and only the posts that have one
  await page.selectOption('#f-rule', spec.rule);
  c = await visibleCounts(page);
  if (c.findings !== spec.rule_findings || c.posts !== spec.rule_posts)
    fail('rule ' + spec.rule + ': ' + JSON.stringify(c) + ', expected ' + spec.rule_findings + ' findings in ' +
         spec.rule_posts + ' posts');
  await page.selectOption('#f-rule', '');
  // the search box: typed as a person types
  for (const [q, n] of Object.entries(spec.search)) {
    await page.fill('#f-q', '');
    await page.type('#f-q', q);
    c = await visibleCounts(page);
    if (c.findings !== n) fail('search ' + JSON.stringify(q) + ': ' + c.findings + ' shown, expected ' + n);
  }
  await page.fill('#f-q', '');
  c = await visibleCounts(page);
  if (c.findings !== spec.total) fail('after clearing the filters: ' + c.findings + ' shown, expected ' + spec.total);
  if (bad) return;
  console.log('ok chromium: filters by severity, rule (' + spec.rule + ') and search hide and show the right findings');
}

async function longLine(browser, report, spec, fail) {
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  try {
    await page.goto('file://' + path.resolve(report), { waitUntil: 'load' });
    const mark = page.locator('.post').filter({ has: page.locator('h3', { hasText: spec.long_post }) })
      .locator('.finding[data-rule="' + spec.long_rule + '"] mark').first();
    // scroll the page only up and down, as a reader does: scrollIntoView
    // would also scroll a box sideways and hide the problem
    const g = await mark.evaluate((m) => {
      window.scrollTo(0, m.getBoundingClientRect().top + window.scrollY - window.innerHeight / 2);
      const r = m.getBoundingClientRect(), pre = m.closest('pre');
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: window.innerWidth,
               height: window.innerHeight, doc: document.documentElement.scrollWidth,
               preScroll: pre.scrollWidth, preClient: pre.clientWidth, text: m.textContent };
    });
    if (!(g.left >= 0 && g.right <= g.width && g.top >= 0 && g.bottom <= g.height && g.right > g.left))
      fail('the span at column ~300 is outside the 1024-px window: ' + JSON.stringify(g));
    if (g.doc > g.width || g.preScroll > g.preClient)
      fail('the page or the source box scrolls sideways: ' + JSON.stringify(g));
    if (g.text !== spec.long_text) fail('the highlighted text is ' + JSON.stringify(g.text));
    await page.screenshot({ path: spec.screenshot });
    console.log('ok chromium: the span at column ~300 is inside a 1024-px window (x ' + Math.round(g.left) + '-' +
                Math.round(g.right) + '); screenshot ' + spec.screenshot);
  } finally {
    await page.close();
  }
}

async function scriptsOff(browser, report, spec, fail) {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await ctx.newPage();
    await page.goto('file://' + path.resolve(report), { waitUntil: 'load' });
    const c = await visibleCounts(page);
    const bar = await page.locator('#filters').isVisible();
    if (c.findings !== spec.total || bar)
      fail('with scripts off: ' + c.findings + ' findings shown (expected ' + spec.total + '), filter bar ' +
           (bar ? 'shown' : 'hidden'));
    else console.log('ok chromium: with scripts off every finding shows and the filter bar does not');
  } finally {
    await ctx.close();
  }
}

main().catch((e) => { console.log('FAIL html in chromium: ' + e.stack); process.exit(1); });
