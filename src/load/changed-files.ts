import { execFileSync } from 'node:child_process';

/**
 * Paths (relative to `cwd`, with forward slashes) of the files that differ from git ref `ref`:
 * committed since, changed in the work tree, or new and not ignored. Throws with git's own
 * message when `ref` is unknown or `cwd` is not in a repository.
 */
export function changedFilesSince(ref: string, cwd: string): Set<string> {
  const git = (args: string[]) =>
    execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 })
      .split('\0')
      .filter(Boolean);
  // "--" ends the options: a ref that starts with "-" is still read as a ref and refused by git.
  const changed = git(['diff', '--name-only', '--relative', '-z', '--end-of-options', ref, '--']);
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z']);
  return new Set([...changed, ...untracked]);
}
