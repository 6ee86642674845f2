// Installs VS Code's server from the npm package code-server into the cache, once per
// version: VS Code itself cannot be downloaded on an offline machine or in CI, but the npm
// registry is reachable, and code-server carries a complete VS Code (server + workbench).
// The install is guarded by a lock (parallel runs) and a completion marker (an interrupted
// install is redone, never half-used).

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { withFileLock } from './lock';
import { cacheRoot, defaultCodeServerVersion } from './paths';
import { runToCompletion } from './processes';

export interface VSCodeServerInstall {
  codeServerVersion: string;
  /** The VS Code version inside, e.g. 1.100.3. */
  vscodeVersion: string;
  /** lib/vscode/out/server-main.js: VS Code's own server entry point. */
  serverMain: string;
  /** The Node that runs the server (code-server's engines decide which). */
  node: string;
  root: string;
}

export interface InstallOptions {
  codeServerVersion?: string;
  /** Node binary for the server and for the native builds; default: the Node running the harness. */
  node?: string;
  /** Folder with include/node headers for node-gyp; default: derived from `node`. */
  nodeDir?: string;
}

interface Marker {
  codeServerVersion: string;
  vscodeVersion: string;
  node: string;
}

const installTimeoutMs = 20 * 60_000;

function headersFolder(node: string): string {
  // Debian's nodejs keeps its headers in /usr/include/node; a Node from npm next to bin/.
  const prefix = path.resolve(path.dirname(node), '..');
  if (fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'))) return prefix;
  return '/usr';
}

function which(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

// code-server 4.100.x pins @vscode/ripgrep 1.15.11, whose postinstall downloads rg from
// GitHub. Seeding its download cache with Debian's rg keeps the install offline.
function seedRipgrepCache(tmpDir: string): void {
  const rg = which('rg');
  if (!rg) {
    console.log('[harness] ripgrep not on PATH: @vscode/ripgrep will try to download it (apt-get install ripgrep avoids that)');
    return;
  }
  const cache = path.join(tmpDir, 'vscode-ripgrep-cache-1.15.11');
  const archive = path.join(cache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (fs.existsSync(archive)) return;
  const staging = path.join(cache, 'staging');
  fs.mkdirSync(staging, { recursive: true });
  fs.copyFileSync(rg, path.join(staging, 'rg'));
  execFileSync('tar', ['czf', archive, '-C', staging, 'rg']);
  fs.rmSync(staging, { recursive: true, force: true });
}

function readMarker(markerPath: string): Marker | undefined {
  try {
    return JSON.parse(fs.readFileSync(markerPath, 'utf8')) as Marker;
  } catch {
    return undefined;
  }
}

function describe(root: string, marker: Marker): VSCodeServerInstall {
  return {
    codeServerVersion: marker.codeServerVersion,
    vscodeVersion: marker.vscodeVersion,
    serverMain: path.join(root, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js'),
    node: marker.node,
    root,
  };
}

export async function ensureVSCodeServer(options: InstallOptions = {}): Promise<VSCodeServerInstall> {
  const codeServerVersion = options.codeServerVersion ?? defaultCodeServerVersion;
  const node = options.node ?? process.execPath;
  const root = path.join(cacheRoot, `code-server-${codeServerVersion}`);
  const markerPath = path.join(root, 'installed.json');
  const ready = readMarker(markerPath);
  if (ready && ready.node === node) return describe(root, ready);

  fs.mkdirSync(cacheRoot, { recursive: true });
  return withFileLock(`${root}.lock`, installTimeoutMs, async () => {
    const again = readMarker(markerPath);
    if (again && again.node === node) return describe(root, again);

    console.log(`[harness] installing code-server ${codeServerVersion} from npm into ${root} (once; about a minute)`);
    const started = Date.now();
    fs.rmSync(root, { recursive: true, force: true });
    fs.mkdirSync(root, { recursive: true });
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'adrift-vscode-server', private: true }, null, 2));
    const tmpDir = path.join(cacheRoot, 'install-tmp');
    fs.mkdirSync(tmpDir, { recursive: true });
    seedRipgrepCache(tmpDir);

    await runToCompletion('npm', ['install', `code-server@${codeServerVersion}`, '--no-audit', '--no-fund', '--no-save', '--loglevel=error'], {
      cwd: root,
      label: `npm install code-server@${codeServerVersion}`,
      timeoutMs: installTimeoutMs,
      env: {
        ...process.env,
        PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`,
        TMPDIR: tmpDir,
        // code-server's postinstall refuses to run as root without this.
        npm_config_unsafe_perm: 'true',
        // node-pty's postinstall runs `npx node-gyp`, which aborts without a yes.
        npm_config_yes: 'true',
        // Native addons are built locally; node-gyp must use local headers, not download them.
        npm_config_nodedir: options.nodeDir ?? headersFolder(node),
      },
    });

    const serverMain = path.join(root, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
    const versionOutput = execFileSync(node, [serverMain, '--version'], { encoding: 'utf8', timeout: 60_000 });
    const vscodeVersion = versionOutput.split('\n')[0]?.trim() ?? '';
    if (!/^\d+\.\d+\.\d+/.test(vscodeVersion)) throw new Error(`Unexpected output of server-main.js --version: ${versionOutput}`);
    const marker: Marker = { codeServerVersion, vscodeVersion, node };
    fs.writeFileSync(markerPath, JSON.stringify(marker, null, 2));
    console.log(`[harness] installed VS Code ${vscodeVersion} (code-server ${codeServerVersion}) in ${Math.round((Date.now() - started) / 1000)} s`);
    return describe(root, marker);
  });
}
