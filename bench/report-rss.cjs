// Preloaded into a benchmark run (`node -r ./bench/report-rss.cjs bin/plan.cjs ...`): reports the
// process's peak memory on stderr when it exits, for bench/run.mjs to read.
'use strict';
process.on('exit', () => process.stderr.write(`PLAN_MAX_RSS_MB=${(process.resourceUsage().maxRSS / 1024).toFixed(1)}\n`));
