/* The site's search, run in the reader's browser over search/index.js (written when the site is
   published, from the public record only). Words must all appear; a "phrase in quotes" as it is.
   Without JavaScript the page is the plain list of everything published. */
(function () {
  "use strict";
  var index = window.clerkSearchIndex || [];
  var form = document.getElementById("search-form");
  var box = document.getElementById("search-words");
  var out = document.getElementById("search-results");
  var all = document.getElementById("search-all");
  var root = "../";

  function fold(text) {
    return text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
  }

  function termsOf(query) {
    var found = [], re = /"([^"]+)"|(\S+)/g, m;
    query = fold(query);
    while ((m = re.exec(query)) !== null) {
      var term = (m[1] || m[2]).replace(/\s+/g, " ").trim();
      if (term) { found.push(term); }
    }
    return found;
  }

  function count(haystack, term) {
    var n = 0, at = haystack.indexOf(term);
    while (at !== -1) { n += 1; at = haystack.indexOf(term, at + term.length); }
    return n;
  }

  function marked(parent, text, terms) {
    var lower = fold(text), at = 0;
    while (at < text.length) {
      var next = -1, length = 0;
      terms.forEach(function (t) {
        var i = lower.indexOf(t, at);
        if (i !== -1 && (next === -1 || i < next)) { next = i; length = t.length; }
      });
      if (next === -1) { parent.appendChild(document.createTextNode(text.slice(at))); return; }
      parent.appendChild(document.createTextNode(text.slice(at, next)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + length);
      parent.appendChild(mark);
      at = next + length;
    }
  }

  function snippet(text, terms) {
    var lower = fold(text), first = text.length;
    terms.forEach(function (t) { var i = lower.indexOf(t); if (i !== -1 && i < first) { first = i; } });
    if (first === text.length) { return text.slice(0, 200) + (text.length > 200 ? " …" : ""); }
    var start = Math.max(0, text.lastIndexOf(" ", Math.max(0, first - 80)));
    var end = text.indexOf(" ", Math.min(text.length, first + 200));
    end = end === -1 ? text.length : end;
    return (start > 0 ? "… " : "") + text.slice(start, end).trim() + (end < text.length ? " …" : "");
  }

  function search(query) {
    var terms = termsOf(query);
    out.textContent = "";
    all.hidden = terms.length > 0;
    if (!terms.length) { return; }
    var hits = [];
    index.forEach(function (e) {
      var title = fold(e[1]), words = fold(e[3]), score = 0;
      for (var i = 0; i < terms.length; i += 1) {
        var inTitle = count(title, terms[i]), inText = count(words, terms[i]);
        if (!inTitle && !inText) { return; }
        score += 5 * inTitle + inText;
      }
      hits.push({ entry: e, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    var heading = document.createElement("h2");
    heading.id = "search-heading";
    heading.textContent = (hits.length === 1 ? "1 result" : hits.length + " results") + " for \u201c" + query.trim() + "\u201d";
    out.appendChild(heading);
    if (!hits.length) {
      var none = document.createElement("p");
      none.textContent = "Nothing published matches. Try fewer words, or look through the list of everything published.";
      out.appendChild(none);
      all.hidden = false;
      return;
    }
    var list = document.createElement("ol");
    list.className = "search-results";
    list.setAttribute("aria-labelledby", "search-heading");
    hits.forEach(function (hit) {
      var e = hit.entry, item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + e[0];
      marked(link, e[1], terms);
      var where = document.createElement("p");
      where.className = "muted";
      where.textContent = e[2];
      var words = document.createElement("p");
      marked(words, snippet(e[3], terms), terms);
      item.appendChild(link);
      item.appendChild(where);
      item.appendChild(words);
      list.appendChild(item);
    });
    out.appendChild(list);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = box.value;
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", query.trim() ? "?q=" + encodeURIComponent(query) : "./");
    }
    search(query);
  });
  var given = new URLSearchParams(window.location.search).get("q") || "";
  box.value = given;
  search(given);
}());
