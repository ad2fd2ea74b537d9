#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import type { CheckOptions } from './cli/check.js';
import type { GenerateCommandOptions } from './cli/generate.js';
import type { MergeOptions } from './cli/merge.js';
import { EXIT, UsageError } from './cli/terminal.js';
import { limitsFromEnvironment } from './parse/limits.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** What `generate` and `check` share: one catalog with its outputs, or the config. */
function withProjectOptions(command: Command): Command {
  return command
    .argument('[catalog]', 'catalog file (YAML or JSON); omit to use the config')
    .option('-o, --out <dir>', 'the output folder (with a catalog argument)')
    .option('--openapi <version>', 'OpenAPI version: 3.1, 3.0 or 2.0 (with a catalog argument)')
    .option('--format <format>', 'yaml or json (with a catalog argument)')
    .option('-c, --config <file>', 'the config file (default: errcat.config.yaml here)');
}

function program(): Command {
  const cli = new Command('errcat')
    .description('Compile an API error catalog into OpenAPI components, TypeScript and an error reference.')
    .version(version)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showSuggestionAfterError(true);
  cli
    .command('lint')
    .description('Check catalogs and report every problem with its file:line:col.')
    .argument('<catalog...>', 'catalog files (YAML or JSON)')
    .option('--json', 'print a machine-readable report on stdout')
    .option('-q, --quiet', 'print diagnostics only, no summary')
    .action(async (files: string[], options: { json?: boolean; quiet?: boolean }) => {
      // Commands load on demand: lint never pays for ts-morph.
      const { lintCommand } = await import('./cli/lint.js');
      process.exitCode = await lintCommand(files, options);
    });
  withProjectOptions(
    cli
      .command('generate')
      .description('Compile catalogs into OpenAPI components, TypeScript and a Markdown reference: one catalog with --out, or every catalog of errcat.config.yaml.'),
  )
    .option('-w, --watch', 'regenerate whenever a catalog, the config or a template changes')
    .option('--force', 'write outputs that are read-only too (their mode is kept)')
    .option('--json', 'print a machine-readable report on stdout')
    .option('-q, --quiet', 'print nothing on success')
    .action(async (file: string | undefined, options: GenerateCommandOptions) => {
      const { generateCommand } = await import('./cli/generate.js');
      process.exitCode = await generateCommand(file, options);
    });
  withProjectOptions(cli.command('check').description('Regenerate in memory and fail when a generated file is stale or missing.'))
    .option('--json', 'print a machine-readable report on stdout')
    .action(async (file: string | undefined, options: CheckOptions) => {
      const { checkCommand } = await import('./cli/check.js');
      process.exitCode = await checkCommand(file, options);
    });
  cli
    .command('merge')
    .description("Put a catalog's error components into an existing OpenAPI spec and reference them from its operations, keeping everything else byte for byte.")
    .argument('<catalog>', 'catalog file')
    .requiredOption('-s, --spec <file>', 'the OpenAPI 3.1, 3.0 or Swagger 2.0 spec (YAML or JSON)')
    .option('-o, --out <file>', 'write here instead of editing the spec in place; - for stdout')
    .option('--no-validate', 'skip reading the merged spec back and validating it with swagger-parser')
    .option('--force', 'write the spec even if it is read-only (its mode is kept)')
    .option('-q, --quiet', 'print nothing on success')
    .action(async (file: string, options: MergeOptions) => {
      const { mergeCommand } = await import('./cli/merge.js');
      process.exitCode = await mergeCommand(file, options);
    });
  cli
    .command('init')
    .description('Write a starter catalog and config that lint clean.')
    .option('--dir <dir>', 'where to write them', '.')
    .action(async (options: { dir?: string }) => {
      const { initCommand } = await import('./cli/init.js');
      process.exitCode = await initCommand(options);
    });
  return cli;
}

async function main(argv: readonly string[]): Promise<void> {
  try {
    // Limits raised by the environment (ERRCAT_MAX_*): a value that is not a number is a usage error.
    for (const kind of ['catalog', 'spec'] as const) {
      try {
        limitsFromEnvironment(kind);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
    }
    await program().parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; everything else commander rejects is a usage error.
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    process.stderr.write(`errcat: internal error, please report it with the catalog that caused it:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.internal;
  }
}

await main(process.argv);
