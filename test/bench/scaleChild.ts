/** bench:scale's child: the CLI's main() in a process of its own, then its peak RSS and CPU time on stderr. */
import { main } from '../../src/cli/main.ts';

const code = await main(process.argv.slice(2), { out: () => undefined, err: (t) => process.stderr.write(`${t}\n`) });
const usage = process.resourceUsage();
process.stderr.write(`PEAK_RSS_KB ${usage.maxRSS} CPU_US ${usage.userCPUTime + usage.systemCPUTime}\n`);
process.exit(code);
