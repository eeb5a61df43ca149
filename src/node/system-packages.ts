// The Debian packages the test suite needs besides npm's, how to tell each is there, and what to do
// when some are not: install them (as root, or with password-less sudo) or name the one command.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface SystemRequirement {
  /** The Debian package that provides it. */
  debianPackage: string;
  /** What it is for, in Chinese, for the message when it is missing. */
  purpose: string;
  /** True when the machine already has it. */
  present(env: NodeJS.ProcessEnv): boolean;
}

function runs(command: string, args: readonly string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
}

function output(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.error === undefined && result.status === 0 ? result.stdout : '';
}

function debianInstalled(pkg: string): boolean {
  return output('dpkg-query', ['-W', '-f=${Status}', pkg]).includes('install ok installed');
}

export const TEST_REQUIREMENTS: readonly SystemRequirement[] = [
  {
    debianPackage: 'chromium',
    purpose: '浏览器测试（CHROMIUM_PATH 可指向其他 Chromium）',
    present: (env) => existsSync(env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'),
  },
  {
    debianPackage: 'fonts-noto-cjk',
    purpose: '中文字体（截图、打印和无障碍测试）',
    // Any CJK font will do for the tests; fc-list is absent on the barest machines.
    present: () =>
      output('fc-list', [':lang=zh', 'family']).trim() !== '' || debianInstalled('fonts-noto-cjk'),
  },
  {
    debianPackage: 'default-jre-headless',
    purpose: 'Java 运行环境（HTML 校验器 vnu）',
    present: (env) => runs(env['JAVA'] ?? 'java', ['-version']),
  },
  {
    debianPackage: 'nginx',
    purpose: '用随附的 nginx 配置测试子路径部署',
    present: (env) => existsSync(env['NGINX_PATH'] ?? '/usr/sbin/nginx'),
  },
  ...(['filter', 'static'] as const).map((kind) => ({
    debianPackage: `libnginx-mod-http-brotli-${kind}`,
    purpose: `nginx 的 Brotli 压缩模块（随附的 nginx 配置使用）`,
    present: () => existsSync(`/usr/lib/nginx/modules/ngx_http_brotli_${kind}_module.so`),
  })),
];

export type InstallPlan =
  | { kind: 'nothing' }
  | { kind: 'install'; commands: string[][] }
  | { kind: 'ask'; command: string };

/**
 * What to do about the missing packages: nothing, install them (root runs apt-get itself; a user
 * with password-less sudo runs it through sudo), or stop and hand the person the one command.
 */
export function installPlan(
  missing: readonly string[],
  how: { root: boolean; sudo: boolean; aptGet: boolean },
): InstallPlan {
  if (missing.length === 0) return { kind: 'nothing' };
  const install = ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing];
  const update = ['apt-get', 'update', '-qq'];
  if (how.aptGet && how.root) return { kind: 'install', commands: [update, install] };
  if (how.aptGet && how.sudo)
    return {
      kind: 'install',
      commands: [
        ['sudo', '-n', ...update],
        ['sudo', '-n', ...install],
      ],
    };
  return {
    kind: 'ask',
    command: `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`,
  };
}

/** How this machine can install: as root, with password-less sudo, and whether apt-get exists. */
export function installAbilities(): { root: boolean; sudo: boolean; aptGet: boolean } {
  const root = process.getuid?.() === 0;
  return {
    root,
    sudo: !root && runs('sudo', ['-n', 'true']),
    aptGet: runs('apt-get', ['--version']),
  };
}
