/** Server-rendered, accessible SVG charts for the results page (pure functions returning markup). */
export { BLACK, WHITE, contrastRatio, relativeLuminance, textColourOn } from './contrast.js';
export { escapeXml } from './escape-xml.js';
export { HEAT_MAP_PALETTE, LEVEL_NAMES, heatMap, paletteStep, type HeatMapOptions } from './heat-map.js';
export { radarChart, type RadarChartOptions, type RadarSeries } from './radar-chart.js';
export { SIDE_LABELS, indicatorHeatMap, principleRadar, type ChartText } from './results-charts.js';
export { MAX_SERIES, SERIES_STYLES, type SeriesStyle } from './series-styles.js';
