/* The actor network (GET /v1/network): a small force layout in SVG; edges coloured by their
   dominant QuadClass and as wide as their event count; nodes sized by events. */
"use strict";
(function () {
  var form = document.getElementById("filters");
  var svgBox = document.getElementById("network");
  if (!form || !svgBox) return;
  var count = document.getElementById("count");
  var W = 900, H = 600;
  TD.fillForm(form);

  function layout(nodes, edges) {
    var n = nodes.length, idx = {};
    nodes.forEach(function (d, i) {
      idx[d.id] = i;
      var a = 2 * Math.PI * i / Math.max(n, 1);
      d.x = W / 2 + 200 * Math.cos(a); d.y = H / 2 + 200 * Math.sin(a);
    });
    var k = Math.sqrt(W * H / Math.max(n, 1)) * 0.6;
    for (var it = 0; it < 300; it++) {
      var t = 10 * (1 - it / 300) + 0.5;
      var disp = nodes.map(function () { return [0, 0]; });
      for (var i = 0; i < n; i++) for (var j = i + 1; j < n; j++) {
        var dx = nodes[i].x - nodes[j].x, dy = nodes[i].y - nodes[j].y;
        var d = Math.max(Math.sqrt(dx * dx + dy * dy), 0.01), f = k * k / d;
        disp[i][0] += dx / d * f; disp[i][1] += dy / d * f;
        disp[j][0] -= dx / d * f; disp[j][1] -= dy / d * f;
      }
      edges.forEach(function (e) {
        var a = idx[e.source], b = idx[e.target];
        if (a === undefined || b === undefined || a === b) return;
        var dx = nodes[a].x - nodes[b].x, dy = nodes[a].y - nodes[b].y;
        var d = Math.max(Math.sqrt(dx * dx + dy * dy), 0.01), f = d * d / k;
        disp[a][0] -= dx / d * f; disp[a][1] -= dy / d * f;
        disp[b][0] += dx / d * f; disp[b][1] += dy / d * f;
      });
      nodes.forEach(function (nd, i) {
        var dx = disp[i][0], dy = disp[i][1], d = Math.max(Math.sqrt(dx * dx + dy * dy), 0.01);
        nd.x += dx / d * Math.min(d, t); nd.y += dy / d * Math.min(d, t);
        nd.x += (W / 2 - nd.x) * 0.01; nd.y += (H / 2 - nd.y) * 0.01;
        nd.x = Math.min(W - 40, Math.max(40, nd.x)); nd.y = Math.min(H - 30, Math.max(30, nd.y));
      });
    }
    return idx;
  }

  function draw(data) {
    TD.clear(svgBox);
    var defs = TD.svg("defs");
    [1, 2, 3, 4].forEach(function (q) {
      var m = TD.svg("marker", {id: "arrow" + q, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 12, markerHeight: 12, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse"});
      m.appendChild(TD.svg("path", {d: "M 0 0 L 10 5 L 0 10 z", fill: TD.QUAD_COLORS[q]}));
      defs.appendChild(m);
    });
    svgBox.appendChild(defs);
    var nodes = data.nodes, edges = data.edges;
    var idx = layout(nodes, edges);
    var maxE = Math.max.apply(null, edges.map(function (e) { return e.events; }).concat([1]));
    var maxN = Math.max.apply(null, nodes.map(function (d) { return d.events; }).concat([1]));
    function r(d) { return 6 + 14 * Math.sqrt(d.events / maxN); }
    edges.forEach(function (e) {
      var a = nodes[idx[e.source]], b = nodes[idx[e.target]];
      var dx = b.x - a.x, dy = b.y - a.y, d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
      var x2 = b.x - dx / d * (r(b) + 2), y2 = b.y - dy / d * (r(b) + 2);
      var line = TD.svg("line", {x1: a.x, y1: a.y, x2: x2, y2: y2, "class": "edge q" + e.quad_class,
        stroke: TD.QUAD_COLORS[e.quad_class], "stroke-width": 1 + 6 * e.events / maxE,
        "marker-end": "url(#arrow" + e.quad_class + ")"});
      line.appendChild(TD.svg("title", {text: e.source + " → " + e.target + ": " + e.events + " events, Goldstein mean " + e.goldstein_mean}));
      line.addEventListener("click", function () {
        window.location.href = "/timeline?source=" + encodeURIComponent(e.source.split("/").pop()) + "&target=" + encodeURIComponent(e.target.split("/").pop());
      });
      svgBox.appendChild(line);
    });
    nodes.forEach(function (d) {
      var g = TD.svg("g", {"class": "node", transform: "translate(" + d.x + "," + d.y + ")"});
      g.appendChild(TD.svg("circle", {r: r(d)}));
      g.appendChild(TD.svg("text", {dy: -r(d) - 3, "text-anchor": "middle", text: d.id}));
      g.appendChild(TD.svg("title", {text: d.id + ": " + d.events + " events"}));
      svgBox.appendChild(g);
    });
    count.textContent = nodes.length + " actors, " + edges.length + " dyads (click an edge for its timeline)";
  }

  function load() {
    count.textContent = "Loading…";
    TD.getJSON("/v1/network?" + TD.formQuery(form).toString()).then(draw)
      .catch(function (err) { count.textContent = "Error: " + err.message; });
  }
  form.addEventListener("submit", function (e) { e.preventDefault(); load(); });
  load();
})();
