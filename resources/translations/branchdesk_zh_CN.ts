<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About BranchDesk</source>
        <translation>关于支部联建台账</translation>
    </message>
    <message>
        <source>BranchDesk</source>
        <translation>支部联建台账</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>版本 {version}</translation>
    </message>
    <message>
        <source>An offline ledger of the “branch pairs branch” programme: branches, pairings, activities and the programme's figures.</source>
        <translation>“支部联支部”活动离线台账：党支部、结对、活动以及各项统计数据。</translation>
    </message>
    <message>
        <source>Backups and the demo ledger are kept in {folder}</source>
        <translation>备份和演示台账保存在 {folder}</translation>
    </message>
    <message>
        <source>Chinese text uses Noto Sans SC, under the SIL Open Font License 1.1.</source>
        <translation>中文字体使用思源黑体（Noto Sans SC），遵循 SIL 开源字体许可证 1.1。</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Add region</source>
        <translation>添加区域</translation>
    </message>
    <message>
        <source>Edit region</source>
        <translation>修改区域</translation>
    </message>
    <message>
        <source>Move region</source>
        <translation>移动区域</translation>
    </message>
    <message>
        <source>Remove region</source>
        <translation>删除区域</translation>
    </message>
    <message>
        <source>Add unit</source>
        <translation>添加单位</translation>
    </message>
    <message>
        <source>Edit unit</source>
        <translation>修改单位</translation>
    </message>
    <message>
        <source>Add branch</source>
        <translation>添加支部</translation>
    </message>
    <message>
        <source>Edit branch</source>
        <translation>修改支部</translation>
    </message>
    <message>
        <source>Bulk edit branches</source>
        <translation>批量修改支部</translation>
    </message>
    <message>
        <source>Paste branches</source>
        <translation>粘贴支部</translation>
    </message>
    <message>
        <source>Archive branch</source>
        <translation>归档支部</translation>
    </message>
    <message>
        <source>Restore archived branch</source>
        <translation>恢复已归档支部</translation>
    </message>
    <message>
        <source>Delete branch</source>
        <translation>删除支部</translation>
    </message>
    <message>
        <source>Pair branches</source>
        <translation>结对</translation>
    </message>
    <message>
        <source>Pair a unit with a community's grids</source>
        <translation>单位与社区网格结对</translation>
    </message>
    <message>
        <source>End pairing</source>
        <translation>结束结对</translation>
    </message>
    <message>
        <source>Re-pair</source>
        <translation>重新结对</translation>
    </message>
    <message>
        <source>Commit draw</source>
        <translation>确认抽签结果</translation>
    </message>
    <message>
        <source>Add key task</source>
        <translation>添加重点任务</translation>
    </message>
    <message>
        <source>Edit key task</source>
        <translation>修改重点任务</translation>
    </message>
    <message>
        <source>Retire key task</source>
        <translation>停用重点任务</translation>
    </message>
    <message>
        <source>Copy key tasks</source>
        <translation>复制重点任务</translation>
    </message>
    <message>
        <source>Record activity</source>
        <translation>登记活动</translation>
    </message>
    <message>
        <source>Edit activity</source>
        <translation>修改活动</translation>
    </message>
    <message>
        <source>Copy activity</source>
        <translation>复制活动</translation>
    </message>
    <message>
        <source>Delete activities</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <source>Edit holidays</source>
        <translation>修改节假日</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Undo: {action}</source>
        <translation>撤销：{action}</translation>
    </message>
    <message>
        <source>Redo: {action}</source>
        <translation>重做：{action}</translation>
    </message>
</context>
<context>
    <name>ActivitiesTab</name>
    <message>
        <source>Show one pairing's activities</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All key tasks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished">正在统计……</translation>
    </message>
    <message>
        <source>{count} activities · {volunteers} volunteer person-times</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{month}: {count} pairings have no themed Party day yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy the activity to pairings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Record activity…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy to pairings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compliance…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Key tasks…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Months</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Working days only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Routine activities on a working day without a reason (weekend rule)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pairing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show every pairing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All types</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All areas</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Edit activity</source>
        <translation type="unfinished">修改活动</translation>
    </message>
    <message>
        <source>Record activity</source>
        <translation type="unfinished">登记活动</translation>
    </message>
    <message>
        <source>e.g. flood emergency; the villagers' market day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pairing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pairings</source>
        <translation type="unfinished">结对</translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Key task</source>
        <translation type="unfinished">重点任务</translation>
    </message>
    <message>
        <source>Areas (六共)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Party-member volunteers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Working-day reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished">（无）</translation>
    </message>
    <message>
        <source>Key tasks of {half_year}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{date} is a working day. Routine activities are held on days off (weekend rule): give the reason, or choose another date.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no official holiday calendar for {year}; plain weekends are used.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ActivityTable</name>
    <message>
        <source>Date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Grassroots branch</source>
        <translation type="unfinished">基层党支部</translation>
    </message>
    <message>
        <source>Organ branch</source>
        <translation type="unfinished">机关党支部</translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished">地区</translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Key task</source>
        <translation type="unfinished">重点任务</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Volunteers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Weekend rule</source>
        <translation type="unfinished">周末原则</translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Working day, no reason</source>
        <translation type="unfinished">工作日（未注明原因）</translation>
    </message>
    <message>
        <source>Working day: {reason}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Regions, units and branches</source>
        <translation>地区、单位和党支部</translation>
    </message>
    <message>
        <source>Draws and pairings</source>
        <translation>抽签和结对</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>正在保存</translation>
    </message>
    <message>
        <source>Making the demo ledger…</source>
        <translation>正在生成演示台账……</translation>
    </message>
