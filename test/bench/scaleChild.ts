/** bench:scale's child: the CLI's main() in a process of its own, then its peak RSS on stderr. */
import { main } from '../../src/cli/main.ts';

const code = await main(process.argv.slice(2), { out: () => undefined, err: (t) => process.stderr.write(`${t}\n`) });
process.stderr.write(`PEAK_RSS_KB ${process.resourceUsage().maxRSS}\n`);
process.exit(code);
