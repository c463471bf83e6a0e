/* The events table: filters, server-side sorting by column, "More" pages through the cursor,
   CSV download of the same filters; ?cluster=ID shows the reports of one event cluster. */
"use strict";
(function () {
  var form = document.getElementById("filters");
  if (!form) return;
  var el = TD.el;
  var tbody = document.querySelector("#events-table tbody");
  var count = document.getElementById("count");
  var more = document.getElementById("more");
  var csv = document.getElementById("csv");
  var params0 = TD.fillForm(form);
  var state = {sort: params0.get("sort") || "day", cluster: params0.get("cluster") || "", next: null};

  if (state.cluster) {
    document.getElementById("cluster-note").hidden = false;
    document.getElementById("cluster-id").textContent = state.cluster;
  }

  function actorCell(text, code) {
    return el("td", null, text || "", code ? el("code", {text: code}) : null);
  }

  function row(ev) {
    var art = ev.article_id;
    return el("tr", {"data-event-id": ev.event_id},
      el("td", {text: ev.day || ""}),
      actorCell(ev.source_text, ev.source_code),
      el("td", {title: ev.sentence || ""}, el("code", {text: ev.cameo}), " " + (ev.cameo_name || "") + " ",
         el("span", {cls: "trigger", text: ev.trigger_text ? "“" + ev.trigger_text + "”" : ""})),
      actorCell(ev.target_text, ev.target_code),
      el("td", null, el("span", {cls: "badge status-" + ev.status, text: ev.status})),
      el("td", {text: ev.claimant_code || ""}),
      el("td", {text: ev.location_name ? ev.location_name + (ev.location_country ? ", " + ev.location_country : "") : ""}),
      el("td", {cls: "num", text: ev.goldstein === null ? "" : String(ev.goldstein)}),
      el("td", {text: ev.outlet || ""}),
      el("td", {cls: "num"}, ev.cluster_id && ev.num_sources
        ? el("a", {href: "/events?cluster=" + encodeURIComponent(ev.cluster_id), text: String(ev.num_sources)}) : ""),
      el("td", null, el("a", {href: "/articles/" + encodeURIComponent(art), text: art})));
  }

  function query(extra) {
    return TD.formQuery(form, Object.assign({sort: state.sort, cluster: state.cluster}, extra || {}));
  }

  function load(append) {
    var q = query({cursor: append ? state.next : ""});
    var csvq = query({format: "csv"});
    csv.setAttribute("href", "/v1/events?" + csvq.toString());
    count.textContent = "Loading…";
    TD.getJSON("/v1/events?" + q.toString()).then(function (data) {
      if (!append) TD.clear(tbody);
      data.events.forEach(function (ev) { tbody.appendChild(row(ev)); });
      state.next = data.next;
      more.hidden = !data.next;
      count.textContent = tbody.children.length + " of " + data.total + " " + (q.get("unit") === "events" ? "events" : "reports");
    }).catch(function (err) { count.textContent = "Error: " + err.message; });
  }

  document.querySelectorAll("#events-table th[data-sort]").forEach(function (th) {
    th.classList.add("sortable");
    th.addEventListener("click", function () {
      var col = th.getAttribute("data-sort");
      state.sort = state.sort === col ? "-" + col : col;
      document.querySelectorAll("#events-table th").forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", state.sort.charAt(0) === "-" ? "descending" : "ascending");
      load(false);
    });
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    history.replaceState(null, "", "/events?" + query().toString());
    load(false);
  });
  more.addEventListener("click", function () { load(true); });
  load(false);
})();
