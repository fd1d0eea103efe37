// The region picker's second step: choosing a province fills its kabupaten/kota list
// (from the page's #districts-data). Delegated, so party cards added later work too.
(function () {
  "use strict";
  var data = {};
  var el = document.getElementById("districts-data");
  if (el) { try { data = JSON.parse(el.textContent); } catch (e) { data = {}; } }
  document.addEventListener("change", function (e) {
    var prov = e.target;
    if (!prov.classList || !prov.classList.contains("region-prov")) return;
    var district = document.getElementById(prov.dataset.district);
    if (!district) return;
    district.innerHTML = "";
    function add(value, text) {
      var o = document.createElement("option");
      o.value = value; o.textContent = text; district.appendChild(o);
    }
    if (!prov.value) { add("", "(pilih provinsi dulu)"); return; }
    add(prov.value, "— seluruh provinsi —");
    (data[prov.value] || []).forEach(function (r) { add(r[0], r[1]); });
  });
})();