</context>
<context>
    <name>BranchDialog</name>
    <message>
        <source>Edit branch</source>
        <translation type="unfinished">修改支部</translation>
    </message>
    <message>
        <source>New branch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New unit…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mobile or landline, e.g. 0376-6221234</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished">类型</translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished">地区</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished">单位</translation>
    </message>
    <message>
        <source>Community</source>
        <translation type="unfinished">社区</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished">分类</translation>
    </message>
    <message>
        <source>Secretary</source>
        <translation type="unfinished">书记</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished">联系电话</translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished">党员数</translation>
    </message>
    <message>
        <source>Optimised on</source>
        <translation type="unfinished">优化日期</translation>
    </message>
    <message>
        <source>Established on</source>
        <translation type="unfinished">成立日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BranchTable</name>
    <message>
        <source>Branch</source>
        <translation>党支部</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Paired with</source>
        <translation>结对支部</translation>
    </message>
    <message>
        <source>Secretary</source>
        <translation>书记</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>党员数</translation>
    </message>
    <message>
        <source>Optimised on</source>
        <translation>优化日期</translation>
    </message>
    <message>
        <source>Established on</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <source>Archived on</source>
        <translation>撤销日期</translation>
    </message>
</context>
<context>
    <name>BranchesTab</name>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All grassroots</source>
        <translation>全部基层党支部</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <source>{count} branches</source>
        <translation>共 {count} 个党支部</translation>
    </message>
    <message>
        <source>Search name, unit, secretary or phone</source>
        <translation>搜索名称、单位、书记或电话</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>显示已撤销</translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message>
        <source>Bulk edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change {count} selected branches. Only the ticked fields change.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished">分类</translation>
    </message>
    <message>
        <source>Optimised on</source>
        <translation type="unfinished">优化日期</translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished">地区</translation>
    </message>
    <message>
        <source>The optimised date applies to organ branches only.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ChartTab</name>
    <message>
        <source>Computing…</source>
        <translation>正在计算……</translation>
    </message>
    <message>
        <source>Click to open the matching rows.</source>
        <translation>单击可查看对应的明细。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help and exit</source>
        <translation>显示本帮助并退出</translation>
    </message>
    <message>
        <source>BranchDesk ledger tools (支部联建台账).</source>
        <translation>支部联建台账 命令行工具。</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>显示版本号并退出</translation>
    </message>
    <message>
        <source>language of messages: zh_CN (default) or en</source>
        <translation>提示语言：zh_CN（默认，简体中文）或 en（英文）</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>ledger file (.bdesk)</source>
        <translation>台账文件（.bdesk）</translation>
    </message>
    <message>
        <source>create an empty ledger</source>
        <translation>新建空白台账</translation>
    </message>
    <message>
        <source>write a realistic demo ledger</source>
        <translation>生成演示台账</translation>
    </message>
    <message>
        <source>size of the demo ledger</source>
        <translation>演示台账的规模</translation>
    </message>
    <message>
        <source>random seed (default 2022)</source>
        <translation>随机种子（默认 2022）</translation>
    </message>
    <message>
        <source>overwrite an existing file</source>
        <translation>覆盖已有文件</translation>
    </message>
    <message>
        <source>print the ledger's figures</source>
        <translation>输出台账统计数据</translation>
    </message>
    <message>
        <source>region by unique name, path or official code</source>
        <translation>地区：唯一名称、路径（如 信阳市/潢川县/城关镇）或区划代码</translation>
    </message>
    <message>
        <source>the region alone, without its descendants</source>
        <translation>只统计该地区本级，不含下级</translation>
    </message>
    <message>
        <source>date of the figures, YYYY-MM-DD (default today)</source>
        <translation>统计截止日期，格式 YYYY-MM-DD（默认今天）</translation>
    </message>
    <message>
        <source>month of compliance and activities, YYYY-MM (default last month)</source>
        <translation>落实率和活动的统计月份，格式 YYYY-MM（默认上个月）</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>以 JSON 格式输出</translation>
    </message>
    <message>
        <source>back up a ledger now</source>
        <translation>立即备份台账</translation>
    </message>
    <message>
        <source>put a backup in the ledger's place</source>
        <translation>用备份替换台账</translation>
    </message>
    <message>
        <source>backup file to restore</source>
        <translation>要恢复的备份文件</translation>
    </message>
    <message>
        <source>preview or commit a county's draw, or verify one</source>
        <translation>预览或确认一个县（区）的抽签，或复核一次抽签</translation>
    </message>
    <message>
        <source>the county to draw in (name, path or code)</source>
        <translation>抽签的县（区）（名称、路径或区划代码）</translation>
    </message>
    <message>
        <source>the draw's seed</source>
        <translation>抽签种子</translation>
    </message>
    <message>
        <source>save the draw's pairs (one undoable action)</source>
        <translation>保存抽签结果（可撤销的一步操作）</translation>
    </message>
    <message>
        <source>re-run draw ID from its record and compare</source>
        <translation>按记录重新运行编号为 ID 的抽签并比对</translation>
    </message>
    <message>
        <source>check the ledger's integrity</source>
        <translation>检查台账文件完整性</translation>
    </message>
    <message>
        <source>quick check only</source>
        <translation>只做快速检查</translation>
    </message>
    <message>
        <source>Created {path}</source>
        <translation>已新建 {path}</translation>
    </message>
    <message>
        <source>Wrote {path}: {branches} branches, {pairings} pairings, {activities} activities</source>
        <translation>已生成 {path}：党支部 {branches} 个，结对 {pairings} 对，活动 {activities} 次</translation>
    </message>
    <message>
        <source>{label}: {rate} ({count} of {total})</source>
        <translation>{label}：{rate}（{count} / {total}）</translation>
    </message>
    <message>
        <source>Region: {path}</source>
        <translation>地区：{path}</translation>
    </message>
    <message>
        <source>As of: {date}</source>
        <translation>截至：{date}</translation>
    </message>
    <message>
        <source>Branches: {organ} organ, {grassroots} grassroots, {archived} archived</source>
        <translation>党支部：机关 {organ} 个，基层 {grassroots} 个，已撤销 {archived} 个</translation>
    </message>
    <message>
        <source>Grassroots coverage</source>
        <translation>基层党支部结对覆盖率</translation>
    </message>
    <message>
        <source>Organ coverage</source>
        <translation>机关党支部结对覆盖率</translation>
    </message>
    <message>
        <source>Optimisation rate</source>
        <translation>支部优化率</translation>
    </message>
    <message>
        <source>Themed Party day compliance, {month}</source>
        <translation>{month}主题党日落实率</translation>
    </message>
    <message>
        <source>Activities in {month}: {count}, of which {themed} themed Party days and {key_task} key-task; {volunteers} volunteer person-times; {weekday} on working days without a reason</source>
        <translation>{month}活动：共 {count} 次，其中主题党日 {themed} 次、阶段性重点工作 {key_task} 次；党员志愿者 {volunteers} 人次；工作日开展且未说明原因 {weekday} 次</translation>
    </message>
    <message>
        <source>Note: no official holiday calendar for {year}; plain weekends were used.</source>
        <translation>注意：{year}年尚无官方节假日安排，已按普通周末计算。</translation>
    </message>
    <message>
        <source>Backed up {ledger} to {backup}</source>
        <translation>已将 {ledger} 备份到 {backup}</translation>
    </message>
    <message>
        <source>Restored {ledger} from {backup}</source>
        <translation>已从 {backup} 恢复 {ledger}</translation>
    </message>
    <message>
        <source>The replaced file was kept as {path}</source>
        <translation>被替换的文件已保存为 {path}</translation>
    </message>
    <message>
        <source>{path}: no problems found</source>
        <translation>{path}：未发现问题</translation>
    </message>
    <message>
        <source>{path}: {count} problem(s) found</source>
        <translation>{path}：发现 {count} 个问题</translation>
    </message>
    <message>
        <source>{n}. {organ} ({organ_tier}) — {grassroots} ({grassroots_tier})</source>
        <translation>{n}. {organ}（{organ_tier}）— {grassroots}（{grassroots_tier}）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Draw in {region}, seed {seed}, algorithm version {version}</source>
        <translation>抽签范围：{region}，种子：{seed}，算法版本：{version}</translation>
    </message>
    <message>
        <source>Candidates: {organs} organ branches ({organ_tiers}); {grassroots} grassroots branches ({grassroots_tiers})</source>
        <translation>候选：机关支部 {organs} 个（{organ_tiers}）；基层支部 {grassroots} 个（{grassroots_tiers}）</translation>
    </message>
    <message>
        <source>Pairs: {pairs}; left over: {organs} organ, {grassroots} grassroots</source>
        <translation>结对 {pairs} 对；未结对：机关支部 {organs} 个，基层支部 {grassroots} 个</translation>
    </message>
    <message>
        <source>Input hash: {hash}</source>
        <translation>输入哈希：{hash}</translation>
    </message>
    <message>
        <source>Result hash: {hash}</source>
        <translation>结果哈希：{hash}</translation>
    </message>
    <message>
        <source>Organ branches left over: {names}</source>
        <translation>未结对的机关支部：{names}</translation>
    </message>
    <message>
        <source>Grassroots branches left over: {names}</source>
        <translation>未结对的基层支部：{names}</translation>
    </message>
    <message>
        <source>--verify takes no --region, --seed or --commit</source>
        <translation>--verify 不能与 --region、--seed 或 --commit 同用</translation>
    </message>
    <message>
        <source>a draw needs --region and --seed (or --verify ID)</source>
        <translation>抽签需要 --region 和 --seed（或 --verify ID）</translation>
    </message>
    <message>
        <source>no pair</source>
        <translation>无结对</translation>
    </message>
    <message>
        <source>Draw {id} does not match its record at pair {position}: the record gives {expected}, the ledger holds {found}</source>
        <translation>抽签 {id} 与记录不符，第 {position} 对：按记录应为 {expected}，台账中为 {found}</translation>
    </message>
    <message>
        <source>Draw {id}: the pairs match, but the recorded result hash does not</source>
        <translation>抽签 {id}：结对相符，但记录的结果哈希不符</translation>
    </message>
    <message>
        <source>Draw {id} matches its record: {count} pairs, result hash {hash}</source>
        <translation>抽签 {id} 与记录相符：共 {count} 对，结果哈希 {hash}</translation>
    </message>
    <message>
        <source>branchdesk-cli: bad arguments: {error}</source>
        <translation>branchdesk-cli：参数有误：{error}</translation>
    </message>
    <message>
        <source>branchdesk-cli: {message}</source>
        <translation>branchdesk-cli：{message}</translation>
    </message>
