(function () {
  "use strict";
  // Filters hide findings by verdict, kind and outlet; the matrix rows and
  // the top list follow. Reads data- attributes only, never article text.
  var cards = Array.prototype.slice.call(document.querySelectorAll("[data-finding]"));
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter-verdict]"));
  var kind = document.getElementById("filter-kind");
  var outlet = document.getElementById("filter-outlet");
  var count = document.getElementById("shown-count");
  var none = document.getElementById("none-shown");
  var form = document.getElementById("filters");

  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.value] = b.checked; });
    var k = kind ? kind.value : "";
    var o = outlet && outlet.value !== "" ? " " + outlet.value + " " : "";
    var visible = {};
    var shown = 0;
    cards.forEach(function (c) {
      var ok = !!on[c.getAttribute("data-verdict")] &&
        (!k || c.getAttribute("data-kind") === k) &&
        (!o || c.getAttribute("data-outlets").indexOf(o) >= 0);
      c.hidden = !ok;
      if (ok) { shown += 1; visible[c.getAttribute("data-fi")] = true; }
    });
    document.querySelectorAll("[data-fis]").forEach(function (row) {
      var ids = row.getAttribute("data-fis").trim().split(" ");
      row.hidden = !ids.some(function (i) { return visible[i]; });
    });
    document.querySelectorAll("[data-vgroup]").forEach(function (g) {
      g.hidden = !g.querySelector("[data-finding]:not([hidden])");
    });
    if (count) { count.textContent = shown + " of " + cards.length + " findings shown"; }
    if (none) { none.hidden = shown > 0; }
    document.body.setAttribute("data-shown", String(shown));
  }

  // A claim link inside a closed article opens the article first.
  function reveal(hash) {
    if (!hash || hash.length < 2) { return; }
    var id;
    try { id = decodeURIComponent(hash.slice(1)); } catch (e) { id = hash.slice(1); }
    var el = document.getElementById(id);
    if (!el) { return; }
    for (var p = el.parentElement; p; p = p.parentElement) {
      if (p.tagName === "DETAILS") { p.open = true; }
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
  window.addEventListener("hashchange", function () { reveal(location.hash); });
  if (form) { form.addEventListener("submit", function (e) { e.preventDefault(); }); }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  if (kind) { kind.addEventListener("change", apply); }
  if (outlet) { outlet.addEventListener("change", apply); }
  apply();
  if (location.hash) { reveal(location.hash); }
})();
