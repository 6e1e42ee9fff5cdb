(function () {
  "use strict";
  // Filters hide findings by verdict, kind and outlet; the matrix rows, the
  // top lists and the story index follow. A closed story's body waits in a
  // <template> (parsed, never laid out) until the story is opened; filters
  // reach into it too. Reads data- attributes only, never article text.
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter-verdict]"));
  var kind = document.getElementById("filter-kind");
  var outlet = document.getElementById("filter-outlet");
  var count = document.getElementById("shown-count");
  var none = document.getElementById("none-shown");
  var noStory = document.getElementById("no-story");
  var form = document.getElementById("filters");
  var stories = Array.prototype.slice.call(document.querySelectorAll("details.story"));
  var defaults = boxes.map(function (b) { return b.checked; });

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function bodyOf(story) {
    var t = story.querySelector(":scope > template");
    return t ? t.content : story;
  }

  // Put a story's body in the page (once) and open it.
  function open(story) {
    var t = story.querySelector(":scope > template");
    if (t) { story.appendChild(t.content); t.remove(); }
    story.open = true;
  }

  function applyTo(root, on, k, o, visible) {
    var shown = 0;
    all(root, "[data-finding]").forEach(function (c) {
      var ok = !!on[c.getAttribute("data-verdict")] &&
        (!k || c.getAttribute("data-kind") === k) &&
        (!o || c.getAttribute("data-outlets").indexOf(o) >= 0);
      c.hidden = !ok;
      if (ok) { shown += 1; visible[c.getAttribute("data-fi")] = true; }
    });
    all(root, "[data-fis]").forEach(function (row) {
      var ids = row.getAttribute("data-fis").trim().split(" ");
      row.hidden = !ids.some(function (i) { return visible[i]; });
    });
    all(root, "[data-vgroup]").forEach(function (g) {
      g.hidden = !g.querySelector("[data-finding]:not([hidden])");
    });
    return shown;
  }

  function apply() {
    var on = {};
    var narrowed = false;
    boxes.forEach(function (b, i) { on[b.value] = b.checked; narrowed = narrowed || b.checked !== defaults[i]; });
    var k = kind ? kind.value : "";
    var o = outlet && outlet.value !== "" ? " " + outlet.value + " " : "";
    narrowed = narrowed || !!k || !!o;
    var visible = {};
    var shown = 0;
    var total = document.querySelectorAll("[data-finding]").length;
    var perStory = {};
    if (stories.length) {
      stories.forEach(function (s) {
        var root = bodyOf(s);
        var n = applyTo(root, on, k, o, visible);
        perStory[s.getAttribute("data-story")] = n;
        shown += n;
        if (root !== s) { total += root.querySelectorAll("[data-finding]").length; }
      });
    } else {
      shown = applyTo(document, on, k, o, visible);
    }
    var listed = 0;
    all(document, "tr[data-story]").forEach(function (row) {
      var sid = row.getAttribute("data-story");
      var n = perStory[sid] || 0;
      var cell = row.querySelector(".shown");
      if (cell) {
        var t = cell.getAttribute("data-total");
        cell.textContent = narrowed ? n + " / " + t : t;
      }
      var hide = narrowed && n === 0;
      row.hidden = hide;
      var sec = document.getElementById("story-" + sid);
      if (sec) { sec.hidden = hide; }
      if (!hide) { listed += 1; }
    });
    if (count) { count.textContent = shown + " of " + total + " findings shown"; }
    if (none) { none.hidden = shown > 0; }
    if (noStory) { noStory.hidden = listed > 0; }
    document.body.setAttribute("data-shown", String(shown));
  }

  // The element with this id, opening the closed story that holds it.
  function find(id) {
    var el = document.getElementById(id);
    if (el) { return el; }
    for (var i = 0; i < stories.length; i++) {
      var t = stories[i].querySelector(":scope > template");
      if (t && t.content.getElementById(id)) {
        open(stories[i]);
        return document.getElementById(id);
      }
    }
    return null;
  }

  // A link to a story opens it; a claim link inside a closed article opens
  // the article (and its story) first.
  function reveal(hash) {
    if (!hash || hash.length < 2) { return; }
    var id;
    try { id = decodeURIComponent(hash.slice(1)); } catch (e) { id = hash.slice(1); }
    var el = find(id);
    if (!el) { return; }
    if (el.classList.contains("story")) {
      open(el);
      el.scrollIntoView({ block: "start" });
      return;
    }
    for (var p = el.parentElement; p; p = p.parentElement) {
      if (p.tagName === "DETAILS") {
        if (p.classList.contains("story")) { open(p); } else { p.open = true; }
      }
    }
    var prev = document.querySelector(".flash");
    if (prev) { prev.classList.remove("flash"); }
    el.classList.add("flash");
    el.scrollIntoView({ block: "center" });
  }

  document.addEventListener("click", function (e) {
    var a = e.target && e.target.closest ? e.target.closest("a[href^='#']") : null;
    if (!a) { return; }
    var hash = a.getAttribute("href");
    e.preventDefault();
    if (history.replaceState) { history.replaceState(null, "", hash); }
    reveal(hash);
  });
  // Opening a story by its own heading line fills it in as well.
  stories.forEach(function (s) {
    s.addEventListener("toggle", function () { if (s.open) { open(s); } });
  });
  window.addEventListener("hashchange", function () { reveal(location.hash); });
  if (form) { form.addEventListener("submit", function (e) { e.preventDefault(); }); }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  if (kind) { kind.addEventListener("change", apply); }
  if (outlet) { outlet.addEventListener("change", apply); }
  apply();
  if (location.hash) { reveal(location.hash); }
})();
