// `npm run sandbox`: starts the KS Pay sandbox and prints where it listens and the demo keys.
import { CLI_USAGE, CliArgsError, parseCliArgs } from './cli-args.ts';
import { closeOnSignal, exitOnStartFailure } from '../node-shared/index.ts';
import { startSandbox } from './server.ts';

async function main(): Promise<void> {
  const command = parseCliArgs(process.argv.slice(2));
  if (command.help) {
    process.stdout.write(`${CLI_USAGE}\n`);
    return;
  }
  const sandbox = await startSandbox(command.options);
  process.stdout.write(
    `KS Pay sandbox listening on ${sandbox.url}\n` +
      `App ID: ${sandbox.credentials.appId}\n` +
      `Access key: ${sandbox.credentials.accessKey}\n` +
      `Secret key: ${sandbox.credentials.secretKey}\n`,
  );
  closeOnSignal(() => sandbox.close());
}

main().catch((error: unknown) =>
  exitOnStartFailure('KS Pay sandbox', error, error instanceof CliArgsError ? CLI_USAGE : null),
);
