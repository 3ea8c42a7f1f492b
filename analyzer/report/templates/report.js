/* replaylint report: sorting, filtering and saving the embedded JSON. The page reads in full
   without this script; it only adds controls. It builds no markup from data (textContent only). */
(function () {
  "use strict";

  function cellKey(row, index, numeric) {
    var cell = row.cells[index];
    if (!cell) return numeric ? 0 : "";
    var key = cell.hasAttribute("data-key") ? cell.getAttribute("data-key") : cell.textContent.trim();
    return numeric ? parseFloat(key) || 0 : key.toLowerCase();
  }

  function makeSortable(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    var body = table.tBodies[0];
    Array.prototype.forEach.call(headers, function (th, index) {
      var type = th.getAttribute("data-sort");
      if (!type) return;
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var numeric = type === "num";
        var rows = Array.prototype.map.call(body.rows, function (row, position) {
          return { row: row, key: cellKey(row, index, numeric), position: position };
        });
        rows.sort(function (a, b) {
          var order = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
          return (ascending ? order : -order) || a.position - b.position;
        });
        var fragment = document.createDocumentFragment();
        rows.forEach(function (item) { fragment.appendChild(item.row); });
        body.appendChild(fragment);
      });
    });
  }

  function makeFilterable(controls) {
    var table = document.getElementById(controls.getAttribute("data-table"));
    if (!table) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var texts = null;
    var input = controls.querySelector("[data-filter]");
    var selects = Array.prototype.slice.call(controls.querySelectorAll("select[data-match]"));
    var count = controls.querySelector(".count");
    var timer = 0;

    function apply() {
      if (!texts) texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
      var words = input ? input.value.toLowerCase().split(/\s+/).filter(Boolean) : [];
      var shown = 0;
      rows.forEach(function (row, i) {
        var visible = words.every(function (w) { return texts[i].indexOf(w) !== -1; }) &&
          selects.every(function (s) { return !s.value || row.getAttribute("data-" + s.getAttribute("data-match")) === s.value; });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      if (count) count.textContent = "Showing " + shown + " of " + rows.length;
    }

    if (input) input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(apply, rows.length > 500 ? 120 : 0);
    });
    selects.forEach(function (s) { s.addEventListener("change", apply); });
    if (count) count.textContent = "Showing " + rows.length + " of " + rows.length;
  }

  function saveJson() {
    var data = document.getElementById("replaylint-data");
    var blob = new Blob([data.textContent], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "replaylint-report.json";
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.data"), makeSortable);
  Array.prototype.forEach.call(document.querySelectorAll(".controls"), function (controls) {
    controls.hidden = false;
    if (controls.hasAttribute("data-table")) makeFilterable(controls);
  });
  var save = document.getElementById("save-json");
  if (save) save.addEventListener("click", saveJson);
})();
