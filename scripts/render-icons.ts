// Renders resources/icon.svg into every icon the installers need: PNGs 16…1024 (resources/icons/NxN.png,
// the Linux set), resources/icon.png (1024), resources/icon.ico (Windows) and resources/icon.icns (macOS).
// Needs rsvg-convert (Debian: apt-get install librsvg2-bin). Run after editing the SVG: node scripts/render-icons.ts
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packIcns, packIco } from './icon-containers.ts';

const resources = new URL('../resources/', import.meta.url).pathname;
const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
mkdirSync(join(resources, 'icons'), { recursive: true });

const pngs = new Map<number, Buffer>();
for (const size of sizes) {
  const out = join(resources, 'icons', `${size}x${size}.png`);
  const result = spawnSync(
    'rsvg-convert',
    ['--width', String(size), '--height', String(size), '--output', out, join(resources, 'icon.svg')],
    { encoding: 'utf8' },
  );
  if (result.error || result.status !== 0) {
    console.error(
      `rsvg-convert could not render ${size}x${size}: ${result.error?.message ?? result.stderr}. Install it with: sudo apt-get install librsvg2-bin`,
    );
    process.exit(1);
  }
  pngs.set(size, readFileSync(out));
}
const png = (size: number): Buffer => {
  const data = pngs.get(size);
  if (!data) throw new Error(`no ${size}px rendering`);
  return data;
};

writeFileSync(join(resources, 'icon.png'), png(1024));
writeFileSync(
  join(resources, 'icon.ico'),
  packIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: png(size) }))),
);
writeFileSync(
  join(resources, 'icon.icns'),
  packIcns([
    { type: 'icp4', png: png(16) },
    { type: 'icp5', png: png(32) },
    { type: 'icp6', png: png(64) },
    { type: 'ic07', png: png(128) },
    { type: 'ic08', png: png(256) },
    { type: 'ic09', png: png(512) },
    { type: 'ic10', png: png(1024) },
    { type: 'ic11', png: png(32) },
    { type: 'ic12', png: png(64) },
    { type: 'ic13', png: png(256) },
    { type: 'ic14', png: png(512) },
  ]),
);
console.log(`Rendered ${sizes.length} PNG sizes, icon.png, icon.ico and icon.icns into resources/.`);
