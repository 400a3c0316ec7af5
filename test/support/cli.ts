import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = join(ROOT, 'bin', 'alumni.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  /** Written to stdin, then closed; without it stdin is closed at once (not a terminal). */
  input?: string | Buffer;
  /** startCli only: stdin left open, for the test to write to and end (a command kept reading). */
  keepStdinOpen?: boolean;
  cwd?: string;
  timeoutMs?: number;
  /** Extra node flags before the script (e.g. --import a hook). */
  nodeArgs?: string[];
}

/** Starts the built `alumni` with a controlled environment (only PATH and HOME pass). */
export function startCli(args: string[], options: CliOptions = {}): ChildProcess {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' };
  for (const [key, value] of Object.entries(options.env ?? {})) if (value !== undefined) env[key] = value;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // A command may stop reading its input early (a password past its limit): that
  // write's EPIPE is the command's choice, not the test's failure.
  child.stdin!.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  if (options.input !== undefined) child.stdin!.end(options.input);
  else if (!options.keepStdinOpen) child.stdin!.end();
  return child;
}

/** Runs the built `alumni` to completion: exit code, stdout and stderr. */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return finished(startCli(args, options), options.timeoutMs ?? 50_000);
}

export function finished(child: ChildProcess, timeoutMs = 50_000): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`alumni did not finish within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr });
    });
  });
}
