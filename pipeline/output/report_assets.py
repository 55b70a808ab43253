"""The report's style and script: plain CSS and JavaScript inlined into the page (no file,
no network: the page opens offline).

The script filters the articles by a search text (anywhere in an article's title, text and
rows), by country (of the regions it names) and by document kind (of the documents it
reports): the article sections and the index rows that do not match are hidden (on the
index page of a large corpus, which has no sections, the index rows alone). The
page's query string sets the filters on load (`report.html?q=Берг&country=KZ`), so a
filtered view can be bookmarked.
"""
from __future__ import annotations

CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;
margin:0 auto;max-width:1280px;padding:12px 20px;color:#222;background:#fff}
h1{font-size:24px;margin:8px 0}h2{margin-top:32px;border-bottom:2px solid #ddd}
h3{margin:0 0 4px}.muted{color:#666;font-size:13px}.note{background:#fff7d6;padding:6px 10px}
table{border-collapse:collapse;margin:6px 0 12px;font-size:13px}
th,td{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.grid{display:flex;flex-wrap:wrap;gap:0 36px;align-items:flex-start}.grid>div{max-width:100%;overflow-x:auto}
.cap{max-width:480px}
.article{border:1px solid #ccc;border-radius:6px;padding:12px 16px;margin:18px 0}
.text{white-space:pre-wrap;background:#fafafa;padding:10px;border-radius:4px;line-height:1.7}
mark{border-radius:3px;padding:1px 0;color:inherit;cursor:help}
"""
COLOURS = {"region": ("#cfe3ff", "#3b7dd8"), "official": ("#ffd9b3", "#e07b00"),
           "sum": ("#c9f2c7", "#2a9d2a"), "memorandum": ("#ecd4ff", "#8e44c9")}
CSS += "".join(f"mark[data-kind={k}],mark[data-key={k}]{{background:{bg};box-shadow:inset 0 -2px {line}}}"
               for k, (bg, line) in COLOURS.items())
CSS += """
mark mark{padding:2px 0}.legend mark{padding:1px 6px;margin-right:6px}
svg.network{max-width:100%;height:auto;display:block}
svg.network .node:hover text{font-weight:bold}svg.network .edge:hover{stroke:#d62728}
"""


CSS += """
.filters{position:sticky;top:0;background:#fff;padding:8px 0;border-bottom:1px solid #ddd;z-index:1}
.filters input,.filters select{font:inherit;padding:3px 6px;margin-right:10px}
.filters input{width:320px}mark:target{outline:3px solid #d62728}a.row{color:inherit}
"""

SCRIPT = """
(function () {
  var search = document.getElementById("search"), country = document.getElementById("country"),
      kind = document.getElementById("document"), shown = document.getElementById("shown");
  var sections = [].slice.call(document.querySelectorAll("section[data-article]"));
  var indexRows = [].slice.call(document.querySelectorAll("tr[data-article]"));
  function matches(el, text) {
    var countries = " " + el.getAttribute("data-countries") + " ";
    var kinds = el.getAttribute("data-documents").split("|");
    return (!country.value || countries.indexOf(" " + country.value + " ") >= 0) &&
           (!kind.value || kinds.indexOf(kind.value) >= 0) &&
           (!text || el.textContent.toLowerCase().indexOf(text) >= 0);
  }
  function apply() {
    var text = search.value.trim().toLowerCase(), visible = {}, count = 0;
    sections.forEach(function (el) {
      var ok = matches(el, text);
      el.hidden = !ok;
      visible[el.getAttribute("data-article")] = ok;
      if (ok) count++;
    });
    indexRows.forEach(function (row) {
      var id = row.getAttribute("data-article");
      row.hidden = id in visible ? !visible[id] : !matches(row, text);
      if (!sections.length && !row.hidden) count++;  // the index page: its rows are the articles
    });
    shown.textContent = count + " of " + (sections.length || indexRows.length) + " articles shown";
  }
  var query = new URLSearchParams(location.search);
  search.value = query.get("q") || "";
  country.value = query.get("country") || "";
  kind.value = query.get("document") || "";
  [search, country, kind].forEach(function (el) { el.addEventListener("input", apply); });
  apply();
})();
"""
