// Draw every figure of the report from the JSON blocks next to its placeholder.
(function () {
  "use strict";
  function draw() {
    var blocks = document.querySelectorAll('script[type="application/json"][data-figure]');
    for (var k = 0; k < blocks.length; k++) {
      var block = blocks[k];
      var target = document.getElementById(block.getAttribute("data-figure"));
      if (!target || typeof Plotly === "undefined") { continue; }
      var fig = JSON.parse(block.textContent);
      var layout = fig.layout || {};
      // A figure laid out at a fixed size (the escalation tree) keeps it; the page scrolls.
      Plotly.newPlot(target, fig.data || [], layout,
        { responsive: !layout.width, displaylogo: false });
      target.setAttribute("data-drawn", "true");
    }
    document.body.setAttribute("data-figures-drawn", String(blocks.length));
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
