import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { type EChartsCoreOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'preact/hooks';

// ECharts, only the pieces the console draws (tree-shaken by Vite; this module is loaded with the
// analytics page only). The SVG renderer keeps text as text: crisp at any zoom, and readable by tests.
use([
  BarChart,
  LineChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

export type ChartOption = EChartsCoreOption;

/**
 * One chart in a figure with a visible caption. ECharts' aria option puts `description` (the numbers in
 * words) on the drawing for screen readers; the page also shows the same numbers in a table.
 */
export function Chart(props: {
  title: string;
  /** What the chart shows, in words, for screen readers (the aria-label of the drawing). */
  description: string;
  option: ChartOption;
  height?: number;
  id: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);

  useEffect(() => {
    const instance = init(container.current!, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(container.current!);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        aria: { enabled: true, decal: { show: false }, label: { description: props.description } },
        title: { text: props.title, show: false },
        animation: false,
        tooltip: { trigger: 'axis', confine: true },
        legend: { top: 0 },
        grid: { left: 8, right: 28, top: 36, bottom: 8, containLabel: true },
        ...props.option,
      },
      true,
    );
  }, [props.option, props.title, props.description]);

  return (
    <figure class="chart" aria-labelledby={`${props.id}-caption`}>
      <figcaption id={`${props.id}-caption`}>{props.title}</figcaption>
      <div
        class="chart-canvas"
        ref={container}
        data-chart={props.id}
        // ECharts writes the description as this element's aria-label; the image role has it read out.
        role="img"
        style={{ height: `${props.height ?? 280}px` }}
      />
    </figure>
  );
}

export interface DescribedSeries {
  name: string;
  values: ReadonlyArray<number | null>;
  format?: (value: number) => string;
}

/**
 * The numbers of a chart in words: "Received: google 3, facebook 2." per series. Over time (`skipZero`)
 * only the categories with a value are named, "none on the other days" covering the rest.
 */
export function describeChart(
  title: string,
  categories: readonly string[],
  series: readonly DescribedSeries[],
  skipZero = false,
): string {
  const parts = series.map((s) => {
    const format = s.format ?? ((v: number) => v.toLocaleString('en-US'));
    const items = categories
      .map((category, i) => [category, s.values[i]] as const)
      .filter(([, value]) => value !== null && value !== undefined && (!skipZero || value !== 0))
      .map(([category, value]) => `${category} ${format(value as number)}`);
    if (items.length === 0) return `${s.name}: none.`;
    const rest = skipZero && items.length < categories.length ? '; none on the other days' : '';
    return `${s.name}: ${items.join(', ')}${rest}.`;
  });
  return `${title}. ${parts.join(' ')}`;
}
