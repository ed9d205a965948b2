// Runs the CLI exactly as bin/plan.js does, then reports the process's peak memory on stderr
// for the benchmark to read.
import { run } from '../dist/cli.js';

process.exitCode = await run(process.argv.slice(2));
process.on('exit', () => process.stderr.write(`PLAN_MAX_RSS_MB=${(process.resourceUsage().maxRSS / 1024).toFixed(1)}\n`));
