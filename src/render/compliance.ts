import type { ComplianceReport } from '../compute/compliance.js';
import type { Rate } from '../compute/items.js';
import { formatRate, formatTargetFigure, formatTargetGoal, formatTargetTitle } from './format.js';
import { wrapLines } from './fit.js';
import { headerLines, widthOf, type TextOptions } from './status.js';
import { renderTable } from './table.js';
import { visible } from './text.js';

const BAR_WIDTH = 10;

/** A ten-cell bar of a rate, capped at full; empty when there is nothing to measure. */
export function bar(rate: Rate): string {
  if (rate.value === null) return '';
  const filled = Math.round(Math.min(1, rate.value) * BAR_WIDTH);
  return '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
}

/** `plan compliance` as text: on-time rates, standardization by town and industry, plan targets. */
export function renderComplianceText(report: ComplianceReport, options: TextOptions): string {
  const { msg, colors: c, width } = options;
  const out = [...headerLines(report, msg, c)];
  out.push(c.bold(msg.complianceOnTime), msg.onTimeLine(formatRate(report.overall, msg)), '');
  out.push(
    renderTable(
      [{ header: msg.col.domain, flex: true }, { header: msg.col.onTime, align: 'right' }, { header: '' }],
      report.domains.map((d) => [visible(`${d.id} ${d.title}`), formatRate(d.onTime, msg), bar(d.onTime)]),
      width,
    ),
    '',
  );
  out.push(
    renderTable(
      [{ header: msg.col.name, flex: true }, { header: msg.col.kind }, { header: msg.col.onTime, align: 'right' }, { header: '' }],
      report.owners.map((o) => [o.kind === 'unassigned' ? msg.unassigned : visible(o.name), msg.kind[o.kind]!, formatRate(o.onTime, msg), bar(o.onTime)]),
      width,
    ),
    '',
  );

  out.push(c.bold(msg.complianceTowns));
  out.push(
    renderTable(
      [
        { header: msg.col.town, flex: true },
        { header: msg.col.target, align: 'right' },
        { header: msg.col.achieved, align: 'right' },
        { header: msg.col.progress, align: 'right' },
        { header: '' },
        { header: msg.col.aboveScale, align: 'right' },
        { header: msg.col.asOfDate },
      ],
      report.towns.towns.map((t) => [
        visible(t.name),
        t.targetTotal === null ? msg.noTarget : String(t.targetTotal),
        t.achievedTotal === null ? msg.none : String(t.achievedTotal),
        t.targetTotal === null ? '' : formatRate(t.total, msg),
        t.targetTotal === null ? '' : bar(t.total),
        t.targetAboveScale === null ? '' : `${t.achievedAboveScale ?? msg.none}/${t.targetAboveScale}`,
        t.reportedOn ?? msg.notReported,
      ]),
      width,
    ),
  );
  const t = report.towns;
  out.push(msg.townsLine(formatRate(t.total, msg), formatRate(t.aboveScale, msg)), msg.townsGaps(t.withoutTarget, t.withoutReport), '');

  out.push(c.bold(msg.complianceRoster));
  out.push(
    renderTable(
      [
        { header: msg.col.industry, flex: true },
        { header: msg.col.total, align: 'right' },
        { header: msg.col.notStarted, align: 'right' },
        { header: msg.col.applying, align: 'right' },
        { header: msg.col.certified, align: 'right' },
        { header: msg.col.expired, align: 'right' },
        { header: msg.col.progress, align: 'right' },
      ],
      [...report.roster.industries, { ...report.roster.all, industry: msg.col.total }].map((r) => [
        visible(r.industry),
        String(r.total),
        String(r.counts.not_started),
        String(r.counts.applying),
        String(r.counts.certified),
        r.counts.expired > 0 ? c.red(String(r.counts.expired)) : '0',
        formatRate(r.certified, msg),
      ]),
      width,
    ),
  );
  for (const e of report.roster.expiringSoon) out.push(c.yellow(msg.expiringSoon(e.id, visible(e.name), e.expires)));
  out.push('', c.bold(msg.targetsHeading));
  const n = report.targetCounts;
  out.push(msg.targetsLine(n.met, n.missed, n.inProgress, n.noFigure));
  if (n.shared > 0) out.push(msg.targetsShared(n.shared));
  out.push(
    renderTable(
      [{ header: msg.col.id }, { header: msg.col.title, flex: true }, { header: msg.col.target, flex: true }, { header: msg.col.figure, flex: true }, { header: msg.col.state }],
      report.targets.map((x) => [
        x.id,
        formatTargetTitle(x, msg),
        visible(formatTargetGoal(x, msg)),
        formatTargetFigure(x, msg),
        x.state === 'met' ? c.green(msg.targetState.met!) : x.state === 'missed' ? c.red(msg.targetState.missed!) : msg.targetState[x.state]!,
      ]),
      width,
    ),
  );
  if (report.targets.some((x) => x.state === 'no_figure')) out.push(msg.noFigureHint);
  return wrapLines(out.join('\n'), widthOf(width)) + '\n';
}
