import { deskUi } from '../../i18n/desk.ts';
import {
  type IssuePlace,
  reportFieldAnchor,
  sectionFieldAnchor,
} from '../../lib/desk/issue-place.ts';
import { REPORT_FIELDS, sectionField } from '../../lib/desk/report-form.ts';
import { type FoundField, headingOf, type SourceRow } from '../../lib/desk/source-view.ts';
import { figureField } from '../../lib/desk/figure-choices.ts';
import type { ProposedFigure } from '../../lib/import/figures.ts';
import type { ImportPlan } from '../../lib/import/plan.ts';
import type { ReportListing } from '../../data/report-plan.ts';
import { STATUTORY_ITEMS } from '../../schemas/section.ts';
import type { BuildJob } from './build-job.ts';
import { esc, inlineCode, notice } from './html.ts';
import { MAX_UPLOAD_BYTES } from './security.ts';

/** The desk's views: functions of plain data to HTML, every value escaped. */

const MB = MAX_UPLOAD_BYTES / 1024 / 1024;

const stateLabel = (state: ReportListing['state']) => deskUi[`state.${state}`];

export function reportList(base: string, reports: readonly ReportListing[]): string {
  if (!reports.length) return `<p>${esc(deskUi['home.empty'])}</p>`;
  const rows = reports
    .map(
      (report) => `<tr>
<td>${esc(report.year ?? '')}</td>
<td>${esc(report.agency ?? '')}</td>
<td><a href="${esc(`${base}/reports/${report.folder}`)}">${esc(report.title ?? report.folder)}</a></td>
<td><span class="state state-${esc(report.state)}">${esc(stateLabel(report.state))}</span></td>
</tr>`,
    )
    .join('\n');
  return `<div class="table-wrap"><table class="reports">
<caption>${esc(deskUi['home.caption'])}</caption>
<thead><tr><th scope="col">${esc(deskUi['home.col.year'])}</th><th scope="col">${esc(deskUi['home.col.agency'])}</th><th scope="col">${esc(deskUi['home.col.title'])}</th><th scope="col">${esc(deskUi['home.col.state'])}</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}

export interface ImportFormValues {
  agencyId?: string;
  year?: string;
  agency?: string;
  shortName?: string;
  title?: string;
}

export function importForm(base: string, values: ImportFormValues = {}, error?: string): string {
  const input = (name: keyof ImportFormValues, label: string, extra = '', hint?: string) => {
    const hintId = hint ? `hint-${name}` : '';
    return `<p class="field"><label for="u-${name}">${esc(label)}</label>
${hint ? `<span class="hint" id="${hintId}">${esc(hint)}</span>` : ''}
<input id="u-${name}" name="${name}" value="${esc(values[name] ?? '')}"${hint ? ` aria-describedby="${hintId}"` : ''} ${extra}></p>`;
  };
  return `<section aria-labelledby="import-heading" class="panel">
<h2 id="import-heading">${esc(deskUi['import.title'])}</h2>
<p>${esc(deskUi['import.intro'])}</p>
${error ? notice('error', deskUi['import.failed'], `<pre class="message">${esc(error)}</pre>`) : ''}
<form method="post" action="${esc(`${base}/import`)}" enctype="multipart/form-data" class="import-form">
<div class="drop-zone" data-drop-zone>
<p class="field"><label for="u-file">${esc(deskUi['import.file'])}</label>
<span class="hint" id="hint-file">${esc(deskUi['import.fileHint'](MB))}</span>
<input id="u-file" type="file" name="file" required accept=".docx,.txt,.md,.markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown" aria-describedby="hint-file"></p>
<p class="drop-hint" data-drop-hint hidden>${esc(deskUi['import.drop'])}</p>
</div>
${input('agencyId', deskUi['import.agencyId'], 'required pattern="[a-z][a-z0-9\\-]*" autocomplete="off" spellcheck="false"', deskUi['import.agencyIdHint'])}
<details><summary>${esc(deskUi['import.more'])}</summary>
${input('title', deskUi['field.title'])}
${input('year', deskUi['import.year'], 'inputmode="numeric" pattern="[0-9]{4}"')}
${input('agency', deskUi['field.agency.name'])}
${input('shortName', deskUi['field.agency.shortName'])}
<p class="field check"><input type="checkbox" id="u-replace" name="replace"><label for="u-replace">${esc(deskUi['import.replace'])}</label></p>
</details>
<p><button type="submit" class="primary">${esc(deskUi['import.submit'])}</button></p>
</form>
</section>`;
}

const FIELD_LABEL: Record<string, string> = {
  title: deskUi['field.title'],
  'agency.name': deskUi['field.agency.name'],
  'agency.shortName': deskUi['field.agency.shortName'],
  year: deskUi['field.year'],
  published: deskUi['field.published'],
  'signature.body': deskUi['field.signature.body'],
  'signature.date': deskUi['field.signature.date'],
  summary: deskUi['field.summary'],
  source: deskUi['field.source'],
  indexNumber: deskUi['field.indexNumber'],
  documentNumber: deskUi['field.documentNumber'],
};

/** The importer's findings beside the source text. */
export function importFindings(options: {
  rows: readonly SourceRow[];
  fields: readonly FoundField[];
  plan: ImportPlan;
  unit: string;
  notImported: readonly string[];
  notes: readonly string[];
}): string {
  const { rows, fields, plan, unit } = options;
  const lineLink = (line: number | undefined) =>
    line === undefined
      ? ''
      : ` <a class="line-ref" href="#src-${line}">${esc(deskUi['review.lineRef'](unit, line))}</a>`;
  const roleLabel = (row: SourceRow) => deskUi[`review.role.${row.role}`];
  const source = rows
    .map(
      (row) => `<li id="src-${row.line}" class="src src-${row.role}" value="${row.line}">
<span class="src-role">${esc(roleLabel(row))}${row.sectionId ? ` ${esc(row.sectionId)}` : ''}</span>
<span class="src-text">${esc(row.text)}</span>
${row.notImported ? `<span class="src-reason">${esc(row.notImported)}</span>` : ''}
</li>`,
    )
    .join('\n');
  const found = Object.keys(FIELD_LABEL)
    .map((field) => {
      const value = fields.find((each) => each.field === field);
      return `<div><dt>${esc(FIELD_LABEL[field])}</dt><dd>${
        value
          ? `${esc(value.value)}${value.origin ? `<span class="origin">${esc(deskUi['review.origin'](value.origin))}</span>` : ''}${lineLink(value.line)}`
          : `<span class="missing">${esc(deskUi['review.notFound'])}</span>`
      }</dd></div>`;
    })
    .join('\n');
  const headings = plan.sections
    .map(
      (section) =>
        `<li class="${section.parent ? 'sub' : 'part'}">${esc(section.id)} ${esc(headingOf(section))}${
          section.item
            ? ` <span class="origin">→ ${esc(section.item)}${section.itemComment ? `（${esc(section.itemComment)}）` : ''}</span>`
            : ''
        }${lineLink(section.line)}</li>`,
    )
    .join('\n');
  const dropped = rows.filter((row) => row.notImported);
  const notImported = [
    ...dropped.map(
      (row) =>
        `<li><a class="line-ref" href="#src-${row.line}">${esc(deskUi['review.lineRef'](unit, row.line))}</a>：“${esc(row.text)}”<br>${esc(row.notImported)}</li>`,
    ),
    ...options.notImported.map(
      (text) => `<li>${esc(text)}：Word 文件中的图片不导入，网站上的报告只有文字</li>`,
    ),
  ];
  return `<div class="findings">
<section class="source" aria-labelledby="source-heading">
<h2 id="source-heading">${esc(deskUi['review.source'])}</h2>
<ol class="source-lines">${source}</ol>
</section>
<section class="found" aria-labelledby="found-heading">
<h2 id="found-heading">${esc(deskUi['review.found'])}</h2>
<dl class="found-fields">${found}</dl>
<h3>${esc(deskUi['review.headings'])}</h3>
<ul class="found-headings">${headings}</ul>
<h3 id="not-imported">${esc(deskUi['review.notImported'])}</h3>
${notImported.length ? `<ul class="not-imported">${notImported.join('\n')}</ul>` : `<p>${esc(deskUi['review.notImportedNone'])}</p>`}
${options.notes.length ? `<h3>${esc(deskUi['review.notes'])}</h3><ul class="notes">${options.notes.map((note) => `<li>${esc(note)}</li>`).join('')}</ul>` : ''}
</section>
</div>`;
}

/** The report form: report.md's values, then each section's heading, level, item and text. */
export function reportForm(options: {
  action: string;
  plan: ImportPlan;
  /** Key figures proposed from the text, each to be confirmed or dropped. */
  proposed?: readonly ProposedFigure[];
  folderFixed: boolean;
  version?: string;
  saveLabel: string;
}): string {
  const { plan } = options;
  const data = plan.data as Record<string, unknown> & {
    agency?: Record<string, unknown>;
    signature?: Record<string, unknown>;
  };
  const value = (field: string): string => {
    const [a, b] = field.split('.');
    const v = b === undefined ? data[a!] : (data[a!] as Record<string, unknown> | undefined)?.[b];
    return v === undefined ? '' : String(v);
  };
  const field = (
    name: string,
    label: string,
    opts: {
      type?: string;
      hint?: string;
      readonly?: boolean;
      textarea?: boolean;
      rows?: number;
      value?: string;
    } = {},
  ) => {
    const id = reportFieldAnchor(name);
    const hint = opts.readonly ? deskUi['field.folderFixed'] : opts.hint;
    const hintId = `${id}-hint`;
    const described = hint ? ` aria-describedby="${hintId}"` : '';
    const v = opts.value ?? value(name);
    const control = opts.textarea
      ? `<textarea id="${id}" name="${esc(name)}" rows="${opts.rows ?? 6}"${described}>${esc(v)}</textarea>`
      : `<input id="${id}" name="${esc(name)}" type="${opts.type ?? 'text'}" value="${esc(v)}"${opts.readonly ? ' readonly' : ''}${described}>`;
    return `<p class="field"><label for="${id}">${esc(label)}</label>${hint ? `<span class="hint" id="${hintId}">${esc(hint)}</span>` : ''}${control}</p>`;
  };
  const optional = deskUi['field.optional'];
  const sections = plan.sections
    .map((section, index) => {
      const f = (name: Parameters<typeof sectionField>[1]) => esc(sectionField(index, name));
      const id = (name: string) => sectionFieldAnchor(section.id, name);
      const isPart = section.parent === undefined;
      const items = STATUTORY_ITEMS.map(
        (item) => `<option${item === section.item ? ' selected' : ''}>${esc(item)}</option>`,
      ).join('');
      const splitOptions = section.paragraphs
        .map((text, i) => {
          const plain = text.replace(/\*\*/g, '').replace(/\\(.)/g, '$1');
          const short = plain.length > 24 ? `${plain.slice(0, 24)}…` : plain;
          return `<option value="${i}">${esc(deskUi['form.paragraph'](i + 1, short))}</option>`;
        })
        .join('');
      return `<fieldset class="section-edit ${isPart ? 'part' : 'sub'}" id="sec-${esc(section.id)}">
<legend>${esc(deskUi['form.sectionLegend'](headingOf(section)))}</legend>
<div class="row">
<p class="field"><label for="${id('level')}">${esc(deskUi['form.level'])}</label>
<select id="${id('level')}" name="${f('level')}"${index === 0 ? ' disabled' : ''}>
<option value="part"${isPart ? ' selected' : ''}>${esc(deskUi['form.level.part'])}</option>
<option value="subsection"${isPart ? '' : ' selected'}>${esc(deskUi['form.level.subsection'])}</option>
</select></p>
${
  isPart
    ? `<p class="field"><label for="${id('item')}">${esc(deskUi['form.item'])}</label>${section.itemComment ? `<span class="hint" id="${id('item')}-hint">${esc(deskUi['form.itemGuess'](section.itemComment))}</span>` : ''}
<select id="${id('item')}" name="${f('item')}"${section.itemComment ? ` aria-describedby="${id('item')}-hint"` : ''}>${items}</select></p>`
    : ''
}
</div>
<p class="field"><label for="${id('title')}">${esc(deskUi['form.sectionTitle'])}</label>
<input id="${id('title')}" name="${f('title')}" value="${esc(section.title)}"></p>
<p class="field check"><input type="checkbox" id="${id('runin')}" name="${f('runIn')}"${section.runIn ? ' checked' : ''}><label for="${id('runin')}">${esc(deskUi['form.runIn'])}</label></p>
<p class="field"><label for="${id('body')}">${esc(deskUi['form.body'])}</label>
<textarea id="${id('body')}" name="${f('body')}" rows="${Math.min(12, 2 + section.paragraphs.length * 2)}">${esc(section.paragraphs.join('\n\n'))}</textarea></p>
<div class="row actions">
${index > 0 ? `<button type="submit" name="action" value="join:${index}" class="secondary">${esc(deskUi['form.join'])}</button>` : ''}
${
  section.paragraphs.length
    ? `<span class="split"><label for="${id('split')}">${esc(deskUi['form.splitAt'])}</label>
<select id="${id('split')}" name="section.${index}.splitAt">${splitOptions}</select>
<button type="submit" name="action" value="split:${index}" class="secondary">${esc(deskUi['form.split'])}</button></span>`
    : ''
}
</div>
</fieldset>`;
    })
    .join('\n');
  const save = `<p class="save"><button type="submit" name="action" value="save" class="primary">${esc(options.saveLabel)}</button> <span class="hint">${esc(deskUi['form.saveHint'])}</span></p>`;
  return `<form method="post" action="${esc(options.action)}" class="report-form">
${options.version ? `<input type="hidden" name="version" value="${esc(options.version)}">` : ''}
${save}
<fieldset class="report-fields"><legend>${esc(deskUi['form.report'])}</legend>
${field(REPORT_FIELDS.title, deskUi['field.title'])}
<div class="row">
${field(REPORT_FIELDS.agencyName, deskUi['field.agency.name'], plan.comments['agency.name'] ? { hint: plan.comments['agency.name'] } : {})}
${field(REPORT_FIELDS.shortName, deskUi['field.agency.shortName'], plan.comments['agency.shortName'] ? { hint: plan.comments['agency.shortName'] } : {})}
</div>
<div class="row">
${field(REPORT_FIELDS.agencyId, deskUi['field.agency.id'], { readonly: options.folderFixed })}
${field(REPORT_FIELDS.year, deskUi['field.year'], { readonly: options.folderFixed })}
${field(REPORT_FIELDS.published, deskUi['field.published'], { type: 'date' })}
</div>
<div class="row">
${field(REPORT_FIELDS.signatureBody, deskUi['field.signature.body'])}
${field(REPORT_FIELDS.signatureDate, deskUi['field.signature.date'], { type: 'date' })}
</div>
${field(REPORT_FIELDS.summary, deskUi['field.summary'], { textarea: true, rows: 2, ...(plan.comments['summary'] ? { hint: plan.comments['summary'] } : {}) })}
<div class="row">
${field(REPORT_FIELDS.source, deskUi['field.source'] + optional)}
${field(REPORT_FIELDS.indexNumber, deskUi['field.indexNumber'] + optional)}
${field(REPORT_FIELDS.documentNumber, deskUi['field.documentNumber'] + optional)}
</div>
${field(REPORT_FIELDS.sourceUrl, deskUi['field.sourceUrl'] + optional, { type: 'url' })}
${field(REPORT_FIELDS.preamble, deskUi['field.preamble'], { textarea: true, value: plan.preamble.join('\n\n') })}
</fieldset>
${proposedFigures(options.proposed ?? [])}
<fieldset class="sections"><legend>${esc(deskUi['form.sections'])}</legend>
<p class="hint">${esc(deskUi['form.sectionsIntro'])}</p>
${sections}
</fieldset>
${save}
</form>`;
}

export interface PlacedIssue {
  severity: 'error' | 'warning';
  file: string;
  line?: number;
  field: string;
  found: string;
  expected: string;
  place: IssuePlace;
  /** The form page that fixes it (this report's, or another's). */
  href: string;
}

export function checkResult(
  issues: readonly PlacedIssue[],
  others: readonly PlacedIssue[],
): string {
  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  const item = (issue: PlacedIssue) => `<li class="issue issue-${issue.severity}">
<p class="issue-place"><strong>${esc(issue.place.words)}</strong> <a href="${esc(issue.href)}">${esc(deskUi['check.fix'])}</a></p>
<dl><div><dt>${esc(deskUi['check.found'])}</dt><dd>${esc(issue.found)}</dd></div>
<div><dt>${esc(deskUi['check.expected'])}</dt><dd>${esc(issue.expected)}</dd></div></dl>
<p class="issue-file">${esc(deskUi['check.file'](issue.file, issue.line))}</p>
</li>`;
  const list = (heading: string, id: string, items: readonly PlacedIssue[]) =>
    items.length
      ? `<section aria-labelledby="${id}"><h2 id="${id}">${esc(heading)}</h2><ol class="issues">${items.map(item).join('\n')}</ol></section>`
      : '';
  return [
    errors.length ? '' : notice('ok', deskUi['check.ok']),
    list(deskUi['check.errors'](errors.length), 'errors-heading', errors),
    list(deskUi['check.warnings'](warnings.length), 'warnings-heading', warnings),
    list(deskUi['check.other'], 'others-heading', others),
  ].join('\n');
}

/** A running or finished build: its steps with their times, then what it ended with. */
export function jobProgress(job: BuildJob, now = Date.now()): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  const steps = job.steps
    .map((step, i) => {
      const end = job.steps[i + 1]?.at ?? job.finished;
      return `<li${end === undefined ? ' aria-current="step"' : ''}>${esc(step.label)}${end !== undefined ? ` <span class="time">${esc(deskUi['build.stepDone'](seconds(end - step.at)))}</span>` : ' <span class="time">…</span>'}</li>`;
    })
    .join('');
  const elapsed = seconds((job.finished ?? now) - job.started);
  return `<div class="progress" aria-live="polite">
<h2>${esc(deskUi['build.progress'])}</h2>
<p>${esc(job.state === 'running' ? deskUi['build.running'] : '')} ${esc(deskUi['build.elapsed'](elapsed))}</p>
<ol class="steps" aria-label="${esc(deskUi['build.progress'])}">${steps}</ol>
${job.state === 'running' ? `<p class="hint">${esc(deskUi['build.refreshHint'])}</p>` : ''}
${job.state === 'failed' ? notice('error', deskUi['build.failed'], `<pre class="message">${esc(job.errors.trim())}</pre>`) : ''}
</div>`;
}

export function checklist(items: { upload: string[]; checks: string[] }): string {
  return `<section aria-labelledby="checklist-heading" class="panel">
<h2 id="checklist-heading">${esc(deskUi['build.checklist'])}</h2>
${items.upload.map((text) => `<p>${inlineCode(text)}</p>`).join('')}
<ol class="checklist">${items.checks.map((text) => `<li>${inlineCode(text)}</li>`).join('')}</ol>
</section>`;
}

/** One choice per proposed figure: still to check (the default), confirm, or drop. */
function proposedFigures(figures: readonly ProposedFigure[]): string {
  if (!figures.length) return '';
  const choices = [
    ['keep', deskUi['figures.keep']],
    ['confirm', deskUi['figures.confirm']],
    ['drop', deskUi['figures.drop']],
  ] as const;
  const items = figures
    .map((figure, index) => {
      const name = figureField(index);
      const id = `figure-${index}`;
      const radios = choices
        .map(
          ([value, label]) =>
            `<span class="choice"><input type="radio" id="${id}-${value}" name="${esc(name)}" value="${value}"${value === 'keep' ? ' checked' : ''}><label for="${id}-${value}">${esc(label)}</label></span>`,
        )
        .join(' ');
      const sentence = figure.sentence
        ? `<p class="hint">${esc(deskUi['figures.sentence'](figure.sentence))}</p>`
        : '';
      return `<fieldset class="figure-choice" id="${id}"><legend>${esc(deskUi['figures.legend'](figure.name, figure.written, figure.section))}</legend>
${sentence}<p class="row">${radios}</p></fieldset>`;
    })
    .join('\n');
  return `<fieldset class="figures"><legend>${esc(deskUi['figures.title'])}</legend>
<p class="hint">${esc(deskUi['figures.intro'])}</p>
${items}
</fieldset>`;
}
