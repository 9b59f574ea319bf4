/** `--help` in zh-CN (src/ui/help-messages.ts): zh-TW is derived from it by scripts/zh-tw.mjs. */
import type { HelpMessages } from './help-messages.js';

export const zhCN: HelpMessages = {
  titles: { 'Usage:': '用法：', 'Options:': '选项：', 'Arguments:': '参数：', 'Commands:': '命令：', 'Global Options:': '全局选项：' },
  usageWords: { '[options]': '[选项]', '[command]': '[命令]' },
  helpOption: '显示本命令的帮助',
  helpCommand: '显示某条命令的帮助',
  extra: { default: '默认', choices: '可选', env: '环境变量', preset: '不带值时' },
  texts: {
    'A coach for B2B sales reps (prep before a visit, debrief after it) and for the trainers who write its playbooks.':
      'B2B销售的教练（拜访前做准备，拜访后做复盘），也供编写剧本的培训师使用。',
    'print the version': '显示版本号',
    'language: en, zh-CN or zh-TW (default: from LANG, SALES_COACH_LANG or the config)': '界面语言：en、zh-CN 或 zh-TW（默认取 LANG、SALES_COACH_LANG 或配置文件中的设置）',
    'a folder of user playbooks (or SALES_COACH_PLAYBOOKS, or the config)': '存放自定义剧本的文件夹（也可用 SALES_COACH_PLAYBOOKS 或配置文件指定）',
    'the config file (or SALES_COACH_CONFIG; default $XDG_CONFIG_HOME/sales-coach/config.yaml)': '配置文件（也可用 SALES_COACH_CONFIG 指定；默认 $XDG_CONFIG_HOME/sales-coach/config.yaml）',
    'the database: a SQLite file, or a team database postgres://USER@HOST/DB (or SALES_COACH_DB, or store: in the config; default $XDG_DATA_HOME/sales-coach/coach.db)':
      '数据库：一个 SQLite 文件，或团队数据库 postgres://USER@HOST/DB（也可用 SALES_COACH_DB 或配置文件中的 store: 指定；默认 $XDG_DATA_HOME/sales-coach/coach.db）',
    'no colour (also NO_COLOR, or when output is not a terminal)': '不用颜色（设置了 NO_COLOR 或输出不是终端时也不用）',
    'show stack traces for errors': '出错时显示调用栈',
    'trainer tools: validate, list, show, schema, init': '培训师工具：检查、列出、查看剧本，生成 schema，新建剧本',
    'check playbook files (all built-in and user playbooks when no path is given)': '检查剧本文件（不写路径时检查所有内置剧本和自定义剧本）',
    'output format': '输出格式',
    'treat warnings as errors (exit 1)': '把警告当作错误（退出码 1）',
    'playbook files or folders': '剧本文件或文件夹',
    "run the playbooks' test cases (NAME.test.yaml beside each playbook), like vitest": '运行剧本的测试用例（每个剧本旁边的 NAME.test.yaml），用法类似 vitest',
    'print the results as JSON': '以 JSON 格式输出结果',
    'fill the expectations of new cases (those without expect:) from the actual result': '用实际结果填写新用例（没有 expect: 的用例）的预期',
    'list the rules, flags, checklist items, advice and questions no case exercises': '列出没有任何用例覆盖到的规则、警示、清单项、建议和问题',
    'walk the paths through the interview and report dead ends, gaps and crashes': '遍历访谈的各条路径，报告走不通的地方、遗漏和崩溃',
    'the seed for --explore when it samples': '--explore 抽样时使用的随机种子',
    'playbook files, test files, folders or playbook ids (default: all playbooks)': '剧本文件、测试文件、文件夹或剧本 id（默认：所有剧本）',
    'list the built-in and user playbooks, and where each comes from': '列出内置剧本和自定义剧本，以及各自的来源',
    'print JSON': '以 JSON 格式输出',
    'print a playbook as resolved (includes and extends applied)': '显示展开后的剧本（已合并 includes 和 extends）',
    'a playbook id or a file': '剧本 id 或文件',
    'print a JSON Schema (for editors): of playbooks, test files or answers files': '输出剧本、测试文件或回答文件的 JSON Schema（供编辑器使用）',
    'which schema': '哪一种 schema',
    'write it to a file instead': '改为写入文件',
    'let --out replace a file that exists': '允许 --out 覆盖已有的文件',
    'write a starter playbook that teaches the format, or a complete one of a sales methodology, with its tests':
      '生成一个讲解格式的入门剧本，或某种销售方法论的完整剧本，并附带测试',
    'start from a methodology: meddicc, bant, spin or abcd (see --list)': '以一种方法论为起点：meddicc、bant、spin 或 abcd（见 --list）',
    'list the methodology templates': '列出方法论模板',
    'overwrite an existing file': '覆盖已有的文件',
    'where to write it': '写到哪里',
    'preview a playbook as a rep sees it: run the interview (answers from a file, the rest asked) and show the result; nothing is saved':
      '以销售的视角预览剧本：走一遍访谈（答案取自文件，缺的再问），显示结果；什么都不保存',
    'pre-fill the answers from a YAML or JSON answers file': '用 YAML 或 JSON 回答文件预先填好答案',
    "ask again from this question on (the file's answers as defaults)": '从这个问题起重新提问（文件里的答案作为默认值）',
    "the kind of session (default: the answers file's, else debrief)": '访谈类型（默认用回答文件里指定的，没有指定就是复盘）',
    "the visit date (default: the answers file's, else today)": '拜访日期（默认用回答文件里的日期，没有就是今天）',
    'the persona of the person met': '要见的人属于哪种性格类型',
    'never ask: fail on missing answers instead': '不提问：缺少答案就直接报错',
    'show everything (the whole persona profile, every tip)': '显示全部内容（完整的性格类型说明和每一条提示）',
    'print the result as JSON': '以 JSON 格式输出结果',
    'the playbook (a file or an id)': '剧本（文件或 id）',
    "print the playbook's logic (questions -> conditions -> classes, flags, steps, tips) as a Mermaid flowchart":
      '把剧本的逻辑（问题 -> 条件 -> 分类、警示、下一步、提示）输出为 Mermaid 流程图',
    'wrap it in a ```mermaid block, ready to paste into Markdown': '包在 ```mermaid 代码块里，可以直接贴进 Markdown',
    "a translator's workflow: every text of a playbook out to PO or XLIFF, and the translations back in": '翻译流程：把剧本的全部文字导出为 PO 或 XLIFF，再把译文导回来',
    "write every text of the playbook (English source, the target language's text now) as PO or XLIFF for a translation tool":
      '把剧本的全部文字（英文原文和目标语言的现有译文）导出为 PO 或 XLIFF，供翻译工具使用',
    'the file format translation tools read': '翻译工具读取的文件格式',
    "the language to translate into: zh-CN or zh-TW (default: the playbook's first locale other than en)": '要译成的语言：zh-CN 或 zh-TW（默认：剧本中除 en 以外的第一种语言）',
    'zh-TW only: pre-fill the texts from zh-CN, converted as the built-in playbook is (to review)': '仅限 zh-TW：用 zh-CN 文字按内置剧本的方式转换后预先填入（需要再审校）',
    'write it to a file instead of stdout': '写入文件，而不是输出到标准输出',
    "write the translations of a PO or XLIFF file into the playbook's YAML files, in place; report missing and stale texts (exit 1)":
      '把 PO 或 XLIFF 文件中的译文直接写回剧本的 YAML 文件；报告缺失和过时的文字（退出码 1）',
    'report what would be written, and write nothing': '只报告会写入什么，不实际写入',
    'the playbook file': '剧本文件',
    'the translated PO or XLIFF file': '翻译好的 PO 或 XLIFF 文件',
    'run the language server for playbook files over stdio (for VS Code, Neovim and other editors)': '通过标准输入输出运行剧本文件的语言服务器（供 VS Code、Neovim 等编辑器使用）',
    'talk over stdin and stdout (the default and only transport; accepted because editors pass it)': '通过标准输入和标准输出通信（默认也是唯一的方式；编辑器会传这个选项，所以接受它）',
    'prepare a customer visit: a short interview, then class, persona advice, checklist and a recap to send':
      '拜访前做准备：先回答几个简短的问题，再给出客户分类、针对对方性格类型的建议、待办清单，以及可以发给客户的上次拜访总结',
    'the account (customer company)': '客户名称（公司名）',
    'the persona of the person you meet, e.g. koala': '要见的人属于哪种性格类型，例如 koala（无尾熊型）',
    "the playbook to use (default: the answers file's, else abcd)": '使用的剧本（默认用回答文件里指定的，没有指定就用 abcd）',
    'the visit date (default: today for debrief and plan, tomorrow for prep)': '拜访日期（默认：拜访准备为明天，复盘和客户经营计划为今天）',
    'take the answers from a YAML or JSON file (or - for stdin) instead of asking': '从 YAML 或 JSON 文件读取答案，不再逐题提问（写 - 表示从标准输入读取）',
    'continue the interrupted interview (draft)': '接着上次中断的访谈继续答题（草稿）',
    'also write the result as Markdown': '同时把结果另存为 Markdown 文件',
    'put the message to send on the clipboard: the follow-up after a debrief, the recap before a visit': '把要发给客户的消息复制到剪贴板（复盘后是跟进消息，拜访前是上次拜访的总结）',
    'show the result without saving it to the account': '只显示结果，不保存到客户档案',
    'ask again the facts carried over from the last visit (contact, role, needs…)': '上次拜访记下的信息（联系人、角色、需求等）也重新问一遍',
    "show everything: the persona's whole profile and every tip, even what you read last time": '显示全部内容：完整的性格类型说明，以及所有提示（包括上次已经看过的）',
    'run a complete example with built-in answers': '用内置的示例答案完整演示一遍',
    'debrief right after a visit: what happened, the class and why, flags and next steps': '拜访结束后马上复盘：记下发生了什么，得到客户分类及理由、警示和下一步',
    'plan a key account (strategic account management): ideal-customer fit, what you sell to whom, the goal agreed with their key players, investment, strategy and execution, each with a date':
      '重点客户经营规划：是否是理想客户、向谁卖什么、与对方关键人物商定的目标、投入、策略和执行，每项都有日期',
    'the weekly pipeline review: accounts by class, how old each class is, the next step, and what needs you': '每周客户盘点：按分类列出客户、每个分类已持续多久、下一步，以及需要你处理的事',
    'also show what moved (new, upgraded, downgraded, signed, dropped) since 7d, 2w, 1m or a date': '同时显示自 7d、2w、1m 或某个日期以来的变化（新增、升级、降级、签单、放弃）',
    'only these classes (A,B or ? for provisional)': '只看这些分类（如 A,B；? 表示暂定）',
    'only accounts with these flags: window, no_next, one_contact, provisional, overdue': '只看带这些警示的客户：window、no_next、one_contact、provisional、overdue',
    'only accounts with an overdue next step': '只看下一步已逾期的客户',
    'order within a class (value: the largest deal first)': '同一分类内的排序方式（value：金额大的在前）',
    'accounts shown per class': '每个分类显示多少个客户',
    'show every account': '显示所有客户',
    'print JSON (every account)': '以 JSON 格式输出（所有客户）',
    'print CSV (every account)': '以 CSV 格式输出（所有客户）',
    'count windows and overdue steps as of this day, over the accounts as they are now (default: today)': '以这一天为准计算签单周期和逾期的下一步，客户按现在的状态计（默认：今天）',
    "a manager reads one rep's review, as the rep sees it (team database; read-only)": '经理查看某位销售的客户分布，与其本人看到的一样（团队数据库；只读）',
    'your own evidence: how each class you gave turned out, and your habits, against your history': '用你自己的记录说话：你给出的每个分类后来结果如何，以及你的习惯',
    'count classes given and visits made since 90d, 12w, 6m or a date (default: all history)': '统计自 90d、12w、6m 或某个日期以来给出的分类和拜访（默认：全部记录）',
    'only this account': '只看这个客户',
    'calibration only for these classes (e.g. A,B)': '只校准这些分类（例如 A,B）',
    'print the numbers as JSON': '以 JSON 格式输出数字',
    'count as of this day (default: today)': '以这一天为准统计（默认：今天）',
    "a manager reads one rep's stats (team database; read-only)": '经理查看某位下属的统计（团队数据库；只读）',
    'what your accounts in play are expected to sign this month, quarter or 30 days, and how each number is made': '在谈客户在本月、本季度或未来30天预计签下多少，以及每个数字是怎么算出来的',
    'month (to the end of this month), quarter (to the end of this quarter) or 30d': 'month（到本月底）、quarter（到本季度末）或 30d（未来30天）',
    'print the forecast as JSON': '以 JSON 输出预测',
    'forecast as of this day (default: today)': '以这一天为准预测（默认：今天）',
    "a manager reads one rep's forecast (team database; read-only)": '经理查看某位销售的预测（团队数据库；只读）',
    "an account in play not visited for this many days is untouched (default: the config's untouchedDays, else 14)": '在谈客户超过这么多天没有拜访就算“没人跟进”（默认取配置文件的 untouchedDays，没有则为14天）',
    'keep this forecast for --accuracy although --today names another day (it reads the accounts as they are now)': '即使 --today 指定的不是今天，也保存这次预测供 --accuracy 对比（它按客户现在的状态计算）',
    'how the kept forecasts of this kind of period turned out, once their period has ended': '时段已经结束的预测（这一类时段）后来实际签了多少',
    'the weekly report as one HTML file: pipeline this week against last, what moved and why, calibration, next steps, flags':
      '生成单个 HTML 文件的周报：本周与上周的客户对比、变化及原因、校准、下一步、警示',
    'where to write it (required)': '写到哪里（必填）',
    'overwrite the file if it exists (it is replaced whole, never half-written)': '文件已存在时覆盖（整体替换，不会只写一半）',
    'the calibration counts classes given since 90d, 6m or a date (default: all history)': '校准统计自 90d、6m 或某个日期以来给出的分类（默认：全部记录）',
    'the week ending on this day (default: today)': '以这一天结束的一周（默认：今天）',
    "a manager's report of one rep of their team (team database)": '经理查看团队中某位销售的周报（团队数据库）',
    "a manager's report of their whole team (team database; accounts named with their rep)": '经理查看整个团队的周报（团队数据库；客户名旁注明所属销售）',
    'one account: show its timeline, rename, merge or delete it': '单个客户：查看时间线、改名、合并或删除',
    'the timeline of visits and classes, the contacts and the checklist': '拜访和分类的时间线、联系人和清单',
    'print JSON (everything stored: visits with their results, people, events, steps)': '以 JSON 格式输出（保存的全部内容：拜访及结果、人员、事件、下一步）',
    'print Markdown (for notes or a CRM)': '以 Markdown 格式输出（用于笔记或 CRM）',
    "a rep's account, for their manager (team database)": '某位销售的客户，供其经理查看（团队数据库）',
    'mark overdue steps as of this day (default: today)': '以这一天为准标出逾期的下一步（默认：今天）',
    'the account': '客户名称',
    "change a fact between visits, without a session: a person's (with --person) or the account's own; the change is dated in the timeline and the next session starts from it":
      '在两次拜访之间修改一条信息，不必走访谈：某个人的（用 --person）或客户本身的；修改会带日期记入时间线，下一次访谈从它开始',
    'the person whose facts change (their type, role, trust, stance…)': '要修改其信息的人（性格类型、角色、信任程度、态度……）',
    'the day the fact changed (default: today)': '信息变化的日期（默认：今天）',
    'print the events as JSON': '以 JSON 格式输出事件',
    'show the change without saving it': '只显示修改，不保存',
    'each change as question=value, e.g. trust_level=believed contact_stance=supporter': '每项修改写成 问题=值，例如 trust_level=believed contact_stance=supporter',
    'rename an account': '给客户改名',
    'its new name': '新名称',
    'join two accounts that are the same customer': '把其实是同一家客户的两个客户合并',
    'the account to fold in (it disappears)': '被并入的客户（合并后消失）',
    'the account that keeps everything': '保留全部内容的客户',
    'delete an account with its visits, contacts and checklist': '删除客户及其拜访、联系人和清单',
    'do not ask for confirmation (for scripts)': '不要求确认（供脚本使用）',
    "a manager confirms a rep's class (team database): an event in the account's history, with who and when": '经理确认销售给出的分类（团队数据库）：作为一条事件记入客户历史，注明谁在何时确认',
    'the rep whose account it is': '这个客户所属的销售',
    'what the rep reads at their next prep': '销售下次做拜访准备时会看到的话',
    'the date of the note (default: today)': '批注的日期（默认：今天）',
    'a manager questions a rep\'s class (team database; the seed\'s "why is this an A? then why was it not signed?"); the rep sees it at the next prep':
      '经理对销售给出的分类提出质疑（团队数据库；比如“为什么他是A类客户？那你今天为什么没签掉呢？”）；销售下次做拜访准备时会看到',
    'the question the rep should answer': '销售需要回答的问题',
    "answer your manager's open question on one of your accounts (team database); the question stays open until they close it": '回答经理在你某个客户上提出、还没解决的问题（团队数据库）；经理结束之前，问题一直保留',
    'your answer': '你的回答',
    "a manager's forecast of their whole team: each rep's, on their own rates, and the team's in all (team database)": '经理查看整个团队的预测：每名下属按各自的签单率计算，再加总（团队数据库）',
    'the date of the answer (default: today)': '回答的日期（默认今天）',
    "a manager closes the open questions on a rep's account (team database), answered or not, with a last word if they like": '经理结束下属某个客户上还没解决的问题（团队数据库），不论对方是否已回答，可以附一句话',
    'a last word the rep reads (optional)': '附给下属的一句话（可不填）',
    'the date of the close (default: today)': '结束的日期（默认今天）',
    "a team database on PostgreSQL: set it up, add reps, and review every rep's pipeline": 'PostgreSQL 上的团队数据库：建库、添加销售、盘点每位销售的客户',
    'set up (or upgrade) the team database: tables, row-level security, the rep role (the team admin: a role that owns the database and may create roles; --db names it)':
      '建立（或升级）团队数据库：表、行级安全、销售角色（由团队管理员执行：拥有该数据库且能创建角色的角色，用 --db 指定）',
    'add a rep (or a manager) to the team: a new database role is created; an existing one is given the rep role (its password is changed only if it is already in the team)':
      '把一位销售（或经理）加入团队：新建一个数据库角色；已有的角色则授予销售角色（只有已在团队中时才会修改其密码）',
    "the manager who reviews this rep's pipeline": '这位销售的经理（可以盘点其客户）',
    "set the rep's password from this file (never on the command line)": '从这个文件读取销售的密码（绝不在命令行上写密码）',
    "the rep's database role (lower-case letters, digits and _), created if new": '销售的数据库角色（小写字母、数字和 _），不存在时新建',
    'take a member out of the team (their accounts stay; the database role is left to the admin)': '把一位成员移出团队（其客户保留；数据库角色留给管理员处理）',
    'the member to take out of the team': '要移出团队的成员',
    "move every account of one role to a member of the team, with its people, visits, steps and history (a removed rep's accounts are otherwise seen by no one)":
      '把一个角色的所有客户连同人员、拜访、下一步和历史转给团队中的一位成员（否则被移出的销售的客户没有人能看到）',
    'the role whose accounts move (a rep who left, or is leaving)': '要转出客户的角色（已离职或即将离职的销售）',
    'the member of the team who takes them': '接手这些客户的团队成员',
    'the members of the team, their manager and how many accounts each has': '团队成员、各自的经理以及每人有多少客户',
    "a manager's review: every rep's pipeline by class, what needs attention, what moved": '经理盘点：每位销售按分类列出的客户、需要关注的事、有哪些变化',
    'what moved since 7d (default), 2w, 1m or a date': '自 7d（默认）、2w、1m 或某个日期以来的变化',
    'only these reps (comma-separated)': '只看这些销售（用逗号分隔）',
    'accounts needing attention shown per rep': '每位销售显示多少个需要关注的客户',
    'every account that needs attention': '显示所有需要关注的客户',
    'print JSON (everything: every account, with its flags)': '以 JSON 格式输出（全部内容：所有客户及其警示）',
    'print CSV: one line per account (everything)': '以 CSV 格式输出：每个客户一行（全部内容）',
    "the database itself: push this machine's accounts into a team database": '数据库本身：把本机的客户推送到团队数据库',
    'move the accounts on this machine (visits, steps, history) into a team database: all or nothing, and pushing twice changes nothing':
      '把本机的客户（拜访、下一步、历史）迁入团队数据库：只有全部成功才会生效，出错则什么都不改；推送两次不会重复',
    "the team database, postgres://USER@HOST/DATABASE (password from PGPASSWORD, the config's passwordFile or ~/.pgpass)":
      '团队数据库，postgres://USER@HOST/DATABASE（密码取自 PGPASSWORD、配置文件的 passwordFile 或 ~/.pgpass）',
    'print what was moved as JSON': '以 JSON 格式输出迁移了什么',
    'open next steps by due date; done, skip, reopen or undo one; add your own': '按到期日列出未完成的下一步；标记完成、放弃、重新打开或撤销；也可以自己添加',
    'what counts as overdue (default: today)': '以哪一天判断逾期（默认：今天）',
    'mark a next step done': '把一个下一步标为已完成',
    'the day it happened (default: today)': '完成的日期（默认：今天）',
    'the item number shown by sales-coach checklist (or account show)': 'sales-coach checklist（或 account show）显示的编号',
    'drop a next step (no longer needed)': '放弃一个下一步（不再需要）',
    'open a step again that was marked done or dropped': '重新打开一个已完成或已放弃的下一步',
    'undo the last done, skip or reopen': '撤销最近一次完成、放弃或重新打开',
    'the day the undoing is dated (default: today)': '撤销记在哪一天（默认：今天）',
    'add a step of your own to an account': '给客户添加一个自己的下一步',
    'the account it is for (required)': '所属客户（必填）',
    'when it is due (default: today)': '到期日（默认：今天）',
    'what to do': '要做什么',
    'the unfinished sessions (interrupted interviews), each with the command that continues it': '中断后未完成的访谈，每个都附上继续它的命令',
    'delete an unfinished session for good': '永久删除一个未完成的访谈',
    'the account of the draft (none: the draft without an account)': '草稿所属的客户（不写则指没有客户的那份草稿）',
    'prep, debrief or plan': 'prep（拜访准备）、debrief（复盘）或 plan（客户经营）',
    'open next steps as calendar events (Google, Outlook, Apple Calendar), or everything as CSV or JSON': '把未完成的下一步导出为日历事件（Google、Outlook、Apple 日历），或把全部内容导出为 CSV 或 JSON',
    'write the open next steps as an .ics calendar': '把未完成的下一步写成 .ics 日历',
    'write accounts, contacts, visits, checklist and class history as CSV files': '把客户、联系人、拜访、清单和分类历史写成 CSV 文件',
    'print everything as JSON': '以 JSON 格式输出全部内容',
    'overwrite files that already exist (they are replaced whole, never half-written)': '覆盖已有的文件（整体替换，不会只写一半）',
    'accounts and contacts from a CRM export (Salesforce, HubSpot, Pipedrive, Zoho, Excel; CSV with a header row)': '从 CRM 导出的文件导入客户和联系人（Salesforce、HubSpot、Pipedrive、Zoho、Excel；带表头的 CSV）',
    'the CSV file (comma, semicolon or tab, found from the header row; UTF-8 unless --encoding)': 'CSV 文件（逗号、分号或制表符分隔，按表头识别；除非指定 --encoding，否则按 UTF-8 读取）',
    'check the file and say what would change; write nothing': '只检查文件、说明会改变什么，不写入',
    'print the summary (or the bad rows) as JSON': '以 JSON 格式输出汇总（或有问题的行）',
    'what a role word of your CRM means, e.g. "decision maker=first_kp" (repeatable; also map_role: in the config)': '你的 CRM 中某个角色词对应什么，例如 "decision maker=first_kp"（可重复；也可写在配置文件的 map_role: 中）',
    'the playbook whose roles and personas the file uses': '文件里的角色和性格类型按哪个剧本解读',
    "the file's text encoding, e.g. gb18030 or utf-16le (default: UTF-8, or UTF-16 by its byte-order mark)": '文件的文本编码，例如 gb18030 或 utf-16le（默认：UTF-8，有字节顺序标记时按 UTF-16）',
    'the morning screen: visits planned today and tomorrow (with the prep to run), steps due and overdue, accounts past their window, notes from your manager, unfinished sessions':
      '早间一览：今天和明天的拜访（附上要做的拜访准备）、到期和逾期的下一步、已过签单周期的客户、经理的批注、未完成的访谈',
    'the seven days ahead instead of today and tomorrow': '显示接下来七天，而不只是今天和明天',
    'your calendar (an .ics export): its events are matched to accounts by name (or calendar: in the config)': '你的日历（导出的 .ics 文件）：按名称把其中的事件对应到客户（也可写在配置文件的 calendar: 中）',
    'the day to show (default: today)': '显示哪一天（默认：今天）',
    'print the shell completion script for bash, zsh or fish (README: "Shell completion" says where to put it)': '输出 bash、zsh 或 fish 的命令补全脚本（放在哪里见 README 的“Shell completion”一节）',
    'bash, zsh or fish': 'bash、zsh 或 fish',
    'accounts, playbooks or classes': 'accounts（客户）、playbooks（剧本）或 classes（分类）',
    'a complete example, with no set-up: what the tool does in one minute': '一个完整示例，无需任何设置：一分钟看懂这个工具能做什么',
  },
  after: {
    '': `
示例：
  $ sales-coach demo                          完整示例，无需设置
  $ sales-coach prep --account "Acme Ltd"     为明天的拜访做准备
  $ sales-coach debrief --account "Acme Ltd"  拜访结束后马上复盘
  $ sales-coach playbook validate my.yaml     检查你写的剧本

退出码：0 正常，1 发现问题（剧本无效），2 用法或输入错误，3 内部错误，
130 已中断（答案已存为草稿；用 --resume 继续）。`,
    accounts: `
  分类按给出它们的剧本分组、命名和排序：培训师自定义的分类（比如 commit / best_case / pipeline）
  按原样显示。客户在拜访时因分类而定下的签单期限过了，就算已过签单周期；表示“不会购买”的分类
  （剧本中的 roles.willNotBuy）算作放弃，不需要下一步。

  示例：
    $ sales-coach accounts                       盘点，每个分类最多 20 个客户
    $ sales-coach accounts --since 7d            加上本周的变化及原因
    $ sales-coach accounts --flag window,no_next 现在需要你处理的
    $ sales-coach accounts --csv > pipeline.csv  所有客户，用于电子表格
    $ sales-coach accounts --rep wang_li         经理查看某位销售的客户分布（团队数据库）`,
    stats: `
  校准：对每个给出过的分类（每次拜访给出都算一次），在签单周期已过的客户中，有多少比例在该分类的
  签单周期（剧本中的周期，例如 A类为 10 天）内签单、签单所需天数的中位数、后来有多少被改成别的
  分类、有多少被放弃。不足 5 个时不算比例，直接显示个数。

  习惯：拜访最高分类的客户时，你有多少次提出了成交（剧本中的 roles.askedToSign），以及提出和没提出
  时的签单率；见到最终拍板人（roles.metFirstKp；内置剧本中为第一KP）的拜访所占比例；最后“不会购买”
  的客户上花了多少次拜访和多少小时（小时数是估算，每次按 3 小时：剧本不记录拜访时长）；在跟进中、
  却只有一个联系人的客户。

  示例：
    $ sales-coach stats                   你记录的全部内容
    $ sales-coach stats --since 90d       最近 90 天
    $ sales-coach stats --class A --json  你的A类客户，以 JSON 输出
    $ sales-coach stats --rep wang_li     经理查看某位下属的统计（团队数据库）`,
    forecast: `
  哪些客户：在谈的客户（没签单、没放弃、已分类），日期落在这段时间内：客户自己说的预计签约日，没有
  的话就用这个分类签单周期的最后一天。金额是这一单的金额（准备和复盘时会问；也可以用
  account set 客户名 amount=… 修改）。

  签约概率：这个分类已有结果（在周期内签单，或周期已过）的客户满 5 个后，用你自己在周期内签单的比例
  （和 stats 显示的一样）；不满 5 个时用剧本给这个分类的默认值。屏幕上会写明用的是哪一种，以及个数。
  预计金额 = 金额 × 签约概率，按币种分别相加（不换算）。

  有把握、乐观、全部在谈：剧本把每个分类放进其中一档（内置剧本：A、B、C）；乐观包含有把握，全部在谈
  包含前两档。

  今天的每次预测都会保存，每类时段每周一份（经理查看时不保存；别的日子要加 --keep 才保存）；
  --accuracy 把时段已经结束的预测和这些客户在时段内实际签下的金额作对比，并列出预测之外签下的客户。

  示例：
    $ sales-coach forecast                    本月
    $ sales-coach forecast --period quarter   到本季度末
    $ sales-coach forecast --json             以 JSON 输出数字
    $ sales-coach forecast --accuracy         之前几个月的预测后来怎样`,
    report: `
  这个文件不依赖任何别的东西：图表在生成时就画成 SVG，样式写在文件里，不联网加载任何内容，也不运行
  脚本。可以用 A4 纸打印。文字使用 --lang 指定的语言（en、zh-CN、zh-TW）。

  示例：
    $ sales-coach report --out week.html && xdg-open week.html`,
    'account set': `
  取值按剧本的选项检查，与回答文件相同。分类不会因此改变：下一次拜访准备或复盘会根据所有信息
  （包括这一条）重新分类。

  示例：
    $ sales-coach account set Hengda --person "Ms Chen" trust_level=believed contact_stance=supporter
    $ sales-coach account set Hengda buying_power=yes`,
    team: `
  团队数据库用 --db postgres://USER@HOST[:PORT]/DATABASE、SALES_COACH_DB 或配置文件中的 store: 指定。
  密码取自 PGPASSWORD、~/.pgpass 或配置文件中的 passwordFile:，绝不写在地址里。每位销售是一个数据库
  角色；由 PostgreSQL 本身（行级安全）保证销售只能查看和修改自己的客户，经理能查看自己团队的客户。

  建库（由团队管理员执行，需要能创建角色）：
    $ createdb sales                                          （或任何空数据库）
    $ sales-coach team init --db postgres://admin@db.example/sales
    $ sales-coach team add wang_li --manager chen_jing --password-file wang.txt --db ...
  之后销售这样连接：SALES_COACH_DB=postgres://wang_li@db.example/sales sales-coach prep ...
  并这样迁移自己电脑上的数据：sales-coach store push --to postgres://wang_li@db.example/sales`,
    import: `
  按表头名称识别列，中英文均可：客户（"Account Name"、"Company"、"Company Name"、"Organization"、公司、
  客户名称）、联系人（"Name"、"Full Name"，或 "First Name" 和 "Last Name"；姓名，或 姓 和 名）、
  "Title"/"Job Title"（职位）、"Phone"/"Phone Number"/"Mobile"（电话、手机）、"Email"（邮箱）、
  "Role"/"Buying Role"（角色）、"Reports To"（上级）、"Persona"。没有读取的列都会列出来。同一客户中
  同名的联系人会被更新，不会重复添加；空单元格保留已保存的内容。

  只有全部无误才会写入：每个有问题的行都按 文件:行:列 报告，这时什么都不写入（退出码 2）。

  示例：
    $ sales-coach import --csv contacts.csv --dry-run
    $ sales-coach import --csv hubspot.csv --map-role "decision maker=first_kp" --map-role "influencer=third_kp"
    $ sales-coach import --csv 客户.csv --encoding gb18030 --json`,
  },
};
