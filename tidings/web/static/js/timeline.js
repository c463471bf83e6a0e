/* Dyad timeline (GET /v1/timeseries): events per period as bars stacked by QuadClass and the
   mean Goldstein score as a line; the most active dyads are listed to pick from. */
"use strict";
(function () {
  var form = document.getElementById("filters");
  var box = document.getElementById("timeline");
  if (!form || !box) return;
  var count = document.getElementById("count");
  var W = 900, H = 420, L = 50, R = 50, T = 20, B = 50;
  TD.fillForm(form);

  function draw(series) {
    TD.clear(box);
    if (!series.length) { count.textContent = "No dated events for these filters."; return; }
    var maxC = Math.max.apply(null, series.map(function (s) { return s.events; }));
    var n = series.length, bw = (W - L - R) / n;
    function y(c) { return H - B - (H - T - B) * c / maxC; }
    function gy(g) { return T + (H - T - B) * (10 - g) / 20; }
    box.appendChild(TD.svg("line", {x1: L, y1: H - B, x2: W - R, y2: H - B, "class": "axis"}));
    box.appendChild(TD.svg("text", {x: L - 8, y: y(maxC) + 4, "text-anchor": "end", "class": "tick", text: maxC}));
    box.appendChild(TD.svg("text", {x: L - 8, y: H - B + 4, "text-anchor": "end", "class": "tick", text: "0"}));
    [10, 0, -10].forEach(function (g) {
      box.appendChild(TD.svg("text", {x: W - R + 6, y: gy(g) + 4, "class": "tick gold", text: (g > 0 ? "+" : "") + g}));
    });
    box.appendChild(TD.svg("line", {x1: L, y1: gy(0), x2: W - R, y2: gy(0), "class": "zero"}));
    var pts = [];
    series.forEach(function (s, i) {
      var x = L + i * bw, base = 0;
      [1, 2, 3, 4].forEach(function (q) {
        var c = s[["", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict"][q]] || 0;
        if (!c) return;
        var rect = TD.svg("rect", {x: x + bw * 0.1, width: bw * 0.8, y: y(base + c), height: y(base) - y(base + c), fill: TD.QUAD_COLORS[q], "class": "bar"});
        rect.appendChild(TD.svg("title", {text: s.period + ": " + c + " " + TD.QUAD_NAMES[q]}));
        box.appendChild(rect);
        base += c;
      });
      if (s.goldstein_mean !== null) pts.push((x + bw / 2) + "," + gy(s.goldstein_mean));
      if (n <= 24 || i % Math.ceil(n / 12) === 0) {
        box.appendChild(TD.svg("text", {x: x + bw / 2, y: H - B + 16, "text-anchor": "middle", "class": "tick", text: String(s.period).slice(0, 10)}));
      }
    });
    box.appendChild(TD.svg("polyline", {points: pts.join(" "), "class": "goldstein"}));
    box.appendChild(TD.svg("text", {x: L, y: H - 8, "class": "tick", text: "bars: events by QuadClass · line: mean Goldstein (right axis)"}));
    var total = series.reduce(function (a, s) { return a + s.events; }, 0);
    count.textContent = total + " events in " + n + " periods";
  }

  function dyadList() {
    var list = document.getElementById("dyad-list");
    TD.getJSON("/v1/dyads?limit=12").then(function (data) {
      TD.clear(list);
      list.appendChild(TD.el("span", {text: "Most active dyads: "}));
      data.dyads.filter(function (d) { return d.source && d.target; }).forEach(function (d) {
        var s = d.source.split("/").pop(), t = d.target.split("/").pop();
        var a = TD.el("a", {href: "#", cls: "dyad", text: d.source + " → " + d.target + " (" + d.events + ")"});
        a.addEventListener("click", function (e) {
          e.preventDefault();
          form.elements.source.value = s; form.elements.target.value = t; load();
        });
        list.appendChild(a);
      });
    }).catch(function () {});
  }

  function load() {
    count.textContent = "Loading…";
    history.replaceState(null, "", "/timeline?" + TD.formQuery(form).toString());
    TD.getJSON("/v1/timeseries?" + TD.formQuery(form, {by_dyad: "false"}).toString())
      .then(function (data) { draw(data.series); })
      .catch(function (err) { count.textContent = "Error: " + err.message; });
  }
  form.addEventListener("submit", function (e) { e.preventDefault(); load(); });
  dyadList();
  load();
})();
