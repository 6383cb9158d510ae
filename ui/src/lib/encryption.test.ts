import { describe, expect, it } from 'vitest';
import { keyText, newPassphraseProblem, strength } from './encryption';
import type { EncryptionStatus } from './types';

describe('encryption words', () => {
  it('rates a passphrase by its length, words and kinds of characters', () => {
    expect(strength('').level).toBe('weak');
    expect(strength('hunter2').level).toBe('weak');
    expect(strength('sunflowers1').level).toBe('fair');
    expect(strength('Sunflower-Garden9').level).toBe('strong');
    expect(strength('correct horse battery staple').level).toBe('strong');
    expect(strength('many small words').level).toBe('fair');
    expect(strength('abcdefghijklmnopqrst').level).toBe('strong');
  });

  it('says what is wrong with the two copies', () => {
    expect(newPassphraseProblem('', '')).toBe('Type a passphrase.');
    expect(newPassphraseProblem('a\tb', 'a\tb')).toContain('tab');
    expect(newPassphraseProblem('secret words', '')).toContain('second time');
    expect(newPassphraseProblem('secret words', 'secret word')).toContain('differ');
    expect(newPassphraseProblem('secret words', 'secret words')).toBeNull();
  });

  it('says where the passphrase comes from', () => {
    const s: EncryptionStatus = {
      encrypted: true,
      unlocked: true,
      key_source: 'typed',
      keyring_available: true,
      keyring_name: 'the system keyring (Secret Service), under "Coachlog"',
      remembered: false,
    };
    expect(keyText(s)).toContain('asks for the passphrase at every start');
    expect(keyText({ ...s, remembered: true, key_source: 'keyring' })).toContain('kept in the system keyring');
    expect(keyText({ ...s, key_source: 'environment' })).toContain('COACHLOG_PASSPHRASE');
    expect(keyText({ ...s, encrypted: false })).toBe('');
  });
});