</context>
<context>
    <name>CoverageTab</name>
    <message>
        <source>Grassroots coverage</source>
        <translation>基层覆盖率</translation>
    </message>
    <message>
        <source>Organ-side coverage</source>
        <translation>机关覆盖率</translation>
    </message>
    <message>
        <source>Optimisation rate</source>
        <translation>优化率</translation>
    </message>
    <message>
        <source>Tier mix</source>
        <translation>结对档次</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>City level</source>
        <translation>市直</translation>
    </message>
    <message>
        <source>County level</source>
        <translation>县直</translation>
    </message>
    <message>
        <source>{region} (own)</source>
        <translation>{region}（本级）</translation>
    </message>
    <message>
        <source>{region}: coverage of grassroots branches</source>
        <translation>{region}基层党支部结对覆盖率</translation>
    </message>
    <message>
        <source>{region}: coverage of organ branches</source>
        <translation>{region}机关党支部结对覆盖率</translation>
    </message>
    <message>
        <source>{region}: optimisation rate of organ branches</source>
        <translation>{region}机关党支部优化率</translation>
    </message>
    <message>
        <source>{region}: pairings by tier (strong leads weak)</source>
        <translation>{region}结对档次构成（以强带弱）</translation>
    </message>
    <message>
        <source>As of {date}; {region} in all: {rate} ({count} of {total})</source>
        <translation>截至{date}；{region}合计 {rate}（{count}/{total}）</translation>
    </message>
    <message>
        <source>; by unit</source>
        <translation>；按单位</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>{region} has no branches of this kind on {date}.</source>
        <translation>{date}，{region}没有此类党支部。</translation>
    </message>
    <message>
        <source>As of {date}; {count} pairings, by both sides' tiers when paired; outlined: strong organ branch with weak grassroots branch</source>
        <translation>截至{date}；在结对 {count} 对，按结对时双方的档次统计；加框的是“好”机关党支部结对“差”基层党支部</translation>
    </message>
    <message>
        <source>Organ branch</source>
        <translation>机关党支部</translation>
    </message>
    <message>
        <source>Grassroots branch</source>
        <translation>基层党支部</translation>
    </message>
    <message>
        <source>{region} has no pairings on {date}.</source>
        <translation>{date}，{region}没有在结对的支部。</translation>
    </message>
    <message>
        <source>Organ branch {organ}, grassroots branch {grassroots}: {count} pairings ({share})</source>
        <translation>机关党支部“{organ}”、基层党支部“{grassroots}”：{count} 对（占 {share}）</translation>
    </message>
    <message>
        <source>Coverage {rate}: {count} of {total} grassroots branches paired</source>
        <translation>覆盖率 {rate}：{total} 个基层党支部中 {count} 个已结对</translation>
    </message>
    <message>
        <source>Coverage {rate}: {count} of {total} organ branches paired</source>
        <translation>覆盖率 {rate}：{total} 个机关党支部中 {count} 个已结对</translation>
    </message>
    <message>
        <source>Optimisation rate {rate}: {count} of {total} organ branches optimised</source>
        <translation>优化率 {rate}：{total} 个机关党支部中 {count} 个已优化</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>(the log could not be written)</source>
        <translation>（日志无法写入）</translation>
    </message>
    <message>
        <source>Something went wrong inside BranchDesk. Your ledger keeps everything saved before it.</source>
        <translation>支部联建台账内部出现了错误。此前保存的内容都还在台账中。</translation>
    </message>
    <message>
        <source>The details were written to {log}; please send that file to whoever supports BranchDesk.</source>
        <translation>详细信息已写入 {log}，请把该文件发给负责本程序维护的人员。</translation>
    </message>
