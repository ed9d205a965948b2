import type { LoadedFolder } from '../load/load-folder.js';
import type { PathSegment, SourceFile } from '../load/source-file.js';
import type { Plan, Task } from '../model/plan.js';
import { canonicalId } from '../input/ids.js';

/** GM-04 (a task), GM-04/m2 (a milestone of it), ZH-02@2022-Q2 (one occurrence of a recurring duty). */
export type Address =
  | { kind: 'task'; taskId: string }
  | { kind: 'milestone'; taskId: string; milestoneId: string }
  | { kind: 'occurrence'; taskId: string; key: string };

/** Any letter case is accepted (zh-02@2022-q2, GM-A04/M1), and weeks and months without their zero (@2022-W1); the address is always in its canonical form. */
export function parseAddress(text: string): Address | undefined {
  const match = /^([A-Za-z]{2,4}-[A-Za-z]?\d{2,3})(?:\/([mM]\d{1,2})|@(\d{4}(?:-[A-Za-z0-9]+)?))?$/.exec(canonicalId(text));
  if (!match) return undefined;
  const taskId = match[1]!.toUpperCase();
  if (match[2] !== undefined) return { kind: 'milestone', taskId, milestoneId: match[2].toLowerCase() };
  if (match[3] !== undefined) return { kind: 'occurrence', taskId, key: match[3].toUpperCase() };
  return { kind: 'task', taskId };
}

/** The address written the way the data and every message write it: GM-04, GM-04/m2, ZH-02@2022-Q2. */
export function addressText(address: Address): string {
  if (address.kind === 'milestone') return `${address.taskId}/${address.milestoneId}`;
  if (address.kind === 'occurrence') return `${address.taskId}@${address.key}`;
  return address.taskId;
}

export interface TaskLocation {
  file: SourceFile;
  /** Path of the task's mapping inside its file: ['tasks', index]. */
  path: PathSegment[];
  task: Task;
}

export function locateTask(plan: Plan, loaded: LoadedFolder, taskId: string): TaskLocation | undefined {
  for (const domain of plan.domains) {
    const index = domain.tasks.findIndex((t) => t.id === taskId);
    if (index < 0) continue;
    const file = loaded.files.find((f) => f.path === domain.file);
    if (file) return { file, path: ['tasks', index], task: domain.tasks[index]! };
  }
  return undefined;
}

/** Path of a target inside its domain file: a goal target or a task's target. */
export function locateTarget(plan: Plan, loaded: LoadedFolder, targetId: string): { file: SourceFile; path: PathSegment[] } | undefined {
  for (const domain of plan.domains) {
    const file = loaded.files.find((f) => f.path === domain.file);
    if (!file) continue;
    const goal = domain.targets.findIndex((t) => t.id === targetId);
    if (goal >= 0) return { file, path: ['targets', goal] };
    for (const [i, task] of domain.tasks.entries()) {
      const index = (task.targets ?? []).findIndex((t) => t.id === targetId);
      if (index >= 0) return { file, path: ['tasks', i, 'targets', index] };
    }
  }
  return undefined;
}

export function fileOfKind(loaded: LoadedFolder, kind: SourceFile['kind']): SourceFile | undefined {
  return loaded.files.find((f) => f.kind === kind);
}
