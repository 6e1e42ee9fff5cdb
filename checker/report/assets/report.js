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

  function holder(story) { return story.querySelector(":scope > template"); }

  function packed(story) {
    var t = holder(story);
    return t && t.hasAttribute("data-gz") ? t : null;
  }

  function bodyOf(story) {
    var t = holder(story);
    return t ? t.content : story;
  }

  // A compressed story body (gzip, base64) as text.
  function inflate(b64) {
    var bin = atob(b64);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text();
  }

  // Put a story's body in the page (once) and open it; resolves when it is in.
  function open(story) {
    var t = holder(story);
    story.open = true;
    if (!t) { return Promise.resolve(); }
    if (!t.hasAttribute("data-gz")) {
      story.appendChild(t.content);
      t.remove();
      return Promise.resolve();
    }
    if (!story.loading) {
      story.loading = inflate(t.getAttribute("data-gz")).then(function (markup) {
        // our own escaped markup, parsed inert in a template, never article text as code
        var tpl = document.createElement("template");
        tpl.innerHTML = markup;
        t.remove();
        story.appendChild(tpl.content);
        apply();
      });
    }
    return story.loading;
  }

  // What a compressed story says of its findings: [number, id, verdict, kind, outlets].
  function meta(story) {
    if (!story.meta) { story.meta = JSON.parse(story.getAttribute("data-f") || "[]"); }
    return story.meta;
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
        var n = 0;
        if (packed(s)) {
          meta(s).forEach(function (f) {
            var ok = !!on[f[2]] && (!k || f[3] === k) &&
              (!o || f[4].indexOf(Number(outlet.value)) >= 0);
            if (ok) { n += 1; }
          });
          total += meta(s).length;
        } else {
          var root = bodyOf(s);
          n = applyTo(root, on, k, o, visible);
          if (root !== s) { total += root.querySelectorAll("[data-finding]").length; }
        }
        perStory[s.getAttribute("data-story")] = n;
        shown += n;
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

  // The closed story that holds the element with this id, if any.
  function holding(id) {
    for (var i = 0; i < stories.length; i++) {
      var s = stories[i];
      var t = holder(s);
      if (!t) { continue; }
      if (!t.hasAttribute("data-gz")) {
        if (t.content.getElementById(id)) { return s; }
        continue;
      }
      var sid = s.getAttribute("data-story");
      if (id.slice(-sid.length - 1) === "-" + sid) { return s; }
      var docs = JSON.parse(s.getAttribute("data-docs") || "[]");
      var m = /^(finding|doc|claim)-([\s\S]*)$/.exec(id);
      if (!m) { continue; }
      if (m[1] === "finding" && meta(s).some(function (f) { return f[1] === m[2]; })) { return s; }
      if (m[1] === "doc" && docs.indexOf(m[2]) >= 0) { return s; }
      // claim ids are "<document id>:<sentence>"
      if (m[1] === "claim" && docs.indexOf(m[2].slice(0, m[2].lastIndexOf(":"))) >= 0) { return s; }
    }
    return null;
  }

  function show(el) {
    if (el.classList.contains("story")) {
      el.scrollIntoView({ block: "start" });
      open(el).then(function () { el.scrollIntoView({ block: "start" }); });
      return;
    }
    for (var p = el.parentElement; p; p = p.parentElement) {
      if (p.tagName === "DETAILS") { p.open = true; }
    }
    var prev = document.querySelector(".flash");
    if (prev) { prev.classList.remove("flash"); }
    el.classList.add("flash");
    el.scrollIntoView({ block: "center" });
  }

  // A link to a story opens it; a claim link inside a closed article opens
  // the article (and its story, filled in first) as well.
  function reveal(hash) {
    if (!hash || hash.length < 2) { return; }
    var id;
    try { id = decodeURIComponent(hash.slice(1)); } catch (e) { id = hash.slice(1); }
    var el = document.getElementById(id);
    if (el) { show(el); return; }
    var story = holding(id);
    if (!story) { return; }
    open(story).then(function () {
      var found = document.getElementById(id);
      if (found) { show(found); }
    });
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
