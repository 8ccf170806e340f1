import { describe, expect, it } from 'vitest';
import { maskSecrets, restoreMaskedSecrets } from '../../../src/integrations/secret-masking.js';

const kodi = (password: string | undefined, second = 'second-host-password-long') => ({
  groups: [
    { name: 'a', hosts: [{ name: 'h1', url: 'http://h1', username: 'kodi', ...(password === undefined ? {} : { password }) }] },
    { name: 'b', hosts: [{ name: 'h2', url: 'http://h2', password: second }] },
  ],
});

describe('maskSecrets', () => {
  it('masks secrets at every place of the service’s paths, showing the tail of long ones only', () => {
    expect(maskSecrets('kodi', kodi('short'))).toEqual({
      groups: [
        { name: 'a', hosts: [{ name: 'h1', url: 'http://h1', username: 'kodi', password: '••••' }] },
        { name: 'b', hosts: [{ name: 'h2', url: 'http://h2', password: '••••long' }] },
      ],
    });
    expect(maskSecrets('pushover', { token: 'azGDORePK8gMaC0QOYAMyEEuzJnyUi', user: 'u', priority: 0 })).toEqual({
      token: '••••nyUi',
      user: '••••',
      priority: 0,
    });
  });

  it('leaves the input untouched and absent secrets absent', () => {
    const config = kodi(undefined);
    const masked = maskSecrets('kodi', config) as ReturnType<typeof kodi>;
    expect(config.groups[1]!.hosts[0]!.password).toBe('second-host-password-long');
    expect(masked.groups[0]!.hosts[0]).not.toHaveProperty('password');
  });
});

describe('restoreMaskedSecrets', () => {
  it('puts the stored secret back where the masked value came back, and keeps new values', () => {
    const stored = kodi('old-password');
    const incoming = maskSecrets('kodi', stored) as ReturnType<typeof kodi>;
    incoming.groups[1]!.hosts[0]!.password = 'new-password';
    const restored = restoreMaskedSecrets('kodi', incoming, stored).config as ReturnType<typeof kodi>;
    expect(restored.groups[0]!.hosts[0]!.password).toBe('old-password');
    expect(restored.groups[1]!.hosts[0]!.password).toBe('new-password');
  });

  it('keeps a masked value when nothing was stored at its place', () => {
    expect(restoreMaskedSecrets('jellyfin', { apiKey: '••••' }, undefined).config).toEqual({ apiKey: '••••' });
    expect(restoreMaskedSecrets('jellyfin', { apiKey: '••••' }, { url: 'http://x' }).config).toEqual({ apiKey: '••••' });
  });

  it('restores a secret only for the host it was entered for', () => {
    const stored = { url: 'http://jellyfin.lan:8096', apiKey: 'stored-api-key-0123456789' };
    const samePlace = restoreMaskedSecrets('jellyfin', { url: 'HTTP://Jellyfin.lan:8096/web', apiKey: '••••6789' }, stored);
    expect(samePlace).toEqual({ config: { url: 'HTTP://Jellyfin.lan:8096/web', apiKey: 'stored-api-key-0123456789' }, refused: [] });
    for (const url of ['http://evil.example:8096', 'http://jellyfin.lan:9999', 'https://jellyfin.lan:8096']) {
      expect(restoreMaskedSecrets('jellyfin', { url, apiKey: '••••6789' }, stored)).toEqual({
        config: { url, apiKey: '••••6789' },
        refused: ['apiKey'],
      });
    }
  });

  it('names the Kodi host whose URL changed, and compares SMTP host and port and the Pushover default', () => {
    const stored = kodi('old-password');
    const incoming = maskSecrets('kodi', stored) as ReturnType<typeof kodi>;
    incoming.groups[1]!.hosts[0]!.url = 'http://attacker:8080';
    expect(restoreMaskedSecrets('kodi', incoming, stored).refused).toEqual(['groups.1.hosts.0.password']);
    const mail = { host: 'smtp.example.com', password: 'mail-password' };
    expect(restoreMaskedSecrets('email', { host: 'SMTP.example.com', port: 587, password: '••••' }, mail).refused).toEqual([]);
    expect(restoreMaskedSecrets('email', { host: 'smtp.example.com', port: 2525, password: '••••' }, mail).refused).toEqual(['password']);
    expect(restoreMaskedSecrets('email', { host: 'other.example.com', password: '••••' }, mail).refused).toEqual(['password']);
    const pushover = { url: 'https://api.pushover.net', token: 'app-token-0123456789', user: 'user-key-0123456789' };
    expect(restoreMaskedSecrets('pushover', { token: '••••6789', user: '••••6789' }, pushover).refused).toEqual([]);
    expect(restoreMaskedSecrets('pushover', { url: 'http://127.0.0.1:1', token: '••••6789', user: '••••6789' }, pushover).refused).toEqual([
      'token',
      'user',
    ]);
  });
});
