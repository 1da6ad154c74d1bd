// Reads a .cpuprofile written by `node --cpu-prof` and sums self time per function, counting only
// samples taken inside the core `check` call. Functions are named with the source module they
// come from in the bundle (esbuild marks each module with a `// path` comment).
import { readFileSync } from 'node:fs';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

export interface HotFunction {
  name: string;
  /** Source module (from the bundle's module markers) and line in the bundle, or "(native)". */
  where: string;
  selfMs: number;
  /** Share of the time spent inside check. */
  pct: number;
}

export interface ProfileSummary {
  totalMs: number;
  inCheckMs: number;
  top: HotFunction[];
  /** Self time inside check summed per source module. */
  modules: Array<{ module: string; selfMs: number; pct: number }>;
}

/** Line (0-based) -> the module esbuild put there, from `// server/src/...ts` markers. */
function moduleMap(bundleFile: string): (line: number) => string {
  const marks: Array<[number, string]> = [];
  readFileSync(bundleFile, 'utf8').split('\n').forEach((l, i) => {
    const m = /^\/\/ ((?:server|bench|node_modules)\/\S+\.(?:ts|js|mjs|cjs|json|yaml))$/.exec(l);
    if (m) marks.push([i, m[1]!]);
  });
  return (line) => {
    let lo = 0, hi = marks.length - 1, found = '?';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid]![0] <= line) { found = marks[mid]![1]; lo = mid + 1; } else hi = mid - 1;
    }
    return found.replace(/^server\/src\//, '');
  };
}

export function summarizeProfile(profileFile: string, bundleFile: string, top = 12): ProfileSummary {
  const p = JSON.parse(readFileSync(profileFile, 'utf8')) as CpuProfile;
  const moduleAt = moduleMap(bundleFile);
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of p.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const isCheck = (n: ProfileNode) => n.callFrame.functionName === 'check' && n.callFrame.url.endsWith('profile-child.mjs');
  const inCheck = new Map<number, boolean>();
  const under = (id: number): boolean => {
    const known = inCheck.get(id);
    if (known !== undefined) return known;
    const n = byId.get(id)!;
    const up = parent.get(id);
    const v = isCheck(n) || (up !== undefined && under(up));
    inCheck.set(id, v);
    return v;
  };
  // Sample i lasts until sample i + 1 (DevTools' convention); the last one until endTime.
  const stamps: number[] = [];
  let t = p.startTime;
  for (const d of p.timeDeltas) { t += d; stamps.push(t); }
  const self = new Map<string, { name: string; where: string; us: number }>();
  const modules = new Map<string, number>();
  let inside = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const id = p.samples[i]!;
    const dur = (i + 1 < stamps.length ? stamps[i + 1]! : p.endTime) - stamps[i]!;
    if (!under(id)) continue;
    inside += dur;
    const cf = byId.get(id)!.callFrame;
    const bundled = cf.url.endsWith('.mjs') && cf.url.includes('.cache/bench');
    const module = bundled ? moduleAt(cf.lineNumber) : cf.url ? cf.url.replace(/^.*node_modules\//, '') : '(native)';
    const where = bundled ? `${module} (bundle line ${cf.lineNumber + 1})` : module;
    const name = cf.functionName || '(anonymous)';
    const key = `${name}@${where}`;
    const e = self.get(key) ?? { name, where, us: 0 };
    e.us += dur;
    self.set(key, e);
    modules.set(module, (modules.get(module) ?? 0) + dur);
  }
  const pct = (us: number) => (inside ? (100 * us) / inside : 0);
  return {
    totalMs: (p.endTime - p.startTime) / 1000,
    inCheckMs: inside / 1000,
    top: [...self.values()].sort((a, b) => b.us - a.us).slice(0, top)
      .map((e) => ({ name: e.name, where: e.where, selfMs: e.us / 1000, pct: pct(e.us) })),
    modules: [...modules.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8)
      .map(([module, us]) => ({ module, selfMs: us / 1000, pct: pct(us) })),
  };
}
