// `factdesk` command-line entry point (dist/cli.js). See cli/help.ts for usage.
import { main } from './cli/main';

process.exitCode = main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  cwd: process.cwd(),
});
