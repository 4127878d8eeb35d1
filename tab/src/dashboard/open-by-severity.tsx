import { loadSeverityCounts } from './dashboard-data';
import { DataTile } from './data-tile';
import { SeverityTiles } from './severity-tiles';

/** Open tickets counted per severity; each count links to the filtered list. */
export function OpenBySeverity() {
  return (
    <DataTile
      id="ouverts-par-gravite"
      title="Tickets ouverts par gravité"
      load={loadSeverityCounts}
      loading="Comptage des tickets ouverts…"
      failed="Comptage des tickets indisponible."
    >
      {(counts) => <SeverityTiles counts={counts} />}
    </DataTile>
  );
}
