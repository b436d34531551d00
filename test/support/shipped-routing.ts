import { readFileSync } from 'node:fs';
import type { RoutingRuleSet } from '../../src/domain/licensing/routing.ts';

/** The routing rules Cordon ships (data/routing/routing-v1.json), for tests of the pure domain. */
export const shippedRouting = JSON.parse(
  readFileSync(new URL('../../data/routing/routing-v1.json', import.meta.url), 'utf8'),
) as RoutingRuleSet;

/** The routing rules in force (data/routing/routing-v2.json): what submitted cases are routed by. */
export const currentRouting = JSON.parse(
  readFileSync(new URL('../../data/routing/routing-v2.json', import.meta.url), 'utf8'),
) as RoutingRuleSet;
