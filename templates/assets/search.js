// Dossier search: filters the index written at build time
// (search-index.js, loaded before this script) by words, kind, actor,
// country, source and year. Works from file:// and any sub-path; builds the result
// list with DOM calls only (no HTML strings). Without JavaScript the page
// still offers the full indexes.
(function () {
  "use strict";
  var data = window.DOSSIER_SEARCH;
  var form = document.getElementById("search-form");
  if (!data || !form) { return; }
  var root = "../";
  var fields = {
    q: document.getElementById("search-q"),
    kind: document.getElementById("search-kind"),
    actor: document.getElementById("search-actor"),
    country: document.getElementById("search-country"),
    source: document.getElementById("search-source"),
    year: document.getElementById("search-year")
  };
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  var kindLabels = { actor: "Actor", country: "Country", event: "Event", source: "Source", page: "Page" };

  function addOptions(select, options) {
    options.forEach(function (option) {
      var element = document.createElement("option");
      element.value = option.v;
      element.textContent = option.l;
      select.appendChild(element);
    });
  }

  // Lower case without accents, so "Ramaphosa" finds "ramaphosa" and "é" finds "e".
  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  addOptions(fields.actor, data.actors);
  addOptions(fields.country, data.countries);
  addOptions(fields.source, data.sources);
  addOptions(fields.year, data.years.map(function (y) { return { v: String(y), l: String(y) }; }));
  data.items.forEach(function (item) {
    item.text = fold([item.t, item.s || "", (item.a || []).join(" ")].join(" "));
    item.title = fold(item.t + " " + (item.a || []).join(" "));
  });

  var params = new URLSearchParams(window.location.search);
  Object.keys(fields).forEach(function (name) {
    if (params.has(name)) { fields[name].value = params.get(name); }
  });
  var headerBox = document.getElementById("site-search-q");
  if (headerBox && params.has("q")) { headerBox.value = params.get("q"); }

  function score(item, words) {
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      if (item.text.indexOf(words[i]) === -1) { return -1; }
      total += item.title.indexOf(words[i]) !== -1 ? 2 : 1;
    }
    return total;
  }

  function run() {
    var words = fold(fields.q.value).split(/\s+/).filter(Boolean);
    var kind = fields.kind.value, actor = fields.actor.value;
    var country = fields.country.value, source = fields.source.value, year = fields.year.value;
    var filtered = !!(kind || actor || country || source || year);
    var found = [];
    if (words.length || filtered) {
      data.items.forEach(function (item) {
        if (kind && item.k !== kind) { return; }
        if (actor && (item.ac || []).indexOf(actor) === -1) { return; }
        if (country && (item.co || []).indexOf(country) === -1) { return; }
        if (source && (item.so || []).indexOf(source) === -1) { return; }
        if (year && String(item.y) !== year) { return; }
        var s = score(item, words);
        if (s >= 0) { found.push({ item: item, score: s }); }
      });
    }
    found.sort(function (a, b) { return b.score - a.score || a.item.t.localeCompare(b.item.t); });
    results.replaceChildren();
    found.slice(0, 200).forEach(function (hit) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + hit.item.u;
      link.textContent = hit.item.t;
      var kindLabel = document.createElement("span");
      kindLabel.className = "detail";
      kindLabel.textContent = kindLabels[hit.item.k] || hit.item.k;
      li.appendChild(link);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(kindLabel);
      if (hit.item.s) {
        var summary = document.createElement("p");
        summary.textContent = hit.item.s;
        li.appendChild(summary);
      }
      results.appendChild(li);
    });
    if (!words.length && !filtered) {
      status.textContent = "Type a name, alias or word, or choose a filter.";
    } else {
      status.textContent = found.length + (found.length === 1 ? " result" : " results") +
        (found.length > 200 ? " (first 200 shown)" : "");
    }
  }

  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  Object.keys(fields).forEach(function (name) {
    fields[name].addEventListener(name === "q" ? "input" : "change", run);
  });
  run();
}());
