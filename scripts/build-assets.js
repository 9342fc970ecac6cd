// Compiles our Sass (GOV.UK Frontend with our own font stack) to public/build/app.css and copies the
// GOV.UK Frontend JavaScript module beside it. Run by `npm run build` (and so by `npm start` when the styles
// changed) and `npm test`; it records the stamp of the sources it was built from (scripts/build-stamp.js).
import fs from 'node:fs';
import path from 'node:path';
import * as sass from 'sass';
import { parts, root, sourceStamp } from './build-stamp.js';

const stamp = sourceStamp(parts.styles);
const out = path.join(root, 'public', 'build');
fs.mkdirSync(out, { recursive: true });

const result = sass.compile(path.join(root, 'src/web/styles/app.scss'), {
  importers: [new sass.NodePackageImporter(root)],
  style: 'compressed',
  quietDeps: true,
});
if (/GDS Transport/.test(result.css)) throw new Error('The compiled CSS still refers to GDS Transport');
fs.writeFileSync(path.join(out, 'app.css'), result.css);

const frontendJs = path.join(root, 'node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js');
fs.copyFileSync(frontendJs, path.join(out, 'govuk-frontend.min.js'));
console.log(`Built public/build/app.css (${Math.round(result.css.length / 1024)} kB)`);

// Leaflet and its marker clustering for the needs map, served from our own origin (the CSP allows no other).
const leafletOut = path.join(out, 'leaflet');
fs.mkdirSync(path.join(leafletOut, 'images'), { recursive: true });
const leafletDist = path.join(root, 'node_modules/leaflet/dist');
const clusterDist = path.join(root, 'node_modules/leaflet.markercluster/dist');
for (const file of ['leaflet.js', 'leaflet.css'])
  fs.copyFileSync(path.join(leafletDist, file), path.join(leafletOut, file));
for (const file of fs.readdirSync(path.join(leafletDist, 'images')))
  fs.copyFileSync(path.join(leafletDist, 'images', file), path.join(leafletOut, 'images', file));
for (const file of ['leaflet.markercluster.js', 'MarkerCluster.css', 'MarkerCluster.Default.css'])
  fs.copyFileSync(path.join(clusterDist, file), path.join(leafletOut, file));
console.log('Copied Leaflet and Leaflet.markercluster to public/build/leaflet');
fs.writeFileSync(parts.styles.stampFile, `${stamp}\n`);
