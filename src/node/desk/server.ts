import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import JSZip from 'jszip';
import {
  checkContentFiles,
  checkReportFolder,
  type ContentProblem,
  errorsOf,
} from '../../data/content-check.ts';
import { contentPathsFrom } from '../../data/paths.ts';
import { readDeployChecklist, readDeploySiteUrl } from '../../data/deploy-config.ts';
import { readRecord } from '../../data/editions.ts';
import { readIndicators } from '../../data/indicators.ts';
import {
  folderVersion,
  listReports,
  publishedState,
  readReportPlan,
} from '../../data/report-plan.ts';
import { deskUi } from '../../i18n/desk.ts';
import { applyFigureChoices, readProposedFigures } from '../../lib/desk/figure-choices.ts';
import { paragraphOfLine, placeIssue } from '../../lib/desk/issue-place.ts';
import {
  applyOutlineAction,
  applyReportForm,
  type FormValues,
} from '../../lib/desk/report-form.ts';
import { foundFields, sourceRows } from '../../lib/desk/source-view.ts';
import { deskCommandWording, formWording, needsEditionStep } from '../../lib/desk/wording.ts';
import type { Block } from '../../lib/import/blocks.ts';
import { type ProposedFigure, proposeFigures } from '../../lib/import/figures.ts';
import { messages } from '../../lib/import/messages.ts';
import { isAgencyId, readYearOption } from '../../lib/import/options.ts';
import { type ImportPlan, planImport } from '../../lib/import/plan.ts';
import { type ImportedReport, parseReport } from '../../lib/import/structure.ts';
import { SECURITY_HEADERS } from '../../lib/security/headers.ts';
import { BuildOptionsError, checkSiteUrl } from '../build-options.ts';
import { correctReport, EditionCommandError, publishReport, withdrawReport } from '../editions.ts';
import { withBuildLock } from '../publish.ts';
import { renderReportFiles } from '../report-files.ts';
import { ImportRefused, type ImportInput, readImportInput } from '../import-input.ts';
import { CONTENT_TYPES, resolveRequest } from '../static-server.ts';
import { type BuildJob, startBuild } from './build-job.ts';
import { saveDeploySiteUrl, saveReportPlan, SaveRefused } from './content-writes.ts';
import { esc, notice, page } from './html.ts';
import {
  contentMatchesKind,
  displayName,
  isDeskHost,
  isDeskOrigin,
  MAX_FORM_BYTES,
  MAX_UPLOAD_BYTES,
  pathAfterSecret,
  reportFolderPath,
  uploadKind,
} from './security.ts';
import {
  checklist,
  checkResult,
  importFindings,
  importForm,
  type ImportFormValues,
  jobProgress,
  type PlacedIssue,
  reportForm,
  reportList,
} from './views.ts';

/**
 * The desk: a small server on 127.0.0.1 for publishers, in Chinese. Every page and write is under
 * /<secret>/, the secret printed at start; it imports with the importer's modules, checks with
 * the content check's, writes with the importer's renderer under the build's lock, and builds by
 * running the build's own script.
 */

export interface DeskOptions {
  root: string;
  port: number;
  secret: string;
  /** content/reports under root unless given (tests use a scratch copy). */
  reportsDir?: string;
  /** The built site's folder, dist under root unless given (as OUT_DIR for the build). */
  outDir?: string;
  /** Logs unexpected errors (the terminal the desk was started from). */
  log?: (error: unknown) => void;
}

/** The desk's own stylesheet and script, served from here and never part of the built site. */
const ASSETS: Record<string, string> = {
  'desk.css': 'text/css; charset=utf-8',
  'desk.js': 'text/javascript; charset=utf-8',
};
const ASSET_DIR = path.resolve(import.meta.dirname, '../../desk');

