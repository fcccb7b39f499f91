// browser.js - opens civlint's HTML report in headless Chromium (through
// playwright-core, with the system's /usr/bin/chromium) and checks what an
// editor would see: no console errors or page errors, every finding shown,
// no script from a post ran, and the posts table sorts when a header is
// clicked.
//
// usage: node browser.js REPORT.html EXPECTED_FINDINGS CHROMIUM
// Prints "ok ..." lines and exits 0, or prints "FAIL ..." and exits 1.
'use strict';
const path = require('path');
const { chromium } = require('playwright-core');

async function main() {
  const [report, expected, exe] = process.argv.slice(2);
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
  } finally {
    await browser.close();
  }
  for (const f of failures) console.log('FAIL html in chromium: ' + f);
  process.exit(failures.length ? 1 : 0);
}

main().catch((e) => { console.log('FAIL html in chromium: ' + e.stack); process.exit(1); });
