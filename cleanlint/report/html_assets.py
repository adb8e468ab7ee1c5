"""The HTML report's style sheet, script and legend, inlined into every page.

Inline because the page must be one file that opens anywhere, offline, from a CI artifact or an e-mail:
no link to a style sheet, a script, a font or an image. The script only filters and sorts what the page
already holds; the page reads in full without it.
"""

from __future__ import annotations

STYLE = """
:root{--bp:#d64545;--bp-bg:#fde4e4;--rm:#c62828;--rmu:#e07b00;--art:#e0a100;--art-bg:#ffe69c;
--lang:#3b7ddd;--lang-bg:#d6e6ff;--src:#13917f;--ink:#1d2330;--mute:#5f6b7a;--line:#e3e6ea;--bg:#f4f5f7}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,
"Helvetica Neue",Arial,sans-serif}
a{color:#2457b5;text-decoration:none}a:hover{text-decoration:underline}
header.top{display:flex;justify-content:space-between;align-items:flex-end;gap:1rem;padding:18px 28px 14px;
background:#1d2330;color:#fff}
header.top h1{margin:0;font-size:22px;letter-spacing:.2px}
header.top .sub{margin:4px 0 0;color:#c8d0dc}
header.top code{color:#fff;background:rgba(255,255,255,.12);padding:0 4px;border-radius:4px}
header.top .version{margin:0;color:#8f9bb0;font-size:12px}
nav.filters{position:sticky;top:0;z-index:5;display:flex;flex-wrap:wrap;align-items:center;gap:10px 18px;
padding:10px 28px;background:#fff;border-bottom:1px solid var(--line);box-shadow:0 1px 3px rgba(0,0,0,.06)}
nav.filters label{font-weight:600;color:var(--mute);display:flex;align-items:center;gap:6px}
nav.filters select,nav.filters input{font:inherit;padding:5px 8px;border:1px solid #c9ced6;border-radius:6px;
min-width:220px;background:#fff}
nav.filters button{font:inherit;padding:5px 12px;border:1px solid #c9ced6;border-radius:6px;background:#f7f8fa;
cursor:pointer}
nav.filters .shown{margin-left:auto;color:var(--mute);font-weight:600}
main{max-width:1240px;margin:0 auto;padding:18px 28px 60px}
h2{font-size:17px;margin:0 0 12px}
.panel,.doc{background:#fff;border:1px solid var(--line);border-radius:10px;padding:18px 20px;margin:0 0 18px}
.hint{color:var(--mute);margin:6px 0 12px;font-size:13px}
.cards{display:flex;flex-wrap:wrap;gap:12px}
.card{flex:1 1 150px;border:1px solid var(--line);border-radius:8px;padding:10px 14px;background:#fafbfc}
.card .big{display:block;font-size:26px;font-weight:700;font-variant-numeric:tabular-nums}
.card span:last-child{color:var(--mute)}
.charts{columns:2 540px;column-gap:14px}
.chart{break-inside:avoid;margin:0 0 14px;border:1px solid var(--line);border-radius:8px;padding:10px 12px;
overflow-x:auto}
.chart figcaption{font-weight:600;margin-bottom:6px}
.chart svg{max-width:100%;height:auto;font-size:12px}
.chart text{fill:#2b3340}.chart text.val,.chart text.tick{fill:var(--mute)}
.chart .pick{cursor:pointer}.chart .pick:hover rect{opacity:.75}.chart .dim{opacity:.3}
.bar{fill:#8a94a6}.bar.bp{fill:var(--bp)}.bar.art{fill:var(--art)}.bar.lang{fill:var(--lang)}
.bar.src{fill:var(--src)}.bar.rest{fill:#c3c9d3}
.bar.good{fill:#2e9e5b}.bar.fair{fill:#e0a100}.bar.poor{fill:#d64545}
.empty{color:var(--mute);font-style:italic}
.legend{margin-top:14px;border-top:1px solid var(--line);padding-top:10px;color:#3a4353}
.legend ul{margin:6px 0;padding-left:18px}.legend li{margin:3px 0}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--mute);font-weight:600;font-size:12px;text-transform:uppercase;letter-spacing:.3px}
th[data-sort]{cursor:pointer;user-select:none}th[data-sort]:hover{color:var(--ink)}
th.asc::after{content:" ▲"}th.desc::after{content:" ▼"}
.num{text-align:right;font-variant-numeric:tabular-nums}
td.path{min-width:24em;overflow-wrap:anywhere}
th{white-space:nowrap}
.chip{display:inline-block;margin:1px 3px 1px 0;padding:0 6px;border-radius:9px;background:#eef0f3;
font-size:12px;white-space:nowrap}
.score{display:inline-block;min-width:34px;padding:1px 7px;border-radius:10px;color:#fff;font-weight:700;
text-align:center;font-variant-numeric:tabular-nums}
.score.good{background:#2e9e5b}.score.fair{background:#d99a00}.score.poor{background:#d64545}
.warn{color:#b45309;cursor:help}
.code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-weight:600;padding:0 5px;
border-radius:4px}
.code.bp{background:var(--bp-bg)}.code.art{background:var(--art-bg)}.code.lang{background:var(--lang-bg)}
#errors li{margin:4px 0}#errors .path{font-family:ui-monospace,Menlo,Consolas,monospace;font-weight:600}
.doc{scroll-margin-top:60px}
.doc-head h3{margin:0;font-size:15px;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;
word-break:break-all}
.doc-head .meta{margin:6px 0 10px;color:var(--mute)}
.doc details>summary{cursor:pointer;color:var(--mute);font-weight:600;margin-bottom:6px}
.doc-body{display:grid;grid-template-columns:minmax(0,1fr) 340px;gap:16px;align-items:start}
.side{position:sticky;top:64px;max-height:calc(100vh - 80px);overflow-y:auto;border:1px solid var(--line);
border-radius:8px;background:#fafbfc}
.side h4{margin:0;padding:8px 12px;border-bottom:1px solid var(--line);font-size:13px;color:var(--mute)}
ol.findings{list-style:none;margin:0;padding:0;font-size:13px}
ol.findings li{padding:6px 12px;border-bottom:1px solid var(--line)}
ol.findings li:last-child{border-bottom:0}
ol.findings a{color:var(--ink);font-weight:600}
ol.findings .loc{color:var(--mute);font-weight:400;font-variant-numeric:tabular-nums}
ol.findings .msg{display:block;color:#3a4353}
ol.findings .fixnote{display:block;color:var(--mute);font-size:12px}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font:15px/1.65 Georgia,"Times New Roman",serif;
padding:12px 18px;background:#fcfcfd;border:1px solid var(--line);border-radius:8px}
.text .fm{color:#98a1ae}
.anchor{scroll-margin-top:90px}.anchor:target+*{outline:2px solid #2457b5;outline-offset:1px}
mark,del{color:inherit;border-radius:2px;padding:1px 0}
mark.bp{background:var(--bp-bg)}
del.rm{background:#fff0f0;color:#7c2b2b;text-decoration:line-through 2px var(--rm)}
del.rmu{background:#fff5e8;text-decoration:line-through 2px var(--rmu)}
mark.art,del.art{background:var(--art-bg)}
mark.lang,del.lang{background:var(--lang-bg)}
.pt::before{content:"‸";color:#b45309;font-weight:700}
.seg{cursor:help}
.seg.off{background:none;color:inherit;text-decoration:none;cursor:auto}
.seg.off.pt::before{content:""}
[hidden]{display:none!important}
@media (max-width:900px){main,nav.filters,header.top{padding-left:12px;padding-right:12px}
.charts{columns:1}.doc-body{grid-template-columns:1fr}.side{position:static;max-height:none}}
"""

