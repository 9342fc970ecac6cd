import { gapClasses, type GapCell, type GapClass } from './analysis-types.js';

/** One area and theme's figures as the analysis works them out; a local rank of 0 means no need score. */
export type GapCellFigures = Omit<GapCell, 'areaCode' | 'theme' | 'localRank' | 'localRankOutOf'> & {
  readonly localRank: number;
};

const classIndex = new Map<GapClass, number>(gapClasses.map((gapClass, index) => [gapClass, index]));
const orNull = (value: number) => (Number.isNaN(value) ? null : value);

/**
 * Every area and theme's gap figures in typed arrays, one column per figure, in area order and then theme order.
 * A national run has 675,100 cells: kept as objects, each with its boxed numbers, they cost the garbage collector
 * about a third of the analysis. Columns cost nothing to keep; `at` and `cells` build the objects pages read.
 */
export class GapCellColumns {
  readonly length: number;
  private readonly need: Float64Array;
  private readonly statisticsNeed: Float64Array;
  private readonly localNeed: Float64Array;
  private readonly localRank: Int32Array;
  private readonly localRankOutOf: Int32Array;
  private readonly provision: Float64Array;
  private readonly serviceCount: Int32Array;
  private readonly gapClass: Uint8Array;
  private readonly gapScore: Float64Array;
  private readonly nearestKm: Float64Array;
  private readonly nearestServiceId: (string | null)[];
  private built: readonly GapCell[] | undefined;

  constructor(
    private readonly areaCodes: readonly string[],
    private readonly themeIds: readonly string[],
  ) {
    const size = areaCodes.length * themeIds.length;
    this.length = size;
    this.need = new Float64Array(size);
    this.statisticsNeed = new Float64Array(size);
    this.localNeed = new Float64Array(size);
    this.localRank = new Int32Array(size);
    this.localRankOutOf = new Int32Array(themeIds.length);
    this.provision = new Float64Array(size);
    this.serviceCount = new Int32Array(size);
    this.gapClass = new Uint8Array(size);
    this.gapScore = new Float64Array(size);
    this.nearestKm = new Float64Array(size);
    this.nearestServiceId = new Array<string | null>(size).fill(null);
  }

  /** How many areas of the theme have a need score (the "out of" of its local ranks). */
  setRankedAreas(themeIndex: number, outOf: number): void {
    this.localRankOutOf[themeIndex] = outOf;
  }

  set(areaIndex: number, themeIndex: number, figures: GapCellFigures): void {
    const i = areaIndex * this.themeIds.length + themeIndex;
    this.need[i] = figures.need ?? Number.NaN;
    this.statisticsNeed[i] = figures.statisticsNeed ?? Number.NaN;
    this.localNeed[i] = figures.localNeed ?? Number.NaN;
    this.localRank[i] = figures.localRank;
    this.provision[i] = figures.provision;
    this.serviceCount[i] = figures.serviceCount;
    this.gapClass[i] = classIndex.get(figures.gapClass) ?? 0;
    this.gapScore[i] = figures.gapScore;
    this.nearestKm[i] = figures.nearestKm ?? Number.NaN;
    this.nearestServiceId[i] = figures.nearestServiceId;
  }

  /** The cell at a position (area order, then theme order), as the object pages read. */
  at(index: number): GapCell {
    const themeIndex = index % this.themeIds.length;
    return {
      areaCode: this.areaCodes[(index - themeIndex) / this.themeIds.length] as string,
      theme: this.themeIds[themeIndex] as string,
      need: orNull(this.need[index] as number),
      statisticsNeed: orNull(this.statisticsNeed[index] as number),
      localNeed: orNull(this.localNeed[index] as number),
      localRank: this.localRank[index] || null,
      localRankOutOf: this.localRankOutOf[themeIndex] as number,
      provision: this.provision[index] as number,
      serviceCount: this.serviceCount[index] as number,
      gapClass: gapClasses[this.gapClass[index] as number] as GapClass,
      gapScore: this.gapScore[index] as number,
      nearestKm: orNull(this.nearestKm[index] as number),
      nearestServiceId: this.nearestServiceId[index] ?? null,
    };
  }

  /** Every cell as objects, built once on first read. */
  cells(): readonly GapCell[] {
    if (!this.built) {
      const cells = new Array<GapCell>(this.length);
      for (let i = 0; i < this.length; i += 1) cells[i] = this.at(i);
      this.built = cells;
    }
    return this.built;
  }
}
