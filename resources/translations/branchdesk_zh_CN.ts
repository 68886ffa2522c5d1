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
        <source>Version {version}</source>
        <translation>版本 {version}</translation>
    </message>
    <message>
        <source>An offline ledger of the “branch pairs branch” programme: branches, pairings, activities and the programme's figures.</source>
        <translation>“支部联支部”活动离线台账：党支部、结对、活动以及各项统计数据。</translation>
    </message>
    <message>
        <source>Free software under the MIT License: anyone may use, copy and pass it on. It includes Qt (under the LGPL-3.0, linked dynamically and replaceable) and other open-source software; their licences are on the Licences page.</source>
        <translation>本软件是按 MIT 许可证发布的自由软件，任何人都可以使用、复制和转发。软件包含 Qt（按 LGPL-3.0 许可证动态链接，可以替换）和其他开源软件，它们的许可证见“许可证”页。</translation>
    </message>
    <message>
        <source>Backups and the demo ledger are kept in {folder}</source>
        <translation>备份和演示台账保存在 {folder}</translation>
    </message>
    <message>
        <source>This version has no notes in CHANGELOG.md.</source>
        <translation>CHANGELOG.md 中没有这个版本的更新说明。</translation>
    </message>
    <message>
        <source>What's new in {version}</source>
        <translation>{version} 版更新说明</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Create ledger</source>
        <translation>新建台账</translation>
    </message>
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
        <translation>添加党支部</translation>
    </message>
    <message>
        <source>Edit branch</source>
        <translation>修改党支部</translation>
    </message>
    <message>
        <source>Bulk edit branches</source>
        <translation>批量修改党支部</translation>
    </message>
    <message>
        <source>Paste branches</source>
        <translation>粘贴党支部</translation>
    </message>
    <message>
        <source>Archive branch</source>
        <translation>归档党支部</translation>
    </message>
    <message>
        <source>Restore archived branch</source>
        <translation>恢复已归档党支部</translation>
    </message>
    <message>
        <source>Delete branch</source>
        <translation>删除党支部</translation>
    </message>
    <message>
        <source>Pair branches</source>
        <translation>结对</translation>
    </message>
    <message>
        <source>Pair branches of two counties</source>
        <translation>跨县结对</translation>
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
        <source>Re-pair across two counties</source>
        <translation>跨县重新结对</translation>
    </message>
    <message>
        <source>Commit draw</source>
        <translation>确认抽签结果</translation>
    </message>
    <message>
        <source>Save pairing agreement</source>
        <translation>保存结对共建协议</translation>
    </message>
    <message>
        <source>Rate branch</source>
        <translation>评定星级</translation>
    </message>
    <message>
        <source>Start a new half-year</source>
        <translation>开启新半年</translation>
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
        <source>Add list item</source>
        <translation>添加清单事项</translation>
    </message>
    <message>
        <source>Edit list item</source>
        <translation>修改清单事项</translation>
    </message>
    <message>
        <source>Tick off list item</source>
        <translation>清单事项销号</translation>
    </message>
    <message>
        <source>Delete list item</source>
        <translation>删除清单事项</translation>
    </message>
    <message>
        <source>Import packages</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <source>Edit holidays</source>
        <translation>修改节假日</translation>
    </message>
    <message>
        <source>Load the official holiday calendar</source>
        <translation>载入法定节假日安排</translation>
    </message>
    <message>
        <source>Change a ledger setting</source>
        <translation>修改台账设置</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Lock month</source>
        <translation>锁定月份</translation>
    </message>
    <message>
        <source>Unlock month</source>
        <translation>解锁月份</translation>
    </message>
    <message>
        <source>Send work team</source>
        <translation>派驻工作队</translation>
    </message>
    <message>
        <source>Edit work team</source>
        <translation>修改工作队</translation>
    </message>
    <message>
        <source>Add team member</source>
        <translation>添加队员</translation>
    </message>
    <message>
        <source>Edit team member</source>
        <translation>修改队员</translation>
    </message>
    <message>
        <source>Remove team member</source>
        <translation>删除队员</translation>
    </message>
    <message>
        <source>Save team members' days</source>
        <translation>保存队员出勤</translation>
    </message>
    <message>
        <source>Import team members' days</source>
        <translation>导入队员出勤</translation>
    </message>
    <message>
        <source>Change the days-in-village rule</source>
        <translation>修改驻村天数要求</translation>
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
        <translation>只看一个结对的活动</translation>
    </message>
    <message>
        <source>All key tasks</source>
        <translation>全部重点任务</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计……</translation>
    </message>
    <message>
        <source>{count} activities · {volunteers} volunteer person-times</source>
        <translation>共 {count} 次活动 · 党员志愿者 {volunteers} 人次</translation>
    </message>
    <message>
        <source>{month}: {count} pairings have no themed Party day yet</source>
        <translation>{month}尚有 {count} 个结对未开展主题党日</translation>
    </message>
    <message>
        <source>Copy the activity to pairings</source>
        <translation>把活动复制到其他结对</translation>
    </message>
    <message>
        <source>Record activity…</source>
        <translation>登记活动…</translation>
    </message>
    <message>
        <source>Record an activity (Insert or Ctrl+Shift+N)</source>
        <translation>登记活动（Insert 或 Ctrl+Shift+N）</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Edit the selected activity (Ctrl+E or a double click)</source>
        <translation>编辑所选活动（Ctrl+E 或双击）</translation>
    </message>
    <message>
        <source>Copy to pairings…</source>
        <translation>复制到其他结对…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Compliance…</source>
        <translation>落实情况…</translation>
    </message>
    <message>
        <source>Key tasks…</source>
        <translation>重点任务…</translation>
    </message>
    <message>
        <source>Blank &amp;sign-in sheet for this pairing…</source>
        <translation>为该结对打印空白签到表(&amp;S)…</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Working days only</source>
        <translation>仅工作日活动</translation>
    </message>
    <message>
        <source>Routine activities on a working day without a reason (weekend rule)</source>
        <translation>在工作日开展且未注明原因的常规活动（周末原则）</translation>
    </message>
    <message>
        <source>Pairing…</source>
        <translation>结对…</translation>
    </message>
    <message>
        <source>Show every pairing</source>
        <translation>显示全部结对</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部活动类型</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>全部六共领域</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Edit activity</source>
        <translation>修改活动</translation>
    </message>
    <message>
        <source>Record activity</source>
        <translation>登记活动</translation>
    </message>
    <message>
        <source>How many took part</source>
        <translation>参加人数</translation>
    </message>
    <message>
        <source>e.g. flood emergency; the villagers' market day</source>
        <translation>例如：防汛应急；逢集日村民集中</translation>
    </message>
    <message>
        <source>Photos can be added when one pairing is chosen: they belong to one activity.</source>
        <translation>照片只能属于一项活动：只选一个结对时才能添加照片。</translation>
    </message>
    <message>
        <source>Pairing</source>
        <translation>结对</translation>
    </message>
    <message>
        <source>Pairings</source>
        <translation>结对</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Key task</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>六共领域</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>党员志愿者人次</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>活动地点</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>活动内容</translation>
    </message>
    <message>
        <source>Working-day reason</source>
        <translation>工作日开展原因</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>活动主题</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>List items</source>
        <translation>清单事项</translation>
    </message>
    <message>
        <source>Photos ({count})</source>
        <translation>照片（{count}）</translation>
    </message>
    <message>
        <source>List items ({count})</source>
        <translation>清单事项（{count}）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Key tasks of {half_year}</source>
        <translation>{half_year}的重点任务</translation>
    </message>
    <message>
        <source>{date} is a working day. Routine activities are held on days off (weekend rule): give the reason, or choose another date.</source>
        <translation>{date}是工作日。常规活动原则上在休息日开展（周末原则）：请注明原因，或改选日期。</translation>
    </message>
    <message>
        <source>There is no official holiday calendar for {year}; plain weekends are used.</source>
        <translation>{year}年尚无官方节假日安排，暂按普通周末计算。</translation>
    </message>
    <message>
        <source>Date: {problem}</source>
        <translation>日期：{problem}</translation>
    </message>
    <message>
        <source>Make-up session: {problem}</source>
        <translation>补课日期：{problem}</translation>
    </message>
</context>
<context>
    <name>ActivityTable</name>
    <message>
        <source>Held on</source>
        <translation>活动日期</translation>
    </message>
    <message>
        <source>Grassroots branch</source>
        <translation>基层党支部</translation>
    </message>
    <message>
        <source>Organ branch</source>
        <translation>机关党支部</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Key task</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>六共领域</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>党员志愿者人次</translation>
    </message>
    <message>
        <source>Present/expected</source>
        <translation>实到/应到</translation>
    </message>
    <message>
        <source>Entered on</source>
        <translation>录入日期</translation>
    </message>
    <message>
        <source>Weekend rule</source>
        <translation>周末原则</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>活动地点</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>活动内容</translation>
    </message>
    <message>
        <source>Working day, no reason</source>
        <translation>工作日（未注明原因）</translation>
    </message>
    <message>
        <source>Working day: {reason}</source>
        <translation>工作日：{reason}</translation>
    </message>
    <message>
        <source>{date} recorded late</source>
        <translation>{date}补录</translation>
    </message>
    <message>
        <source>Recorded late: entered on {entered}, {days} days after it was held (more than {limit} days).</source>
        <translation>补录：{entered}录入，活动结束 {days} 天后才录入（超过 {limit} 天）。</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>Pairing agreement: {organ} — {grassroots}</source>
        <translation>结对共建协议：{organ} — {grassroots}</translation>
    </message>
    <message>
        <source>Type the target, e.g. 帮办实事.</source>
        <translation>请填写目标内容，如“帮办实事”。</translation>
    </message>
    <message>
        <source>Give the target's due date.</source>
        <translation>请填写目标的完成时限。</translation>
    </message>
    <message>
        <source>No number</source>
        <translation>无数值</translation>
    </message>
    <message>
        <source>Reached, beyond the number</source>
        <translation>已完成（超出目标）</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期未完成</translation>
    </message>
    <message>
        <source>Under way</source>
        <translation>推进中</translation>
    </message>
    <message>
        <source>At least {count} targets with a number are asked for (now {numeric}).</source>
        <translation>协议应至少有 {count} 项带数值的硬目标（现有 {numeric} 项）。</translation>
    </message>
    <message>
        <source>Beyond the target's number</source>
        <translation>超出目标数值</translation>
    </message>
    <message>
        <source>Choose a target to see and add its progress.</source>
        <translation>选中一项目标，查看或添加它的进度。</translation>
    </message>
    <message>
        <source>Target: {target} {number} {unit}</source>
        <translation>目标：{target} {number} {unit}</translation>
    </message>
    <message>
        <source>The target “{name}” typed in the target's fields is not in the list yet: press Add target (or Apply to the selected target), or clear its name, then OK.</source>
        <translation>目标栏里填写的“{name}”还没有加入列表：请点“添加目标”（或“修改选中的目标”），或清空目标名称后再点确定。</translation>
    </message>
    <message>
        <source>Progress (running totals)</source>
        <translation>进度（累计数）</translation>
    </message>
    <message>
        <source>Give the progress's date and the total reached by then.</source>
        <translation>请填写进度日期和截至当日的累计完成数。</translation>
    </message>
    <message>
        <source>Fewer than {count} numeric targets</source>
        <translation>硬目标少于 {count} 项</translation>
    </message>
    <message>
        <source>The agreement has {numeric} targets with a number; at least {count} hard targets are asked for (帮办实事 3 件, 引进项目资金 20 万元 …). Save it as it is?</source>
        <translation>协议现有 {numeric} 项带数值的目标，按要求至少应有 {count} 项硬目标（如帮办实事 3 件、引进项目资金 20 万元等）。仍按现在的内容保存吗？</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <source>Organ-side liaison</source>
        <translation>机关方联络人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Grassroots-side liaison</source>
        <translation>基层方联络人</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Total so far</source>
        <translation>累计完成</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Review notes</source>
        <translation>回顾评议</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>最新进度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>协议目标</translation>
    </message>
    <message>
        <source>{organ} — {grassroots}, paired since {started}</source>
        <translation>{organ} — {grassroots}（{started}起结对）</translation>
    </message>
    <message>
        <source>e.g. 帮办实事</source>
        <translation>如：帮办实事</translation>
    </message>
    <message>
        <source>e.g. 件</source>
        <translation>如：件</translation>
    </message>
    <message>
        <source>Add target</source>
        <translation>添加目标</translation>
    </message>
    <message>
        <source>Apply to the selected target</source>
        <translation>修改选中的目标</translation>
    </message>
    <message>
        <source>Remove target</source>
        <translation>删除目标</translation>
    </message>
    <message>
        <source>Add progress</source>
        <translation>添加进度</translation>
    </message>
    <message>
        <source>Remove progress</source>
        <translation>删除进度</translation>
    </message>
    <message>
        <source>Half-year or yearly review of the agreement (optional)</source>
        <translation>协议的半年或年度回顾评议（可不填）</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Regions, units and branches</source>
        <translation>区域、单位和党支部</translation>
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
    <message>
        <source>支部联建台账 BranchDesk</source>
        <translation>支部联建台账</translation>
    </message>
    <message>
        <source>LEDGER</source>
        <translation>台账文件</translation>
    </message>
    <message>
        <source>ledger file (.bdesk) to open</source>
        <translation>要打开的台账文件（.bdesk）</translation>
    </message>
    <message>
        <source>open the demo ledger (made on first use)</source>
        <translation>打开演示台账（首次使用时生成）</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>render each tab to DIR/&lt;tab-id&gt;.png and exit</source>
        <translation>把每个标签页截图保存到“文件夹/&lt;标签页&gt;.png”后退出</translation>
    </message>
    <message>
        <source>self-test; exit code 0 when healthy</source>
        <translation>自检；一切正常时退出码为 0</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>language: zh_CN (default) or en</source>
        <translation>界面语言：zh_CN（默认，简体中文）或 en（英文）</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>显示版本号并退出</translation>
    </message>
    <message>
        <source>branchdesk: bad arguments: {error}</source>
        <translation>branchdesk：参数有误：{error}</translation>
    </message>
