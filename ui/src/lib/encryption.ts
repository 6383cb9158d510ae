/**
 * Words for encryption at rest: how strong a new passphrase looks, what is
 * wrong with the two typed copies, and what the status means.
 */
import type { EncryptionStatus } from './types';

export interface Strength {
  level: 'weak' | 'fair' | 'strong';
  text: string;
}

/**
 * A hint, not a rule: length counts most, then several words or several
 * kinds of characters. (The core accepts any passphrase that is not empty.)
 */
export function strength(passphrase: string): Strength {
  const p = passphrase;
  const words = p.trim().split(/\s+/).filter(Boolean).length;
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9\s]/].filter((r) => r.test(p)).length;
  if (p.length < 10) {
    return { level: 'weak', text: 'Weak: too short. Four or more words, or 16 characters or more, are much harder to guess.' };
  }
  if (p.length >= 20 || (words >= 4 && p.length >= 16) || (p.length >= 14 && kinds >= 3)) {
    return { level: 'strong', text: 'Strong.' };
  }
  return { level: 'fair', text: 'Fair: another word or two would make it much harder to guess.' };
}

/** Why the new passphrase and its confirmation cannot be used yet, or null. */
export function newPassphraseProblem(passphrase: string, confirmation: string): string | null {
  if (passphrase === '') return 'Type a passphrase.';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(passphrase)) return 'The passphrase contains a tab or a line break; type it without one.';
  if (confirmation === '') return 'Type the passphrase a second time to confirm it.';
  if (passphrase !== confirmation) return 'The two passphrases differ; type the same one twice.';
  return null;
}

/** One line on where the passphrase of an encrypted database comes from. */
export function keyText(s: EncryptionStatus): string {
  if (!s.encrypted) return '';
  if (s.key_source === 'environment') return 'The passphrase comes from COACHLOG_PASSPHRASE.';
  if (s.remembered) return `The passphrase is kept in ${s.keyring_name}; Coachlog opens without asking.`;
  return 'Coachlog asks for the passphrase at every start (it is not kept anywhere).';
}
