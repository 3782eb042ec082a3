// The locale select's options: first Automatic (an empty setting: the currency's, else the computer's), then the
// list the terminal offers, each with how it writes a date and time now, and a value saved earlier that
// is not on the list kept as its own option, so it still shows and still works.
import { dateTimeFormatOptions } from '../../../../shared/date-formats.ts';
import { LOCALE_CHOICES } from '../../../../shared/locales.ts';
import { resolveLocale } from '../../../lib/format.ts';
import { deskMessages } from '../../messages.ts';

const s = deskMessages.settings;

function sample(locale: string, at: Date): string {
  try {
    return new Intl.DateTimeFormat(locale, dateTimeFormatOptions(locale)).format(at);
  } catch {
    return '';
  }
}

export function localeOptions(
  saved: string,
  currency: string | undefined,
  at: Date = new Date(),
): Array<{ value: string; label: string }> {
  const automatic = resolveLocale(undefined, currency);
  const name = LOCALE_CHOICES.find((choice) => choice.tag === automatic)?.label ?? automatic;
  const options = [
    { value: '', label: s.localeAutomatic(name) },
    ...LOCALE_CHOICES.map((choice) => ({
      value: choice.tag,
      label: `${choice.label} · ${sample(choice.tag, at)}`,
    })),
  ];
  const known = saved === '' || LOCALE_CHOICES.some((choice) => choice.tag === saved);
  if (!known) options.push({ value: saved, label: s.localeSavedEarlier(saved) });
  return options;
}
