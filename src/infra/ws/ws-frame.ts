/** Encoding and decoding of frames `{ "event": string, "data": any }`. */
import type { RawData } from 'ws';
import { z } from 'zod';
import { InvalidFrameError } from '#core';

/** One decoded incoming frame. */
export interface WsFrame {
  event: string;
  data: unknown;
}

const FrameShape = z.object({ event: z.string().min(1) });

// Same rule as HTTP bodies: these keys are how prototype pollution travels in JSON.
function rejectPrototypeKeys(key: string, value: unknown): unknown {
  if (key === '__proto__' || key === 'constructor') throw new InvalidFrameError();
  return value;
}

function text(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  if (Buffer.isBuffer(raw)) return raw.toString('utf8');
  return Buffer.from(raw).toString('utf8');
}

/**
 * Decodes one frame. Throws InvalidFrameError for bad JSON and a ZodError (VALIDATION_FAILED)
 * when `event` is not a non-empty string.
 */
export function decodeFrame(raw: RawData): WsFrame {
  let value: unknown;
  try {
    value = JSON.parse(text(raw), rejectPrototypeKeys);
  } catch (error) {
    throw error instanceof InvalidFrameError ? error : new InvalidFrameError({ cause: error });
  }
  const { event } = FrameShape.parse(value);
  return { event, data: (value as { data?: unknown }).data };
}

/** Encodes an outgoing frame; `undefined` data travels as `null`. */
export function encodeFrame(event: string, data: unknown): string {
  return JSON.stringify({ event, data: data ?? null });
}
