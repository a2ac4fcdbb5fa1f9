// The dashboard page: choose or paste a scenario, toggle shocks, rerun, redraw the report.
// Text from scenarios is only ever put in the page with textContent; the report's HTML comes
// from the server, which escapes every scenario text (realpolitik.report.render_body).
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  // filename: what the editor's text is called in messages (the uploaded file's own name);
  // controller: the in-flight run's AbortController; good: when the last results were made.
  var state = { format: "yaml", filename: "", seq: 0, controller: null, timer: null, good: null };
  var LINE_PX = 18;  // the editor's and the gutter's line height (app.css)

  function setStatus(text, isError) {
    var el = $("status");
    el.textContent = text;
    el.className = isError ? "error" : "";
  }

  function api(path, body, signal) {
    var init = body === undefined ? {} : {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    };
    if (signal) { init.signal = signal; }
    return fetch(path, init).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (data) {
        if (!r.ok) {
          // Every error answer is {"error": message, "problems": [...] (optional)}.
          var err = new Error(data.error || ("HTTP " + r.status));
          err.data = data;
          err.status = r.status;
          throw err;
        }
        return data;
      });
    });
  }

  // --- the editor: a gutter of line numbers beside the text --------------------------------
  function setFilename(name) {
    state.filename = name || "";
    $("filename").textContent = state.filename ? "· " + state.filename : "";
  }

  function updateGutter() {
    var gutter = $("gutter");
    var n = $("editor").value.split("\n").length;
    var have = gutter.children.length;
    for (var k = have + 1; k <= n; k++) {
      var span = document.createElement("span");
      span.textContent = String(k);
      span.setAttribute("data-line", String(k));
      gutter.appendChild(span);
    }
    while (gutter.children.length > n) { gutter.removeChild(gutter.lastChild); }
    gutter.scrollTop = $("editor").scrollTop;
  }

  function setEditor(text, format, filename) {
    $("editor").value = text;
    state.format = format;
    setFilename(filename);
    updateGutter();
    $("editor").scrollTop = 0;
    markLines([]);
  }

  function markLines(lines) {
    var spans = $("gutter").children;
    for (var k = 0; k < spans.length; k++) {
      spans[k].className = lines.indexOf(k + 1) >= 0 ? "problem" : "";
    }
  }

  // Select line ``n`` of the editor and scroll it into view (the gutter follows).
  function gotoLine(n) {
    var editor = $("editor");
    var lines = editor.value.split("\n");
    n = Math.max(1, Math.min(n, lines.length));
    var start = 0;
    for (var k = 0; k < n - 1; k++) { start += lines[k].length + 1; }
    editor.focus();
    editor.setSelectionRange(start, start + lines[n - 1].length);
    editor.scrollTop = Math.max(0, (n - 1) * LINE_PX - editor.clientHeight / 3);
    $("gutter").scrollTop = editor.scrollTop;
  }

  // The line a problem cites in the editor's text ("jcpoa.yaml:12:3: ..."), or 0.
  function problemLine(p) {
    var m = /^(.*?):(\d+)(?::\d+)?: /.exec(p.text || "");
    if (!m || p.file === "request") { return 0; }
    return parseInt(m[2], 10);
  }

  function showProblems(problems) {
    var list = $("problems");
    var lines = [];
    list.textContent = "";
    (problems || []).forEach(function (p) {
      var li = document.createElement("li");
      var text = p.text || ((p.where ? p.where + ": " : "") + p.message);
      var line = problemLine(p);
      if (line > 0) {
        lines.push(line);
        var b = document.createElement("button");
        b.type = "button";
        b.className = "goto";
        b.title = "show line " + line + " in the editor";
        b.setAttribute("data-line", String(line));
        b.textContent = text;
        b.addEventListener("click", function () { gotoLine(line); });
        li.appendChild(b);
      } else {
        li.textContent = text;
      }
      list.appendChild(li);
    });
    list.hidden = !problems || problems.length === 0;
    markLines(lines);
  }

  // --- results that no longer match the editor, and notices --------------------------------
  function markStale(why) {
    var report = $("report");
    var banner = $("stale");
    if (!report.children.length) { banner.hidden = true; return; }
    report.classList.add("stale");
    banner.textContent = why + " The results below are from the run of " + state.good +
      " and do not match the editor.";
    banner.hidden = false;
  }

  function showNotices(notices) {
    var box = $("notices");
    box.textContent = (notices || []).join(" ");
    box.hidden = !notices || notices.length === 0;
  }

  function checkedShocks() {
    var boxes = document.querySelectorAll("#shocks input[type=checkbox]");
    var out = [];
    for (var k = 0; k < boxes.length; k++) {
      if (boxes[k].checked) { out.push(boxes[k].value); }
    }
    return out;
  }

  function setShocks(shocks) {
    var keep = checkedShocks();
    var box = $("shocks");
    box.textContent = "";
    var legend = document.createElement("legend");
    legend.textContent = "Shocks";
    box.appendChild(legend);
    if (!shocks || shocks.length === 0) {
      var none = document.createElement("p");
      none.className = "note";
      none.textContent = "none in this scenario";
      box.appendChild(none);
      return;
    }
    shocks.forEach(function (s) {
      var label = document.createElement("label");
      var input = document.createElement("input");
      input.type = "checkbox";
      input.value = s.id;
      input.setAttribute("data-shock", s.id);
      input.checked = keep.indexOf(s.id) >= 0;
      input.addEventListener("change", run);
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + s.title));
      label.title = s.id;
      box.appendChild(label);
    });
  }

  function drawFigures(root) {
    var blocks = root.querySelectorAll('script[type="application/json"][data-figure]');
    for (var k = 0; k < blocks.length; k++) {
      var target = document.getElementById(blocks[k].getAttribute("data-figure"));
      if (!target) { continue; }
      var fig = JSON.parse(blocks[k].textContent);
      Plotly.newPlot(target, fig.data || [], fig.layout || {},
        { responsive: true, displaylogo: false });
    }
    return blocks.length;
  }

  function request() {
    var sections = ["forecast", "trajectories", "montecarlo", "network", "planb", "escalation"];
    if ($("explain").checked) { sections.push("explanations"); }
    var scenario = { text: $("editor").value, format: state.format };
    if (state.filename) { scenario.filename = state.filename; }
    return {
      scenario: scenario,
      shocks: checkedShocks(),
      // The server caps the runs (1,000) and its answer's notices say so.
      n_runs: Math.max(0, parseInt($("runs").value, 10) || 0),
      seed: Math.max(0, parseInt($("seed").value, 10) || 0),
      sections: sections
    };
  }

  // The running indicator: a spinner, the time since the run started, and Cancel.
  function startRunning(started) {
    stopRunning();
    $("running").hidden = false;
    var tick = function () {
      $("elapsed").textContent = ((Date.now() - started) / 1000).toFixed(1) + " s";
    };
    tick();
    state.timer = setInterval(tick, 100);
  }

  function stopRunning() {
    if (state.timer !== null) { clearInterval(state.timer); state.timer = null; }
    $("running").hidden = true;
    $("run").disabled = false;
  }

  function cancel() {
    if (!state.controller) { return; }
    state.controller.abort();
    state.controller = null;
    state.seq++;  // whatever the aborted run answers is ignored
    stopRunning();
    var report = $("report");
    report.setAttribute("data-state", report.children.length ? "cancelled" : "empty");
    markStale("Cancelled.");
    setStatus("cancelled (the server may finish the computation, but its answer is dropped)");
  }

  function run() {
    var seq = ++state.seq;
    var report = $("report");
    if (state.controller) { state.controller.abort(); }
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    state.controller = controller;
    report.setAttribute("data-state", "running");
    setStatus("running…");
    var started = Date.now();
    startRunning(started);
    return api("/api/report", request(), controller && controller.signal).then(function (res) {
      if (seq !== state.seq) { return; }  // a newer run has started, or this one was cancelled
      state.controller = null;
      stopRunning();
      showProblems([]);
      showNotices(res.notices);
      $("stale").hidden = true;
      report.classList.remove("stale");
      state.good = new Date().toLocaleTimeString();
      setShocks(res.data.scenario.shocks);
      var box = $("shocks").querySelectorAll("input[type=checkbox]");
      var applied = res.data.shocks.map(function (s) { return s.id; });
      for (var k = 0; k < box.length; k++) { box[k].checked = applied.indexOf(box[k].value) >= 0; }
      report.innerHTML = res.body;
      var n = drawFigures(report);
      report.setAttribute("data-shocks", applied.join(","));
      report.setAttribute("data-state", "ready");
      setStatus("done in " + ((Date.now() - started) / 1000).toFixed(1) + " s (" + n + " figures)" +
        (res.notices && res.notices.length ? "; see the notice" : ""));
    }).catch(function (err) {
      if (seq !== state.seq) { return; }
      state.controller = null;
      stopRunning();
      report.setAttribute("data-state", "error");
      if (err.data && err.data.problems) { showProblems(err.data.problems); }
      markStale("The last run failed: " + err.message + ".");
      setStatus(err.message, true);
    });
  }

  function loadBuiltin() {
    var name = $("builtin").value;
    if (!name) { return Promise.resolve(); }
    setStatus("loading " + name + "…");
    return api("/api/scenarios/" + encodeURIComponent(name)).then(function (res) {
      setEditor(res.text, "yaml", name + ".yaml");
      setShocks([]);
      setShocks(res.summary.shocks);
      return run();
    }).catch(function (err) { setStatus(err.message, true); });
  }

  function upload(event) {
    var file = event.target.files && event.target.files[0];
    if (!file) { return; }
    if (file.size > 1000000) { setStatus("the file is larger than 1 MB", true); return; }
    var reader = new FileReader();
    reader.onload = function () {
      // As the server reads uploads: .json as JSON, tables (.csv, .tsv, .txt) as CSV, else YAML.
      var format = /\.json$/i.test(file.name) ? "json"
        : /\.(csv|tsv|txt)$/i.test(file.name) ? "csv" : "yaml";
      setEditor(String(reader.result), format, file.name);
      checkAndRun(file.name + " has problems (see the list)");
    };
    reader.readAsText(file);
  }

  // Validate the editor's text; when valid, show its shocks and run it.
  function checkAndRun(problemText) {
    var body = { text: $("editor").value, format: state.format };
    if (state.filename) { body.filename = state.filename; }
    return api("/api/validate", body).then(function (res) {
      showProblems(res.problems);
      if (res.valid) {
        setShocks([]);
        setShocks(res.summary.shocks);
        return run();
      }
      markStale(problemText + ".");
      setStatus(problemText, true);
    }).catch(function (err) { setStatus(err.message, true); });
  }

  function openRun(id) {
    setStatus("opening run " + id + "…");
    return api("/api/runs/" + encodeURIComponent(id)).then(function (res) {
      setEditor(res.text, res.format, "run-" + res.id + "." + res.format);
      return checkAndRun("the recorded scenario has problems (see the list)");
    }).catch(function (err) { setStatus(err.message, true); });
  }

  function loadHistory() {
    return api("/api/runs?limit=10").then(function (res) {
      var list = $("history");
      if (!res.runs.length) { return; }
      list.textContent = "";
      res.runs.forEach(function (r) {
        var li = document.createElement("li");
        var b = document.createElement("button");
        b.type = "button";
        b.className = "history-run";
        b.textContent = "#" + r.id + " " + r.command + " · " + r.source + " · " +
          r.created.replace("T", " ").slice(0, 16);
        b.addEventListener("click", function () { openRun(r.id); });
        li.appendChild(b);
        list.appendChild(li);
      });
    }).catch(function () { /* the history is optional: a store that cannot be read is skipped */ });
  }

  function save() {
    setStatus("writing the report…");
    var body = request();
    body.sections = null;
    fetch("/api/report.html", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    }).then(function (r) {
      if (!r.ok) { throw new Error("HTTP " + r.status); }
      return r.blob();
    }).then(function (blob) {
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "report.html";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setStatus("report saved");
    }).catch(function (err) { setStatus(err.message, true); });
  }

  // The address can preset the form: /?scenario=NAME&runs=N&seed=S (a link to a view, or a
  // quick page with few runs). Values that are not whole numbers >= 0 are ignored.
  function presetFromAddress() {
    var params = new URLSearchParams(window.location.search);
    ["runs", "seed"].forEach(function (key) {
      var value = params.get(key);
      if (value !== null && /^[0-9]+$/.test(value)) { $(key).value = String(parseInt(value, 10)); }
    });
    return params.get("scenario");
  }

  function init() {
    var wanted = presetFromAddress();
    $("load").addEventListener("click", loadBuiltin);
    $("builtin").addEventListener("change", loadBuiltin);
    $("run").addEventListener("click", run);
    $("save").addEventListener("click", save);
    $("upload").addEventListener("change", upload);
    $("cancel").addEventListener("click", cancel);
    $("editor").addEventListener("input", updateGutter);
    $("editor").addEventListener("scroll", function () { $("gutter").scrollTop = $("editor").scrollTop; });
    updateGutter();
    loadHistory();
    api("/api/scenarios").then(function (res) {
      var select = $("builtin");
      res.scenarios.forEach(function (s) {
        var opt = document.createElement("option");
        opt.value = s.name;
        opt.textContent = s.name + " — " + s.title;
        select.appendChild(opt);
        if (s.name === wanted) { select.value = s.name; }
      });
      if (wanted && select.value !== wanted) {
        var missing = "no built-in scenario named " + wanted + "; showing " + select.value;
        return loadBuiltin().then(function () { setStatus(missing, true); });
      }
      return loadBuiltin();
    }).catch(function (err) { setStatus(err.message, true); });
  }

  document.addEventListener("DOMContentLoaded", init);
})();
