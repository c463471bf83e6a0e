/* The code page: send the pasted text (or the chosen file) to POST /v1/code and draw it. */
"use strict";
(function () {
  var form = document.getElementById("code-form");
  var status = document.getElementById("status-line");
  var fileInput = document.getElementById("file");
  var uploaded = null;

  fileInput.addEventListener("change", function () {
    var f = fileInput.files[0];
    if (!f) { uploaded = null; return; }
    f.text().then(function (t) {
      var html = /\.html?$/i.test(f.name) || /^\s*<(!doctype|html)/i.test(t);
      uploaded = {kind: html ? "html" : "text", body: t, name: f.name};
      if (!html) document.getElementById("text").value = t;
      status.textContent = "Loaded " + f.name + (html ? " (HTML: its main text will be extracted)" : "");
    });
  });

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = document.getElementById("text").value;
    var body = {clean: document.getElementById("clean").checked};
    if (uploaded && uploaded.kind === "html") body.html = uploaded.body;
    else body.text = text;
    if (!(body.text || body.html)) { status.textContent = "Paste an article or choose a file first."; return; }
    var published = document.getElementById("published").value;
    var outlet = document.getElementById("outlet").value;
    if (published) body.published = published;
    if (outlet) body.outlet = outlet;
    status.textContent = "Coding…";
    document.getElementById("code-button").disabled = true;
    TD.getJSON("/v1/code", {method: "POST", headers: {"content-type": "application/json"},
                            body: JSON.stringify(body)})
      .then(function (data) {
        status.textContent = data.events.length + " events in " + (data.article.title || "the article") +
          (data.article.published ? " · published " + data.article.published : "");
        TD.showResult(data);
      })
      .catch(function (err) { status.textContent = "Error: " + err.message; })
      .then(function () { document.getElementById("code-button").disabled = false; });
  });

  document.getElementById("text").addEventListener("input", function () {
    if (uploaded && uploaded.kind === "html") { uploaded = null; fileInput.value = ""; }
  });
})();
