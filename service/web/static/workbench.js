// The reviewer's workbench: page viewer with each field's boxes, field selection,
// rows to add/remove/reorder, keyboard shortcuts. Plain JS, no build step.
(function () {
  "use strict";
  var pageEl = document.getElementById("page");
  var img = document.getElementById("page-img");
  var layer = document.getElementById("boxes");
  var evidence = [];
  var dataEl = document.getElementById("evidence");
  if (dataEl) { try { evidence = JSON.parse(dataEl.textContent); } catch (e) { evidence = []; } }
  var fields = Array.prototype.slice.call(document.querySelectorAll(".field[data-field]"));
  var selected = null;
  var current = pageEl ? parseInt(pageEl.dataset.page, 10) : 1;
  var pages = pageEl ? parseInt(pageEl.dataset.pages, 10) : 1;
  var dpi = 96;

  function colourOf(name) {
    var el = document.getElementById("f-" + name);
    return el ? getComputedStyle(el).getPropertyValue("--c") : "#1565c0";
  }
  function screenDpi() {
    // Render at the column's width in device pixels (an A4 page is 595 pt wide), in steps
    // of 24 dpi so the browser's cache answers most requests.
    var width = pageEl.clientWidth * (window.devicePixelRatio || 1);
    var want = Math.round((width * 72 / 595) / 24) * 24;
    return Math.max(48, Math.min(240, want));
  }
  function drawBoxes() {
    if (!layer || !img.naturalWidth) return;
    layer.innerHTML = "";
    var scale = dpi / 72;
    var w = img.naturalWidth, h = img.naturalHeight;
    evidence.forEach(function (ev) {
      if (ev.page !== current) return;
      var b = ev.box, d = document.createElement("div");
      d.className = "box" + (ev.field === selected ? " active" : "");
      d.dataset.field = ev.field;
      d.style.setProperty("--c", colourOf(ev.field));
      d.style.left = (b[0] * scale / w * 100) + "%";
      d.style.top = (b[1] * scale / h * 100) + "%";
      d.style.width = Math.max(0.3, (b[2] - b[0]) * scale / w * 100) + "%";
      d.style.height = Math.max(0.3, (b[3] - b[1]) * scale / h * 100) + "%";
      if (ev.field === selected) {
        var tag = document.createElement("span");
        var label = document.querySelector("#f-" + ev.field + " .field-label");
        tag.className = "tag"; tag.textContent = label ? label.textContent : ev.field;
        d.appendChild(tag);
      }
      layer.appendChild(d);
    });
  }
  function showPage(n) {
    if (!pageEl) return;
    n = Math.max(1, Math.min(pages, n));
    dpi = screenDpi();
    var src = "/api/v1/files/" + pageEl.dataset.sha + "/pages/" + n + ".png?dpi=" + dpi;
    current = n;
    pageEl.dataset.page = String(n);
    document.getElementById("page-no").textContent = String(n);
    var formPage = document.getElementById("form-page");
    if (formPage) formPage.value = String(n);
    if (img.getAttribute("src") !== src) { img.setAttribute("src", src); img.alt = "halaman " + n; } else { drawBoxes(); }
  }
  function select(name, page) {
    selected = name;
    fields.forEach(function (f) { f.classList.toggle("selected", f.dataset.field === name); });
    var target = page || null;
    if (!target) {
      var own = evidence.filter(function (e) { return e.field === name; });
      if (own.length && !own.some(function (e) { return e.page === current; })) target = own[0].page;
    }
    if (target && target !== current) showPage(target); else drawBoxes();
  }
  if (img) {
    img.addEventListener("load", drawBoxes);
    if (img.complete) drawBoxes();
    window.addEventListener("resize", function () { clearTimeout(window.__rz); window.__rz = setTimeout(function () { var d = screenDpi(); if (d !== dpi) showPage(current); }, 300); });
    // The first image was a guess; fetch it at the column's resolution.
    showPage(current);
  }
  var prev = document.getElementById("prev-page"), next = document.getElementById("next-page");
  if (prev) prev.addEventListener("click", function () { showPage(current - 1); });
  if (next) next.addEventListener("click", function () { showPage(current + 1); });

  document.addEventListener("click", function (e) {
    var t = e.target;
    var hlm = t.closest && t.closest("a.hlm");
    if (hlm) { e.preventDefault(); select(hlm.dataset.field, parseInt(hlm.dataset.page, 10)); return; }
    var head = t.closest && t.closest(".field-head");
    if (head) { select(head.parentNode.dataset.field); return; }
    var act = t.closest && t.closest("button[data-act]");
    if (act) {
      var row = act.closest(".row"), list = row.parentNode;
      if (act.dataset.act === "remove") row.remove();
      if (act.dataset.act === "up" && row.previousElementSibling) list.insertBefore(row, row.previousElementSibling);
      if (act.dataset.act === "down" && row.nextElementSibling) list.insertBefore(row.nextElementSibling, row);
      return;
    }
    var add = t.closest && t.closest("button[data-add]");
    if (add) {
      var kind = add.dataset.add, tpl = document.getElementById("tpl-" + kind);
      var box = document.querySelector('[data-rows="' + kind + '"]');
      var html = tpl.innerHTML.replace(/__I__/g, "n" + Date.now());
      box.insertAdjacentHTML("beforeend", html);
      var first = box.lastElementChild.querySelector("input[type=text], textarea");
      if (first) first.focus();
    }
  });
  var MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
    "September", "Oktober", "November", "Desember"];
  document.addEventListener("change", function (e) {
    // A date input shows the browser's own format; the words beside it read the Indonesian way.
    var t = e.target;
    if (t.type !== "date") return;
    var words = document.querySelector('.date-words[data-for="' + t.id + '"]');
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t.value);
    if (words) words.textContent = m ? parseInt(m[3], 10) + " " + MONTHS[parseInt(m[2], 10) - 1] + " " + m[1] : "";
  });
  document.addEventListener("focusin", function (e) {
    var f = e.target.closest && e.target.closest(".field[data-field]");
    if (f && f.dataset.field !== selected) select(f.dataset.field);
  });

  function typing(el) { return el && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName); }
  function moveField(step) {
    var i = fields.findIndex(function (f) { return f.dataset.field === selected; });
    var f = fields[Math.max(0, Math.min(fields.length - 1, i + step))];
    if (!f) return;
    select(f.dataset.field);
    f.scrollIntoView({ block: "nearest" });
    var input = f.querySelector("input:not([type=hidden]), select, textarea");
    if (input) input.focus(); else f.focus();
  }
  document.addEventListener("keydown", function (e) {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
      var form = document.getElementById("correct-form");
      if (form && document.getElementById("save")) { e.preventDefault(); form.requestSubmit(document.getElementById("save")); }
      return;
    }
    if (e.altKey && e.key === "ArrowRight") {
      var nx = document.getElementById("next-agreement");
      if (nx) { e.preventDefault(); window.location = nx.href; }
      return;
    }
    if (typing(e.target) && e.key !== "Escape") {
      if (e.altKey && (e.key === "ArrowDown" || e.key === "ArrowUp")) { e.preventDefault(); moveField(e.key === "ArrowDown" ? 1 : -1); }
      return;
    }
    if (e.key === "Escape") { e.target.blur && e.target.blur(); return; }
    if (e.key === "j") moveField(1);
    else if (e.key === "k") moveField(-1);
    else if (e.key === "n") showPage(current + 1);
    else if (e.key === "p") showPage(current - 1);
  });
  var hash = window.location.hash.replace(/^#f-/, "");
  if (hash && document.getElementById("f-" + hash)) select(hash);
})();
