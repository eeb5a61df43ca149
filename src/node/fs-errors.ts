/**
 * File-system failures a publisher can act on, in Chinese: a full disk, a folder they may not
 * write to. One home for the wording, used by the publishing steps and by the message a failed
 * build ends with, whichever step (Astro writing pages, the search index, a cache) hit it.
 */
const REASONS: Record<string, { reason: string; advice: string }> = {
  ENOSPC: {
    reason: '磁盘空间不足',
    advice: '请清理该磁盘（例如删除不用的旧文件、备份或日志）后重新生成',
  },
  EDQUOT: {
    reason: '磁盘空间不足（超出该账户的配额）',
    advice: '请清理该账户的文件或请管理员提高配额后重新生成',
  },
  EACCES: {
    reason: '没有写入权限',
    advice: '请让管理员给运行生成命令的账户开放该文件夹的写入权限后重新生成',
  },
  EPERM: {
    reason: '没有写入权限',
    advice: '请让管理员给运行生成命令的账户开放该文件夹的写入权限后重新生成',
  },
  EROFS: {
    reason: '没有写入权限（所在磁盘是只读的）',
    advice: '请把网站放到可以写入的磁盘上，或请管理员取消只读后重新生成',
  },
};

/** The same, for the publishing steps' own file operations (renames, the dist link). */
const BUSY: Record<string, string> = {
  EBUSY: '文件正被其他程序占用',
  ENOTEMPTY: '目录正被其他程序改动',
  EEXIST: '目录正被其他程序改动',
};

export interface FileSystemProblem {
  reason: string;
  advice: string;
  /** The file or folder the operation was on, when the error names it. */
  path?: string;
}

/** The first file-system problem in an error or its causes (Astro and Vite wrap errors). */
export function fileSystemProblem(error: unknown): FileSystemProblem | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    const { code, path } = current as NodeJS.ErrnoException;
    const known = code ? REASONS[code] : undefined;
    if (known) return { ...known, ...(path ? { path } : {}) };
    current = current.cause;
  }
  return undefined;
}

/** Why a publishing step failed, in Chinese, when a publisher can fix it; undefined otherwise. */
export function publishStepReason(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? (REASONS[code]?.reason ?? BUSY[code]) : undefined;
}
