import { describe, expect, it } from 'vitest';
import { installPlan, TEST_REQUIREMENTS } from '../../src/node/system-packages.ts';

describe('the test suite’s system packages', () => {
  it('does nothing when nothing is missing', () => {
    expect(installPlan([], { root: false, sudo: false, aptGet: true })).toEqual({
      kind: 'nothing',
    });
  });

  it('installs with apt-get itself when running as root, after updating the package lists', () => {
    const plan = installPlan(['chromium', 'nginx'], { root: true, sudo: false, aptGet: true });
    expect(plan).toEqual({
      kind: 'install',
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium', 'nginx'],
      ],
    });
  });

  it('goes through sudo without a password prompt when not root', () => {
    const plan = installPlan(['nginx'], { root: false, sudo: true, aptGet: true });
    expect(plan.kind).toBe('install');
    if (plan.kind !== 'install') return;
    for (const command of plan.commands) expect(command.slice(0, 2)).toEqual(['sudo', '-n']);
  });

  it('hands over one command naming every missing package when it cannot install', () => {
    const plan = installPlan(['chromium', 'fonts-noto-cjk'], {
      root: false,
      sudo: false,
      aptGet: true,
    });
    expect(plan).toEqual({
      kind: 'ask',
      command:
        'sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium fonts-noto-cjk',
    });
    expect(installPlan(['nginx'], { root: true, sudo: false, aptGet: false }).kind).toBe('ask');
  });

  it('finds a program where its environment variable points, and misses it where nothing is', () => {
    const chromium = TEST_REQUIREMENTS.find((need) => need.debianPackage === 'chromium');
    const nginx = TEST_REQUIREMENTS.find((need) => need.debianPackage === 'nginx');
    expect(chromium?.present({ CHROMIUM_PATH: '/nonexistent/chromium' })).toBe(false);
    expect(chromium?.present({ CHROMIUM_PATH: process.execPath })).toBe(true);
    expect(nginx?.present({ NGINX_PATH: '/nonexistent/nginx' })).toBe(false);
  });
});
