// The upload page's job list refreshes itself while anything is still waiting or being read.
(function () {
  var table = document.getElementById("jobs");
  if (!table) return;
  function esc(s) { var d = document.createElement("div"); d.textContent = s == null ? "" : String(s); return d.innerHTML; }
  function render(jobs) {
    var body = table.tBodies[0];
    if (!jobs.length) { body.innerHTML = '<tr><td colspan="5">Belum ada unggahan.</td></tr>'; return; }
    body.innerHTML = jobs.map(function (j) {
      var link = j.agreement_id ? '<a href="/review/agreements/' + j.agreement_id + '">#' + j.agreement_id + "</a>" : "";
      return '<tr class="' + (j.status === "failed" ? "low" : "") + '" data-status="' + esc(j.status) + '"><td class="title">' + esc(j.file) +
        '</td><td data-label="Status">' + esc(j.status_label) + '</td><td data-label="Hasil">' + esc(j.reason || j.outcome) +
        '</td><td data-label="Perjanjian">' + link + '</td><td data-label="Waktu">' + esc(j.at) + "</td></tr>";
    }).join("");
  }
  function tick() {
    fetch(table.dataset.src, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) render(data.jobs); }).catch(function () {})
      .finally(function () { setTimeout(tick, 2000); });
  }
  setTimeout(tick, 1500);
  // The browser's own file button speaks its UI language; this one says what was chosen.
  var input = document.getElementById("upload-files"), chosen = document.getElementById("chosen");
  if (input && chosen) input.addEventListener("change", function () {
    var names = Array.prototype.map.call(input.files, function (f) { return f.name; });
    chosen.textContent = names.length ? names.join(", ") : "belum ada berkas dipilih";
  });
})();
