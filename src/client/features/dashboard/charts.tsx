// The dashboard's charts (Apache ECharts, only the parts used, loaded with this file): units' lead measures
// stacked by light, the status share, completion by week. Their numbers stand in the tables beside them.
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { statuses } from '#shared/model/status.ts';
import { type Dashboard, lightColour, warningLights } from '#shared/report/index.ts';
import { useT } from '#client/context/ledger-context.tsx';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

// Stronger than the cells' fills, so that bars read on white.
const barColour: Readonly<Record<string, string>> = { red: '#d93025', yellow: '#f9ab00', green: '#188038' };

function Chart({ option, label, testId, height }: { option: echarts.EChartsCoreOption; label: string; testId: string; height: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return undefined;
    const instance = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={ref} className="chart" role="img" aria-label={label} data-testid={testId} style={{ height }} />;
}

export function Charts({ dashboard: d }: { dashboard: Dashboard }) {
  const t = useT();
  const units = d.departments.filter((u) => u.lead.measures.count > 0).slice(0, 30);
  const byUnit: echarts.EChartsCoreOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: units.map((u) => u.name) },
    series: warningLights.map((l) => ({ type: 'bar', stack: 'light', name: t(`light.${l}`), itemStyle: { color: barColour[l] ?? lightColour(l) }, data: units.map((u) => u.lead.byLight[l].count) })),
  };
  const share: echarts.EChartsCoreOption = {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: statuses.map((s) => ({ name: t(`status.${s}`), value: d.byStatus[s].count })).filter((x) => x.value > 0) }],
  };
  const trend: echarts.EChartsCoreOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: d.trend.map((p) => p.week) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [{ type: 'line', name: t('dashboard.completion'), data: d.trend.map((p) => (p.rate === null ? null : Math.round(p.rate * 1000) / 10)) }],
  };
  return (
    <div className="charts">
      <figure>
        <figcaption>{t('dashboard.statusShare')}</figcaption>
        <Chart option={share} label={t('dashboard.statusShare')} testId="chart-status" height={240} />
      </figure>
      <figure>
        <figcaption>{t('dashboard.trend')}</figcaption>
        <Chart option={trend} label={t('dashboard.trend')} testId="chart-trend" height={240} />
      </figure>
      <figure className="charts__wide">
        <figcaption>{t('dashboard.byDepartmentChart')}</figcaption>
        <Chart option={byUnit} label={t('dashboard.byDepartmentChart')} testId="chart-units" height={Math.max(200, units.length * 22 + 40)} />
      </figure>
    </div>
  );
}
