// The `adrift` command-line tool: a thin shell over src/core.

function main(argv: string[]): number {
  process.stderr.write(`adrift: unknown command ${argv[0] ?? ''}\n`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
