/**
 * Texts that look like an annual report but are not one: a 政策解读 page about a report, a
 * 通知 (issuing a work plan, or asking agencies to send their reports), a 工作要点 or 实施方案.
 * They share the report's words (法治政府建设, a year, 一、 and （一） headings), so they must be
 * recognised by what they are and refused, saying what the text is and, when it names the
 * report, which text to import instead.
 */
export interface NotAReport {
  /** What the text is, in Chinese, e.g. 政策解读. */
  what: string;
  /** The whole explanation for the publisher, in Chinese. */
  message: string;
  /** The report the text is about, when it names one, to import instead. */
  instead?: string;
}

const QUOTED = /《([^《》]{4,80})》/g;
const REPORT_TITLE = /法治.*(报告|報告|情况|情況|总结|總結)$/;
const PLAN_TITLE =
  /(工作要点|要點|实施方案|實施方案|工作方案|工作计划|工作計劃|规划|規劃|任务分工|责任清单)$/;

// Other kinds of official documents, by the word their title ends with.
const OTHER_DOCUMENT = /(通报|公告|公示|批复|复函|意见|决定|办法|规定|细则|纪要)$/;

// What news items about rule-of-law work are titled with: meetings, visits, training.
const NEWS_TITLE =
  /(召开|举行|举办|召集|部署会|推进会|座谈会|培训班|专题会|调研|督导|走访|开展.{0,12}活动|获评|荣获|入选)/;

/** The first 《…》 in `texts` that is a report's title. */
function namedReport(texts: readonly string[]): string | undefined {
  for (const text of texts)
    for (const match of text.matchAll(QUOTED))
      if (REPORT_TITLE.test(match[1]!) && !/解读|解讀/.test(match[1]!)) return match[1];
  return undefined;
}

/**
 * What kind of text this is, from its title, head lines and first paragraphs; undefined when it
 * reads as a report.
 */
export function recogniseNotAReport(input: {
  title: string;
  /** Lines before the report's text (title, page furniture). */
  head: readonly string[];
  /** The text's paragraphs, in order. */
  body: readonly string[];
}): NotAReport | undefined {
  const { title } = input;
  const opening = [...input.head, ...input.body.slice(0, 12)];
  const report = namedReport([title, ...opening]);
  const instead = report ? `请改为导入《${report}》的原文。` : '';

  if (
    /解读|解讀|答记者问|一图读懂|图解/.test(title) ||
    opening.some((text) =>
      /(现|現)(就有关内容|將有關內容|将有关内容|就有关情况)?(解读|解讀)如下/.test(text),
    )
  )
    return {
      what: '政策解读',
      message: `这是一篇政策解读${report ? `，讲的是《${report}》` : ''}，不是报告本身。${instead || '请改为导入报告原文。'}`,
      ...(report ? { instead: report } : {}),
    };

  const notice =
    /(的)?通知$/.test(title) ||
    /^(关于|關於).*通知$/.test(title) ||
    // A notice without its title line: it hands something out to its addressees.
    opening.some((text) =>
      /(现|現)?印发给你们|印發給你們|请认真(贯彻)?(执行|落实)|请遵照执行|特此通知/.test(text),
    );
  const issues = /印发|印發/.exec(title) ? /《([^《》]+)》/.exec(title)?.[1] : undefined;
  if (notice) {
    const plan =
      issues ??
      [...opening.join('\n').matchAll(QUOTED)].map((m) => m[1]!).find((t) => PLAN_TITLE.test(t));
    const attached =
      plan && REPORT_TITLE.test(plan)
        ? `这是一份通知，印发的是《${plan}》。请改为导入《${plan}》本身。`
        : plan
          ? `这是一份通知，印发的是《${plan}》（工作安排，不是年度报告）。`
          : `这是一份通知，不是年度报告。${instead}`;
    return {
      what: '通知',
      message: attached,
      ...(plan && REPORT_TITLE.test(plan) ? { instead: plan } : report ? { instead: report } : {}),
    };
  }

  const plain = title.replace(/^《|》$/g, '');
  const kind = OTHER_DOCUMENT.exec(plain)?.[1];
  if (kind && !REPORT_TITLE.test(plain))
    return {
      what: kind,
      message: `这是一份${kind}（“${plain}”），不是年度报告。${instead || '请改为导入报告原文。'}`,
      ...(report ? { instead: report } : {}),
    };
  if (NEWS_TITLE.test(plain) && !REPORT_TITLE.test(plain))
    return {
      what: '新闻报道',
      message: `这是一篇新闻报道（“${plain}”），不是年度报告。${instead || '请改为导入报告原文。'}`,
      ...(report ? { instead: report } : {}),
    };
  if (PLAN_TITLE.test(plain) && !REPORT_TITLE.test(plain))
    return {
      what: '工作安排',
      message: `这是一份工作安排（《${plain}》），不是年度报告。${instead}`,
      ...(report ? { instead: report } : {}),
    };
  return undefined;
}

/**
 * Marks a copying site left where it took out words: （略） and runs of *. The text keeps them
 * as found; the publisher is told to restore the words from the agency's own release.
 */
export function findMaskedWords(texts: readonly string[]): { omitted: number; starred: number } {
  let omitted = 0;
  let starred = 0;
  for (const text of texts) {
    omitted += (text.match(/[(（][\s\u3000]*略[\s\u3000]*[)）]/g) ?? []).length;
    // A * between Chinese characters stands for a character; Markdown escapes it as \*.
    starred += (text.match(/(?<=[\u4e00-\u9fff])(\\?[*＊])+(?=[\u4e00-\u9fff])/g) ?? []).length;
  }
  return { omitted, starred };
}
