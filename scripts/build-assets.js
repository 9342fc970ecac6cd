// Compiles our Sass (GOV.UK Frontend with our own font stack) to public/build/app.css and copies the
// GOV.UK Frontend JavaScript module beside it. Run by `npm start` and `npm test`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
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
