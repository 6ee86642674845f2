// Installs VS Code's server from the npm package code-server into the cache, once per
// version: VS Code itself cannot be downloaded on an offline machine or in CI, but the npm
// registry is reachable, and code-server carries a complete VS Code (server + workbench).
// The install is guarded by a lock (parallel runs) and a completion marker (an interrupted
// install is redone, never half-used).
//
// It needs no system library headers: code-server is installed without its scripts, then
// VS Code's own dependencies are installed by code-server's postinstall.sh after the
// `kerberos` package is taken out of them. kerberos is a native addon that needs libkrb5-dev
// to build, and VS Code only imports it lazily, for a proxy that asks for Kerberos
// (Negotiate) authentication, which no test uses. The remaining native addons (node-pty,
// spdlog, watcher) need only Node's headers, python3, make and g++.

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
// GitHub. Seeding its download cache with Debian's rg keeps the install offline (the
// prerequisites check of scripts/test.mjs makes sure rg is there).
function seedRipgrepCache(tmpDir: string): void {
  const rg = which('rg');
  if (!rg) {
    throw new Error('ripgrep (rg) is not on PATH; VS Code\'s search needs it and its npm package cannot download it offline: run `apt-get install ripgrep` as root');
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

interface PackageManifest {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}

interface Shrinkwrap {
  packages?: Record<string, PackageManifest>;
  [key: string]: unknown;
}

const droppedDependencies = ['kerberos'];

function withoutDropped(manifest: PackageManifest): PackageManifest {
  const copy: PackageManifest = { ...manifest };
  for (const field of ['dependencies', 'optionalDependencies'] as const) {
    const deps = manifest[field];
    if (!deps) continue;
    copy[field] = Object.fromEntries(Object.entries(deps).filter(([name]) => !droppedDependencies.includes(name)));
  }
  return copy;
}

/**
 * VS Code's package.json and npm-shrinkwrap.json without `kerberos` (see the top of this
 * file). Packages only kerberos needed become extraneous and npm leaves them out.
 */
export function withoutKerberos(manifest: PackageManifest, shrinkwrap: Shrinkwrap): { manifest: PackageManifest; shrinkwrap: Shrinkwrap } {
  const packages: Record<string, PackageManifest> = {};
  for (const [location, entry] of Object.entries(shrinkwrap.packages ?? {})) {
    if (droppedDependencies.some((name) => location === `node_modules/${name}` || location.startsWith(`node_modules/${name}/`))) continue;
    packages[location] = location === '' ? withoutDropped(entry) : entry;
  }
  return { manifest: withoutDropped(manifest), shrinkwrap: { ...shrinkwrap, packages } };
}

function dropKerberos(vscodeDir: string): void {
  const manifestPath = path.join(vscodeDir, 'package.json');
  const shrinkwrapPath = path.join(vscodeDir, 'npm-shrinkwrap.json');
  const patched = withoutKerberos(
    JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as PackageManifest,
    JSON.parse(fs.readFileSync(shrinkwrapPath, 'utf8')) as Shrinkwrap,
  );
  fs.writeFileSync(manifestPath, `${JSON.stringify(patched.manifest, null, 2)}\n`);
  fs.writeFileSync(shrinkwrapPath, `${JSON.stringify(patched.shrinkwrap, null, 2)}\n`);
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
    const tmpDir = path.join(cacheRoot, 'install-tmp');
    fs.mkdirSync(tmpDir, { recursive: true });
    seedRipgrepCache(tmpDir);
    fs.rmSync(root, { recursive: true, force: true });
    fs.mkdirSync(root, { recursive: true });
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'adrift-vscode-server', private: true }, null, 2));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`,
      TMPDIR: tmpDir,
      // code-server's postinstall refuses to run as root without this.
      npm_config_unsafe_perm: 'true',
      // node-pty's postinstall runs `npx node-gyp`, which aborts without a yes.
      npm_config_yes: 'true',
      // Native addons are built locally; node-gyp must use local headers, not download them.
      npm_config_nodedir: options.nodeDir ?? headersFolder(node),
    };
    // 1. code-server itself, without running any script: its postinstall would install VS
    //    Code's dependencies including kerberos, and argon2 (code-server's password hashing,
    //    unused: the harness runs VS Code's server-main.js directly) would be built.
    await runToCompletion('npm', ['install', `code-server@${codeServerVersion}`, '--ignore-scripts', '--no-audit', '--no-fund', '--no-save', '--loglevel=error'], {
      cwd: root,
      label: `npm install code-server@${codeServerVersion} --ignore-scripts`,
      timeoutMs: installTimeoutMs,
      env,
    });
    const codeServerDir = path.join(root, 'node_modules', 'code-server');
    dropKerberos(path.join(codeServerDir, 'lib', 'vscode'));
    // 2. code-server's own postinstall: checks the Node version from npm's user agent, runs
    //    `npm install --omit=dev` in lib/vscode (native builds, ripgrep) and makes its links.
    const nodeVersion = execFileSync(node, ['-p', 'process.version'], { encoding: 'utf8' }).trim();
    const npmVersion = execFileSync('npm', ['--version'], { encoding: 'utf8', env }).trim();
    await runToCompletion('sh', ['./postinstall.sh'], {
      cwd: codeServerDir,
      label: `code-server ${codeServerVersion} postinstall.sh`,
      timeoutMs: installTimeoutMs,
      env: { ...env, npm_config_user_agent: `npm/${npmVersion} node/${nodeVersion} ${process.platform} ${process.arch}`, npm_config_loglevel: 'error' },
    });

    const serverMain = path.join(root, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
    const versionOutput = execFileSync(node, [serverMain, '--version'], { encoding: 'utf8', timeout: 60_000 });
    const vscodeVersion = versionOutput.split('\n')[0]?.trim() ?? '';
    if (!/^\d+\.\d+\.\d+/.test(vscodeVersion)) throw new Error(`Unexpected output of server-main.js --version: ${versionOutput}`);
    const bundledRg = path.join(codeServerDir, 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
    if (!fs.existsSync(bundledRg)) throw new Error(`VS Code's ripgrep is missing after the install (${bundledRg})`);
    const marker: Marker = { codeServerVersion, vscodeVersion, node };
    fs.writeFileSync(markerPath, JSON.stringify(marker, null, 2));
    console.log(`[harness] installed VS Code ${vscodeVersion} (code-server ${codeServerVersion}) in ${Math.round((Date.now() - started) / 1000)} s`);
    return describe(root, marker);
  });
}
