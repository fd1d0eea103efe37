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
      return '<tr class="' + (j.status === "failed" ? "low" : "") + '" data-status="' + esc(j.status) + '"><td>' + esc(j.file) +
        "</td><td>" + esc(j.status_label) + "</td><td>" + esc(j.reason || j.outcome) + "</td><td>" + link + "</td><td>" + esc(j.at) + "</td></tr>";
    }).join("");
  }
  function tick() {
    fetch(table.dataset.src, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) render(data.jobs); }).catch(function () {})
      .finally(function () { setTimeout(tick, 2000); });
  }
  setTimeout(tick, 1500);
})();
