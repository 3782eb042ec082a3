// `npm run sandbox`: starts the KS Pay sandbox and prints where it listens and the demo keys.
import { CLI_USAGE, CliArgsError, parseCliArgs } from './cli-args.ts';
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
  const stop = (): void => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message =
    error instanceof CliArgsError
      ? `${error.message}\n\n${CLI_USAGE}`
      : String(error instanceof Error ? error.message : error);
  process.stderr.write(`KS Pay sandbox could not start: ${message}\n`);
  process.exit(error instanceof CliArgsError ? 2 : 1);
});
