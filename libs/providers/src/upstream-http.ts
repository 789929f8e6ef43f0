import { Agent, buildConnector, Dispatcher } from 'undici';
import { resolvePublicAddresses } from './public-address';

const poolOptions = { keepAliveTimeout: 30_000, connections: 256 };

/** Pooled keep-alive connections to operator-configured upstreams. */
const trusted = new Agent(poolOptions);

/**
 * For upstreams a user supplied (PRIVATE channels): every new connection resolves the host again,
 * refuses it unless every address is public, and connects to the address it checked (so a DNS
 * answer that changes between check and connect cannot slip through).
 */
function publicOnlyConnector(): buildConnector.connector {
  const connect = buildConnector({});
  return (options, callback) => {
    resolvePublicAddresses(options.hostname).then(
      ([checked]) => connect({ ...options, hostname: checked.address }, callback),
      (error: Error) => callback(error, null),
    );
  };
}

const publicOnly = new Agent({ ...poolOptions, connect: publicOnlyConnector() });

export function upstreamDispatcher(publicAddressesOnly: boolean): Dispatcher {
  return publicAddressesOnly ? publicOnly : trusted;
}
