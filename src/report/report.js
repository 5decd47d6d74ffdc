// claimlint report: filters by severity and rule. The page works without it.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".filters input[type=checkbox]"));
  var marked = Array.prototype.slice.call(document.querySelectorAll("[data-rule][data-sev]"));
  var shown = document.getElementById("shown");
  function apply() {
    var off = {};
    boxes.forEach(function (b) {
      if (!b.checked) off[b.name + ":" + b.value] = true;
    });
    var rows = 0, total = 0;
    marked.forEach(function (el) {
      var hide = !!(off["rule:" + el.getAttribute("data-rule")] || off["sev:" + el.getAttribute("data-sev")]);
      el.classList.toggle("filtered", hide);
      if (el.tagName === "TR") {
        total += 1;
        if (!hide) rows += 1;
      }
    });
    if (shown) shown.textContent = "Showing " + rows + " of " + total + " findings.";
  }
  boxes.forEach(function (b) {
    b.addEventListener("change", apply);
  });
  apply();
  root.setAttribute("data-ready", "yes");
})();