</context>
<context>
    <name>DateDialog</name>
    <message>
        <source>Date</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>撤销(&amp;U) {action}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>重做(&amp;R) {action}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ExportChartDialog</name>
    <message>
        <source>PNG image, for documents and messages (*.png)</source>
        <translation>PNG 图片，用于文档和消息 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing, for further editing (*.svg)</source>
        <translation>SVG 矢量图，便于再编辑 (*.svg)</translation>
    </message>
    <message>
        <source>PDF document, for printing (*.pdf)</source>
        <translation>PDF 文档，用于打印 (*.pdf)</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>BranchDesk ledgers (*.bdesk);;All files (*)</source>
        <translation>支部联建台账 (*.bdesk);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open ledger</source>
        <translation>打开台账</translation>
    </message>
    <message>
        <source>New ledger</source>
        <translation>新建台账</translation>
    </message>
    <message>
        <source>ledger.bdesk</source>
        <translation>台账.bdesk</translation>
    </message>
    <message>
        <source>BranchDesk</source>
        <translation>支部联建台账</translation>
    </message>
</context>
<context>
    <name>FrequencyTab</name>
    <message>
        <source>Themed Party day</source>
        <translation>主题党日</translation>
    </message>
    <message>
        <source>Party lecture</source>
        <translation>党课</translation>
    </message>
    <message>
        <source>Key task</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Volunteer service</source>
        <translation>志愿服务</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>组织共建</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍共带</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>产业共促</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务共做</translation>
    </message>
    <message>
        <source>Civic customs</source>
        <translation>新风共树</translation>
    </message>
    <message>
        <source>Practical matters</source>
        <translation>实事共办</translation>
    </message>
    <message>
        <source>Activities per month</source>
        <translation>每月活动</translation>
    </message>
    <message>
        <source>Volunteers per month</source>
        <translation>志愿者人次</translation>
    </message>
    <message>
        <source>Six areas</source>
        <translation>“六共”分布</translation>
    </message>
    <message>
        <source>Weekend rule</source>
        <translation>周末原则</translation>
    </message>
    <message>
        <source>Themed Party days</source>
        <translation>主题党日</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>yyyy-MM</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>{year}</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first}至{last}</translation>
    </message>
    <message>
        <source>{region} has no activities in this period.</source>
        <translation>{region}在此期间没有活动记录。</translation>
    </message>
    <message>
        <source>{region}: activities per month, by type</source>
        <translation>{region}每月活动次数（按类型）</translation>
    </message>
    <message>
        <source>{period}; {count} activities in all</source>
        <translation>{period}；共 {count} 次</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动次数</translation>
    </message>
    <message>
        <source>{region}: Party-member volunteers per month</source>
        <translation>{region}每月党员志愿者人次</translation>
    </message>
    <message>
        <source>{period}; {count} person-times in all</source>
        <translation>{period}；共 {count} 人次</translation>
    </message>
    <message>
        <source>Person-times</source>
        <translation>人次</translation>
    </message>
    <message>
        <source>{region}: activities by the six areas</source>
        <translation>{region}“六共”活动分布</translation>
    </message>
    <message>
        <source>{period}; share of the {count} activities (an activity may serve several areas)</source>
        <translation>{period}；占全部 {count} 次活动的比例（一次活动可涉及多个方面）</translation>
    </message>
    <message>
        <source>{period}; on each bar, the share held on non-working days ({rate} in all); key-task activities are exempt</source>
        <translation>{period}；柱上数字为在非工作日开展的比例（合计 {rate}）；重点任务不受周末原则限制，未计入</translation>
    </message>
    <message>
        <source>; no official holiday calendar for {years}: weekends only</source>
        <translation>；{years}年尚无官方节假日安排，仅按周末计算</translation>
    </message>
    <message>
        <source>{region}: routine activities by day (weekend rule)</source>
        <translation>{region}常规活动开展日期（周末原则）</translation>
    </message>
    <message>
        <source>Routine activities</source>
        <translation>常规活动次数</translation>
    </message>
    <message>
        <source>Non-working day</source>
        <translation>非工作日</translation>
    </message>
    <message>
        <source>Working day, reason given</source>
        <translation>工作日（已注明原因）</translation>
    </message>
    <message>
        <source>Working day, no reason</source>
        <translation>工作日（未注明原因）</translation>
    </message>
    <message>
        <source>{period}; share of the pairings active for the whole month that held a themed Party day (%)</source>
        <translation>{period}；当月全月在结对的支部中开展了主题党日的比例（%）</translation>
    </message>
    <message>
        <source>; {count} pairings, one row per {level}</source>
        <translation>；共 {count} 对，按{level}汇总</translation>
    </message>
    <message>
        <source>; the first {shown} of {count} pairings</source>
        <translation>；仅列出 {count} 对中的前 {shown} 对</translation>
    </message>
    <message>
        <source>{region}: themed Party days per month</source>
        <translation>{region}主题党日落实情况</translation>
    </message>
    <message>
        <source>{region} in all</source>
        <translation>{region}合计</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>已开展</translation>
    </message>
    <message>
        <source>Not held</source>
        <translation>未开展</translation>
    </message>
    <message>
        <source>Paired for part of the month (not counted)</source>
        <translation>当月未全月结对（不计）</translation>
    </message>
    <message>
        <source>Not paired</source>
        <translation>未结对</translation>
    </message>
    <message>
        <source>{region} has no pairings in this period.</source>
        <translation>{region}在此期间没有结对。</translation>
    </message>
    <message>
        <source>{region} (own)</source>
        <translation>{region}（本级）</translation>
    </message>
    <message>
        <source>{month}
