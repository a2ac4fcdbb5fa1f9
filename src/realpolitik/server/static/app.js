// The dashboard page: choose or paste a scenario, toggle shocks, rerun, redraw the report.
// Text from scenarios is only ever put in the page with textContent; the report's HTML comes
// from the server, which escapes every scenario text (realpolitik.report.render_body).
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var state = { format: "yaml", seq: 0 };

  function setStatus(text, isError) {
    var el = $("status");
    el.textContent = text;
    el.className = isError ? "error" : "";
  }

  function api(path, body) {
    var init = body === undefined ? {} : {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    };
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

  function showProblems(problems) {
    var list = $("problems");
    list.textContent = "";
    (problems || []).forEach(function (p) {
      var li = document.createElement("li");
      li.textContent = p.text || ((p.where ? p.where + ": " : "") + p.message);
      list.appendChild(li);
    });
    list.hidden = !problems || problems.length === 0;
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
    return {
      scenario: { text: $("editor").value, format: state.format },
      shocks: checkedShocks(),
      n_runs: Math.max(0, Math.min(1000, parseInt($("runs").value, 10) || 0)),
      seed: Math.max(0, parseInt($("seed").value, 10) || 0),
      sections: sections
    };
  }

  function run() {
    var seq = ++state.seq;
    var report = $("report");
    report.setAttribute("data-state", "running");
    setStatus("running…");
    var started = Date.now();
    return api("/api/report", request()).then(function (res) {
      if (seq !== state.seq) { return; }  // a newer run has started
      showProblems([]);
      setShocks(res.data.scenario.shocks);
      var box = $("shocks").querySelectorAll("input[type=checkbox]");
      var applied = res.data.shocks.map(function (s) { return s.id; });
      for (var k = 0; k < box.length; k++) { box[k].checked = applied.indexOf(box[k].value) >= 0; }
      report.innerHTML = res.body;
      var n = drawFigures(report);
      report.setAttribute("data-shocks", applied.join(","));
      report.setAttribute("data-state", "ready");
      setStatus("done in " + ((Date.now() - started) / 1000).toFixed(1) + " s (" + n + " figures)");
    }).catch(function (err) {
      if (seq !== state.seq) { return; }
      report.setAttribute("data-state", "error");
      if (err.data && err.data.problems) { showProblems(err.data.problems); }
      setStatus(err.message, true);
    });
  }

  function loadBuiltin() {
    var name = $("builtin").value;
    if (!name) { return Promise.resolve(); }
    setStatus("loading " + name + "…");
    return api("/api/scenarios/" + encodeURIComponent(name)).then(function (res) {
      $("editor").value = res.text;
      state.format = "yaml";
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
      $("editor").value = String(reader.result);
      // As the server reads uploads: .json as JSON, tables (.csv, .tsv, .txt) as CSV, else YAML.
      state.format = /\.json$/i.test(file.name) ? "json"
        : /\.(csv|tsv|txt)$/i.test(file.name) ? "csv" : "yaml";
      checkAndRun("the file has problems (see the list)");
    };
    reader.readAsText(file);
  }

  // Validate the editor's text; when valid, show its shocks and run it.
  function checkAndRun(problemText) {
    return api("/api/validate", { text: $("editor").value, format: state.format }).then(function (res) {
      showProblems(res.problems);
      if (res.valid) {
        setShocks([]);
        setShocks(res.summary.shocks);
        return run();
      }
      setStatus(problemText, true);
    }).catch(function (err) { setStatus(err.message, true); });
  }

  function openRun(id) {
    setStatus("opening run " + id + "…");
    return api("/api/runs/" + encodeURIComponent(id)).then(function (res) {
      $("editor").value = res.text;
      state.format = res.format;
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

  function init() {
    $("load").addEventListener("click", loadBuiltin);
    $("builtin").addEventListener("change", loadBuiltin);
    $("run").addEventListener("click", run);
    $("save").addEventListener("click", save);
    $("upload").addEventListener("change", upload);
    loadHistory();
    api("/api/scenarios").then(function (res) {
      var select = $("builtin");
      res.scenarios.forEach(function (s) {
        var opt = document.createElement("option");
        opt.value = s.name;
        opt.textContent = s.name + " — " + s.title;
        select.appendChild(opt);
      });
      return loadBuiltin();
    }).catch(function (err) { setStatus(err.message, true); });
  }

  document.addEventListener("DOMContentLoaded", init);
})();
