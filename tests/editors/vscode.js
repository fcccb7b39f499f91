// vscode.js - run by tests/editors/vscode with node: the tasks of
// docs/editors/vscode/tasks.json applied as VS Code applies them. Each
// task's command runs (${file} and ${workspaceFolder} substituted, civlint
// on PATH), every output line goes through the task's problem matcher
// regexp (new RegExp, as VS Code), severities map as VS Code's
// AbstractLineMatcher.getSeverity does ('note' -> Info), and the column,
// a 1-based UTF-16 index like VS Code's positions and JavaScript's string
// indexes, must point at the finding's text in the post (BOM stripped,
// CRLF split, as VS Code's text model does). A control run with code-point
// columns must miss after an emoji, or the test could not fail.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const [tasksFile, dir, expectSpec] = process.argv.slice(2);
const tasks = JSON.parse(fs.readFileSync(tasksFile, 'utf8')).tasks;
let pass = 0, fail = 0;
function ok(cond, what) {
  if (cond) pass++;
  else { fail++; console.log('FAIL editors-vscode: ' + what); }
}
// post.md:8:goverment:W,... ; file:line:text:severity
const want = expectSpec.split(/[;,]/).map(s => {
  const [file, line, text, sev] = s.split(':');
  return { file, line: +line, text, sev: { E: 'Error', W: 'Warning', I: 'Info' }[sev] };
});

function severity(v) {
  const l = (v || '').toLowerCase();
  if (l === 'error') return 'Error';
  if (l === 'warning' || l === 'warn') return 'Warning';
  if (l === 'info' || l === 'note' || l === 'hint' || v === 'I') return 'Info';
  return v === 'E' ? 'Error' : v === 'W' ? 'Warning' : 'Error';
}

function subst(s, file) {
  return s.replace('${file}', file).replace('${workspaceFolder}', dir);
}

// The problems VS Code would show for one run of task t.
function problems(t, file, args) {
  const r = spawnSync(t.command, (args || t.args).map(a => subst(a, file)), { cwd: dir, encoding: 'utf8' });
  ok(r.status === 0 || r.status === 1, `${t.label}: civlint exit ${r.status} ${r.stderr}`);
  const m = t.problemMatcher, p = m.pattern, re = new RegExp(p.regexp);
  const out = [];
  for (const line of r.stdout.split('\n')) {
    const g = re.exec(line);
    if (!g) continue;
    const f = g[p.file];
    out.push({ file: path.isAbsolute(f) ? f : path.join(subst(m.fileLocation[1], file), f),
               line: +g[p.line], column: +g[p.column], sev: severity(g[p.severity]),
               message: g[p.message], code: g[p.code] });
  }
  return out;
}

function textAt(pr, n) {
  let s = fs.readFileSync(pr.file, 'utf8');
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  const line = s.split(/\r\n|\n/)[pr.line - 1] || '';
  return line.substr(pr.column - 1, n); // UTF-16 units, as VS Code
}

// Checks problems against the expectations of `files`; returns exact hits.
function check(label, probs, files) {
  const w = want.filter(x => files.includes(x.file));
  ok(probs.length === w.length, `${label}: ${probs.length} problems, want ${w.length}`);
  let exact = 0;
  probs.forEach((pr, i) => {
    const x = w[i];
    if (!x) return;
    const got = textAt(pr, x.text.length);
    const hit = path.basename(pr.file) === x.file && pr.line === x.line && got === x.text && pr.sev === x.sev;
    exact += hit;
    if (label !== 'control')
      ok(hit, `${label}: ${path.basename(pr.file)}:${pr.line}:${pr.column} ${pr.sev} at '${got}', want ` +
              `${x.file}:${x.line} ${x.sev} at '${x.text}'`);
  });
  return exact;
}

const files = [...new Set(want.map(x => x.file))];
const one = tasks.find(t => t.args.includes('${file}'));
const all = tasks.find(t => t.args.includes('.'));
ok(one && all, 'tasks.json has a task for the post and one for every post');
for (const t of tasks)
  ok(t.args.includes('--columns=utf16'), `${t.label}: --columns=utf16`);
for (const f of files) {
  const probs = problems(one, path.join(dir, f));
  check(`${one.label} (${f})`, probs, [f]);
  ok(probs.every(p => /^[a-z.-]+$/.test(p.code) && !/\[/.test(p.message)), `${f}: rule ids as codes`);
  const control = problems(one, path.join(dir, f), one.args.filter(a => a !== '--columns=utf16'));
  const exact = check('control', control, [f]);
  ok(exact < control.length, `${f}: with code-point columns ${control.length - exact} of ${control.length} miss`);
}
// every post: relative paths, resolved against the workspace folder
const probs = problems(all, '');
probs.sort((a, b) => files.indexOf(path.basename(a.file)) - files.indexOf(path.basename(b.file)));
check(all.label, probs, files);
console.log(`editors-vscode: ${pass} passed, ${fail} failed`);
process.exit(fail ? 1 : 0);
