/* An article with its events drawn over the text, like displaCy: actors, triggers, claimants
   and conditions highlighted; one card per event (source → action → target, status, claimant,
   date, place, evidence); hovering a card lights its spans and hovering a span lights its
   cards. Text is only ever set with textContent. */
"use strict";
(function () {
  var el = TD.el;
  var ROLE_ORDER = ["trigger", "source", "target", "claimant", "evidence", "condition"];
  var ROLE_NAMES = {source: "source actor", target: "target actor", trigger: "action (coloured by status)",
                    claimant: "claimant", condition: "condition", evidence: "other mention"};
  var STATUSES = ["asserted", "claimed", "planned", "conditional", "hypothetical", "negated", "denied"];

  function spansOf(ev, i) {
    var out = [];
    function add(obj, role, label) {
      if (!obj || obj.start === null || obj.start === undefined || obj.end === null ||
          obj.end === undefined || obj.end <= obj.start) return;
      out.push({start: obj.start, end: obj.end, role: role, ev: i, label: label});
    }
    add(ev.source, "source", ev.source && ev.source.code);
    add(ev.target, "target", ev.target && ev.target.code);
    add(ev.trigger, "trigger", ev.cameo + " " + ev.status);
    add(ev.claimant, "claimant", "claimant" + (ev.claimant && ev.claimant.code ? " " + ev.claimant.code : ""));
    add(ev.condition, "condition", "condition");
    (ev.evidence || []).forEach(function (sp) {
      if (ev.trigger && sp.start === ev.trigger.start && sp.end === ev.trigger.end) return;
      add(sp, "evidence", ev.cameo);
    });
    return out;
  }

  function renderText(container, text, events) {
    TD.clear(container);
    var spans = [];
    events.forEach(function (ev, i) { spans = spans.concat(spansOf(ev, i)); });
    spans = spans.filter(function (s) { return s.start >= 0 && s.end <= text.length; });
    var cuts = {0: true};
    cuts[text.length] = true;
    spans.forEach(function (s) { cuts[s.start] = true; cuts[s.end] = true; });
    var points = Object.keys(cuts).map(Number).sort(function (a, b) { return a - b; });
    // one label per distinct (start, end, role, label), placed where the span ends
    var labels = {};
    spans.forEach(function (s) {
      var key = s.start + ":" + s.end + ":" + s.role + ":" + s.label;
      if (!labels[key]) labels[key] = {end: s.end, role: s.role, label: s.label, evs: []};
      if (labels[key].evs.indexOf(s.ev) < 0) labels[key].evs.push(s.ev);
    });
    var byEnd = {};
    Object.keys(labels).forEach(function (k) {
      var l = labels[k];
      (byEnd[l.end] = byEnd[l.end] || []).push(l);
    });
    for (var p = 0; p < points.length - 1; p++) {
      var a = points[p], b = points[p + 1];
      var piece = text.slice(a, b);
      var cover = spans.filter(function (s) { return s.start <= a && s.end >= b; });
      if (!cover.length) {
        container.appendChild(document.createTextNode(piece));
      } else {
        var roles = [], evs = [], triggers = [], status = "";
        cover.forEach(function (s) {
          if (roles.indexOf(s.role) < 0) roles.push(s.role);
          if (evs.indexOf(s.ev) < 0) evs.push(s.ev);
          if (s.role === "trigger" && triggers.indexOf(s.ev) < 0) {
            triggers.push(s.ev);
            if (!status) status = events[s.ev].status;
          }
        });
        roles.sort(function (x, y) { return ROLE_ORDER.indexOf(x) - ROLE_ORDER.indexOf(y); });
        var cls = "hl role-" + roles[0] + roles.slice(1).map(function (r) { return " also-" + r; }).join("");
        if (status) cls += " status-" + status;
        container.appendChild(el("mark", {cls: cls, "data-ev": evs.join(" "), "data-roles": roles.join(" "),
                                          "data-trigger": triggers.length ? triggers.join(" ") : null,
                                          title: roles.join(", "), text: piece}));
      }
      (byEnd[b] || []).forEach(function (l) {
        var tcls = "tag tag-" + l.role;
        if (l.role === "trigger") tcls += " status-" + events[l.evs[0]].status;
        container.appendChild(el("span", {cls: tcls, "data-ev": l.evs.join(" "), text: l.label}));
      });
    }
  }

  function actor(ref, cls) {
    if (!ref) return el("span", {cls: "actor none " + cls, text: "—"});
    return el("span", {cls: "actor " + cls}, ref.text || "", ref.code ? el("code", {text: ref.code}) : null);
  }

  function card(ev, i) {
    var loc = ev.location;
    var claimant = ev.claimant ? (ev.claimant.code === "OUTLET" ? "the outlet reports it"
      : "according to " + (ev.claimant.text || ev.claimant.code) + (ev.claimant.code && ev.claimant.text ? " (" + ev.claimant.code + ")" : "")) : null;
    var evidence = (ev.evidence && ev.evidence.length ? ev.evidence : [ev.trigger]).filter(Boolean);
    var meta = el("dl", {cls: "card-meta"},
      el("dt", {text: "date"}), el("dd", {cls: "date", text: ev.date ? ev.date + (ev.date_precision ? " (" + ev.date_precision + ")" : "") : "—"}),
      el("dt", {text: "place"}), el("dd", {cls: "place", text: loc ? loc.name + (loc.country ? ", " + loc.country : "") + (loc.precision ? " (" + loc.precision + ")" : "") : "—"}),
      el("dt", {text: "Goldstein"}), el("dd", {text: ev.goldstein === null || ev.goldstein === undefined ? "—" : String(ev.goldstein)}),
      el("dt", {text: "evidence"}), el("dd", {cls: "evidence", text: evidence.map(function (s) { return "“" + s.text + "”"; }).join(", ") +
        (evidence.length > 1 ? " (" + evidence.length + " mentions)" : "")}));
    return el("div", {cls: "card status-" + ev.status, "data-ev": String(i), id: "ev-" + i, tabindex: "0"},
      el("div", {cls: "triple"}, actor(ev.source, "src"), el("span", {cls: "arrow", text: "→"}),
         el("span", {cls: "action"}, el("code", {text: ev.cameo}), " " + (ev.cameo_name || "")),
         el("span", {cls: "arrow", text: "→"}), actor(ev.target, "tgt")),
      el("div", {cls: "badges"}, el("span", {cls: "badge status-" + ev.status, text: ev.status}),
         ev.quad_class ? el("span", {cls: "badge quad q" + ev.quad_class, text: TD.QUAD_NAMES[ev.quad_class] || ""}) : null,
         claimant ? el("span", {cls: "claimant", text: claimant}) : null,
         ev.num_sources ? el("span", {cls: "sources", text: ev.num_sources + " outlet" + (ev.num_sources > 1 ? "s" : "")}) : null),
      ev.condition ? el("p", {cls: "condition", text: /^(if|unless|provided|as long as|once)\b/i.test(ev.condition.text) ? ev.condition.text : "if " + ev.condition.text}) : null,
      meta,
      el("blockquote", {cls: "sentence", text: ev.sentence || ""}),
      ev.cluster_id ? el("a", {href: "/events?cluster=" + encodeURIComponent(ev.cluster_id), text: "all reports of this event"}) : null);
  }

  function link(textBox, cardBox) {
    function light(ids, on) {
      ids.forEach(function (i) {
        var c = document.getElementById("ev-" + i);
        if (c) c.classList.toggle("hot", on);
        textBox.querySelectorAll("[data-ev]").forEach(function (m) {
          if (m.getAttribute("data-ev").split(" ").indexOf(String(i)) >= 0) m.classList.toggle("hot", on);
        });
      });
    }
    function ids(node) { return node.getAttribute("data-ev").split(" "); }
    textBox.addEventListener("mouseover", function (e) {
      var m = e.target.closest("[data-ev]"); if (m) light(ids(m), true);
    });
    textBox.addEventListener("mouseout", function (e) {
      var m = e.target.closest("[data-ev]"); if (m) light(ids(m), false);
    });
    textBox.addEventListener("click", function (e) {
      var m = e.target.closest("[data-ev]");
      if (m) { var c = document.getElementById("ev-" + ids(m)[0]); if (c) c.scrollIntoView({block: "nearest", behavior: "smooth"}); }
    });
    cardBox.querySelectorAll(".card").forEach(function (c) {
      c.addEventListener("mouseenter", function () { light(ids(c), true); });
      c.addEventListener("mouseleave", function () { light(ids(c), false); });
      c.addEventListener("focus", function () { light(ids(c), true); });
      c.addEventListener("blur", function () { light(ids(c), false); });
    });
  }

  function legend(box) {
    TD.clear(box);
    ["source", "target", "claimant", "condition"].forEach(function (r) {
      box.appendChild(el("span", {cls: "hl role-" + r, text: ROLE_NAMES[r]}));
    });
    STATUSES.forEach(function (s) {
      box.appendChild(el("span", {cls: "hl role-trigger status-" + s, text: s}));
    });
  }

  /* Draw {article, events} into the page's #article, #cards and #legend. */
  TD.showResult = function (data) {
    var article = data.article || {}, events = data.events || [];
    var textBox = document.getElementById("article"), cardBox = document.getElementById("cards");
    renderText(textBox, article.text || "", events);
    TD.clear(cardBox);
    cardBox.appendChild(el("h2", {text: events.length + (events.length === 1 ? " event" : " events")}));
    events.forEach(function (ev, i) { cardBox.appendChild(card(ev, i)); });
    legend(document.getElementById("legend"));
    link(textBox, cardBox);
    document.getElementById("result").hidden = false;
  };
})();
