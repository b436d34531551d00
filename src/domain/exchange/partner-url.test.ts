import { describe, expect, it } from 'vitest';
import {
  addressProblem,
  ipBytes,
  partnerUrlProblem,
  strictPartnerUrlPolicy,
} from './partner-url.ts';

const dev = { allowLoopbackHttp: true, allowedPrivate: [] };

describe(partnerUrlProblem.name, () => {
  it('accepts an https base address on the internet', () => {
    expect(partnerUrlProblem('https://cordon.bis.example', strictPartnerUrlPolicy)).toBeUndefined();
    expect(
      partnerUrlProblem('https://cordon.bis.example:8443/node/', strictPartnerUrlPolicy),
    ).toBeUndefined();
  });

  it('refuses other schemes, credentials, queries, odd paths and plain http', () => {
    for (const url of [
      'file:///etc/passwd',
      'gopher://cordon.bis.example',
      'http://cordon.bis.example',
      'https://user:pw@cordon.bis.example',
      'https://cordon.bis.example/?x=1',
    ]) {
      expect(partnerUrlProblem(url, strictPartnerUrlPolicy), url).toBeDefined();
    }
  });

  it('refuses loopback, private, link-local and metadata addresses unless the deployment allows them', () => {
    for (const url of [
      'https://127.0.0.1:5432',
      'https://localhost',
      'https://[::1]',
      'https://10.1.2.3',
      'https://192.168.0.10',
      'https://169.254.169.254',
      'https://[fd00::1]',
      'https://[::ffff:127.0.0.1]',
      'https://0.0.0.0',
    ]) {
      expect(partnerUrlProblem(url, strictPartnerUrlPolicy), url).toBeDefined();
    }
    expect(partnerUrlProblem('http://127.0.0.1:8080', dev)).toBeUndefined();
    expect(partnerUrlProblem('http://10.1.2.3', dev)).toBeDefined();
    expect(
      partnerUrlProblem('https://10.1.2.3', {
        allowLoopbackHttp: false,
        allowedPrivate: ['10.1.0.0/16'],
      }),
    ).toBeUndefined();
  });
});

describe(addressProblem.name, () => {
  it('checks every address a name resolves to, IPv4 and IPv6, mapped addresses included', () => {
    expect(
      addressProblem('93.184.216.34', 'cordon.bis.example', strictPartnerUrlPolicy),
    ).toBeUndefined();
    expect(
      addressProblem('2606:2800:220:1::1', 'cordon.bis.example', strictPartnerUrlPolicy),
    ).toBeUndefined();
    expect(addressProblem('10.0.0.5', 'cordon.bis.example', strictPartnerUrlPolicy)).toMatch(
      /private/,
    );
    expect(addressProblem('::ffff:10.0.0.5', 'x.example', strictPartnerUrlPolicy)).toMatch(
      /private/,
    );
    expect(addressProblem('fe80::1', 'x.example', strictPartnerUrlPolicy)).toMatch(/private/);
    expect(
      addressProblem('10.0.0.5', 'partner.internal', {
        allowLoopbackHttp: false,
        allowedPrivate: ['partner.internal'],
      }),
    ).toBeUndefined();
  });

  it('reads IPv6 shorthand', () => {
    expect(ipBytes('::1')).toEqual([...Array<number>(15).fill(0), 1]);
    expect(ipBytes('1::')).toEqual([0, 1, ...Array<number>(14).fill(0)]);
    expect(ipBytes('1:2:3:4:5:6:7:8:9')).toBeUndefined();
  });
});
