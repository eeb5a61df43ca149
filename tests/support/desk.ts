import { type ChildProcess, spawn } from 'node:child_process';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { ROOT } from './dist.ts';
import { freePort } from './server.ts';

/** A desk (`npm run desk`) running in a child process, as a publisher starts it. */
export interface RunningDesk {
  /** The address it printed, secret included, ending with /. */
  url: string;
  port: number;
  secret: string;
  output: () => string;
  close(): Promise<void>;
}

export async function startDesk(env: Record<string, string>): Promise<RunningDesk> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['tools/desk.ts', '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`desk did not start:\n${output}`)), 20_000);
    const look = () => {
      const found = /http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]+\//.exec(output)?.[0];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      } else setTimeout(look, 100);
    };
    child.on('exit', () => reject(new Error(`desk exited:\n${output}`)));
    look();
  });
  return {
    url,
    port,
    secret: new URL(url).pathname.split('/')[1]!,
    output: () => output,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

const run = (text: string, bold = false) => new TextRun({ text, bold });
const para = (...runs: TextRun[]) => new Paragraph({ children: runs });

/**
 * A released report as a Word file, with what a publisher has to fix: the title carries a
 * 征求意见稿 suffix, the third part was typed as （三） under the second, and there is no
 * publication date (so it is imported as a draft).
 */
export async function deskFixtureDocx(): Promise<Buffer> {
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [run('澄江区人民政府关于2024年度法治政府建设情况的报告（征求意见稿）', true)],
          }),
          para(run('来源：澄江区人民政府办公室')),
          para(
            run(
              '2024年，澄江区人民政府坚持依法行政，法治政府建设取得新进展。现将有关情况报告如下。',
            ),
          ),
          para(run('一、2024年法治政府建设的主要举措和成效', true)),
          para(
            run('（一）健全依法决策机制。', true),
            run('全年重大行政决策事项全部经过合法性审查。'),
          ),
          para(run('（二）规范行政执法', true)),
          para(run('推行行政执法“三项制度”，公布首违不罚清单，轻微违法行为依法不予处罚。')),
          para(run('全年办理行政复议案件36件，发生行政诉讼案件12件。')),
          para(run('二、存在的不足', true)),
          para(run('（一）合法性审查力量不足。', true), run('个别部门对合法性审查重视不够。')),
          para(run('（二）执法能力有差距。', true), run('基层执法人员专业能力仍有差距。')),
          para(run('（三）2025年工作安排', true)),
          para(run('一是持续提升依法决策水平；二是加强执法队伍建设。')),
          para(run('澄江区人民政府')),
          para(run('2025年3月20日')),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