LEGEND = """<div class="legend"><strong>How to read this report</strong><ul>
<li>In the texts, <del class="rm">struck through in red</del>: text that <code>cleanlint fix</code> removes (a
safe fix); <del class="rmu">struck through in orange</del>: removed only with <code>--unsafe-fixes</code>;
<mark class="bp">pink</mark>: boilerplate that is reported but not removed;
<mark class="art">yellow</mark>: an artifact (damaged article text); <mark class="lang">blue</mark>: text in
another language than expected. A missing space shows as <span class="pt"></span>. Hover over a marked
stretch for its rule code, rule name, message and fix; where findings overlap, all are listed.</li>
<li><strong>Quality score</strong> (0–100): the share of the document's words (front matter aside) that no
finding covers, whatever its category, rounded down; only a document without findings scores 100.</li>
<li><strong>Words removed by fix</strong>: the words of the text that the findings' safe fixes remove, counted
once where removals overlap, plus, for a safe fix that replaces text, the words it replaces less those of its
replacement. It is what <code>cleanlint fix</code> (without <code>--unsafe-fixes</code>) takes out of the
text as read; a document marked ⚠ would lose more than MAX_REMOVAL_PERCENT of its words (the setting
<code>max-removal</code>), and <code>fix</code> leaves it as it is.</li>
<li>Sources: a document's front matter <code>source</code> or <code>site</code>, else the host of its
<code>url</code>, else the folder it is in.</li></ul></div>"""