/** The desk's pages allow nothing but their own files: no inline script or style, no framing. */
export const DESK_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const DESK_HEADERS: Record<string, string> = {
  'Content-Security-Policy': DESK_CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // same-origin, not no-referrer: with no-referrer, browsers send Origin: null on form posts.
  'Referrer-Policy': 'same-origin',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

interface PendingImport {
  name: string;
  input: ImportInput;
  report: ImportedReport;
  plan: ImportPlan;
  blocks: Block[];
  /** Key figures the text states, for the publisher to confirm or drop. */
  proposed: ProposedFigure[];
  replace: boolean;
  created: number;
}

class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export function createDesk(options: DeskOptions): http.Server {
  const root = path.resolve(options.root);
  const reportsDir = path.resolve(options.reportsDir ?? path.join(root, 'content/reports'));
  const distDir = path.resolve(options.outDir ?? path.join(root, 'dist'));
  // The preview is a build of its own, beside the site's, never uploaded.
  const previewDir = path.join(path.dirname(distDir), '.desk-preview');
  // content/: where deploy.yml is remembered.
  const contentDir = path.dirname(reportsDir);
  const base = `/${options.secret}`;
  const origin = `http://127.0.0.1:${options.port}`;
  const imports = new Map<string, PendingImport>();
  let job: BuildJob | undefined;
  let lastPreview: { finished: number } | undefined;
  let lastWrite = 0;
  const log = options.log ?? ((error: unknown) => console.error(error));

  const send = (
    res: http.ServerResponse,
    status: number,
    body: string | Buffer,
    type = 'text/html; charset=utf-8',
    extra: Record<string, string> = {},
  ) => {
    res.writeHead(status, { ...DESK_HEADERS, 'Content-Type': type, ...extra });
    res.end(body);
  };
  const redirect = (res: http.ServerResponse, to: string) => {
    res.writeHead(303, { ...DESK_HEADERS, Location: to });
    res.end();
  };
  const html = (
    res: http.ServerResponse,
    title: string,
    body: string,
    opts: { status?: number; current?: 'reports' | 'import' | 'build'; refresh?: number } = {},
  ) =>
    send(
      res,
      opts.status ?? 200,
      page({
        base,
        title,
        body,
        ...(opts.current ? { current: opts.current } : {}),
        ...(opts.refresh ? { refresh: opts.refresh } : {}),
      }),
    );

  async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) throw new HttpError(413, deskUi['error.tooLarge'](limit / 1024 / 1024));
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > limit) throw new HttpError(413, deskUi['error.tooLarge'](limit / 1024 / 1024));
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('application/x-www-form-urlencoded'))
      throw new HttpError(400, deskUi['error.badRequest']);
    return new URLSearchParams((await readBody(req, MAX_FORM_BYTES)).toString('utf8'));
  }

  const formValues =
    (form: URLSearchParams): FormValues =>
    (name) =>
      form.get(name) ?? undefined;

  // Reports ------------------------------------------------------------------------------------

  function reportHeader(folder: string, title: string, current: string): string {
    const tabs = (
      [
        ['edit', '', deskUi['report.tab.edit']],
        ['check', '/check', deskUi['report.tab.check']],
        ['preview', '/preview', deskUi['report.tab.preview']],
        ['publish', '/publish', deskUi['report.tab.publish']],
      ] as const
    )
      .map(
        ([key, suffix, label]) =>
          `<li><a href="${esc(`${base}/reports/${folder}${suffix}`)}"${key === current ? ' aria-current="page"' : ''}>${esc(label)}</a></li>`,
      )
      .join('');
    return `<h1>${esc(title)}</h1><p class="folder">content/reports/${esc(folder)}/</p>
<nav class="tabs" aria-label="${esc(deskUi['report.tabs'])}"><ul>${tabs}</ul></nav>`;
  }

  function loadPlan(folder: string): {
    plan: ImportPlan;
    dir: string;
    proposed: ProposedFigure[];
  } {
    const dir = reportFolderPath(reportsDir, folder);
    if (!dir || !existsSync(path.join(dir, 'report.md')))
      throw new HttpError(404, deskUi['notFound.body']);
    const plan = readReportPlan(dir);
    if (!plan) throw new HttpError(404, deskUi['notFound.body']);
    const proposed = readProposedFigures(readFileSync(path.join(dir, 'report.md'), 'utf8'));
    return { plan, dir, proposed };
  }

  const titleOf = (plan: ImportPlan) => String(plan.data['title'] ?? plan.folder);

  async function checkFolder(
    folder: string,
  ): Promise<{ mine: PlacedIssue[]; others: PlacedIssue[] }> {
    // The content door: every problem as data, as check:content and the build see them.
    const { problems } = await checkContentFiles(
      { ...contentPathsFrom(process.env), reportsDir },
      root,
    );
    const issues = problems.map((problem) => ({ ...problem, line: problem.line ?? 1 }));
    const prefix = path.relative(root, reportsDir);
    const placed = (issue: ContentProblem & { line: number }): PlacedIssue => {
      const [issueFolder = ''] = path.relative(prefix, issue.file).split(path.sep);
      const dir = reportFolderPath(reportsDir, issueFolder);
      const plan = dir && existsSync(path.join(dir, 'report.md')) ? readReportPlan(dir) : undefined;
      const headings = (plan?.sections ?? []).map((s) => ({ ...s, bodyStart: 0 }));
      const source = (name: string) => {
        try {
          return readFileSync(path.join(dir ?? '', name), 'utf8');
        } catch {
          return '';
        }
      };
      const reportSource = source('report.md');
      const frontEnd = reportSource.indexOf('\n---', 3);
      const reportBodyStart =
        frontEnd === -1 ? 0 : reportSource.slice(0, frontEnd).split('\n').length + 1;
      const place = placeIssue(
        issue,
        headings,
        (name, line) => paragraphOfLine(source(name), line),
        reportBodyStart,
      );
      return {
        severity: issue.severity,
        file: issue.file,
        line: issue.line,
        field: issue.field,
        found: deskCommandWording(issue.found),
        expected: deskCommandWording(issue.expected),
        place,
        // Edition problems are fixed on the 发布 page (publish, correct, withdraw).
        href: needsEditionStep(issue.expected)
          ? `${base}/reports/${issueFolder}/publish`
          : `${base}/reports/${issueFolder}#${place.anchor}`,
      };
    };
    const inFolder = (issue: ContentProblem & { line: number }) =>
      issue.file.startsWith(`${prefix}/${folder}/`) || issue.file === `${prefix}/${folder}`;
    const sorted = [...issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    return {
      mine: sorted.filter(inFolder).map(placed),
      others: sorted.filter((issue) => !inFolder(issue) && issue.severity === 'error').map(placed),
    };
  }

  async function saveOrExplain(
    save: () => Promise<string>,
  ): Promise<{ ok: true; version: string } | { ok: false; message: string }> {
    try {
      const version = await save();
      lastWrite = Date.now();
      return { ok: true, version };
    } catch (error) {
      if (!(error instanceof SaveRefused)) throw error;
      const message =
        error.reason === 'busy'
          ? deskUi['error.busy']
          : error.reason === 'changed'
            ? deskUi['error.changed']
            : error.reason === 'exists'
              ? ''
              : deskUi['error.badRequest'];
      return { ok: false, message };
    }
  }

  // Routes -------------------------------------------------------------------------------------

  async function route(req: http.IncomingMessage, res: http.ServerResponse, rest: string) {
    const method = req.method ?? 'GET';
    const post = method === 'POST';
    if (post && !isDeskOrigin(req.headers.origin, options.port))
      throw new HttpError(403, deskUi['error.badRequest']);
    if (!post && method !== 'GET' && method !== 'HEAD')
      throw new HttpError(405, deskUi['error.badRequest']);

    const asset = /^\/assets\/([a-z.-]+)$/.exec(rest);
    if (asset && ASSETS[asset[1]!]) {
      return send(res, 200, readFileSync(path.join(ASSET_DIR, asset[1]!)), ASSETS[asset[1]!]!);
    }
    if (rest === '/' && !post) return home(res);
    if (rest === '/import' && !post)
      return html(res, deskUi['import.title'], importForm(base), { current: 'import' });
    if (rest === '/import' && post) return upload(req, res);
    const pending = /^\/import\/([A-Za-z0-9_-]{16,})$/.exec(rest);
    if (pending) return post ? reviewPost(req, res, pending[1]!) : review(res, pending[1]!);
    const report = /^\/reports\/([^/]+)(?:\/(check|preview|publish))?$/.exec(rest);
    if (report) {
      const [, folder = '', view] = report;
      if (!view) return post ? editPost(req, res, folder) : edit(res, folder);
      if (view === 'check' && !post)
        return check(res, folder, new URL(req.url ?? '/', origin).searchParams.has('saved'));
      if (view === 'preview') return post ? previewStart(res, folder) : preview(res, folder);
      if (view === 'publish') return post ? publishPost(req, res, folder) : publish(res, folder);
    }
    if (rest === '/build') return post ? buildStart(req, res) : build(res);
    if (rest === '/build/site.zip' && !post) return archive(res);
    if (rest.startsWith('/preview/') || rest === '/preview') return servePreview(req, res);
    throw new HttpError(404, deskUi['notFound.body']);
  }

  function home(res: http.ServerResponse) {
    const reports = listReports(reportsDir);
    html(
      res,
      deskUi['home.title'],
      `<h1>${esc(deskUi['home.title'])}</h1><p>${esc(deskUi['home.intro'])}</p>
${reportList(base, reports)}
${importForm(base)}`,
      { current: 'reports' },
    );
  }

  async function upload(req: http.IncomingMessage, res: http.ServerResponse) {
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('multipart/form-data'))
      throw new HttpError(400, deskUi['error.badRequest']);
    const body = await readBody(req, MAX_UPLOAD_BYTES + 64 * 1024);
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(body), {
        headers: { 'content-type': type },
      }).formData();
    } catch {
      throw new HttpError(400, deskUi['error.badRequest']);
    }
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    const values: ImportFormValues = {
      agencyId: text('agencyId'),
      year: text('year'),
      agency: text('agency'),
      shortName: text('shortName'),
      title: text('title'),
    };
    const fail = (message: string, status = 422) =>
      html(res, deskUi['import.title'], importForm(base, values, formWording(message)), {
        status,
        current: 'import',
      });
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return fail(deskUi['error.noFile']);
    const name = displayName(file.name);
    if (file.size > MAX_UPLOAD_BYTES)
      return fail(deskUi['error.tooLarge'](MAX_UPLOAD_BYTES / 1024 / 1024), 413);
    const kind = uploadKind(name);
    if (!kind) return fail(deskUi['error.type'], 415);
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (!contentMatchesKind(kind, bytes)) return fail(deskUi['error.notDocx'], 415);
    if (!isAgencyId(values.agencyId ?? '')) return fail(deskUi['error.badAgencyId']);
    const year = values.year ? readYearOption(values.year) : undefined;
    if (values.year && year === undefined) return fail(deskUi['error.badYear']);
    let input: ImportInput;
    try {
      input = await readImportInput(name, bytes);
    } catch (error) {
      if (error instanceof ImportRefused) return fail(error.message);
      throw error;
    }
    const report = parseReport(input.blocks, { unit: input.unit });
    const result = planImport(report, {
      agencyId: values.agencyId!,
      inputName: name,
      outDir: path.relative(root, reportsDir) || 'content/reports',
      draft: true,
      ...(year !== undefined ? { year } : {}),
      ...(values.agency ? { agencyName: values.agency } : {}),
      ...(values.shortName ? { shortName: values.shortName } : {}),
      ...(values.title ? { title: values.title } : {}),
    });
    if (!result.ok)
      return fail(
        result.notAReport
          ? messages.notAReport(name, result.notAReport.message)
          : messages.cannotImport(name, result.problems),
      );
    // Checked as the build will check it, as npm run import does before writing.
    const shownDir = path.relative(root, reportsDir) || 'content/reports';
    const errors = errorsOf(
      await checkReportFolder(shownDir, result.plan.folder, renderReportFiles(result.plan)),
    );
    if (errors.length) return fail(messages.invalidResult(errors));
    const token = randomBytes(12).toString('base64url');
    // A few recent imports are kept; an old one is simply imported again.
    if (imports.size >= 20) imports.delete(imports.keys().next().value!);
    imports.set(token, {
      name,
      input,
      report,
      plan: result.plan,
      blocks: input.blocks,
      proposed: proposeFigures(
        result.plan.sections,
        readIndicators(contentPathsFrom(process.env).indicatorsFile, root).list,
      ),
      replace: form.get('replace') === 'on',
      created: Date.now(),
    });
    redirect(res, `${base}/import/${token}`);
  }

  function reviewPage(
    res: http.ServerResponse,
    token: string,
    pending: PendingImport,
    message = '',
    status = 200,
  ) {
    const rows = sourceRows(pending.blocks, pending.report, pending.plan);
    const fields = foundFields(pending.blocks, rows, pending.plan);
    const notes = [...pending.report.notes, ...pending.plan.notes, ...pending.input.notes].map(
      formWording,
    );
    html(
      res,
      deskUi['review.title'](pending.name),
      `<h1>${esc(deskUi['review.title'](pending.name))}</h1>
<p>${esc(deskUi['review.intro'])}</p>
${message}
${importFindings({ rows, fields, plan: pending.plan, unit: pending.input.unit, notImported: pending.input.notImported, notes })}
<section aria-labelledby="correct-heading" class="panel"><h2 id="correct-heading">${esc(deskUi['report.tab.edit'])}</h2>
${reportForm({ action: `${base}/import/${token}`, plan: pending.plan, proposed: pending.proposed, folderFixed: false, saveLabel: deskUi['review.save'] })}
</section>`,
      { status, current: 'import' },
    );
  }

  function review(res: http.ServerResponse, token: string) {
    const pending = imports.get(token);
    if (!pending)
      return html(
        res,
        deskUi['import.title'],
        notice('info', deskUi['review.expired']) + importForm(base),
        { status: 404, current: 'import' },
      );
    reviewPage(res, token, pending);
  }

  async function reviewPost(req: http.IncomingMessage, res: http.ServerResponse, token: string) {
    const pending = imports.get(token);
    if (!pending) return review(res, token);
    const form = await readForm(req);
    let plan = applyReportForm(pending.plan, formValues(form), false);
    const figures = applyFigureChoices(plan.data, pending.proposed, formValues(form));
    plan = { ...plan, data: figures.data };
    pending.proposed = figures.proposed;
    const data = plan.data as { year?: unknown; agency?: { id?: unknown } };
    plan = { ...plan, folder: `${String(data.year)}-${String(data.agency?.id ?? '')}` };
    const action = form.get('action') ?? 'save';
    if (action !== 'save') {
      pending.plan = applyOutlineAction(plan, withSplitTarget(action, form));
      return redirect(res, `${base}/import/${token}#correct-heading`);
    }
    pending.plan = plan;
    if (!reportFolderPath(reportsDir, plan.folder))
      return reviewPage(res, token, pending, notice('error', deskUi['error.badAgencyId']), 422);
    const saved = await saveOrExplain(() =>
      saveReportPlan({
        reportsDir,
        outDir: distDir,
        plan,
        replace: pending.replace,
        proposedFigures: pending.proposed,
      }),
    );
    if (!saved.ok)
      return reviewPage(
        res,
        token,
        pending,
        notice('error', saved.message || deskUi['error.exists'](plan.folder)),
        409,
      );
    imports.delete(token);
    redirect(res, `${base}/reports/${plan.folder}/check?saved`);
  }

  function withSplitTarget(action: string, form: URLSearchParams): string {
    const split = /^split:(\d+)$/.exec(action);
    return split ? `${action}:${form.get(`section.${split[1]}.splitAt`) ?? ''}` : action;
  }

  function editPage(
    res: http.ServerResponse,
    folder: string,
    plan: ImportPlan,
    proposed: readonly ProposedFigure[],
    version: string,
    message = '',
    status = 200,
  ) {
    html(
      res,
      titleOf(plan),
      `${reportHeader(folder, titleOf(plan), 'edit')}${message}
${reportForm({ action: `${base}/reports/${folder}`, plan, proposed, folderFixed: true, version, saveLabel: deskUi['form.save'] })}`,
      { status, current: 'reports' },
    );
  }

  function edit(res: http.ServerResponse, folder: string) {
    const { plan, dir, proposed } = loadPlan(folder);
    editPage(res, folder, plan, proposed, folderVersion(dir));
  }

  async function editPost(req: http.IncomingMessage, res: http.ServerResponse, folder: string) {
    const { plan: current, proposed: found } = loadPlan(folder);
    const form = await readForm(req);
    let plan = applyReportForm(current, formValues(form), true);
    const figures = applyFigureChoices(plan.data, found, formValues(form));
    plan = { ...plan, data: figures.data };
    const action = form.get('action') ?? 'save';
    if (action !== 'save') plan = applyOutlineAction(plan, withSplitTarget(action, form));
    const saved = await saveOrExplain(() =>
      saveReportPlan({
        reportsDir,
        outDir: distDir,
        plan,
        expectedVersion: form.get('version') ?? '',
        proposedFigures: figures.proposed,
      }),
    );
    if (!saved.ok)
      return editPage(
        res,
        folder,
        plan,
        figures.proposed,
        form.get('version') ?? '',
        notice('error', saved.message),
        409,
      );
    if (action !== 'save')
      return redirect(res, `${base}/reports/${folder}#sec-${sectionAfter(action, plan)}`);
    redirect(res, `${base}/reports/${folder}/check?saved`);
  }

  /** The section an outline action leaves the publisher at. */
  function sectionAfter(action: string, plan: ImportPlan): string {
    const index = Number(action.split(':')[1] ?? 0);
    const at = plan.sections[Math.min(index, plan.sections.length - 1)] ?? plan.sections[0];
    return at?.id ?? '';
  }

  async function check(res: http.ServerResponse, folder: string, saved: boolean) {
    const { plan } = loadPlan(folder);
    const { mine, others } = await checkFolder(folder);
    html(
      res,
      `${deskUi['check.title']} - ${titleOf(plan)}`,
      `${reportHeader(folder, titleOf(plan), 'check')}
${saved ? notice('ok', deskUi['check.saved']) : ''}
${checkResult(mine, others)}`,
      { current: 'reports' },
    );
  }

  function previewLinks(folder: string, plan: ImportPlan): string {
    const at = (suffix: string) => `${base}/preview/reports/${folder}/${suffix}`;
    return `<h2>${esc(deskUi['preview.report'])}</h2>
<p><a href="${esc(at(''))}">${esc(titleOf(plan))}</a></p>
<h2>${esc(deskUi['preview.sections'])}</h2>
<ul>${plan.sections.map((s) => `<li><a href="${esc(at(`${s.id}/`))}">${esc(`${s.numbering}${s.title}`)}</a></li>`).join('')}</ul>`;
  }

  function preview(res: http.ServerResponse, folder: string) {
    const { plan } = loadPlan(folder);
    const running = job?.kind === 'preview' && job.state === 'running';
    const body = [
      reportHeader(folder, titleOf(plan), 'preview'),
      `<p>${esc(deskUi['preview.intro'])}</p>`,
      job?.kind === 'preview' ? jobProgress(job) : '',
      !running && lastPreview
        ? (lastWrite > lastPreview.finished ? notice('info', deskUi['preview.stale']) : '') +
          previewLinks(folder, plan)
        : '',
      !running && !lastPreview ? `<p>${esc(deskUi['preview.none'])}</p>` : '',
      running
        ? ''
        : `<form method="post" action="${esc(`${base}/reports/${folder}/preview`)}"><button type="submit" class="primary">${esc(lastPreview ? deskUi['preview.again'] : deskUi['preview.start'])}</button></form>`,
    ].join('\n');
    html(res, `${deskUi['preview.title']} - ${titleOf(plan)}`, body, {
      current: 'reports',
      ...(running ? { refresh: 2 } : {}),
    });
  }

  function previewStart(res: http.ServerResponse, folder: string) {
    loadPlan(folder);
    if (job?.state === 'running') throw new HttpError(409, deskUi['error.jobRunning']);
    job = startBuild({
      root,
      kind: 'preview',
      siteUrl: `${origin}${base}/preview/`,
      outDir: previewDir,
      drafts: true,
      onEnd: (ended) => {
        if (ended.state === 'done') lastPreview = { finished: ended.finished! };
      },
    });
    redirect(res, `${base}/reports/${folder}/preview`);
  }

  async function publish(res: http.ServerResponse, folder: string, message = '', status = 200) {
    const { plan, dir } = loadPlan(folder);
    const draft = plan.data['draft'] === true;
    const published =
      typeof plan.data['published'] === 'string' ? (plan.data['published'] as string) : '';
    const { state, edition } = draft
      ? { state: 'draft' as const, edition: undefined }
      : publishedState(dir);
    const hasRecord = Boolean(readRecord(dir).record);
    const target = esc(`${base}/reports/${folder}/publish`);
    const noteField = (id: string, label: string, hint: string) =>
      `<p class="field"><label for="${id}">${esc(label)}</label><span class="hint" id="${id}-hint">${esc(hint)}</span>
<textarea id="${id}" name="note" rows="2" maxlength="200" required aria-describedby="${id}-hint"></textarea></p>`;
    const forms = draft
      ? `<form method="post" action="${target}" class="publish-form">
<input type="hidden" name="do" value="publish">
<p class="field"><label for="p-date">${esc(deskUi['publish.date'])}</label><span class="hint" id="p-date-hint">${esc(deskUi['publish.dateHint'])}</span>
<input id="p-date" name="published" type="date" required value="${esc(published)}" aria-describedby="p-date-hint"></p>
<p><button type="submit" class="primary">${esc(deskUi['publish.submit'])}</button></p>
</form>`
      : state === 'withdrawn'
        ? notice('info', deskUi['withdraw.already'])
        : !hasRecord
          ? `<p>${esc(deskUi['publish.recordIntro'])}</p><form method="post" action="${target}"><input type="hidden" name="do" value="publish"><p><button type="submit" class="primary">${esc(deskUi['publish.record'])}</button></p></form>`
          : `<section aria-labelledby="correct-heading" class="panel"><h2 id="correct-heading">${esc(deskUi['correct.title'])}</h2>
<p>${esc(deskUi['correct.intro'])}</p>
<form method="post" action="${target}">
<input type="hidden" name="do" value="correct">
${noteField('c-note', deskUi['correct.note'], deskUi['correct.noteHint'])}
<p class="field"><label for="c-date">${esc(deskUi['correct.date'])}</label><input id="c-date" name="date" type="date"></p>
<p><button type="submit" class="primary">${esc(deskUi['correct.submit'])}</button></p>
</form></section>
<section aria-labelledby="withdraw-heading" class="panel"><h2 id="withdraw-heading">${esc(deskUi['withdraw.title'])}</h2>
<p>${esc(deskUi['withdraw.intro'])}</p>
<form method="post" action="${target}">
<input type="hidden" name="do" value="withdraw">
${noteField('w-note', deskUi['withdraw.note'], deskUi['withdraw.noteHint'])}
<p><button type="submit" class="secondary">${esc(deskUi['withdraw.submit'])}</button></p>
</form></section>`;
    const body = `${reportHeader(folder, titleOf(plan), 'publish')}
<p>${esc(deskUi['publish.intro'])}</p>
<p>${esc(deskUi['publish.state'](deskUi[`state.${state}`], edition))}</p>
${message}
${forms}`;
    html(res, `${deskUi['publish.title']} - ${titleOf(plan)}`, body, {
      status,
      current: 'reports',
    });
  }

  /** Publish, correct and withdraw: the edition commands' own functions, under the build's lock. */
  async function publishPost(req: http.IncomingMessage, res: http.ServerResponse, folder: string) {
    loadPlan(folder);
    const form = await readForm(req);
    const what = form.get('do');
    const options = { reportsDir, cwd: root };
    const date = form.get('date')?.trim() || undefined;
    let done: string;
    try {
      done = await withBuildLock(distDir, async () => {
        if (what === 'publish') {
          await publishReport(folder, {
            ...options,
            date: form.get('published')?.trim() || undefined,
          });
          return deskUi['publish.done'](folder);
        }
        if (what === 'correct') {
          const { edition } = await correctReport(folder, form.get('note') ?? '', {
            ...options,
            date,
          });
          return deskUi['correct.done'](edition);
        }
        if (what === 'withdraw') {
          await withdrawReport(folder, form.get('note') ?? '', options);
          return deskUi['withdraw.done'];
        }
        throw new HttpError(400, deskUi['error.badRequest']);
      });
    } catch (error) {
      if (error instanceof EditionCommandError)
        return publish(
          res,
          folder,
          notice(
            'error',
            deskUi['publish.errorsFirst'],
            `<pre class="message">${esc(error.message)}</pre>`,
          ),
          422,
        );
      if ((error as Error).name === 'PublishError')
        return publish(res, folder, notice('error', deskUi['error.busy']), 409);
      throw error;
    }
    lastWrite = Date.now();
    publish(
      res,
      folder,
      notice(
        'ok',
        done,
        `<p><a href="${esc(`${base}/build`)}">${esc(deskUi['nav.build'])}</a></p>`,
      ),
    );
  }

  function build(res: http.ServerResponse, message = '', status = 200) {
    const siteUrl = readDeploySiteUrl(contentDir) ?? '';
    const running = job?.kind === 'site' && job.state === 'running';
    const done = job?.kind === 'site' && job.state === 'done';
    const body = `<h1>${esc(deskUi['build.title'])}</h1>
<p>${esc(deskUi['build.intro'])}</p>
${message}
${job?.kind === 'site' ? jobProgress(job) : ''}
${
  done
    ? notice('ok', deskUi['build.done'](((job!.finished! - job!.started) / 1000).toFixed(1))) +
      `<section aria-labelledby="upload-heading" class="panel"><h2 id="upload-heading">${esc(deskUi['build.folder'])}</h2>
<p><code class="path">${esc(distDir)}${esc(path.sep)}</code></p><p>${esc(deskUi['build.folderHint'])}</p>
<p><a class="button" href="${esc(`${base}/build/site.zip`)}" download>${esc(deskUi['build.archive'])}</a></p><p class="hint">${esc(deskUi['build.archiveHint'])}</p></section>` +
      checklist(readDeployChecklist(root))
    : ''
}
${
  running
    ? ''
    : `<form method="post" action="${esc(`${base}/build`)}" class="build-form" aria-labelledby="build-form-heading">
<h2 id="build-form-heading">${esc(done ? deskUi['build.again'] : deskUi['build.submit'])}</h2>
<p class="field"><label for="b-url">${esc(deskUi['build.siteUrl'])}</label><span class="hint" id="b-url-hint">${esc(deskUi['build.siteUrlHint'])}</span>
<input id="b-url" name="siteUrl" type="url" required value="${esc(siteUrl)}" placeholder="https://www.example.gov.cn/fzzf/" aria-describedby="b-url-hint" spellcheck="false"></p>
<p><button type="submit" class="primary">${esc(deskUi['build.submit'])}</button></p>
</form>`
}`;
    html(res, deskUi['build.title'], body, {
      status,
      current: 'build',
      ...(running ? { refresh: 2 } : {}),
    });
  }

  async function buildStart(req: http.IncomingMessage, res: http.ServerResponse) {
    const form = await readForm(req);
    if (job?.state === 'running')
      return build(res, notice('error', deskUi['error.jobRunning']), 409);
    let siteUrl: string;
    try {
      siteUrl = checkSiteUrl(form.get('siteUrl')?.trim() ?? '');
    } catch (error) {
      if (!(error instanceof BuildOptionsError)) throw error;
      return build(res, notice('error', error.message), 422);
    }
    if (readDeploySiteUrl(contentDir) !== siteUrl) await saveDeploySiteUrl(contentDir, siteUrl);
    job = startBuild({ root, kind: 'site', siteUrl, outDir: distDir, drafts: false });
    redirect(res, `${base}/build`);
  }

  async function archive(res: http.ServerResponse) {
    if (!existsSync(path.join(distDir, 'index.html')))
      throw new HttpError(404, deskUi['notFound.body']);
    const live = realpathSync(distDir);
    const zip = new JSZip();
    const add = async (dir: string, prefix: string) => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await add(full, `${prefix}${entry.name}/`);
        else if (entry.isFile()) zip.file(`${prefix}${entry.name}`, readFileSync(full));
      }
    };
    await add(live, '');
    const stamp = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    res.writeHead(200, {
      ...DESK_HEADERS,
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="site-${stamp}.zip"`,
    });
    zip
      .generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'DEFLATE' })
      .pipe(res);
  }

  function servePreview(req: http.IncomingMessage, res: http.ServerResponse) {
    if (!existsSync(previewDir)) throw new HttpError(404, deskUi['preview.none']);
    const live = realpathSync(previewDir);
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', origin).pathname);
    } catch {
      throw new HttpError(400, deskUi['error.badRequest']);
    }
    const answer = resolveRequest(live, `${base}/preview/`, pathname);
    if ('redirect' in answer) return redirect(res, answer.redirect);
    const file = path.resolve(answer.file);
    // resolveRequest keeps paths under the folder by prefix; the separator makes it exact.
    if (!file.startsWith(live + path.sep) || !existsSync(file) || !statSync(file).isFile())
      throw new HttpError(404, deskUi['notFound.body']);
    res.writeHead(answer.found ? 200 : 404, {
      ...Object.fromEntries(SECURITY_HEADERS.map(({ name, value }) => [name, value])),
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(res);
  }

  return http.createServer((req, res) => {
    const fail = (status: number, title: string, text: string) =>
      html(
        res,
        title,
        `<h1>${esc(title)}</h1>${notice(status >= 500 ? 'error' : 'info', text)}<p><a href="${esc(base)}/">${esc(deskUi['back.home'])}</a></p>`,
        { status },
      );
    if (!isDeskHost(req.headers.host, options.port)) {
      res.writeHead(421, { ...DESK_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(deskUi['denied.body']);
      return;
    }
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', origin).pathname;
    } catch {
      pathname = '/';
    }
    const rest = pathAfterSecret(pathname, options.secret);
    if (rest === undefined) {
      // The bare address and wrong secrets get the same page, which never shows the secret.
      res.writeHead(403, { ...DESK_HEADERS, 'Content-Type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(deskUi['denied.title'])}</title></head><body><main><h1>${esc(deskUi['denied.title'])}</h1><p>${esc(deskUi['denied.body'])}</p></main></body></html>`,
      );
      return;
    }
    route(req, res, rest).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        // Whatever is left of a refused upload is not read.
        if (error.status === 413) res.setHeader('Connection', 'close');
        fail(
          error.status,
          error.status === 404 ? deskUi['notFound.title'] : deskUi['error.title'],
          error.message,
        );
        return;
      }
      log(error);
      fail(500, deskUi['error.title'], deskUi['error.unexpected']);
    });
  });
}
