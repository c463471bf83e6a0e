/* A stored article with its events (GET /v1/articles/{id}). */
"use strict";
(function () {
  var page = document.getElementById("article-page");
  if (!page) return;
  var id = page.getAttribute("data-article-id");
  var status = document.getElementById("status-line");
  TD.getJSON("/v1/articles/" + encodeURIComponent(id)).then(function (data) {
    var a = data.article, meta = document.getElementById("meta");
    document.querySelector("h1").textContent = a.title || a.id;
    [["id", a.id], ["published", a.published], ["outlet", a.outlet], ["dateline", a.dateline]].forEach(function (kv) {
      if (kv[1]) { meta.appendChild(TD.el("dt", {text: kv[0]})); meta.appendChild(TD.el("dd", {text: kv[1]})); }
    });
    if (a.url && /^https?:\/\//i.test(a.url)) {
      meta.appendChild(TD.el("dt", {text: "url"}));
      meta.appendChild(TD.el("dd", null, TD.el("a", {href: a.url, rel: "noopener noreferrer", text: a.url})));
    }
    status.textContent = "";
    TD.showResult(data);
  }).catch(function (err) { status.textContent = "Error: " + err.message; });
})();
