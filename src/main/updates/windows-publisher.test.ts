// On Windows the installer's signature is checked against the publisher built into the app, not the names
// an app-update.yml beside it claims.
import { describe, expect, it } from 'vitest';
import {
  appUpdateConfigNamesPublisher,
  requireBuildPublisher,
  type VerifyCodeSignature,
} from './windows-publisher.ts';

function recordingVerifier(answer: string | null): { verify: VerifyCodeSignature; asked: string[][] } {
  const asked: string[][] = [];
  return {
    asked,
    verify: async (names) => {
      asked.push(names);
      return answer;
    },
  };
}

describe('requireBuildPublisher', () => {
  it('checks the download against the build publisher, whatever names come from disk', async () => {
    const { verify, asked } = recordingVerifier(null);
    expect(
      await requireBuildPublisher(['Kalp Studio'], verify)(['Someone Else'], 'C:\\update.exe'),
    ).toBeNull();
    expect(asked).toEqual([['Kalp Studio']]);
  });

  it('passes on a refusal: an installer signed by someone else is not installed', async () => {
    const { verify } = recordingVerifier('publisherNames: Kalp Studio, raw info: {"Status":"NotSigned"}');
    expect(await requireBuildPublisher(['Kalp Studio'], verify)([], 'C:\\update.exe')).toContain('NotSigned');
  });

  it('refuses everything when the build has no publisher', async () => {
    const { verify, asked } = recordingVerifier(null);
    expect(await requireBuildPublisher([], verify)(['Kalp Studio'], 'C:\\update.exe')).toMatch(
      /without a code-signing publisher/,
    );
    expect(asked).toEqual([]);
  });
});

describe('appUpdateConfigNamesPublisher', () => {
  it('is true only when app-update.yml names a publisher', () => {
    expect(appUpdateConfigNamesPublisher('provider: generic\npublisherName:\n  - Kalp Studio\n')).toBe(true);
    expect(appUpdateConfigNamesPublisher('provider: generic\npublisherName: Kalp Studio\n')).toBe(true);
    for (const text of [
      null,
      '',
      'provider: generic\n',
      'publisherName: []\n',
      'publisherName: ""\n',
      ': [',
    ]) {
      expect(appUpdateConfigNamesPublisher(text), String(text)).toBe(false);
    }
  });
});
