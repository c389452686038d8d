// What a chart kind is: everything that differs between kinds (marks, size, legend, hover text, summary, table
// view), so renderChart, the pages, the embed and the file exports ask the kind instead of naming it.
import type * as Plot from '@observablehq/plot';
import type { Unit } from '../format.ts';
import type { Lang } from '../i18n.ts';
import type { Point } from '../series.ts';

/** One series with its colour, in legend order. */
export interface SeriesColor {
  key: string;
  label: string;
  color: string;
}

/** What a kind draws from: the points, their colours and the reader's formatting. */
export interface DrawInput {
  /** Every point, with missing values. */
  points: Point[];
  /** The points with a value: one hover mark each, in this order. */
  valued: Point[];
  colors: SeriesColor[];
  unit: Unit;
  lang: Lang;
  /** Marked with a dashed rule on time charts. */
  refYear?: number;
  width: number;
  height: number;
  /** Hover text of a value. */
  title: (d: Point) => string;
  /** Axis tick text of a value. */
  valueTick: (d: number) => string;
}

/** A table cell holding one value (the tests and the island read data-x, data-key and data-value). */
export interface TableCell {
  text: string;
  x?: number;
  key?: string;
  /** Present on value cells: the exact value, '' when missing. */
  value?: number | '';
}

export interface TableView {
  caption: string;
  columns: { label: string; num: boolean; key?: string }[];
  rows: { head: string; partial: boolean; cells: TableCell[] }[];
}

export interface TableInput {
  title: string;
  unit: Unit;
  lang: Lang;
  points: Point[];
}

export interface ChartKindSpec {
  /** Every value's hover text names its series, even when the chart has one series. */
  namesSeries: boolean;
  /** Series are told apart by a legend (pages, embed, standalone file). */
  legend: boolean;
  /** The summary ranks the latest period, and there is no change since the reference year. */
  ranking: boolean;
  /** Height of the drawing in px for these points, `height` being the requested or default height. */
  height(points: Point[], height: number): number;
  /** Observable Plot marks and options; one element per valued point in the mark with HIT_CLASS. */
  draw(d: DrawInput): { marks: Plot.Markish[]; options: Plot.PlotOptions };
  /** The table view under the chart. */
  table(i: TableInput): TableView;
}
