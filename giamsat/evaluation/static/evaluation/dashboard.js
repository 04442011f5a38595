// Charts of the dashboard and the public page, drawn by Plotly (served from the
// installed plotly package). Each chart reads its data from a <script type="application/json">
// named by data-chart; numbers use the Vietnamese separators (1.234,5).
(function () {
  "use strict";
  const LAYOUT = {
    separators: ",.", margin: { l: 60, r: 20, t: 10, b: 40 }, hovermode: "x unified",
    legend: { orientation: "h", y: -0.18 }, font: { family: "Noto Sans, DejaVu Sans, Arial, sans-serif", size: 13 },
    xaxis: { tickformat: "%m/%Y", hoverformat: "%d/%m/%Y" }, yaxis: { tickformat: ",~r", hoverformat: ",.1f", zeroline: false },
  };
  const CONFIG = { displaylogo: false, responsive: true, locale: "vi",
    modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d", "toggleSpikelines"] };

  function traces(data) {
    const list = [{ ...data.values, name: data.labels.values, mode: "lines+markers", line: { color: "#0b4f8a", width: 2 }, marker: { size: 5 } }];
    if (data.trajectory && data.trajectory.x.length) {
      list.push({ ...data.trajectory, name: data.labels.trajectory, mode: "lines", line: { color: "#4f5d6b", dash: "dash", width: 1.5 } });
    }
    if (data.forecast) {
      list.push({ ...data.forecast, name: data.labels.forecast, mode: "lines", line: { color: "#6b2a8a", dash: "dot", width: 2 } });
    }
    if (data.target) {
      list.push({ ...data.target, name: data.labels.target, mode: "markers", marker: { symbol: "star", size: 14, color: "#a51d1d" } });
    }
    return list;
  }

  function draw(root) {
    if (!window.Plotly) return;
    root.querySelectorAll("[data-chart]").forEach((el) => {
      const source = document.getElementById(el.dataset.chart);
      if (!source || el.dataset.drawn) return;
      const data = JSON.parse(source.textContent);
      const layout = { ...LAYOUT, yaxis: { ...LAYOUT.yaxis, title: { text: data.unit } } };
      window.Plotly.newPlot(el, traces(data), layout, CONFIG);
      el.dataset.drawn = "1";
    });
  }

  document.addEventListener("DOMContentLoaded", () => draw(document));
  document.addEventListener("htmx:afterSwap", (event) => {
    const target = event.detail.target;
    if (target && target.id === "kpi-detail") {
      target.hidden = false;
      target.scrollIntoView({ behavior: "smooth", block: "start" });
    }
    draw(target || document);
  });
  document.addEventListener("click", (event) => {
    if (event.target.closest("[data-close-detail]")) {
      const panel = document.getElementById("kpi-detail");
      panel.hidden = true;
      panel.innerHTML = "";
    }
  });
})();
