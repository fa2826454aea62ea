// Draws the bar charts of the demand analysis page with ECharts. Each chart element carries its data as JSON in
// data-chart ({categories: [...], series: [{name, values}]}), and a table after it shows the same figures.
(function () {
    'use strict';

    function draw(element) {
        var data = JSON.parse(element.getAttribute('data-chart'));
        if (data.categories.length === 0) {
            element.hidden = true;
            return;
        }
        var chart = echarts.init(element, null, {renderer: 'canvas'});
        chart.setOption({
            animation: false,
            tooltip: {trigger: 'axis'},
            legend: {top: 0},
            grid: {left: 48, right: 16, top: 48, bottom: 64, containLabel: true},
            xAxis: {type: 'category', data: data.categories, axisLabel: {interval: 0, rotate: data.categories.length > 4 ? 30 : 0}},
            yAxis: {type: 'value', minInterval: 1},
            series: data.series.map(function (series) {
                return {name: series.name, type: 'bar', barMaxWidth: 48, data: series.values};
            })
        });
        window.addEventListener('resize', function () {
            chart.resize();
        });
    }

    document.querySelectorAll('.demand-chart[data-chart]').forEach(draw);
})();
