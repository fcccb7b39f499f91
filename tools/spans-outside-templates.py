#!/usr/bin/env python3
"""spans-outside-templates: does any finding lie inside template syntax or a
metadata header?

usage: tools/spans-outside-templates.py REPORT.json... [--root DIR]
       tools/spans-outside-templates.py --self-test

Reads civlint's JSON output (--format=json), re-reads each post (paths are
relative to --root, default the current folder) and finds, independently of
civlint's own model:
  - the metadata at the top: YAML (---), TOML (+++), JSON ({ ... }) front
    matter, or Pelican/MultiMarkdown headers (Key: value lines up to the
    first blank line), after an optional BOM and blank lines;
  - template syntax in the body: {{ ... }}, {% ... %} (a {% comment %} block
    whole), Hugo shortcodes {{< ... >}} and {{% ... %}}, kramdown attribute
    lists {: ... }, admonition markers (!!! note "Title", ::: tip), MDX
    import/export lines.
A finding is listed when its first character lies inside one of them.
Findings about the metadata itself are expected there and not listed: the
front-matter rule, author-line's "'KEY' is empty" (reported on the key),
and findings in the value of the title key (title: / Title: / title =):
the title is prose every reader sees, and civlint checks it on purpose.
Exit status 1 when a finding is listed. Python 3 standard library only.
"""
import json
import re
import sys

META_RULES = {"front-matter"}

TEMPLATE_RES = [
    re.compile(r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}", re.S),
    re.compile(r"\{\{<.*?>\}\}", re.S),
    re.compile(r"\{\{%.*?%\}\}", re.S),
    re.compile(r"\{\{.*?\}\}", re.S),
    re.compile(r"\{%.*?%\}", re.S),
    re.compile(r"\{:[^}\n]*\}"),
    re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*\w+.*$", re.M),
    re.compile(r"^[ \t]*:::+.*$", re.M),
    re.compile(r"^(?:import|export)\s.*$", re.M),
]

TITLE_LINE = re.compile(r"^[ \t]*\"?[Tt]itle\"?[ \t]*[:=]")
HEADER_LINE = re.compile(r"^[A-Za-z][A-Za-z0-9 _-]*:\s")


def metadata_end(text):
    """Offset where the metadata at the top ends (0: none)."""
    i = 1 if text.startswith("\ufeff") else 0
    while True:  # blank lines before the metadata
        m = re.match(r"[ \t]*\n", text[i:])
        if not m:
            break
        i += m.end()
    rest = text[i:]
    for fence in ("---", "+++"):
        if re.match(re.escape(fence) + r"[ \t]*\n", rest):
            m = re.compile(r"^" + re.escape(fence) + r"[ \t]*$|^\.\.\.[ \t]*$", re.M).search(
                rest, len(fence) + 1)
            return i + (m.end() if m else len(rest))
    if rest.startswith("{"):
        m = re.compile(r"^\}[ \t]*$", re.M).search(rest)
        return i + (m.end() if m else 0)
    if HEADER_LINE.match(rest):
        m = re.search(r"\n[ \t]*\n", rest)
        return i + (m.start() if m else len(rest))
    return 0


def spans(text):
    out = []
    end = metadata_end(text)
    if end:
        out.append((0, end, "metadata"))
    for rx in TEMPLATE_RES:
        for m in rx.finditer(text, end):
            out.append((m.start(), m.end(), "template"))
    return out


def offset(text, lines, line, col):
    """Code-point offset of 1-based line/column (columns in code points)."""
    return lines[line - 1] + col - 1 if 0 < line <= len(lines) else None


def self_test():
    """An invented post and report: the finding in a metadata value and the
    ones in template syntax are listed, those in the title and the prose not."""
    import os
    import tempfile
    post = ("\ufeff\n---\ntitle: Teh title\nsummary: Teh summary\n---\n"
            "A {{ site.teh }} line, {% include teh.html %} and teh prose.\n"
            "{{< figure src=\"teh.png\" >}}\n\n{: .teh}\n::: teh\n")
    # (line, column, expected listed): columns in code points, after the BOM
    cases = [(3, 8, False), (4, 10, True), (6, 6, True), (6, 24, True), (6, 51, False),
             (7, 5, True), (9, 3, True), (10, 5, True)]
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "p.md"), "w", encoding="utf-8") as f:
            f.write(post)
        text = post
        starts = [0] + [m.end() for m in re.finditer("\n", text)]
        sp = spans(text)
        bad = 0
        for line, col, want in cases:
            at = offset(text, starts, line, col)
            got = any(s0 <= at < s1 and not (k == "metadata" and TITLE_LINE.match(
                text[starts[line - 1]:].split("\n", 1)[0])) for s0, s1, k in sp)
            if got != want:
                bad += 1
                print(f"self-test: {line}:{col} listed={got}, expected {want}")
    print(f"spans-outside-templates self-test: {len(cases)} cases, {bad} failed", file=sys.stderr)
    return 1 if bad else 0


def main(argv):
    if argv == ["--self-test"]:
        return self_test()
    root = "."
    reports = []
    it = iter(argv)
    for a in it:
        if a == "--root":
            root = next(it)
        else:
            reports.append(a)
    listed = checked = 0
    for rep in reports:
        with open(rep, encoding="utf-8") as f:
            data = json.load(f)
        for fl in data.get("files", []):
            diags = fl.get("diagnostics", [])
            if not diags:
                continue
            with open(f"{root}/{fl['path']}", encoding="utf-8", errors="replace", newline="") as f:
                text = f.read().replace("\r\n", "\n").replace("\r", "\n")
            starts = [0] + [m.end() for m in re.finditer("\n", text)]
            sp = spans(text)
            for d in diags:
                checked += 1
                if d["rule"] in META_RULES or (d["rule"] == "author-line" and "is empty" in d["message"]):
                    continue
                at = offset(text, starts, d["line"], d["column"])
                for s0, s1, kind in sp:
                    if at is not None and s0 <= at < s1:
                        line = text[starts[d["line"] - 1]:].split("\n", 1)[0]
                        if kind == "metadata" and TITLE_LINE.match(line):
                            continue
                        listed += 1
                        print(f"{fl['path']}:{d['line']}:{d['column']}: [{d['rule']}] inside {kind}: "
                              f"{text[s0:min(s1, s0 + 60)]!r}")
                        break
    print(f"spans-outside-templates: {checked} findings checked, {listed} inside template syntax or metadata",
          file=sys.stderr)
    return 1 if listed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
