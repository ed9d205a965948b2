// Names are compared as Unicode text, not as code points: José typed on one keyboard (é) and pasted
// from another source (e + ◌́) is one person. NFC is the form most input methods produce.

/** A name as compared and grouped: its NFC form. */
export function nameKey(name: string): string {
  return name.normalize('NFC');
}

// Zero-width characters, joiners, bidirectional marks, overrides and isolates, the soft hyphen,
// word joiners and the byte-order mark: nothing a reader sees, yet enough to make two names differ.
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;
const INVISIBLE_OR_SPACE = /[\s\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

/** The first invisible character of a name, as U+XXXX, or undefined if it has none. */
export function invisibleCodePoint(name: string): string | undefined {
  const match = INVISIBLE.exec(name);
  return match ? `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

/** What a reader sees of a name: NFC, without invisible characters and spaces. Two names with one look alike. */
export function lookAlikeKey(name: string): string {
  return nameKey(name).replace(INVISIBLE_OR_SPACE, '');
}
