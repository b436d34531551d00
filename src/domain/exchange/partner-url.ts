/**
 * Which partner addresses a node may call. A partner URL is typed in by an administrator and then
 * fetched by the server itself, so a careless or hostile one would make Cordon reach into its own
 * network (server-side request forgery): a database port, a cloud metadata service, an admin page.
 * Partners are other states' servers on the internet: https, a public address, nothing else unless
 * the deployment says so.
 */
export interface PartnerUrlPolicy {
  /**
   * Plain http to loopback (127.0.0.0/8, ::1, localhost), for nodes on one machine in development
   * and tests (CORDON_EXCHANGE_DEV_LOOPBACK_HTTP=true). Never on in production.
   */
  readonly allowLoopbackHttp: boolean;
  /**
   * Private or special addresses the deployment vouches for (a partner reached over a private
   * link): CIDR ranges (`10.20.0.0/16`, `fd00::/8`) or exact host names
   * (CORDON_EXCHANGE_ALLOW_PRIVATE).
   */
  readonly allowedPrivate: readonly string[];
}

export const strictPartnerUrlPolicy: PartnerUrlPolicy = {
  allowLoopbackHttp: false,
  allowedPrivate: [],
};

/** An IPv4 or IPv6 address as 16 bytes (IPv4 as ::ffff:a.b.c.d), or undefined if not one. */
export function ipBytes(text: string): number[] | undefined {
  const host = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const v4 = ipv4Bytes(host);
  if (v4 !== undefined) return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4];
  if (!host.includes(':') || !/^[0-9a-fA-F:.]+$/.test(host)) return undefined;
  let tail: number[] = [];
  let head = host;
  const lastColon = host.lastIndexOf(':');
  const embedded = ipv4Bytes(host.slice(lastColon + 1));
  if (embedded !== undefined) {
    tail = embedded;
    head = `${host.slice(0, lastColon)}:0:0`;
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string | undefined) =>
    part === undefined || part === '' ? [] : part.split(':');
  const left = groups(halves[0]);
  const right = groups(halves[1]);
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right];
  if (all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const bytes = all.flatMap((g) => {
    const value = Number.parseInt(g, 16);
    return [value >> 8, value & 0xff];
  });
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

function ipv4Bytes(text: string): number[] | undefined {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) return undefined;
  const parts = text.split('.').map(Number);
  return parts.every((p) => p <= 255) ? parts : undefined;
}

/** `10.0.0.0/8`, `fd00::/8`: the network's bytes and prefix length (IPv4 prefixes moved by 96). */
function cidr(text: string): { readonly bytes: number[]; readonly bits: number } | undefined {
  const [address, prefix] = text.split('/');
  const bytes = address === undefined ? undefined : ipBytes(address);
  if (bytes === undefined) return undefined;
  const isV4 = ipv4Bytes(address ?? '') !== undefined;
  const width = prefix === undefined ? (isV4 ? 32 : 128) : Number(prefix);
  if (!Number.isInteger(width) || width < 0 || width > (isV4 ? 32 : 128)) return undefined;
  return { bytes, bits: isV4 ? width + 96 : width };
}

function inRange(address: readonly number[], range: string): boolean {
  const network = cidr(range);
  if (network === undefined) return false;
  for (let bit = 0; bit < network.bits; bit += 1) {
    const byte = Math.floor(bit / 8);
    const mask = 0x80 >> (bit % 8);
    if (((address[byte] ?? 0) & mask) !== ((network.bytes[byte] ?? 0) & mask)) return false;
  }
  return true;
}

const loopbackRanges = ['127.0.0.0/8', '::1/128'];
// Addresses that are not a partner on the internet: private, shared, link-local (cloud metadata
// at 169.254.169.254), unspecified, documentation, benchmarking, multicast and reserved ranges,
// and IPv6's unique-local, link-local, multicast, NAT64 and documentation prefixes.
const specialRanges = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
  '::/128',
  'fc00::/7',
  'fe80::/10',
  'ff00::/8',
  '64:ff9b::/96',
  '2001:db8::/32',
];

/** True for a loopback address or name (`localhost`, `*.localhost`, 127.0.0.0/8, ::1). */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  const bytes = ipBytes(name);
  return bytes !== undefined && loopbackRanges.some((r) => inRange(bytes, r));
}

/**
 * Why a node may not connect to `address` (an IP it resolved `host` to), or undefined. Loopback
 * only with the development flag; private and special ranges only when the deployment allows the
 * address's range or the host's exact name.
 */
export function addressProblem(
  address: string,
  host: string,
  policy: PartnerUrlPolicy,
): string | undefined {
  const bytes = ipBytes(address);
  if (bytes === undefined) return `${address} is not an IP address`;
  const allowed = policy.allowedPrivate.some((entry) =>
    cidr(entry) === undefined ? entry.toLowerCase() === host.toLowerCase() : inRange(bytes, entry),
  );
  if (allowed) return undefined;
  if (loopbackRanges.some((r) => inRange(bytes, r))) {
    return policy.allowLoopbackHttp
      ? undefined
      : `${host} is a loopback address (${address}); partners are other states' servers`;
  }
  if (specialRanges.some((r) => inRange(bytes, r))) {
    return `${host} is a private or special address (${address}); allow it with CORDON_EXCHANGE_ALLOW_PRIVATE if the partner is reached over a private link`;
  }
  return undefined;
}

/**
 * Why a partner URL is refused, or undefined. It must be `https://host[:port][/path]` with no user
 * name, password, query or fragment, and a host that is not a private or special address (names
 * are checked again against every address they resolve to, when the node connects). Plain http is
 * accepted only to loopback with the development flag.
 *
 * @example
 * partnerUrlProblem('http://169.254.169.254/latest/meta-data', strictPartnerUrlPolicy)
 * // 'must use https (plain http only to loopback, with CORDON_EXCHANGE_DEV_LOOPBACK_HTTP)'
 */
export function partnerUrlProblem(raw: string, policy: PartnerUrlPolicy): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be a URL such as https://cordon.partner.example';
  }
  const host = url.hostname;
  const loopback = isLoopbackHost(host);
  if (
    url.protocol !== 'https:' &&
    !(url.protocol === 'http:' && loopback && policy.allowLoopbackHttp)
  ) {
    return 'must use https (plain http only to loopback, with CORDON_EXCHANGE_DEV_LOOPBACK_HTTP)';
  }
  if (url.username !== '' || url.password !== '') return 'must not carry a user name or password';
  if (url.search !== '' || url.hash !== '') return 'must not have a query or a fragment';
  if (url.pathname !== '/' && !/^(\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+\/?$/.test(url.pathname)) {
    return 'must be the partner node\u2019s base address (a plain path at most)';
  }
  if (url.pathname.split('/').some((segment) => segment === '..' || segment === '.')) {
    return 'must not contain . or .. in its path';
  }
  if (loopback && !policy.allowLoopbackHttp) {
    return `${host} is loopback; partners are other states' servers`;
  }
  const literal = ipBytes(host);
  if (literal !== undefined) {
    const problem = addressProblem(host.replace(/^\[|\]$/g, ''), host, policy);
    if (problem !== undefined) return problem;
  }
  return undefined;
}
