// First step of `npm test`: makes sure the machine has the Debian packages the tests drive
// (Chromium, CJK fonts, Java, nginx). Installs them when it can (root or password-less sudo, as on
// CI), otherwise stops at once naming what is missing and the one command that installs it.
import { spawnSync } from 'node:child_process';
import { installAbilities, installPlan, TEST_REQUIREMENTS } from '../src/node/system-packages.ts';

function missingPackages(): string[] {
  return TEST_REQUIREMENTS.filter((need) => !need.present(process.env)).map(
    (need) => need.debianPackage,
  );
}

function describe(packages: readonly string[]): string {
  return TEST_REQUIREMENTS.filter((need) => packages.includes(need.debianPackage))
    .map((need) => `  ${need.debianPackage}：${need.purpose}`)
    .join('\n');
}

const missing = missingPackages();
const plan = installPlan(missing, installAbilities());

if (plan.kind === 'ask') {
  console.error(
    `测试需要以下系统软件包，本机没有，且当前用户无法自动安装：\n${describe(missing)}\n\n` +
      `请运行这一条命令安装后，再运行 npm test：\n  ${plan.command}`,
  );
  process.exit(1);
}

if (plan.kind === 'install') {
  console.log(`正在从 Debian 安装测试所需的系统软件包：${missing.join(' ')}`);
  for (const command of plan.commands) {
    const [program, ...args] = command as [string, ...string[]];
    const result = spawnSync(program, args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) {
      console.error(`安装失败：${command.join(' ')}（退出码 ${result.status ?? '无'}）`);
      process.exit(1);
    }
  }
  const still = missingPackages();
  if (still.length > 0) {
    console.error(`安装后仍然缺少：\n${describe(still)}`);
    process.exit(1);
  }
  console.log('系统软件包已就绪。');
}