SCRIPT = """
(function () {
  "use strict";
  var rule = document.getElementById("rule-filter");
  var file = document.getElementById("file-filter");
  var shown = document.getElementById("shown");
  var none = document.getElementById("no-docs");
  var body = document.querySelector("#doc-table tbody");
  var rows = Array.prototype.slice.call(body.rows);
  var segs = document.querySelectorAll(".text .seg");
  var items = document.querySelectorAll("ol.findings li");
  var bars = document.querySelectorAll("#chart-rules .pick, #chart-removed .pick");

  function count(row, code) {
    var parts = (row.dataset.counts || "").split(" ");
    for (var i = 0; i < parts.length; i++) {
      var at = parts[i].lastIndexOf(":");
      if (parts[i].slice(0, at) === code) { return +parts[i].slice(at + 1); }
    }
    return 0;
  }
  function has(el, code) { return (" " + el.dataset.codes + " ").indexOf(" " + code + " ") >= 0; }
  function set(id, value) { document.getElementById(id).textContent = value; }

  function apply() {
    var code = rule.value, q = file.value.trim().toLowerCase();
    var docs = 0, findings = 0, removed = 0, score = 0;
    rows.forEach(function (row) {
      var show = (!code || has(row, code)) && (!q || row.dataset.path.toLowerCase().indexOf(q) >= 0);
      row.hidden = !show;
      var section = document.getElementById(row.dataset.doc);
      if (section) { section.hidden = !show; }
      if (show) {
        docs += 1;
        findings += code ? count(row, code) : +row.dataset.findings;
        removed += +row.dataset.removed;
        score += +row.dataset.score;
      }
    });
    set("stat-docs", docs);
    set("stat-findings", findings);
    set("stat-removed", removed);
    set("stat-score", docs ? Math.floor(score / docs) : "–");
    shown.textContent = docs + " of " + rows.length + " documents" + (code ? " with " + code : "");
    none.hidden = docs > 0;
    segs.forEach(function (el) { el.classList.toggle("off", !!code && !has(el, code)); });
    items.forEach(function (tr) { tr.hidden = !!code && tr.dataset.code !== code; });
    bars.forEach(function (g) { g.classList.toggle("dim", !!code && g.dataset.code !== code); });
  }

  rule.addEventListener("change", apply);
  file.addEventListener("input", apply);
  document.getElementById("reset-filters").addEventListener("click", function () {
    rule.value = ""; file.value = ""; apply();
  });
  bars.forEach(function (g) {
    g.addEventListener("click", function () {
      rule.value = rule.value === g.dataset.code ? "" : g.dataset.code;
      apply();
    });
  });

  var numeric = {score: 1, findings: 1, removed: 1, words: 1};
  document.querySelectorAll("#doc-table th[data-sort]").forEach(function (th) {
    th.addEventListener("click", function () {
      var key = th.dataset.sort, desc = !th.classList.contains("desc");
      document.querySelectorAll("#doc-table th").forEach(function (o) { o.classList.remove("asc", "desc"); });
      th.classList.add(desc ? "desc" : "asc");
      rows.sort(function (a, b) {
        var x = a.dataset[key], y = b.dataset[key];
        var c = numeric[key] ? x - y : x.localeCompare(y);
        return desc ? -c : c;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  apply();
})();
"""
