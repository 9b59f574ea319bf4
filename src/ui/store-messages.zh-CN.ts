/** The store's errors in Simplified Chinese. zh-TW is generated from this file (scripts/zh-tw.mjs). */
import { rowName } from './row-names.zh-CN.js';
import type { StoreMessages } from './store-messages.js';

const recover = (path: string) => `sqlite3 '${path.replace(/'/g, `'\\''`)}' .recover | sqlite3 recovered.db`;

/**
 * A server's or SQLite's reason (PostgreSQL's message, the socket's code, SQLite's words), in Chinese by
 * its shape; the names it quotes stay as written. A reason of another shape is marked as the server's words.
 */
const SERVER_WORDS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(table|schema|sequence|function|view|database|relation) "?([^"\s]+)"?$/s, (m) => `${({ table: '数据表', schema: '模式', sequence: '序列', function: '函数', view: '视图', database: '数据库', relation: '数据表' } as Record<string, string>)[m[1]]} ${m[2]}`],
  [/^to (create|alter|drop) role$/s, (m) => `${({ create: '创建', alter: '修改', drop: '删除' } as Record<string, string>)[m[1]]}数据库角色`],
  [/^new row violates row-level security policy for table "(.*)"$/s, (m) => `新写入的数据不符合数据表 ${m[1]} 的访问规则（行级安全策略）`],
  [/^new row for relation "(.*)" violates check constraint "(.*)"$/s, (m) => `写入数据表 ${m[1]} 的数据不符合检查约束 ${m[2]}`],
  [/^role name "(.*)" is reserved$/s, (m) => `角色名“${m[1]}”是保留的`],
  [/^role "(.*)" already exists$/s, (m) => `角色“${m[1]}”已经存在`],
  [/^The server does not support SSL connections$/is, () => '服务器不支持 SSL 连接'],
  [/^self[- ]signed certificate( in certificate chain)?$/is, () => '证书是自签名的'],
  [/^ECONNREFUSED$/, () => '连接被拒绝，ECONNREFUSED'],
  [/^ENOTFOUND$/, () => '找不到这个主机，ENOTFOUND'],
  [/^ETIMEDOUT$/, () => '连接超时，ETIMEDOUT'],
  [/^ECONNRESET$/, () => '连接被对方断开，ECONNRESET'],
  [/^EHOSTUNREACH$/, () => '主机不可达，EHOSTUNREACH'],
  [/^Connection terminated unexpectedly$/s, () => '连接意外中断'],
  [/^(timeout expired|Connection terminated due to connection timeout)$/s, () => '连接超时'],
  [/^database disk image is malformed$/s, () => '数据库文件的结构已损坏'],
  [/^file is not a database$/s, () => '这个文件不是数据库'],
  [/^unable to open database file$/s, () => '无法打开数据库文件'],
  [/^disk I\/O error$/s, () => '磁盘读写出错'],
  [/^attempt to write a readonly database$/s, () => '数据库是只读的，不能写入'],
];
function serverWords(detail: string, server: string): string {
  for (const [form, word] of SERVER_WORDS) {
    const m = form.exec(detail);
    if (m) return word(m);
  }
  return `${server}的原话：${detail}`;
}

export const zhCN: StoreMessages = {
  busy: ({ path }) => ({ message: `数据库 ${path} 正被另一个 sales-coach 使用（等了一会儿，还是没能用上）`, hint: '先结束或关闭另一个 sales-coach，再运行一次；什么都没有改动' }),
  readOnly: ({ file, what }) => ({
    message: `无法写入 ${file}：${what === 'file' ? '数据库文件在这里不能写入' : what === 'folder' ? '存放数据库的文件夹不能写入（sales-coach 要在里面创建 coach.db-wal 和 coach.db-shm）' : '这是其他用户或之前某次运行留在数据库旁边的文件，这里不能写入'}；什么都没有改动`,
    hint: what === 'file' ? '检查这个文件能否写入，或者用 --db（SALES_COACH_DB）指向一个可写的位置' : `让 ${file} 可写（如果没有 sales-coach 在运行，也可以删掉它），或者用 --db 指向一个可写的位置`,
  }),
  diskFull: ({ path }) => ({ message: `存放 ${path} 的磁盘已满；什么都没有改动`, hint: '腾出一些空间后再运行一次' }),
  notADatabaseOrDamaged: ({ path }) => ({ message: `${path} 不是 sales-coach 的数据库，或者已经损坏；没有动它`, hint: `要抢救能抢救的部分：${recover(path)}，然后用 --db recovered.db` }),
  parentIsAFile: ({ path }) => ({ message: `无法为数据库 ${path} 创建文件夹：路径中有一段是文件，不是文件夹`, hint: '用 --db（SALES_COACH_DB）指向某个文件夹里的文件' }),
  cannotOpen: ({ path, detail }) => ({ message: `无法打开或写入数据库 ${path}（${serverWords(detail, 'SQLite')}）`, hint: '检查文件夹是否存在、是否可写' }),
  isAFolder: ({ path }) => ({ message: `${path} 是文件夹，不是数据库文件`, hint: '给 --db 一个文件的路径' }),
  notAFile: ({ path }) => ({ message: `${path} 不是数据库文件（而是设备、管道或 socket）；没有动它`, hint: '给 --db 一个文件的路径' }),
  notSqlite: ({ path }) => ({ message: `${path} 不是 sales-coach 的数据库（它不是 SQLite 文件）；没有动它`, hint: '用 --db（SALES_COACH_DB）指向另一个文件，或者把这个文件移走' }),
  newerSchema: ({ path, version, known, team }) => ({
    message: `${team ? '团队数据库' : '数据库'} ${path} 是由更新版本的 sales-coach 创建的（结构版本 ${version}${known !== undefined ? `；这个版本最高只能识别到 ${known}` : ''}）`,
    hint: `请升级 sales-coach；数据库保持原样${team ? '' : '，不会被降级'}`,
  }),
  foreignSqlite: ({ path, appId, tables }) => ({
    message: `${path} 是 SQLite 数据库，但不是 sales-coach 的（${appId !== 0 ? `应用 ID ${appId}` : `表：${tables.slice(0, 5).join('、') || '无'}${tables.length > 5 ? '等' : ''}`}）；没有动它`,
    hint: '用 --db（SALES_COACH_DB）指向另一个文件，或者一个新文件',
  }),
  damaged: ({ path, detail }) => ({ message: `数据库 ${path} 已损坏（${serverWords(detail, 'SQLite')}）；没有写入任何内容`, hint: `抢救能抢救的部分：${recover(path)}，然后加上 --db recovered.db 运行` }),
  brokenReferences: ({ path }) => ({ message: `数据库 ${path} 里有指向不存在记录的引用；没有做任何改动`, hint: `抢救能抢救的部分：${recover(path)}` }),
  damagedRow: ({ what }) => ({ message: `存储的${rowName(what)}无法读取：数据库在 sales-coach 之外被改过，或者已经损坏`, hint: '用 sales-coach export --json 导出还能读取的内容，或者恢复备份' }),
  accountKeptChanging: ({ account, tries }) => ({ message: `保存这次拜访时，客户“${account}”一直在变（试了${tries}次）；什么都没有保存`, hint: '再运行一次；这次的草稿还在' }),
  noAccount: ({ name }) => ({ message: `找不到名为“${name}”的客户`, hint: 'sales-coach accounts 可以列出所有客户' }),
  accountExists: ({ from, to }) => ({ message: `已经有叫“${to}”的客户了`, hint: `要把两个客户合并，运行：sales-coach account merge "${from}" "${to}"` }),
  sameAccount: ({ from, into }) => ({ message: `“${from}”和“${into}”是同一个客户` }),
  noChecklistItem: ({ id }) => ({ message: `找不到编号为${id}的下一步`, hint: 'sales-coach checklist 会列出待办的下一步及其编号' }),
  stepSuperseded: ({ id, reopen, account }) => ({
    message: `下一步${id}已被更新的一步取代，已经关闭，不能再${reopen ? '重新打开' : '更改'}`,
    hint: `sales-coach checklist 会列出要做的下一步；如果仍想做这一步，请重新添加：sales-coach checklist add "…" --account ${JSON.stringify(account)}`,
  }),
  stepLapsed: ({ id, until, account }) => ({
    message: `下一步${id}是为一次已经进行过的会面准备的（最后一天是${until}），不能再重新打开`,
    hint: `如果仍想做这一步，请重新添加：sales-coach checklist add "…" --account ${JSON.stringify(account)}`,
  }),
  pgNoPassword: ({ where }) => ({ message: `团队数据库 ${where} 需要密码，但没有提供`, hint: '设置 PGPASSWORD、在 ~/.pgpass 中加一行，或者在配置文件中写上 passwordFile（不要写进地址）' }),
  pgBadPassword: ({ where }) => ({ message: `团队数据库 ${where} 拒绝了这个用户的密码`, hint: '检查 PGPASSWORD、~/.pgpass 或配置文件中的 passwordFile；密码不会显示出来' }),
  pgNoDatabase: ({ where }) => ({ message: `团队数据库 ${where} 不存在`, hint: '向团队管理员要数据库地址，或者先创建它，再运行：sales-coach team init' }),
  pgPermission: ({ where, detail }) => ({
    message: `团队数据库 ${where} 拒绝了这个操作（无权操作：${serverWords(detail, 'PostgreSQL')}）`,
    hint: '销售只能修改自己的客户，经理可以查看自己团队的客户；由团队管理员用 sales-coach team add 授权',
  }),
  pgBadName: ({ where, detail }) => ({ message: `团队数据库 ${where} 不接受这个名字（${serverWords(detail, 'PostgreSQL')}）`, hint: '用这个人自己的名字，例如 alice_wong' }),
  pgBadRow: ({ where, detail }) => ({ message: `团队数据库 ${where} 拒绝了一行 sales-coach 无法读回的数据（${serverWords(detail, 'PostgreSQL')}）`, hint: '这个命令的内容都没有保存；可以用 sales-coach export --json 导出还能读取的部分' }),
  pgTimeout: ({ where }) => ({ message: `团队数据库 ${where} 响应超时（语句超时）；什么都没有改动`, hint: '再试一次；如果还是这样，请联系团队管理员' }),
  pgSsl: ({ where, detail }) => ({ message: `无法与团队数据库 ${where} 建立安全连接（${serverWords(detail, 'PostgreSQL')}）`, hint: '对照服务器支持的方式，检查地址里的 sslmode' }),
  pgUnreachable: ({ where, detail }) => ({ message: `连不上团队数据库 ${where}（${serverWords(detail, 'PostgreSQL')}）`, hint: '检查地址（--db、SALES_COACH_DB 或配置文件中的 store:），并确认服务器正在运行' }),
  pgNotSetUp: ({ where, version, known }) => ({
    message: `团队数据库 ${where} ${version === 0 ? '还没有为 sales-coach 初始化' : `的结构版本是 ${version}，比当前的 sales-coach（${known}）旧`}，而这个用户无权${version === 0 ? '初始化' : '升级'}它`,
    hint: `由团队管理员运行：sales-coach team init --db ${where}`,
  }),
  stepBeforeGiven: ({ id, since, date, done }) => ({ message: `第${id}项下一步是${since}才有的：不可能在${date}就${done ? '完成' : '跳过'}`, hint: `用 --date 给出实际发生的日期（${since}当天或之后），或者去掉 --date 表示今天` }),
  noteAfterToday: ({ date }) => ({ message: `备注的日期不能是 ${date}：按团队数据库的日期，那天还没到`, hint: '去掉 --today，或者给一个过去的日期' }),
  noteBeforeAccount: ({ date, account, first }) => ({ message: `“${account}”的备注不能写在 ${date}：这个客户的第一次记录是 ${first}`, hint: `去掉 --today，或者给 ${first} 当天或之后的日期` }),
  noteOnOwnAccount: () => ({ message: '给自己的客户写备注，不算经理的点评', hint: '由你的经理确认或质疑你的分类；sales-coach accounts 会显示他们的备注' }),
  notYourRep: ({ rep }) => ({ message: `${rep} 不是你团队的销售`, hint: 'sales-coach team review 会列出你的团队；团队管理员可以这样添加销售：sales-coach team add REP --manager YOU' }),
  repHasNoAccount: ({ rep, account }) => ({ message: `${rep} 名下找不到名为“${account}”的客户`, hint: `sales-coach accounts --rep ${rep} --all 会列出其所有客户` }),
  noOpenQuestion: ({ account, rep }) => ({
    message: rep ? `${rep}的“${account}”上没有待解决的问题` : `“${account}”上没有经理待你回答的问题`,
    hint: rep ? `sales-coach account show "${account}" --rep ${rep} 可以看到这个客户的批注` : 'sales-coach accounts 会列出经理的批注',
  }),
  badRoleName: ({ role }) => ({ message: `“${role}”不能用作这里的数据库角色名`, hint: '只用小写字母、数字和 _（例如 alice_wong），并以字母开头' }),
  reservedRoleName: ({ role }) => ({ message: `“${role}”是 PostgreSQL 或 sales-coach 自己保留的名字`, hint: '用这个人自己的名字，例如 alice_wong' }),
  ownManager: ({ name }) => ({ message: `${name} 不能做自己的经理` }),
  adminNotMember: ({ me }) => ({ message: `${me} 是运行这个命令的角色（团队管理员），不是团队成员`, hint: '用团队成员各自的角色添加他们' }),
  superuserMember: ({ name }) => ({ message: `${name} 是这台服务器的超级用户，或者可以绕过行级安全：不能成为团队成员` }),
  foreignRolePassword: ({ name }) => ({ message: `${name} 是这台服务器上一个不在团队里的角色：它的密码不归 sales-coach 修改`, hint: '添加时不要带 --password-file，或者换一个名字' }),
  superuserManager: ({ name }) => ({ message: `${name} 是这台服务器的超级用户，或者可以绕过行级安全：不能担任团队里的经理` }),
  managerLoop: ({ name, manager }) => ({ message: `${name} 已经（直接或间接）管理着 ${manager}：${manager} 不能做 ${name} 的经理` }),
  notInTeam: ({ name }) => ({ message: `${name} 不在团队里`, hint: 'sales-coach team list 会列出团队成员' }),
  sameRole: ({ from, to }) => ({ message: `${from} 和 ${to} 是同一个角色` }),
  moveToNonMember: ({ to }) => ({ message: `${to} 不在团队里`, hint: `先添加他：sales-coach team add ${to} --manager MANAGER` }),
  moveClash: ({ from, to, names }) => ({
    message: `${to} 已经有同名的客户：${names.map((n) => `“${n}”`).join('、')}；什么都没有转移`,
    hint: `先以 ${from} 的身份登录，把这些客户改名或合并，或者先删掉 ${to} 的同名客户`,
  }),
  nothingToMove: ({ from }) => ({ message: `${from} 在这里没有客户：什么都没有转移`, hint: 'sales-coach team list 会显示每个成员有多少个客户' }),
};
