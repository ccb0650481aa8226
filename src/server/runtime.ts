/**
 * How every process of Jiugai runs V8 (the server, the command line, and the benchmark processes
 * that measure them): imported first by each entry point.
 *
 * When collections are cheap, V8 lets the old generation grow to about four times the live data
 * before collecting it: a 500k-row household import, with about 130 MB live, peaked at over 500 MB
 * of heap. Growth of at most 1.5× keeps that peak near 200 MB at about the same speed (`npm run
 * bench -- import`). V8 reads the setting each time it sets the next limit, so setting it here,
 * before the work starts, takes effect.
 */
import v8 from 'node:v8';

v8.setFlagsFromString('--heap-growing-percent=50');
