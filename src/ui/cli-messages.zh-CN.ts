/** The command line's errors and confirmations in Simplified Chinese. zh-TW is generated from this file (scripts/zh-tw.mjs). */
import type { FileWhat, FsWhy, ImportField, Suggestion } from './cli-said.js';
import type { CliMessages } from './cli-messages.js';
import { icalWhy } from './ical-words.zh-CN.js';

const FS: Record<string, string> = {
  ENOSPC: '磁盘已满',
  EDQUOT: '磁盘配额已用完',
  EFBIG: '文件超出了这个系统允许的大小',
  EACCES: '没有权限',
  EPERM: '没有权限',
  EROFS: '文件系统是只读的',
  ENOENT: '没有这个文件或文件夹',
  ENOTDIR: '路径中有一段不是文件夹',
  EISDIR: '这是一个文件夹',
};
const why = (w: FsWhy): string => (w.code ? (FS[w.code] ? `${FS[w.code]}（${w.code}）` : w.code) : w.text);

const FILE: Record<FileWhat, string> = {
  'the answers file': '回答文件',
  'the playbook': '剧本',
  'the translation file': '翻译文件',
  'the config file': '配置文件',
  'the password file': '密码文件',
  'the test file': '测试文件',
  'the calendar': '日历',
  'the file': '文件',
};

const MODE: Record<string, string> = { prep: '拜访准备', debrief: '拜访复盘', plan: '客户经营计划' };
const mode = (m: string): string => MODE[m] ?? m;
const JOURNAL = { 'the draft': '草稿', 'the visit for the team database': '要发往团队数据库的拜访记录' } as const;
const list = (xs: readonly string[]): string => xs.join('、');
const TEAM_DB = '用 --db postgres://USER@HOST/DATABASE 指定团队数据库，或者设置 SALES_COACH_DB';
const ADD_REPS = '由团队管理员添加销售：sales-coach team add REP --manager YOU';
const OVERWRITE = '换一个名字，或者加上 --force 覆盖它';

