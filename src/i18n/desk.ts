/**
 * Every string the desk (`npm run desk`) shows a publisher, in one place. The desk is a local
 * tool, never part of the built site, so these do not travel in any page of it.
 */
export const deskUi = {
  name: '编辑台',
  title: (page: string) => `${page} - 编辑台`,
  skipLink: '跳到正文',
  'nav.label': '编辑台导航',
  'nav.reports': '报告列表',
  'nav.import': '导入原文',
  'nav.build': '生成网站',
  footer:
    '编辑台只在本机运行（127.0.0.1），关闭启动它的窗口或按 Ctrl+C 即停止。它写入的文件与命令行工具相同。',

  'start.listening': (url: string) =>
    `编辑台已启动。请在浏览器中打开下面的地址（地址中含本次启动的密钥，只在本机有效，请勿转发）：\n\n  ${url}\n\n按 Ctrl+C 停止。`,
  'start.portInUse': (port: number) =>
    `端口 ${port} 已被占用。请换一个端口，例如 npm run desk -- --port ${port + 1}`,
  'start.usage': `用法：npm run desk [-- --port 端口]

在浏览器中导入、核对、预览、发布报告并生成网站，不必再用命令行和文本编辑器。
编辑台只在本机（127.0.0.1）监听，启动时打印含密钥的地址，只有用这个地址才能打开。
选项：
  --port 端口   默认 4400，被占用时换一个，例如 --port 4401
  --help        显示本说明`,

  'denied.title': '需要编辑台地址',
  'denied.body':
    '请使用启动编辑台时命令行窗口中打印的完整地址（含密钥）。每次启动的地址不同；密钥只在本机有效。',
  'notFound.title': '找不到这个页面',
  'notFound.body': '地址有误，或这份报告已不存在。',
  'back.home': '回到报告列表',
  'error.title': '出错了',
  'error.unexpected':
    '编辑台遇到意外错误，这一步没有完成。详细信息显示在启动编辑台的命令行窗口中，请把它发给网站技术人员。',
  'error.tooLarge': (mb: number) =>
    `文件太大：编辑台只接收 ${mb} MB 以内的文件。报告原文通常不到 1 MB。`,
  'error.type':
    '只能导入 Word 文件（.docx）、纯文本（.txt）和 Markdown（.md）。旧版 .doc 和 PDF 请先在 Word 或 WPS 中另存为 .docx。',
  'error.notDocx':
    '这个文件的扩展名是 .docx，但内容不是 Word 文档。请在 Word 或 WPS 中打开，“另存为” Word 文档（.docx）后再导入。',
  'error.noFile': '请选择要导入的文件。',
  'error.badAgencyId':
    '机构标识应为小写英文字母开头、只含小写字母、数字和连字符（-）的标识，例如 jiading-police。',
  'error.badYear': '年度应为四位数字，例如 2023。',
  'error.busy':
    '网站正在生成，或另一个编辑台正在保存，暂时不能保存。请等一会儿再点“保存”，填写的内容不会丢失。',
  'error.changed':
    '这份报告在你打开后已被修改（可能是另一个编辑台或文本编辑器）。为免覆盖别人的修改，本次没有保存。请重新打开后再改。',
  'error.exists': (folder: string) =>
    `报告文件夹 ${folder} 已存在，没有覆盖。请打开列表中的这份报告修改；确要用新导入的内容替换，请勾选“替换已有的报告”。`,
  'error.jobRunning': '已有一次生成正在进行，请等它结束。',
  'error.badRequest': '请求无效，没有作任何改动。请从编辑台的页面重新操作。',

  'home.title': '报告列表',
  'home.intro': '这里列出 content/reports/ 中的全部报告。打开一份报告可以核对、检查、预览和发布。',
  'home.empty': '还没有报告。先导入一份报告原文。',
  'home.col.year': '年度',
  'home.col.agency': '机构',
  'home.col.title': '标题',
  'home.col.state': '状态',
  'home.caption': '已有的报告',
  'state.draft': '草稿',
  'state.published': '已发布',
  'state.corrected': '已更正',
  'state.withdrawn': '已撤回',
  'state.unreadable': '无法读取',

  'import.title': '导入报告原文',
  'import.intro':
    '选择或拖入一份报告原文：Word 文件（.docx）、从网页复制保存的纯文本（.txt）或 Markdown（.md）。导入后先核对识别结果，保存后写为草稿。',
  'import.file': '报告原文',
  'import.fileHint': (mb: number) => `.docx、.txt 或 .md，不超过 ${mb} MB`,
  'import.drop': '也可以把文件拖到这里',
  'import.agencyId': '机构标识（英文）',
  'import.agencyIdHint':
    '小写字母开头，只含小写字母、数字和连字符，如 jiading-police。它是报告网址的一部分，确定后不要再改。',
  'import.more': '原文缺少信息时填写（可选）',
  'import.year': '年度',
  'import.replace': '替换已有的同名报告（其中原有的文件会被删除）',
  'import.submit': '导入并查看识别结果',
  'import.failed': '导入失败，未写入任何文件',

  'review.title': (name: string) => `核对识别结果：${name}`,
  'review.intro':
    '原文逐行列出，每行前是行号（Word 文件为段落号），标明导入工具把它当作什么；旁边（手机上在下面）是找到的每项内容和出处。核对后在下方表单中更正，再点“保存为草稿”。',
  'review.source': '原文',
  'review.found': '找到的内容',
  'review.notImported': '未导入的内容',
  'review.notImportedNone': '原文的每一行都已导入。',
  'review.notes': '请注意',
  'review.lineRef': (unit: string, line: number) => `第 ${line} ${unit}`,
  'review.role.title': '标题',
  'review.role.metadata': '网页信息',
  'review.role.heading': '章节标题',
  'review.role.text': '正文',
  'review.role.preamble': '导言',
  'review.role.signature': '落款',
  'review.role.dropped': '未导入',
  'review.origin': (origin: string) => `（${origin}）`,
  'review.headings': '章节',
  'review.notFound': '原文没有',
  'review.save': '保存为草稿',
  'review.saved': (folder: string) => `已写入 content/reports/${folder}/（草稿）。`,
  'review.expired': '这次导入的结果已过期（编辑台重启过）。请重新导入原文。',

  'field.title': '报告标题',
  'field.agency.name': '机构全称',
  'field.agency.shortName': '机构简称',
  'field.agency.id': '机构标识',
  'field.year': '年度',
  'field.published': '发布日期',
  'field.signature.body': '落款单位',
  'field.signature.date': '落款日期',
  'field.summary': '简介',
  'field.source': '来源',
  'field.sourceUrl': '原文网址',
  'field.indexNumber': '索引号',
  'field.documentNumber': '文号',
  'field.preamble': '导言（第一部分之前的文字）',
  'field.folderFixed': '已决定报告文件夹和网址，保存后不能在这里改',
  'field.optional': '（原文有才填）',

  'form.report': '报告信息',
  'form.sections': '章节',
  'form.sectionsIntro':
    '每个“一、”和“（一）”是一节。层级、合并、拆分后编号会自动重排。正文段落之间空一行。',
  'form.sectionLegend': (heading: string) => `章节 ${heading}`,
  'form.sectionTitle': '标题（不含编号）',
  'form.runIn': '标题与正文在原文同一段（“（一）标题。正文……”）',
  'form.level': '层级',
  'form.level.part': '部分（一、）',
  'form.level.subsection': '子部分（（一））',
  'form.item': '法定报告事项',
  'form.itemGuess': (comment: string) => `导入工具：${comment}`,
  'form.body': '正文',
  'form.join': '不是标题：并入上一节正文',
  'form.splitAt': '从这一段起拆出新的一节',
  'form.split': '拆分',
  'form.paragraph': (n: number, text: string) => `第 ${n} 段：${text}`,
  'form.save': '保存并检查',
  'form.saveHint': '保存会写入这份报告的文件（与命令行导入工具写的文件相同），然后检查内容。',

  'report.tabs': '这份报告',
  'report.tab.edit': '核对与更正',
  'report.tab.check': '检查',
  'report.tab.preview': '预览',
  'report.tab.publish': '发布',
  'report.title': (title: string) => title,

  'check.title': '内容检查',
  'check.ok': '没有错误。可以预览，然后发布。',
  'check.errors': (n: number) => `错误 ${n} 处（必须修改，否则网站不能生成）`,
  'check.warnings': (n: number) => `提醒 ${n} 处（建议核对，不影响生成）`,
  'check.found': '发现',
  'check.expected': '应为',
  'check.fix': '去修改',
  'check.file': (file: string, line?: number) => `文件 ${file}${line ? ` 第 ${line} 行` : ''}`,
  'check.other': '其他报告的错误（也会让网站不能生成）',
  'check.saved': '已保存。检查结果如下。',

  'preview.title': '预览',
  'preview.intro':
    '预览用与正式网站相同的程序生成，草稿也会显示，页面顶部标明“草稿”。预览只在本机，不会上传。',
  'preview.start': '生成预览',
  'preview.again': '重新生成预览',
  'preview.stale': '上次预览之后报告有修改，请重新生成预览。',
  'preview.report': '报告页',
  'preview.sections': '章节页',
  'preview.none': '还没有生成预览。',

  'publish.title': '发布',
  'publish.intro':
    '发布后报告不再是草稿，下次生成网站时就会上线。发布与命令 npm run publish-report 是同一步骤。',
  'publish.date': '发布日期',
  'publish.dateHint': '报告在网站上公开的日期，不能早于所述年度的 12 月 31 日。',
  'publish.submit': '发布这份报告',
  'publish.done': (folder: string) => `已发布 ${folder}。下一步：生成网站。`,
  'publish.errorsFirst': '这份报告还不能发布',
  'publish.state': (state: string, edition?: number) =>
    `状态：${state}${edition ? `（第 ${edition} 版）` : ''}`,
  'publish.record': '记录第一版',
  'publish.recordIntro':
    '这份报告已是正式报告，但还没有版本记录。记录第一版后才能更正或撤回（与 npm run publish-report 相同）。',
  'correct.title': '更正',
  'correct.intro':
    '已发布的报告是公开的记录。先在“核对与更正”中改好文字并保存，再在这里写明更正说明，记为新的一版；读者会在修订记录中看到说明和改动（与 npm run correct 相同）。',
  'correct.note': '更正说明',
  'correct.noteHint': '读者会看到这句话，例如：更正第二部分中的数字错误。200 字以内。',
  'correct.date': '更正日期（不填为今天）',
  'correct.submit': '记录更正',
  'correct.done': (edition: number) => `已记录更正，现在是第 ${edition} 版。下一步：生成网站。`,
  'withdraw.title': '撤回',
  'withdraw.intro':
    '撤回后报告页面保留，顶部说明撤回的日期和原因，下面是最后一版的全文（与 npm run withdraw 相同）。撤回不能撤销。',
  'withdraw.note': '撤回原因',
  'withdraw.noteHint': '读者会看到这句话，例如：本报告已由修订后的报告替代。200 字以内。',
  'withdraw.submit': '撤回这份报告',
  'withdraw.done': '已撤回。下一步：生成网站。',
  'withdraw.already': '这份报告已撤回。',

  'build.title': '生成网站',
  'build.intro':
    '用全部已发布的报告生成网站（草稿不包括在内）。生成期间网站文件夹 dist/ 保持上一次的内容，生成成功后一次替换。',
  'build.siteUrl': '网站地址（SITE_URL）',
  'build.siteUrlHint':
    '网站上线后的完整地址，含子目录，以 / 结尾，例如 https://www.example.gov.cn/fzzf/。二维码、规范链接和打印页脚都用它。填写一次后会记在 content/deploy.yml 中。',
  'build.submit': '生成网站',
  'build.running': '正在生成……',
  'build.elapsed': (seconds: string) => `已用 ${seconds} 秒`,
  'build.stepDone': (seconds: string) => `${seconds} 秒`,
  'build.failed': '生成失败。上一次生成的网站保持不变。',
  'build.done': (seconds: string) => `网站已生成，用时 ${seconds} 秒。`,
  'build.folder': '要上传的文件夹',
  'build.folderHint':
    '把这个文件夹里面的全部文件和文件夹（不是文件夹本身）上传到服务器上网站子目录对应的位置。',
  'build.archive': '下载网站压缩包（.zip）',
  'build.archiveHint': '压缩包里就是上面文件夹里的全部内容，解压后上传。',
  'build.checklist': '发布上线核对清单（摘自内容编写指南“发布上线”）',
  'build.refreshHint': '本页每 2 秒自动刷新。',
  'build.previewDone': '预览已生成。',
  'build.progress': '生成步骤',
  'build.again': '再次生成',
  'figures.title': '关键数据（请核对）',
  'figures.intro':
    '以下数据由导入工具从正文中识别，尚未发布。逐项对照原文核对指标、数值和章节：确认的保存后写入报告的关键数据，删去的不再列出，待核对的继续保留为注释。',
  'figures.legend': (name: string, written: string, section: string) =>
    `${name} ${written}（章节 ${section}）`,
  'figures.sentence': (sentence: string) => `原文：${sentence}`,
  'figures.keep': '待核对',
  'figures.confirm': '确认',
  'figures.drop': '删去',
} as const;

export type DeskKey = keyof typeof deskUi;
