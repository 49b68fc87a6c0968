#!/usr/bin/env node
// The warm-process libvips peer of bench/run: 320-px JPEG thumbnails made by sharp (libvips inside one Node.js
// process that stays up), so that libvips is compared with the store's engine without a process start per photo.
// It measures what the store's own render benchmarks measure:
//
//   one photo (bench/render.sh, beside RenderBenchmark): warm-up, then the time of each render with one in flight
//     (median, p90, min), then thumbnails/s with --threads renders in flight at once
//       node bench/sharp/thumbnails.js --input PHOTO.jpg [--width 320] [--warmup 40] [--iterations 100] [--threads 2]
//   a folder (bench/run, beside FirstRenderBenchmark and vipsthumbnail): every *.jpg once, --concurrency at a time,
//     after 3 untimed renders (libraries loaded, page cache warm)
//       node bench/sharp/thumbnails.js --photos DIR [--concurrency 1] [--out DIR] [--width 320]
//
// Both print key=value lines. Settings that keep the comparison fair: libvips' operation cache off (a repeated
// render of the same file must not be served from memory), one libvips thread per image (sharp.concurrency(1):
// "one in flight" uses one core, as the store's single-threaded render does), EXIF orientation applied, JPEG q85
// (the store's and bench/run's vipsthumbnail setting), the source read from its file for every render.
// --quality changes q; --modules DIR says where sharp is installed (default: bench/target/sharp, see install.sh).
'use strict';

const fs = require('node:fs');
const path = require('node:path');

function options(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || i + 1 >= argv.length) {
      throw new Error(`expected --name value pairs, got ${argv.join(' ')}`);
    }
    out[argv[i].slice(2)] = argv[i + 1];
  }
  return out;
}

const opts = options(process.argv.slice(2));
const int = (name, fallback) => (opts[name] === undefined ? fallback : Number.parseInt(opts[name], 10));
const width = int('width', 320);
const quality = int('quality', 85);
const modules = path.resolve(opts.modules || path.join(__dirname, '..', 'target', 'sharp'));
let sharp;
try {
  sharp = require(require.resolve('sharp', { paths: [modules] }));
} catch (e) {
  console.error(`thumbnails.js: sharp is not installed under ${modules} (run bench/sharp/install.sh): ${e.message}`);
  process.exit(2);
}
sharp.cache(false);
sharp.concurrency(1);

const print = (key, value) => console.log(`${key}=${value}`);
const ms = (nanos) => Number(nanos) / 1e6;
const fixed = (n, digits = 1) => n.toFixed(digits);
function percentile(sorted, p) { // nearest rank, as the Java benchmarks do
  if (sorted.length === 0) return 0;
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))];
}

function thumbnail(file) {
  return sharp(file).autoOrient().resize({ width }).jpeg({ quality }).toBuffer({ resolveWithObject: true });
}

async function timed(file) {
  const start = process.hrtime.bigint();
  const result = await thumbnail(file);
  return { took: ms(process.hrtime.bigint() - start), result };
}

function printVersions() {
  print('sharp', sharp.versions.sharp);
  print('libvips', sharp.versions.vips);
  print('vips_threads_per_image', sharp.concurrency());
  print('spec', `w=${width} jpeg q=${quality}, EXIF orientation applied, operation cache off`);
}

async function onePhoto(input) {
  const warmup = int('warmup', 40);
  const iterations = int('iterations', 100);
  const threads = int('threads', 2);
  const meta = await sharp(input).metadata();
  print('input', input);
  print('source', `${meta.width}x${meta.height} ${meta.format}${meta.isProgressive ? ' progressive' : ''}, ${fs.statSync(input).size} bytes`);
  printVersions();

  let sample;
  for (let i = 0; i < warmup; i++) sample = await thumbnail(input);
  print('output', `${sample.info.width}x${sample.info.height}, ${sample.info.size} bytes`);

  const times = [];
  for (let i = 0; i < iterations; i++) times.push((await timed(input)).took);
  times.sort((a, b) => a - b);
  print('ms_median', fixed(percentile(times, 50)));
  print('ms_p90', fixed(percentile(times, 90)));
  print('ms_min', fixed(times[0]));

  // thumbnails/s with `threads` renders in flight: as many renders as RenderBenchmark makes (iterations x threads)
  let left = iterations * threads;
  const start = process.hrtime.bigint();
  const worker = async () => { while (left-- > 0) await thumbnail(input); };
  await Promise.all(Array.from({ length: threads }, worker));
  const seconds = ms(process.hrtime.bigint() - start) / 1000;
  print('threads', threads);
  print('thumbnails_per_s', fixed((iterations * threads) / seconds));
}

async function folder(dir) {
  const concurrency = int('concurrency', 1);
  const out = opts.out ? path.resolve(opts.out) : null;
  if (out) fs.mkdirSync(out, { recursive: true });
  const files = fs.readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.jpg')).sort()
    .map((n) => path.join(dir, n)).filter((f) => fs.statSync(f).isFile());
  if (files.length === 0) throw new Error(`no *.jpg photos in ${dir}`);
  printVersions();

  for (const f of files.slice(0, 3)) await thumbnail(f); // libraries loaded, page cache warm: not timed

  const times = [];
  const errors = [];
  let bytes = 0;
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < files.length; i = next++) {
      try {
        const { took, result } = await timed(files[i]);
        times.push(took);
        bytes += result.info.size;
        if (out) fs.writeFileSync(path.join(out, `${path.basename(files[i], path.extname(files[i]))}.jpg`), result.data);
      } catch (e) {
        errors.push(`${files[i]}: ${e.message}`);
      }
    }
  };
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = ms(process.hrtime.bigint() - start) / 1000;
  times.sort((a, b) => a - b);

  print('label', opts.label || `sharp-${concurrency}`);
  print('concurrency', concurrency);
  print('count', files.length);
  print('rendered', times.length);
  print('errors', errors.length);
  print('seconds', fixed(seconds, 2));
  print('per_s', fixed(times.length / seconds));
  print('ms_mean', fixed(times.reduce((a, b) => a + b, 0) / Math.max(1, times.length)));
  print('ms_p50', fixed(percentile(times, 50)));
  print('ms_p99', fixed(percentile(times, 99)));
  print('bytes_mean', Math.round(bytes / Math.max(1, times.length)));
  errors.slice(0, 5).forEach((e) => console.error(`render failed: ${e}`));
  if (errors.length > 0) process.exit(3);
}

(async () => {
  if (opts.input) await onePhoto(path.resolve(opts.input));
  else if (opts.photos) await folder(path.resolve(opts.photos));
  else throw new Error('usage: thumbnails.js --input PHOTO.jpg [...] | --photos DIR [...] (see the head of this file)');
})().catch((e) => {
  console.error(`thumbnails.js: ${e.stack || e}`);
  process.exit(1);
});
