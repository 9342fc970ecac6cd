/** Server-rendered, accessible SVG charts for the results page (pure functions returning markup). */
export { BLACK, WHITE, contrastRatio, relativeLuminance, textColourOn } from './contrast.js';
export { escapeXml } from './escape-xml.js';
export { HEAT_MAP_PALETTE, LEVEL_NAMES, heatMap, paletteStep, type HeatMapOptions } from './heat-map.js';
export {
  DOT_STYLES,
  dotPlot,
  dotPlotLayout,
  dotPlotSummary,
  type DotPlotGeometry,
  type DotPlotOptions,
  type DotPlotRow,
} from './dot-plot.js';
export { SIDE_LABELS, indicatorHeatMap, principleDotPlot, type ChartText } from './results-charts.js';
export { MAX_SERIES, SERIES_STYLES, type SeriesStyle } from './series-styles.js';
