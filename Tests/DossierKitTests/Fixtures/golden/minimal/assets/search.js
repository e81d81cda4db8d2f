// Dossier search: finds the documents holding every word of the query
// (each word matches the indexed words it begins) and filters them by kind,
// actor, country, source and year. The index is in shards (see
// search-index.js, loaded before this script): each is a script that hands
// its data to DOSSIER_SEARCH_SHARD, loaded with a <script> element only when
// a query needs it, so that search works from file:// and any sub-path.
// Builds the result list with DOM calls only (no HTML strings); every word
// the reader sees comes from the page's data- attributes. Without
// JavaScript the page still offers the full indexes.
(function () {
  "use strict";
  var index = window.DOSSIER_SEARCH;
  var form = document.getElementById("search-form");
  if (!index || !form) { return; }
  var root = "../";
  var pageSize = 50;
  var facets = ["kind", "actor", "country", "source", "year"];
  var fields = { q: document.getElementById("search-q") };
  facets.forEach(function (name) { fields[name] = document.getElementById("search-" + name); });
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var words = results.dataset;

  // Lower case without accents, as the index folds (Render/SearchText.swift):
  // NFD, lower case, combining marks U+0300-U+036F dropped, final sigma as sigma.
  function fold(text) {
    return (text || "").normalize("NFD").toLowerCase().replace(/[\u0300-\u036f]/g, "").replace(/\u03c2/g, "\u03c3");
  }

  // The folded words of a text: runs of letters, marks and digits.
  function wordsOf(text) {
    return fold(text).split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
  }

  // Shards by path under search/: each loaded once, by a <script> element.
  var loading = {};
  window.DOSSIER_SEARCH_SHARD = function (path, data) {
    if (loading[path]) { loading[path].data = data; }
  };
  function load(path) {
    if (!loading[path]) {
      var entry = { data: null };
      entry.promise = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = path + ".js";
        script.onload = function () { resolve(entry.data); };
        script.onerror = function () { resolve(null); };
        document.body.appendChild(script);
      });
      loading[path] = entry;
    }
    return loading[path].promise;
  }

  var shardNumber = {}, split = {};
  index.terms.forEach(function (key, number) { shardNumber[key] = number; });
  index.split.forEach(function (key) { split[key] = true; });

  // The documents of a posting list: gaps between numbers, or base-64
  // digits of six documents each.
  var digitValue = {};
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split("").forEach(function (c, i) {
    digitValue[c] = i;
  });
  function eachDocument(posting, visit) {
    if (typeof posting === "string") {
      for (var d = 0; d < posting.length; d++) {
        var bits = digitValue[posting[d]];
        for (var b = 0; b < 6; b++) { if (bits & (1 << b)) { visit(d * 6 + b); } }
      }
    } else {
      var id = 0;
      for (var i = 0; i < posting.length; i++) { id += posting[i]; visit(id); }
    }
  }

  // Marks for one query word: 2 where a title or alias holds a word it
  // begins, 1 where only the text does, 0 elsewhere. The word's shard: its
  // first letter, one letter more while that shard is split.
  function wordMarks(word) {
    var letters = Array.from(word), length = 1;
    var key = letters.slice(0, 1).join("");
    while (split[key] && letters.length > length) {
      length += 1;
      key = letters.slice(0, length).join("");
    }
    var marks = new Uint8Array(index.count);
    if (!(key in shardNumber)) { return Promise.resolve(marks); }
    return load("terms/" + shardNumber[key]).then(function (shard) {
      if (!shard) { return null; }
      function mark(entry) {
        eachDocument(entry[0], function (id) { if (!marks[id]) { marks[id] = 1; } });
        if (entry[1]) { eachDocument(entry[1], function (id) { marks[id] = 2; }); }
      }
      if (split[key]) {
        mark(shard.p);
      } else {
        Object.keys(shard.t).forEach(function (term) {
          if (term.lastIndexOf(word, 0) === 0) { mark(shard.t[term]); }
        });
      }
      return marks;
    });
  }

  function facetMarks(name, value) {
    return load("facets/" + name + "/" + value).then(function (posting) {
      var marks = new Uint8Array(index.count);
      if (posting) { eachDocument(posting, function (id) { marks[id] = 1; }); }
      return marks;
    });
  }

  function docs(ids) {
    var shards = {};
    ids.forEach(function (id) { shards[Math.floor(id / index.docs)] = true; });
    return Promise.all(Object.keys(shards).map(function (n) { return load("docs/" + n); })).then(function () {
      return ids.map(function (id) {
        var shard = loading["docs/" + Math.floor(id / index.docs)].data;
        return shard ? shard[id % index.docs] : null;
      });
    });
  }

  function addOptions(select, options, chosen) {
    options.forEach(function (option) {
      var element = document.createElement("option");
      element.value = option.v !== undefined ? option.v : String(option);
      element.textContent = option.l !== undefined ? option.l : String(option);
      select.appendChild(element);
    });
    if (chosen) { select.value = chosen; }
  }

  var params = new URLSearchParams(window.location.search);
  // Values asked for in the address before their options are loaded.
  var pending = {};
  Object.keys(fields).forEach(function (name) {
    if (params.has(name)) { fields[name].value = params.get(name); pending[name] = params.get(name); }
  });
  var headerBox = document.getElementById("site-search-q");
  if (headerBox && params.has("q")) { headerBox.value = params.get("q"); }
  addOptions(fields.year, index.years, pending.year);

  function value(name) { return fields[name].value || pending[name] || ""; }

  // The actors, countries and sources to choose from (thousands in a large
  // report): each list loaded when its menu is neared or chosen in the address.
  var optionsLoaded = {};
  function loadOptions(name) {
    if (optionsLoaded[name]) { return; }
    optionsLoaded[name] = true;
    load("options/" + name).then(function (options) { addOptions(fields[name], options || [], pending[name]); });
  }
  ["actor", "country", "source"].forEach(function (name) {
    ["pointerenter", "pointerdown", "focus"].forEach(function (event) {
      fields[name].addEventListener(event, function () { loadOptions(name); });
    });
    if (pending[name]) { loadOptions(name); }
  });

  // Numbers and plural forms as the page's language writes them (the
  // theme gives the count's label in each CLDR category it needs).
  var language = document.documentElement.lang;
  var plurals = new Intl.PluralRules(language);
  function say(template, count) {
    return (template || "").replace("{count}", count.toLocaleString(language));
  }
  function counted(count) {
    var category = plurals.select(count);
    return words["results" + category.charAt(0).toUpperCase() + category.slice(1)] || words.resultsOther;
  }

  var found = [], shown = 0, generation = 0;

  function showMore() {
    var ids = found.slice(shown, shown + pageSize);
    var mine = generation;
    return docs(ids).then(function (items) {
      if (mine !== generation) { return; }
      items.forEach(function (item) {
        if (!item) { return; }
        var li = document.createElement("li");
        var link = document.createElement("a");
        link.href = root + item[2];
        link.textContent = item[1];
        var kindLabel = document.createElement("span");
        kindLabel.className = "detail";
        kindLabel.textContent = words["kind" + item[0].charAt(0).toUpperCase() + item[0].slice(1)] || item[0];
        li.appendChild(link);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(kindLabel);
        if (item[3]) {
          var summary = document.createElement("p");
          summary.textContent = item[3];
          li.appendChild(summary);
        }
        results.appendChild(li);
      });
      shown += ids.length;
      more.hidden = shown >= found.length;
      status.textContent = say(counted(found.length), found.length) +
        (shown < found.length ? " " + say(words.shown, shown) : "");
    });
  }

  function run() {
    var mine = ++generation;
    var query = wordsOf(fields.q.value);
    var chosen = facets.filter(function (name) { return value(name); });
    if (!query.length && !chosen.length) {
      found = [];
      results.replaceChildren();
      more.hidden = true;
      status.textContent = words.prompt;
      return Promise.resolve();
    }
    status.textContent = words.searching;
    var wanted = query.map(wordMarks).concat(chosen.map(function (name) { return facetMarks(name, value(name)); }));
    return Promise.all(wanted).then(function (lists) {
      if (mine !== generation) { return; }
      if (lists.some(function (marks) { return !marks; })) {
        results.replaceChildren();
        status.textContent = words.failed;
        return;
      }
      var hits = [];
      for (var id = 0; id < index.count; id++) {
        var score = 0, ok = true;
        for (var w = 0; w < lists.length && ok; w++) {
          ok = lists[w][id] > 0;
          if (w < query.length) { score += lists[w][id]; }
        }
        if (ok) { hits.push({ id: id, score: score }); }
      }
      // Documents are numbered in title order: by score, then number.
      hits.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
      found = hits.map(function (hit) { return hit.id; });
      shown = 0;
      results.replaceChildren();
      return showMore();
    });
  }

  form.hidden = false;
  more.addEventListener("click", function () { showMore(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  Object.keys(fields).forEach(function (name) {
    fields[name].addEventListener(name === "q" ? "input" : "change", function () {
      delete pending[name];
      run();
    });
  });
  run();
}());
