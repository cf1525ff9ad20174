/* The editor's progressive layer: every page works without it (plain forms, buttons).
   It adds: unsaved-change warning and a copy in localStorage, drag and drop, search as you
   type in the bank, precedent badges and diffs in place, auto-growing text areas. */
(function () {
  "use strict";
  document.body.classList.remove("no-js");

  // Confirmations (delete, restore, abandon) on any page.
  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-confirm]");
    if (target && !window.confirm(target.getAttribute("data-confirm"))) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  var form = document.getElementById("editor");
  if (!form) return;
  var draftId = form.dataset.draftId;
  var revision = Number(form.dataset.revision);
  var canWrite = form.dataset.canWrite === "true";
  var storageKey = "drafting:draft:" + draftId;
  var state = document.getElementById("save-state");
  var dirty = false;
  var submitting = false;
  var SKIP = { csrf_token: 1, action: 1, q: 1, kind: 1, opener: 1, source: 1, year_from: 1, year_to: 1 };

  // ---- What is on the page, as posted -------------------------------------------------
  function entries() {
    var pairs = [];
    new FormData(form).forEach(function (value, name) {
      if (!SKIP[name] && typeof value === "string") pairs.push([name, value]);
    });
    return pairs;
  }
  function sameText(a, b) {
    var strip = function (list) {
      return JSON.stringify(list.filter(function (p) { return p[0] !== "base_revision"; }));
    };
    return strip(a) === strip(b);
  }
  var saved = entries();

  function readBackup() {
    try { return JSON.parse(window.localStorage.getItem(storageKey) || "null"); }
    catch (e) { return null; }
  }
  function writeBackup(extra) {
    try {
      var data = { revision: revision, at: Date.now(), entries: entries() };
      Object.assign(data, extra || {});
      window.localStorage.setItem(storageKey, JSON.stringify(data));
    } catch (e) { /* storage full or disabled: the warning before leaving still works */ }
  }
  function dropBackup() {
    try { window.localStorage.removeItem(storageKey); } catch (e) { /* ignore */ }
  }

  function setDirty(value) {
    dirty = value;
    if (!state) return;
    state.textContent = value ? state.dataset.dirty || "● Modifications non enregistrées" : "";
    state.className = value ? "dirty" : "";
  }
  if (state) state.dataset.dirty = "● " + (form.dataset.dirtyMessage || "");

  var backupTimer = null;
  function changed(event) {
    if (!canWrite) return;
    if (event && event.target && !form.contains(event.target)) return;  // the bank's fields
    setDirty(!sameText(entries(), saved));
    window.clearTimeout(backupTimer);
    backupTimer = window.setTimeout(function () {
      if (dirty) writeBackup(); else dropBackup();
    }, 300);
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);

  form.addEventListener("submit", function () {
    submitting = true;
    if (canWrite) writeBackup({ submitted: true });
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty && !submitting) {
      writeBackup();
      event.preventDefault();
      event.returnValue = "";
    }
  });
  window.addEventListener("pageshow", function () { submitting = false; });

  // ---- Text kept in this browser that never reached the server ------------------------
  (function offerBackup() {
    var backup = readBackup();
    if (!backup || !canWrite) return;
    var mine = form.dataset.lastAuthorIsMe === "true";
    if (sameText(backup.entries, saved) || (backup.submitted && revision > backup.revision && mine)) {
      dropBackup();
      return;
    }
    var banner = document.getElementById("restore-banner");
    if (!banner) return;
    banner.hidden = false;
    banner.querySelector("[data-discard]").addEventListener("click", function () {
      dropBackup();
      banner.hidden = true;
    });
    banner.querySelector("[data-restore]").addEventListener("click", function () {
      // Post the kept text as it was: the server saves it, or shows the merge view when
      // someone saved in between.
      var post = document.createElement("form");
      post.method = "post";
      post.action = form.getAttribute("action");  // form.action is the buttons named "action"
      var add = function (name, value) {
        var input = document.createElement("textarea");
        input.name = name;
        input.value = value;
        post.appendChild(input);
      };
      add("csrf_token", form.querySelector("[name=csrf_token]").value);
      add("action", "save");
      backup.entries.forEach(function (pair) { add(pair[0], pair[1]); });
      post.hidden = true;
      document.body.appendChild(post);
      submitting = true;
      post.submit();
    });
  })();

  // ---- Ctrl+S saves; text areas grow with their text -----------------------------------
  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && event.key === "s") {
      var button = document.getElementById("save-button");
      if (button) { event.preventDefault(); button.click(); }
    }
  });
  function grow(area) {
    area.style.height = "auto";
    area.style.height = (area.scrollHeight + 2) + "px";
  }
  form.querySelectorAll("textarea").forEach(grow);
  form.addEventListener("input", function (event) {
    if (event.target.tagName === "TEXTAREA") grow(event.target);
  });

  // The paragraph a button just acted on: show it.
  if (window.location.hash.indexOf("#p-") === 0) {
    var target = document.getElementById(window.location.hash.slice(1));
    if (target) {
      target.classList.add("target");
      var area = target.querySelector("textarea.text");
      if (area) area.focus({ preventScroll: true });
    }
  }

  // ---- Drag and drop of paragraphs (within and across the two blocks) ----------------
  var dragged = null;
  function relabel() {
    form.querySelectorAll("ol.paragraphs").forEach(function (list) {
      var part = list.dataset.part;
      var prefix = part === "preambular" ? "PP" : "OP";
      var number = 0;
      list.querySelectorAll(":scope > li.para").forEach(function (item) {
        var order = item.querySelector("input[name^=order-]");
        order.name = "order-" + part;
        var alt = item.querySelector("select[name^=alternative-]");
        var label = alt && alt.value ? alt.value : "";
        if (!label || number === 0) number += 1;
        item.querySelector(".label").textContent = prefix + number + (label ? " " + label : "");
      });
    });
  }
  if (canWrite) {
    // A paragraph is draggable only while the pointer is on its handle, so that text can
    // still be selected in its text area (Chromium decides on a drag before mousedown).
    form.addEventListener("pointerover", function (event) {
      var handle = event.target.closest(".handle");
      if (handle) handle.closest("li.para").setAttribute("draggable", "true");
    });
    form.addEventListener("pointerout", function (event) {
      var handle = event.target.closest(".handle");
      var item = handle && handle.closest("li.para");
      // With a button down a drag may be starting: dragend tidies up instead.
      if (item && item !== dragged && !event.buttons) item.removeAttribute("draggable");
    });
    form.addEventListener("dragstart", function (event) {
      dragged = event.target.closest("li.para");
      if (!dragged) return;
      dragged.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", dragged.dataset.id);
    });
    form.addEventListener("dragover", function (event) {
      var list = event.target.closest("ol.paragraphs");
      if (!dragged || !list) return;
      event.preventDefault();
      var after = null;
      list.querySelectorAll(":scope > li.para:not(.dragging)").forEach(function (item) {
        var box = item.getBoundingClientRect();
        if (after === null && event.clientY < box.top + box.height / 2) after = item;
      });
      if (after) list.insertBefore(dragged, after); else list.appendChild(dragged);
    });
    form.addEventListener("drop", function (event) { if (dragged) event.preventDefault(); });
    form.addEventListener("dragend", function () {
      if (!dragged) return;
      dragged.classList.remove("dragging");
      dragged.removeAttribute("draggable");
      dragged = null;
      relabel();
      changed();
    });
  }

  // ---- Precedent badges and the diff in place ----------------------------------------
  if (form.dataset.badges) {
    window.fetch(form.dataset.badges, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : {}; })
      .then(function (found) {
        Object.keys(found).forEach(function (id) {
          var badge = form.querySelector('[data-badge-for="' + id + '"]');
          if (!badge) return;
          var best = found[id];
          badge.textContent = "";
          [["pos", best.position], ["src", best.source], ["score", best.similarity + " %"]]
            .forEach(function (part) {
              var span = document.createElement("span");
              span.className = part[0];
              span.textContent = part[1];
              badge.appendChild(span);
            });
          badge.classList.remove("pending");
          if (best.similarity === 100) badge.classList.add("exact");
          else if (best.similarity < 85) badge.classList.add("far");
          badge.hidden = false;
        });
      })
      .catch(function () { /* badges are a help, not a requirement */ });
  }
  form.addEventListener("click", function (event) {
    var badge = event.target.closest("[data-precedent]");
    if (!badge) return;
    event.preventDefault();
    var item = badge.closest("li.para");
    var open = item.querySelector(".precedent-pop");
    if (open) { open.remove(); return; }
    window.fetch(badge.href + "?partial=1", { credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        // The fragment comes from our own server, escaped by its templates.
        item.querySelector(".para-head").insertAdjacentHTML("afterend", html);
      });
  });

  // ---- The bank: search as you type --------------------------------------------------
  var query = document.getElementById("bank-q");
  var results = document.getElementById("bank-results");
  var template = document.getElementById("result-template");
  var messages = document.getElementById("bank-messages");
  if (query && results && template && messages) {
    var filters = ["bank-kind", "bank-opener", "bank-source", "bank-year-from", "bank-year-to"]
      .map(function (id) { return document.getElementById(id); }).filter(Boolean);
    var searchTimer = null;
    var latest = 0;
    var run = function () {
      var params = new URLSearchParams();
      params.set("q", query.value.trim());
      filters.forEach(function (field) { if (field.value.trim()) params.set(field.name, field.value.trim()); });
      params.set("limit", "20");
      if (!query.value.trim() && !filters.some(function (f) { return f.value.trim(); })) return;
      var ticket = ++latest;
      results.classList.add("busy");
      window.fetch(query.dataset.api + "?" + params.toString(), { credentials: "same-origin" })
        .then(function (response) {
          return response.json().then(function (body) { return { ok: response.ok, body: body }; });
        })
        .then(function (answer) {
          if (ticket !== latest) return;
          results.classList.remove("busy");
          render(answer.ok ? answer.body : null, answer.ok ? null : (answer.body.error || ""));
        })
        .catch(function (error) {
          if (ticket !== latest) return;
          results.classList.remove("busy");
          render(null, String(error));
        });
    };
    var render = function (body, error) {
      results.textContent = "";
      var count = document.getElementById("bank-count");
      if (error !== null) {
        var p = document.createElement("p");
        p.className = "error";
        p.textContent = messages.dataset.error.replace("{message}", error);
        results.appendChild(p);
        return;
      }
      var hits = body.hits || [];
      var total = Math.max(body.candidates || 0, hits.length);
      if (count) count.textContent = total === 1 ? messages.dataset.one : messages.dataset.many.replace("{num}", total);
      if (!hits.length) {
        var none = document.createElement("p");
        none.className = "empty";
        none.textContent = messages.dataset.empty;
        results.appendChild(none);
        return;
      }
      var list = document.createElement("ol");
      list.className = "results";
      hits.forEach(function (hit) { list.appendChild(resultItem(hit)); });
      results.appendChild(list);
      families(list);
    };
    var resultItem = function (hit) {
      var node = template.content.firstElementChild.cloneNode(true);
      var source = hit.document || {};
      node.dataset.clause = hit.clause_id;
      if (hit.family_id) node.dataset.family = hit.family_id;
      slot(node, "source").textContent = source.title || "";
      slot(node, "date").textContent = source.date ? " · " + source.date : "";
      slot(node, "position").textContent = hit.position || "";
      slot(node, "score").textContent = hit.score ? " · " + Math.round(hit.score) + " %" : "";
      highlight(slot(node, "text"), hit.text || "", hit.highlights || []);
      node.querySelectorAll("[data-insert]").forEach(function (button) {
        button.value = "insert:" + button.dataset.insert + ":" + hit.clause_id;
      });
      return node;
    };
    // « appears in 3 texts »: one request for all the families on the page.
    var families = function (list) {
      var ids = [];
      list.querySelectorAll("[data-family]").forEach(function (node) {
        if (ids.indexOf(node.dataset.family) < 0) ids.push(node.dataset.family);
      });
      if (!ids.length || !messages.dataset.families) return;
      window.fetch(messages.dataset.families + "?ids=" + ids.join(","), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : {}; })
        .then(function (sizes) {
          list.querySelectorAll("[data-family]").forEach(function (node) {
            var size = sizes[node.dataset.family];
            if (!size || size.documents < 2) return;
            var line = slot(node, "family");
            line.textContent = messages.dataset.family.replace("{num}", size.documents) +
              (size.years.length ? " (" + size.years.join(", ") + ")" : "");
            line.hidden = false;
          });
        })
        .catch(function () { /* the count is a help */ });
    };
    var slot = function (node, name) { return node.querySelector('[data-slot="' + name + '"]'); };
    // Marks matched words with <mark>, building text nodes only (no HTML from the API).
    var highlight = function (element, text, spans) {
      var at = 0;
      spans.slice().sort(function (a, b) { return a[0] - b[0]; }).forEach(function (span) {
        var start = span[0], end = span[1];
        if (start < at || end <= start) return;
        element.appendChild(document.createTextNode(text.slice(at, start)));
        var mark = document.createElement("mark");
        mark.textContent = text.slice(start, end);
        element.appendChild(mark);
        at = end;
      });
      element.appendChild(document.createTextNode(text.slice(at)));
    };
    var schedule = function () {
      window.clearTimeout(searchTimer);
      searchTimer = window.setTimeout(run, 250);
    };
    query.addEventListener("input", schedule);
    filters.forEach(function (field) {
      field.addEventListener("input", schedule);
      field.addEventListener("change", schedule);
    });
    [query].concat(filters).forEach(function (field) {
      field.addEventListener("keydown", function (event) {
        if (event.key === "Enter") { event.preventDefault(); window.clearTimeout(searchTimer); run(); }
      });
    });
  }
})();
