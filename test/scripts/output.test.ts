/** Terminal output: colours only on a TTY without NO_COLOR, and the plan report. */
import { describe, expect, it } from 'vitest';
import type { PlanResult } from '../../scripts/lib/file-plan.js';
import { colorsEnabled, createColors, formatPlan, Output } from '../../scripts/lib/output.js';

function stream(isTTY: boolean): { write(text: string): void; isTTY: boolean; text: string } {
  return {
    isTTY,
    text: '',
    write(text: string) {
      this.text += text;
    },
  };
}

const RESULT: PlanResult = {
  dryRun: false,
  written: true,
  changes: [
    { path: 'src/modules/payment/payment.module.ts', kind: 'create', contents: '' },
    { path: 'src/app/app.module.ts', kind: 'update', contents: '' },
    { path: 'src/app/x.ts', kind: 'unchanged', contents: '' },
  ],
};

describe('colours', () => {
  it('are on for a TTY and off when NO_COLOR is set or the stream is not a TTY', () => {
    expect(colorsEnabled(stream(true), {})).toBe(true);
    expect(colorsEnabled(stream(true), { NO_COLOR: '' })).toBe(true);
    expect(colorsEnabled(stream(true), { NO_COLOR: '1' })).toBe(false);
    expect(colorsEnabled(stream(false), {})).toBe(false);
  });

  it('wrap text in ANSI codes only when enabled', () => {
    expect(createColors(true).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(createColors(false).red('x')).toBe('x');
  });
});

describe('formatPlan', () => {
  it('lists each file with its change and counts what was written', () => {
    expect(formatPlan(RESULT, createColors(false))).toBe(
      [
        '  create     src/modules/payment/payment.module.ts',
        '  update     src/app/app.module.ts',
        '  unchanged  src/app/x.ts',
        '2 files written.',
        '',
      ].join('\n'),
    );
  });

  it('says that a dry run wrote nothing', () => {
    const text = formatPlan({ ...RESULT, dryRun: true, written: false }, createColors(false));
    expect(text).toContain('Dry run: 2 files would be written; nothing was written.');
  });
});

describe('Output', () => {
  it('writes results to stdout and problems to stderr, coloured per stream', () => {
    const stdout = stream(false);
    const stderr = stream(true);
    const output = new Output({ stdout, stderr, env: {} });
    output.info('hello');
    output.success('done');
    output.plan(RESULT);
    output.warn('careful');
    output.error('broken');
    expect(stdout.text).toContain(
      'hello\ndone\n  create     src/modules/payment/payment.module.ts',
    );
    expect(stdout.text).not.toContain('\u001b[');
    expect(stderr.text).toBe(
      '\u001b[33mwarning:\u001b[39m careful\n\u001b[31m\u001b[1merror:\u001b[22m\u001b[39m broken\n',
    );
  });

  it('prints no escape codes at all under NO_COLOR', () => {
    const stdout = stream(true);
    const stderr = stream(true);
    const output = new Output({ stdout, stderr, env: { NO_COLOR: '1' } });
    output.success('done');
    output.error('broken');
    expect(stdout.text + stderr.text).toBe('done\nerror: broken\n');
  });
});
