/* Map of located events: the vendored Natural Earth 1:110m countries (world-atlas) drawn with
   d3-geo, one dot per place sized by its events and coloured by the dominant QuadClass. */
"use strict";
(function () {
  var form = document.getElementById("filters");
  var box = document.getElementById("map");
  if (!form || !box) return;
  var count = document.getElementById("count");
  var tip = document.getElementById("map-tip");
  var projection = d3.geoNaturalEarth1().fitSize([960, 500], {type: "Sphere"});
  var path = d3.geoPath(projection);
  var world = fetch("/static/vendor/countries-110m.json").then(function (r) { return r.json(); });
  TD.fillForm(form);

  function drawWorld(topo) {
    box.appendChild(TD.svg("path", {d: path({type: "Sphere"}), "class": "sphere"}));
    topojson.feature(topo, topo.objects.countries).features.forEach(function (f) {
      var p = TD.svg("path", {d: path(f) || "", "class": "country"});
      p.appendChild(TD.svg("title", {text: (f.properties && f.properties.name) || ""}));
      box.appendChild(p);
    });
  }

  function draw(topo, events) {
    TD.clear(box);
    drawWorld(topo);
    var places = {};
    events.forEach(function (ev) {
      var key = ev.location_lat + "," + ev.location_lon;
      var p = places[key] = places[key] || {lat: ev.location_lat, lon: ev.location_lon, name: ev.location_name, n: 0, q: [0, 0, 0, 0, 0], events: []};
      p.n += 1; p.q[ev.quad_class || 0] += 1;
      if (p.events.length < 8) p.events.push(ev);
    });
    var list = Object.keys(places).map(function (k) { return places[k]; });
    var maxN = Math.max.apply(null, list.map(function (p) { return p.n; }).concat([1]));
    list.sort(function (a, b) { return b.n - a.n; }).forEach(function (p) {
      var xy = projection([p.lon, p.lat]);
      if (!xy) return;
      var q = p.q.indexOf(Math.max.apply(null, p.q.slice(1)), 1);
      var c = TD.svg("circle", {cx: xy[0], cy: xy[1], r: 3 + 12 * Math.sqrt(p.n / maxN), "class": "place",
                                fill: TD.QUAD_COLORS[q] || "#555", "data-place": p.name});
      c.appendChild(TD.svg("title", {text: p.name + ": " + p.n + " events"}));
      c.addEventListener("click", function (e) {
        TD.clear(tip);
        tip.appendChild(TD.el("strong", {text: p.name + " · " + p.n + " events"}));
        var ul = TD.el("ul");
        p.events.forEach(function (ev) {
          ul.appendChild(TD.el("li", null, (ev.day || "") + " ", TD.el("code", {text: ev.source_code || ""}), " " + (ev.cameo_name || "") + " ",
            TD.el("code", {text: ev.target_code || ""}), " ", TD.el("span", {cls: "badge status-" + ev.status, text: ev.status}), " ",
            TD.el("a", {href: "/articles/" + encodeURIComponent(ev.article_id), text: "article"})));
        });
        tip.appendChild(ul);
        tip.hidden = false;
        e.stopPropagation();
      });
      box.appendChild(c);
    });
    count.textContent = events.length + " located events at " + list.length + " places (click a dot for its events)";
  }

  function load() {
    count.textContent = "Loading…";
    var q = TD.formQuery(form, {located: "true", limit: "1000"});
    Promise.all([world, TD.getJSON("/v1/events?" + q.toString())])
      .then(function (r) { draw(r[0], r[1].events); })
      .catch(function (err) { count.textContent = "Error: " + err.message; });
  }
  form.addEventListener("submit", function (e) { e.preventDefault(); load(); });
  document.addEventListener("click", function () { tip.hidden = true; });
  load();
})();