/** suggest()'s English said in Chinese: the name it found closest, or the list it offered. */
function suggestion(s: Suggestion): string {
  const close = /^did you mean "(.*)"\?$/s.exec(s);
  if (close) return `是不是想写“${close[1]}”？`;
  const choices = /^expected .*? (".*)$/s.exec(s);
  if (choices) return `可选的有：${choices[1].replace(/"([^"]*)"/g, '“$1”').replace(/”, “/g, '”、“').replace(/, … \((\d+) more\)$/, '等（还有$1个）')}`;
  return s === 'there is nothing to refer to yet' ? '目前还没有可以引用的内容' : s;
}

/** A value or a kind of value as the schema's checks name it (src/core/zod-diagnostics.ts), in Chinese. */
function kind(s: string): string {
  const text = /^the string (".*")$/s.exec(s);
  if (text) return `文字“${JSON.parse(text[1])}”`;
  const scalar = /^(number|boolean|bigint) (.*)$/s.exec(s);
  if (scalar) return `${scalar[1] === 'boolean' ? '布尔值' : '数字'} ${scalar[2]}`;
  const KINDS: Record<string, string> = { 'a string': '文字', 'a mapping': '键值对', 'a list': '列表', 'null (an empty value)': '空值', 'a mapping of keys to a string': '键值对（每个值都是文字）' };
  return KINDS[s] ?? s;
}

/** The config's own words (the schema's checks): said in Chinese when known, else as they are. */
function configSays(message: string): string {
  // a key's problem already said in Chinese (store:'s), after the key as the English wrote it
  if (/\p{Script=Han}/u.test(message)) return message.replace(/^([\w.]+): /, '$1：');
  const where = (path: string) => (path === 'the config' ? '配置文件' : path);
  const unknown = /^unknown key "(.*)" in (?:the config|(.*))$/s.exec(message);
  if (unknown) return unknown[2] ? `${unknown[2]} 里没有“${unknown[1]}”这个键` : `配置文件里没有“${unknown[1]}”这个键`;
  const type = /^(.*): expected (.*), found (.*)$/s.exec(message);
  if (type) return `${where(type[1])}：应为${kind(type[2])}，实际是${kind(type[3])}`;
  const notAllowed = /^(.*): (.*) is not allowed$/s.exec(message);
  if (notAllowed) return `${where(notAllowed[1])}：不能是${kind(notAllowed[2])}`;
  // the YAML reader's words (src/core/yaml-source.ts)
  const fixed = YAML_SAYS[message];
  if (fixed) return fixed;
  const docs = /^the file holds (\d+) YAML documents \(separated by ---\); expected one$/s.exec(message);
  if (docs) return `文件里有${docs[1]}个 YAML 文档（用 --- 分开）；应当只有一个`;
  const deep = /^nesting deeper than (\d+) levels$/s.exec(message);
  if (deep) return `嵌套超过了${deep[1]}层`;
  const tag = /^the tag (\S+) is not supported; .*$/s.exec(message);
  if (tag) return `不支持标签 ${tag[1]}：配置文件只是数据`;
  const bracket = /^(.*) \(an unclosed bracket\?\)$/s.exec(message);
  if (bracket) return `括号可能没有闭合（YAML 解析器的原话：${bracket[1]}）`;
  // the YAML library's own sentence: marked as its words
  return `YAML 格式有误（解析器的原话：${message}）`;
}

/** The YAML reader's fixed sentences and hints, as the config's problems say them. */
const YAML_SAYS: Record<string, string> = {
  'this key appears twice in the same mapping': '同一层里这个键出现了两次',
  'keep one of the two; YAML keeps neither silently': '删掉其中一个：YAML 不会替你选',
  'a tab is used for indentation; YAML indents with spaces': '缩进里用了制表符；YAML 只用空格缩进',
  'replace the tab with spaces (2 per level)': '把制表符换成空格（每层2个）',
  'this quote is never closed': '这个引号没有闭合',
  'add the closing quote at the end of the value': '在值的末尾补上对应的引号',
  'close the bracket that opens before this point': '把这里之前打开的括号闭合',
  'line the key up with its siblings (spaces only)': '让这个键和同一层的其他键对齐（只用空格）',
  'the config is one mapping': '配置文件是一组键值对',
  'the config is three keys deep at most': '配置文件最多嵌套三层',
};

const FIELDS: Record<ImportField, string> = { account: '客户', name: '姓名', firstName: '名', lastName: '姓', title: '职务', role: '角色', reportsTo: '上级', persona: '性格类型', email: '邮箱', phone: '电话' };
const DELIMITERS = { comma: '逗号', semicolon: '分号', tab: '制表符' } as const;
const NO_CONTACT = {
  noRows: '文件只有表头，没有数据行',
  noNameColumn: '没有一列是联系人的姓名（应为“Name”“Full Name”“Contact Name”“First Name”和“Last Name”“姓名”“联系人”“名”和“姓”之一）；只导入了客户',
  emptyNames: '姓名一栏都是空的；只导入了客户',
  emptyNamesNoDetails: '姓名一栏都是空的，也没有哪一行有联系方式；只导入了客户',
} as const;

/** A bad row of the CSV, by its code; the values come from its English words (src/import/columns.ts, csv.ts). Undefined for one not known here. */
function rowProblem(code: string, message: string): string | undefined {
  const x = (re: RegExp) => re.exec(message);
  switch (code) {
    case 'field-count': {
      const m = x(/^expected (\d+) fields as in the header, found (\d+)$/);
      return m ? `表头有${m[1]}列，这一行却有${m[2]}列` : undefined;
    }
    case 'no-account':
      return '应当有客户名称，这一格却是空的';
    case 'unknown-role': {
      const m = x(/^unknown role "(.*)"; expected one of (.*) \(or their labels\)$/s);
      return m ? `没有“${m[1]}”这个角色；应为 ${m[2].split(', ').join('、')} 之一（或它们的显示名称）` : undefined;
    }
    case 'unknown-persona': {
      const m = x(/^unknown persona "(.*)"; expected one of (.*)$/s);
      return m ? `没有“${m[1]}”这种性格类型；应为 ${m[2].split(', ').join('、')} 之一` : undefined;
    }
    case 'control-character': {
      const m = x(/^the (.*) holds a control character \((.*)\), which cannot be shown or typed back$/s);
      return m ? `${IMPORT_FIELD_WORDS[m[1]] ?? m[1]}含有控制字符（${m[2]}），无法显示，也无法再输入` : undefined;
    }
    case 'unclosed-quote':
      return '带引号的字段没有闭合（缺少右引号 "）';
    case 'text-after-quote': {
      const m = x(/^expected "(.*)" or the end of the line after a closing quote, found "(.*)"$/s);
      return m ? `右引号后面应当是“${m[1]}”或行尾，却是“${m[2]}”` : undefined;
    }
    case 'field-too-long': {
      const m = x(/^expected a field of at most (\d+)K characters/);
      return m ? `一个字段最多 ${m[1]}K 个字符；这个字段还没完（是不是引号没有闭合？）` : undefined;
    }
    case 'too-many-fields': {
      const m = x(/^expected at most (\d+) fields in a row$/);
      return m ? `一行最多 ${m[1]} 个字段` : undefined;
    }
  }
  return undefined;
}
const IMPORT_FIELD_WORDS: Record<string, string> = { account: '客户名称', name: '姓名', 'first name': '名', 'last name': '姓', title: '职务', role: '角色', 'reports to': '上级', persona: '性格类型', email: '邮箱', phone: '电话' };

/** The hint under a bad row, by its English words. */
function rowHint(hint: string): string {
  if (hint === 'a delimiter inside a value needs quotes: "Acme, Inc."') return '值里有分隔符时，要用引号括起来："Acme, Inc."';
  if (hint === 'every contact belongs to an account: fill it in or leave the row out') return '每个联系人都属于一个客户：填上客户名称，或者去掉这一行';
  if (hint === 'the CRM export carries a character that is not text: correct it there, or in the file') return 'CRM 导出的文件里有一个不是文字的字符：请在 CRM 里或在文件里改正';
  const role = /^map your CRM's word to a role: (--map-role .*)$/s.exec(hint);
  if (role) return `把 CRM 里的说法映射到一个角色：${role[1]}`;
  return hint;
}

export const zhCN: CliMessages = {
  userPlaybookFolderMissing: ({ dir }) => ({ message: `用户剧本文件夹 ${dir} 不存在`, hint: '检查 --playbooks、SALES_COACH_PLAYBOOKS 或配置文件' }),
  noPlaybook: ({ target, ids }) => ({ message: `没有“${target}”这个剧本：它既不是剧本 ID，也不是存在的文件`, hint: `现有的剧本：${list(ids)}（sales-coach playbook list）` }),
  noSuchPath: ({ path }) => ({ message: `没有这个文件或文件夹：${path}` }),
  noPlaybookIn: ({ path }) => ({ message: `${path} 里没有剧本`, hint: '剧本文件是顶部写有 id: 的 .yaml 文件' }),
  playbookInvalid: ({ target, command }) => ({ message: `剧本 ${target} 有错误，请先改正`, hint: `检查它：${command}` }),
  playbookGone: ({ account, ref }) => ({ message: `“${account}”是用剧本 ${ref} 分类的，现在找不到这个剧本了`, hint: '指定要用的剧本：--playbook ID|FILE' }),
  accountPlaybookGone: ({ playbook, account }) => ({ message: `给“${account}”分类的剧本“${playbook}”无法加载`, hint: 'sales-coach playbook list 会列出你现有的剧本' }),
  noTemplate: ({ name, templates }) => ({ message: `没有“${name}”这个模板`, hint: `现有的模板：${list(templates)}（sales-coach playbook init --list）` }),
  noSuchSchema: ({ kind, kinds }) => ({ message: `--for ${kind}：没有这种 schema`, hint: `可选的有：${list(kinds)}` }),
  whichLanguage: () => ({ message: '要翻译成哪种语言？', hint: '加上 --lang zh-CN 或 --lang zh-TW' }),
  cannotTranslateInto: ({ value, locales }) => ({ message: `不能翻译成“${value}”：文本只能从英文翻译成 ${locales.join(' 或 ')}` }),
  fromOnlyZhTW: ({ from, locale }) => ({ message: `--from ${from} 不能和 --lang ${locale} 一起用：只有 zh-TW 可以从 zh-CN 转换`, hint: '请用 --lang zh-TW --from zh-CN' }),
  translationsUnreadable: ({ file }) => ({ message: `无法读取 ${file}：文件不存在，或者没有读取权限` }),
  translatedInvalid: () => ({ message: '翻译后的剧本会有错误，所以什么都没有写入', hint: '这是 sales-coach 的 bug，请报告给我们' }),
  seedNotInteger: ({ seed }) => ({ message: `--seed ${seed} 不是整数` }),
  noSuchTestTarget: ({ path }) => ({ message: `没有这个文件、文件夹或剧本 ID：${path}` }),
  whichPlaybookTested: ({ path }) => ({ message: `${path} 测试的是哪个剧本？`, hint: '在它的顶部加上 `playbook: ID`，或者把它放在剧本旁边，命名为 NAME.test.yaml' }),
  notAPlaybook: ({ path }) => ({ message: `${path} 不是剧本（顶部没有 id:）` }),
  folderInPlace: ({ file }) => ({ message: `无法写入 ${file}：这是一个文件夹`, hint: '请给出文件的路径' }),
  fileExists: ({ file, nothingWritten, both, fileName }) => ({
    message: `${file} 已经存在${nothingWritten ? '，什么都没有写入' : ''}`,
    hint: both ? '换一个文件名，或者加上 --force 把两个文件都覆盖' : fileName ? '换一个文件名，或者加上 --force 覆盖它' : OVERWRITE,
  }),
  cannotWrite: ({ file, why: w, kept }) => ({ message: `无法写入 ${file}：${why(w)}`, ...(kept ? { hint: `${file} 保持原样，没有改动` } : {}) }),
  notRegularFile: ({ what, path, kinds }) => ({ message: `${FILE[what]} ${path} 不是普通文件${kinds ? '（而是设备、管道或 socket）' : ''}`, hint: '请给出一个普通文件的路径' }),
  fileTooLarge: ({ what, path, size, limit }) => ({ message: `${FILE[what]} ${path} 太大了（${size ? `${size}，上限是 ${limit}` : `超过 ${limit}`}）`, hint: '是不是选错了文件？' }),
  cannotCreateFolder: ({ folder, why: w }) => ({ message: `无法创建文件夹 ${folder}：${why(w)}` }),
  journalBlocked: ({ what, dir }) => ({ message: `无法把${JOURNAL[what]}保存在 ${dir}：那里有一个不是文件夹的东西占着位置`, hint: '把那个文件移走（sales-coach 把这些记录保存在数据库旁边的这个文件夹里）' }),
  journalUnwritable: ({ what, dir, why: w }) => ({ message: `无法把${JOURNAL[what]}保存在 ${dir}：${why(w)}` }),
  noCompletion: ({ shell, shells }) => ({ message: `没有“${shell}”的自动补全`, hint: `sales-coach completion ${shells.join('|')}` }),

  notADate: ({ flag, value, example }) => ({ message: `${flag} ${value} 不是有效的日期`, hint: `请写成 YYYY-MM-DD，例如 ${example}` }),
  sinceAfterToday: ({ since, today }) => ({ message: `--since ${since} 晚于查看的日期（${today}）`, hint: '给一个不晚于那天的日期，或者 7d 这样的时长' }),
  sinceNotAPeriod: ({ since }) => ({ message: `--since ${since} 不是有效的时长`, hint: '写成天数、周数或月数（7d、2w、1m，最多 9999），或者日期 YYYY-MM-DD' }),
  unknownFlag: ({ flag, flags }) => ({ message: `没有“${flag}”这个标记`, hint: `可选的有：${list(flags)}` }),
  limitNotCount: ({ value }) => ({ message: `--limit ${value} 不是 1 到 999999 之间的整数` }),
  untouchedNotDays: ({ value }) => ({ message: `--untouched ${value} 不是天数：应为1到3650之间的整数` }),
  badPeriod: ({ value }) => ({ message: `--period ${value}：应为 month（本月）、quarter（本季度）或 30d（未来30天）` }),
  badSort: ({ value }) => ({ message: `--sort ${value}：应为 class、age、due、name 或 value` }),
  unknownClass: ({ cls, known }) => ({ message: `没有“${cls}”这个分类`, hint: `剧本里的分类有：${list(known)}` }),
  clockOutOfRange: ({ shown, min, max }) => ({
    message: `系统时钟显示的是 ${shown}，超出了 sales-coach 能处理的 ${min}-${max} 年；什么都没有做`,
    hint: '把电脑的日期和时间调对，或者直接给出日期：--today YYYY-MM-DD（拜访用 --date）',
  }),
  unknownLanguage: ({ value }) => ({ message: `没有“${value}”这种语言可选`, hint: '请用 --lang en、--lang zh-CN 或 --lang zh-TW' }),
  notASession: ({ mode: m, modes }) => ({ message: `“${m}”不是一种拜访环节`, hint: `sales-coach drafts discard ${modes.join('|')} [--account NAME]` }),
  noDraftToDiscard: ({ mode: m, account }) => ({ message: `${account ? `“${account}”` : ''}没有未完成的${mode(m)}`, hint: 'sales-coach drafts 会列出未完成的拜访' }),

  stdinIdle: ({ seconds }) => ({ message: `标准输入一直开着，却${seconds}秒都没有内容；什么都没有运行`, hint: '用 --answers FILE 给出回答，或者结束输入（< 文件，或按 Ctrl-D）' }),
  stdinTooLarge: ({ mb }) => ({ message: `标准输入里的回答超过了 ${mb} MB；什么都没有运行`, hint: '输入的内容对吗？' }),
  stdinUnreadable: ({ why: w }) => ({ message: `无法读取标准输入：${w}` }),
  noTerminal: ({ mode: m }) => ({ message: '没有可以提问的终端，也没有给出回答', hint: `请在终端里运行，或者给出回答：sales-coach ${m} --answers FILE（见 README 的“Scripted sessions”一节）` }),
  answersUnreadable: ({ file, why: w }) => ({ message: `无法读取回答文件 ${file}：${why(w)}` }),
  noDraftToResume: ({ mode: m, account, command }) => ({ message: `${account ? `“${account}”` : ''}没有中断的${mode(m)}可以继续`, hint: `新开一次：${command}（sales-coach drafts 会列出未完成的拜访）` }),
  blankAccountName: ({ name, command }) => ({ message: `客户名称 ${name} 是空白的`, hint: `请写上客户公司的名称，例如 ${command}` }),
  emptyAccountName: () => ({ message: '客户名称是空的', hint: '请写上客户公司的名称：--account "Acme Ltd"' }),
  saveFailed: ({ inner, resume }, say) => {
    const i = say(inner);
    return { message: `${i.message}；这次拜访没有保存`, ...(resume ? { hint: `你的回答已存为草稿；等它空出来，再这样继续：${resume}` } : i.hint ? { hint: i.hint } : {}) };
  },
  savedButOutFailed: ({ inner }, say) => {
    const i = say(inner);
    return { message: `${i.message}；拜访本身已经保存`, ...(i.hint ? { hint: i.hint } : {}) };
  },
  answersHaveMistakes: () => ({ message: '回答文件里有错误；什么都没有运行' }),
  answersCannotBeRead: () => ({ message: '回答文件无法读取；什么都没有运行' }),
  unknownPersona: ({ persona, suggestion: s }) => ({ message: `没有“${persona}”这种性格类型`, hint: suggestion(s) }),
  noQuestion: ({ id, playbook, suggestion: s }) => ({ message: `剧本 ${playbook} 里没有“${id}”这个问题`, hint: suggestion(s) }),
  stoppedNothingSaved: () => ({ message: '已停止；什么都没有保存' }),
  answersToGive: ({ count }) => ({ message: `还有${count}个问题没有回答；什么都没有运行` }),
  noAnswer: ({ id, question, from }) => ({ message: `没有回答“${id}”：${question}`, hint: from ? '在终端里运行，从那里回答' : '在 answers: 下补上这一题，或者在终端里运行，程序会逐题提问' }),

  noAccount: ({ name, meant }) => ({ message: `找不到名为“${name}”的客户`, hint: meant ? `是不是想写“${meant}”？（sales-coach accounts 可以列出所有客户）` : 'sales-coach accounts 可以列出所有客户' }),
  noRepAccount: ({ name, rep, meant }) => ({ message: `${rep} 没有你能看到的叫“${name}”的客户`, hint: meant ? `是不是想写“${meant}”？（sales-coach accounts --rep ${rep} --all 可以列出其所有客户）` : `sales-coach accounts --rep ${rep} --all 可以列出其所有客户` }),
  accountOfRep: ({ name, reps, team }) => ({
    message: `你自己名下没有叫“${name}”的客户`,
    hint: reps.length ? `这是${list(reps)}的客户：加上 --rep ${reps[0]}` : `你团队销售的客户：sales-coach accounts --rep 销售 --all（你的团队：${list(team)}）`,
  }),
  newNameEmpty: () => ({ message: '新名称是空的', hint: '给客户起一个至少有一个可见字符的名称' }),
  deleteNeedsConfirm: ({ name }) => ({ message: `删除“${name}”需要确认`, hint: '加上 --yes，不再询问直接删除' }),
  nothingToSet: () => ({ message: '没有要修改的内容', hint: '每项修改写成 问题=值，例如 trust_level=believed' }),
  noPerson: ({ person, account, suggestion: s }) => ({ message: `“${account}”里找不到名为“${person}”的人`, hint: s !== undefined ? suggestion(s) : '这个客户还没有记录任何人：拜访时提到的人会被记下来' }),
  notAChange: ({ text }) => ({ message: `“${text}”不是一项修改`, hint: '写成 问题=值，例如 trust_level=believed' }),
  noSuchFact: ({ id, playbook, suggestion: s }) => ({ message: `剧本 ${playbook} 里没有“${id}”这个问题`, hint: suggestion(s) }),
  answerNotFact: ({ id }) => ({ message: `“${id}”是某一次拜访的回答，不是客户保留的资料` }),
  factOfOther: ({ id, person }) => ({ message: person ? `“${id}”是某个人的资料：请加上 --person NAME` : `“${id}”是客户的资料：请去掉 --person` }),
  notAnItemNumber: ({ id }) => ({ message: `“${id}”不是下一步的编号`, hint: 'sales-coach checklist 会显示编号' }),
  whichAccountForStep: () => ({ message: '这一步是哪个客户的？', hint: 'sales-coach checklist add --account "Acme Ltd" --due 2026-12-01 "发报价单"' }),
  emptyStep: () => ({ message: '这一步是空的', hint: '写上要做的事，例如“发报价单”' }),
  dueInPast: ({ due, today }) => ({ message: `--due ${due} 已经过去了`, hint: `新的一步最早只能定在今天（${today}）` }),
  dateAfterToday: ({ flag, value, today }) => ({ message: `${flag} ${value} 还没到`, hint: `写上这件事做完的那天：今天（${today}）或更早` }),

  exportWhat: () => ({ message: '请说明要导出什么', hint: 'sales-coach export --ics FILE | --csv DIR | --json' }),
  exportTaken: ({ files }) => ({ message: `${list(files)} 已经存在；什么都没有写入`, hint: '换一个名字，或者加上 --force 覆盖' }),
  importWhat: () => ({ message: '请说明要导入什么', hint: 'sales-coach import --csv FILE [--dry-run]（见 sales-coach import --help）' }),
  mapRoleShape: ({ text }) => ({ message: `--map-role "${text}"：应写成 词=值`, hint: '例如 --map-role "decision maker=first_kp"' }),
  roleMapProblem: ({ source, word, target, values }) =>
    values
      ? { message: `${source}：“${word}=${target}”里的“${target}”不是这个剧本的角色`, hint: `请映射到其中之一：${list(values)}` }
      : { message: `${source}：“${word}=${target}”映射的词是空的`, hint: '写成 词=值，例如 "decision maker=first_kp"' },
  noAccountColumn: ({ place, headers, names, delimiter }) => ({
    message: `${place}：没有一列是客户名称；找到的列是${headers.map((h) => `“${h}”`).join('、')}`,
    hint: `把其中一列命名为${names.map((n) => `“${n}”`).join('、')}或“公司”${delimiter ? `（这个文件是按${delimiter === 'tab' ? '制表符' : `“${delimiter}”`}分隔读取的）` : ''}`,
  }),
  csvRowProblem: ({ place, code, message }) => ({ message: `${place}：${rowProblem(code, message) ?? message}` }),
  csvRowHint: ({ hint }) => ({ message: rowHint(hint) }),
  importProblems: ({ file, count }) => ({ message: `${file} 里${count === 1 ? '有一行有问题' : `有${count}处问题`}；什么都没有导入` }),
  importChecking: ({ file, rows }) => ({ message: `正在检查 ${file}：已检查${rows}行` }),
  importProgress: ({ dryRun, done, total, percent }) => ({ message: `正在${dryRun ? '清点' : '导入'}：${total}行中的第${done}行（${percent}%）` }),
  csvChanged: ({ file }) => ({ message: `导入时 ${file} 被改动了；什么都没有导入`, hint: '再导入一次' }),
  unknownEncoding: ({ name }) => ({ message: `--encoding ${name}：这个 Node 不认识这种编码`, hint: '例如 --encoding utf-8、--encoding gb18030（中文 Excel 导出的文件）、--encoding utf-16le' }),
  headerUnreadable: ({ place, tooMany, detail }) => ({
    message: `${place}：无法读取表头：${tooMany !== undefined ? `超过了 ${tooMany} 列` : detail}`,
    hint: '这是联系人的 CSV 导出文件吗？第一行是各列的名称（例如“Account Name,First Name,Last Name,Title,Phone”）',
  }),
  csvEmpty: ({ file }) => ({ message: `${file} 是空的；应当有一行表头（例如“Account Name,First Name,Last Name,Title,Phone”）` }),
  csvUnreadable: ({ file, why: w }) => ({ message: `无法读取 CSV 文件 ${file}：${why(w)}`, hint: '检查路径' }),
  csvIsFolder: ({ file }) => ({ message: `CSV 文件 ${file} 是一个文件夹`, hint: '请给出导出的 .csv 文件的路径' }),
  csvNotRegular: ({ file }) => ({ message: `CSV 文件 ${file} 不是普通文件（而是设备、管道或 socket）`, hint: '先导出成文件，再导入那个文件' }),
  csvTooLarge: ({ file, gb, limitGb }) => ({ message: `CSV 文件 ${file} 太大了（${gb} GB，上限是 ${limitGb} GB）`, hint: '是不是选错了文件？太大的导出请拆成几个文件' }),
  cannotRead: ({ file, code, detail }) => ({ message: `无法读取 ${file}：${code ? why({ code, text: code }) : detail}`, ...(code === 'ENOENT' ? { hint: '检查路径' } : {}) }),
  notEncodingText: ({ place, encoding }) => ({
    message: `${place}：从这一行起不是 ${encoding ?? 'UTF-8'} 文本；什么都没有导入`,
    ...(encoding ? {} : { hint: '在 CRM 或 Excel 里另存为“CSV UTF-8”；中文 Excel 保存的文件常常是 GBK 编码：请加上 --encoding gb18030' }),
  }),
  reportWhere: () => ({ message: '请说明报告写到哪里', hint: 'sales-coach report --out week.html' }),
  repOrTeam: () => ({ message: '--rep 和 --team 只能选一个', hint: '--rep ROLE 看团队里的一位销售，--team 看整个团队' }),
  notICalendar: ({ file, detail }) => ({ message: `日历 ${file} 不是 iCalendar 文件：${icalWhy(detail)}`, hint: '从你的日历里导出 .ics（iCalendar）文件' }),
  noVcalendar: ({ file }) => ({ message: `日历 ${file} 里没有 VCALENDAR`, hint: '从你的日历里导出 .ics（iCalendar）文件' }),
  calendarUnreadable: ({ file }) => ({ message: `无法读取日历 ${file}`, hint: '检查 --calendar（或配置文件里的 calendar:）' }),

  unknownStore: ({ scheme, close }) => ({
    message: `sales-coach 不认识 ${scheme}:// 这种数据库`,
    hint: `${close ? `是不是想写“${close}://”？` : ''}团队数据库的写法是 postgres://USER@HOST[:PORT]/DATABASE；其他写法都当作 SQLite 文件的路径`,
  }),
  badTeamUrl: () => ({ message: '团队数据库的地址不是有效的 URL', hint: '应为 postgres://USER@HOST[:PORT]/DATABASE' }),
  passwordInUrl: () => ({ message: '团队数据库的地址里写了密码；没有使用它', hint: '把密码放在 PGPASSWORD、~/.pgpass 或配置文件的 passwordFile 里，不要写进地址：它会出现在进程列表和命令历史里' }),
  notTeamAddress: ({ url }) => ({ message: `${url} 不是团队数据库的地址`, hint: '应为 postgres://USER@HOST[:PORT]/DATABASE' }),
  passwordFileOpen: ({ file }) => ({ message: `密码文件 ${file} 别人也能读取；没有使用它`, hint: `改成只有你自己能读：chmod 600 ${file}` }),
  passwordFileUnreadable: ({ file, newRep }) => ({ message: `无法读取密码文件 ${file}`, hint: newRep ? '请给出存有这位新销售密码的文件路径' : '检查配置文件里的 passwordFile' }),
  passwordFileEmpty: ({ file }) => ({ message: `密码文件 ${file} 是空的` }),
  configUnreadable: ({ file }) => ({ message: `无法读取配置文件 ${file}`, hint: '检查 --config 给出的路径' }),
  configEnvMissing: ({ file }) => ({ message: `SALES_COACH_CONFIG 指定的配置文件 ${file} 不存在或无法读取`, hint: '改正 SALES_COACH_CONFIG，或者取消设置它，使用默认的配置文件' }),
  configProblem: ({ place, message, hint }) => ({
    message: `${place}：${configSays(message)}`,
    ...(hint ? { hint: /\p{Script=Han}/u.test(hint) ? hint : (YAML_SAYS[hint] ?? suggestion(hint.replace(/^expected (?!one of)(.*)$/s, (_, k: string) => `应为${kind(k)}`))) } : {}),
  }),
  repNeedsTeamDb: () => ({ message: '--rep 读取的是团队数据库里某位销售的客户，而这是本机上的数据库', hint: TEAM_DB }),
  reportNeedsTeamDb: ({ flag }) => ({ message: `${flag} 的报告要用团队数据库，而这是本机上的数据库`, hint: TEAM_DB }),
  teamCommandNeedsTeamDb: ({ what, path }) => ({
    message: `${what} 只能用在团队数据库上${path ? `，而这是本机上的数据库（${path}）` : ''}`,
    hint: `${TEAM_DB}，或者在配置文件里写上 store:`,
  }),
  notYourRep: ({ rep, team, meant }) => ({ message: `${rep} 不是你团队的销售`, hint: team.length ? `${meant ? `你是不是要找 ${meant}？` : ''}你的团队：${list(team)}` : `你在这个团队数据库里没有下属销售（${ADD_REPS}）；你自己的客户：sales-coach accounts` }),
  noRepsManaged: () => ({ message: '在这个团队数据库里，你没有管理任何销售', hint: ADD_REPS }),
  managerEmpty: () => ({ message: '--manager 是空的', hint: '写上经理的角色名，或者去掉 --manager' }),
  reviewNeedsRep: ({ verb }) => ({
    message: `account ${verb} 需要 --rep：这是谁的客户？`,
    hint: `sales-coach team review 会按销售列出你团队的客户${verb === 'resolve' ? '；你自己客户上的问题由经理来结束，你用 sales-coach account reply 回答' : ''}`,
  }),
  resolveOwnAccount: ({ account }) => ({ message: `${account} 是你自己的客户：上面的问题由你的经理来结束，销售不能结束`, hint: `回答它：sales-coach account reply ${account} --note "…"` }),
  reviewNeedsNote: ({ verb, challenge }) => ({
    message: `account ${verb} 需要 --note "..."：写上要让销售看到的话`,
    hint: challenge ? '例如 --note "为什么他是A类客户？那你今天为什么没签掉呢？"' : '例如 --note "同意：第一KP确认了预算"',
  }),
  accuracyOfOneRep: () => ({ message: '--accuracy 只看一个人保存的预测，不看整个团队', hint: '对每名下属分别运行 forecast --accuracy --rep 角色名' }),
  replyNeedsNote: () => ({ message: 'account reply 需要 --note "..."：写上你对这个问题的回答', hint: '例如 --note "董事会已批预算，第一KP周五签字"' }),
  pushNeedsTo: () => ({ message: 'store push 需要 --to postgres://USER@HOST/DATABASE', hint: '要把本机的客户推送到哪个团队数据库' }),
  noLocalDb: ({ path }) => ({ message: `本机的 ${path} 没有数据库：没有可以推送的内容`, hint: '用 --db FILE 给出它的路径' }),
  damagedRows: ({ count, path }) => ({
    message: `${path} 里有${count}行无法读取（在 sales-coach 之外被改过，或者已经损坏）：什么都没有推送`,
    hint: '用 sales-coach export --json 导出还能读取的内容，再删除或修复上面提到的客户（sales-coach account delete NAME），然后重新推送',
  }),

  renamed: ({ from, to }) => ({ message: `已把“${from}”改名为“${to}”` }),
  merged: ({ from, into }) => ({ message: `已把“${from}”合并到“${into}”` }),
  nothingDeleted: () => ({ message: '什么都没有删除' }),
  deleted: ({ name }) => ({ message: `已删除“${name}”` }),
  discardedDraft: ({ mode: m, account }) => ({ message: `已丢弃${account ? `“${account}”` : ''}未完成的${mode(m)}` }),
  wroteReport: ({ file, kb }) => ({ message: `报告已写入 ${file}（${kb} KB）` }),
  wroteFile: ({ file }) => ({ message: `已写入 ${file}` }),
  wroteStarter: ({ files, validate, test }) => ({ message: `已写入 ${list(files)}\n下一步：编辑它们，然后运行  ${validate}  和  ${test}` }),
  prefilled: ({ count }) => ({ message: `已从 zh-CN 预填了${count}条 zh-TW 文本（标记为待审校）` }),
  wroteTexts: ({ count, file, done, locale }) => ({ message: `已把${count}条文本写入 ${file}（${done}条已有 ${locale} 译文，${count - done}条待翻译）` }),
  wroteIcs: ({ count, file }) => ({ message: `已把${count}个待办的下一步写入 ${file}` }),
  wroteCsv: ({ folder }) => ({ message: `已把客户、联系人、拜访、下一步和历史记录写入 ${folder}/` }),
  importSummary: (p) => {
    const q = (h: string) => `“${h}”`;
    const lines = [
      `${p.file}：共${p.rows}行，以${DELIMITERS[p.delimiter]}分隔${p.dryRun ? '（--dry-run：什么都没有写入）' : ''}`,
      `  ${p.dryRun ? '将新增客户' : '新增客户'}    ${p.accounts}`,
      `  ${p.dryRun ? '将新增联系人' : '新增联系人'}  ${p.contactsAdded}`,
      `  ${p.dryRun ? '将更新联系人' : '更新联系人'}  ${p.contactsUpdated}${p.contactsUnchanged ? `（另有${p.contactsUnchanged}个已是最新）` : ''}`,
      `读取的列：${p.read.map((r) => `${FIELDS[r.field]} <- ${r.headers.map(q).join('，其次')}`).join('；')}`,
      `没有读取的列：${p.unread.length ? p.unread.map((u) => `${u.noHeader ? `（第${u.column}列，没有表头）` : q(u.header)}${u.why ? `（${u.why === 'noRoleQuestion' ? '剧本里没有问角色的问题' : '剧本里没有性格类型'}）` : ''}`).join('、') : '无'}`,
    ];
    if (p.nameless) lines.push(`有${p.nameless.count}行有联系方式却没有姓名，所以${p.dryRun ? '只会导入' : '只导入了'}它们的客户（第${p.nameless.lines.join('、')}${p.nameless.count > p.nameless.lines.length ? '等' : ''}行）`);
    if (p.noContact) lines.push(`没有联系人：${NO_CONTACT[p.noContact]}`);
    return { message: lines.join('\n') };
  },
  confirmDelete: ({ name, visits, contacts, steps }) => ({ message: `删除“${name}”及其${visits}次拜访、${contacts}个联系人和${steps}项下一步？删除后无法恢复。` }),
  keptVisitsSent: ({ count }) => ({ message: `本机保留的${count}次拜访已发送到团队数据库` }),
  visitRefused: ({ reason, file }) => ({ message: `本机保留的一次拜访被团队数据库拒绝了（${reason}）；它仍保存在 ${file}` }),
  noAccountInGroups: ({ groups, known }) => ({
    message: `没有属于${groups.map((k) => (k === 'provisional' ? '“?”' : `“${k}”`)).join('或')}的客户${known.length ? `；在用的分类有 ${list(known)}（? 表示暂定）` : ''}`,
  }),
};
