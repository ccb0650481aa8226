// `npm run dev`: the API server restarting on change (port 3000) and Vite's hot-reloading dev
// server (port 5173, proxying /api to the API server). Ctrl-C stops both.
import { spawn } from 'node:child_process';
import path from 'node:path';

const run = (args, env = {}) =>
  spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });

const children = [
  run(['--import', 'tsx', '--watch', 'src/server/main.ts', 'serve'], { JIUGAI_WEB_DIR: 'dist/none' }),
  run([path.resolve('node_modules/vite/bin/vite.js')]),
];
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', stop);
