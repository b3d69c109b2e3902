/** Builds and validates the JSON envelope every bus message travels in. */
import { randomUUID } from 'node:crypto';
import type { BusEnvelope } from '#core';

/** A new envelope for `payload`, stamped with an id, the time and the publishing instance. */
export function createEnvelope<T>(topic: string, payload: T, source: string): BusEnvelope<T> {
  return { id: randomUUID(), topic, payload, time: new Date().toISOString(), source };
}

/** Serialises an envelope; `undefined` payloads travel as `null` (JSON has no undefined). */
export function serializeEnvelope(envelope: BusEnvelope): string {
  return JSON.stringify({ ...envelope, payload: envelope.payload ?? null });
}

/** The envelope in `raw`, or `undefined` when it is not valid JSON of the right shape. */
export function parseEnvelope(raw: string): BusEnvelope | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || !('payload' in value)) return undefined;
  const { id, topic, time, source } = value as Record<string, unknown>;
  const fields = [id, topic, time, source];
  if (!fields.every((field) => typeof field === 'string' && field.length > 0)) return undefined;
  return value as BusEnvelope;
}
