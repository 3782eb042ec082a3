// The locales the terminal offers in Settings, and which one it formats with: the manager's choice,
// else the one the terminal's currency implies (en-IN for INR), else the computer's own.

export interface LocaleChoice {
  tag: string;
  /** The language and region in English, then in its own words, so the manager finds either. */
  label: string;
}

export const LOCALE_CHOICES: readonly LocaleChoice[] = [
  { tag: 'en-IN', label: 'English (India)' },
  { tag: 'hi-IN', label: 'Hindi (India) · हिन्दी' },
  { tag: 'bn-IN', label: 'Bengali (India) · বাংলা' },
  { tag: 'ta-IN', label: 'Tamil (India) · தமிழ்' },
  { tag: 'te-IN', label: 'Telugu (India) · తెలుగు' },
  { tag: 'mr-IN', label: 'Marathi (India) · मराठी' },
  { tag: 'gu-IN', label: 'Gujarati (India) · ગુજરાતી' },
  { tag: 'kn-IN', label: 'Kannada (India) · ಕನ್ನಡ' },
  { tag: 'ml-IN', label: 'Malayalam (India) · മലയാളം' },
  { tag: 'pa-IN', label: 'Punjabi (India) · ਪੰਜਾਬੀ' },
  { tag: 'ur-IN', label: 'Urdu (India) · اردو' },
  { tag: 'en-GB', label: 'English (United Kingdom)' },
  { tag: 'en-US', label: 'English (United States)' },
  { tag: 'en-AE', label: 'English (United Arab Emirates)' },
  { tag: 'ar-AE', label: 'Arabic (United Arab Emirates) · العربية' },
  { tag: 'en-SG', label: 'English (Singapore)' },
  { tag: 'de-DE', label: 'German (Germany) · Deutsch' },
  { tag: 'fr-FR', label: 'French (France) · Français' },
  { tag: 'es-ES', label: 'Spanish (Spain) · Español' },
  { tag: 'it-IT', label: 'Italian (Italy) · Italiano' },
  { tag: 'nl-NL', label: 'Dutch (Netherlands) · Nederlands' },
];

/** The locale a currency's own people write amounts and dates in, where one stands out. */
const CURRENCY_LOCALES: Readonly<Record<string, string>> = {
  INR: 'en-IN',
  GBP: 'en-GB',
  AED: 'en-AE',
  SGD: 'en-SG',
};

function canonical(tag: string | undefined): string | undefined {
  if (!tag || tag.trim() === '') return undefined;
  try {
    return Intl.getCanonicalLocales(tag.trim())[0];
  } catch {
    // Not a valid BCP 47 tag (an old free-text setting): the next source decides.
    return undefined;
  }
}

/** The manager's valid setting, else the currency's locale; undefined leaves it to the computer. */
export function chosenLocale(setting: string | undefined, currency: string | undefined): string | undefined {
  return canonical(setting) ?? (currency ? CURRENCY_LOCALES[currency] : undefined);
}

/** The locale to format with: the setting, else the currency's, else the computer's, else en-IN. */
export function terminalLocale(
  setting: string | undefined,
  currency: string | undefined,
  computerLocale: string | undefined,
): string {
  return chosenLocale(setting, currency) ?? canonical(computerLocale) ?? 'en-IN';
}