</context>
<context>
    <name>Argparse</name>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示本帮助并退出</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>%(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项 %(option)s 不明确，可能是：%(matches)s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>%(value)r 不是可选的值（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r, maybe you meant %(closest)r?</source>
        <translation>%(value)r 不是可选的值，您是否要输入 %(closest)r？</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>没有 %(parser_name)r 这个命令（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>后面需要跟一个值</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>后面最多跟一个值</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>后面至少要跟一个值</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>后面需要跟 %s 个值</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>后面需要跟 %s 个值</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>%(value)r 不是有效的值</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少必填的参数：%s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>参数 %s 必须填写其中一个</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>此选项不带值，多余的值 %r 无法使用</translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation>多余的选项：%s</translation>
    </message>
</context>
<context>
    <name>AssignPairingDialog</name>
    <message>
        <source>Pair two branches</source>
        <translation>指定结对</translation>
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
        <source>Paired from</source>
        <translation>结对日期</translation>
    </message>
    <message>
        <source>Choose the organ branch.</source>
        <translation>请选择机关党支部。</translation>
    </message>
    <message>
        <source>Choose the grassroots branch.</source>
        <translation>请选择基层党支部。</translation>
    </message>
</context>
<context>
    <name>AttendanceFields</name>
    <message>
        <source>Attendance</source>
        <translation>出勤情况</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未填</translation>
    </message>
    <message>
        <source>One a line, name: reason, e.g.
Li Hua: working away</source>
        <translation>每行一人，写“姓名：原因”，如：
李华：外出务工</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应到人数</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>实到人数</translation>
    </message>
    <message>
        <source>Absentees</source>
        <translation>缺席人员及原因</translation>
    </message>
    <message>
        <source>Make-up session</source>
        <translation>补课日期</translation>
    </message>
    <message>
        <source>Absent: {count}</source>
        <translation>缺席 {count} 人</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Restored the backup of {when}</source>
        <translation>已恢复{when}的备份</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Backed up to {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <source>Backing up the ledger…</source>
        <translation>正在备份台账……</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>BranchActions</name>
    <message>
        <source>&amp;New branch…</source>
        <translation>新建党支部(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit branch…</source>
        <translation>修改党支部(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Bulk edit…</source>
        <translation>批量修改(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Archive…</source>
        <translation>归档(&amp;A)…</translation>
    </message>
    <message>
        <source>Re&amp;store from archive</source>
        <translation>取消归档(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>修改记录(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Copy rows</source>
        <translation>复制行(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste rows</source>
        <translation>粘贴行(&amp;P)</translation>
    </message>
    <message>
        <source>New &amp;unit…</source>
        <translation>新建单位(&amp;U)…</translation>
    </message>
    <message>
        <source>History of {name}</source>
        <translation>{name}的修改记录</translation>
    </message>
    <message>
        <source>Archive branches</source>
        <translation>归档党支部</translation>
    </message>
    <message>
        <source>Archive {count} branches (merged or abolished). Archived branches keep their history and leave the counts from this date.</source>
        <translation>归档 {count} 个党支部（已合并或撤销的）。归档后保留其历史记录，自该日起不再计入统计。</translation>
    </message>
    <message>
        <source>Delete branches</source>
        <translation>删除党支部</translation>
    </message>
    <message>
        <source>Delete {count} branches? Ctrl+Z brings them back.</source>
        <translation>删除 {count} 个党支部？可按 Ctrl+Z 恢复。</translation>
    </message>
    <message>
        <source>Paste rows</source>
        <translation>粘贴行</translation>
    </message>
    <message>
        <source>The clipboard holds no rows. Copy whole rows in Excel or WPS first, then paste here.</source>
        <translation>剪贴板里没有可粘贴的行。请先在 Excel 或 WPS 中复制整行，再到这里粘贴。</translation>
    </message>
    <message>
        <source>{added} rows added; {rejected} rows were not added:</source>
        <translation>已添加 {added} 行；以下 {rejected} 行未添加：</translation>
    </message>
</context>
<context>
    <name>BranchDialog</name>
    <message>
        <source>Edit branch</source>
        <translation>修改党支部</translation>
    </message>
    <message>
        <source>New branch</source>
        <translation>新建党支部</translation>
    </message>
    <message>
        <source>New unit…</source>
        <translation>新建单位…</translation>
    </message>
    <message>
        <source>Mobile or landline, e.g. 0376-6221234</source>
        <translation>手机或座机，如 0376-6221234</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>支部类型</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Community branch</source>
        <translation>所属社区</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>档次</translation>
    </message>
    <message>
        <source>Star rating</source>
        <translation>星级</translation>
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
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>BranchPicker</name>
    <message>
        <source>Type part of a name or unit</source>
        <translation>输入名称或单位的一部分</translation>
    </message>
    <message>
        <source>The first {shown} of {total}; type to narrow them</source>
        <translation>共 {total} 个，显示前 {shown} 个；输入文字可缩小范围</translation>
    </message>
    <message>
        <source>{total} unpaired</source>
        <translation>未结对 {total} 个</translation>
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
        <translation>支部类型</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>档次</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>星级</translation>
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
        <translation>归档日期</translation>
    </message>
</context>
<context>
    <name>BranchesTab</name>
    <message>
        <source>All kinds</source>
        <translation>全部支部类型</translation>
    </message>
    <message>
        <source>All grassroots</source>
        <translation>全部基层党支部</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部档次</translation>
    </message>
    <message>
        <source>Unpaired only</source>
        <translation>只看未结对</translation>
    </message>
    <message>
        <source>Unpaired on {date}</source>
        <translation>{date}未结对的</translation>
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
        <translation>显示已归档</translation>
    </message>
    <message>
        <source>Only branches without an active pairing; untick to see all</source>
        <translation>只列出没有在结对的党支部；取消勾选即列出全部</translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message>
        <source>Bulk edit</source>
        <translation>批量修改</translation>
    </message>
    <message>
        <source>Change {count} selected branches. Only the ticked fields change.</source>
        <translation>修改选中的 {count} 个党支部，只修改勾选的项目。</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>档次</translation>
    </message>
    <message>
        <source>Optimised on</source>
        <translation>优化日期</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>The optimised date applies to organ branches only; leave it empty to clear it.</source>
        <translation>优化日期只适用于机关党支部；留空则清除原有的优化日期。</translation>
    </message>
    <message>
        <source>Choose the tier to set.</source>
        <translation>请选择要改成的档次。</translation>
    </message>
    <message>
        <source>Choose the region to move them to.</source>
        <translation>请选择要迁入的区域。</translation>
    </message>
</context>
<context>
    <name>CalendarLineEdit</name>
    <message>
        <source>Choose from a calendar</source>
        <translation>从日历中选择</translation>
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
    <name>CheckResultDialog</name>
    <message>
        <source>Check database</source>
        <translation>检查数据库</translation>
    </message>
    <message>
        <source>{file} is healthy: the file's structure, its references and the ledger's rules all check out.</source>
        <translation>{file} 完好：文件结构、记录之间的引用和台账规则均检查无误。</translation>
    </message>
    <message>
        <source>{file} is damaged. Nothing more will be written to it; restoring the newest healthy backup is offered next.</source>
        <translation>{file} 已损坏。程序不会再向它写入任何内容；接下来将提示您恢复最新的完好备份。</translation>
    </message>
    <message>
        <source>The file of {file} is sound, but {count} records break a rule of the ledger. They can be corrected in the tabs where they are shown.</source>
        <translation>{file} 的文件结构完好，但有 {count} 条记录违反台账规则，可在显示这些记录的标签页中更正。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
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
        <translation>区域：唯一名称、路径（如 信阳市/潢川县/城关镇）或区划代码</translation>
    </message>
    <message>
        <source>the region alone, without its descendants</source>
        <translation>只统计该区域本级，不含下级</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number</source>
        <translation>“{value}”不是整数</translation>
    </message>
    <message>
        <source>支部联建台账 BranchDesk: ledger tools.</source>
        <translation>支部联建台账 命令行工具。</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>replace an existing ledger file (never a file of another kind)</source>
        <translation>覆盖已有的台账文件（不会覆盖其他类型的文件）</translation>
    </message>
    <message>
        <source>CITY/COUNTY/TOWNSHIP</source>
        <translation>市/县/乡镇</translation>
    </message>
    <message>
        <source>the ledger's region chain, city/county/township (e.g. 信阳市/潢川县/城关镇)</source>
        <translation>台账的区划链：市/县/乡镇（如 信阳市/潢川县/城关镇）</translation>
    </message>
    <message>
        <source>make the ledger from a seed or full package (.bdx) sent by the office above</source>
        <translation>由上级单位发来的初始数据包或全量数据包（.bdx）建立台账</translation>
    </message>
    <message>
        <source>CODES</source>
        <translation>区划代码</translation>
    </message>
    <message>
        <source>official codes of --region in chain order, comma-separated; the last code is the last level's (411526100, or 411500,411526,411526100; leave a level empty: ,411526,)</source>
        <translation>--region 各级的区划代码，按区划顺序以英文逗号分隔，最后一个代码属于最后一级（如 411526100，或 411500,411526,411526100；某级不填就空着：,411526,）</translation>
    </message>
    <message>
        <source>N</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>one level of branches below the region: county = organ branches of county-level units, every grassroots branch, and those organs' pairings (the city's own excluded)</source>
        <translation>只统计区域以下某一级的党支部：county（县级）= 县级单位的机关党支部、全部基层党支部，以及这些机关党支部的结对（不含市直）</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>日期</translation>
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
        <source>list pairings without a themed Party day in a month</source>
        <translation>列出某月未开展主题党日的结对</translation>
    </message>
    <message>
        <source>the month, YYYY-MM</source>
        <translation>月份，格式 YYYY-MM</translation>
    </message>
    <message>
        <source>list the items of the three lists (needs, resources, projects)</source>
        <translation>列出三张清单（需求、资源、项目）的事项</translation>
    </message>
    <message>
        <source>open: not done yet (open or in progress); done: ticked off; overdue: past due today</source>
        <translation>open：未销号（未开始或推进中）；done：已销号；overdue：截至今天已超过完成时限</translation>
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
        <source>BACKUP</source>
        <translation>备份文件</translation>
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
        <source>SEED</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>save the draw's pairs (one undoable action)</source>
        <translation>保存抽签结果（可撤销的一步操作）</translation>
    </message>
    <message>
        <source>print the draw as JSON, for re-running it without BranchDesk</source>
        <translation>以 JSON 格式输出抽签结果，供不用本程序独立复算</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
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
        <source>LEDGER</source>
        <translation>台账文件</translation>
    </message>
    <message>
        <source>REGION</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>MONTH</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>write the ledger as one Excel workbook</source>
        <translation>把台账导出为一个 Excel 工作簿</translation>
    </message>
    <message>
        <source>WORKBOOK</source>
        <translation>工作簿</translation>
    </message>
    <message>
        <source>workbook to write (.xlsx)</source>
        <translation>要写入的工作簿（.xlsx）</translation>
    </message>
    <message>
        <source>import rows from an Excel or CSV file</source>
        <translation>从 Excel 或 CSV 文件导入</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>list village work team members' days in a month, with their shortfall</source>
        <translation>列出驻村工作队队员某月的出勤天数和差额</translation>
    </message>
    <message>
        <source>import the days of the month from a sheet (a phone column and one column a day) before listing</source>
        <translation>列出之前，先从表格导入当月出勤（一列电话号码，每天一列）</translation>
    </message>
    <message>
        <source>file to read (.xlsx, .xls or .csv)</source>
        <translation>要读取的文件（.xlsx、.xls 或 .csv）</translation>
    </message>
    <message>
        <source>check only, write nothing</source>
        <translation>只检查，不写入</translation>
    </message>
    <message>
        <source>import the valid rows even if others are rejected</source>
        <translation>即使有行被拒绝，也导入其余有效行</translation>
    </message>
    <message>
        <source>update rows already in the ledger</source>
        <translation>更新台账中已有的记录</translation>
    </message>
    <message>
        <source>ENCODING</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>text encoding of a CSV file, e.g. gbk or utf-8</source>
        <translation>CSV 文件的文字编码，如 gbk 或 utf-8</translation>
    </message>
    <message>
        <source>write the monthly report as an A4 PDF in Chinese</source>
        <translation>生成月报（A4 中文 PDF）</translation>
    </message>
    <message>
        <source>PDF file to write</source>
        <translation>要生成的 PDF 文件</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF文件</translation>
    </message>
    <message>
        <source>write a half-year's summary (its frozen figures) as a PDF or a Word draft</source>
        <translation>将半年总结（冻结的数据）写为 PDF 或 Word 初稿</translation>
    </message>
    <message>
        <source>HALF</source>
        <translation>半年</translation>
    </message>
    <message>
        <source>the half-year, e.g. 2023-H1 or 2023年上半年</source>
        <translation>半年，如 2023-H1 或 2023年上半年</translation>
    </message>
    <message>
        <source>OUT</source>
        <translation>输出文件</translation>
    </message>
    <message>
        <source>file to write: .pdf for the printed summary, .docx for a Word draft</source>
        <translation>要写出的文件：.pdf 为打印版总结，.docx 为 Word 初稿</translation>
    </message>
    <message>
        <source>write the Word ledger (台账, .docx) of a region or a pairing</source>
        <translation>生成区域或一个结对的 Word 台账（.docx）</translation>
    </message>
    <message>
        <source>DOCX</source>
        <translation>DOCX文件</translation>
    </message>
    <message>
        <source>Word file to write (.docx)</source>
        <translation>要生成的 Word 文件（.docx）</translation>
    </message>
    <message>
        <source>PAIRING</source>
        <translation>结对</translation>
    </message>
    <message>
        <source>one pairing: a branch's name or the pairing's uuid</source>
        <translation>一个结对：任一方党支部的名称，或结对的唯一编号（导出表格的“唯一编号”列）</translation>
    </message>
    <message>
        <source>what the file holds; agreements and teams read their three sheets (as their templates have them); all reads a workbook made by export</source>
        <translation>文件内容类别；结对共建协议和驻村工作队各读取三个工作表（与导入模板一致）；all 读取由 export 导出的工作簿</translation>
    </message>
    <message>
        <source>first month, YYYY-MM (default: January of the last month's year)</source>
        <translation>起始月份，YYYY-MM（默认：截止月份所在年的1月）</translation>
    </message>
    <message>
        <source>last month, YYYY-MM (default: the last month that has ended)</source>
        <translation>截止月份，YYYY-MM（默认：上一个已结束的月份）</translation>
    </message>
    <message>
        <source>TEMPLATE</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>the office's own Word template (.docx) instead of the built-in one</source>
        <translation>使用本单位自己的 Word 模板（.docx），不用内置模板</translation>
    </message>
    <message>
        <source>print a pairing's agreement (结对共建协议) as PDF or Word (.pdf or .docx)</source>
        <translation>打印结对共建协议（PDF 或 Word，.pdf 或 .docx）</translation>
    </message>
    <message>
        <source>the file to write: .pdf or .docx</source>
        <translation>要写入的文件：.pdf 或 .docx</translation>
    </message>
    <message>
        <source>write a blank sign-in sheet (签到表, .docx) for a pairing's coming activity</source>
        <translation>为结对即将开展的活动生成空白签到表（.docx）</translation>
    </message>
    <message>
        <source>the activity's date, YYYY-MM-DD (default: left blank to fill in by hand)</source>
        <translation>活动日期，YYYY-MM-DD（默认留空，手工填写）</translation>
    </message>
    <message>
        <source>PLACE</source>
        <translation>活动地点</translation>
    </message>
    <message>
        <source>the activity's place</source>
        <translation>活动地点</translation>
    </message>
    <message>
        <source>THEME</source>
        <translation>活动主题</translation>
    </message>
    <message>
        <source>the activity's theme</source>
        <translation>活动主题</translation>
    </message>
    <message>
        <source>data packages for reporting upward (.bdx)</source>
        <translation>向上级报送用的数据包（.bdx）</translation>
    </message>
    <message>
        <source>write a signed package: the changes not yet acknowledged, or everything</source>
        <translation>写出带签名的数据包：对方尚未确认收到的改动，或全部记录</translation>
    </message>
    <message>
        <source>take in packages from other offices: checked, then imported as one undoable step</source>
        <translation>导入其他单位发来的数据包：先校验，再作为一步（可撤销）导入</translation>
    </message>
    <message>
        <source>only show what the import would do; the ledger is not changed</source>
        <translation>只预览导入结果，不改动台账</translation>
    </message>
    <message>
        <source>settle every conflict: theirs (the package's version) or mine (this ledger's)</source>
        <translation>统一处理全部冲突：theirs 采用数据包的版本，mine 保留本台账的版本</translation>
    </message>
    <message>
        <source>the offices below, their last packages and figures, and the trusted keys</source>
        <translation>下级单位的数据、上次数据包和已信任的密钥</translation>
    </message>
    <message>
        <source>trust the key that signed a package or receipt: a new key, or a successor ledger</source>
        <translation>信任数据包或回执的签名密钥：新密钥，或接替原台账的新台账</translation>
    </message>
    <message>
        <source>the package (.bdx) or receipt (.bdxr) whose key to trust</source>
        <translation>要信任其密钥的数据包（.bdx）或回执（.bdxr）</translation>
    </message>
    <message>
        <source>why the key is trusted (kept with the key's history)</source>
        <translation>信任该密钥的理由（随密钥记录保存）</translation>
    </message>
    <message>
        <source>Agreement targets reached</source>
        <translation>协议目标完成率</translation>
    </message>
    <message>
        <source>; {overdue} overdue</source>
        <translation>；逾期未完成 {overdue} 项</translation>
    </message>
    <message>
        <source>publish a read-only snapshot of the ledger for Datasette</source>
        <translation>发布台账的只读快照，供 Datasette 网页查看</translation>
    </message>
    <message>
        <source>OUTDIR</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>folder of the snapshot and its metadata (replaced when published again)</source>
        <translation>快照及其说明文件所在的文件夹（再次发布时整体替换）</translation>
    </message>
    <message>
        <source>default date of the published figures, YYYY-MM-DD (default today)</source>
        <translation>发布数据的默认截至日期，格式 YYYY-MM-DD（默认今天）</translation>
    </message>
    <message>
        <source>then serve it with Datasette (password from the environment variable {variable})</source>
        <translation>发布后用 Datasette 提供网页查看（密码取自环境变量 {variable}）</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>address to serve on (default 127.0.0.1; 0.0.0.0 opens it to the intranet)</source>
        <translation>网页服务监听的地址（默认 127.0.0.1 仅本机；0.0.0.0 向内网开放）</translation>
    </message>
    <message>
        <source>PORT</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>port to serve on (default {port})</source>
        <translation>网页服务端口（默认 {port}）</translation>
    </message>
    <message>
        <source>Published {path}</source>
        <translation>已发布：{path}</translation>
    </message>
    <message>
        <source>Serving on http://{host}:{port}/ (user {user}); stop with Ctrl+C</source>
        <translation>网页服务已启动：http://{host}:{port}/（用户名 {user}），按 Ctrl+C 停止</translation>
    </message>
    <message>
        <source> (overdue)</source>
        <translation>（已逾期）</translation>
    </message>
    <message>
        <source>{region}: {count} item(s)</source>
        <translation>{region}：共 {count} 项</translation>
    </message>
    <message>
        <source>Imported {days} days of {members} members from {path}</source>
        <translation>已从 {path} 导入 {members} 名队员的 {days} 天出勤</translation>
    </message>
    <message>
        <source>in the village {present}, official business {business}, leave {leave}, absent {absent}</source>
        <translation>在村 {present} 天，公务 {business} 天，请假 {leave} 天，缺勤 {absent} 天</translation>
    </message>
    <message>
        <source>required {required}, short by {shortfall}</source>
        <translation>应 {required} 天，差 {shortfall} 天</translation>
    </message>
    <message>
        <source>{region}, {month}: {members} work team member(s), {below} below the rule of {days} days</source>
        <translation>{region}，{month}：驻村工作队队员 {members} 人，未达 {days} 天要求 {below} 人</translation>
    </message>
    <message>
        <source>Photos: {carried} pictures carried; {missing} not in this ledger's photo folder go as thumbnails only</source>
        <translation>照片：带上原图 {carried} 张；另有 {missing} 张不在本台账的照片文件夹中，只带缩略图</translation>
    </message>
    <message>
        <source>The key {fingerprint} of {scope} was trusted already; nothing changed.</source>
        <translation>{scope}的密钥 {fingerprint} 早已信任，未作改动。</translation>
    </message>
    <message>
        <source>{scope}: its new key {fingerprint} replaces {old}; the old key is kept in the history.</source>
        <translation>{scope}：新密钥 {fingerprint} 取代 {old}，旧密钥保留在记录中。</translation>
    </message>
    <message>
        <source>{scope}: the ledger with key {fingerprint} is accepted in place of {old}.</source>
        <translation>{scope}：已确认密钥为 {fingerprint} 的台账接替 {old}。</translation>
    </message>
    <message>
        <source>{scope}: the key {fingerprint} is trusted.</source>
        <translation>{scope}：已信任密钥 {fingerprint}。</translation>
    </message>
    <message>
        <source>Add --take theirs or --take mine to settle them all one way.</source>
        <translation>可加 --take theirs 或 --take mine 统一处理。</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>applied before</source>
        <translation>此前已导入</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>outside the sender's scope</source>
        <translation>超出发送单位的管辖范围</translation>
    </message>
    <message>
        <source>refers to a record this ledger does not have</source>
        <translation>引用了本台账没有的记录</translation>
    </message>
    <message>
        <source>in a locked month (unlock it first)</source>
        <translation>属于已锁定的月份（须先解锁）</translation>
    </message>
    <message>
        <source>changes are missing before this package: ask for a new package</source>
        <translation>此前的改动缺失：请重新索要数据包</translation>
    </message>
    <message>
        <source>{path}: {office}, changes {first}–{last}</source>
        <translation>{path}：{office}，第 {first}–{last} 项改动</translation>
    </message>
    <message>
        <source>Conflict: {table} {uuid}, fields {columns}</source>
        <translation>冲突：{table} {uuid}，字段 {columns}</translation>
    </message>
    <message>
        <source>Rejected: {table} {uuid}: {reason}</source>
        <translation>拒收：{table} {uuid}：{reason}</translation>
    </message>
    <message>
        <source>Imported as one step; Edit ▸ Undo in the window takes it back.</source>
        <translation>已作为一步导入；在窗口中用“编辑 ▸ 撤销”可整体撤回。</translation>
    </message>
    <message>
        <source>Dry run: the ledger was not changed.</source>
        <translation>预览：台账未作改动。</translation>
    </message>
    <message>
        <source>the summary is a .pdf or a .docx (Word draft), not {name}</source>
        <translation>半年总结须写为 .pdf 或 .docx（Word 初稿）文件，而不是 {name}</translation>
    </message>
    <message>
        <source>Wrote {path}: the summary of {half} frozen on {day}</source>
        <translation>已写出 {path}：{half}总结（{day}冻结）</translation>
    </message>
    <message>
        <source>Wrote {path}: {half} not frozen yet, summarised from the ledger as of {day}</source>
        <translation>已写出 {path}：{half}尚未冻结，按{day}的台账数据生成</translation>
    </message>
    <message>
        <source>the file is a Word document: name a file ending in .docx, not {name}</source>
        <translation>生成的是 Word 文档，文件名须以 .docx 结尾，而不是 {name}</translation>
    </message>
    <message>
        <source>Wrote {path}: {pairings} pairings, {activities} activities, {photos} photos</source>
        <translation>已生成 {path}：结对 {pairings} 对，活动 {activities} 次，照片 {photos} 张</translation>
    </message>
    <message>
        <source>Wrote {path}: a sign-in sheet of {lines} lines</source>
        <translation>已生成 {path}：签到表共 {lines} 行</translation>
    </message>
    <message>
        <source>name a file ending in .pdf or .docx, not {name}</source>
        <translation>请指定以 .pdf 或 .docx 结尾的文件，而不是 {name}</translation>
    </message>
    <message>
        <source>Wrote {path}: the agreement of {pairing}, {count} targets</source>
        <translation>已写入 {path}：{pairing}的结对共建协议，目标 {count} 项</translation>
    </message>
    <message>
        <source>Unlock it with: branchdesk-cli unlock LEDGER --month YYYY-MM --reason TEXT</source>
        <translation>如需修改，请先解锁：branchdesk-cli unlock 台账 --month YYYY-MM --reason 理由</translation>
    </message>
    <message>
        <source>PACKAGE</source>
        <translation>数据包</translation>
    </message>
    <message>
        <source>package to write (.bdx)</source>
        <translation>要写出的数据包（.bdx）</translation>
    </message>
    <message>
        <source>every record instead of the changes (for a re-seed or after an upgrade)</source>
        <translation>写出全部记录而非改动（用于重新下发台账或程序升级之后）</translation>
    </message>
    <message>
        <source>a seed package of this region's records, to make the ledger of its office</source>
        <translation>写出该区域记录的初始数据包，供该区域的单位据此建立台账</translation>
    </message>
    <message>
        <source>lock a reported month: no change into it until it is unlocked with a reason</source>
        <translation>锁定已上报的月份：解锁（须填写理由）之前，该月数据不能再修改</translation>
    </message>
    <message>
        <source>unlock a locked month, giving the reason</source>
        <translation>解锁已锁定的月份，须填写理由</translation>
    </message>
    <message>
        <source>the region whose month is locked, with its subtree (default: the ledger's own)</source>
        <translation>锁定哪个区域（含下级）的该月数据（默认：本台账所辖区域）</translation>
    </message>
    <message>
        <source>the region, when the month is locked for several</source>
        <translation>该月对多个区域锁定时，指明区域</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>packages (.bdx) and receipts (.bdxr) to import, any number</source>
        <translation>要导入的数据包（.bdx）和回执（.bdxr），数量不限</translation>
    </message>
    <message>
        <source>FOLDER</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>write a signed receipt of each package into this folder, to send back</source>
        <translation>为每个数据包写一份签名回执到此文件夹，供寄回发送方</translation>
    </message>
    <message>
        <source>why the month is opened again (kept in the history)</source>
        <translation>重新打开该月的理由（记入历史）</translation>
    </message>
    <message>
        <source>Locked {month} for {region}</source>
        <translation>已锁定{month}：{region}</translation>
    </message>
    <message>
        <source>Unlocked {month} for {region}</source>
        <translation>已解锁{month}：{region}</translation>
    </message>
    <message>
        <source>--from takes no --region or --code: the package names the region</source>
        <translation>--from 不能与 --region 或 --code 同用：区域由数据包指定</translation>
    </message>
    <message>
        <source>--code needs --region</source>
        <translation>--code 需要与 --region 一起使用</translation>
    </message>
    <message>
        <source>Created {path} from the package of {sender} (key {fingerprint}): {count} records</source>
        <translation>已由{sender}的数据包（密钥指纹 {fingerprint}）建立 {path}，共 {count} 条记录</translation>
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
        <translation>区域：{path}</translation>
    </message>
    <message>
        <source>As of: {date}</source>
        <translation>截至：{date}</translation>
    </message>
    <message>
        <source>County level: organ branches of county-level units and every grassroots branch</source>
        <translation>统计范围：县级（县级单位的机关党支部和全部基层党支部）</translation>
    </message>
    <message>
        <source>Branches: {organ} organ, {grassroots} grassroots, {archived} archived</source>
        <translation>党支部：机关 {organ} 个，基层 {grassroots} 个，已归档 {archived} 个</translation>
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
        <translation>优化率</translation>
    </message>
    <message>
        <source>Themed Party day compliance, {month}</source>
        <translation>{month}主题党日落实率</translation>
    </message>
    <message>
        <source>Activities in {month}: {count}, of which {themed} themed Party days and {key_task} key-task; {volunteers} volunteer person-times; {weekday} on working days without a reason</source>
        <translation>{month}活动：共 {count} 次，其中主题党日 {themed} 次、重点任务 {key_task} 次；党员志愿者 {volunteers} 人次；工作日开展且未说明原因 {weekday} 次</translation>
    </message>
    <message>
        <source>Note: no official holiday calendar for {year}; plain weekends were used.</source>
        <translation>注意：{year}年尚无官方节假日安排，已按普通周末计算。</translation>
    </message>
    <message>
        <source>keep personal data (names and phones of secretaries, liaisons, hosts and work team members; leave reasons; items' owners)</source>
        <translation>保留个人信息（书记、联络员、主持人、驻村队员的姓名及电话，请假原因，清单事项负责人）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未开展</translation>
    </message>
    <message>
        <source>{region}	{grassroots} ← {organ}	last themed Party day: {last}</source>
        <translation>{region}	{grassroots} ← {organ}	最近一次主题党日：{last}</translation>
    </message>
    <message>
        <source>{region}, {month}: {count} pairing(s) without a themed Party day</source>
        <translation>{region}，{month}：{count} 个结对未开展主题党日</translation>
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
        <source>Wrote {path}: {rows} rows</source>
        <translation>已写入 {path}：共 {rows} 行</translation>
    </message>
    <message>
        <source>Wrote {path}: the records of {region}, {count} lines</source>
        <translation>已写出 {path}：{region}的记录，共 {count} 行</translation>
    </message>
    <message>
        <source>Wrote {path}: all records, {count} lines</source>
        <translation>已写出 {path}：全部记录，共 {count} 行</translation>
    </message>
    <message>
        <source>Wrote {path}: changes {first}–{last}, {count} lines</source>
        <translation>已写出 {path}：第 {first}–{last} 项改动，共 {count} 行</translation>
    </message>
    <message>
        <source>Signed by this ledger's key {fingerprint}</source>
        <translation>由本台账的密钥签名，密钥指纹 {fingerprint}</translation>
    </message>
    <message>
        <source>{path}: this receipt was imported before; nothing changed</source>
        <translation>{path}：该回执已导入过，未作改动</translation>
    </message>
    <message>
        <source>{path}: receipt from {office}: it has this ledger's changes up to no. {last}</source>
        <translation>{path}：{office}的回执，已确认收到到第 {last} 条变更</translation>
    </message>
    <message>
        <source>Receipt written: {path}</source>
        <translation>已写出回执：{path}</translation>
    </message>
    <message>
        <source>breaks a rule of the ledger (the same record is here already under another entry, a member on two teams at once, or a target due before its signing)</source>
        <translation>违反台账规则（本台账已另有同一记录、队员同时在两个工作队，或目标完成时限早于协议签订日期）</translation>
    </message>
    <message>
        <source>Writing rows: {done} of {total}</source>
        <translation>正在写入：第 {done} 行，共 {total} 行</translation>
    </message>
    <message>
        <source>the report is a PDF: name a file ending in .pdf, not {name}</source>
        <translation>月报为 PDF 文件，输出文件名须以 .pdf 结尾（现为 {name}）</translation>
    </message>
    <message>
        <source>Wrote {path}: {pages} pages</source>
        <translation>已生成 {path}：共 {pages} 页</translation>
    </message>
    <message>
        <source>Imported; one step to undo in the window.</source>
        <translation>已导入；在窗口中可一步撤销。</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>试运行：未写入任何内容。</translation>
    </message>
    <message>
        <source>--verify takes no --region, --seed, --commit or --json</source>
        <translation>--verify 不能与 --region、--seed、--commit 或 --json 同用</translation>
    </message>
    <message>
        <source>Name it with --encoding (e.g. --encoding gbk).</source>
        <translation>请用 --encoding 指定编码（如 --encoding gbk）。</translation>
    </message>
    <message>
        <source>Or, if it is GBK, add --encoding gbk.</source>
        <translation>如果确是 GBK 编码，也可以加上 --encoding gbk。</translation>
    </message>
    <message>
        <source>Nothing was imported: fix the rejected rows, or use --valid-only.</source>
        <translation>未导入任何内容：请更正被拒绝的行，或使用 --valid-only 只导入有效行。</translation>
    </message>
    <message>
        <source>Nothing new to import.</source>
        <translation>没有需要导入的新内容。</translation>
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
        <translation>抽签范围：{region}，随机种子：{seed}，算法版本：{version}</translation>
    </message>
    <message>
        <source>Candidates: {organs} organ branches ({organ_tiers}); {grassroots} grassroots branches ({grassroots_tiers})</source>
        <translation>候选：机关党支部 {organs} 个（{organ_tiers}）；基层党支部 {grassroots} 个（{grassroots_tiers}）</translation>
    </message>
    <message>
        <source>Pairs: {pairs}; left over: {organs} organ, {grassroots} grassroots</source>
        <translation>结对 {pairs} 对；未结对：机关党支部 {organs} 个，基层党支部 {grassroots} 个</translation>
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
        <translation>未结对的机关党支部：{names}</translation>
    </message>
    <message>
        <source>Grassroots branches left over: {names}</source>
        <translation>未结对的基层党支部：{names}</translation>
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
        <source>{path} already exists. Choose another name, or add --force to replace it.</source>
        <translation>{path} 已存在。请换一个文件名，或加上 --force 覆盖它。</translation>
    </message>
    <message>
        <source>branchdesk-cli: {message}</source>
        <translation>branchdesk-cli：{message}</translation>
    </message>
</context>
<context>
    <name>CloseItemDialog</name>
    <message>
        <source>Tick off list item</source>
        <translation>清单事项销号</translation>
    </message>
    <message>
        <source>e.g. 已完工验收, 已培训 40 人次</source>
        <translation>如：已完工验收、已培训 40 人次</translation>
    </message>
    <message>
        <source>Photos that show it done (the road finished, the training held), JPEG or PNG, or drag them here from a folder. They are kept in the folder beside the ledger.</source>
        <translation>添加能说明已办结的照片（如道路完工、培训现场），JPEG 或 PNG 格式，也可从文件夹直接拖入。照片保存在台账旁的照片文件夹中。</translation>
    </message>
    <message>
        <source>Ticked off on</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <source>Say what was done.</source>
        <translation>请说明完成情况。</translation>
    </message>
</context>
<context>
    <name>ColumnMenu</name>
    <message>
        <source>Columns shown</source>
        <translation>显示的列</translation>
    </message>
</context>
<context>
    <name>ComplianceDialog</name>
    <message>
        <source>Compliance (1+N): {region}</source>
        <translation>“1+N”落实情况：{region}</translation>
    </message>
    <message>
        <source>Overdue pairings</source>
        <translation>未开展主题党日的结对</translation>
    </message>
    <message>
        <source>Month by month</source>
        <translation>逐月情况</translation>
    </message>
    <message>
        <source>Half-year</source>
        <translation>半年</translation>
    </message>
    <message>
        <source>Key tasks (N)</source>
        <translation>重点任务（N）</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计……</translation>
    </message>
    <message>
        <source>{month}: no pairing was active for the whole month, so none owes a themed Party day.</source>
        <translation>{month}：没有整月在结对期内的结对，无需统计主题党日。</translation>
    </message>
    <message>
        <source>Reminder — {month} is under way: {overdue} of {total} pairings have not held a themed Party day yet (compliance so far {rate}).</source>
        <translation>提醒：{month}尚未结束，{total} 个结对中还有 {overdue} 个未开展主题党日（目前落实率 {rate}）。</translation>
    </message>
    <message>
        <source>{month}: {overdue} of {total} pairings held no themed Party day (compliance {rate}).</source>
        <translation>{month}：{total} 个结对中有 {overdue} 个未开展主题党日（落实率 {rate}）。</translation>
    </message>
    <message>
        <source> Evidence complete (photos and attendance): {count} of {total} themed Party days ({rate}).</source>
        <translation>佐证材料齐全（有照片和出勤记录）的主题党日 {count} 个，共 {total} 个（{rate}）。</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Grassroots branch</source>
        <translation>基层党支部</translation>
    </message>
    <message>
        <source>Organ branch</source>
        <translation>机关党支部</translation>
    </message>
    <message>
        <source>Last themed Party day</source>
        <translation>最近一次主题党日</translation>
    </message>
    <message>
        <source>Evidence {month}</source>
        <translation>{month}佐证</translation>
    </message>
    <message>
        <source>Month by month (the first {count} pairings; choose a county or township for the rest)</source>
        <translation>逐月情况（前 {count} 个结对；其余请在左侧选择县或乡镇查看）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未开展</translation>
    </message>
    <message>
        <source>✓ complete</source>
        <translation>✓ 齐全</translation>
    </message>
    <message>
        <source>no photos</source>
        <translation>缺照片</translation>
    </message>
    <message>
        <source>no attendance</source>
        <translation>缺出勤记录</translation>
    </message>
    <message>
        <source>no photos, no attendance</source>
        <translation>缺照片和出勤</translation>
    </message>
    <message>
        <source>The first {count} pairings; choose a county or township for the rest.</source>
        <translation>仅列出前 {count} 个结对；其余请在左侧选择县或乡镇查看。</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>已覆盖</translation>
    </message>
    <message>
        <source>{count} of {total}</source>
        <translation>{count} / {total}</translation>
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
        <source>Star mix</source>
        <translation>星级分布</translation>
    </message>
    <message>
        <source>As of {date}; no star ratings yet: type them in the Branches tab's Stars column</source>
        <translation>截至{date}；尚无星级评定，可在“党支部”页的“星级”列中录入</translation>
    </message>
    <message>
        <source>Ratings of {year}, as of {date}; {rated} of {count} grassroots branches rated</source>
        <translation>{year}年度评定，截至{date}；{count} 个基层党支部中已评定 {rated} 个</translation>
    </message>
    <message>
        <source>{region}: grassroots branches by stars</source>
        <translation>{region}基层党支部星级分布</translation>
    </message>
    <message>
        <source>{count} branches in the part</source>
        <translation>{count} 个</translation>
    </message>
    <message>
        <source>Share of grassroots branches</source>
        <translation>占基层党支部比例</translation>
    </message>
    <message>
        <source>{region} has no grassroots branches on {date}.</source>
        <translation>{date}{region}没有基层党支部。</translation>
    </message>
    <message>
        <source>{part}, {stars}: {count} of {total} ({share})</source>
        <translation>{part}，{stars}：{count} 个，共 {total} 个（{share}）</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
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
        <translation>县级</translation>
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
        <source>Targets reached</source>
        <translation>协议目标完成</translation>
    </message>
    <message>
        <source>{region}: pairing agreement targets reached</source>
        <translation>{region}：结对共建协议目标完成情况</translation>
    </message>
    <message>
        <source>Reached {rate}: {count} of {total} targets with a number</source>
        <translation>完成率 {rate}：{total} 项硬目标中已完成 {count} 项</translation>
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
</context>
<context>
    <name>DateDialog</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>DateLineEdit</name>
    <message>
        <source>e.g. 2020-05-01</source>
        <translation>如 2020-05-01</translation>
    </message>
    <message>
        <source>Enter a date, e.g. 2020-05-01.</source>
        <translation>请填写日期，如 2020-05-01。</translation>
    </message>
</context>
<context>
    <name>DrawDialog</name>
    <message>
        <source>Draw pairs (随机固定结对)</source>
        <translation>随机固定结对抽签</translation>
    </message>
    <message>
        <source>Print the candidate list…</source>
        <translation>打印候选名单…</translation>
    </message>
    <message>
        <source>Print the candidates with their hash and have them signed before the seed is drawn.</source>
        <translation>在抽取随机种子之前，打印候选名单及其哈希，并请抽签人、监督人、见证人签字。</translation>
    </message>
    <message>
        <source>Any text: numbers thrown with dice, a lottery result, or press Generate</source>
        <translation>可输入任意文字：掷骰子的点数、彩票开奖号码，或点“生成”</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Organ branch</source>
        <translation>机关党支部</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>档次</translation>
    </message>
    <message>
        <source>Grassroots branch</source>
        <translation>基层党支部</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Swap the two selected pairs</source>
        <translation>调换所选两对</translation>
    </message>
    <message>
        <source>Commit the draw</source>
        <translation>确认抽签</translation>
    </message>
    <message>
        <source>Save the draw record…</source>
        <translation>保存抽签记录…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>County or district</source>
        <translation>县（区）</translation>
    </message>
    <message>
        <source>Organ candidates (strong first)</source>
        <translation>机关候选（好在前）</translation>
    </message>
    <message>
        <source>Grassroots candidates (weak first)</source>
        <translation>基层候选（差在前）</translation>
    </message>
    <message>
        <source>Candidate list hash</source>
        <translation>候选名单哈希</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Pairs start on</source>
        <translation>结对开始日期</translation>
    </message>
    <message>
        <source>This ledger has no county or district.</source>
        <translation>本台账没有县（区）。</translation>
    </message>
    <message>
        <source>The ledger is open read-only: a preview is not kept and the draw cannot be committed.</source>
        <translation>台账以只读方式打开：预览的种子不会留存，也不能确认抽签。</translation>
    </message>
    <message>
        <source>Seeds tried for these candidates ({count}, all printed on the draw record): {seeds}</source>
        <translation>本候选名单已试抽的种子（{count} 个，均会印在抽签记录上）：{seeds}</translation>
    </message>
    <message>
        <source>No seed tried yet. Every seed you preview is kept and printed on the draw record.</source>
        <translation>尚未试抽。每次预览所用的种子都会留存，并印在抽签记录上。</translation>
    </message>
    <message>
        <source>{count} in all: {tiers}</source>
        <translation>共 {count} 个：{tiers}</translation>
    </message>
    <message>
        <source>{count} in all</source>
        <translation>共 {count} 个</translation>
    </message>
    <message>
        <source>Nothing to draw in {county} yet: the draw needs unpaired branches on both sides, organ and grassroots. Add them on the Branches tab; Generate, Preview and the candidate list wait until then.</source>
        <translation>{county}暂无可抽签的支部：抽签需要机关和基层两方都有未结对的支部。请先在“党支部”页添加，之后才能生成种子、预览和打印候选名单。</translation>
    </message>
    <message>
        <source>The draw will make {pairs} pairs; left over: {organs} organ and {grassroots} grassroots branches. Pairings made before stay as they are.</source>
        <translation>将结对 {pairs} 对；剩余机关党支部 {organs} 个、基层党支部 {grassroots} 个。此前已有的结对保持不变。</translation>
    </message>
    <message>
        <source>Preview with seed {seed}: result hash {hash}. No pairing is saved until you commit.</source>
        <translation>预览（种子 {seed}）：结果哈希 {hash}。确认抽签之前不会保存任何结对。</translation>
    </message>
    <message>
        <source>Committed as draw {id}: {pairs} pairs. Edit ▸ Undo takes the whole draw back.</source>
        <translation>已确认为第 {id} 次抽签：共 {pairs} 对。“编辑 ▸ 撤销”可整体撤回本次抽签。</translation>
    </message>
    <message>
        <source>The draw record was saved to {path}</source>
        <translation>抽签记录已保存到 {path}</translation>
    </message>
    <message>
        <source>The candidate list was saved to {path}: print it and have it signed before the seed is drawn.</source>
        <translation>候选名单已保存到 {path}：请在抽取随机种子之前打印并签字。</translation>
    </message>
    <message>
        <source>Left over ({count}): {names}</source>
        <translation>剩余（{count} 个）：{names}</translation>
    </message>
    <message>
        <source>Nothing left over.</source>
        <translation>无剩余。</translation>
    </message>
    <message>
        <source>Hand swaps: {count}</source>
        <translation>人工调换：{count} 次</translation>
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
    <name>EmptyHints</name>
    <message>
        <source>This ledger has no regions yet: add the city first, then its counties and townships.</source>
        <translation>这本台账还没有区域：先添加市，再添加下面的县（区）和乡镇（街道）。</translation>
    </message>
    <message>
        <source>{region} has no branches yet: add them one by one, paste rows copied from Excel or WPS, or import a list.</source>
        <translation>{region}还没有党支部：逐个新建、粘贴从 Excel 或 WPS 复制的行，或导入名单。</translation>
    </message>
    <message>
        <source>{region} has no pairings yet: pair two branches, or draw the pairs, strong with weak.</source>
        <translation>{region}还没有结对：指定两个党支部结对，或按以强带弱抽签。</translation>
    </message>
    <message>
        <source>{region} has no activities yet: record the first one.</source>
        <translation>{region}还没有活动记录：登记第一次活动。</translation>
    </message>
</context>
<context>
    <name>EndPairingDialog</name>
    <message>
        <source>End pairing</source>
        <translation>结束结对</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Choose why the pairing ends.</source>
        <translation>请选择结对结束的原因。</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Photo without a capture time</source>
        <translation>照片无拍摄时间</translation>
    </message>
    <message>
        <source>Photo taken more than 3 days off</source>
        <translation>拍摄时间与活动日期相差超过 3 天</translation>
    </message>
    <message>
        <source>Same picture as another activity</source>
        <translation>与其他活动使用同一照片</translation>
    </message>
    <message>
        <source>Recorded late</source>
        <translation>补录</translation>
    </message>
    <message>
        <source>the whole ledger</source>
        <translation>整个台账</translation>
    </message>
    <message>
        <source>Evidence check: {region}</source>
        <translation>佐证材料检查：{region}</translation>
    </message>
    <message>
        <source>These are warnings for the clerk to look into, not errors: a photo may be genuine and still lack a capture time. Double-click a line to open its activity.</source>
        <translation>以下是提醒，需要核实，并非错误：照片可能是真实的，只是没有拍摄时间。双击某一行可打开该活动。</translation>
    </message>
    <message>
        <source>Months from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>{count} warnings on {activities} activities.</source>
        <translation>{activities} 项活动共有 {count} 条提醒。</translation>
    </message>
    <message>
        <source>No warnings: every photo's capture time fits its activity, and no picture is used twice.</source>
        <translation>没有提醒：每张照片的拍摄时间都与活动日期相符，也没有重复使用的照片。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Pairing</source>
        <translation>结对</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>also in the activity of {date}</source>
        <translation>与{date}的活动使用同一照片</translation>
    </message>
    <message>
        <source>entered on {date}</source>
        <translation>录入于{date}</translation>
    </message>
    <message>
        <source>photo {number} “{caption}”</source>
        <translation>第 {number} 张照片“{caption}”</translation>
    </message>
    <message>
        <source>photo {number}</source>
        <translation>第 {number} 张照片</translation>
    </message>
    <message>
        <source>photo {number}, taken {moment} “{caption}”</source>
        <translation>第 {number} 张照片“{caption}”，拍摄于{moment}</translation>
    </message>
    <message>
        <source>photo {number}, taken {moment}</source>
        <translation>第 {number} 张照片，拍摄于{moment}</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <source>&amp;Import from Excel or CSV…</source>
        <translation>从 Excel 或 CSV 导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;templates…</source>
        <translation>导入模板(&amp;T)…</translation>
    </message>
    <message>
        <source>E&amp;xport the ledger to Excel…</source>
        <translation>导出整个台账到 Excel(&amp;X)…</translation>
    </message>
    <message>
        <source>Export the selected re&amp;gion to Excel…</source>
        <translation>导出所选区域到 Excel(&amp;G)…</translation>
    </message>
    <message>
        <source>Export &amp;view…</source>
        <translation>导出当前表格(&amp;V)…</translation>
    </message>
    <message>
        <source>Save the rows this table shows (its filter and order) as xlsx</source>
        <translation>把当前表格显示的行（按当前筛选和排序）保存为 xlsx</translation>
    </message>
    <message>
        <source>&amp;Monthly report…</source>
        <translation>月报(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Word ledger…</source>
        <translation>Word 台账(&amp;W)…</translation>
    </message>
    <message>
        <source>The ledger inspectors ask for (台账) as a Word document, one record per activity</source>
        <translation>生成检查用的台账（Word 文档），一事一档</translation>
    </message>
    <message>
        <source>&amp;Export chart…</source>
        <translation>导出图表(&amp;E)…</translation>
    </message>
    <message>
        <source>Import template — {sheet}.xlsx</source>
        <translation>导入模板 — {sheet}.xlsx</translation>
    </message>
    <message>
        <source>Templates saved in {folder}: {files}</source>
        <translation>模板已保存到 {folder}：{files}</translation>
    </message>
    <message>
        <source>{name} ledger.xlsx</source>
        <translation>{name}台账.xlsx</translation>
    </message>
    <message>
        <source>Exporting the ledger…</source>
        <translation>正在导出台账…</translation>
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
        <source>Export cancelled: no file was written.</source>
        <translation>已取消导出，没有生成文件。</translation>
    </message>
    <message>
        <source>Exported {rows} rows to {path}</source>
        <translation>已导出 {rows} 行到 {path}</translation>
    </message>
    <message>
        <source>Agreement {pairing}.{suffix}</source>
        <translation>结对共建协议 {pairing}.{suffix}</translation>
    </message>
    <message>
        <source>Writing the agreement…</source>
        <translation>正在生成结对共建协议…</translation>
    </message>
    <message>
        <source>Agreement saved to {path}</source>
        <translation>结对共建协议已保存到 {path}</translation>
    </message>
    <message>
        <source>Sign-in sheet {pairing}.docx</source>
        <translation>签到表 {pairing}.docx</translation>
    </message>
    <message>
        <source>Writing the sign-in sheet…</source>
        <translation>正在生成签到表…</translation>
    </message>
    <message>
        <source>Sign-in sheet saved to {path}</source>
        <translation>签到表已保存到 {path}</translation>
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
    <message>
        <source>Import from a spreadsheet</source>
        <translation>从表格导入</translation>
    </message>
    <message>
        <source>Export the ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <source>Export the rows on show</source>
        <translation>导出当前表格</translation>
    </message>
    <message>
        <source>Save the report of rejected rows</source>
        <translation>保存未通过检查的行</translation>
    </message>
    <message>
        <source>Folder for the import templates</source>
        <translation>导入模板的保存位置</translation>
    </message>
    <message>
        <source>Save the monthly report</source>
        <translation>保存月报</translation>
    </message>
    <message>
        <source>Save the half-year summary</source>
        <translation>保存半年总结</translation>
    </message>
    <message>
        <source>Save the data package</source>
        <translation>保存数据包</translation>
    </message>
    <message>
        <source>Folder for the receipts</source>
        <translation>选择保存回执的文件夹</translation>
    </message>
    <message>
        <source>Save the Word document</source>
        <translation>保存 Word 文档</translation>
    </message>
    <message>
        <source>Choose the Word template</source>
        <translation>选择 Word 模板</translation>
    </message>
    <message>
        <source>The package to make the ledger from</source>
        <translation>选择用来建立台账的数据包</translation>
    </message>
    <message>
        <source>BranchDesk data packages (*.bdx)</source>
        <translation>支部联建台账数据包 (*.bdx)</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.xls *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Receive data packages</source>
        <translation>接收数据包</translation>
    </message>
    <message>
        <source>Data packages and receipts (*.bdx *.bdxr);;All files (*)</source>
        <translation>数据包和回执 (*.bdx *.bdxr);;所有文件 (*)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>FileField</name>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
</context>
<context>
    <name>FrequencyTab</name>
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
        <source>List items raised and ticked off</source>
        <translation>清单事项提出与销号</translation>
    </message>
    <message>
        <source>{region}: list items raised and ticked off per month</source>
        <translation>{region}：每月清单事项提出与销号</translation>
    </message>
    <message>
        <source>{period}; {opened} raised, {done} ticked off</source>
        <translation>{period}；共提出 {opened} 项，销号 {done} 项</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>事项数</translation>
    </message>
    <message>
        <source>{region} has no list items raised or ticked off in this period.</source>
        <translation>{region}在这段时间没有提出或销号的清单事项。</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>提出</translation>
    </message>
    <message>
        <source>Ticked off</source>
        <translation>销号</translation>
    </message>
    <message>
        <source>{month}
Raised: {opened}
Ticked off: {done}</source>
        <translation>{month}
提出：{opened} 项
销号：{done} 项</translation>
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
    <name>HalfYear</name>
    <message>
        <source>{year} H1</source>
        <translation>{year}年上半年</translation>
    </message>
    <message>
        <source>{year} H2</source>
        <translation>{year}年下半年</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Branch name</source>
        <translation>支部名称</translation>
    </message>
    <message>
        <source>Region name</source>
        <translation>区域名称</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Key task</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>节日</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>支部类型</translation>
    </message>
    <message>
        <source>Day off or working day</source>
        <translation>放假或调休上班</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Unit level</source>
        <translation>单位级别</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Parent region</source>
        <translation>上级区域</translation>
    </message>
    <message>
        <source>Official code</source>
        <translation>区划代码</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Assigned community</source>
        <translation>联系社区</translation>
    </message>
    <message>
        <source>Community branch</source>
        <translation>所属社区</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>档次</translation>
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
        <translation>归档日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
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
        <source>Method</source>
        <translation>结对方式</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>抽签</translation>
    </message>
    <message>
        <source>Organ tier</source>
        <translation>机关档次</translation>
    </message>
    <message>
        <source>Grassroots tier</source>
        <translation>基层档次</translation>
    </message>
    <message>
        <source>Started on</source>
        <translation>结对日期</translation>
    </message>
    <message>
        <source>Ended on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>End reason</source>
        <translation>结束原因</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>抽签范围</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Algorithm version</source>
        <translation>算法版本</translation>
    </message>
    <message>
        <source>Input hash</source>
        <translation>输入哈希</translation>
    </message>
    <message>
        <source>Result hash</source>
        <translation>结果哈希</translation>
    </message>
    <message>
        <source>Swaps by hand</source>
        <translation>人工调换</translation>
    </message>
    <message>
        <source>Drawn at</source>
        <translation>抽签时间</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>候选名单</translation>
    </message>
    <message>
        <source>Half-year</source>
        <translation>半年</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Pairing</source>
        <translation>结对</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>活动日期</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>党员志愿者人次</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>活动地点</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>活动内容</translation>
    </message>
    <message>
        <source>Working-day reason</source>
        <translation>工作日开展原因</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>六共领域</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>活动主题</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应到人数</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>实到人数</translation>
    </message>
    <message>
        <source>Make-up session</source>
        <translation>补课日期</translation>
    </message>
    <message>
        <source>Absentee</source>
        <translation>缺席人员</translation>
    </message>
    <message>
        <source>Reason for absence</source>
        <translation>缺席原因</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Locked for</source>
        <translation>锁定范围</translation>
    </message>
    <message>
        <source>Unlocked at</source>
        <translation>解锁时间</translation>
    </message>
    <message>
        <source>Reason for unlocking</source>
        <translation>解锁理由</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>星级</translation>
    </message>
    <message>
        <source>Rated on</source>
        <translation>评定日期</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>党支部</translation>
    </message>
    <message>
        <source>Frozen on</source>
        <translation>冻结日期</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>List</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Raised on</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Ticked off on</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <source>Need matched</source>
        <translation>对应需求</translation>
    </message>
    <message>
        <source>Resource matched</source>
        <translation>对应资源</translation>
    </message>
    <message>
        <source>List item</source>
        <translation>清单事项</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Place among the photos</source>
        <translation>照片顺序</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>拍摄时间</translation>
    </message>
    <message>
        <source>Capture time against the date</source>
        <translation>拍摄时间核对</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <source>Organ-side liaison</source>
        <translation>机关方联络人</translation>
    </message>
    <message>
        <source>Organ-side liaison's phone</source>
        <translation>机关方联络人电话</translation>
    </message>
    <message>
        <source>Grassroots-side liaison</source>
        <translation>基层方联络人</translation>
    </message>
    <message>
        <source>Grassroots-side liaison's phone</source>
        <translation>基层方联络人电话</translation>
    </message>
    <message>
        <source>Review notes</source>
        <translation>回顾评议</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Place among the targets</source>
        <translation>目标顺序</translation>
    </message>
    <message>
        <source>Target number</source>
        <translation>目标数值</translation>
    </message>
    <message>
        <source>Unit of measure</source>
        <translation>计量单位</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Progress dated</source>
        <translation>进度日期</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Sending unit</source>
        <translation>派出单位</translation>
    </message>
    <message>
        <source>Work team</source>
        <translation>驻村工作队</translation>
    </message>
    <message>
        <source>Team member</source>
        <translation>队员</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>队员姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>In the village from</source>
        <translation>驻村开始</translation>
    </message>
    <message>
        <source>In the village until</source>
        <translation>驻村结束</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Reasons for leave</source>
        <translation>请假原因</translation>
    </message>
    <message>
        <source>Days in the village</source>
        <translation>在村天数</translation>
    </message>
    <message>
        <source>Days on leave</source>
        <translation>请假天数</translation>
    </message>
    <message>
        <source>Days on official business</source>
        <translation>公务天数</translation>
    </message>
    <message>
        <source>Days absent</source>
        <translation>缺勤天数</translation>
    </message>
    <message>
        <source>{change} {count} regions</source>
        <translation>{change}区域 {count} 个</translation>
    </message>
    <message>
        <source>{change} {count} units</source>
        <translation>{change}单位 {count} 个</translation>
    </message>
    <message>
        <source>{change} {count} branches</source>
        <translation>{change}党支部 {count} 个</translation>
    </message>
    <message>
        <source>{change} {count} draws</source>
        <translation>{change}抽签 {count} 次</translation>
    </message>
    <message>
        <source>{change} {count} pairings</source>
        <translation>{change}结对 {count} 对</translation>
    </message>
    <message>
        <source>{change} {count} key tasks</source>
        <translation>{change}重点任务 {count} 项</translation>
    </message>
    <message>
        <source>{change} {count} activities</source>
        <translation>{change}活动 {count} 次</translation>
    </message>
    <message>
        <source>{change} {count} absentees</source>
        <translation>{change}缺席人员 {count} 名</translation>
    </message>
    <message>
        <source>{change} {count} days of the holiday calendar</source>
        <translation>{change}节假日安排 {count} 天</translation>
    </message>
    <message>
        <source>{change} the holiday calendars of {count} years</source>
        <translation>{change} {count} 个年份的节假日安排</translation>
    </message>
    <message>
        <source>{change} {count} settings</source>
        <translation>{change}设置 {count} 项</translation>
    </message>
    <message>
        <source>{change} {count} month locks</source>
        <translation>{change}月份锁定 {count} 项</translation>
    </message>
    <message>
        <source>{change} {count} photos</source>
        <translation>{change}照片 {count} 张</translation>
    </message>
    <message>
        <source>{change} {count} pairing agreements</source>
        <translation>{change}结对共建协议 {count} 份</translation>
    </message>
    <message>
        <source>{change} {count} agreement targets</source>
        <translation>{change}协议目标 {count} 项</translation>
    </message>
    <message>
        <source>{change} {count} progress entries</source>
        <translation>{change}进度记录 {count} 条</translation>
    </message>
    <message>
        <source>{change} {count} star ratings</source>
        <translation>{change}星级评定 {count} 条</translation>
    </message>
    <message>
        <source>{change} {count} half-year summaries</source>
        <translation>{change}半年总结 {count} 份</translation>
    </message>
    <message>
        <source>{change} {count} list items</source>
        <translation>{change}清单事项 {count} 项</translation>
    </message>
    <message>
        <source>{change} {count} links of list items to activities</source>
        <translation>{change}清单事项与活动的关联 {count} 条</translation>
    </message>
    <message>
        <source>{change} {count} photos of ticked-off list items</source>
        <translation>{change}清单事项销号照片 {count} 张</translation>
    </message>
    <message>
        <source>{change} {count} work teams</source>
        <translation>{change}驻村工作队 {count} 个</translation>
    </message>
    <message>
        <source>{change} {count} team members</source>
        <translation>{change}队员 {count} 名</translation>
    </message>
    <message>
        <source>{change} {count} members' months of days</source>
        <translation>{change}队员月度出勤 {count} 条</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>放假</translation>
    </message>
    <message>
        <source>Adjusted working day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>Official calendar</source>
        <translation>国务院公布的安排</translation>
    </message>
    <message>
        <source>Typed in</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>within 3 days</source>
        <translation>与活动日期相差不超过 3 天</translation>
    </message>
    <message>
        <source>no capture time</source>
        <translation>无拍摄时间</translation>
    </message>
    <message>
        <source>more than 3 days off</source>
        <translation>与活动日期相差超过 3 天</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{count} swaps</source>
        <translation>{count} 次</translation>
    </message>
    <message>
        <source>{year}</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <source>{first}–{last}</source>
        <translation>{first}年—{last}年</translation>
    </message>
    <message>
        <source>{region}, seed {seed}</source>
        <translation>{region}，随机种子 {seed}</translation>
    </message>
    <message>
        <source>{field}: {value}</source>
        <translation>{field}：{value}</translation>
    </message>
    <message>
        <source>{field}: {old} → {new}</source>
        <translation>{field}：{old} → {new}</translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <translation>{names}等（另有 {count} 个）</translation>
    </message>
    <message>
        <source>day {day}: {reason}</source>
        <translation>{day}日：{reason}</translation>
    </message>
    <message>
        <source>Days a month a work team member is in the village</source>
        <translation>驻村队员每月在村天数要求</translation>
    </message>
    <message>
        <source>Days after which an activity is entered late</source>
        <translation>活动补录的天数界限</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>正在读取修改记录……</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Nothing has been changed yet.</source>
        <translation>尚无修改记录。</translation>
    </message>
</context>
<context>
    <name>HolidaysDialog</name>
    <message>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Import a list…</source>
        <translation>导入清单…</translation>
    </message>
    <message>
        <source>Save this year</source>
        <translation>保存本年</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>One date or range a line: 2027-02-06~2027-02-12 休 春节; 2027-02-14 班</source>
        <translation>每行一个日期或日期段，如：2027-02-06~2027-02-12 休 春节；2027-02-14 班</translation>
    </message>
    <message>
        <source>&lt;span style='background:#fdd2cd'&gt;&amp;nbsp;休&amp;nbsp;&lt;/span&gt; official holiday &amp;nbsp; &lt;span style='background:#cddefa'&gt;&amp;nbsp;班&amp;nbsp;&lt;/span&gt; adjusted working day</source>
        <translation>&lt;span style='background:#fdd2cd'&gt;&amp;nbsp;休&amp;nbsp;&lt;/span&gt; 法定节假日 &amp;nbsp; &lt;span style='background:#cddefa'&gt;&amp;nbsp;班&amp;nbsp;&lt;/span&gt; 调休上班日</translation>
    </message>
    <message>
        <source>{year}: official calendar entered by hand.</source>
        <translation>{year}年：节假日安排由用户录入。</translation>
    </message>
    <message>
        <source>{year}: official calendar supplied with BranchDesk.</source>
        <translation>{year}年：节假日安排随程序提供（国务院办公厅通知）。</translation>
    </message>
    <message>
        <source>{year}: no official calendar yet; plain weekends are used. Enter it below.</source>
        <translation>{year}年：无官方节假日数据，暂按普通周末计算。请在右侧录入。</translation>
    </message>
    <message>
        <source>Years without official data: {years}</source>
        <translation>缺少官方节假日数据的年份：{years}</translation>
    </message>
    <message>
        <source>Every year from the first on record to next year has official data.</source>
        <translation>各年份均有官方节假日数据。</translation>
    </message>
    <message>
        <source>Import a holiday list</source>
        <translation>导入节假日清单</translation>
    </message>
    <message>
        <source>Text files (*.txt *.csv);;All files (*)</source>
        <translation>文本文件 (*.txt *.csv);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>{sheet}: {read} read, {added} added, {updated} updated, {skipped} already there, {rejected} rejected</source>
        <translation>{sheet}：读取 {read} 行，新增 {added} 行，更新 {updated} 行，已存在 {skipped} 行，拒绝 {rejected} 行</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import from a spreadsheet</source>
        <translation>从表格导入</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消，没有导入任何内容。</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>New list item</source>
        <translation>添加清单事项</translation>
    </message>
    <message>
        <source>Edit list item</source>
        <translation>修改清单事项</translation>
    </message>
    <message>
        <source>e.g. 村道硬化, 产业技术培训, 单位帮扶资金</source>
        <translation>如：村道硬化、产业技术培训、单位帮扶资金</translation>
    </message>
    <message>
        <source>Pairing</source>
        <translation>结对</translation>
    </message>
    <message>
        <source>List</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Raised on</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Ticked off on</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <source>Need matched</source>
        <translation>对应需求</translation>
    </message>
    <message>
        <source>Resource matched</source>
        <translation>对应资源</translation>
    </message>
    <message>
        <source>Activities that worked on it</source>
        <translation>相关活动</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Choose the pairing.</source>
        <translation>请选择结对。</translation>
    </message>
    <message>
        <source>Enter the item.</source>
        <translation>请填写事项名称。</translation>
    </message>
</context>
<context>
    <name>ItemLinks</name>
    <message>
        <source>Tick the items of the pairing's three lists this activity worked on (needs, resources, projects; those not ticked off first). The Lists tab shows the same links.</source>
        <translation>勾选本次活动推进的清单事项（需求、资源、项目，未销号的排在前面）。“清单”页显示同样的关联。</translation>
    </message>
    <message>
        <source>List items can be linked when one pairing is chosen.</source>
        <translation>只选一个结对时才能关联清单事项。</translation>
    </message>
    <message>
        <source>Choose the pairing first.</source>
        <translation>请先选择结对。</translation>
    </message>
    <message>
        <source>This pairing has no list items yet (the Lists tab adds them).</source>
        <translation>该结对还没有清单事项（可在“清单”页添加）。</translation>
    </message>
</context>
<context>
    <name>ItemTable</name>
    <message>
        <source>List</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Pairing</source>
        <translation>结对</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Raised on</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Ticked off on</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <source>Linked activities</source>
        <translation>关联活动</translation>
    </message>
    <message>
        <source>{status} · overdue</source>
        <translation>{status} · 已逾期</translation>
    </message>
</context>
<context>
    <name>ItemsTab</name>
    <message>
        <source>{count} items</source>
        <translation>{count} 项</translation>
    </message>
    <message>
        <source>Today in this region: needs {need} · resources {resource} · projects {project} · ticked off {done} · overdue {overdue}</source>
        <translation>本区域截至今天：需求 {need} · 资源 {resource} · 项目 {project} · 已销号 {done} · 逾期 {overdue}</translation>
    </message>
    <message>
        <source>Only this pairing</source>
        <translation>只看所选结对</translation>
    </message>
    <message>
        <source>Only {pairing}</source>
        <translation>只看{pairing}</translation>
    </message>
    <message>
        <source>{pairing} (ended)</source>
        <translation>{pairing}（已结束）</translation>
    </message>
    <message>
        <source>Delete list item</source>
        <translation>删除清单事项</translation>
    </message>
    <message>
        <source>Delete “{title}” of {pairing}? Undo (Ctrl+Z) brings it back.</source>
        <translation>删除{pairing}的“{title}”？可用撤销（Ctrl+Z）恢复。</translation>
    </message>
    <message>
        <source>Search item, owner or grassroots branch</source>
        <translation>搜索事项、责任人或基层党支部</translation>
    </message>
    <message>
        <source>All three lists</source>
        <translation>三张清单</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Not ticked off</source>
        <translation>未销号</translation>
    </message>
    <message>
        <source>Overdue items</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>New item…</source>
        <translation>添加事项…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Tick off…</source>
        <translation>销号…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>KeyTasksDialog</name>
    <message>
        <source>Key tasks</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <source>Key task</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>e.g. 疫情防控</source>
        <translation>例如：疫情防控</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>备注（可不填）</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Half-year</source>
        <translation>半年</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Copy the list of {half_year}</source>
        <translation>沿用{half_year}的清单</translation>
    </message>
    <message>
        <source>Copy the last list</source>
        <translation>沿用上期清单</translation>
    </message>
    <message>
        <source>Put back in use</source>
        <translation>恢复使用</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
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
        <source>City-level unit</source>
        <translation>市直单位</translation>
    </message>
    <message>
        <source>County-level unit</source>
        <translation>县直单位</translation>
    </message>
    <message>
        <source>Central or provincial unit based here</source>
        <translation>中央、省驻信单位</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>指定</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>抽签</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Abolished</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Village turned community</source>
        <translation>村改社区</translation>
    </message>
    <message>
        <source>Re-paired</source>
        <translation>重新结对</translation>
    </message>
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
        <source>Need</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>推进中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已销号</translation>
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
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Team leader</source>
        <translation>队长</translation>
    </message>
    <message>
        <source>Team member</source>
        <translation>队员</translation>
    </message>
    <message>
        <source>First secretary</source>
        <translation>第一书记</translation>
    </message>
    <message>
        <source>In the village</source>
        <translation>在村</translation>
    </message>
    <message>
        <source>On leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Official business</source>
        <translation>公务</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>Ungraded</source>
        <translation>未定档次</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>未评星</translation>
    </message>
    <message>
        <source>One star</source>
        <translation>一星</translation>
    </message>
    <message>
        <source>Two stars</source>
        <translation>二星</translation>
    </message>
    <message>
        <source>Three stars</source>
        <translation>三星</translation>
    </message>
    <message>
        <source>Four stars</source>
        <translation>四星</translation>
    </message>
    <message>
        <source>Five stars</source>
        <translation>五星</translation>
    </message>
    <message>
        <source>{stars} ({year})</source>
        <translation>{stars}（{year}）</translation>
    </message>
</context>
<context>
    <name>LedgerFiles</name>
    <message>
        <source>{file} is open in another BranchDesk window, brought to the front.</source>
        <translation>{file} 已在另一个支部联建台账窗口中打开，已将该窗口切换到前面。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>LedgerSafety</name>
    <message>
        <source>{file} is on a network drive. If the connection drops while a change is being saved, the change can be lost, and two people opening it at once can damage it. Copy the ledger to this computer (for example to Documents) and work on that copy.</source>
        <translation>{file} 位于网络驱动器上。保存修改时如果网络中断，这次修改可能丢失；两人同时打开还可能损坏台账。请把台账复制到本机（例如“文档”文件夹），在副本上工作。</translation>
    </message>
    <message>
        <source>{file} is on a removable drive (a USB stick or memory card). Pulling the drive out while a change is being saved can damage the ledger. Copy it to this computer and work on that copy; use the drive only to carry copies.</source>
        <translation>{file} 位于移动存储设备（U 盘或存储卡）上。保存修改时拔出设备可能损坏台账。请把台账复制到本机，在副本上工作；移动存储只用来携带副本。</translation>
    </message>
    <message>
        <source>No healthy backup of it was found.</source>
        <translation>没有找到它的完好备份。</translation>
    </message>
    <message>
        <source>Restore the newest healthy backup, taken {when} ({branches} branches, {pairings} pairings, {activities} activities)? Work done after it is lost; the damaged file is kept in the backup folder.</source>
        <translation>要恢复最新的完好备份吗？该备份创建于{when}（{branches} 个支部、{pairings} 个结对、{activities} 条活动）。备份之后所做的工作将丢失；损坏的文件会保留在备份文件夹中。</translation>
    </message>
    <message>
        <source>Restored the backup of {when}</source>
        <translation>已恢复{when}的备份</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Branches</source>
        <translation>党支部</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>清单</translation>
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
        <source>Work teams</source>
        <translation>驻村工作队</translation>
    </message>
    <message>
        <source>Saved: {action}</source>
        <translation>已保存：{action}</translation>
    </message>
    <message>
        <source>{file} (read-only)</source>
        <translation>{file}（只读）</translation>
    </message>
    <message>
        <source>Pairings</source>
        <translation>结对</translation>
    </message>
    <message>
        <source>Opening {file}…</source>
        <translation>正在打开 {file}…</translation>
    </message>
    <message>
        <source>Opening the ledger…</source>
        <translation>正在打开台账…</translation>
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
        <source>Internal error: this is a fault in BranchDesk, not in what you did. Your ledger keeps everything saved before it. The details were written to {log}; please send that file to whoever supports BranchDesk.</source>
        <translation>内部错误：这是支部联建台账程序本身的问题，不是您操作有误。此前保存的内容都还在台账中。详细情况已写入 {log}，请把这个文件发给负责技术支持的同志。</translation>
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
        <translation>没有名为“{query}”的区域。</translation>
    </message>
    <message>
        <source>“{query}” names several regions: {candidates}. Give the path or the official code.</source>
        <translation>“{query}”对应多个区域：{candidates}。请写出路径或区划代码。</translation>
    </message>
    <message>
        <source>This ledger has no regions yet.</source>
        <translation>本台账还没有区域。</translation>
    </message>
    <message>
        <source>This ledger has several top regions ({candidates}); name one.</source>
        <translation>本台账有多个顶级区域（{candidates}），请指定一个。</translation>
    </message>
    <message>
        <source>“{value}” is not a date: month {month} of {year} has only {days} days.</source>
        <translation>“{value}”不是日期：{year}年{month}月只有{days}天。</translation>
    </message>
    <message>
        <source>The computer's date ({today}) is before the programme began; the demo needs {earliest} or later.</source>
        <translation>计算机日期（{today}）早于活动开始日期，生成演示台账需要{earliest}或更晚的日期。</translation>
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
        <translation>“{name}”已归档，只有未归档的党支部才能结对。</translation>
    </message>
    <message>
        <source>This pairing already ended on {date}.</source>
        <translation>该结对已于{date}结束。</translation>
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
        <translation>无可结对支部：{unit}没有未结对的机关党支部，或{community}没有未结对的网格。</translation>
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
        <translation>预览之后{region}的党支部已有变动（新结对、归档或调整档次）。未作任何保存；请重新预览抽签。</translation>
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
        <translation>请填写党支部名称。</translation>
    </message>
    <message>
        <source>Another branch in the same region is already named “{name}”.</source>
        <translation>同一区域已有名为“{name}”的党支部。</translation>
    </message>
    <message>
        <source>Choose the region the branch belongs to.</source>
        <translation>请选择党支部所属区域。</translation>
    </message>
    <message>
        <source>Village, community and grid branches belong to a township: choose a township.</source>
        <translation>农村、社区和网格党支部隶属于乡镇（街道）：请选择乡镇。</translation>
    </message>
    <message>
        <source>An organ branch belongs to a unit: choose its unit.</source>
        <translation>机关党支部须隶属于一个单位：请选择其单位。</translation>
    </message>
    <message>
        <source>A grid branch belongs to a community: choose its community.</source>
        <translation>网格党支部隶属于社区：请选择其所属社区。</translation>
    </message>
    <message>
        <source>“{phone}” is not a phone number: give a mobile number (11 digits, starting with 1) or a landline with its area code, such as 0376-6221234.</source>
        <translation>“{phone}”不是电话号码：请填写手机号（以 1 开头的 11 位数字）或带区号的座机号，如 0376-6221234。</translation>
    </message>
    <message>
        <source>The number of members cannot be negative.</source>
        <translation>党员数不能为负数。</translation>
    </message>
    <message>
        <source>Only organ branches are optimised; leave the optimised date empty.</source>
        <translation>只有机关党支部有优化日期，请留空。</translation>
    </message>
    <message>
        <source>The date {date} is in the future.</source>
        <translation>日期{date}在今天之后。</translation>
    </message>
    <message>
        <source>The branch has pairings on this side; an organ branch cannot become a grassroots branch or the other way round.</source>
        <translation>该党支部已有结对，机关党支部不能改为基层党支部，基层党支部也不能改为机关党支部。</translation>
    </message>
    <message>
        <source>Grids belong to this community: it stays a community in their township.</source>
        <translation>该社区下设有网格党支部，必须仍为这些网格所在乡镇（街道）的社区党支部。</translation>
    </message>
    <message>
        <source>The community “{name}” is in another township; a grid sits in its community's township.</source>
        <translation>社区“{name}”在另一个乡镇（街道）；网格党支部应与其所属社区在同一乡镇（街道）。</translation>
    </message>
    <message>
        <source>“{name}” has a pairing until {date}; archive it on that day or later.</source>
        <translation>“{name}”的结对持续到{date}，归档日期不能早于这一天。</translation>
    </message>
    <message>
        <source>The branch has been paired since {date}; it was established by then.</source>
        <translation>该党支部自{date}起已有结对，成立日期不能晚于这一天。</translation>
    </message>
    <message>
        <source>A name may be at most {limit} characters long; this one has {length}. Shorten it.</source>
        <translation>名称最多 {limit} 个字，现有 {length} 个字，请缩短。</translation>
    </message>
    <message>
        <source>Enter the city's name (the top of the region chain).</source>
        <translation>请填写市的名称（区划链的最上一级）。</translation>
    </message>
    <message>
        <source>Enter this region's name, or clear its official code to leave it out.</source>
        <translation>请填写这一级的名称；不要这一级，就把它的区划代码也清空。</translation>
    </message>
    <message>
        <source>Townships belong to a county: enter the county's name first.</source>
        <translation>乡镇（街道）属于县（区）：请先填写县（区）的名称。</translation>
    </message>
    <message>
        <source>The township “{name}” is listed twice.</source>
        <translation>乡镇“{name}”填了两次。</translation>
    </message>
    <message>
        <source>“{path}” has more than three levels; a region chain is city/county/township.</source>
        <translation>“{path}”超过三级；区划链为 市/县/乡镇。</translation>
    </message>
    <message>
        <source>{codes} official codes for a chain of {levels} levels: give at most one code per level, in chain order.</source>
        <translation>给了 {codes} 个区划代码，区划链只有 {levels} 级：每级最多一个代码，按区划顺序填写。</translation>
    </message>
    <message>
        <source>Pairing {pairing} ({span}) does not link an organ branch with a grassroots branch.</source>
        <translation>结对“{pairing}”（{span}）不是机关党支部与基层党支部之间的结对。</translation>
    </message>
    <message>
        <source>{branch} is in two pairings at the same time: {pairing} ({span}) and {other} ({other_span}).</source>
        <translation>“{branch}”同时处在两个结对中，时间重叠：“{pairing}”（{span}）与“{other}”（{other_span}）。</translation>
    </message>
    <message>
        <source>Pairing {pairing} ({span}) lies outside the life of {branch} (established {established}, archived {archived}).</source>
        <translation>结对“{pairing}”（{span}）超出了“{branch}”的存续时间（成立于{established}，归档于{archived}）。</translation>
    </message>
    <message>
        <source>Pairing {pairing} ({span}) starts or ends after today ({today}).</source>
        <translation>结对“{pairing}”（{span}）的开始或结束日期晚于今天（{today}）。</translation>
    </message>
    <message>
        <source>The activity of {held_on} lies outside the dates of its pairing {pairing} ({span}).</source>
        <translation>{held_on}的活动不在其结对“{pairing}”的起止日期（{span}）之内。</translation>
    </message>
    <message>
        <source>The activity of {held_on} of pairing {pairing} is dated after today ({today}).</source>
        <translation>结对“{pairing}”的{held_on}活动日期晚于今天（{today}）。</translation>
    </message>
    <message>
        <source>The activity of {held_on} of pairing {pairing} serves the key task {task} of another half-year ({half_year}).</source>
        <translation>结对“{pairing}”的{held_on}活动所属的重点任务“{task}”属于另一个半年（{half_year}）。</translation>
    </message>
    <message>
        <source>{count} active branches in {region} have the same name {name}.</source>
        <translation>{region}有 {count} 个未归档的党支部同名：“{name}”。</translation>
    </message>
    <message>
        <source>The grassroots branch {name} sits in {region}, which is not a township.</source>
        <translation>基层党支部“{name}”所属区域“{region}”不是乡镇（街道）。</translation>
    </message>
    <message>
        <source>The grid branch {name} in {region} names {community}, which is not a community branch of its township.</source>
        <translation>{region}的网格党支部“{name}”所属社区“{community}”不是本乡镇（街道）的社区党支部。</translation>
    </message>
    <message>
        <source>{name} in {region}: an organ branch must belong to a unit, and only organ branches belong to one.</source>
        <translation>{region}的“{name}”：机关党支部必须属于一个单位，且只有机关党支部才属于单位。</translation>
    </message>
    <message>
        <source>{row} holds the value {value}, which the ledger does not know.</source>
        <translation>“{row}”含有台账无法识别的值“{value}”。</translation>
    </message>
    <message>
        <source>{name} already has a pairing from {started} to {ended}; a branch is in one pairing at a time, so the two may not share a day.</source>
        <translation>“{name}”已有{started}至{ended}的结对；一个党支部同一时间只能有一个结对，两个结对的日期不能重叠。</translation>
    </message>
    <message>
        <source>{name} has been in a pairing since {started}; a branch is in one pairing at a time, so the two may not share a day.</source>
        <translation>“{name}”自{started}起已有结对；一个党支部同一时间只能有一个结对，两个结对的日期不能重叠。</translation>
    </message>
    <message>
        <source>A branch would be in two pairings on the same day; a branch is in one pairing at a time. Nothing was changed.</source>
        <translation>这样会使一个党支部在同一天处在两个结对中；一个党支部同一时间只能有一个结对。未作任何改动。</translation>
    </message>
    <message>
        <source>The pairing has an activity on {date}; it can end on that day at the earliest (or move the activity).</source>
        <translation>该结对在{date}还有活动，结束日期最早为当天（或先修改该活动的日期）。</translation>
    </message>
    <message>
        <source>The pairing started on {started}; a new partner can start on the day after at the earliest.</source>
        <translation>结对开始于{started}，新的结对对象最早从次日开始。</translation>
    </message>
    <message>
        <source>“{name}” was archived on {date}; its pairings end by then.</source>
        <translation>“{name}”已于{date}归档，其结对最晚只能到当天结束。</translation>
    </message>
    <message>
        <source>The organ branch is in {organ_county} and the grassroots branch in {grassroots_county}: pairing across two counties needs the user's confirmation.</source>
        <translation>机关党支部属于{organ_county}，基层党支部属于{grassroots_county}：跨县结对须经用户确认。</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number.</source>
        <translation>“{value}”不是整数。</translation>
    </message>
    <message>
        <source>The text encoding of {path} is not clearly UTF-8 or GBK.</source>
        <translation>无法确定 {path} 的文字编码是 UTF-8 还是 GBK。</translation>
    </message>
    <message>
        <source>{path} is marked as UTF-8 text but is written in another encoding (probably GBK). Open it in Excel or WPS, check that the Chinese reads correctly, save it as an Excel workbook (.xlsx) and import that.</source>
        <translation>{path} 标注为 UTF-8 编码，实际却是别的编码（多半是 GBK）。请用 Excel 或 WPS 打开，确认中文显示正常后另存为 Excel 工作簿（.xlsx），再导入该文件。</translation>
    </message>
    <message>
        <source>“{value}” is not a kind of branch: use organ, village, community or grid.</source>
        <translation>“{value}”不是党支部类型：请填写机关、农村、社区或网格。</translation>
    </message>
    <message>
        <source>Publishing into {path} failed: {reason}</source>
        <translation>发布到 {path} 失败：{reason}</translation>
    </message>
    <message>
        <source>Set the password readers must give in the environment variable {variable} before serving; the snapshot is not served without one.</source>
        <translation>请先在环境变量 {variable} 中设置查看密码，再启动网页服务；未设置密码不予启动。</translation>
    </message>
    <message>
        <source>Datasette is not installed. Install it with: pip install branchdesk[publish]</source>
        <translation>未安装 Datasette。请用以下命令安装：pip install branchdesk[publish]</translation>
    </message>
    <message>
        <source>“{value}” is not a date: write it as 2020-05-01 (or 2020/5/1, 20200501, 2020年5月1日).</source>
        <translation>“{value}”不是日期：请写成 2020-05-01（也可写 2020/5/1、20200501 或 2020年5月1日）。</translation>
    </message>
    <message>
        <source>“{value}” is not a date: there is no month {month} (months run from 1 to 12).</source>
        <translation>“{value}”不是日期：没有{month}月（月份为1至12）。</translation>
    </message>
    <message>
        <source>“{value}” is not a month: write it as 2023-06 (or 2023/6, 2023年6月).</source>
        <translation>“{value}”不是月份：请写成 2023-06（也可写 2023/6 或 2023年6月）。</translation>
    </message>
    <message>
        <source>“{value}” is not a month: there is no month {month} (months run from 1 to 12).</source>
        <translation>“{value}”不是月份：没有{month}月（月份为1至12）。</translation>
    </message>
    <message>
        <source>{month} is locked for {region}: its figures have been reported upward, so nothing in that month can be changed. Nothing was saved. To change it after all, unlock the month first and give the reason.</source>
        <translation>{month}已对{region}锁定：该月数据已上报，不能再修改，本次未保存任何内容。确需修改，请先解锁该月并填写理由。</translation>
    </message>
    <message>
        <source>{month} has not ended yet; only a month that has ended (and been reported) can be locked.</source>
        <translation>{month}还没有结束；只有已结束（并已上报）的月份才能锁定。</translation>
    </message>
    <message>
        <source>{month} is already locked for {region}.</source>
        <translation>{month}已对{region}锁定。</translation>
    </message>
    <message>
        <source>{month} is not locked; there is nothing to unlock.</source>
        <translation>{month}没有锁定，无需解锁。</translation>
    </message>
    <message>
        <source>{month} is locked for several regions ({regions}); name the one to unlock.</source>
        <translation>{month}对多个区域锁定（{regions}），请指明要解锁哪一个。</translation>
    </message>
    <message>
        <source>Unlocking a reported month needs a reason; it is kept in the ledger's history.</source>
        <translation>解锁已上报的月份须填写理由，理由会记入台账历史。</translation>
    </message>
    <message>
        <source>“{value}” is not a half-year; write it as 2022-H1 or 2022年上半年.</source>
        <translation>“{value}”不是半年，请写成 2022年上半年 或 2022-H1。</translation>
    </message>
    <message>
        <source>{half_year} has not begun yet: it has no figures.</source>
        <translation>{half_year}尚未开始，还没有数据。</translation>
    </message>
    <message>
        <source>The key task “{name}” is in the list twice.</source>
        <translation>重点任务“{name}”在清单中出现了两次。</translation>
    </message>
    <message>
        <source>Choose the kind of branch.</source>
        <translation>请选择党支部类型。</translation>
    </message>
    <message>
        <source>Choose the tier (or ungraded, if it has none yet).</source>
        <translation>请选择档次（尚未定档的选“未定档次”）。</translation>
    </message>
    <message>
        <source>Give the kind of branch.</source>
        <translation>请填写党支部类型。</translation>
    </message>
    <message>
        <source>“{value}” is not a tier: use strong, average or weak, or leave it empty.</source>
        <translation>“{value}”不是档次：请填写好、中或差，或留空。</translation>
    </message>
    <message>
        <source>No unit is named “{name}”. Add the unit first (Branches ▸ New unit).</source>
        <translation>没有名为“{name}”的单位。请先添加该单位（党支部 ▸ 新建单位）。</translation>
    </message>
    <message>
        <source>Several units are named “{name}”; add this branch through the dialog to choose one.</source>
        <translation>有多个名为“{name}”的单位，请在对话框中添加此党支部并选择单位。</translation>
    </message>
    <message>
        <source>Grid branches are added through the dialog, where their community is chosen.</source>
        <translation>网格党支部请在对话框中添加，以便选择其所属社区。</translation>
    </message>
    <message>
        <source>A grid branch stays in its community's township; change its community instead.</source>
        <translation>网格党支部随所属社区所在乡镇，请改为修改其所属社区。</translation>
    </message>
    <message>
        <source>“{value}” is no star rating: type 1 to 5 stars (e.g. 4 or 四星), with the year if needed.</source>
        <translation>“{value}”不是有效的星级：请填写一至五星（如 4 或 四星），需要时写明年度（如 2023 四星）。</translation>
    </message>
    <message>
        <source>Only grassroots branches (villages, communities, grids) are rated with stars.</source>
        <translation>只有基层党支部（村、社区、网格）参加星级评定。</translation>
    </message>
    <message>
        <source>The year {year} has not come yet: it cannot be rated.</source>
        <translation>{year}年尚未到来，不能评定星级。</translation>
    </message>
    <message>
        <source>The date rated ({day}) is after today.</source>
        <translation>评定日期（{day}）晚于今天。</translation>
    </message>
    <message>
        <source>The rating of {year} cannot be given before that year began ({day}).</source>
        <translation>{year}年度的星级不能在该年开始之前评定（{day}）。</translation>
    </message>
    <message>
        <source>Give the year the stars are of (a 评星年度 column, or with the stars: 2023 四星).</source>
        <translation>请写明星级所属的年度（填在“评星年度”列，或与星级一起写，如 2023 四星）。</translation>
    </message>
    <message>
        <source>{name} has no star rating for {year}.</source>
        <translation>{name}没有{year}年度的星级评定。</translation>
    </message>
    <message>
        <source>This column cannot be changed here.</source>
        <translation>此列不能在这里修改。</translation>
    </message>
    <message>
        <source>Choose branches and what to change.</source>
        <translation>请选择党支部和要修改的项目。</translation>
    </message>
    <message>
        <source>“{name}” is in an active pairing; end the pairing before archiving the branch.</source>
        <translation>“{name}”仍在结对中，请先结束结对再归档该党支部。</translation>
    </message>
    <message>
        <source>“{name}” cannot be archived before the date it was established.</source>
        <translation>“{name}”的归档日期不能早于其成立日期。</translation>
    </message>
    <message>
        <source>“{name}” (and {count} selected in all) has or had pairings or grids and cannot be deleted; archive it instead, so its history stays in the ledger.</source>
        <translation>“{name}”（选中的共 {count} 个）有过结对或下属网格，不能删除；请改为归档，使其历史保留在台账中。</translation>
    </message>
    <message>
        <source>Enter the unit's name.</source>
        <translation>请填写单位名称。</translation>
    </message>
    <message>
        <source>A unit named “{name}” already exists there.</source>
        <translation>该区域已有名为“{name}”的单位。</translation>
    </message>
    <message>
        <source>Enter the region's name.</source>
        <translation>请填写区域名称。</translation>
    </message>
    <message>
        <source>A region named “{name}” already exists there.</source>
        <translation>该处已有名为“{name}”的区域。</translation>
    </message>
    <message>
        <source>The official code {official_code} is already used by another region.</source>
        <translation>区划代码 {official_code} 已被其他区域使用。</translation>
    </message>
    <message>
        <source>Townships are the lowest level: choose the city or a county to add a region to.</source>
        <translation>乡镇（街道）是最低一级：请选择市或县（区）来添加下级区域。</translation>
    </message>
    <message>
        <source>“{name}” cannot be placed under “{parent}”.</source>
        <translation>“{name}”不能放在“{parent}”之下。</translation>
    </message>
    <message>
        <source>The city at the top of the ledger cannot be removed.</source>
        <translation>台账最上级的市不能删除。</translation>
    </message>
    <message>
        <source>“{name}” still holds {count} branches (such as {where}); move or delete them before removing it.</source>
        <translation>“{name}”下还有 {count} 个党支部（如{where}），请先移走或删除它们再删除该区域。</translation>
    </message>
    <message>
        <source>“{name}” still holds {count} townships; move or remove them first.</source>
        <translation>“{name}”下还有 {count} 个乡镇（街道），请先移走或删除。</translation>
    </message>
    <message>
        <source>“{name}” still has {count} units registered in it; they must be moved first.</source>
        <translation>“{name}”下还登记有 {count} 个单位，请先移走。</translation>
    </message>
    <message>
        <source>A pairing cannot start in the future ({date}).</source>
        <translation>结对开始日期不能晚于今天（{date}）。</translation>
    </message>
    <message>
        <source>A pairing cannot be ended in the future ({date}); end it on or after its last day.</source>
        <translation>结对结束日期不能晚于今天（{date}），请在最后一天当天或之后再结束。</translation>
    </message>
    <message>
        <source>“{name}” was established after {date}, so it cannot be paired from that day.</source>
        <translation>“{name}”成立于{date}之后，不能从该日起结对。</translation>
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
        <source>The check was cancelled.</source>
        <translation>检查已取消。</translation>
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
        <source>The attendance of the activity of {held_on} of pairing {pairing} does not add up: expected {expected}, present {present}, {named} absentees named, make-up session {make_up}.</source>
        <translation>结对“{pairing}”的{held_on}活动出勤情况对不上：应到 {expected} 人，实到 {present} 人，填写缺席人员 {named} 名，补课日期{make_up}。</translation>
    </message>
    <message>
        <source>The target “{target}” of the agreement of pairing {pairing} is due on {due_on}, before the agreement was signed ({signed_on}).</source>
        <translation>结对“{pairing}”的协议目标“{target}”完成时限为{due_on}，早于协议签订日期（{signed_on}）。</translation>
    </message>
    <message>
        <source>The agreement of pairing {pairing} has a date after today: {day} (today is {today}).</source>
        <translation>结对“{pairing}”的共建协议有晚于今天的日期：{day}（今天是{today}）。</translation>
    </message>
    <message>
        <source>Target {row} needs its text.</source>
        <translation>第 {row} 项目标未填写内容。</translation>
    </message>
    <message>
        <source>The number of the target “{target}” must be more than 0 (or left empty).</source>
        <translation>目标“{target}”的数值须大于 0（或不填）。</translation>
    </message>
    <message>
        <source>The target “{target}” is due on {due}, before the agreement was signed ({signed}).</source>
        <translation>目标“{target}”的完成时限{due}早于协议签订日期（{signed}）。</translation>
    </message>
    <message>
        <source>A target would be due before its agreement was signed; nothing was changed.</source>
        <translation>有目标的完成时限早于协议签订日期，未作任何更改。</translation>
    </message>
    <message>
        <source>The progress of the target “{target}” cannot be below 0.</source>
        <translation>目标“{target}”的进度不能小于 0。</translation>
    </message>
    <message>
        <source>The progress of the target “{target}” is dated {recorded}, after today ({today}).</source>
        <translation>目标“{target}”的进度日期{recorded}晚于今天（{today}）。</translation>
    </message>
    <message>
        <source>The agreement is signed on {signed}, after today ({today}).</source>
        <translation>协议签订日期{signed}晚于今天（{today}）。</translation>
    </message>
    <message>
        <source>“{phone}” is not a phone number.</source>
        <translation>“{phone}”不是有效的电话号码。</translation>
    </message>
    <message>
        <source>The pairing {pairing} has no agreement yet: enter it first (Pairing ▸ Agreement).</source>
        <translation>结对“{pairing}”还没有录入共建协议：请先录入（结对 ▸ 共建协议）。</translation>
    </message>
    <message>
        <source>{name} in {region}: its star rating of {year} ({stars} stars, rated on {rated_on}) is of a branch that is not a grassroots branch, given before the year began or dated after today ({today}).</source>
        <translation>{region}的{name}：{year}年度星级评定（{stars} 星，评定日期{rated_on}）有误：只评基层党支部，评定日期应不早于该年度开始、不晚于今天（{today}）。</translation>
    </message>
    <message>
        <source>The summary of {half_year} of {region} is dated {frozen_on}: before that half-year began or after today ({today}).</source>
        <translation>{region}{half_year}总结的冻结日期为{frozen_on}，早于该半年开始或晚于今天（{today}）。</translation>
    </message>
    <message>
        <source>The project {title} of pairing {pairing} names a need or resource that is not one of its own pairing's, or is no project.</source>
        <translation>结对“{pairing}”的项目“{title}”所对应的需求或资源不属于本结对，或该事项不是项目。</translation>
    </message>
    <message>
        <source>The item {title} of pairing {pairing} is dated {day}, after today ({today}).</source>
        <translation>结对“{pairing}”的清单事项“{title}”日期为{day}，晚于今天（{today}）。</translation>
    </message>
    <message>
        <source>The date {date} is in the future (today is {today}); record an activity once it is held.</source>
        <translation>日期{date}晚于今天（{today}）；活动开展后再登记。</translation>
    </message>
    <message>
        <source>Choose the pairing (or pairings) that held the activity.</source>
        <translation>请选择开展活动的结对（可多选）。</translation>
    </message>
    <message>
        <source>{date} is before the pairing {pairing} started ({started}).</source>
        <translation>{date}早于结对“{pairing}”的开始日期（{started}）。</translation>
    </message>
    <message>
        <source>{date} is after the pairing {pairing} ended ({ended}).</source>
        <translation>{date}晚于结对“{pairing}”的结束日期（{ended}）。</translation>
    </message>
    <message>
        <source>At least one Party-member volunteer takes part in an activity ({volunteers} given).</source>
        <translation>每次活动至少有 1 名党员志愿者参加（现填 {volunteers}）。</translation>
    </message>
    <message>
        <source>Tick at least one of the six areas the activity served.</source>
        <translation>请至少勾选一项六共领域。</translation>
    </message>
    <message>
        <source>Choose the key task this key-task activity served.</source>
        <translation>请选择本次活动服务的重点任务。</translation>
    </message>
    <message>
        <source>Enter the date the activity was held.</source>
        <translation>请填写活动日期。</translation>
    </message>
    <message>
        <source>Choose the type of activity.</source>
        <translation>请选择活动类型。</translation>
    </message>
    <message>
        <source>The key task “{task}” belongs to {half_year}; choose one of the activity's half-year.</source>
        <translation>重点任务“{task}”属于{half_year}，请选择活动所在半年的重点任务。</translation>
    </message>
    <message>
        <source>{date} is a working day. Routine activities are held on days off (weekend rule): give the reason for holding it on a working day, or choose another date.</source>
        <translation>{date}是工作日。常规活动原则上在休息日开展（周末原则）：请注明在工作日开展的原因，或改选日期。</translation>
    </message>
    <message>
        <source>Select the activities first.</source>
        <translation>请先选择活动。</translation>
    </message>
    <message>
        <source>Enter how many Party members were expected (at least 1; {expected} given).</source>
        <translation>请填写应到党员人数（至少 1 人，现填 {expected}）。</translation>
    </message>
    <message>
        <source>Present ({present}) cannot be more than expected ({expected}).</source>
        <translation>实到人数（{present}）不能多于应到人数（{expected}）。</translation>
    </message>
    <message>
        <source>Each absentee needs a name.</source>
        <translation>请填写每名缺席人员的姓名。</translation>
    </message>
    <message>
        <source>Give the reason {name} was absent.</source>
        <translation>请写明{name}的缺席原因。</translation>
    </message>
    <message>
        <source>{named} absentees are named, but expected minus present is {absent}: name every absentee, or check the numbers.</source>
        <translation>已填写 {named} 名缺席人员，但应到减实到为 {absent} 人：请填全缺席人员，或核对人数。</translation>
    </message>
    <message>
        <source>Nobody was absent, so there is no make-up session to record.</source>
        <translation>没有缺席人员，无需填写补课日期。</translation>
    </message>
    <message>
        <source>The make-up session ({date}) cannot be before the activity ({held}).</source>
        <translation>补课日期（{date}）不能早于活动日期（{held}）。</translation>
    </message>
    <message>
        <source>The change history was altered outside BranchDesk: entry {id} (of {at}) no longer matches the entries before it. The history from there on cannot be trusted.</source>
        <translation>变更记录曾在支部联建台账之外被改动：第 {id} 条（{at}）与此前的记录对不上，自此以后的记录不可信。</translation>
    </message>
    <message>
        <source>The change history was altered outside BranchDesk: {missing} entries before entry {id} were removed.</source>
        <translation>变更记录曾在支部联建台账之外被改动：第 {id} 条之前有 {missing} 条记录被删除。</translation>
    </message>
    <message>
        <source>Attendance needs both numbers, expected and present (or neither).</source>
        <translation>出勤情况须同时填写应到和实到人数（或都不填）。</translation>
    </message>
    <message>
        <source>A key task needs a name.</source>
        <translation>重点任务需要名称。</translation>
    </message>
    <message>
        <source>An item needs a title.</source>
        <translation>请填写事项名称。</translation>
    </message>
    <message>
        <source>An item's title has at most {limit} characters.</source>
        <translation>事项名称最多 {limit} 个字。</translation>
    </message>
    <message>
        <source>{day} is after today ({today}): an item is entered once raised, and ticked off once done.</source>
        <translation>{day}晚于今天（{today}）：事项提出后才能登记，完成后才能销号。</translation>
    </message>
    <message>
        <source>The due date {due} is before the item was raised ({opened}).</source>
        <translation>完成时限{due}早于提出日期（{opened}）。</translation>
    </message>
    <message>
        <source>A done item needs the date it was done.</source>
        <translation>销号须填写销号日期。</translation>
    </message>
    <message>
        <source>The item cannot be done ({done}) before it was raised ({opened}).</source>
        <translation>销号日期（{done}）不能早于提出日期（{opened}）。</translation>
    </message>
    <message>
        <source>Ticking an item off needs a note of what was done.</source>
        <translation>销号须填写完成情况。</translation>
    </message>
    <message>
        <source>Only a project names the need and the resource it matches.</source>
        <translation>只有项目才对应需求和资源。</translation>
    </message>
    <message>
        <source>A project matches a need and a resource of its own pairing; the {kind} chosen is not one.</source>
        <translation>项目只能对应本结对的需求和资源；所选的{kind}不符合。</translation>
    </message>
    <message>
        <source>An item is linked only to activities of its own pairing.</source>
        <translation>清单事项只能关联本结对的活动。</translation>
    </message>
    <message>
        <source>The projects {projects} name this item; change them first.</source>
        <translation>项目“{projects}”对应了此事项，请先修改这些项目。</translation>
    </message>
    <message>
        <source>{half_year} already has a key task “{name}”.</source>
        <translation>{half_year}已有重点任务“{name}”。</translation>
    </message>
    <message>
        <source>{target} already has every key task of {source} that is in use; nothing was copied.</source>
        <translation>{target} 已包含 {source} 在用的全部重点任务，未复制任何内容。</translation>
    </message>
    <message>
        <source>Line {line} cannot be read: “{text}”. Write a date or a range, then 休 or 班, then a name, e.g. 2027-02-06~2027-02-12 休 春节.</source>
        <translation>第 {line} 行无法识别：“{text}”。请写日期或日期段，再写“休”或“班”，再写名称，如 2027-02-06~2027-02-12 休 春节。</translation>
    </message>
    <message>
        <source>Line {line} is not in {year}: “{text}”.</source>
        <translation>第 {line} 行不在 {year} 年内：“{text}”。</translation>
    </message>
    <message>
        <source>{year} is not a year the calendar can hold.</source>
        <translation>{year} 不是有效的年份。</translation>
    </message>
    <message>
        <source>The formula {formula} has no saved result (the file was never calculated); open it in Excel or WPS, save it, and import it again.</source>
        <translation>公式 {formula} 没有保存计算结果（文件从未计算过）；请用 Excel 或 WPS 打开并保存后再导入。</translation>
    </message>
    <message>
        <source>“{value}” is neither 是 (yes) nor 否 (no).</source>
        <translation>“{value}”应填“是”或“否”。</translation>
    </message>
    <message>
        <source>“{value}” is not one of {choices}.</source>
        <translation>“{value}”不是以下之一：{choices}。</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>{path} is too large to be a ledger's workbook; it was not opened.</source>
        <translation>{path} 过大，不像台账工作簿，未打开。</translation>
    </message>
    <message>
        <source>{path} is built to expand enormously when opened (a zip or XML bomb); it was not opened.</source>
        <translation>{path} 打开时会急剧膨胀（压缩炸弹或 XML 炸弹），未打开。</translation>
    </message>
    <message>
        <source>{path} is damaged or not really a workbook; save it again from Excel or WPS.</source>
        <translation>{path} 已损坏或并非真正的工作簿；请用 Excel 或 WPS 重新保存。</translation>
    </message>
    <message>
        <source>{path} is not a workbook BranchDesk reads; save it as .xlsx, .xls or .csv.</source>
        <translation>{path} 不是本程序能读取的表格；请另存为 .xlsx、.xls 或 .csv。</translation>
    </message>
    <message>
        <source>{path} cannot be read as {encoding}.</source>
        <translation>无法按 {encoding} 编码读取 {path}。</translation>
    </message>
    <message>
        <source>{path} has none of the sheets {sheets}.</source>
        <translation>{path} 中没有以下任何工作表：{sheets}。</translation>
    </message>
    <message>
        <source>The sheet {sheet} has no column for: {columns}. Add the column or correct the mapping.</source>
        <translation>工作表 {sheet} 缺少以下列：{columns}。请补上该列或更正列对应关系。</translation>
    </message>
    <message>
        <source>This cell must be filled in.</source>
        <translation>此项必须填写。</translation>
    </message>
    <message>
        <source>{date} is in the future.</source>
        <translation>{date}晚于今天。</translation>
    </message>
    <message>
        <source>Nothing in the ledger or the file is named “{value}”.</source>
        <translation>台账和文件中都没有名为“{value}”的记录。</translation>
    </message>
    <message>
        <source>{count} records are named “{value}”; give the region or unit to tell them apart.</source>
        <translation>有 {count} 条记录名为“{value}”；请填写所属区域或单位以便区分。</translation>
    </message>
    <message>
        <source>“{value}” is not a branch of the kind needed here.</source>
        <translation>“{value}”不是此处所需类型的党支部。</translation>
    </message>
    <message>
        <source>Already in the ledger: “{name}”.</source>
        <translation>台账中已有：“{name}”。</translation>
    </message>
    <message>
        <source>{value} cannot hold this region (a county sits in a city, a township in a county).</source>
        <translation>{value}不能作为该区域的上级（县区属于市，乡镇属于县区）。</translation>
    </message>
    <message>
        <source>Another region has the code {value}.</source>
        <translation>区划代码 {value} 已被其他区域使用。</translation>
    </message>
    <message>
        <source>The branch cannot be archived before it was established.</source>
        <translation>归档日期不能早于成立日期。</translation>
    </message>
    <message>
        <source>The draw record in this cell is damaged.</source>
        <translation>此单元格中的抽签记录已损坏。</translation>
    </message>
    <message>
        <source>The pairing ends before it starts.</source>
        <translation>结对的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>An end reason needs an end date.</source>
        <translation>填写结束原因时须同时填写结束日期。</translation>
    </message>
    <message>
        <source>A pairing made by draw needs the draw's number (抽签编号) from the same ledger.</source>
        <translation>抽签产生的结对须填写同一台账中的抽签编号。</translation>
    </message>
    <message>
        <source>This branch had no pairing on {date}.</source>
        <translation>该党支部在{date}没有结对。</translation>
    </message>
    <message>
        <source>No pairing of “{name}” has an agreement yet (give the agreement on its sheet first).</source>
        <translation>“{name}”的结对还没有共建协议（请先在“结对共建协议”表中填写协议）。</translation>
    </message>
    <message>
        <source>{branch} had no work team on {day} (or several: give the team's number).</source>
        <translation>{branch}在{day}没有驻村工作队（或有不止一个：请填写工作队编号）。</translation>
    </message>
    <message>
        <source>{month} has {days} days, not {day}.</source>
        <translation>{month}只有 {days} 天，没有第 {day} 天。</translation>
    </message>
    <message>
        <source>The package {path} does not exist.</source>
        <translation>数据包 {path} 不存在。</translation>
    </message>
    <message>
        <source>The package {path} cannot be read: {reason}</source>
        <translation>无法读取数据包 {path}：{reason}</translation>
    </message>
    <message>
        <source>The package {path} cannot be written: {reason}</source>
        <translation>无法写入数据包 {path}：{reason}</translation>
    </message>
    <message>
        <source>The package {path} is incomplete or damaged (cut short in copying or sending?). Nothing was imported; ask the sender to send it again.</source>
        <translation>数据包 {path} 不完整或已损坏（可能在拷贝或发送时中断）。未导入任何内容，请对方重新发送。</translation>
    </message>
    <message>
        <source>{path} is not a BranchDesk data package. Nothing was imported.</source>
        <translation>{path} 不是支部联建台账的数据包，未导入任何内容。</translation>
    </message>
    <message>
        <source>The package {path} unpacks to far more data than a ledger holds, so it was not opened. Nothing was imported.</source>
        <translation>数据包 {path} 解压后的数据量远超台账应有的规模，未予打开，未导入任何内容。</translation>
    </message>
    <message>
        <source>The package is of format version {version}; this program reads version {supported}. Please update BranchDesk. Nothing was imported.</source>
        <translation>该数据包的格式版本为 {version}，本程序只能读取版本 {supported}。请升级本程序。未导入任何内容。</translation>
    </message>
    <message>
        <source>The package was made by a newer BranchDesk (ledger version {package_version}; this program reads up to version {app_version}). Please update BranchDesk. Nothing was imported.</source>
        <translation>该数据包由更新版本的支部联建台账生成（台账版本 {package_version}，本程序最高支持版本 {app_version}）。请升级本程序。未导入任何内容。</translation>
    </message>
    <message>
        <source>The package's list of contents is damaged or incomplete. Nothing was imported; ask the sender for a new package.</source>
        <translation>数据包的内容清单已损坏或不完整。未导入任何内容，请对方重新生成数据包。</translation>
    </message>
    <message>
        <source>The package's signature does not match its contents: it was changed after it was made. Nothing was imported; ask the sender for a new package.</source>
        <translation>数据包的签名与内容不符，生成后被改动过。未导入任何内容，请对方重新生成数据包。</translation>
    </message>
    <message>
        <source>The package is signed with the key {found}, but packages from this ledger so far came with the key {pinned}. It may come from a re-created ledger or be forged. Nothing was imported; check with the sender by phone.</source>
        <translation>该数据包的签名密钥为 {found}，而此前来自这本台账的数据包都使用密钥 {pinned}。它可能来自重新建立的台账，也可能是伪造的。未导入任何内容，请打电话与发送单位核实。</translation>
    </message>
    <message>
        <source>The package lacks its part {member}. Nothing was imported; ask the sender to send it again.</source>
        <translation>数据包缺少 {member} 部分。未导入任何内容，请对方重新发送。</translation>
    </message>
    <message>
        <source>The package holds {member}, which its list of contents does not name. Nothing was imported.</source>
        <translation>数据包中有内容清单未列出的 {member}，未导入任何内容。</translation>
    </message>
    <message>
        <source>The part {member} of the package is not what the package says it is (it was changed or damaged). Nothing was imported; ask the sender to send it again.</source>
        <translation>数据包中的 {member} 与清单记载不符（被改动或已损坏）。未导入任何内容，请对方重新发送。</translation>
    </message>
    <message>
        <source>A photo in the package ({member}) is not the picture the package says it is (it was changed or damaged). Nothing was imported and no photo was kept; ask the sender to send it again.</source>
        <translation>数据包中的一张活动照片（{member}）与清单记载不符（被改动或已损坏）。未导入任何内容，也未保存任何照片，请对方重新发送。</translation>
    </message>
    <message>
        <source>Line {line} of {member} in the package cannot be read. Nothing was imported.</source>
        <translation>数据包中 {member} 的第 {line} 行无法读取，未导入任何内容。</translation>
    </message>
    <message>
        <source>The package says it holds {declared} records of one kind ({table}) but holds {found}. Nothing was imported; ask the sender for a new package.</source>
        <translation>数据包声明含{table}记录 {declared} 条，实际为 {found} 条。未导入任何内容，请对方重新生成数据包。</translation>
    </message>
    <message>
        <source>Nothing has changed since the receiver last acknowledged this ledger's changes: there is nothing to send. A full package sends every record.</source>
        <translation>自上次对方确认收到以来，本台账没有新的改动，无需发送。如需发送全部记录，请改为导出全量数据包。</translation>
    </message>
    <message>
        <source>{path} is a receipt: it only says what an office received, and holds no records. A new ledger is made from a seed or full package. Ask the office above for one.</source>
        <translation>{path} 是回执：它只说明对方收到了什么，不含任何记录。新台账须由初始数据包或全量数据包建立，请向上级单位索取。</translation>
    </message>
    <message>
        <source>{path} holds changes only; a new ledger is made from a seed or full package. Ask the office above for one.</source>
        <translation>{path} 只含改动记录；新台账须由初始数据包或全量数据包建立，请向上级单位索取。</translation>
    </message>
    <message>
        <source>The package holds a record of {table} with a field this program does not know ({column}).</source>
        <translation>数据包中有一条{table}记录含本程序不认识的字段（{column}）。</translation>
    </message>
    <message>
        <source>A record of {table} in the package refers ({column}) to a record the package does not hold. Nothing was imported; ask the sender for a new package.</source>
        <translation>数据包中一条{table}记录引用（{column}）了数据包中没有的记录。未导入任何内容，请对方重新生成数据包。</translation>
    </message>
    <message>
        <source>{path} is a data package, not a receipt. Nothing was changed; import it as a package.</source>
        <translation>{path} 是数据包，不是回执。未作任何改动；请按数据包导入。</translation>
    </message>
    <message>
        <source>The receipt is signed with the key {fingerprint}, which this ledger has never trusted. Nothing was changed. Check the fingerprint with the receiving office by phone, then trust its key with a reason.</source>
        <translation>该回执由密钥 {fingerprint} 签名，本台账从未信任过这个密钥。未作任何改动。请先打电话与接收单位核对密钥指纹，再填写理由信任该密钥。</translation>
    </message>
    <message>
        <source>The receipt {path} was written by this ledger itself; send it to the office whose package it acknowledges. Nothing was changed.</source>
        <translation>回执 {path} 是本台账自己写出的，应交给发出该数据包的单位导入。未作任何改动。</translation>
    </message>
    <message>
        <source>The receipt {path} is for a package this ledger never sent (or not as it was sent). Nothing was changed.</source>
        <translation>回执 {path} 对应的数据包不是本台账发出的（或与发出时不符）。未作任何改动。</translation>
    </message>
    <message>
        <source>The package comes from a ledger (key {found}) that this ledger does not know, for {scope}, which the ledger with key {owner} speaks for. Nothing was imported. If {scope} made a new ledger (its file was lost or re-created), check the key by phone and accept the new ledger as its successor, with a reason.</source>
        <translation>该数据包来自本台账不认识的台账（密钥 {found}），声称代表{scope}，而该区域已由密钥为 {owner} 的台账代表。未导入任何内容。如果{scope}确实新建了台账（原文件丢失或重建），请先打电话核对密钥，再填写理由，确认新台账接替原台账。</translation>
    </message>
    <message>
        <source>Trusting a key needs a reason; it is kept with the key's history.</source>
        <translation>信任密钥须填写理由，理由随密钥记录保存。</translation>
    </message>
    <message>
        <source>This package was written by this ledger itself; there is no other key to trust.</source>
        <translation>该数据包是本台账自己写出的，没有需要信任的其他密钥。</translation>
    </message>
    <message>
        <source>The package {path} comes from {sender}, an office neither above nor below this ledger's. Nothing was imported; check that it was sent to the right office.</source>
        <translation>数据包 {path} 来自{sender}，既不是本台账单位的上级，也不是下级。未导入任何内容，请核实是否发错了单位。</translation>
    </message>
    <message>
        <source>The package {path} comes from {sender}, the office above, and holds the records of all its offices; this ledger keeps {mine}. Nothing was imported: the office above sends this ledger its records in a seed package of {mine}.</source>
        <translation>数据包 {path} 来自上级单位{sender}，含其所有下级单位的记录，而本台账记的是{mine}。未导入任何内容：上级单位应为{mine}导出初始数据包发给本台账。</translation>
    </message>
    <message>
        <source>The package {path} is the seed of {scope}, and this ledger keeps {mine}. Nothing was imported: a seed goes into the ledger of its own region, or a new ledger is made from it.</source>
        <translation>数据包 {path} 是{scope}的初始数据包，而本台账记的是{mine}。未导入任何内容：初始数据包只能导入它所属区域的台账，或用它新建一本台账。</translation>
    </message>
    <message>
        <source>The package {path} holds the changes of {sender}, whose records this ledger does not have yet. Nothing was imported; import {sender}'s full package first (it sends one once: all its records), then its monthly packages.</source>
        <translation>数据包 {path} 是{sender}的改动记录，而本台账还没有该单位的记录。未导入任何内容：请先导入{sender}的全量数据包（对方只需发送一次，含全部记录），再导入它每月的数据包。</translation>
    </message>
    <message>
        <source>Changes from {sender} are missing before the package {path}: this ledger has its changes up to number {last}, the package starts at number {first}. The package was not imported; ask {sender} for a new package.</source>
        <translation>数据包 {path} 之前缺少{sender}的部分改动：本台账已有其第 {last} 项及以前的改动，而该数据包从第 {first} 项开始。该数据包未导入，请向{sender}重新索要数据包。</translation>
    </message>
    <message>
        <source>{count} records were changed both here and in the packages, differently. Nothing was imported; choose whose version to keep.</source>
        <translation>有 {count} 条记录在本台账和数据包中都被改动过，且改法不同。未导入任何内容，请选定保留哪一方的版本。</translation>
    </message>
    <message>
        <source>The ledger's signing key cannot be saved to {path}: {reason}</source>
        <translation>无法将台账的签名密钥保存到 {path}：{reason}</translation>
    </message>
    <message>
        <source>The ledger's signing key {path} cannot be read: {reason}</source>
        <translation>无法读取台账的签名密钥 {path}：{reason}</translation>
    </message>
    <message>
        <source>No pairing is named “{query}”: give a branch's name or the pairing's uuid (as exports write it).</source>
        <translation>没有名为“{query}”的结对：请填写任一方党支部的名称，或结对的唯一编号（导出表格的“唯一编号”列）。</translation>
    </message>
    <message>
        <source>“{query}” names several pairings: {candidates}. Give the pairing's uuid.</source>
        <translation>“{query}”对应多个结对：{candidates}。请填写结对的唯一编号。</translation>
    </message>
    <message>
        <source>The first month {first} is after the last month {last}.</source>
        <translation>起始月份{first}晚于截止月份{last}。</translation>
    </message>
    <message>
        <source>The pairing was not active between {first} and {last}; choose other months.</source>
        <translation>该结对在{first}至{last}期间不在结对期内，请另选月份。</translation>
    </message>
    <message>
        <source>The Word template {path} cannot be read: {reason}. No document was written.</source>
        <translation>无法读取 Word 模板 {path}：{reason}。未生成文档。</translation>
    </message>
    <message>
        <source>The Word template {path} is not a Word document (.docx). No document was written.</source>
        <translation>Word 模板 {path} 不是Word文档（.docx）。未生成文档。</translation>
    </message>
    <message>
        <source>The Word template {path} has a malformed field ({reason}). No document was written.</source>
        <translation>Word 模板 {path} 中有字段格式错误（{reason}）。未生成文档。</translation>
    </message>
    <message>
        <source>The Word template {path} lacks the field “{field}”, without which it is no ledger. No document was written.</source>
        <translation>Word 模板 {path} 缺少字段“{field}”，缺了它无法生成台账。未生成文档。</translation>
    </message>
    <message>
        <source>The Word template {path} uses the field “{field}”, which BranchDesk does not fill. No document was written; correct the field's name (docs/word-ledger.md lists them).</source>
        <translation>Word 模板 {path} 使用了字段“{field}”，本软件不提供该字段。未生成文档；请改正字段名（字段清单见 docs/word-ledger.md）。</translation>
    </message>
    <message>
        <source>The ledger's signing key {path} is damaged or belongs to another ledger. It was left as it is; restore it from a copy of the data folder.</source>
        <translation>台账的签名密钥 {path} 已损坏或属于另一本台账。该文件未作改动，请从数据文件夹的备份中恢复。</translation>
    </message>
    <message>
        <source>The photo {path} does not exist.</source>
        <translation>照片 {path} 不存在。</translation>
    </message>
    <message>
        <source>The photo {path} cannot be read: {reason}</source>
        <translation>无法读取照片 {path}：{reason}</translation>
    </message>
    <message>
        <source>{name} is not a photo that BranchDesk can read (JPEG or PNG). It was not added.</source>
        <translation>“{name}”不是本程序能读取的照片（仅支持 JPEG 或 PNG），未添加。</translation>
    </message>
    <message>
        <source>{name} is an HEIC photo (an iPhone's own format), which BranchDesk cannot read. Send it as JPEG (in WeChat, tick “original”), or set the iPhone's camera to “Most Compatible”. It was not added.</source>
        <translation>“{name}”是 HEIC 格式照片（苹果手机自带格式），本程序无法读取，未添加。请改用 JPEG：微信发送时勾选“原图”，或在苹果手机“设置 › 相机 › 格式”中选“兼容性最佳”。</translation>
    </message>
    <message>
        <source>{name} is {megabytes} MB; a photo may be at most {limit} MB. Choose a smaller copy. It was not added.</source>
        <translation>“{name}”有 {megabytes} MB，照片最大 {limit} MB。请选用较小的照片，未添加。</translation>
    </message>
    <message>
        <source>{name} has more than {limit} million pixels (a panorama or a scan?), more than a photo needs. Choose a smaller copy. It was not added.</source>
        <translation>“{name}”超过 {limit} 百万像素（是全景图或扫描件吗？），超出活动照片所需。请选用较小的照片，未添加。</translation>
    </message>
    <message>
        <source>{name} is damaged or incomplete (was it copied whole?). It was not added.</source>
        <translation>“{name}”已损坏或不完整（是否没有拷贝完整？），未添加。</translation>
    </message>
    <message>
        <source>The photo folder {path} is read-only (a locked USB stick?), so no photo can be added. Copy the ledger and its photo folder to the computer, or unlock the stick. The ledger was not changed.</source>
        <translation>照片文件夹 {path} 是只读的（U 盘是否开了写保护？），无法添加照片。请把台账和照片文件夹一起复制到电脑上，或解除 U 盘写保护。台账未作任何改动。</translation>
    </message>
    <message>
        <source>The photo folder {path} cannot be written: {reason}. The ledger was not changed.</source>
        <translation>无法写入照片文件夹 {path}：{reason}。台账未作任何改动。</translation>
    </message>
    <message>
        <source>A photo to be saved is not in this ledger ({sha256}); add it again.</source>
        <translation>要保存的照片不在本台账中（{sha256}），请重新添加。</translation>
    </message>
    <message>
        <source>Photos belong to one activity: record them for one pairing at a time.</source>
        <translation>照片只能属于一项活动：请逐个结对登记照片。</translation>
    </message>
    <message>
        <source>List items belong to one pairing: link them to an activity recorded for one pairing.</source>
        <translation>清单事项属于一个结对：只能关联到为单个结对登记的活动。</translation>
    </message>
    <message>
        <source>“{text}” is no day mark: type P, L, B or A (在, 假, 公, 缺), and after a leave its reason.</source>
        <translation>“{text}”不是出勤标记：请填 在、假、公、缺（或 P、L、B、A），请假可在后面写原因。</translation>
    </message>
    <message>
        <source>The days of {month} must be {days} days long.</source>
        <translation>{month}的出勤应按当月天数（{days}天）填写。</translation>
    </message>
    <message>
        <source>{name} serves from {from_on} to {to_on}: {day} is outside that, no day may be entered for it.</source>
        <translation>{name}的驻村时间为{from_on}至{to_on}，{day}不在其中，不能登记出勤。</translation>
    </message>
    <message>
        <source>{name}, day {day}: a reason is given only for a day of leave.</source>
        <translation>{name}：{day}日不是请假，不能填写请假原因。</translation>
    </message>
    <message>
        <source>Enter the member's name.</source>
        <translation>请填写队员姓名。</translation>
    </message>
    <message>
        <source>“{phone}” is no phone number: a member is known by a mobile or landline number.</source>
        <translation>“{phone}”不是有效的电话号码：队员以手机或固定电话号码区分，请填写。</translation>
    </message>
    <message>
        <source>The end {to_on} is before the start {from_on}.</source>
        <translation>结束日期{to_on}早于开始日期{from_on}。</translation>
    </message>
    <message>
        <source>{day} has not come yet: enter a team or member from the day they start.</source>
        <translation>{day}尚未到来：工作队和队员请在到岗之日起登记。</translation>
    </message>
    <message>
        <source>{name} must serve within the team's dates ({team_from} to {team_to}).</source>
        <translation>{name}的驻村时间须在工作队的起止时间（{team_from}至{team_to}）之内。</translation>
    </message>
    <message>
        <source>The pasted cells are {columns} columns wide, but from day {day} the month has only {days_left} days left. Nothing was pasted: copy the days only, without names or headers.</source>
        <translation>粘贴的内容有 {columns} 列，但从 {day} 日起本月只剩 {days_left} 天，未粘贴任何内容。请只复制出勤日的格子，不要带姓名和表头。</translation>
    </message>
    <message>
        <source>Select the cell of the first day to paste into, then paste.</source>
        <translation>请先选中要粘贴的第一天所在的格子，再粘贴。</translation>
    </message>
    <message>
        <source>{path} has no column of phone numbers (电话): the members are found by their numbers. Nothing was imported.</source>
        <translation>{path} 没有电话号码列（电话）：队员按电话号码查找。未导入任何内容。</translation>
    </message>
    <message>
        <source>The sheet's day columns are not those of {month}: it has {found} day columns, the month has {days} days. Nothing was imported.</source>
        <translation>表格的日期列与{month}不符：表中有 {found} 个日期列，当月有 {days} 天。未导入任何内容。</translation>
    </message>
    <message>
        <source>Row {row}, day {day}: “{text}” is no day mark (在, 假, 公, 缺 or P, L, B, A). Nothing was imported.</source>
        <translation>第 {row} 行、{day} 日：“{text}”不是出勤标记（在、假、公、缺 或 P、L、B、A），未导入任何内容。</translation>
    </message>
    <message>
        <source>The pasted cells are {rows} rows high, but only {rows_left} members are listed from here. Nothing was pasted.</source>
        <translation>粘贴的内容有 {rows} 行，但从这里往下只有 {rows_left} 名队员，未粘贴任何内容。</translation>
    </message>
    <message>
        <source>Row {row} of the pasted cells, day {day}: “{text}” is no day mark (在, 假, 公, 缺 or P, L, B, A). Nothing was pasted.</source>
        <translation>粘贴内容第 {row} 行、{day} 日：“{text}”不是出勤标记（在、假、公、缺 或 P、L、B、A），未粘贴任何内容。</translation>
    </message>
    <message>
        <source>{phone} on {day} is entered twice (rows {first} and {second}); nothing was imported.</source>
        <translation>{phone} 在{day}的出勤登记了两次（第 {first} 行和第 {second} 行），未导入任何内容。</translation>
    </message>
    <message>
        <source>This member's month is entered twice; nothing was saved.</source>
        <translation>该队员本月的出勤重复登记，未保存。</translation>
    </message>
    <message>
        <source>The rule must be between 1 and {most} days a month, not {days}.</source>
        <translation>驻村天数要求应在每月 1 至 {most} 天之间，不能是 {days}。</translation>
    </message>
    <message>
        <source>A work team is sent to a village, community or grid branch, not to an organ branch.</source>
        <translation>驻村工作队派驻到村、社区或网格党支部，不能派驻到机关党支部。</translation>
    </message>
    <message>
        <source>{branch} already has a work team: end it before sending another.</source>
        <translation>{branch}已有驻村工作队，请先结束原工作队再派驻新的。</translation>
    </message>
    <message>
        <source>This branch already has a work team; nothing was saved.</source>
        <translation>该支部已有驻村工作队，未保存。</translation>
    </message>
    <message>
        <source>{name} ({phone}) already serves on the work team of {branch} from {from_on} to {to_on}: one person serves on one team at a time.</source>
        <translation>{name}（{phone}）{from_on}至{to_on}已在{branch}驻村工作队，同一时间只能在一个工作队。</translation>
    </message>
    <message>
        <source>This person already serves on another work team at that time; nothing was saved.</source>
        <translation>此人在这段时间已在其他驻村工作队，未保存。</translation>
    </message>
    <message>
        <source>No work team member with the number {phone} serves on {day}; nothing was imported.</source>
        <translation>{day}没有电话为 {phone} 的驻村队员在岗，未导入任何内容。</translation>
    </message>
    <message>
        <source>The work team of {branch} (from {started_on}) is sent to a branch that is no village, community or grid.</source>
        <translation>{branch}的驻村工作队（{started_on}起）派驻的不是村、社区或网格党支部。</translation>
    </message>
    <message>
        <source>{name} ({phone}) serves on two work teams at the same time: {branch} ({span}) and {other} ({other_span}).</source>
        <translation>{name}（{phone}）同时在两个驻村工作队：{branch}（{span}）和{other}（{other_span}）。</translation>
    </message>
    <message>
        <source>{name} of the work team of {branch} serves {span}, outside the team's dates {team_span}.</source>
        <translation>{branch}驻村工作队的{name}驻村时间为{span}，超出工作队的起止时间{team_span}。</translation>
    </message>
    <message>
        <source>{name} has days entered in {month} outside their service {span}.</source>
        <translation>{name}在{month}登记的出勤超出其驻村时间{span}。</translation>
    </message>
    <message>
        <source>region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>branch</source>
        <translation>党支部</translation>
    </message>
    <message>
        <source>draw</source>
        <translation>抽签</translation>
    </message>
    <message>
        <source>key task</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <source>pairing</source>
        <translation>结对</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>activity's area</source>
        <translation>活动领域</translation>
    </message>
    <message>
        <source>absentee</source>
        <translation>缺席人员</translation>
    </message>
    <message>
        <source>activity photo</source>
        <translation>活动照片</translation>
    </message>
    <message>
        <source>pairing agreement</source>
        <translation>结对共建协议</translation>
    </message>
    <message>
        <source>agreement target</source>
        <translation>协议目标</translation>
    </message>
    <message>
        <source>target progress</source>
        <translation>目标进度</translation>
    </message>
    <message>
        <source>star rating</source>
        <translation>星级评定</translation>
    </message>
    <message>
        <source>No work team member with the number {phone} serves in {month} (or more than one does: give the member's number).</source>
        <translation>{month}没有电话为 {phone} 的驻村工作队队员在岗（或不止一人：请填写队员编号）。</translation>
    </message>
    <message>
        <source>half-year summary</source>
        <translation>半年总结</translation>
    </message>
    <message>
        <source>work team</source>
        <translation>驻村工作队</translation>
    </message>
    <message>
        <source>work team member</source>
        <translation>驻村队员</translation>
    </message>
    <message>
        <source>member's month of days</source>
        <translation>队员月度出勤</translation>
    </message>
    <message>
        <source>photo thumbnail</source>
        <translation>照片缩略图</translation>
    </message>
    <message>
        <source>photo file</source>
        <translation>照片原图</translation>
    </message>
    <message>
        <source>list item</source>
        <translation>清单事项</translation>
    </message>
    <message>
        <source>list item's activity</source>
        <translation>清单事项关联活动</translation>
    </message>
    <message>
        <source>package</source>
        <translation>数据包</translation>
    </message>
    <message>
        <source>list item's photo</source>
        <translation>清单事项销号照片</translation>
    </message>
    <message>
        <source>“{subject}”: {problem}</source>
        <translation>“{subject}”：{problem}</translation>
    </message>
</context>
<context>
    <name>MonthLineEdit</name>
    <message>
        <source>e.g. 2023-06</source>
        <translation>如 2023年6月</translation>
    </message>
    <message>
        <source>Enter a month, e.g. 2023-06.</source>
        <translation>请填写月份，如 2023年6月。</translation>
    </message>
</context>
<context>
    <name>MonthLocksDialog</name>
    <message>
        <source>Locked months</source>
        <translation>锁定月份</translation>
    </message>
    <message>
        <source>Lock a month once its figures have been reported upward: no change into it is written afterwards — typed, imported or from a package — until it is unlocked with a reason.</source>
        <translation>某月数据上报后即可锁定：此后无论手工录入、表格导入还是数据包，凡改动该月的内容一律不予保存，直至填写理由解锁。</translation>
    </message>
    <message>
        <source>for {region} and the regions below it</source>
        <translation>范围：{region}及其下属区域</translation>
    </message>
    <message>
        <source>for the whole ledger</source>
        <translation>范围：整个台账</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Why the month is opened again (kept in the history)</source>
        <translation>为何重新开放该月（记入操作历史）</translation>
    </message>
    <message>
        <source>&amp;Unlock the selected month</source>
        <translation>解锁所选月份(&amp;U)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>锁定中</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Locked on</source>
        <translation>锁定日期</translation>
    </message>
    <message>
        <source>Unlocked on</source>
        <translation>解锁日期</translation>
    </message>
</context>
<context>
    <name>MoveRegionDialog</name>
    <message>
        <source>Move region</source>
        <translation>移动区域</translation>
    </message>
    <message>
        <source>Move “{region}” and its branches to:</source>
        <translation>将“{region}”及其党支部移到：</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县（区）</translation>
    </message>
</context>
<context>
    <name>NewHalfYearDialog</name>
    <message>
        <source>New half-year</source>
        <translation>开启新半年</translation>
    </message>
    <message>
        <source>A key task to add, e.g. 秋冬季森林防火</source>
        <translation>要添加的重点任务，如 秋冬季森林防火</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Drop</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>保存为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Save as &amp;Word draft…</source>
        <translation>保存为 Word 初稿(&amp;W)…</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Half-year closing</source>
        <translation>结束的半年</translation>
    </message>
    <message>
        <source>&amp;Freeze and start {half}</source>
        <translation>冻结并开启{half}(&amp;F)</translation>
    </message>
    <message>
        <source>Key tasks of {next} (from the list of {closing}: edit with F2, drop or add):</source>
        <translation>{next}重点任务（沿用{closing}的清单，可按 F2 修改、删除或添加）：</translation>
    </message>
    <message>
        <source>Counting the figures of {half}…</source>
        <translation>正在统计{half}的数据…</translation>
    </message>
    <message>
        <source>As of {date}: grassroots coverage {coverage}; themed Party day compliance over the half-year {compliance}; {activities} activities, {themed} themed Party days, {volunteers} volunteer person-times.</source>
        <translation>截至{date}：基层党支部结对覆盖率 {coverage}；半年主题党日落实率 {compliance}；开展活动 {activities} 次，其中主题党日 {themed} 次，党员志愿者 {volunteers} 人次。</translation>
    </message>
    <message>
        <source>Frozen on {date}</source>
        <translation>已于{date}冻结</translation>
    </message>
    <message>
        <source>Not frozen yet: the summary shows the ledger as it is now</source>
        <translation>尚未冻结：下列数字为台账当前的数据</translation>
    </message>
    <message>
        <source>Freezing the figures of {half}…</source>
        <translation>正在冻结{half}的数据…</translation>
    </message>
</context>
<context>
    <name>NewLedgerDialog</name>
    <message>
        <source>New ledger — {file}</source>
        <translation>新建台账 — {file}</translation>
    </message>
    <message>
        <source>Which regions does this ledger keep? A township office enters its county and its township; a county office its county and its townships; a city office the city alone. More can be added later in the region tree.</source>
        <translation>这本台账记哪里的支部？乡镇填所在县（区）和本乡镇，县（区）填本县（区）和下属乡镇，市直只填市。以后还可以在左侧区域树里添加。</translation>
    </message>
    <message>
        <source>e.g. 潢川县 (empty for a city ledger)</source>
        <translation>如 潢川县（市级台账不填）</translation>
    </message>
    <message>
        <source>for example:
城关镇 411526100
春申街道</source>
        <translation>例如：
城关镇 411526100
春申街道</translation>
    </message>
    <message>
        <source>&amp;City</source>
        <translation>市(&amp;S)</translation>
    </message>
    <message>
        <source>C&amp;ounty or district</source>
        <translation>县（区）(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Townships</source>
        <translation>乡镇（街道）(&amp;Z)</translation>
    </message>
    <message>
        <source>One a line; an official code may follow the name. Two columns pasted from Excel work too.</source>
        <translation>每行一个，名称后可空一格加区划代码；也可以从 Excel 复制两列粘贴进来。</translation>
    </message>
    <message>
        <source>Create ledger</source>
        <translation>新建台账</translation>
    </message>
    <message>
        <source>Official code</source>
        <translation>区划代码</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可不填</translation>
    </message>
    <message>
        <source>The ledger will hold: {chain}</source>
        <translation>将建立：{chain}</translation>
    </message>
</context>
<context>
    <name>OfficeReport</name>
    <message>
        <source>seed package</source>
        <translation>初始数据包</translation>
    </message>
    <message>
        <source>changes package</source>
        <translation>增量数据包</translation>
    </message>
    <message>
        <source>full package</source>
        <translation>全量数据包</translation>
    </message>
    <message>
        <source>receipt</source>
        <translation>回执</translation>
    </message>
    <message>
        <source>{date}: new key {fingerprint} of {scope} replaced {old}</source>
        <translation>{date}：{scope}的新密钥 {fingerprint} 取代 {old}</translation>
    </message>
    <message>
        <source>{date}: ledger {fingerprint} accepted for {scope} in place of {old}</source>
        <translation>{date}：确认密钥为 {fingerprint} 的台账接替 {old}，代表{scope}</translation>
    </message>
    <message>
        <source>{date}: key {fingerprint} of {scope} trusted</source>
        <translation>{date}：信任{scope}的密钥 {fingerprint}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{date}, {kind}, key {fingerprint}, complete to {complete_to}</source>
        <translation>{date}，{kind}，密钥 {fingerprint}，数据截至{complete_to}</translation>
    </message>
    <message>
        <source>This ledger: {scope}, key fingerprint {fingerprint}</source>
        <translation>本台账：{scope}，密钥指纹 {fingerprint}</translation>
    </message>
    <message>
        <source>Changes recorded up to no. {last}; the office above has acknowledged up to no. {acknowledged}</source>
        <translation>本台账变更记录到第 {last} 条；上级已确认到第 {acknowledged} 条</translation>
    </message>
    <message>
        <source>Changes recorded up to no. {last}; the office above has acknowledged none yet</source>
        <translation>本台账变更记录到第 {last} 条；上级尚未确认任何改动</translation>
    </message>
    <message>
        <source>Last package sent: {package}</source>
        <translation>上次发出的数据包：{package}</translation>
    </message>
    <message>
        <source>Last receipt received: {package}</source>
        <translation>上次收到的回执：{package}</translation>
    </message>
    <message>
        <source>Last package received: {package}</source>
        <translation>上次收到的数据包：{package}</translation>
    </message>
    <message>
        <source>Offices below ({month}; stale: no package for more than {days} days):</source>
        <translation>下级单位（{month}；超过 {days} 天未收到数据包即为逾期）：</translation>
    </message>
    <message>
        <source>{name}: coverage {coverage}, optimisation {optimisation}, themed Party days {compliance}, {activities} activities; last package: {package}</source>
        <translation>{name}：覆盖率 {coverage}，优化率 {optimisation}，主题党日落实率 {compliance}，活动 {activities} 次；上次数据包：{package}</translation>
    </message>
    <message>
        <source> — STALE</source>
        <translation> — 逾期未报</translation>
    </message>
    <message>
        <source> — it arrived after this computer's today: check the computer's date</source>
        <translation> — 晚于本机今天到达，请核对电脑日期</translation>
    </message>
    <message>
        <source>Trusted keys:</source>
        <translation>已信任的密钥：</translation>
    </message>
    <message>
        <source>Trusted keys: none yet</source>
        <translation>已信任的密钥：暂无</translation>
    </message>
    <message>
        <source>{fingerprint}: {scope}, since {date}</source>
        <translation>{fingerprint}：{scope}，自{date}起</translation>
    </message>
    <message>
        <source> (replaced by a successor ledger)</source>
        <translation>（已由接替台账取代）</translation>
    </message>
    <message>
        <source> — by {who}, because: {reason}</source>
        <translation> — 操作人 {who}，理由：{reason}</translation>
    </message>
    <message>
        <source>Locked: {month}, {region}</source>
        <translation>已锁定：{month}，{region}</translation>
    </message>
</context>
<context>
    <name>OfficesDialog</name>
    <message>
        <source>Offices and keys</source>
        <translation>下级单位与密钥</translation>
    </message>
    <message>
        <source>Reading the ledger…</source>
        <translation>正在读取台账…</translation>
    </message>
    <message>
        <source>e.g. 城关镇 re-made its ledger after the old computer broke</source>
        <translation>例如：城关镇旧电脑损坏，重新建立了台账</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Trust the key of a package…</source>
        <translation>信任某个数据包的密钥(&amp;T)…</translation>
    </message>
    <message>
        <source>A package signed with a key this ledger does not trust is refused. If an office re-made its ledger or moved it to another computer, check its key fingerprint by phone, then trust the key its package carries, saying why; the decision is kept with the keys' history.</source>
        <translation>用本台账不信任的密钥签名的数据包会被拒收。如果某单位重新建立了台账或换了电脑，请先打电话核对其密钥指纹，再填写原因、信任其数据包所带的密钥；这一决定会记入密钥历史。</translation>
    </message>
    <message>
        <source>Keys accepted by a person's decision:</source>
        <translation>经人工决定接受的密钥：</translation>
    </message>
    <message>
        <source>Offices &amp;below</source>
        <translation>下级单位(&amp;B)</translation>
    </message>
    <message>
        <source>Trusted &amp;keys</source>
        <translation>受信任的密钥(&amp;K)</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Trusted since</source>
        <translation>信任起始日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>决定人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>This ledger has no offices below it.</source>
        <translation>本台账没有下级单位。</translation>
    </message>
    <message>
        <source>Figures of {month}. </source>
        <translation>{month}的指标。</translation>
    </message>
    <message>
        <source>{count} offices sent no package for more than {days} days: they are marked red.</source>
        <translation>有 {count} 个单位超过 {days} 天未报送数据包，已用红色标出。</translation>
    </message>
    <message>
        <source>Every office sent a package within {days} days.</source>
        <translation>各单位都在 {days} 天内报送了数据包。</translation>
    </message>
    <message>
        <source> The last package of {count} offices arrived after this computer's today: check the computer's date and time.</source>
        <translation>有 {count} 个单位的最近数据包晚于本机今天到达，请核对电脑的日期和时间。</translation>
    </message>
    <message>
        <source>Coverage (grassroots branches)</source>
        <translation>基层党支部结对覆盖率</translation>
    </message>
    <message>
        <source>Coverage (organ branches)</source>
        <translation>机关党支部结对覆盖率</translation>
    </message>
    <message>
        <source>Optimisation rate</source>
        <translation>优化率</translation>
    </message>
    <message>
        <source>Themed Party day compliance</source>
        <translation>主题党日落实率</translation>
    </message>
    <message>
        <source>Last package</source>
        <translation>最近数据包</translation>
    </message>
    <message>
        <source>Its key</source>
        <translation>其密钥指纹</translation>
    </message>
    <message>
        <source>Activities in the month</source>
        <translation>当月活动</translation>
    </message>
    <message>
        <source>Complete to</source>
        <translation>数据完整至</translation>
    </message>
    <message>
        <source>Days since</source>
        <translation>距今</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <source>never sent one</source>
        <translation>从未报送</translation>
    </message>
    <message>
        <source>arrived after today: check the computer's date</source>
        <translation>晚于今天，请核对电脑日期</translation>
    </message>
    <message>
        <source>{count} days</source>
        <translation>{count} 天</translation>
    </message>
    <message>
        <source>{days} — stale</source>
        <translation>{days}（超期）</translation>
    </message>
    <message>
        <source>Replaced by a successor ledger</source>
        <translation>已由接替的台账取代</translation>
    </message>
    <message>
        <source>Trusted</source>
        <translation>受信任</translation>
    </message>
    <message>
        <source>Trusting the key…</source>
        <translation>正在信任密钥…</translation>
    </message>
    <message>
        <source>The key {fingerprint} of {office} was trusted already.</source>
        <translation>{office}的密钥 {fingerprint} 此前已受信任。</translation>
    </message>
    <message>
        <source>The key {fingerprint} of {office} is trusted now; its packages can be received.</source>
        <translation>{office}的密钥 {fingerprint} 现已受信任，可以接收其数据包。</translation>
    </message>
</context>
<context>
    <name>PackageActions</name>
    <message>
        <source>Sen&amp;d package…</source>
        <translation>发送数据包(&amp;D)…</translation>
    </message>
    <message>
        <source>Re&amp;ceive packages…</source>
        <translation>接收数据包(&amp;C)…</translation>
    </message>
    <message>
        <source>New ledger from a &amp;package…</source>
        <translation>用数据包新建台账(&amp;P)…</translation>
    </message>
    <message>
        <source>Make this office's ledger from the seed package the office above sent</source>
        <translation>用上级单位发来的初始数据包建立本单位的台账</translation>
    </message>
    <message>
        <source>&amp;Offices and keys…</source>
        <translation>下级单位与密钥(&amp;O)…</translation>
    </message>
    <message>
        <source>The offices below: their figures, last packages and keys; the keys this ledger trusts</source>
        <translation>下级单位的指标、最近报送的数据包和密钥；本台账信任的密钥</translation>
    </message>
    <message>
        <source>Locked &amp;months…</source>
        <translation>锁定月份(&amp;M)…</translation>
    </message>
    <message>
        <source>Lock a month reported upward; unlock one with a reason</source>
        <translation>锁定已上报的月份；解锁须填写理由</translation>
    </message>
    <message>
        <source>Check and import the data packages of the offices below</source>
        <translation>检查并导入下级单位报送的数据包</translation>
    </message>
    <message>
        <source>Write a data package for the office above, or a seed for one below</source>
        <translation>为上级单位写出数据包，或为下级单位写出初始数据包</translation>
    </message>
    <message>
        <source>Making the ledger from the package…</source>
        <translation>正在用数据包建立台账…</translation>
    </message>
    <message>
        <source>New ledger from a package</source>
        <translation>用数据包新建台账</translation>
    </message>
    <message>
        <source>{file} was made from the package of {office}: {count} records.
Check the key fingerprint with {office} on the phone: {fingerprint}</source>
        <translation>已用{office}的数据包建立 {file}：共 {count} 条记录。
请与{office}电话核对密钥指纹：{fingerprint}</translation>
    </message>
</context>
<context>
    <name>PackageWords</name>
    <message>
        <source>Regions</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>党支部</translation>
    </message>
    <message>
        <source>Draws</source>
        <translation>抽签</translation>
    </message>
    <message>
        <source>Key tasks</source>
        <translation>重点任务</translation>
    </message>
    <message>
        <source>Pairings</source>
        <translation>结对</translation>
    </message>
    <message>
        <source>Activity areas</source>
        <translation>活动领域</translation>
    </message>
    <message>
        <source>Pairing agreements</source>
        <translation>结对共建协议</translation>
    </message>
    <message>
        <source>Agreement targets</source>
        <translation>协议目标</translation>
    </message>
    <message>
        <source>Target progress</source>
        <translation>目标进度</translation>
    </message>
    <message>
        <source>Star ratings</source>
        <translation>星级评定</translation>
    </message>
    <message>
        <source>List items</source>
        <translation>清单事项</translation>
    </message>
    <message>
        <source>List items' activities</source>
        <translation>清单事项关联活动</translation>
    </message>
    <message>
        <source>Work teams</source>
        <translation>驻村工作队</translation>
    </message>
    <message>
        <source>Work team members</source>
        <translation>驻村队员</translation>
    </message>
    <message>
        <source>Members' months of days</source>
        <translation>队员月度出勤</translation>
    </message>
    <message>
        <source>Half-year summaries</source>
        <translation>半年总结</translation>
    </message>
    <message>
        <source>{kind} {count}</source>
        <translation>{kind} {count} 条</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>Imported before</source>
        <translation>此前已导入</translation>
    </message>
    <message>
        <source>Activity records</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Absentees</source>
        <translation>缺席人员及原因</translation>
    </message>
    <message>
        <source>Activity photos</source>
        <translation>活动照片</translation>
    </message>
    <message>
        <source>Photos of ticked-off list items</source>
        <translation>清单事项销号照片</translation>
    </message>
    <message>
        <source>Photo thumbnails</source>
        <translation>照片缩略图</translation>
    </message>
    <message>
        <source>Photo files</source>
        <translation>照片原图</translation>
    </message>
    <message>
        <source>Merged with this ledger's</source>
        <translation>已合并</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>Not the sender's to change: it belongs to another office</source>
        <translation>不属发送单位管辖，归其他单位</translation>
    </message>
    <message>
        <source>Refers to a record neither this ledger nor the package holds</source>
        <translation>引用了本台账和数据包中都没有的记录</translation>
    </message>
    <message>
        <source>In a month this ledger has locked: unlock the month first</source>
        <translation>所在月份已在本台账锁定：请先解锁该月</translation>
    </message>
    <message>
        <source>Breaks a rule of the ledger: the same record is here under another entry, a member would be on two teams at once, or a target is due before its agreement was signed</source>
        <translation>违反台账规则：本台账已另有同一记录，或队员将同时在两个工作队，或目标完成时限早于协议签订日期</translation>
    </message>
    <message>
        <source>Changes are missing before this package: ask the sender for a new package</source>
        <translation>此数据包之前缺少改动：请对方重新生成数据包</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Imported before: nothing new</source>
        <translation>此前已导入：没有新内容</translation>
    </message>
    <message>
        <source>Refused: ask the sender for a new package</source>
        <translation>已拒收：请对方重新生成数据包</translation>
    </message>
    <message>
        <source>Checked, not imported yet</source>
        <translation>已检查，尚未导入</translation>
    </message>
    <message>
        <source>Not imported: conflicts to settle</source>
        <translation>未导入：有冲突待处理</translation>
    </message>
    <message>
        <source>changes no. {first} to {last}</source>
        <translation>第 {first}–{last} 号改动</translation>
    </message>
    <message>
        <source>every record (full package)</source>
        <translation>全部记录（全量数据包）</translation>
    </message>
    <message>
        <source>seed package</source>
        <translation>初始数据包</translation>
    </message>
    <message>
        <source>receipt: it has this ledger's changes up to no. {last}</source>
        <translation>回执：对方已有本台账第 {last} 号及以前的改动</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>(a record not named here)</source>
        <translation>（本台账无此记录）</translation>
    </message>
</context>
<context>
    <name>PairingDialogs</name>
    <message>
        <source>Pair across two counties?</source>
        <translation>跨县结对？</translation>
    </message>
    <message>
        <source>The organ branch is in {organ_county} and the grassroots branch in {grassroots_county}. Pairs are normally made within one county. Pair them across the two counties?</source>
        <translation>机关党支部属于{organ_county}，基层党支部属于{grassroots_county}。结对一般在同一县内进行。确定跨县结对吗？</translation>
    </message>
</context>
<context>
    <name>PairingPicker</name>
    <message>
        <source>Type part of a branch name</source>
        <translation>输入支部名称中的几个字</translation>
    </message>
    <message>
        <source> (ended {date})</source>
        <translation>（{date}已结束）</translation>
    </message>
    <message>
        <source>No pairing chosen yet.</source>
        <translation>尚未选择结对。</translation>
    </message>
    <message>
        <source>Chosen: {pairing}</source>
        <translation>已选：{pairing}</translation>
    </message>
    <message>
        <source>{count} pairings chosen</source>
        <translation>已选 {count} 个结对</translation>
    </message>
</context>
<context>
    <name>PairingTable</name>
    <message>
        <source>Organ branch</source>
        <translation>机关党支部</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Organ tier</source>
        <translation>机关档次</translation>
    </message>
    <message>
        <source>Grassroots branch</source>
        <translation>基层党支部</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Grassroots tier</source>
        <translation>基层档次</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>结对方式</translation>
    </message>
    <message>
        <source>Started on</source>
        <translation>结对日期</translation>
    </message>
    <message>
        <source>Ended on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>End reason</source>
        <translation>结束原因</translation>
    </message>
</context>
<context>
    <name>PairingsTab</name>
    <message>
        <source>Save the draw record</source>
        <translation>保存抽签记录</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Unpaired organ branches</source>
        <translation>未结对机关党支部</translation>
    </message>
    <message>
        <source>Unpaired grassroots branches</source>
        <translation>未结对基层党支部</translation>
    </message>
    <message>
        <source>Unpaired organ branches: {count}</source>
        <translation>未结对机关党支部：{count} 个</translation>
    </message>
    <message>
        <source>Unpaired grassroots branches: {count}</source>
        <translation>未结对基层党支部：{count} 个</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>……另有 {count} 个</translation>
    </message>
    <message>
        <source>Coverage today: grassroots {grassroots} ({paired} of {total}) · organ side {organ} ({organ_paired} of {organ_total}) · unpaired: {unpaired_grassroots} grassroots, {unpaired_organ} organ</source>
        <translation>今日覆盖率：基层 {grassroots}（{paired}/{total}）· 机关 {organ}（{organ_paired}/{organ_total}）· 未结对：基层 {unpaired_grassroots} 个，机关 {unpaired_organ} 个</translation>
    </message>
    <message>
        <source>{count} pairings</source>
        <translation>{count} 对</translation>
    </message>
    <message>
        <source>Save the candidate list</source>
        <translation>保存抽签候选名单</translation>
    </message>
    <message>
        <source>Search organ branch, grassroots branch or unit</source>
        <translation>搜索机关党支部、基层党支部或单位</translation>
    </message>
    <message>
        <source>Active and ended</source>
        <translation>全部（在结对与已结束）</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在结对</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>All methods</source>
        <translation>全部结对方式</translation>
    </message>
    <message>
        <source>Pair…</source>
        <translation>指定结对…</translation>
    </message>
    <message>
        <source>Unit with community…</source>
        <translation>单位联社区…</translation>
    </message>
    <message>
        <source>End…</source>
        <translation>结束结对…</translation>
    </message>
    <message>
        <source>Re-pair…</source>
        <translation>重新结对…</translation>
    </message>
    <message>
        <source>Draw…</source>
        <translation>抽签…</translation>
    </message>
    <message>
        <source>Draw record…</source>
        <translation>抽签记录…</translation>
    </message>
    <message>
        <source>Agreement…</source>
        <translation>共建协议…</translation>
    </message>
    <message>
        <source>Print the agreement (PDF)…</source>
        <translation>打印共建协议（PDF）…</translation>
    </message>
    <message>
        <source>Agreement as a Word document…</source>
        <translation>共建协议存为 Word 文档…</translation>
    </message>
</context>
<context>
    <name>PhotoPanel</name>
    <message>
        <source>&amp;Add photos…</source>
        <translation>添加照片(&amp;A)…</translation>
    </message>
    <message>
        <source>Move &amp;earlier</source>
        <translation>前移(&amp;E)</translation>
    </message>
    <message>
        <source>Move &amp;later</source>
        <translation>后移(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>What the photo shows, e.g. 党员入户走访困难群众</source>
        <translation>照片内容，如：党员入户走访困难群众</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Find the photo &amp;folder…</source>
        <translation>查找照片文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Add 2–4 photos of the activity (JPEG or PNG), or drag them here from a folder. They are kept in the folder beside the ledger; copy it along with the ledger.</source>
        <translation>请添加 2～4 张活动照片（JPEG 或 PNG），也可以从文件夹直接拖到这里。照片保存在台账文件旁边的照片文件夹中，复制台账时请一并复制该文件夹。</translation>
    </message>
    <message>
        <source>&amp;Caption</source>
        <translation>照片说明(&amp;C)</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.heic);;All files (*)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.heic);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{name} is among this activity's photos already.</source>
        <translation>“{name}”已在本次活动的照片中。</translation>
    </message>
    <message>
        <source>{number}. {caption}</source>
        <translation>{number}．{caption}</translation>
    </message>
    <message>
        <source>Photo {number}</source>
        <translation>照片 {number}</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>{count} photos are shown by their thumbnails only: their pictures are not in the photo folder beside the ledger (it was not copied with the ledger, or the photos came in a package of changes, which carries thumbnails only). Find the folder to bring them back.</source>
        <translation>有 {count} 张照片只有缩略图：原图不在台账旁的照片文件夹中（复制台账时没有一并复制，或照片随变更数据包传来，只带缩略图）。请找到照片文件夹以找回原图。</translation>
    </message>
    <message>
        <source>Taken {moment}</source>
        <translation>拍摄于{moment}</translation>
    </message>
    <message>
        <source>No capture time in the photo</source>
        <translation>照片中没有拍摄时间</translation>
    </message>
    <message>
        <source>Missing from the photo folder</source>
        <translation>照片文件夹中缺失此照片</translation>
    </message>
    <message>
        <source>{count} photos have no capture time (a screenshot, or sent without “original”?).</source>
        <translation>{count} 张照片没有拍摄时间（是截图，或微信发送时没有勾选“原图”？）。</translation>
    </message>
    <message>
        <source>{count} photos were taken more than 3 days from the activity's date.</source>
        <translation>{count} 张照片的拍摄时间与活动日期相差超过 3 天。</translation>
    </message>
    <message>
        <source>Find the photo folder</source>
        <translation>查找照片文件夹</translation>
    </message>
    <message>
        <source>{found} photos found; {missing} still missing.</source>
        <translation>找到 {found} 张照片，仍缺 {missing} 张。</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>another program is using the file (another BranchDesk window, Excel or WPS, a backup or synchronising tool); close it and try again</source>
        <translation>另一个程序正在使用该文件（另一个支部联建台账窗口、Excel 或 WPS、备份或同步软件），请关闭该程序后重试</translation>
    </message>
    <message>
        <source>the disk is full; free some space and try again</source>
        <translation>磁盘已满，请腾出一些空间后重试</translation>
    </message>
    <message>
        <source>the disk or the file is read-only (a locked USB stick, a CD, a shared folder you may only read); copy the file to a folder of your own, such as Documents</source>
        <translation>磁盘或文件是只读的（U盘写保护、光盘、只能读取的共享文件夹），请把文件复制到自己的文件夹（如“文档”）中再用</translation>
    </message>
    <message>
        <source>you have no permission for this file or folder; choose a folder of your own, such as Documents, or ask whoever looks after this computer</source>
        <translation>没有这个文件或文件夹的访问权限，请换到自己的文件夹（如“文档”），或请管理这台电脑的同事帮忙</translation>
    </message>
    <message>
        <source>the name is too long; choose a shorter name or a folder nearer the top</source>
        <translation>文件名太长，请改用较短的文件名，或换一个层级较浅的文件夹</translation>
    </message>
    <message>
        <source>the network folder cannot be reached; check the connection, or copy the file to this computer</source>
        <translation>无法连接网络文件夹，请检查网络连接，或把文件复制到本机再用</translation>
    </message>
    <message>
        <source>the file or its folder is not there (any more); check the name, and that the USB stick or network drive is connected</source>
        <translation>文件或所在文件夹不存在（或已被移走），请核对名称，并检查U盘或网络盘是否已连接</translation>
    </message>
    <message>
        <source>that is a folder; choose a file</source>
        <translation>这是一个文件夹，请选择文件</translation>
    </message>
    <message>
        <source>the disk could not be read or written (a loose USB stick, a network drive that dropped, a failing disk); check it and try again, and keep the ledger on this computer's own disk if it happens again</source>
        <translation>磁盘读写出错（U盘松动、网络盘断开或磁盘故障），请检查后重试；如再次出现，请把台账放在本机硬盘上使用</translation>
    </message>
    <message>
        <source>the file is damaged or is not a ledger; restore it from a backup (File ▸ Restore from a backup)</source>
        <translation>文件已损坏或不是台账文件，请从备份恢复（文件 ▸ 从备份恢复）</translation>
    </message>
    <message>
        <source>check that its folder exists, that you may write in it, and that the USB stick or network drive is connected</source>
        <translation>请检查所在文件夹是否存在、是否有写入权限，以及U盘或网络盘是否已连接</translation>
    </message>
    <message>
        <source>the same record is already in the ledger</source>
        <translation>台账中已有相同的记录</translation>
    </message>
    <message>
        <source>a required value is missing</source>
        <translation>缺少必填的内容</translation>
    </message>
    <message>
        <source>a value is outside what the ledger allows</source>
        <translation>有内容超出了台账允许的范围</translation>
    </message>
    <message>
        <source>the system says: “{text}”</source>
        <translation>系统提示：“{text}”</translation>
    </message>
</context>
<context>
    <name>ReceiveWizard</name>
    <message>
        <source>Receive data packages</source>
        <translation>接收数据包</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消，没有导入任何内容。</translation>
    </message>
    <message>
        <source>Once checked, trust the key in Tools ▸ Offices and keys ▸ Trusted keys.</source>
        <translation>核对无误后，请在“工具 ▸ 下级单位与密钥 ▸ 受信任的密钥”中信任该密钥。</translation>
    </message>
</context>
<context>
    <name>RegionActions</name>
    <message>
        <source>Add a cit&amp;y at the top…</source>
        <translation>添加市（最上一级）(&amp;Y)…</translation>
    </message>
    <message>
        <source>Re&amp;name or set code…</source>
        <translation>重命名或设置代码(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Move to another county…</source>
        <translation>移到其他县（区）(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Remove region</source>
        <translation>删除区域(&amp;R)</translation>
    </message>
    <message>
        <source>Add &amp;county…</source>
        <translation>添加县（区）(&amp;C)…</translation>
    </message>
    <message>
        <source>Add &amp;township…</source>
        <translation>添加乡镇（街道）(&amp;T)…</translation>
    </message>
    <message>
        <source>New city</source>
        <translation>新建市</translation>
    </message>
    <message>
        <source>New county</source>
        <translation>新建县（区）</translation>
    </message>
    <message>
        <source>New township</source>
        <translation>新建乡镇（街道）</translation>
    </message>
    <message>
        <source>Region {path}</source>
        <translation>区域：{path}</translation>
    </message>
</context>
<context>
    <name>RegionDialog</name>
    <message>
        <source>e.g. 411526 (optional)</source>
        <translation>如 411526（可不填）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Official code</source>
        <translation>区划代码</translation>
    </message>
</context>
<context>
    <name>RegionTreeModel</name>
    <message>
        <source>Region</source>
        <translation>区域</translation>
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
        <translation>未添加的行</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>RepairDialog</name>
    <message>
        <source>Re-pair</source>
        <translation>重新结对</translation>
    </message>
    <message>
        <source>Keep {organ}; choose a new grassroots branch</source>
        <translation>保留{organ}，另选基层党支部</translation>
    </message>
    <message>
        <source>Keep {grassroots}; choose a new organ branch</source>
        <translation>保留{grassroots}，另选机关党支部</translation>
    </message>
    <message>
        <source>New pairing from</source>
        <translation>新结对日期</translation>
    </message>
    <message>
        <source>Choose the new grassroots branch.</source>
        <translation>请选择新的基层党支部。</translation>
    </message>
    <message>
        <source>Choose the new organ branch.</source>
        <translation>请选择新的机关党支部。</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Monthly report</source>
        <translation>月报</translation>
    </message>
    <message>
        <source>An A4 report in Chinese: the headline figures, coverage by region, activities over the year and by the six areas, and the pairings without a themed Party day in the month.</source>
        <translation>A4 中文月报：主要指标、各区域结对覆盖率、近一年活动和“六共”领域情况，以及本月未开展主题党日的结对。</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <source>The whole ledger</source>
        <translation>整个台账</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>&amp;Preview and print…</source>
        <translation>预览和打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>保存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Drawing the report…</source>
        <translation>正在生成月报…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Monthly report {month} — print preview</source>
        <translation>{month}月报 — 打印预览</translation>
    </message>
    <message>
        <source>Monthly report {month}.pdf</source>
        <translation>{month}月报.pdf</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
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
    <name>SendPackageDialog</name>
    <message>
        <source>Send a data package</source>
        <translation>发送数据包</translation>
    </message>
    <message>
        <source>Reading the ledger…</source>
        <translation>正在读取台账…</translation>
    </message>
    <message>
        <source>&amp;Changes for the office above</source>
        <translation>报送上级单位的改动(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Every record (a full package)</source>
        <translation>全部记录（全量数据包）(&amp;E)</translation>
    </message>
    <message>
        <source>For the office above to build its copy again, or after a BranchDesk upgrade.</source>
        <translation>用于上级单位重建本单位的数据，或在程序升级之后发送。</translation>
    </message>
    <message>
        <source>A &amp;seed for an office below, to make its ledger:</source>
        <translation>下级单位的初始数据包，供其建立台账(&amp;S)：</translation>
    </message>
    <message>
        <source>What to send</source>
        <translation>发送什么</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>Save &amp;as:</source>
        <translation>保存为(&amp;A)：</translation>
    </message>
    <message>
        <source>The package is written.</source>
        <translation>数据包已写出。</translation>
    </message>
    <message>
        <source>&amp;Write package</source>
        <translation>写出数据包(&amp;W)</translation>
    </message>
    <message>
        <source>This ledger keeps the records of {office}.</source>
        <translation>本台账记录的是{office}的数据。</translation>
    </message>
    <message>
        <source>(no region yet)</source>
        <translation>（尚无区域）</translation>
    </message>
    <message>
        <source>the office above</source>
        <translation>上级单位</translation>
    </message>
    <message>
        <source>&amp;Changes for the office above ({office})</source>
        <translation>报送上级单位（{office}）的改动(&amp;C)</translation>
    </message>
    <message>
        <source>Nothing to send yet: no branch, pairing or activity has been entered in this ledger.</source>
        <translation>暂无可报送的内容：本台账还没有录入党支部、结对或活动。</translation>
    </message>
    <message>
        <source>{count} changes of records to send (no. {first} to {last} of this ledger's changes).</source>
        <translation>待发送的记录改动 {count} 项（本台账第 {first}–{last} 号改动）。</translation>
    </message>
    <message>
        <source>Photos: {carried} pictures carried.</source>
        <translation>照片：带上原图 {carried} 张。</translation>
    </message>
    <message>
        <source> {missing} are not in this ledger's photo folder and go as thumbnails only.</source>
        <translation>另有 {missing} 张不在本台账的照片文件夹中，只带缩略图。</translation>
    </message>
    <message>
        <source> {office} makes its ledger from it in its BranchDesk: File ▸ New ledger from a package…</source>
        <translation>{office}在其 BranchDesk 中用“文件 ▸ 用数据包新建台账…”以此建立台账。</translation>
    </message>
    <message>
        <source>{count} changes of records (no. {first} to {last} of this ledger's changes).</source>
        <translation>记录改动 {count} 项（本台账第 {first}–{last} 号改动）。</translation>
    </message>
    <message>
        <source>File: {name} ({size} KB)</source>
        <translation>文件：{name}（{size} KB）</translation>
    </message>
    <message>
        <source>Folder: {folder}</source>
        <translation>位置：{folder}</translation>
    </message>
    <message>
        <source>Contents: {what}</source>
        <translation>内容：{what}</translation>
    </message>
    <message>
        <source>The office above has acknowledged those before no. {first}.</source>
        <translation>第 {first} 项以前的改动上级单位已确认收到。</translation>
    </message>
    <message>
        <source>Nothing new: no record has changed since the last change {office} acknowledged. There is nothing to send; choose a full package to send every record again.</source>
        <translation>没有新的改动：自{office}上次确认收到以来，本台账的记录没有改动，无需发送。如需重新发送全部记录，请选择全量数据包。</translation>
    </message>
    <message>
        <source>No receipt yet: the package holds every change from the first.</source>
        <translation>尚无回执：数据包将包含从第一项起的全部改动。</translation>
    </message>
    <message>
        <source>Last package written {when}.</source>
        <translation>上次写出数据包：{when}。</translation>
    </message>
    <message>
        <source>{office} seed package {day}</source>
        <translation>{office} 初始数据包 {day}</translation>
    </message>
    <message>
        <source>{office} full package {day}</source>
        <translation>{office} 全量数据包 {day}</translation>
    </message>
    <message>
        <source>{office} changes {day}</source>
        <translation>{office} 改动数据包 {day}</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>Writing the package…</source>
        <translation>正在写出数据包…</translation>
    </message>
    <message>
        <source>Cancelled: no package was written.</source>
        <translation>已取消，未写出数据包。</translation>
    </message>
    <message>
        <source>A seed package of {region}: {count} records.</source>
        <translation>{region}的初始数据包：共 {count} 条记录。</translation>
    </message>
    <message>
        <source>A full package: every record, {count} lines.</source>
        <translation>全量数据包：全部记录，共 {count} 行。</translation>
    </message>
    <message>
        <source>Signed with this ledger's key. When you hand the package over, read this fingerprint out to the receiver on the phone: their BranchDesk shows the same one for a package really from you.</source>
        <translation>数据包已用本台账的密钥签名。交付数据包时，请在电话中向接收单位念出下面的密钥指纹：确实由您发出的数据包，对方程序显示的指纹与此相同。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Recorded late (补录) when entered more than</source>
        <translation>活动结束后超过以下天数才录入，标为补录</translation>
    </message>
    <message>
        <source>An office below is stale after no package for</source>
        <translation>下级单位超过以下天数未报送数据包，标为逾期</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Open the last ledger when BranchDesk starts</source>
        <translation>启动时打开上次使用的台账</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Built-in</source>
        <translation>使用内置模板(&amp;B)</translation>
    </message>
    <message>
        <source>Save a &amp;copy of the built-in…</source>
        <translation>另存内置模板(&amp;O)…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Word ledger template</source>
        <translation>Word 台账模板</translation>
    </message>
    <message>
        <source>This ledger (kept in its file)</source>
        <translation>本台账（保存在台账文件中）</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Built-in (A4, 仿宋 and 黑体)</source>
        <translation>内置模板（A4，仿宋、黑体）</translation>
    </message>
    <message>
        <source>Word ledger template.docx</source>
        <translation>Word 台账模板.docx</translation>
    </message>
    <message>
        <source>Saved to {path}; change it in Word or WPS, then choose it.</source>
        <translation>已保存到 {path}；请在 Word 或 WPS 中修改后，再点“选择”使用它。</translation>
    </message>
</context>
<context>
    <name>StarRatings</name>
    <message>
        <source> (year)</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>rated on</source>
        <translation>评定日期</translation>
    </message>
    <message>
        <source>{year}: {stars}, rated on {day}</source>
        <translation>{year}年度：{stars}（{day}评定）</translation>
    </message>
    <message>
        <source>Not rated in any year.</source>
        <translation>尚未评定星级。</translation>
    </message>
</context>
<context>
    <name>StatusFigures</name>
    <message>
        <source>No ledger open</source>
        <translation>未打开台账</translation>
    </message>
    <message>
        <source>{path} — read-only: changes cannot be saved to this file</source>
        <translation>{path} — 只读：无法向该文件保存修改</translation>
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
        <source>City's own organs optimised {rate} ({count}/{total})</source>
        <translation>市直优化率 {rate}（{count}/{total}）</translation>
    </message>
    <message>
        <source>county level {rate} ({count}/{total})</source>
        <translation>县级优化率 {rate}（{count}/{total}）</translation>
    </message>
    <message>
        <source>{level}: {organ} organ branches, optimised {optimised}, paired {paired}; themed Party day compliance in {month} {compliance}</source>
        <translation>{level}：机关党支部 {organ} 个，优化率 {optimised}，结对覆盖率 {paired}；{month}主题党日落实率 {compliance}</translation>
    </message>
    <message>
        <source>City's own</source>
        <translation>市直</translation>
    </message>
    <message>
        <source>County level</source>
        <translation>县级</translation>
    </message>
</context>
<context>
    <name>TeamDaysImportDialog</name>
    <message>
        <source>Import a month sheet of work team days</source>
        <translation>导入驻村工作队月度考勤表</translation>
    </message>
    <message>
        <source>An .xlsx, .xls or .csv file with a phone column and the days</source>
        <translation>含电话列和每日出勤的 .xlsx、.xls 或 .csv 文件</translation>
    </message>
    <message>
        <source>&amp;Check the sheet</source>
        <translation>检查表格(&amp;C)</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>队员姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>党支部</translation>
    </message>
    <message>
        <source>Days (在 假 公 缺)</source>
        <translation>每日出勤（在 假 公 缺）</translation>
    </message>
    <message>
        <source>Days counted</source>
        <translation>计入天数</translation>
    </message>
    <message>
        <source>Days required</source>
        <translation>应达天数</translation>
    </message>
    <message>
        <source>Short by</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Sheet file:</source>
        <translation>考勤表：</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>A header row with the phone column (电话) and a column for each day of the month (1 … 31 or 1日 …); a row per member: 在 假 公 缺 or P L B A, a leave with its reason (假 病假). Empty cells change nothing. Members are found by their phone numbers.</source>
        <translation>表头一行须有电话列和当月每天一列（1 … 31 或 1日 …）；每名队员一行，填 在、假、公、缺（也可用对应的英文字母），请假可在后面写原因（如“假 病假”）。空白格不改动已有出勤。队员按电话号码对应。</translation>
    </message>
    <message>
        <source>Checking the sheet…</source>
        <translation>正在检查考勤表…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was checked.</source>
        <translation>已取消，未作检查。</translation>
    </message>
    <message>
        <source>{count} problem(s): nothing can be imported. Correct the sheet, save it, then Check the sheet again.</source>
        <translation>发现 {count} 个问题，不能导入。请在表格中改正并保存后，再点“检查表格”。</translation>
    </message>
    <message>
        <source>The sheet has no days entered for {month}.</source>
        <translation>表中没有{month}的出勤。</translation>
    </message>
    <message>
        <source>{month}: {days} days read, for {members} members; after the import {short} of them are below the rule.</source>
        <translation>{month}：读到 {days} 天出勤，涉及 {members} 名队员；导入后其中 {short} 人未达每月天数要求。</translation>
    </message>
    <message>
        <source>Importing the days…</source>
        <translation>正在导入出勤…</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>{branch} · sent by {unit} · from {start}</source>
        <translation>{branch} · 派出单位：{unit} · {start}起驻村</translation>
    </message>
    <message>
        <source>Choose the village (community, grid) the team is sent to.</source>
        <translation>请选择工作队派驻的村（社区、网格）。</translation>
    </message>
    <message>
        <source>Add the team's members (name and phone) first.</source>
        <translation>请先添加队员（姓名和电话）。</translation>
    </message>
    <message>
        <source>Send a work team</source>
        <translation>派驻工作队</translation>
    </message>
    <message>
        <source>Work team members</source>
        <translation>驻村队员</translation>
    </message>
    <message>
        <source>Work team</source>
        <translation>驻村工作队</translation>
    </message>
    <message>
        <source>Team members</source>
        <translation>队员</translation>
    </message>
    <message>
        <source>Village (community)</source>
        <translation>所驻村（社区）</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>派驻日期</translation>
    </message>
    <message>
        <source>Sending unit</source>
        <translation>派出单位</translation>
    </message>
    <message>
        <source>Member's name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>In the village from</source>
        <translation>驻村开始</translation>
    </message>
    <message>
        <source>In the village</source>
        <translation>在村</translation>
    </message>
    <message>
        <source>&amp;Add member</source>
        <translation>添加队员(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Add member (saved at once)</source>
        <translation>添加队员并保存(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove member</source>
        <translation>移除队员(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;End service on this day</source>
        <translation>按此日期结束驻村(&amp;E)</translation>
    </message>
</context>
<context>
    <name>TeamMonthModel</name>
    <message>
        <source>Village (community)</source>
        <translation>所驻村（社区）</translation>
    </message>
    <message>
        <source>Member's name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>计</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>应</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>差</translation>
    </message>
    <message>
        <source>MTWTFSS</source>
        <translation>一二三四五六日</translation>
    </message>
    <message>
        <source>{name}, {phone}, {unit}; in the village {span}</source>
        <translation>{name}，{phone}，{unit}；驻村时间{span}</translation>
    </message>
    <message>
        <source>Not in the village yet, or no longer</source>
        <translation>不在驻村时间内</translation>
    </message>
</context>
<context>
    <name>TeamsTab</name>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Saved the record sheet {path}</source>
        <translation>已保存纪实登记表 {path}</translation>
    </message>
    <message>
        <source>{month}: {members} members serving, {below} below the rule of {days} days</source>
        <translation>{month}：在岗队员 {members} 人，未达每月 {days} 天要求 {below} 人</translation>
    </message>
    <message>
        <source> · days of {count} members typed, not saved (Ctrl+S saves)</source>
        <translation> · 已录入 {count} 名队员的出勤，尚未保存（按 Ctrl+S 保存）</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Only members below the rule</source>
        <translation>只看未达要求的队员</translation>
    </message>
    <message>
        <source>Days a month in the village</source>
        <translation>每月在村天数要求</translation>
    </message>
    <message>
        <source>Send a &amp;work team…</source>
        <translation>派驻工作队(&amp;W)…</translation>
    </message>
    <message>
        <source>Team &amp;members…</source>
        <translation>工作队队员(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Save days</source>
        <translation>保存出勤(&amp;S)</translation>
    </message>
    <message>
        <source>Discard typed days</source>
        <translation>放弃录入</translation>
    </message>
    <message>
        <source>&amp;Record sheet…</source>
        <translation>纪实登记表(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Import a month sheet…</source>
        <translation>导入考勤表(&amp;I)…</translation>
    </message>
    <message>
        <source>Type P, L, B or A (在, 假, 公, 缺) in a day; F2 for a leave's reason (假 病假); Delete clears; Ctrl+V pastes cells copied from Excel or WPS; Ctrl+S saves.</source>
        <translation>在日期格中输入 在、假、公、缺（也可用对应的英文字母）；按 F2 可填写请假原因（如“假 病假”）；按删除键清除；Ctrl+V 粘贴从 Excel 或 WPS 复制的格子；Ctrl+S 保存。</translation>
    </message>
</context>
<context>
    <name>ToolDialogs</name>
    <message>
        <source>Ledger history</source>
        <translation>台账修改记录</translation>
    </message>
    <message>
        <source>Ledger history (the newest {count} actions)</source>
        <translation>台账修改记录（最近 {count} 次操作）</translation>
    </message>
    <message>
        <source>{place} {half} summary</source>
        <translation>{place}{half}工作总结</translation>
    </message>
    <message>
        <source>Writing the summary…</source>
        <translation>正在写出半年总结…</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>UnitCommunityDialog</name>
    <message>
        <source>Pair a unit with its community's grids</source>
        <translation>单位联社区、支部联网格</translation>
    </message>
    <message>
        <source>{unit} → {community} ({organs} branches, {grids} grids unpaired)</source>
        <translation>{unit} → {community}（未结对：支部 {organs} 个，网格 {grids} 个）</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Paired from</source>
        <translation>结对日期</translation>
    </message>
    <message>
        <source>Each unpaired branch of the unit is paired with one unpaired grid, in name order.</source>
        <translation>该单位每个未结对的支部按名称顺序与一个未结对的网格结对。</translation>
    </message>
    <message>
        <source>Choose the unit.</source>
        <translation>请选择单位。</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <source>New unit</source>
        <translation>新建单位</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
</context>
<context>
    <name>ViewExport</name>
    <message>
        <source>Exporting {count} rows…</source>
        <translation>正在导出 {count} 行…</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
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
        <source>New ledger from the seed package of the office above…</source>
        <translation>用上级发来的初始数据包新建台账…</translation>
    </message>
    <message>
        <source>Open the demo ledger</source>
        <translation>打开演示台账</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
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
        <source>Re&amp;store from a backup…</source>
        <translation>从备份恢复(&amp;S)…</translation>
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
        <source>Ledger &amp;history…</source>
        <translation>台账修改记录(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Branches</source>
        <translation>党支部(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Regions</source>
        <translation>区域(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pairing</source>
        <translation>结对(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Pair two branches…</source>
        <translation>指定结对(&amp;P)…</translation>
    </message>
    <message>
        <source>Pair a &amp;unit with its community's grids…</source>
        <translation>单位联社区、支部联网格(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;End the selected pairing…</source>
        <translation>结束所选结对(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Re-pair the selected pairing…</source>
        <translation>重新结对(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Draw…</source>
        <translation>抽签(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Agreement of the selected pairing…</source>
        <translation>选中结对的共建协议(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Check &amp;database…</source>
        <translation>检查数据库(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Holidays…</source>
        <translation>节假日(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Key tasks…</source>
        <translation>重点任务(&amp;K)…</translation>
    </message>
    <message>
        <source>New half-&amp;year…</source>
        <translation>开启新半年(&amp;Y)…</translation>
    </message>
    <message>
        <source>&amp;Compliance (1+N)…</source>
        <translation>“1+N”落实情况(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Evidence check…</source>
        <translation>佐证材料检查(&amp;E)…</translation>
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
</context>
<context>
    <name>WordLedgerDialog</name>
    <message>
        <source>Word ledger</source>
        <translation>Word 台账</translation>
    </message>
    <message>
        <source>The ledger inspectors ask for, as a Word document (A4, for Word and WPS): cover, the pairings and both branches' rosters, one record per activity with its attendance and photos, the open items and the figures.</source>
        <translation>生成检查用的台账（Word 文档，A4，Word 和 WPS 均可打开）：封面、结对情况及双方支部花名册、每次活动一份记录（含出勤和照片）、问题及待办事项、主要指标。</translation>
    </message>
    <message>
        <source>the whole ledger</source>
        <translation>整个台账</translation>
    </message>
    <message>
        <source>The &amp;region: {region}</source>
        <translation>区域(&amp;R)：{region}</translation>
    </message>
    <message>
        <source>One &amp;pairing:</source>
        <translation>单个结对(&amp;P)：</translation>
    </message>
    <message>
        <source>(none chosen)</source>
        <translation>（未选择）</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>built-in (Tools ▸ Settings chooses the office's own)</source>
        <translation>内置模板（可在“工具 ▸ 设置”中改用本单位模板）</translation>
    </message>
    <message>
        <source>Months:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <source>&amp;Save as Word…</source>
        <translation>保存为 Word(&amp;S)…</translation>
    </message>
    <message>
        <source>The pairing's Word ledger</source>
        <translation>选择结对生成 Word 台账</translation>
    </message>
    <message>
        <source>ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>{scope} Word ledger {months}.docx</source>
        <translation>{scope} 台账 {months}.docx</translation>
    </message>
    <message>
        <source>Choose the pairing first.</source>
        <translation>请先选择结对。</translation>
    </message>
    <message>
        <source>Writing the Word ledger…</source>
        <translation>正在生成 Word 台账…</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>已取消，未生成文件。</translation>
    </message>
    <message>
        <source>Saved to {path}: {activities} activity records, {photos} photos.</source>
        <translation>已保存到 {path}：活动记录 {activities} 份，照片 {photos} 张。</translation>
    </message>
</context>
<context>
    <name>_CheckPage</name>
    <message>
        <source>Check the rows, then import</source>
        <translation>检查各行，然后导入</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Some rows are rejected, so nothing would be imported: correct them in the file and go back to check again, or choose to import the valid rows only.</source>
        <translation>有未通过检查的行，按“全部或全不”将不会导入任何内容：请在文件中改正后返回重新检查，或选择“只导入通过检查的行”。</translation>
    </message>
    <message>
        <source>Save report as xlsx…</source>
        <translation>将检查结果保存为 xlsx…</translation>
    </message>
    <message>
        <source>Import nothing if any row is rejected</source>
        <translation>有任何一行未通过检查，就全部不导入</translation>
    </message>
    <message>
        <source>Import the valid rows, leave out the rejected ones</source>
        <translation>只导入通过检查的行，跳过未通过的行</translation>
    </message>
    <message>
        <source>Skip rows already in the ledger</source>
        <translation>跳过台账中已有的行</translation>
    </message>
    <message>
        <source>Update rows already in the ledger from the file</source>
        <translation>用文件内容更新台账中已有的行</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>未通过检查的行</translation>
    </message>
    <message>
        <source>Rows already in the ledger</source>
        <translation>台账中已有的行</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <source>{file} — rejected rows.xlsx</source>
        <translation>{file} — 未通过检查的行.xlsx</translation>
    </message>
    <message>
        <source>Report saved to {path}</source>
        <translation>检查结果已保存到 {path}</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
</context>
<context>
    <name>_ConflictPanel</name>
    <message>
        <source>&amp;Keep this ledger's</source>
        <translation>保留本台账的(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Take the package's</source>
        <translation>采用数据包的(&amp;T)</translation>
    </message>
    <message>
        <source>{kind} “{record}” was changed both here and in the package:</source>
        <translation>{kind}“{record}”在本台账和数据包中都被改动过：</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>改动前</translation>
    </message>
    <message>
        <source>This ledger</source>
        <translation>本台账</translation>
    </message>
    <message>
        <source>The package</source>
        <translation>数据包</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>This ledger's</source>
        <translation>本台账的</translation>
    </message>
    <message>
        <source>The package's</source>
        <translation>数据包的</translation>
    </message>
</context>
<context>
    <name>_DonePage</name>
    <message>
        <source>Imported</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>The import is one step: Edit ▸ Undo takes all of it back.</source>
        <translation>这次导入是一步操作：用“编辑 ▸ 撤销”可以全部撤回。</translation>
    </message>
    <message>
        <source>Nothing new to import.</source>
        <translation>没有需要导入的新内容。</translation>
    </message>
    <message>
        <source>Send each office its receipt (.bdxr) with the next mail or USB stick: importing it tells its BranchDesk what arrived here, so that its next package holds only what is new.</source>
        <translation>请把回执（.bdxr）随下次邮件或U盘交给各报送单位：对方导入回执后，程序就知道哪些数据已送达，下次报送只含新的改动。</translation>
    </message>
    <message>
        <source>Save the receipts &amp;in:</source>
        <translation>回执保存到(&amp;I)：</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Save receipts</source>
        <translation>保存回执(&amp;S)</translation>
    </message>
    <message>
        <source>Conflicts settled</source>
        <translation>已处理的冲突</translation>
    </message>
    <message>
        <source>{file} from {office}: {state}</source>
        <translation>{file}（{office}）：{state}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Nothing new to import: the ledger is unchanged.</source>
        <translation>没有新的内容需要导入，台账未作改动。</translation>
    </message>
    <message>
        <source>{file}: {office} has this ledger's changes up to no. {last}</source>
        <translation>{file}：{office}已有本台账第 {last} 号及以前的改动</translation>
    </message>
    <message>
        <source>Choose the folder to save the receipts in.</source>
        <translation>请选择保存回执的文件夹。</translation>
    </message>
    <message>
        <source>Writing the receipts…</source>
        <translation>正在写出回执…</translation>
    </message>
    <message>
        <source>{count} receipts saved in {folder}: {files}</source>
        <translation>已在 {folder} 保存回执 {count} 份：{files}</translation>
    </message>
</context>
<context>
    <name>_FilePage</name>
    <message>
        <source>Which file, and what does it hold?</source>
        <translation>选择文件和文件内容</translation>
    </message>
    <message>
        <source>Excel workbooks (.xlsx, .xls) and CSV files (UTF-8 or GBK) are read. Columns are found by their headers; you can correct the match on the next page.</source>
        <translation>可以读取 Excel 工作簿（.xlsx、.xls）和 CSV 文件（UTF-8 或 GBK 编码）。按表头识别各列，下一步可以修改对应关系。</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>党支部</translation>
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
        <source>Items of the three lists (needs, resources, projects)</source>
        <translation>三张清单的事项（需求、资源、项目）</translation>
    </message>
    <message>
        <source>Pairing agreements (with their targets and progress)</source>
        <translation>结对共建协议（含协议目标和进度）</translation>
    </message>
    <message>
        <source>Village work teams (with their members and days)</source>
        <translation>驻村工作队（含队员和出勤）</translation>
    </message>
    <message>
        <source>Star ratings of grassroots branches (every year's)</source>
        <translation>基层党支部星级评定（各年度）</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>A whole ledger (a workbook made by File ▸ Export)</source>
        <translation>整个台账（用“文件 ▸ 导出”生成的工作簿）</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>GBK (GB18030), as WPS and older Excel save</source>
        <translation>GBK（GB18030），WPS 和旧版 Excel 常用</translation>
    </message>
    <message>
        <source>Text encoding (CSV files):</source>
        <translation>文字编码（CSV 文件）：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>The file holds:</source>
        <translation>文件内容：</translation>
    </message>
    <message>
        <source>Choose the file's encoding above (GBK or UTF-8), then go on.</source>
        <translation>请在上方选择文件的编码（GBK 或 UTF-8），然后继续。</translation>
    </message>
    <message>
        <source>Or, if it is GBK, choose GBK as the encoding above and go on.</source>
        <translation>如果确是 GBK 编码，也可以在上方把编码选为 GBK 后继续。</translation>
    </message>
</context>
<context>
    <name>_FilesPage</name>
    <message>
        <source>Which packages?</source>
        <translation>导入哪些数据包？</translation>
    </message>
    <message>
        <source>Choose the packages (.bdx) the offices below sent and the receipts (.bdxr) the office above returned, several at once, or drag them here from a folder or a USB stick. Each file is checked before anything in it is read.</source>
        <translation>请选择下级单位报送的数据包（.bdx）和上级单位发回的回执（.bdxr），可一次选择多个，也可以从文件夹或U盘直接拖到这里。每个文件都会先经过校验，再读取其中的内容。</translation>
    </message>
    <message>
        <source>No package chosen yet: use Add packages… or drop the files here.</source>
        <translation>尚未选择文件：请点击“添加数据包…”，或把文件拖到这里。</translation>
    </message>
    <message>
        <source>&amp;Add packages…</source>
        <translation>添加数据包(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Checking the packages…</source>
        <translation>正在检查数据包…</translation>
    </message>
</context>
<context>
    <name>_MappingPage</name>
    <message>
        <source>Match the file's columns</source>
        <translation>核对文件各列</translation>
    </message>
    <message>
        <source>Each column of the file is read as the field chosen beside it. Columns set to “not imported” are left out. The first rows below show how the file will be read.</source>
        <translation>文件的每一列按右侧选择的字段读取，选“不导入”的列会被忽略。下方是按此读取的前几行。</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>读取为</translation>
    </message>
    <message>
        <source>(no header)</source>
        <translation>（无表头）</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— 不导入 —</translation>
    </message>
    <message>
        <source>The first {count} rows, below the header row (row {row} of the file):</source>
        <translation>表头（文件第 {row} 行）下的前 {count} 行：</translation>
    </message>
    <message>
        <source>{sheet}: no column for {fields}</source>
        <translation>{sheet}：没有对应“{fields}”的列</translation>
    </message>
</context>
<context>
    <name>_ReviewPage</name>
    <message>
        <source>What importing would do</source>
        <translation>导入后将发生的变化</translation>
    </message>
    <message>
        <source>Nothing is imported yet. Check the records below; where a record was changed both here and in a package, choose whose version to keep. Then Import takes in all of it as one step.</source>
        <translation>目前尚未导入任何内容。请核对下列记录；同一条记录在本台账和数据包中都被改动过的，请选择保留哪一方。然后点击“导入”，全部内容作为一步导入。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>来源(&amp;F)：</translation>
    </message>
    <message>
        <source>Keep this ledger's for &amp;all</source>
        <translation>全部保留本台账的(&amp;A)</translation>
    </message>
    <message>
        <source>Take the packages' for a&amp;ll</source>
        <translation>全部采用数据包的(&amp;L)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Why / fields</source>
        <translation>原因 / 字段</translation>
    </message>
    <message>
        <source>From office</source>
        <translation>来源单位</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Nothing is taken in yet. Import records what the office above has received of this ledger's changes, so that the next package holds only what is new.</source>
        <translation>尚未导入。点击“导入”记下上级单位已收到本台账的哪些改动，下次报送的数据包就只含新的改动。</translation>
    </message>
    <message>
        <source>All packages</source>
        <translation>全部数据包</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Sender's key</source>
        <translation>发送方密钥指纹</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Imported before: nothing changes</source>
        <translation>此前已导入，无需改动</translation>
    </message>
    <message>
        <source>This ledger's next package starts after no. {last}</source>
        <translation>本台账下一个数据包将从第 {last} 号之后开始</translation>
    </message>
    <message>
        <source>Deleted here with it</source>
        <translation>此处已随之删除</translation>
    </message>
    <message>
        <source>Comes back with {record} if the package's version is taken</source>
        <translation>若采用数据包的版本，随{record}一并恢复</translation>
    </message>
    <message>
        <source>Comes back</source>
        <translation>一并恢复</translation>
    </message>
    <message>
        <source>Stays deleted</source>
        <translation>保持删除</translation>
    </message>
    <message>
        <source>To choose</source>
        <translation>待选择</translation>
    </message>
    <message>
        <source>This ledger's</source>
        <translation>本台账的</translation>
    </message>
    <message>
        <source>The package's</source>
        <translation>数据包的</translation>
    </message>
    <message>
        <source>Field by field</source>
        <translation>逐项选择</translation>
    </message>
    <message>
        <source>{count} records were changed both here and in a package: select each to choose whose version to keep, or choose for all of them.</source>
        <translation>有 {count} 条记录在本台账和数据包中都被改动过：请逐条选中后选择保留哪一方，或一次性为全部记录选择。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
</context>
</TS>