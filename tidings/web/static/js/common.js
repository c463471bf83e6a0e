/* Shared helpers. Every string from the server reaches the page through textContent or an
   attribute set by setAttribute: never innerHTML, so article text and names cannot inject. */
"use strict";
var TD = window.TD || {};
window.TD = TD;

TD.el = function (tag, attrs) {
  var node = document.createElement(tag);
  if (attrs) {
    Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === "text") node.textContent = String(v);
      else if (k === "cls") node.className = v;
      else node.setAttribute(k, v === true ? "" : String(v));
    });
  }
  for (var i = 2; i < arguments.length; i++) {
    var c = arguments[i];
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return node;
};

TD.svg = function (tag, attrs) {
  var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  Object.keys(attrs || {}).forEach(function (k) {
    if (k === "text") node.textContent = String(attrs[k]);
    else node.setAttribute(k, String(attrs[k]));
  });
  return node;
};

TD.clear = function (node) { while (node.firstChild) node.removeChild(node.firstChild); };

/* The query string of a filter form: only the fields that have a value. */
TD.formQuery = function (form, extra) {
  var params = new URLSearchParams();
  Array.prototype.forEach.call(form.elements, function (f) {
    if (f.name && f.value && f.type !== "submit") params.set(f.name, f.value);
  });
  Object.keys(extra || {}).forEach(function (k) {
    if (extra[k] !== null && extra[k] !== undefined && extra[k] !== "") params.set(k, extra[k]);
  });
  return params;
};

/* Fill a filter form from the page's own query string (so a URL can be shared). */
TD.fillForm = function (form) {
  var params = new URLSearchParams(window.location.search);
  Array.prototype.forEach.call(form.elements, function (f) {
    if (f.name && params.has(f.name)) f.value = params.get(f.name);
  });
  return params;
};

TD.getJSON = function (url, options) {
  return fetch(url, Object.assign({credentials: "same-origin"}, options || {})).then(function (r) {
    return r.json().catch(function () { return {}; }).then(function (body) {
      if (!r.ok) {
        var e = (body && body.error) || {};
        var msg = (e.message || ("HTTP " + r.status)) + (e.hint ? " (" + e.hint + ")" : "");
        if (e.detail && e.detail.length) msg += ": " + e.detail.map(function (d) { return d.msg; }).join("; ");
        throw new Error(msg);
      }
      return body;
    });
  });
};

TD.QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};
TD.QUAD_COLORS = {1: "#3b82c4", 2: "#1a9e5a", 3: "#e0942b", 4: "#c8313b"};
