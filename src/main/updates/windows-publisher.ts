// On Windows electron-updater checks a downloaded installer's Authenticode signature against the publisher
// names it reads from app-update.yml. This pins the check to the names built into the app instead.

/** electron-updater's NsisUpdater.verifyUpdateCodeSignature: null when the file is signed by one of the names, else why not. */
export type VerifyCodeSignature = (publisherNames: string[], path: string) => Promise<string | null>;

export function requireBuildPublisher(buildPublisherNames: readonly string[], verify: VerifyCodeSignature): VerifyCodeSignature {
  return async (_namesFromDisk, path) => {
    if (buildPublisherNames.length === 0) return 'this copy of KS Pay POS was built without a code-signing publisher';
    return verify([...buildPublisherNames], path);
  };
}
