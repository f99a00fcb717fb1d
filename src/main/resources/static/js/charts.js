// Trend charts: a canvas with data-chart="trend" and its data in attributes (the CSP allows no inline scripts).
// data-labels and data-values are JSON arrays; data-target (optional) draws the target as a dashed line;
// data-compact (optional) leaves out the legend and the dates, for a small chart in a table cell;
// data-counts (optional) starts the axis at zero with whole numbers only.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('canvas[data-chart="trend"]').forEach(function (canvas) {
    var labels = JSON.parse(canvas.dataset.labels || '[]');
    var values = JSON.parse(canvas.dataset.values || '[]');
    var datasets = [{
      label: canvas.dataset.label || 'Value',
      data: values,
      borderColor: '#1f3b57',
      backgroundColor: '#1f3b57',
      tension: 0.2,
      pointRadius: 4
    }];
    if (canvas.dataset.target) {
      var target = Number(canvas.dataset.target);
      datasets.push({
        label: 'Target',
        data: labels.map(function () { return target; }),
        borderColor: '#dc3545',
        borderDash: [6, 4],
        pointRadius: 0,
        fill: false
      });
    }
    new Chart(canvas, {
      type: 'line',
      data: { labels: labels, datasets: datasets },
      options: { responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: !canvas.dataset.compact, position: 'bottom' } },
        scales: Object.assign(canvas.dataset.compact ? { x: { display: false } } : {},
          canvas.dataset.counts ? { y: { beginAtZero: true, ticks: { precision: 0 } } } : {}) }
    });
    canvas.dataset.rendered = 'true';
  });
});

// Bar charts: a canvas with data-chart="bars", data-labels and data-values (JSON arrays) and data-links (JSON array of
// the page each bar counts); a click on a bar opens its page. The same links are listed under the chart for keyboards.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('canvas[data-chart="bars"]').forEach(function (canvas) {
    var labels = JSON.parse(canvas.dataset.labels || '[]');
    var values = JSON.parse(canvas.dataset.values || '[]');
    var links = JSON.parse(canvas.dataset.links || '[]');
    new Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: canvas.dataset.label || 'Count', data: values, backgroundColor: '#1f3b57' }] },
      options: { indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: false } },
        // A long label is shortened on the axis; the tooltip and the links under the chart give it whole.
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } },
          // A long label wraps onto lines of about 22 characters (Chart.js draws an array as lines), never cut.
          y: { ticks: { autoSkip: false, callback: function (value) {
            var words = String(this.getLabelForValue(value)).split(' ');
            var lines = [''];
            words.forEach(function (word) {
              if (lines[lines.length - 1].length + word.length > 22 && lines[lines.length - 1] !== '') { lines.push(''); }
              lines[lines.length - 1] = (lines[lines.length - 1] + ' ' + word).trim();
            });
            return lines;
          } } } },
        onHover: function (event, elements) { event.native.target.style.cursor = elements.length ? 'pointer' : 'default'; },
        onClick: function (event, elements) {
          if (elements.length && links[elements[0].index]) { window.location.href = links[elements[0].index]; }
        } }
    });
    canvas.dataset.rendered = 'true';
  });
});
