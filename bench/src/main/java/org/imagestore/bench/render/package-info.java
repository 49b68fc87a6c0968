/**
 * The render benchmark: thumbnails of a 12-megapixel JPEG rendered in-process by the store's engine, timed per
 * render and for throughput on all cores. {@code bench/render.sh} runs it beside libvips' {@code vipsthumbnail}.
 */
package org.imagestore.bench.render;
