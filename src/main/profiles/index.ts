// Profiles' public face: which profile the terminal runs (none, Demo or live) and each one's folder.
export { createProfiles, ProfileName, type Profiles } from './profiles.ts';
