#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import type { CheckOptions } from './cli/check.js';
import type { DiffOptions } from './cli/diff.js';
import type { ImportOptions } from './cli/import.js';
import type { GenerateCommandOptions } from './cli/generate.js';
import type { LintOptions } from './cli/lint.js';
import type { MergeOptions } from './cli/merge.js';
import { ERRCAT_VERSION, EXIT, UsageError } from './cli/terminal.js';
import { limitsFromEnvironment } from './parse/limits.js';

/** `--out <path>`, with `--output` as another name for it (joined in the preAction hook). */
function withOut(command: Command, description: string): Command {
  return command.option('-o, --out <path>', description).option('--output <path>', 'the same as --out');
}

/** What `generate` and `check` share: one catalog with its outputs, or the config, with flags that override it. */
function withProjectOptions(command: Command): Command {
  return withOut(command.argument('[catalog]', 'catalog file (YAML or JSON); omit for every catalog of the config'), 'the output folder (overrides the config\'s `out`)')
    .option('--openapi <version>', 'OpenAPI version: 3.1, 3.0 or 2.0 (overrides the config)')
    .option('--openapi-format <format>', 'the OpenAPI file as yaml or json (overrides the config)')
    .option('--docs <layout>', 'single (one errors.md) or pages (an index and one page per code; overrides the config)')
    .option('-c, --config <file>', 'the config file (default: errcat.config.ts, .mts, .mjs, .js, .yaml, .yml or .json here)')
    .option('--spec <file...>', 'a spec whose operations errors.ts types per operation (OperationErrors; overrides the config)')
    .option('--no-cache', 'build every catalog, even one whose inputs and outputs are unchanged since the last run');
}

const REPORT_FORMAT = '--format <format>';
const REPORT_FORMAT_HELP = 'report as stylish (default), json, github-actions or sarif';

function program(): Command {
  const cli = new Command('errcat')
    .description('Compile an API error catalog into OpenAPI components, TypeScript and an error reference.')
    .version(ERRCAT_VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showSuggestionAfterError(true)
    .hook('preAction', (_, command) => {
      const { out, output } = command.opts<{ out?: string; output?: string }>();
      if (output === undefined) return;
      if (out !== undefined && out !== output) throw new UsageError('errcat: --out and --output are one option; give it once');
      command.setOptionValue('out', output);
    });
  cli
    .command('lint')
    .description('Check catalogs and report every problem with its file:line:col: those given, or every catalog of the config.')
    .argument('[catalog...]', 'catalog files (YAML or JSON); omit for every catalog of the config')
    .option(REPORT_FORMAT, REPORT_FORMAT_HELP)
    .option('--json', 'the same as --format json')
    .option('-q, --quiet', 'print diagnostics only, no summary')
    .option('-c, --config <file>', 'the config whose catalogs to lint (default: errcat.config.* here)')
    .action(async (files: string[], options: LintOptions) => {
      // Commands load on demand: lint never pays for ts-morph.
      const { lintCommand } = await import('./cli/lint.js');
      process.exitCode = await lintCommand(files, options);
    });
  withProjectOptions(
    cli
      .command('generate')
      .description('Compile catalogs into OpenAPI components, TypeScript and a Markdown reference: one catalog with --out, or every catalog of the config.'),
  )
    .option('--format <format>', 'the same as --openapi-format')
    .option('-w, --watch', 'regenerate whenever a catalog, the config or a template changes')
    .option('--force', 'write outputs that are read-only too (their mode is kept)')
    .option('--json', 'print a machine-readable report on stdout')
    .option('-q, --quiet', 'print errors only, nothing on success')
    .action(async (file: string | undefined, options: GenerateCommandOptions & { format?: string }) => {
      const { format, ...rest } = options;
      if (format !== undefined && rest.openapiFormat !== undefined && format !== rest.openapiFormat) throw new UsageError('errcat: --format is --openapi-format for generate; give it once');
      const { generateCommand } = await import('./cli/generate.js');
      process.exitCode = await generateCommand(file, format !== undefined ? { ...rest, openapiFormat: format } : rest);
    });
  withProjectOptions(cli.command('check').description('Regenerate in memory and fail when a generated file is stale or missing; with --base, also when a catalog breaks its contract since that git revision.'))
    .option(REPORT_FORMAT, REPORT_FORMAT_HELP)
    .option('--json', 'the same as --format json')
    .option('--base <ref>', 'also diff each catalog against itself at this git revision')
    .option('--fail-on <impact>', 'with --base: fail when a change is at least this serious: breaking, warning, info or none', 'breaking')
    .action(async (file: string | undefined, options: CheckOptions) => {
      const { checkCommand } = await import('./cli/check.js');
      process.exitCode = await checkCommand(file, options);
    });
  withOut(
    cli
      .command('merge')
      .description("Put a catalog's error components into an existing OpenAPI spec and reference them from its operations, keeping everything else byte for byte.")
      .argument('<catalog>', 'catalog file')
      .requiredOption('-s, --spec <file>', 'the OpenAPI 3.1, 3.0 or Swagger 2.0 spec (YAML or JSON)'),
    'write here instead of editing the spec in place; - for stdout',
  )
    .option('--no-validate', 'skip reading the merged spec back and validating it with swagger-parser')
    .option('-v, --verbose', 'also print a note for each response of the spec\'s own that was kept or replaced')
    .option('-q, --quiet', 'print errors only, nothing on success')
    .option('--force', 'write the spec even if it is read-only (its mode is kept)')
    .action(async (file: string, options: MergeOptions) => {
      const { mergeCommand } = await import('./cli/merge.js');
      process.exitCode = await mergeCommand(file, options);
    });
  cli
    .command('diff')
    .description('Compare two error contracts (catalogs, or OpenAPI specs imported in memory) and classify every change for clients and servers.')
    .argument('<files...>', 'OLD and NEW; with --base, NEW only')
    .option('--base <ref>', 'OLD is NEW as it is at this git revision (git show)')
    .option('--spec <file>', "compare what each operation of this spec answers (default: the catalogs' rules)")
    .option('--format <format>', 'human, json, markdown or github-actions', 'human')
    .option('--fail-on <impact>', 'exit 1 when a change is at least this serious: breaking, warning, info or none', 'breaking')
    .action(async (files: string[], options: DiffOptions) => {
      const { diffCommand } = await import('./cli/diff.js');
      process.exitCode = await diffCommand(files, options);
    });
  withOut(
    cli
      .command('import')
      .description("Draft a catalog from a spec's error responses; prints it, or writes it to a new file with --out.")
      .argument('<spec>', 'the OpenAPI 3.1, 3.0 or Swagger 2.0 spec (YAML or JSON)'),
    'write the catalog here (never over an existing file); - for stdout',
  )
    .option('-q, --quiet', 'print diagnostics only')
    .action(async (file: string, options: ImportOptions) => {
      const { importCommand } = await import('./cli/import.js');
      process.exitCode = await importCommand(file, options);
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

// main reports every error itself, so nothing awaits it (the bundled CLI is CommonJS, with no top-level await).
void main(process.argv);
