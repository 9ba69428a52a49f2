(function () {
  'use strict';
  if (window.__lecternSearchStarted) return;
  window.__lecternSearchStarted = true;

  var MAX_RESULTS = 12;
  var EXCERPT = 160;
  var WEIGHT = { heading: 8, title: 4, text: 1 };
  var WORD = /[\p{L}\p{M}\p{N}_]+/gu;
  var MARKS = /\p{M}/gu;

  // Folding one character at a time keeps a word's folded form and its characters in step,
  // so a match in the folded text can be highlighted in the original.
  function foldChar(c) { return c.normalize('NFD').replace(MARKS, '').toLowerCase(); }
  function fold(s) { var out = ''; for (var c of s) out += foldChar(c); return out; }

  function words(s) {
    var list = [], m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(s)) !== null) {
      list.push({ start: m.index, end: m.index + m[0].length, folded: fold(m[0]) });
    }
    return list;
  }

  var sections = null;
  function load() {
    if (sections) return sections;
    sections = [];
    var lessons = window.LECTERN_SEARCH;
    if (!Array.isArray(lessons)) return sections;
    lessons.forEach(function (lesson) {
      var titleWords = words(lesson.title);
      (lesson.sections || []).forEach(function (s, i) {
        sections.push({
          lesson: lesson, section: s, order: sections.length, first: i === 0,
          words: { title: titleWords, heading: words(s.heading), text: words(s.text) }
        });
      });
    });
    return sections;
  }

  function queryWords(q) { return words(q).map(function (w) { return w.folded; }); }

  function best(list, q) {
    var found = 0;
    for (var i = 0; i < list.length; i++) {
      var w = list[i].folded;
      if (w === q) return 2;
      if (w.lastIndexOf(q, 0) === 0) found = 1;
    }
    return found;
  }

  function score(entry, query) {
    var total = 0, own = false;
    for (var i = 0; i < query.length; i++) {
      var q = query[i], top = 0;
      ['heading', 'title', 'text'].forEach(function (field) {
        var m = best(entry.words[field], q);
        if (m === 0) return;
        if (field !== 'title') own = true;
        top = Math.max(top, WEIGHT[field] + (m === 2 ? 0.5 : 0));
      });
      if (top === 0) return 0;
      total += top;
    }
    return own || entry.first ? total : 0;
  }

  function search(text) {
    var query = queryWords(text);
    if (query.length === 0) return [];
    var hits = [];
    load().forEach(function (entry) {
      var s = score(entry, query);
      if (s > 0) hits.push({ entry: entry, score: s });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.entry.order - b.entry.order; });
    return hits.slice(0, MAX_RESULTS);
  }

  // How many characters of `original` (a word) cover the folded prefix `q`.
  function coveredLength(original, q) {
    var n = 0, i = 0;
    for (var c of original) {
      if (n >= q.length) break;
      n += foldChar(c).length;
      i += c.length;
    }
    return i;
  }

  // Appends text[from, to) to `parent`, marking the query's prefixes of the words in it.
  function appendMarked(parent, text, list, query, from, to) {
    var at = from;
    list.forEach(function (w) {
      if (w.start < from || w.end > to) return;
      var len = 0;
      query.forEach(function (q) {
        if (w.folded.lastIndexOf(q, 0) === 0) len = Math.max(len, coveredLength(text.slice(w.start, w.end), q));
      });
      if (len === 0) return;
      parent.appendChild(document.createTextNode(text.slice(at, w.start)));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(w.start, w.start + len);
      parent.appendChild(mark);
      at = w.start + len;
    });
    parent.appendChild(document.createTextNode(text.slice(at, to)));
  }

  // A window of the prose around the first matching word, cut at spaces.
  function excerptRange(text, list, query) {
    if (text.length <= EXCERPT) return [0, text.length];
    var hit = list.find(function (w) {
      return query.some(function (q) { return w.folded.lastIndexOf(q, 0) === 0; });
    });
    var start = 0;
    if (hit && hit.start > 40) {
      var space = text.indexOf(' ', hit.start - 40);
      start = space >= 0 && space < hit.start ? space + 1 : hit.start;
    }
    var end = Math.min(text.length, start + EXCERPT);
    if (end === text.length && start > 0) {
      // Near the end: show the whole last stretch rather than a short tail.
      var earlier = Math.max(0, text.length - EXCERPT);
      if (earlier > 0) {
        var gap = text.indexOf(' ', earlier);
        earlier = gap >= 0 && gap < start ? gap + 1 : start;
      }
      start = Math.min(start, earlier);
    }
    if (end < text.length) {
      var back = text.lastIndexOf(' ', end);
      if (back > start) end = back;
    }
    return [start, end];
  }

  function resultItem(hit, query) {
    var lesson = hit.entry.lesson, section = hit.entry.section, w = hit.entry.words;
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.href = lesson.page + (section.slug ? '#' + encodeURIComponent(section.slug) : '');
    var where = document.createElement('span');
    where.className = 'lectern-search-where';
    appendMarked(where, lesson.title, w.title, query, 0, lesson.title.length);
    if (section.heading && section.heading !== lesson.title) {
      where.appendChild(document.createTextNode(' \u203A '));
      appendMarked(where, section.heading, w.heading, query, 0, section.heading.length);
    }
    a.appendChild(where);
    if (section.text) {
      var range = excerptRange(section.text, w.text, query);
      var excerpt = document.createElement('span');
      excerpt.className = 'lectern-search-excerpt';
      if (range[0] > 0) excerpt.appendChild(document.createTextNode('\u2026'));
      appendMarked(excerpt, section.text, w.text, query, range[0], range[1]);
      if (range[1] < section.text.length) excerpt.appendChild(document.createTextNode('\u2026'));
      a.appendChild(excerpt);
    }
    li.appendChild(a);
    return li;
  }

  function note(list, text) {
    var li = document.createElement('li');
    li.className = 'lectern-search-note';
    li.textContent = text;
    list.appendChild(li);
  }

  function show(list, text) {
    list.textContent = '';
    var query = queryWords(text);
    if (query.length === 0) return;
    if (!Array.isArray(window.LECTERN_SEARCH)) {
      note(list, 'The search index (search-index.js) is missing.');
      return;
    }
    var hits = search(text);
    if (hits.length === 0) { note(list, 'No matches.'); return; }
    hits.forEach(function (hit) { list.appendChild(resultItem(hit, query)); });
  }

  function links(list) { return Array.prototype.slice.call(list.querySelectorAll('a')); }

  function attach(box) {
    var input = box.querySelector('.lectern-search-input');
    var list = box.querySelector('.lectern-search-results');
    if (!input || !list) return;
    input.addEventListener('input', function () { show(list, input.value); });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') {
        var first = links(list)[0];
        if (first) { e.preventDefault(); window.location.href = first.href; }
      } else if (e.key === 'Escape') {
        input.value = '';
        list.textContent = '';
      } else if (e.key === 'ArrowDown') {
        var to = links(list)[0];
        if (to) { e.preventDefault(); to.focus(); }
      }
    });
    list.addEventListener('keydown', function (e) {
      var all = links(list), at = all.indexOf(document.activeElement);
      if (at < 0) return;
      if (e.key === 'ArrowDown' && at + 1 < all.length) { e.preventDefault(); all[at + 1].focus(); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); (at > 0 ? all[at - 1] : input).focus(); }
      else if (e.key === 'Escape') { input.value = ''; list.textContent = ''; input.focus(); }
    });
    if (input.value) show(list, input.value);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('.lectern-search'), attach);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
