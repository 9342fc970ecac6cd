/**
 * Places bucketed in a regular longitude/latitude grid, so a box query reads a few cells and allocates nothing:
 * at England's 33,755 areas and 20 themes a KD-tree's range query made 675,100 result arrays for the collector.
 * Callers loop over the rows and columns a box touches (`columnOf`, `rowOf`) and read each cell's places from
 * `ids`, between `start[cell]` and `start[cell + 1]`. A cell may hold places just outside the box: callers check
 * the distance themselves.
 */
export class PlaceGrid {
  /** Place ids ordered by cell. */
  readonly ids: Uint32Array;
  /** Where each cell's places begin in `ids`; one entry more than there are cells. */
  readonly start: Uint32Array;
  readonly columns: number;
  readonly rows: number;
  private readonly west: number;
  private readonly south: number;
  private readonly cellLongitude: number;
  private readonly cellLatitude: number;

  /** The most cells a grid has: when the places spread wider than this allows, the cells grow. */
  static readonly maxCells = 1 << 20;

  /**
   * `cellLongitude` and `cellLatitude`: the cell size wanted, in degrees (best about the size of the smallest box
   * that will be asked for).
   */
  constructor(
    longitudes: ArrayLike<number>,
    latitudes: ArrayLike<number>,
    cellLongitude: number,
    cellLatitude: number,
  ) {
    const count = longitudes.length;
    let west = Number.POSITIVE_INFINITY;
    let east = Number.NEGATIVE_INFINITY;
    let south = Number.POSITIVE_INFINITY;
    let north = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < count; i += 1) {
      const lng = longitudes[i] as number;
      const lat = latitudes[i] as number;
      if (lng < west) west = lng;
      if (lng > east) east = lng;
      if (lat < south) south = lat;
      if (lat > north) north = lat;
    }
    if (count === 0) west = east = south = north = 0;
    let width = Math.max(cellLongitude, 1e-9);
    let height = Math.max(cellLatitude, 1e-9);
    const span = (extent: number, cell: number) => Math.floor(extent / cell) + 1;
    while (span(east - west, width) * span(north - south, height) > PlaceGrid.maxCells) {
      width *= 2;
      height *= 2;
    }
    this.west = west;
    this.south = south;
    this.cellLongitude = width;
    this.cellLatitude = height;
    this.columns = span(east - west, width);
    this.rows = span(north - south, height);

    const cellOf = new Uint32Array(count);
    const start = new Uint32Array(this.columns * this.rows + 1);
    for (let i = 0; i < count; i += 1) {
      const cell = this.rowOf(latitudes[i] as number) * this.columns + this.columnOf(longitudes[i] as number);
      cellOf[i] = cell;
      start[cell + 1] = (start[cell + 1] as number) + 1;
    }
    for (let c = 1; c < start.length; c += 1) start[c] = (start[c] as number) + (start[c - 1] as number);
    const next = start.slice(0, -1);
    const ids = new Uint32Array(count);
    for (let i = 0; i < count; i += 1) {
      const cell = cellOf[i] as number;
      ids[next[cell] as number] = i;
      next[cell] = (next[cell] as number) + 1;
    }
    this.ids = ids;
    this.start = start;
  }

  /** Calls `visit` with every place in the cells the box touches (for paths where a closure costs nothing). */
  forEachIn(
    box: { minLongitude: number; minLatitude: number; maxLongitude: number; maxLatitude: number },
    visit: (id: number) => void,
  ): void {
    const west = this.columnOf(box.minLongitude);
    const east = this.columnOf(box.maxLongitude);
    const last = this.rowOf(box.maxLatitude);
    for (let row = this.rowOf(box.minLatitude); row <= last; row += 1) {
      const end = this.start[row * this.columns + east + 1] as number;
      for (let k = this.start[row * this.columns + west] as number; k < end; k += 1)
        visit(this.ids[k] as number);
    }
  }

  /** The column holding a longitude, clamped to the grid. */
  columnOf(longitude: number): number {
    const column = Math.floor((longitude - this.west) / this.cellLongitude);
    return column < 0 ? 0 : column >= this.columns ? this.columns - 1 : column;
  }

  /** The row holding a latitude, clamped to the grid. */
  rowOf(latitude: number): number {
    const row = Math.floor((latitude - this.south) / this.cellLatitude);
    return row < 0 ? 0 : row >= this.rows ? this.rows - 1 : row;
  }
}
