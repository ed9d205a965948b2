import type { Plan, Task } from '../model/plan.js';

/**
 * The whole plan as one plain document: the stable interface for other tools. Every optional field
 * is present (null or [] when empty) so consumers need no guesswork.
 */
export function exportPlan(plan: Plan) {
  return {
    plan: {
      title: plan.title,
      issuer: plan.issuer,
      issued: plan.issued,
      countFrom: plan.countFrom,
      period: plan.period,
      seasons: plan.seasons.map((s) => ({ name: s.name, from: s.from ?? null, to: s.to ?? null })),
      timezone: plan.timezone,
      calendar: plan.calendar.map((day) => ({ date: day.date, holiday: day.holiday ?? null, workday: day.workday ?? null })),
      notes: plan.notes,
    },
    domains: plan.domains.map((d) => ({
      id: d.id,
      title: d.title,
      goals: d.goals.map((g) => ({ section: g.section ?? null, title: g.title ?? null, text: g.text })),
      targets: d.targets.map(exportTarget),
      tasks: d.tasks.map(exportTask),
    })),
    enterprises: plan.enterprises.map((e) => ({
      id: e.id,
      name: e.name,
      industry: e.industry,
      status: e.status,
      expires: e.expires ?? null,
      certifiedOn: e.certified_on ?? null,
      town: e.town ?? null,
      notes: e.notes ?? [],
    })),
    towns: plan.towns.map((t) => ({
      name: t.name,
      targetTotal: t.target_total,
      targetAboveScale: t.target_above_scale,
      progress: (t.progress ?? []).map((p) => ({ date: p.date, achievedTotal: p.achieved_total, achievedAboveScale: p.achieved_above_scale ?? null })),
    })),
    people: plan.people.map((p) => ({ name: p.name, unit: p.unit ?? null, roles: p.roles ?? [] })),
    units: [...plan.units, ...plan.combinedUnits].map((u) => ({ name: u.name, kind: u.kind ?? null, aliases: u.aliases ?? [], members: u.members ?? [] })),
  };
}

function exportTask(task: Task) {
  return {
    id: task.id,
    title: task.title,
    section: task.section ?? null,
    number: task.number ?? null,
    text: task.text,
    within: task.within ?? null,
    before: task.before ?? null,
    after: task.after ?? null,
    owners: task.owners,
    leaders: task.leaders,
    units: task.unitsWritten,
    unitsMeant: task.units,
    due: task.due,
    dueStated: task.dueStated,
    milestones: (task.milestones ?? []).map((m) => ({ id: m.id, title: m.title, due: m.due, completed: m.completed ?? null, notes: m.notes ?? [] })),
    recurrence: task.recurrence
      ? {
          every: task.recurrence.every,
          byDay: task.recurrence.by_day ?? null,
          times: task.recurrence.times ?? null,
          minimum: task.recurrence.minimum ? { count: task.recurrence.minimum.count, per: task.recurrence.minimum.per ?? task.recurrence.every } : null,
          within: task.recurrence.within ?? null,
          // A season named by `within` is plan.yaml's: its dates are exported there, not here.
          season: task.recurrence.season && task.recurrence.within === undefined ? { name: task.recurrence.season.name, from: task.recurrence.season.from ?? null, until: task.recurrence.season.until ?? null } : null,
          // Period keys are data, written exactly as in the file: a Map keeps them from being renamed.
          done: new Map(Object.entries(task.recurrence.done ?? {})),
        }
      : null,
    targets: (task.targets ?? []).map(exportTarget),
    status: task.status,
    started: task.started ?? null,
    completed: task.completed ?? null,
    carried_from: task.carried_from ?? null,
    history: (task.history ?? []).map((c) => ({ date: c.date, status: c.status, reason: c.reason ?? null })),
    notes: task.notes ?? [],
  };
}

function exportTarget(target: NonNullable<Task['targets']>[number]) {
  return {
    id: target.id,
    title: target.title,
    metric: target.metric ?? null,
    direction: target.direction,
    value: target.value ?? null,
    unit: target.unit ?? null,
    baseline: target.baseline ?? null,
    sameAs: target.same_as ?? null,
    perUnit: target.per_unit ?? null,
    actuals: (target.actuals ?? []).map((a) => ({ date: a.date, for: a.for ?? null, value: a.value, note: a.note ?? null })),
  };
}
