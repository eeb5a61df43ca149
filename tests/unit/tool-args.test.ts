import { describe, expect, it } from 'vitest';
import { toolArgs } from '../../src/node/tool-args.ts';

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
const exit = (code: number): never => {
  throw new Exit(code);
};
const config = { options: { runs: { type: 'string', default: '3' } } } as const;

function run(argv: string[]) {
  const printed: string[] = [];
  try {
    const { values } = toolArgs(config, 'usage: bench', argv, exit, (line) => printed.push(line));
    return { values, printed, code: undefined };
  } catch (error) {
    if (!(error instanceof Exit)) throw error;
    return { values: undefined, printed, code: error.code };
  }
}

describe('toolArgs', () => {
  it('parses known options', () => {
    expect(run(['--runs', '5'])).toEqual({ values: { runs: '5' }, printed: [], code: undefined });
  });

  it('prints the usage for --help and exits 0', () => {
    expect(run(['--help'])).toMatchObject({ printed: ['usage: bench'], code: 0 });
  });

  it('names an unknown option and prints the usage instead of throwing', () => {
    const { printed, code } = run(['--bogus']);
    expect(code).toBe(2);
    expect(printed[0]).toContain('--bogus');
    expect(printed[0]).toContain('usage: bench');
  });
});