Volunteer person-times: {count}</source>
        <translation>{month}
党员志愿者：{count} 人次</translation>
    </message>
    <message>
        <source>{month}
{type}: {count}
All activities: {total}</source>
        <translation>{month}
{type}：{count} 次
全部活动：{total} 次</translation>
    </message>
    <message>
        <source>{area}: {count} of {total} activities ({share})</source>
        <translation>{area}：{count} 次，占全部 {total} 次活动的 {share}</translation>
    </message>
    <message>
        <source>{month}
Non-working days: {non_working}
Working days, reason given: {excused}
Working days, no reason: {weekday}
Key-task activities (exempt): {key_task}</source>
        <translation>{month}
非工作日：{non_working} 次
工作日（已注明原因）：{excused} 次
工作日（未注明原因）：{weekday} 次
重点任务（不受限制）：{key_task} 次</translation>
    </message>
    <message>
        <source>{name}, {month}
Themed Party day held by {count} of {total} pairings ({rate})</source>
        <translation>{name}，{month}
{total} 对中 {count} 对开展了主题党日（{rate}）</translation>
    </message>
    <message>
        <source>{count} themed Party days</source>
        <translation>开展主题党日 {count} 次</translation>
    </message>
    <message>
        <source>No themed Party day</source>
        <translation>未开展主题党日</translation>
    </message>
    <message>
        <source>{grassroots} with {organ}
{month}: {state}</source>
        <translation>{grassroots} ↔ {organ}
{month}：{state}</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>region</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>parent region</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>official code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>community</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>secretary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>phone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>members</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>optimised on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>established on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>archived on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>organ branch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>grassroots branch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>started on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ended on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>end reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>held on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>volunteers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing has been changed yet.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Organ</source>
        <translation>机关</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>农村</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Themed Party day</source>
        <translation type="unfinished">主题党日</translation>
    </message>
    <message>
        <source>Party lecture</source>
        <translation type="unfinished">党课</translation>
    </message>
    <message>
        <source>Key task</source>
        <translation type="unfinished">重点任务</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished">走访</translation>
    </message>
    <message>
        <source>Volunteer service</source>
        <translation type="unfinished">志愿服务</translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished">其他</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished">组织共建</translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished">队伍共带</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished">产业共促</translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished">服务共做</translation>
    </message>
    <message>
        <source>Civic customs</source>
        <translation type="unfinished">新风共树</translation>
    </message>
    <message>
        <source>Practical matters</source>
        <translation type="unfinished">实事共办</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>好</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>差</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <source>County/district</source>
        <translation>县（区）</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <source>Ungraded</source>
        <translation>未分类</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New ledger…</source>
        <translation>新建台账(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open ledger…</source>
        <translation>打开台账(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>Restore from a &amp;backup…</source>
        <translation>从备份恢复(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Export chart…</source>
        <translation>导出图表(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>使用说明(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;About BranchDesk</source>
        <translation>关于支部联建台账(&amp;A)</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>党支部</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Activity frequency</source>
        <translation>活动频次</translation>
    </message>
    <message>
        <source>No ledger is open.</source>
        <translation>尚未打开台账。</translation>
    </message>
    <message>
        <source>New ledger…</source>
        <translation>新建台账…</translation>
    </message>
    <message>
        <source>Open ledger…</source>
        <translation>打开台账…</translation>
    </message>
    <message>
        <source>Open the demo ledger</source>
        <translation>打开演示台账</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>BranchDesk</source>
        <translation>支部联建台账</translation>
    </message>
    <message>
        <source>No ledger open</source>
        <translation>未打开台账</translation>
    </message>
    <message>
        <source>{file} (read-only)</source>
        <translation>{file}（只读）</translation>
    </message>
    <message>
        <source>{path} — read-only: changes cannot be saved to this file</source>
        <translation>{path} — 只读：无法向该文件保存修改</translation>
    </message>
    <message>
        <source>{file} — BranchDesk</source>
        <translation>{file} — 支部联建台账</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计……</translation>
    </message>
    <message>
        <source>{region}: {organ} organ, {grassroots} grassroots branches</source>
        <translation>{region}：机关党支部 {organ} 个，基层党支部 {grassroots} 个</translation>
    </message>
    <message>
        <source>Coverage {grassroots} · organ side {organ} · optimised {optimised}</source>
        <translation>基层覆盖率 {grassroots} · 机关覆盖率 {organ} · 优化率 {optimised}</translation>
    </message>
    <message>
        <source>Backing up the ledger…</source>
        <translation>正在备份台账……</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <source>Restored the backup of {when}</source>
        <translation>已恢复 {when} 的备份</translation>
    </message>
    <message>
        <source>The chart could not be saved: {reason}</source>
        <translation>图表未能保存：{reason}</translation>
    </message>
    <message>
        <source>Chart saved to {path}</source>
        <translation>图表已保存到 {path}</translation>
    </message>
    <message>
        <source>Pairings</source>
        <translation>结对</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>The {tab} tab is not in this version yet.</source>
        <translation>本版本尚无“{tab}”页，暂不能列出明细。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The ledger file {path} does not exist.</source>
        <translation>台账文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>The file {path} already exists. Choose another name, or allow overwriting it.</source>
        <translation>文件 {path} 已存在。请换一个文件名，或选择覆盖。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a ledger file.</source>
        <translation>{path} 是文件夹，不是台账文件。</translation>
    </message>
    <message>
        <source>{path} cannot be written: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is the ledger open in this window; choose another name for the new ledger.</source>
        <translation>{path} 是本窗口正在使用的台账，请为新台账另起一个名字。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong ({reason}). Your ledger was not changed by it.</source>
        <translation>发生了意外错误（{reason}）。台账未因此被修改。</translation>
    </message>
    <message>
        <source>The backup of {path} failed: {reason}</source>
        <translation>备份 {path} 失败：{reason}</translation>
    </message>
    <message>
        <source>The backup was cancelled; nothing was kept of it.</source>
        <translation>备份已取消，未保留任何内容。</translation>
    </message>
    <message>
        <source>The backup {path} is damaged and cannot be restored. Choose another one.</source>
        <translation>备份 {path} 已损坏，无法恢复。请选择其他备份。</translation>
    </message>
    <message>
        <source>The folder {path} does not exist.</source>
        <translation>文件夹 {path} 不存在。</translation>
    </message>
    <message>
        <source>{path} is not a BranchDesk ledger. It was left unchanged.</source>
        <translation>{path} 不是支部联建台账文件，文件未作任何改动。</translation>
    </message>
    <message>
        <source>{path} was saved by a newer BranchDesk (ledger version {file_version}; this program reads up to version {app_version}). Please update BranchDesk. The file was left unchanged.</source>
        <translation>{path} 由更新版本的支部联建台账保存（台账版本 {file_version}，本程序最高支持版本 {app_version}）。请升级本程序。文件未作任何改动。</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be read. It was left unchanged; restore it from a backup.</source>
        <translation>{path} 已损坏，无法读取。文件未作任何改动，请从备份恢复。</translation>
    </message>
    <message>
        <source>{path} is in use by another program. Close that program and try again.</source>
        <translation>{path} 正被其他程序占用。请关闭该程序后重试。</translation>
    </message>
    <message>
        <source>{path} is read-only; changes cannot be saved.</source>
        <translation>{path} 是只读文件，无法保存修改。</translation>
    </message>
    <message>
        <source>{path} was being saved when the computer stopped, and must be put back to its last saved state, which needs write access to the file and its folder.</source>
        <translation>{path} 在保存过程中电脑停止了运行，需要恢复到最后一次保存的状态，这需要对该文件及其所在文件夹有写入权限。</translation>
    </message>
    <message>
        <source>{path} is from an older BranchDesk and must be upgraded, which needs write access.</source>
        <translation>{path} 由旧版本保存，需要升级，升级需要写入权限。</translation>
    </message>
    <message>
        <source>The disk holding {path} is full. Nothing was changed; free some space and try again.</source>
        <translation>{path} 所在磁盘已满。没有作任何修改，请清理磁盘空间后重试。</translation>
    </message>
    <message>
        <source>{path} cannot be opened: {reason}</source>
        <translation>无法打开 {path}：{reason}</translation>
    </message>
    <message>
        <source>Upgrading {path} to ledger version {version} failed ({reason}). The file was left as it was.</source>
        <translation>将 {path} 升级到台账版本 {version} 失败（{reason}）。文件保持原样。</translation>
    </message>
    <message>
        <source>No region is named “{query}”.</source>
        <translation>没有名为“{query}”的地区。</translation>
    </message>
    <message>
        <source>“{query}” names several regions: {candidates}. Give the path or the official code.</source>
        <translation>“{query}”对应多个地区：{candidates}。请写出路径或区划代码。</translation>
    </message>
    <message>
        <source>This ledger has no regions yet.</source>
        <translation>本台账还没有地区。</translation>
    </message>
    <message>
        <source>This ledger has several top regions ({candidates}); name one.</source>
        <translation>本台账有多个顶级地区（{candidates}），请指定一个。</translation>
    </message>
    <message>
        <source>“{value}” is not a date; write it as YYYY-MM-DD.</source>
        <translation>“{value}”不是有效日期，请按 YYYY-MM-DD 格式填写。</translation>
    </message>
    <message>
        <source>“{value}” is not a month; write it as YYYY-MM.</source>
        <translation>“{value}”不是有效月份，请按 YYYY-MM 格式填写。</translation>
    </message>
    <message>
        <source>“{value}” is not a half-year; write it as YYYY-H1 or YYYY-H2.</source>
        <translation>“{value}”不是有效的半年度，请按 YYYY-H1 或 YYYY-H2 格式填写。</translation>
    </message>
    <message>
        <source>The computer's date ({today}) is before the programme began; the demo needs {earliest} or later.</source>
        <translation>计算机日期（{today}）早于活动开始日期，生成演示台账需要 {earliest} 或更晚的日期。</translation>
    </message>
    <message>
        <source>Unknown scale “{scale}”; choose one of {choices}.</source>
        <translation>未知规模“{scale}”，请从 {choices} 中选择。</translation>
    </message>
    <message>
        <source>This organ branch already has an active pairing; pairing is strictly one-to-one.</source>
        <translation>该机关党支部已有结对，结对须严格“一对一”。</translation>
    </message>
    <message>
        <source>This grassroots branch already has an active pairing; pairing is strictly one-to-one.</source>
        <translation>该基层党支部已有结对，结对须严格“一对一”。</translation>
    </message>
    <message>
        <source>A pairing links an organ branch with a village, community or grid branch.</source>
        <translation>结对须由一个机关党支部与一个农村、社区或网格党支部组成。</translation>
    </message>
    <message>
        <source>“{name}” is archived; only active branches can be paired.</source>
        <translation>“{name}”已撤档，只有在册支部才能结对。</translation>
    </message>
    <message>
        <source>This pairing already ended on {date}.</source>
        <translation>该结对已于 {date} 结束。</translation>
    </message>
    <message>
        <source>The date is before the pairing started ({started}).</source>
        <translation>该日期早于结对开始日期（{started}）。</translation>
    </message>
    <message>
        <source>This unit is not assigned to a community.</source>
        <translation>该单位未指定联系社区。</translation>
    </message>
    <message>
        <source>Nothing to pair: {unit} has no unpaired organ branch, or {community} has no unpaired grid.</source>
        <translation>无可结对支部：{unit}没有未结对的机关支部，或{community}没有未结对的网格。</translation>
    </message>
    <message>
        <source>A draw is held within one county or district; {region} is not one.</source>
        <translation>抽签在一个县（区）范围内进行；{region}不是县（区）。</translation>
    </message>
    <message>
        <source>Enter a seed for the draw, or generate one.</source>
        <translation>请输入抽签种子，或自动生成一个。</translation>
    </message>
    <message>
        <source>Nothing to draw in {region}: one side has no unpaired branch.</source>
        <translation>{region}无法抽签：有一方没有未结对的支部。</translation>
    </message>
    <message>
        <source>The branches of {region} changed since the preview (a pairing, an archived or regraded branch). Nothing was saved; preview the draw again.</source>
        <translation>预览之后{region}的支部已有变动（新结对、撤档或调整档次）。未作任何保存；请重新预览抽签。</translation>
    </message>
    <message>
        <source>There is no committed draw number {id} in this ledger.</source>
        <translation>本台账中没有编号为 {id} 的已确认抽签。</translation>
    </message>
    <message>
        <source>Draw {id} was recorded without its candidates, so it cannot be re-run.</source>
        <translation>抽签 {id} 的记录未保存候选名单，无法复核。</translation>
    </message>
    <message>
        <source>Draw {id} used draw algorithm version {version}, which this BranchDesk does not know.</source>
        <translation>抽签 {id} 使用的抽签算法版本 {version} 本程序不支持。</translation>
    </message>
    <message>
        <source>The record of draw {id} was altered: its candidates no longer match its input hash.</source>
        <translation>抽签 {id} 的记录已被改动：候选名单与输入哈希不符。</translation>
    </message>
    <message>
        <source>The record no longer exists; it may have been removed.</source>
        <translation>该记录已不存在，可能已被删除。</translation>
    </message>
    <message>
        <source>The change would leave a record pointing to a record that does not exist.</source>
        <translation>该修改会使某条记录指向不存在的记录。</translation>
    </message>
    <message>
        <source>The change breaks a rule of the ledger: {reason}</source>
        <translation>该修改违反台账规则：{reason}</translation>
    </message>
    <message>
        <source>Enter the branch's name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Another branch in the same region is already named “{name}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose the region the branch belongs to.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Village, community and grid branches belong to a township: choose a township.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An organ branch belongs to a unit: choose its unit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A grid branch belongs to a community: choose its community.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{phone}” is not a phone number: give a mobile number (11 digits, starting with 1) or a landline with its area code, such as 0376-6221234.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The number of members cannot be negative.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only organ branches are optimised; leave the optimised date empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The date {date} is in the future.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{value}” is not a whole number.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{value}” is not a kind of branch: use organ, village, community or grid.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give the kind of branch.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{value}” is not a tier: use strong, average or weak, or leave it empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No unit is named “{name}”. Add the unit first (Branches ▸ New unit).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Several units are named “{name}”; add this branch through the dialog to choose one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Grid branches are added through the dialog, where their community is chosen.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A grid branch stays in its community's township; change its community instead.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This column cannot be changed here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose branches and what to change.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” is in an active pairing; end the pairing before archiving the branch.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” cannot be archived before the date it was established.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” (and {count} selected in all) has or had pairings or grids and cannot be deleted; archive it instead, so its history stays in the ledger.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the unit's name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A unit named “{name}” already exists there.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the region's name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A region named “{name}” already exists there.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The official code {official_code} is already used by another region.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Townships are the lowest level: choose the city or a county to add a region to.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” cannot be placed under “{parent}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The city at the top of the ledger cannot be removed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” still holds {count} branches (such as {where}); move or delete them before removing it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” still holds {count} townships; move or remove them first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” still has {count} units registered in it; they must be moved first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is nothing to undo for this action.</source>
        <translation>此操作没有可撤销的内容。</translation>
    </message>
    <message>
        <source>“{subject}” has changed since this action, so the action cannot be undone. Nothing was changed.</source>
        <translation>“{subject}”在此操作之后又被修改过，因此无法撤销此操作。台账未作任何改动。</translation>
    </message>
    <message>
        <source>The file's structure is damaged: {detail}</source>
        <translation>文件结构已损坏：{detail}</translation>
    </message>
    <message>
        <source>The file is not marked as a BranchDesk ledger.</source>
        <translation>该文件未标记为支部联建台账文件。</translation>
    </message>
    <message>
        <source>A record points to a missing record: {detail}</source>
        <translation>有记录指向不存在的记录：{detail}</translation>
    </message>
    <message>
        <source>A pairing does not link an organ branch with a grassroots branch: {detail}</source>
        <translation>有结对不是机关党支部与基层党支部之间的结对：{detail}</translation>
    </message>
    <message>
        <source>An activity lies outside its pairing's dates: {detail}</source>
        <translation>有活动日期超出其结对的起止日期：{detail}</translation>
    </message>
</context>
<context>
    <name>MoveRegionDialog</name>
    <message>
        <source>Move region</source>
        <translation type="unfinished">移动区域</translation>
    </message>
    <message>
        <source>Move “{region}” and its branches to:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>County</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PairingPicker</name>
    <message>
        <source>Type part of a branch name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (ended {date})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No pairing chosen yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Chosen: {pairing}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{count} pairings chosen</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RegionDialog</name>
    <message>
        <source>e.g. 411526 (optional)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Official code</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RegionTreeModel</name>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>党支部</translation>
    </message>
    <message>
        <source>{level}; {organ} organ and {grassroots} grassroots branches</source>
        <translation>{level}；机关党支部 {organ} 个，基层党支部 {grassroots} 个</translation>
    </message>
    <message>
        <source>Official code: {code}</source>
        <translation>区划代码：{code}</translation>
    </message>
</context>
<context>
    <name>RejectedRowsDialog</name>
    <message>
        <source>Rows not added</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>damaged file kept</source>
        <translation>保留的损坏文件</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>The ledger is replaced by the backup you choose. The current file is backed up first.</source>
        <translation>台账将被所选备份替换。替换前会先备份当前文件。</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>党支部</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Open the last ledger when BranchDesk starts</source>
        <translation>启动时打开上次使用的台账</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <source>City-level unit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>County-level unit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Central or provincial unit based here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New unit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished">地区</translation>
    </message>
</context>
</TS>