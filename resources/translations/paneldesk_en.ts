<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AggregationMethod</name>
    <message>
        <location filename="../../scoring/aggregate.py" line="40" />
        <source>评审分配不连通，共分为 {groups} 组，各组分别校正，本作品属第 {group} 组（{experts} 位专家）；组间分数不可直接比较</source>
        <translation>The assignment falls apart into {groups} groups, each corrected on its own; this submission is in group {group} ({experts} experts); scores of different groups are not comparable</translation>
    </message>
    <message>
        <location filename="../../scoring/aggregate.py" line="358" />
        <source>去掉一个最高分和一个最低分后取平均</source>
        <translation>Mean without the highest and the lowest score</translation>
    </message>
    <message>
        <location filename="../../scoring/aggregate.py" line="363" />
        <source>平均分</source>
        <translation>Mean</translation>
    </message>
    <message>
        <location filename="../../scoring/aggregate.py" line="367" />
        <source>中位数</source>
        <translation>Median</translation>
    </message>
    <message>
        <location filename="../../scoring/aggregate.py" line="371" />
        <source>按专家标准化（z 分数）后折算</source>
        <translation>Standardised per expert (z-scores), rescaled</translation>
    </message>
    <message>
        <location filename="../../scoring/aggregate.py" line="376" />
        <source>专家宽严偏差校正（加性模型最小二乘）</source>
        <translation>Corrected for each expert's leniency (additive least squares)</translation>
    </message>
    <message>
        <location filename="../../scoring/aggregate.py" line="381" />
        <source>波达计数（各专家排序积分）</source>
        <translation>Borda count (points from each expert's order)</translation>
    </message>
</context>
<context>
    <name>Agreement</name>
    <message>
        <location filename="../../app/results/explain.py" line="46" />
        <source>{category}：暂无有效评分。</source>
        <translation>{category}: no valid scores yet.</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="47" />
        <source>{head}；{icc}{kendall}{alpha}。</source>
        <translation>{head}; {icc}{kendall}{alpha}.</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="48" />
        <source>{category}（{subs} 件作品、{experts} 位专家，{complete} 件由全部专家评分）</source>
        <translation>{category} ({subs} entries, {experts} experts, {complete} scored by every expert)</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="50" />
        <source>专家平均分的可靠性 {reading}</source>
        <translation>reliability of the experts' mean: {reading}</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="51" />
        <source>{form} 样本过少，不作解释：仅 {complete} 件作品由全部 {experts} 位专家评分（至少需要 {minimum} 件）</source>
        <translation>{form} not read: too few data — only {complete} submissions were scored by all {experts} experts (at least {minimum} needed)</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="53" />
        <source>{form} 不适用：估计值为负（{value}），说明专家之间的差异不小于作品之间的差异，这个数值不表示一致程度</source>
        <translation>{form} not applicable: the estimate is negative ({value}) — the experts differ at least as much as the submissions; the number does not measure agreement</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="55" />
        <source>{form} = {value}，属“{word}”{interval}</source>
        <translation>{form} = {value}, "{word}"{interval}</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="56" />
        <source>（95% 置信区间 {low}～{high}）</source>
        <translation> (95% confidence interval {low}–{high})</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="57" />
        <source>（95% 置信区间 {low}～{high}，区间很宽，结论不稳）</source>
        <translation> (95% confidence interval {low}–{high}; too wide to conclude)</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="58" />
        <source>；排序一致性 W = {w}（{word}，p = {p}，{significance}）</source>
        <translation>; agreement on the order W = {w} ({word}, p = {p}, {significance})</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="59" />
        <source>；排序一致性 W 样本过少，不作解释</source>
        <translation>; Kendall's W not read: too few data</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="60" />
        <source>；整体一致程度 α = {alpha}（{word}）</source>
        <translation>; overall agreement α = {alpha} ({word})</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="61" />
        <source>；整体一致程度 α 样本过少，不作解释：仅 {pairable} 件作品有两位以上专家评分（至少需要 {minimum} 件）</source>
        <translation>; overall agreement α not read: too few data — only {pairable} submissions were scored by two experts or more (at least {minimum} needed)</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="63" />
        <source>一致性显著</source>
        <translation>significant agreement</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="64" />
        <source>一致性不显著</source>
        <translation>agreement not significant</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="66" />
        <source>无法计算</source>
        <translation>cannot be computed</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="66" />
        <source>较差</source>
        <translation>poor</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="67" />
        <source>一般</source>
        <translation>moderate</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="67" />
        <source>良好</source>
        <translation>good</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="68" />
        <source>优秀</source>
        <translation>excellent</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="68" />
        <source>很强</source>
        <translation>very strong</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="69" />
        <source>较强</source>
        <translation>strong</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="69" />
        <source>中等</source>
        <translation>moderate</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="70" />
        <source>较弱</source>
        <translation>weak</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="70" />
        <source>很弱</source>
        <translation>very weak</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="71" />
        <source>可靠</source>
        <translation>reliable</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="71" />
        <source>可作初步结论</source>
        <translation>enough for tentative conclusions</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="72" />
        <source>分歧较大</source>
        <translation>large disagreement</translation>
    </message>
    <message>
        <location filename="../../app/results/explain.py" line="73" />
        <source>分歧大于随机水平，不表示一致</source>
        <translation>disagreement beyond chance, not agreement</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../ui/application.py" line="90" />
        <source>内部错误</source>
        <translation>Internal error</translation>
    </message>
    <message>
        <location filename="../../ui/application.py" line="91" />
        <source>PanelDesk 遇到一个内部错误（{kind}: {detail}）。如问题反复出现，请设置 PANELDESK_DEBUG=1 后重试并报告。</source>
        <translation>PanelDesk hit an internal error ({kind}: {detail}). If this keeps happening, set PANELDESK_DEBUG=1, try again and report it.</translation>
    </message>
</context>
<context>
    <name>ApplicationView</name>
    <message>
        <location filename="../../ui/review/application_view.py" line="71" />
        <source>提醒</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../ui/review/application_view.py" line="72" />
        <source>未注明类别</source>
        <translation>Category not given</translation>
    </message>
    <message>
        <location filename="../../ui/review/application_view.py" line="73" />
        <source>（无标题）</source>
        <translation>(no title)</translation>
    </message>
    <message>
        <location filename="../../ui/review/application_view.py" line="74" />
        <source>核心亮点</source>
        <translation>Key highlights</translation>
    </message>
    <message>
        <location filename="../../ui/review/application_view.py" line="75" />
        <source>（未填写核心亮点）</source>
        <translation>(no highlights given)</translation>
    </message>
    <message>
        <location filename="../../ui/review/application_view.py" line="76" />
        <source>详细内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/review/application_view.py" line="77" />
        <source>（未填写详细内容）</source>
        <translation>(no details given)</translation>
    </message>
    <message>
        <location filename="../../ui/review/application_view.py" line="155" />
        <source>未选择申报</source>
        <translation>No submission selected</translation>
    </message>
</context>
<context>
    <name>Assembly</name>
    <message>
        <location filename="../../app/assembly/builder.py" line="161" />
        <source>申报材料文件夹为空：{intake_dir}</source>
        <translation>The intake folder is empty: {intake_dir}</translation>
    </message>
    <message>
        <location filename="../../app/assembly/builder.py" line="177" />
        <source>已取消生成评审包，未写入任何文件</source>
        <translation>Building the packet was cancelled; no file was written</translation>
    </message>
    <message>
        <location filename="../../app/assembly/builder.py" line="190" />
        <source>没有任何申报材料可以纳入评审包（全部被拒收或排除），请查看各条目的原因</source>
        <translation>No entry can go into the packet (all were rejected or excluded); see each entry's reason</translation>
    </message>
    <message>
        <location filename="../../app/assembly/scan.py" line="88" />
        <source>申报书无法读取：{first_error}</source>
        <translation>The application form cannot be read: {first_error}</translation>
    </message>
    <message>
        <location filename="../../app/assembly/scan.py" line="92" />
        <source>未找到申报书（应为含“申报单位”“实践标题”等栏目的 Word 或 PDF 文件）</source>
        <translation>No application form found (a Word or PDF file with fields such as 申报单位 and 实践标题)</translation>
    </message>
    <message>
        <location filename="../../app/assembly/scan.py" line="95" />
        <source>其中的压缩包{archives}无法读取（不读取压缩包中的压缩包，也不支持 RAR、7z 格式），请解压后把其中的文件放入条目文件夹</source>
        <translation>the archives {archives} in it cannot be read (an archive inside an archive is not opened, and RAR and 7z are not supported); unpack them and put their files in the entry folder</translation>
    </message>
</context>
<context>
    <name>Assignments</name>
    <message>
        <location filename="../../app/assembly/assignments.py" line="51" />
        <source>申报（submission）</source>
        <translation>submission</translation>
    </message>
    <message>
        <location filename="../../app/assembly/assignments.py" line="52" />
        <source>类别（category）</source>
        <translation>category</translation>
    </message>
    <message>
        <location filename="../../app/assembly/assignments.py" line="53" />
        <source>单位（unit）</source>
        <translation>unit</translation>
    </message>
    <message>
        <location filename="../../app/assembly/assignments.py" line="111" />
        <source>分配文件</source>
        <translation>assignment file</translation>
    </message>
    <message>
        <location filename="../../app/assembly/assignments.py" line="116" />
        <source>回避文件</source>
        <translation>conflict file</translation>
    </message>
    <message>
        <location filename="../../app/assembly/assignments.py" line="143" />
        <source>{where}：没有申报“{value}”（应为申报材料的文件或文件夹名，或评审包中的申报编号）</source>
        <translation>{where}: there is no submission "{value}" (give a file or folder name from the intake folder, or a submission id in the packet)</translation>
    </message>
    <message>
        <location filename="../../app/assembly/assignments.py" line="190" />
        <source>{where}：与{where2}矛盾（专家“{expert}”与申报“{value}”既分配又取消分配）</source>
        <translation>{where}: contradicts {where2} (expert "{expert}" is both assigned and unassigned submission "{value}")</translation>
    </message>
    <message>
        <location filename="../../app/assembly/assignments.py" line="210" />
        <source>{where}：专家“{expert}”不在专家名单中</source>
        <translation>{where}: expert "{expert}" is not on the roster</translation>
    </message>
    <message>
        <location filename="../../app/assembly/assignments.py" line="214" />
        <source>{where}：手动调整只能针对一份申报（submission），不能针对类别</source>
        <translation>{where}: a manual change applies to one submission, not to a category</translation>
    </message>
    <message>
        <location filename="../../app/assembly/assignments.py" line="217" />
        <source>{where}：类别“{value}”不是评审细则的类别（可用：{categories}）</source>
        <translation>{where}: "{value}" is not a category of the rubric (available: {categories})</translation>
    </message>
    <message>
        <location filename="../../app/assembly/assignments.py" line="240" />
        <source>{what} {name}</source>
        <translation>{what} {name}</translation>
    </message>
    <message>
        <location filename="../../app/assembly/assignments.py" line="242" />
        <source>{label} 格式不支持：请使用 .csv（在 Excel 中另存为 CSV UTF-8）</source>
        <translation>{label}: format not supported; use .csv (in Excel: Save As CSV UTF-8)</translation>
    </message>
    <message>
        <location filename="../../app/assembly/assignments.py" line="246" />
        <source>{label} 过大（超过 {max_file_bytes} MB）</source>
        <translation>{label} is too large (over {max_file_bytes} MB)</translation>
    </message>
    <message>
        <location filename="../../app/assembly/assignments.py" line="251" />
        <source>{label} 无法读取：{reason}</source>
        <translation>{label} cannot be read: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/assembly/assignments.py" line="266" />
        <source>{label} 超过 {max_rows} 行</source>
        <translation>{label} has more than {max_rows} rows</translation>
    </message>
    <message>
        <location filename="../../app/assembly/assignments.py" line="274" />
        <source>{label} 第 {number} 行</source>
        <translation>{label}, row {number}</translation>
    </message>
    <message>
        <location filename="../../app/assembly/assignments.py" line="280" />
        <source>{where}：缺少专家编号</source>
        <translation>{where}: the expert id is missing</translation>
    </message>
    <message>
        <location filename="../../app/assembly/assignments.py" line="283" />
        <source>{where}：以下几列应填写且只填写一列：{wanted}</source>
        <translation>{where}: fill in exactly one of these columns: {wanted}</translation>
    </message>
    <message>
        <location filename="../../app/assembly/assignments.py" line="287" />
        <source>{where}：内容过长</source>
        <translation>{where}: the text is too long</translation>
    </message>
    <message>
        <location filename="../../app/assembly/assignments.py" line="292" />
        <source>{label} 是空的：需要表头行</source>
        <translation>{label} is empty: a header row is needed</translation>
    </message>
    <message>
        <location filename="../../app/assembly/assignments.py" line="301" />
        <source>{where}：调整（override）应为 assign/分配 或 unassign/取消分配，而不是“{cell}”</source>
        <translation>{where}: override must be assign/分配 or unassign/取消分配, not "{cell}"</translation>
    </message>
    <message>
        <location filename="../../app/assembly/assignments.py" line="320" />
        <source>{label} 第 {number} 行：表头应为 {names}（实际为：{value}）</source>
        <translation>{label}, row {number}: the header should be {names} (found: {value})</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../ui/organizer/audit_view.py" line="92" />
        <source>操作记录</source>
        <translation>Decision log</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../ui/organizer/audit_view.py" line="26" />
        <source>排除</source>
        <translation>Exclude</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_view.py" line="27" />
        <source>恢复纳入</source>
        <translation>Include again</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_view.py" line="28" />
        <source>标记为重复</source>
        <translation>Mark as duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_view.py" line="29" />
        <source>取消重复标记</source>
        <translation>Not a duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_view.py" line="30" />
        <source>修改字段</source>
        <translation>Edit field</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_view.py" line="31" />
        <source>确认提示</source>
        <translation>Acknowledge warning</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_view.py" line="32" />
        <source>撤销确认</source>
        <translation>Withdraw acknowledgement</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_view.py" line="33" />
        <source>修改专家名单</source>
        <translation>Edit roster</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_view.py" line="34" />
        <source>修改分组与回避</source>
        <translation>Change panels and conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_view.py" line="35" />
        <source>手动分配</source>
        <translation>Assigned by hand</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_view.py" line="36" />
        <source>手动取消分配</source>
        <translation>Unassigned by hand</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_view.py" line="53" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_view.py" line="53" />
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_view.py" line="54" />
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_view.py" line="54" />
        <source>对象</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_view.py" line="55" />
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_view.py" line="55" />
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_view.py" line="56" />
        <source>理由</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>AuditText</name>
    <message>
        <location filename="../../ui/organizer/audit_text.py" line="19" />
        <source>排除</source>
        <translation>Exclude</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_text.py" line="20" />
        <source>重复于</source>
        <translation>Duplicate of</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_text.py" line="21" />
        <source>字段</source>
        <translation>Fields</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_text.py" line="22" />
        <source>确认提示</source>
        <translation>Acknowledge warning</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_text.py" line="23" />
        <source>仍向专家显示</source>
        <translation>Still shown to experts</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_text.py" line="24" />
        <source>已分配</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_text.py" line="25" />
        <source>手动调整</source>
        <translation>Adjusted by hand</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_text.py" line="26" />
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_text.py" line="27" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_text.py" line="28" />
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_text.py" line="29" />
        <source>指纹</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_text.py" line="32" />
        <source>分配</source>
        <translation>assign</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_text.py" line="33" />
        <source>取消分配</source>
        <translation>unassign</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_text.py" line="36" />
        <source>添加专家</source>
        <translation>Expert added</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_text.py" line="37" />
        <source>修改专家信息</source>
        <translation>Expert edited</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_text.py" line="38" />
        <source>删除专家</source>
        <translation>Remove expert</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_text.py" line="39" />
        <source>登记指纹</source>
        <translation>Fingerprint enrolled</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_text.py" line="40" />
        <source>导入名单</source>
        <translation>Roster imported</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_text.py" line="42" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/audit_text.py" line="42" />
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>BuildDoubtsDialog</name>
    <message>
        <location filename="../../ui/organizer/build_guard.py" line="95" />
        <source>生成前请确认</source>
        <translation>Confirm before building</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_guard.py" line="106" />
        <source>返回处理</source>
        <translation>Go back and resolve</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_guard.py" line="107" />
        <source>仍然生成</source>
        <translation>Build anyway</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_guard.py" line="119" />
        <source>有 {count} 份将纳入评审包的申报仍标为“需处理”：其提示尚未处理或确认，会原样交给专家。</source>
        <translation>{count} entries going into the packet are still marked “Needs attention”: their warnings have not been resolved or acknowledged and will reach the experts as they are.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_guard.py" line="122" />
        <source>有 {count} 位专家没有登记公钥指纹：导入其评分表时需要核对指纹。</source>
        <translation>{count} experts on the roster have no enrolled key fingerprint: their score sheets will need a fingerprint check at import.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_guard.py" line="125" />
        <source>申报材料仍在读取中，以下清单可能不完整。</source>
        <translation>The intake folder is still being read; this list may be incomplete.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_guard.py" line="131" />
        <source>需处理的申报：</source>
        <translation>Entries needing attention:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_guard.py" line="137" />
        <source>未登记指纹的专家：</source>
        <translation>Experts without an enrolled fingerprint:</translation>
    </message>
</context>
<context>
    <name>BuildPage</name>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="69" />
        <source>解锁组织方密钥</source>
        <translation>Unlock the organizer key</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="70" />
        <source>请输入组织方密钥的口令（用于给评审包签名）：</source>
        <translation>Passphrase of the organizer key (to sign the packet):</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="76" />
        <source>选择评审细则文件</source>
        <translation>Choose a rubric file</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="77" />
        <source>评审细则 (*.toml *.json);;所有文件 (*)</source>
        <translation>Rubrics (*.toml *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="141" />
        <source>选择评审细则…</source>
        <translation>Choose rubric…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="143" />
        <source>用内置细则</source>
        <translation>Use the built-in rubric</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="139" />
        <source>评审细则：</source>
        <translation>Rubric:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="150" />
        <source>评审包标题：</source>
        <translation>Packet title:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="153" />
        <source>组织方密钥：</source>
        <translation>Organizer key:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="166" />
        <source>生成评审包</source>
        <translation>Build packet</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="169" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="193" />
        <source>查看全部提示…</source>
        <translation>Show all warnings…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="205" />
        <source>复制给专家的说明</source>
        <translation>Copy the note for experts</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="207" />
        <source>打开所在文件夹</source>
        <translation>Open containing folder</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="224" />
        <source>内置评审细则</source>
        <translation>Built-in rubric</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="234" />
        <source>评审细则有误：{error}</source>
        <translation>The rubric has an error: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="237" />
        <source>尚未创建（在“专家与分配”一步创建）</source>
        <translation>Not created yet (create it in the "Panel" step)</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="246" />
        <source>尚未创建组织方密钥：请先在“专家与分配”一步创建。</source>
        <translation>No organizer key yet: create one in the "Panel" step first.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="248" />
        <source>评审细则有误，无法生成评审包。</source>
        <translation>The rubric has an error; no packet can be built.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="288" />
        <source>正在解锁密钥…</source>
        <translation>Unlocking the key…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="297" />
        <source>正在生成 {done}/{total}：{name}</source>
        <translation>Building {done}/{total}: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="314" />
        <source>已取消，未写入评审包。</source>
        <translation>Cancelled; no packet was written.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="316" />
        <source>未能生成评审包：{error}</source>
        <translation>The packet could not be built: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="318" />
        <source>生成评审包时发生内部错误（{kind}: {detail}）</source>
        <translation>Internal error while building the packet ({kind}: {detail})</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="328" />
        <source>评审包已生成：{name}</source>
        <translation>Packet built: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="335" />
        <source>生成评审包的全部提示</source>
        <translation>All warnings of the build</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="349" />
        <source>上次生成的评审包已不在原处：{path}
如需再发给专家，请重新生成。</source>
        <translation>The packet built last is no longer where it was: {path}
To send it to the experts again, build it again.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="360" />
        <source>无法读取上次生成的评审包 {path}：{error}</source>
        <translation>Cannot read the packet built last, {path}: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_page.py" line="369" />
        <source>给专家的说明已复制到剪贴板。</source>
        <translation>The note for experts is on the clipboard.</translation>
    </message>
</context>
<context>
    <name>BuildSummary</name>
    <message>
        <location filename="../../ui/organizer/build_summary.py" line="36" />
        <source>纳入</source>
        <translation>Included</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_summary.py" line="37" />
        <source>已排除</source>
        <translation>Excluded</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_summary.py" line="38" />
        <source>无法读取</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_summary.py" line="44" />
        <source>{name}（版本 {version}）</source>
        <translation>{name} (version {version})</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_summary.py" line="45" />
        <source>评分项（满分 · 权重）：</source>
        <translation>Criteria (maximum · weight):</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_summary.py" line="46" />
        <source>类别：{categories}</source>
        <translation>Categories: {categories}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_summary.py" line="48" />
        <source>  · {name}：{value}</source>
        <translation>  · {name}: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_summary.py" line="49" />
        <source>奖项：</source>
        <translation>Awards:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_summary.py" line="50" />
        <source>{count} 名</source>
        <translation>{count}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_summary.py" line="51" />
        <source>{percent}%</source>
        <translation>{percent}%</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_summary.py" line="52" />
        <source>  （未设奖项）</source>
        <translation>  (no awards)</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_summary.py" line="53" />
        <source>各位评审专家：

附件“{file}”是本次评审的评审包（{title}，共 {count} 份申报）。
1. 安装并打开 PanelDesk 评审台，选择“文件 ▸ 打开评审包…”，打开该文件；
2. 核对组织方密钥指纹，应为：
   {fingerprint}
   如不一致，请勿评审，并与我们联系；
3. 选择您的姓名，声明回避后开始评分；完成后“导出评分表”，把 .xlsx 文件发回给我们。

评审包编号：{packet_id}</source>
        <translation>Dear experts,

The attached "{file}" is the judging packet of this round ({title}, {count} applications).
1. Install and start PanelDesk, choose "File ▸ Open packet…" and open the file;
2. Compare the organizer's key fingerprint; it must be:
   {fingerprint}
   If it differs, do not review, and contact us;
3. Choose your name, declare conflicts of interest, then score; when done, "Export score sheet" and send the .xlsx file back to us.

Packet id: {packet_id}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_summary.py" line="62" />
        <source>重复，保留：{kept}</source>
        <translation>Duplicate; kept: {kept}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_summary.py" line="63" />
        <source>已生成 {file}
纳入 {included} 份 · 排除 {excluded} 份 · 无法读取 {rejected} 份
组织方密钥指纹：{fingerprint}</source>
        <translation>Built {file}
{included} included · {excluded} excluded · {rejected} rejected
Organizer key fingerprint: {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_summary.py" line="67" />
        <source>…另有 {n} 条提示（点“查看全部提示…”）</source>
        <translation>…and {n} more warnings (click “Show all warnings…”)</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_summary.py" line="68" />
        <source>本轮的评审包：{file}
共 {count} 份申报 · 评审包编号：{packet_id}
组织方密钥指纹：{fingerprint}</source>
        <translation>This round’s packet: {file}
{count} entries · packet ID: {packet_id}
Organizer key fingerprint: {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_summary.py" line="71" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_summary.py" line="168" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_summary.py" line="168" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_summary.py" line="169" />
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/build_summary.py" line="169" />
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
</context>
<context>
    <name>BuildWarnings</name>
    <message>
        <location filename="../../app/assembly/assignments.py" line="36" />
        <source>申报 {id} 只分配给 {count} 位专家，少于有效评分所需的 {needed} 位</source>
        <translation>Submission {id} is assigned to {count} experts, fewer than the {needed} valid scores need</translation>
    </message>
</context>
<context>
    <name>CheckIn</name>
    <message>
        <location filename="../../ui/review/check_in.py" line="109" />
        <source>公钥指纹不一致</source>
        <translation>Fingerprint mismatch</translation>
    </message>
    <message>
        <location filename="../../ui/review/check_in.py" line="109" />
        <source>组织方登记的公钥指纹（{pinned}）与本机密钥（{mine}）不同，请联系组织方核对。</source>
        <translation>The registered fingerprint ({pinned}) differs from this computer's key ({mine}); please check with the organizer.</translation>
    </message>
    <message>
        <location filename="../../ui/review/check_in.py" line="129" />
        <source>未能保存</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>CommentRule</name>
    <message>
        <location filename="../../app/rubrics.py" line="25" />
        <source>总分低于{limit}分，须填写评语</source>
        <translation>Total below {limit}: a comment is required</translation>
    </message>
    <message>
        <location filename="../../app/rubrics.py" line="26" />
        <source>总分高于{limit}分，须填写评语</source>
        <translation>Total above {limit}: a comment is required</translation>
    </message>
</context>
<context>
    <name>CommonMenus</name>
    <message>
        <location filename="../../ui/common_menus.py" line="53" />
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/common_menus.py" line="65" />
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../ui/common_menus.py" line="66" />
        <source>界面语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../ui/common_menus.py" line="90" />
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../ui/common_menus.py" line="26" />
        <source>界面语言将在重新启动 PanelDesk 后生效。</source>
        <translation>The interface language changes the next time PanelDesk starts.</translation>
    </message>
    <message>
        <location filename="../../ui/common_menus.py" line="95" />
        <source>关于 PanelDesk 评审台(&amp;A)</source>
        <translation>&amp;About PanelDesk</translation>
    </message>
    <message>
        <location filename="../../ui/common_menus.py" line="97" />
        <source>PanelDesk 评审台 {version}
离线专家评审工具：评审包、专家评分、签名评分表与结果汇总。</source>
        <translation>PanelDesk {version}
Offline expert panel review: judging packets, expert scoring, signed score sheets and aggregated results.</translation>
    </message>
    <message>
        <location filename="../../ui/common_menus.py" line="100" />
        <source>关于 PanelDesk 评审台</source>
        <translation>About PanelDesk</translation>
    </message>
</context>
<context>
    <name>CriterionCard</name>
    <message>
        <location filename="../../ui/review/rubric_widgets.py" line="271" />
        <source>满分 {max}</source>
        <translation>max {max}</translation>
    </message>
    <message>
        <location filename="../../ui/review/rubric_widgets.py" line="279" />
        <source>输入 0 到 {max} 的分数（步长 {step}），上下键调整，清空表示未评</source>
        <translation>Enter a score from 0 to {max} (step {step}); Up/Down to adjust; clear it for "not scored"</translation>
    </message>
    <message>
        <location filename="../../ui/review/rubric_widgets.py" line="321" />
        <source>&lt;b&gt;本类别（{category}）评审提示：&lt;/b&gt;{text}</source>
        <translation>&lt;b&gt;Guidance for this category ({category}):&lt;/b&gt; {text}</translation>
    </message>
    <message>
        <location filename="../../ui/review/rubric_widgets.py" line="325" />
        <source>权重 ×{weight}</source>
        <translation>weight ×{weight}</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="104" />
        <source>新增组织方决定</source>
        <translation>New organizer decision</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="115" />
        <source>必须写明理由；它会写入审计日志并印在结果报告中</source>
        <translation>A reason is required; it goes into the audit log and is printed in the results report</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="117" />
        <source>决定：</source>
        <translation>Decision:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="119" />
        <source>作品编号：</source>
        <translation>Submission ids:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="120" />
        <source>理由：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="121" />
        <source>决定人：</source>
        <translation>Decided by:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="143" />
        <source>请填写决定人</source>
        <translation>Enter who decides</translation>
    </message>
</context>
<context>
    <name>DecisionsTab</name>
    <message>
        <location filename="../../app/results/decisions.py" line="35" />
        <source>取消评奖资格</source>
        <translation>Disqualify</translation>
    </message>
    <message>
        <location filename="../../app/results/decisions.py" line="36" />
        <source>评分不足仍予排名</source>
        <translation>Rank despite too few scores</translation>
    </message>
    <message>
        <location filename="../../app/results/decisions.py" line="37" />
        <source>并列名次由组织方排定</source>
        <translation>Tie ordered by the organizer</translation>
    </message>
    <message>
        <location filename="../../app/results/decisions.py" line="38" />
        <source>重复申报：保留一件</source>
        <translation>Duplicate: keep one</translation>
    </message>
    <message>
        <location filename="../../app/results/decisions.py" line="39" />
        <source>确认不是重复申报</source>
        <translation>Not a duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="50" />
        <source>一件作品：不参与评奖（例如经核实材料不实）</source>
        <translation>One submission: no award (e.g. its claims proved untrue)</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="51" />
        <source>一件作品：有效评分不足仍予排名</source>
        <translation>One submission: ranked although it has too few valid scores</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="52" />
        <source>并列的作品，按决定的名次先后排列</source>
        <translation>The tied submissions, in the order decided</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="53" />
        <source>先写保留的一件，再写不参与评奖的重复件</source>
        <translation>First the one kept, then the duplicates that get no award</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="54" />
        <source>单位和标题相同但不是重复申报的作品</source>
        <translation>Submissions with the same unit and title that are not duplicates</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="57" />
        <source>请填写一件作品的编号</source>
        <translation>Enter the id of one submission</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="58" />
        <source>请先写保留的一件，再写至少一件重复件</source>
        <translation>Enter the one kept first, then at least one duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="59" />
        <source>评审包中没有这些作品：{ids}</source>
        <translation>The packet has no such submissions: {ids}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="60" />
        <source>新的决定</source>
        <translation>New decision</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="61" />
        <source>理由（写入审计日志）：</source>
        <translation>Reason (kept in the audit log):</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="183" />
        <source>组织方</source>
        <translation>Organizer</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="185" />
        <source>组织方对结果的决定（取消资格、评分不足仍予排名、排定并列名次、重复申报）都须写明理由，记录在审计日志中，并印在结果工作簿和报告里。</source>
        <translation>Every decision on the results (disqualification, ranking despite too few scores, ordering a tie, duplicates) needs a reason; it is kept in the audit log and printed in the results workbook and report.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="193" />
        <source>新增决定(&amp;N)…</source>
        <translation>&amp;New decision…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="194" />
        <source>撤销所选决定</source>
        <translation>Withdraw selected decision</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="195" />
        <source>从决定文件导入…</source>
        <translation>Import decisions file…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="196" />
        <source>另存为决定文件…</source>
        <translation>Save as decisions file…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="226" />
        <source>撤销决定</source>
        <translation>Withdraw decision</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="231" />
        <source>选择决定文件</source>
        <translation>Choose a decisions file</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="231" />
        <location filename="../../ui/organizer/decisions_tab.py" line="241" />
        <source>决定文件 (*.json)</source>
        <translation>Decisions file (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="234" />
        <source>导入决定文件</source>
        <translation>Import decisions file</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="240" />
        <source>另存为决定文件</source>
        <translation>Save as decisions file</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="253" />
        <source>保存决定时发生内部错误（{kind}）</source>
        <translation>Internal error while saving the decision ({kind})</translation>
    </message>
</context>
<context>
    <name>ErrorViewer</name>
    <message>
        <location filename="../../ui/evidence/text_viewers.py" line="148" />
        <location filename="../../ui/evidence/text_viewers.py" line="168" />
        <source>无法显示此文件</source>
        <translation>This file cannot be shown</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <location filename="../../app/evidence/preview.py" line="56" />
        <source>{what}已损坏，无法打开</source>
        <translation>{what} is damaged and cannot be opened</translation>
    </message>
    <message>
        <location filename="../../app/evidence/preview.py" line="59" />
        <source>{what}无法打开：{reason}</source>
        <translation>{what} cannot be opened: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/evidence/preview.py" line="104" />
        <source>{what}已损坏，无法打开（{err}）</source>
        <translation>{what} is damaged and cannot be opened ({err})</translation>
    </message>
    <message>
        <location filename="../../app/evidence/preview.py" line="120" />
        <source>表格文件内容损坏，无法读取（{err}）</source>
        <translation>The spreadsheet is damaged and cannot be read ({err})</translation>
    </message>
    <message>
        <location filename="../../app/evidence/preview.py" line="123" />
        <source>表格文件中没有工作表</source>
        <translation>The spreadsheet has no worksheet</translation>
    </message>
    <message>
        <location filename="../../app/evidence/preview.py" line="169" />
        <source>Word 文件已损坏，无法读取（{err}）</source>
        <translation>The Word file is damaged and cannot be read ({err})</translation>
    </message>
    <message>
        <location filename="../../app/evidence/preview.py" line="173" />
        <source>Word 文件中没有文字内容</source>
        <translation>The Word file has no text</translation>
    </message>
    <message>
        <location filename="../../app/evidence/preview.py" line="194" />
        <source>文件不是可识别的文本（编码无法识别或包含二进制内容）</source>
        <translation>The file is not recognisable text (unknown encoding or binary content)</translation>
    </message>
    <message>
        <location filename="../../app/ooxml/docx.py" line="28" />
        <source>不是 Word 文档（.docx）：缺少正文</source>
        <translation>Not a Word document (.docx): the body is missing</translation>
    </message>
    <message>
        <location filename="../../app/ooxml/parts.py" line="47" />
        <source>不是有效的 zip 文件（{name}），可能已截断或是其他类型的文件</source>
        <translation>Not a valid zip file ({name}); it may be truncated or another kind of file</translation>
    </message>
    <message>
        <location filename="../../app/ooxml/parts.py" line="53" />
        <source>内部文件过多（{count} 个）</source>
        <translation>Too many parts inside ({count})</translation>
    </message>
    <message>
        <location filename="../../app/ooxml/parts.py" line="58" />
        <source>解压后过大（{total} MB，上限 {max_total} MB），疑似压缩炸弹</source>
        <translation>Too large when unpacked ({total} MB, limit {max_total} MB); a suspected compression bomb</translation>
    </message>
    <message>
        <location filename="../../app/ooxml/parts.py" line="82" />
        <source>缺少内部文件 {name}</source>
        <translation>The part {name} is missing</translation>
    </message>
    <message>
        <location filename="../../app/ooxml/parts.py" line="85" />
        <source>内部文件 {name} 过大（{file_size} KB，上限 {max_bytes} KB）</source>
        <translation>The part {name} is too large ({file_size} KB, limit {max_bytes} KB)</translation>
    </message>
    <message>
        <location filename="../../app/ooxml/parts.py" line="96" />
        <source>内部文件 {name} 含有过多元素（超过 {max_elements} 个）</source>
        <translation>The part {name} has too many elements (over {max_elements})</translation>
    </message>
    <message>
        <location filename="../../app/ooxml/parts.py" line="102" />
        <source>内部文件 {name} 含有 XML 实体定义（DTD），正常文件不会有，疑似恶意文件</source>
        <translation>The part {name} defines XML entities (a DTD), which ordinary files never do; it may be malicious</translation>
    </message>
    <message>
        <location filename="../../app/ooxml/parts.py" line="118" />
        <source>内部文件 {name} 的大小与目录不符</source>
        <translation>The size of the part {name} differs from the directory's</translation>
    </message>
    <message>
        <location filename="../../app/ooxml/parts.py" line="125" />
        <source>内部文件 {name} 的 XML 格式错误（{code}）</source>
        <translation>The part {name} is not well-formed XML ({code})</translation>
    </message>
    <message>
        <location filename="../../app/ooxml/parts.py" line="130" />
        <source>内部文件 {name} 已损坏（{name2}）</source>
        <translation>The part {name} is damaged ({name2})</translation>
    </message>
    <message>
        <location filename="../../app/ooxml/xlsx.py" line="100" />
        <source>不是 Excel 工作簿（.xlsx）：缺少工作簿结构</source>
        <translation>Not an Excel workbook (.xlsx): the workbook structure is missing</translation>
    </message>
    <message>
        <location filename="../../app/ooxml/xlsx.py" line="204" />
        <source>共享文本条目过多（超过 {max_strings} 条）</source>
        <translation>Too many shared strings (over {max_strings})</translation>
    </message>
    <message>
        <location filename="../../app/ooxml/xlsx.py" line="222" />
        <source>共享文本过长（超过 {max_string_chars} 个字符）</source>
        <translation>The shared strings are too long (over {max_string_chars} characters)</translation>
    </message>
    <message>
        <location filename="../../app/ooxml/xlsx.py" line="274" />
        <source>缺少工作表“{sheet}”</source>
        <translation>The worksheet "{sheet}" is missing</translation>
    </message>
    <message>
        <location filename="../../app/ooxml/xlsx.py" line="353" />
        <source>单元格引用了不存在的共享文本（第 {index} 条）</source>
        <translation>A cell refers to a shared string that does not exist (number {index})</translation>
    </message>
    <message>
        <location filename="../../app/ooxml/xlsx.py" line="361" />
        <source>单元格的数值无效（“{raw}”）</source>
        <translation>A cell holds an invalid number ("{raw}")</translation>
    </message>
</context>
<context>
    <name>EvidenceKind</name>
    <message>
        <location filename="../../app/evidence/kinds.py" line="203" />
        <source>图片</source>
        <translation>Image</translation>
    </message>
    <message>
        <location filename="../../app/evidence/kinds.py" line="205" />
        <source>PDF 文档</source>
        <translation>PDF document</translation>
    </message>
    <message>
        <location filename="../../app/evidence/kinds.py" line="207" />
        <source>表格</source>
        <translation>Spreadsheet</translation>
    </message>
    <message>
        <location filename="../../app/evidence/kinds.py" line="209" />
        <source>Word 文档</source>
        <translation>Word document</translation>
    </message>
    <message>
        <location filename="../../app/evidence/kinds.py" line="212" />
        <source>链接</source>
        <translation>Links</translation>
    </message>
    <message>
        <location filename="../../app/evidence/kinds.py" line="214" />
        <source>文本</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../app/evidence/kinds.py" line="217" />
        <source>其他文件</source>
        <translation>Other file</translation>
    </message>
</context>
<context>
    <name>EvidenceListModel</name>
    <message>
        <location filename="../../ui/evidence/model.py" line="145" />
        <source>无法显示：</source>
        <translation>Cannot display: </translation>
    </message>
</context>
<context>
    <name>EvidenceLoading</name>
    <message>
        <location filename="../../ui/evidence/decoding.py" line="38" />
        <source>图片已损坏或格式不受支持，无法显示</source>
        <translation>The image is damaged or in an unsupported format and cannot be shown</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/loading.py" line="40" />
        <source>此类文件（{0}）无法在评审台中预览，请在评审结束后另行查看</source>
        <translation>This kind of file ({0}) cannot be previewed in PanelDesk; please look at it separately after the review</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/loading.py" line="77" />
        <source>此类文件没有缩略图</source>
        <translation>No thumbnail for this kind of file</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/decoding.py" line="70" />
        <source>文件过大，内存不足，无法显示</source>
        <translation>The file is too large to show (not enough memory)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/decoding.py" line="71" />
        <source>读取文件时发生意外错误（{0}）</source>
        <translation>Unexpected error while reading the file ({0})</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../../ui/evidence/panel.py" line="105" />
        <source>缩小（-）</source>
        <translation>Zoom out (-)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/panel.py" line="106" />
        <source>原始大小（0）</source>
        <translation>Actual size (0)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/panel.py" line="107" />
        <source>放大（+）</source>
        <translation>Zoom in (+)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/panel.py" line="108" />
        <source>适合</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/panel.py" line="108" />
        <source>适合窗口</source>
        <translation>Fit to window</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/fullscreen.py" line="17" />
        <location filename="../../ui/evidence/panel.py" line="109" />
        <source>全屏</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/fullscreen.py" line="12" />
        <location filename="../../ui/evidence/panel.py" line="109" />
        <source>全屏查看（F11）</source>
        <translation>Full screen (F11)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/panel.py" line="120" />
        <source>正在读取……</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/panel.py" line="190" />
        <source>本申报没有佐证材料</source>
        <translation>This submission has no evidence</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/panel.py" line="191" />
        <source>未选择申报</source>
        <translation>No submission selected</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/panel.py" line="333" />
        <source>无法显示 {0}：{1}</source>
        <translation>Cannot display {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/fullscreen.py" line="13" />
        <source>退出全屏（Esc / F11）</source>
        <translation>Exit full screen (Esc / F11)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/fullscreen.py" line="14" />
        <source>全屏查看：按 Esc 或 F11 返回</source>
        <translation>Full screen: press Esc or F11 to return</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/fullscreen.py" line="18" />
        <source>退出全屏</source>
        <translation>Exit full screen</translation>
    </message>
</context>
<context>
    <name>EvidenceView</name>
    <message>
        <location filename="../../ui/organizer/evidence_view.py" line="40" />
        <source>申报材料中已没有这个文件（申报材料文件夹可能已改动）。</source>
        <translation>This file is no longer in the application (the intake folder may have changed).</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/evidence_view.py" line="41" />
        <source>这类文件不能在这里查看，请在申报材料文件夹中用相应软件打开。</source>
        <translation>This kind of file cannot be shown here; open it from the intake folder with a program for it.</translation>
    </message>
</context>
<context>
    <name>ExportCheck</name>
    <message>
        <location filename="../../app/sheets/export.py" line="60" />
        <source>{sid} 尚未评分</source>
        <translation>{sid} not scored yet</translation>
    </message>
    <message>
        <location filename="../../app/sheets/export.py" line="61" />
        <source>{sid} 缺少评分项：{criteria}</source>
        <translation>{sid} missing criteria: {criteria}</translation>
    </message>
    <message>
        <location filename="../../app/sheets/export.py" line="62" />
        <source>{sid} {reason}</source>
        <translation>{sid} {reason}</translation>
    </message>
    <message>
        <location filename="../../app/sheets/export.py" line="63" />
        <source>{sid} 标记了“类别不符”但未写明建议类别</source>
        <translation>{sid} is flagged "wrong category" without a suggested category</translation>
    </message>
    <message>
        <location filename="../../app/sheets/export.py" line="64" />
        <source>{sid} 标记了“{flags}”但评语中未作说明</source>
        <translation>{sid} is flagged "{flags}" but the comment does not explain it</translation>
    </message>
    <message>
        <location filename="../../app/sheets/export.py" line="65" />
        <source>工作区 {path} 中有 {count} 处数值不符合评审细则，不能导出评分表：{problems}</source>
        <translation>The workspace {path} holds {count} value(s) the rubric does not allow; the score sheet cannot be exported: {problems}</translation>
    </message>
    <message>
        <location filename="../../app/sheets/payload.py" line="41" />
        <source>工作区 {path} 中的评分表版本记录无效（{last}），不能导出评分表</source>
        <translation>The record of exported versions in the workspace {path} is invalid ({last}); the score sheet cannot be exported</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/review/export_dialog.py" line="54" />
        <location filename="../../ui/review/export_dialog.py" line="68" />
        <source>导出评分表</source>
        <translation>Export score sheet</translation>
    </message>
    <message>
        <location filename="../../ui/review/export_dialog.py" line="55" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/review/export_dialog.py" line="76" />
        <source>评分尚未完成，还有 {count} 项：</source>
        <translation>Scoring is not finished; {count} items remain:</translation>
    </message>
    <message>
        <location filename="../../ui/review/export_dialog.py" line="78" />
        <source>检查通过：全部申报已评分，评语和标记完整。</source>
        <translation>Check passed: every submission is scored, comments and flags are complete.</translation>
    </message>
    <message>
        <location filename="../../ui/review/export_dialog.py" line="85" />
        <source>……另有 {count} 项</source>
        <translation>… and {count} more</translation>
    </message>
    <message>
        <location filename="../../ui/review/export_dialog.py" line="90" />
        <source>仍然导出为“部分评分（未完成）”评分表，稍后可再导出完整版本</source>
        <translation>Export anyway as a "partial (unfinished)" sheet; a complete version can be exported later</translation>
    </message>
    <message>
        <location filename="../../ui/review/export_dialog.py" line="96" />
        <source>签名密钥指纹：</source>
        <translation>Signing key fingerprint:</translation>
    </message>
    <message>
        <location filename="../../ui/review/export_dialog.py" line="99" />
        <source>密钥口令(&amp;P)：</source>
        <translation>Key &amp;passphrase:</translation>
    </message>
    <message>
        <location filename="../../ui/review/export_dialog.py" line="102" />
        <source>浏览(&amp;B)…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/review/export_dialog.py" line="106" />
        <source>保存到(&amp;S)：</source>
        <translation>&amp;Save to:</translation>
    </message>
    <message>
        <location filename="../../ui/review/export_dialog.py" line="115" />
        <source>请先勾选上面的“部分评分”选项，才能导出未完成的评分表。</source>
        <translation>Tick the "partial" option above to export an unfinished sheet.</translation>
    </message>
    <message>
        <location filename="../../ui/review/export_dialog.py" line="122" />
        <source>导出(&amp;E)</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <location filename="../../ui/review/export_dialog.py" line="172" />
        <source>请选择评分表的保存位置。</source>
        <translation>Please choose where to save the score sheet.</translation>
    </message>
    <message>
        <location filename="../../ui/review/export_dialog.py" line="178" />
        <source>文件夹不存在：{folder}</source>
        <translation>Folder does not exist: {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/review/export_dialog.py" line="182" />
        <source>请输入密钥口令。</source>
        <translation>Please enter the key passphrase.</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <location filename="../../app/atomic.py" line="49" />
        <source>无法写入{what} {path}：文件夹不存在</source>
        <translation>Cannot write the {what} {path}: the folder does not exist</translation>
    </message>
    <message>
        <location filename="../../app/atomic.py" line="54" />
        <location filename="../../app/atomic.py" line="64" />
        <source>无法写入{what} {path}：{reason}</source>
        <translation>Cannot write the {what} {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/fonts.py" line="20" />
        <source>无法加载 PyMuPDF 自带的中文字体：{err}</source>
        <translation>Cannot load the Chinese font that comes with PyMuPDF: {err}</translation>
    </message>
    <message>
        <location filename="../../app/paths.py" line="46" />
        <source>没有写入权限</source>
        <translation>no permission to write</translation>
    </message>
    <message>
        <location filename="../../app/paths.py" line="48" />
        <source>（由环境变量 PANELDESK_HOME 指定）</source>
        <translation> (set by the environment variable PANELDESK_HOME)</translation>
    </message>
    <message>
        <location filename="../../app/paths.py" line="49" />
        <source>无法使用数据文件夹 {path}{source}：{problem}。请确认该文件夹存在且可写，或改用其他文件夹</source>
        <translation>Cannot use the data folder {path}{source}: {problem}. Make sure it exists and is writable, or use another folder</translation>
    </message>
</context>
<context>
    <name>Flags</name>
    <message>
        <location filename="../../app/workspace/flags.py" line="12" />
        <source>疑似不实</source>
        <translation>Possibly untrue</translation>
    </message>
    <message>
        <location filename="../../app/workspace/flags.py" line="13" />
        <source>未脱敏</source>
        <translation>Not anonymised</translation>
    </message>
    <message>
        <location filename="../../app/workspace/flags.py" line="14" />
        <source>类别不符</source>
        <translation>Wrong category</translation>
    </message>
    <message>
        <location filename="../../app/workspace/flags.py" line="22" />
        <source>未知的标记“{flag}”，可用：{choices}</source>
        <translation>Unknown flag "{flag}"; available: {choices}</translation>
    </message>
    <message>
        <location filename="../../app/workspace/flags.py" line="26" />
        <source>只有“类别不符”（wrong_category）标记可以附建议类别，“{label}”不可以</source>
        <translation>Only the wrong-category flag can carry a suggested category, not "{label}"</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="31" />
        <source>{flag}（{count}人）</source>
        <translation>{flag} ({count} experts)</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="32" />
        <source>{flag}→{category}（{count}人）</source>
        <translation>{flag} → {category} ({count} experts)</translation>
    </message>
</context>
<context>
    <name>FormDocument</name>
    <message>
        <location filename="../../ui/organizer/form_document.py" line="66" />
        <source>（未能读取原文件的版式，以下按提取的文字显示，表格的行列尽量还原）</source>
        <translation>(The layout of the original file could not be read: below is the extracted text, with table rows and columns restored where possible)</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/form_document.py" line="75" />
        <source>……（申报书过长，以下内容未显示）</source>
        <translation>… (The application form is too long: the rest is not shown)</translation>
    </message>
</context>
<context>
    <name>FullScreenHost</name>
    <message>
        <location filename="../../ui/evidence/fullscreen.py" line="27" />
        <source>佐证材料（按 Esc 返回）</source>
        <translation>Evidence (press Esc to return)</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../ui/review/identity_dialog.py" line="60" />
        <source>确认评审专家身份</source>
        <translation>Confirm your identity</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity_dialog.py" line="69" />
        <source>评审包：{title}
请从专家名单中选择您本人，并{action}您的签名密钥。评分表导出时将用此密钥签名。</source>
        <translation>Packet: {title}
Choose yourself from the roster and {action} your signing key. Score sheets are signed with it when exported.</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity_dialog.py" line="72" />
        <source>创建</source>
        <translation>create</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity_dialog.py" line="72" />
        <source>解锁</source>
        <translation>unlock</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity_dialog.py" line="85" />
        <source>我是(&amp;E)：</source>
        <translation>I am(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity_dialog.py" line="88" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity_dialog.py" line="91" />
        <source>组织方公钥指纹：</source>
        <translation>Organizer key fingerprint:</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity_dialog.py" line="98" />
        <source>设置口令（请牢记，遗失后无法找回）</source>
        <translation>Choose a passphrase (it cannot be recovered if lost)</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity_dialog.py" line="99" />
        <source>新口令(&amp;P)：</source>
        <translation>New passphrase(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity_dialog.py" line="100" />
        <source>再次输入(&amp;C)：</source>
        <translation>Repeat(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity_dialog.py" line="103" />
        <source>密钥口令(&amp;P)：</source>
        <translation>Key passphrase(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity_dialog.py" line="107" />
        <source>我的公钥指纹：</source>
        <translation>My key fingerprint:</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity_dialog.py" line="122" />
        <source>创建密钥并继续</source>
        <translation>Create key and continue</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity_dialog.py" line="122" />
        <source>解锁并继续</source>
        <translation>Unlock and continue</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity_dialog.py" line="123" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity_dialog.py" line="142" />
        <source>（创建后显示）</source>
        <translation>(shown once created)</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity_dialog.py" line="153" />
        <source>注意：组织方为“{name}”登记的公钥指纹（{pinned}）与本机密钥不同。导出的评分表将无法被直接认可，请联系组织方核对。</source>
        <translation>Note: the fingerprint the organizer registered for “{name}” ({pinned}) differs from this computer's key. Exported score sheets will not be accepted as is; please check with the organizer.</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity_dialog.py" line="169" />
        <source>专家名单为空，无法继续。</source>
        <translation>The roster is empty; cannot continue.</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity_dialog.py" line="173" />
        <source>请输入口令。</source>
        <translation>Please enter the passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/review/identity_dialog.py" line="178" />
        <source>两次输入的口令不一致。</source>
        <translation>The passphrases do not match.</translation>
    </message>
</context>
<context>
    <name>ImportModels</name>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="56" />
        <source>有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="57" />
        <source>已被改动</source>
        <translation>Tampered</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="58" />
        <source>未登记的密钥</source>
        <translation>Unknown key</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="59" />
        <source>密钥不符</source>
        <translation>Key mismatch</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="60" />
        <source>不属于本评审包</source>
        <translation>Wrong packet</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="61" />
        <source>数值无效</source>
        <translation>Invalid values</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="62" />
        <source>旧版本</source>
        <translation>Superseded</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="63" />
        <source>重复导入</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="64" />
        <source>版本冲突</source>
        <translation>Version conflict</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="65" />
        <source>未签名</source>
        <translation>Unsigned</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="66" />
        <source>文件无效</source>
        <translation>Malformed</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="67" />
        <source>导入出错</source>
        <translation>Import error</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="72" />
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="155" />
        <location filename="../../ui/organizer/import_models.py" line="279" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="155" />
        <location filename="../../ui/organizer/import_models.py" line="279" />
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="156" />
        <location filename="../../ui/organizer/import_models.py" line="231" />
        <location filename="../../ui/organizer/import_models.py" line="280" />
        <source>专家</source>
        <translation>Expert</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="156" />
        <location filename="../../ui/organizer/import_models.py" line="280" />
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="157" />
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="207" />
        <source>申报</source>
        <translation>Submission</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="207" />
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="208" />
        <source>签名时的值</source>
        <translation>Signed value</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="209" />
        <source>现在的值</source>
        <translation>Value found</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="232" />
        <source>最新版本</source>
        <translation>Latest version</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="233" />
        <source>已评</source>
        <translation>Scored</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="233" />
        <source>回避</source>
        <translation>Recused</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="234" />
        <source>未评</source>
        <translation>Not scored</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="235" />
        <source>部分评分</source>
        <translation>Partial</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="236" />
        <source>被拒文件</source>
        <translation>Rejected files</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="263" />
        <source>未交</source>
        <translation>Not returned</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="264" />
        <source>第 {version} 版</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="268" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="269" />
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="281" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="282" />
        <source>记录时间</source>
        <translation>Logged at</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="283" />
        <source>后续</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_models.py" line="299" />
        <source>已核对密钥并导入</source>
        <translation>Key compared, imported</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../ui/organizer/import_page.py" line="81" />
        <source>添加评分表</source>
        <translation>Add score sheets</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_page.py" line="82" />
        <source>Excel 工作簿 (*.xlsx);;所有文件 (*)</source>
        <translation>Excel workbooks (*.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_page.py" line="126" />
        <source>把专家交回的评分表（.xlsx 文件或整个文件夹）拖到这里，逐个核验签名后导入。</source>
        <translation>Drop the score sheets returned by the experts here (.xlsx files or a whole folder); each signature is verified before import.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_page.py" line="129" />
        <source>添加评分表…</source>
        <translation>Add score sheets…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_page.py" line="148" />
        <source>本次导入的文件</source>
        <translation>Imported files</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_page.py" line="154" />
        <source>各专家评分情况</source>
        <translation>Per expert</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_page.py" line="155" />
        <source>被拒收的文件</source>
        <translation>Rejected files</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_page.py" line="163" />
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_page.py" line="165" />
        <source>选择一个文件查看核验结果。</source>
        <translation>Select a file to see its verification result.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_page.py" line="173" />
        <source>核对指纹并接受…</source>
        <translation>Compare fingerprint and accept…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_page.py" line="220" />
        <source>无法读取文件夹：{error}</source>
        <translation>Cannot read the folder: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_page.py" line="223" />
        <source>没有找到 .xlsx 评分表。</source>
        <translation>No .xlsx score sheets found.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_page.py" line="239" />
        <source>正在核验并导入 {count} 个文件…</source>
        <translation>Verifying and importing {count} files…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_page.py" line="292" />
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_page.py" line="294" />
        <source>已处理 {count} 个文件：{summary}</source>
        <translation>Processed {count} files: {summary}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_page.py" line="314" />
        <source>导入失败：{error}</source>
        <translation>Import failed: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_page.py" line="351" />
        <source>{outcome}：{explanation}</source>
        <translation>{outcome}: {explanation}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/import_page.py" line="354" />
        <source>签名密钥指纹：{fingerprint}</source>
        <translation>Signing key fingerprint: {fingerprint}</translation>
    </message>
</context>
<context>
    <name>Intake</name>
    <message>
        <location filename="../../app/intake/form_doc.py" line="56" />
        <source>{name}：Word 文档设置了打开密码，无法读取，请申报单位提供未加密的文件</source>
        <translation>{name}: the Word document is password-protected and cannot be read; ask the applicant for an unencrypted file</translation>
    </message>
    <message>
        <location filename="../../app/intake/form_doc.py" line="60" />
        <source>需要 LibreOffice（soffice）才能读取旧版 .doc：{name}。请安装 LibreOffice，或请申报单位另存为 .docx 后重新提交</source>
        <translation>Reading the legacy .doc {name} needs LibreOffice (soffice). Install LibreOffice, or ask the applicant to save it as .docx and send it again</translation>
    </message>
    <message>
        <location filename="../../app/intake/form_doc.py" line="64" />
        <source>旧版 Word 文档已由 LibreOffice 转换后读取，请核对提取结果</source>
        <translation>The legacy Word document was converted by LibreOffice before reading; please check what was extracted</translation>
    </message>
    <message>
        <location filename="../../app/intake/form_doc.py" line="84" />
        <source>{name}：LibreOffice 无法转换这个 .doc 文件，文件可能已损坏或不是 Word 文档</source>
        <translation>{name}: LibreOffice cannot convert this .doc file; it may be damaged or not a Word document</translation>
    </message>
    <message>
        <location filename="../../app/intake/form_doc.py" line="99" />
        <source>需要 LibreOffice（soffice）才能读取旧版 .doc：{name}（无法运行 {soffice}：{reason}）</source>
        <translation>Reading the legacy .doc {name} needs LibreOffice (soffice) ({soffice} cannot be run: {reason})</translation>
    </message>
    <message>
        <location filename="../../app/intake/form_doc.py" line="106" />
        <source>{name}：LibreOffice 转换旧版 .doc 超时（{timeout_s} 秒），文件可能已损坏</source>
        <translation>{name}: LibreOffice took longer than {timeout_s} seconds to convert the legacy .doc; the file may be damaged</translation>
    </message>
    <message>
        <location filename="../../app/intake/form_docx.py" line="88" />
        <source>{name}：Word 文档内部文件过多（{count} 个），拒绝读取</source>
        <translation>{name}: the Word document has too many parts ({count}); refused</translation>
    </message>
    <message>
        <location filename="../../app/intake/form_docx.py" line="98" />
        <source>{name}：Word 文档内部文件“{filename}”解压后过大（{file_size} MB），疑似压缩炸弹，拒绝读取</source>
        <translation>{name}: the part "{filename}" of the Word document is too large when unpacked ({file_size} MB), a suspected compression bomb; refused</translation>
    </message>
    <message>
        <location filename="../../app/intake/form_docx.py" line="102" />
        <location filename="../../app/intake/forms.py" line="64" />
        <source>{name}：不是 Word 文档（压缩包中没有 word/document.xml）</source>
        <translation>{name}: not a Word document (no word/document.xml inside)</translation>
    </message>
    <message>
        <location filename="../../app/intake/form_docx.py" line="117" />
        <source>{name}：Word 文档含有 XML 实体声明（DOCTYPE），不是正常的 Word 文件，可能是恶意文件，拒绝读取</source>
        <translation>{name}: the Word document declares XML entities (DOCTYPE), which ordinary Word files never do; it may be malicious and was refused</translation>
    </message>
    <message>
        <location filename="../../app/intake/form_docx.py" line="148" />
        <source>{name}：Word 文档内容过于庞大或无法读取（{err}），不像申报书，拒绝读取</source>
        <translation>{name}: the Word document is too large or unreadable ({err}) to be an application form; refused</translation>
    </message>
    <message>
        <location filename="../../app/intake/form_docx.py" line="182" />
        <source>{name}：无法读取 Word 文档内容，文件可能已损坏或不是 Word 文档（{name2}）</source>
        <translation>{name}: the Word document's content cannot be read; it may be damaged or not a Word document ({name2})</translation>
    </message>
    <message>
        <location filename="../../app/intake/form_layout.py" line="38" />
        <source>{name}：需要 LibreOffice（soffice）才能按版式显示旧版 .doc</source>
        <translation>{name}: showing a legacy .doc with its layout needs LibreOffice (soffice)</translation>
    </message>
    <message>
        <location filename="../../app/intake/form_layout.py" line="42" />
        <source>{name}：不是 Word 文档，无法按版式显示</source>
        <translation>{name}: not a Word document; its layout cannot be shown</translation>
    </message>
    <message>
        <location filename="../../app/intake/form_layout.py" line="59" />
        <source>{name}：无法按版式读取 Word 文档（{err}）</source>
        <translation>{name}: the Word document's layout cannot be read ({err})</translation>
    </message>
    <message>
        <location filename="../../app/intake/form_pdf.py" line="84" />
        <source>{name}：PDF 文件已损坏，无法打开</source>
        <translation>{name}: the PDF file is damaged and cannot be opened</translation>
    </message>
    <message>
        <location filename="../../app/intake/form_pdf.py" line="88" />
        <source>{name}：PDF 已加密（需要密码才能打开），无法读取，请申报单位提供未加密的文件</source>
        <translation>{name}: the PDF is encrypted (it needs a password); ask the applicant for an unencrypted file</translation>
    </message>
    <message>
        <location filename="../../app/intake/form_pdf.py" line="113" />
        <source>{name}：PDF 页面内容过于复杂（绘图指令过多），无法提取申报内容（请申报单位提供 Word 版）</source>
        <translation>{name}: the PDF's pages are too complex (too many drawing operators) to extract the application (ask the applicant for the Word version)</translation>
    </message>
    <message>
        <location filename="../../app/intake/form_pdf.py" line="116" />
        <source>{name}：PDF 是扫描件，无文字层，无法提取申报内容（请申报单位提供 Word 版或可复制文字的 PDF）</source>
        <translation>{name}: the PDF is a scan without a text layer, so the application cannot be extracted (ask the applicant for the Word version or a PDF with selectable text)</translation>
    </message>
    <message>
        <location filename="../../app/intake/form_pdf.py" line="119" />
        <source>{name}：PDF 的文字无法解码（字体缺少编码信息），无法提取申报内容（请申报单位提供 Word 版）</source>
        <translation>{name}: the PDF's text cannot be decoded (its fonts lack encoding information), so the application cannot be extracted (ask the applicant for the Word version)</translation>
    </message>
    <message>
        <location filename="../../app/intake/form_pdf.py" line="135" />
        <source>PDF 共 {page_count} 页，只读取了前 {max_pages} 页</source>
        <translation>The PDF has {page_count} pages; only the first {max_pages} were read</translation>
    </message>
    <message>
        <location filename="../../app/intake/form_pdf.py" line="163" />
        <source>PDF 第 {index} 页内容过于复杂，未读取</source>
        <translation>Page {index} of the PDF is too complex and was not read</translation>
    </message>
    <message>
        <location filename="../../app/intake/form_pdf.py" line="147" />
        <source>{name}：PDF 文件内容已损坏，无法提取文字</source>
        <translation>{name}: the PDF's content is damaged; no text can be extracted</translation>
    </message>
    <message>
        <location filename="../../app/intake/forms.py" line="67" />
        <source>{name}：文件是空的（0 字节）</source>
        <translation>{name}: the file is empty (0 bytes)</translation>
    </message>
    <message>
        <location filename="../../app/intake/forms.py" line="69" />
        <source>{name}：文件已损坏，内容不是有效的 {upper} 文件，无法读取</source>
        <translation>{name}: the file is damaged; its content is not a valid {upper} file</translation>
    </message>
    <message>
        <location filename="../../app/intake/forms.py" line="71" />
        <source>{name}：无法识别的文件格式，申报书应为 Word（.docx/.doc）或 PDF 文件</source>
        <translation>{name}: unrecognised file format; the application form must be a Word (.docx/.doc) or PDF file</translation>
    </message>
    <message>
        <location filename="../../app/intake/source.py" line="70" />
        <source>申报材料文件夹不存在或不是文件夹：{intake_dir}</source>
        <translation>The intake folder does not exist or is not a folder: {intake_dir}</translation>
    </message>
    <message>
        <location filename="../../app/intake/source.py" line="88" />
        <source>“{shown}”的名称不是有效的 UTF-8 文字编码，请改名后再读取</source>
        <translation>The name of "{shown}" is not valid UTF-8; rename it and read again</translation>
    </message>
    <message>
        <location filename="../../app/intake/source.py" line="94" />
        <location filename="../../app/intake/source.py" line="151" />
        <location filename="../../app/intake/source.py" line="233" />
        <source>无法读取“{name}”：{reason}</source>
        <translation>Cannot read "{name}": {reason}</translation>
    </message>
    <message>
        <location filename="../../app/intake/source.py" line="97" />
        <source>“{name}”是符号链接，出于安全考虑不予读取</source>
        <translation>"{name}" is a symbolic link and is not read, for safety</translation>
    </message>
    <message>
        <location filename="../../app/intake/source.py" line="103" />
        <source>“{name}”不是普通文件或文件夹（管道、设备等），已跳过</source>
        <translation>"{name}" is not an ordinary file or folder (a pipe, a device…); skipped</translation>
    </message>
    <message>
        <location filename="../../app/intake/source.py" line="110" />
        <source>：{notes}</source>
        <translation>: {notes}</translation>
    </message>
    <message>
        <location filename="../../app/intake/source.py" line="112" />
        <source>“{name}”中没有可读取的文件{why}</source>
        <translation>"{name}" holds no readable file{why}</translation>
    </message>
    <message>
        <location filename="../../app/intake/source.py" line="125" />
        <source>“{name}”不是普通文件（管道、设备等），已跳过</source>
        <translation>"{name}" is not an ordinary file (a pipe, a device…); skipped</translation>
    </message>
    <message>
        <location filename="../../app/intake/source.py" line="145" />
        <source>“{name}”过大（{size} MB），超过单个文件上限</source>
        <translation>"{name}" is too large ({size} MB), over the limit for one file</translation>
    </message>
    <message>
        <location filename="../../app/intake/source.py" line="190" />
        <source>“{name}”中的文件超过 {max_files_per_entry} 个</source>
        <translation>"{name}" holds more than {max_files_per_entry} files</translation>
    </message>
    <message>
        <location filename="../../app/intake/source.py" line="194" />
        <source>“{rel}”过大（{st_size} MB），已跳过</source>
        <translation>"{rel}" is too large ({st_size} MB); skipped</translation>
    </message>
    <message>
        <location filename="../../app/intake/source.py" line="199" />
        <source>“{name}”总大小超过 {max_entry_bytes} MB</source>
        <translation>"{name}" is larger than {max_entry_bytes} MB in all</translation>
    </message>
    <message>
        <location filename="../../app/intake/source.py" line="239" />
        <source>“{name}”不是有效的 zip 压缩包（{err}）</source>
        <translation>"{name}" is not a valid zip archive ({err})</translation>
    </message>
    <message>
        <location filename="../../app/intake/source.py" line="248" />
        <source>“{name}”包含的文件过多（{count} 个）</source>
        <translation>"{name}" holds too many files ({count})</translation>
    </message>
    <message>
        <location filename="../../app/intake/source.py" line="252" />
        <source>“{name}”解压后超过 {max_entry_bytes} MB，疑似压缩炸弹</source>
        <translation>"{name}" unpacks to more than {max_entry_bytes} MB; a suspected compression bomb</translation>
    </message>
    <message>
        <location filename="../../app/intake/source.py" line="264" />
        <source>压缩包中的“{raw_name}”路径不安全，已跳过</source>
        <translation>"{raw_name}" in the archive has an unsafe path; skipped</translation>
    </message>
    <message>
        <location filename="../../app/intake/source.py" line="268" />
        <source>压缩包中的“{label}”是符号链接，已跳过</source>
        <translation>"{label}" in the archive is a symbolic link; skipped</translation>
    </message>
    <message>
        <location filename="../../app/intake/source.py" line="272" />
        <source>压缩包中的“{label}”已加密，无法读取</source>
        <translation>"{label}" in the archive is encrypted and cannot be read</translation>
    </message>
    <message>
        <location filename="../../app/intake/source.py" line="277" />
        <source>压缩包中“{label}”重复出现，仅保留第一个</source>
        <translation>"{label}" appears more than once in the archive; only the first is kept</translation>
    </message>
    <message>
        <location filename="../../app/intake/source.py" line="280" />
        <source>压缩包中的“{label}”过大，已跳过</source>
        <translation>"{label}" in the archive is too large; skipped</translation>
    </message>
    <message>
        <location filename="../../app/intake/source.py" line="284" />
        <source>压缩包中的“{label}”压缩比异常，疑似压缩炸弹，已跳过</source>
        <translation>"{label}" in the archive has an abnormal compression ratio, a suspected compression bomb; skipped</translation>
    </message>
    <message>
        <location filename="../../app/intake/source.py" line="295" />
        <source>压缩包中的“{label}”已损坏，无法读取（{err}）</source>
        <translation>"{label}" in the archive is damaged and cannot be read ({err})</translation>
    </message>
    <message>
        <location filename="../../app/intake/source.py" line="299" />
        <source>压缩包中的“{label}”大小与声明不符，已跳过</source>
        <translation>"{label}" in the archive differs from its declared size; skipped</translation>
    </message>
</context>
<context>
    <name>IntakeDecisions</name>
    <message>
        <location filename="../../app/organizer/decisions.py" line="79" />
        <location filename="../../app/organizer/decisions.py" line="292" />
        <source>{where} 应为对象</source>
        <translation>{where} must be an object</translation>
    </message>
    <message>
        <location filename="../../app/organizer/decisions.py" line="83" />
        <source>{where} 含有未知的键“{key}”（可用：{entry_keys}）</source>
        <translation>{where} has an unknown key "{key}" (available: {entry_keys})</translation>
    </message>
    <message>
        <location filename="../../app/organizer/decisions.py" line="87" />
        <source>{where}：exclude 与 duplicate_of 只能有一个</source>
        <translation>{where}: give exclude or duplicate_of, not both</translation>
    </message>
    <message>
        <location filename="../../app/organizer/decisions.py" line="98" />
        <source>{where}.exclude：请写明排除的理由</source>
        <translation>{where}.exclude: give the reason for excluding</translation>
    </message>
    <message>
        <location filename="../../app/organizer/decisions.py" line="102" />
        <source>{where}.keep_warnings：“{code}”不在 acknowledge 中</source>
        <translation>{where}.keep_warnings: "{code}" is not in acknowledge</translation>
    </message>
    <message>
        <location filename="../../app/organizer/decisions.py" line="140" />
        <source>决定文件 {name}</source>
        <translation>decisions file {name}</translation>
    </message>
    <message>
        <location filename="../../app/organizer/decisions.py" line="142" />
        <source>{label} 过大（超过 {max_file_bytes} MB）</source>
        <translation>{label} is too large (over {max_file_bytes} MB)</translation>
    </message>
    <message>
        <location filename="../../app/organizer/decisions.py" line="148" />
        <source>{label} 不是有效的 JSON：{err}</source>
        <translation>{label} is not valid JSON: {err}</translation>
    </message>
    <message>
        <location filename="../../app/organizer/decisions.py" line="152" />
        <source>{label}：顶层应为 JSON 对象</source>
        <translation>{label}: the top level must be a JSON object</translation>
    </message>
    <message>
        <location filename="../../app/organizer/decisions.py" line="156" />
        <source>{label} 含有未知的键“{key}”</source>
        <translation>{label} has an unknown key "{key}"</translation>
    </message>
    <message>
        <location filename="../../app/organizer/decisions.py" line="160" />
        <source>{label}：version 应为 {expected}（实际为 {version}），可能由更新版本的 PanelDesk 写成</source>
        <translation>{label}: version must be {expected} (found {version}); it may have been written by a newer PanelDesk</translation>
    </message>
    <message>
        <location filename="../../app/organizer/decisions.py" line="165" />
        <source>{label}：entries 应为对象（来源 → 决定）</source>
        <translation>{label}: entries must be an object (source → decision)</translation>
    </message>
    <message>
        <location filename="../../app/organizer/decisions.py" line="168" />
        <source>{label}：条目超过 {max_entries} 个</source>
        <translation>{label}: more than {max_entries} entries</translation>
    </message>
    <message>
        <location filename="../../app/organizer/decisions.py" line="173" />
        <source>{label} 的 entries.{source}</source>
        <translation>{label}, entries.{source}</translation>
    </message>
    <message>
        <location filename="../../app/organizer/decisions.py" line="178" />
        <source>{where}：与另一个条目是同一来源（写法不同）</source>
        <translation>{where}: the same source as another entry (written differently)</translation>
    </message>
    <message>
        <location filename="../../app/organizer/decisions.py" line="193" />
        <source>{label}：重复关系形成循环（{chain}）</source>
        <translation>{label}: the duplicates form a loop ({chain})</translation>
    </message>
    <message>
        <location filename="../../app/organizer/decisions.py" line="215" />
        <location filename="../../app/organizer/decisions.py" line="225" />
        <source>决定文件 {name} 无法读取：{reason}</source>
        <translation>The decisions file {name} cannot be read: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/organizer/decisions.py" line="219" />
        <source>决定文件 {name} 过大（超过 {max_file_bytes} MB）</source>
        <translation>The decisions file {name} is too large (over {max_file_bytes} MB)</translation>
    </message>
    <message>
        <location filename="../../app/organizer/decisions.py" line="231" />
        <source>决定文件 {name} 不是 UTF-8 文本</source>
        <translation>The decisions file {name} is not UTF-8 text</translation>
    </message>
    <message>
        <location filename="../../app/organizer/decisions.py" line="255" />
        <source>{where}：来源名称无效（应为申报材料文件夹中的文件或文件夹名）</source>
        <translation>{where}: invalid source name (it must be a file or folder name in the intake folder)</translation>
    </message>
    <message>
        <location filename="../../app/organizer/decisions.py" line="258" />
        <source>{where}：来源名称“{source}”不是单个文件或文件夹名</source>
        <translation>{where}: the source name "{source}" is not a single file or folder name</translation>
    </message>
    <message>
        <location filename="../../app/organizer/decisions.py" line="268" />
        <location filename="../../app/organizer/decisions.py" line="298" />
        <source>{where}.{key} 应为文本</source>
        <translation>{where}.{key} must be text</translation>
    </message>
    <message>
        <location filename="../../app/organizer/decisions.py" line="271" />
        <location filename="../../app/organizer/decisions.py" line="301" />
        <source>{where}.{key} 过长（超过 {limit} 个字符）</source>
        <translation>{where}.{key} is too long (over {limit} characters)</translation>
    </message>
    <message>
        <location filename="../../app/organizer/decisions.py" line="279" />
        <source>{where} 含有未知的字段“{key}”（可用：{field_labels}）</source>
        <translation>{where} has an unknown field "{key}" (available: {field_labels})</translation>
    </message>
    <message>
        <location filename="../../app/organizer/decisions.py" line="286" />
        <source>{where} 含有无效的提示代码“{key}”</source>
        <translation>{where} has an invalid warning code "{key}"</translation>
    </message>
    <message>
        <location filename="../../app/organizer/decisions.py" line="310" />
        <location filename="../../app/organizer/decisions.py" line="314" />
        <source>{where} 应为提示代码列表</source>
        <translation>{where} must be a list of warning codes</translation>
    </message>
</context>
<context>
    <name>IntakeDetail</name>
    <message>
        <location filename="../../ui/organizer/intake_detail.py" line="134" />
        <location filename="../../ui/organizer/intake_detail.py" line="224" />
        <source>选择左侧的一份申报查看详情。</source>
        <translation>Select an application on the left to see its details.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_detail.py" line="167" />
        <source>提取的字段 | 原始申报书</source>
        <translation>Extracted fields | original form</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_detail.py" line="175" />
        <source>佐证材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_detail.py" line="182" />
        <source>修改字段…</source>
        <translation>Edit field…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_detail.py" line="183" />
        <source>补填类别…</source>
        <translation>Set category…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_detail.py" line="184" />
        <source>确认提示…</source>
        <translation>Acknowledge warning…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_detail.py" line="185" />
        <source>撤销确认…</source>
        <translation>Withdraw acknowledgement…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_detail.py" line="186" />
        <source>标记为重复…</source>
        <translation>Mark as duplicate…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_detail.py" line="187" />
        <source>排除…</source>
        <translation>Exclude…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_detail.py" line="188" />
        <source>恢复纳入</source>
        <translation>Include again</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_detail.py" line="231" />
        <source>{status} · {id} · 来源：{source}</source>
        <translation>{status} · {id} · source: {source}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_detail.py" line="235" />
        <source>重复，保留：{kept}</source>
        <translation>Duplicate; kept: {kept}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_detail.py" line="236" />
        <source>排除理由：{reason}</source>
        <translation>Excluded because: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_detail.py" line="248" />
        <source>无法读取：{reason}</source>
        <translation>Cannot be read: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_detail.py" line="250" />
        <source>⚠ {label}：{message}</source>
        <translation>⚠ {label}: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_detail.py" line="253" />
        <source>（在“{field}”中）</source>
        <translation> (in “{field}”)</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_detail.py" line="260" />
        <source>✓ 已确认（向专家显示）：{note}</source>
        <translation>✓ Acknowledged (shown to experts): {note}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_detail.py" line="261" />
        <source>✓ 已确认（不向专家显示）：{note}</source>
        <translation>✓ Acknowledged (hidden from experts): {note}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_detail.py" line="264" />
        <source>说明：{note}</source>
        <translation>Note: {note}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_detail.py" line="266" />
        <source>没有提示。</source>
        <translation>No warnings.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_detail.py" line="270" />
        <source>  （无）</source>
        <translation>  (none)</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_detail.py" line="271" />
        <source>无法读取的原因：
{reason}

涉及的文件：
{files}</source>
        <translation>Why it cannot be read:
{reason}

Files involved:
{files}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_detail.py" line="278" />
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_detail.py" line="280" />
        <source>（已修改）</source>
        <translation>(edited)</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_detail.py" line="288" />
        <source>原始申报书：{name}</source>
        <translation>Original form: {name}</translation>
    </message>
</context>
<context>
    <name>IntakeModel</name>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="35" />
        <source>纳入</source>
        <translation>Included</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="36" />
        <source>需处理</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="37" />
        <source>已排除</source>
        <translation>Excluded</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="38" />
        <source>无法读取</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="46" />
        <source>缺栏目</source>
        <translation>Missing field</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="46" />
        <source>申报书中有栏目为空或没有找到。可在右侧补填该栏目，或确认后保留。</source>
        <translation>A field of the form is empty or was not found. Fill it in on the right, or acknowledge and keep it.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="48" />
        <source>缺类别</source>
        <translation>No category</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="48" />
        <source>没有读到评审细则中的实践类别（未勾选、勾选多个或写法不认识）。没有类别的申报不参加分类排名，请用“补填类别”选定。</source>
        <translation>No category of the rubric was read (none ticked, several ticked, or an unknown spelling). An application without a category is not ranked; choose one with "Set category".</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="51" />
        <source>字数</source>
        <translation>Length</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="51" />
        <source>详细内容的字数不在评审细则建议的范围内。一般只需确认并告知专家。</source>
        <translation>The length of the detailed description is outside the rubric's recommended range. Usually acknowledging it and telling the experts is enough.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="53" />
        <source>图片数</source>
        <translation>Image count</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="53" />
        <source>附图数量不符合征集要求。可确认后保留，或联系申报单位补交。</source>
        <translation>The number of images does not meet the call's requirement. Acknowledge and keep it, or ask the applicant for more.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="55" />
        <source>图片格式</source>
        <translation>Image format</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="55" />
        <source>附图不是要求的格式。专家仍可查看，一般确认即可。</source>
        <translation>An image is not in the required format. Experts can still view it; usually acknowledging it is enough.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="57" />
        <source>分辨率</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="57" />
        <source>附图分辨率低于要求。专家仍可查看，一般确认即可。</source>
        <translation>An image's resolution is below the requirement. Experts can still view it; usually acknowledging it is enough.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="59" />
        <source>附件损坏</source>
        <translation>Damaged file</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="59" />
        <source>有附件无法安全打开，不会放入评审包。可联系申报单位重发。</source>
        <translation>An attachment cannot be opened safely and is left out of the packet. You may ask the applicant to resend it.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="61" />
        <source>压缩包不安全</source>
        <translation>Unsafe archive</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="61" />
        <source>压缩包中有路径不安全的文件，已跳过。请核对是否缺少材料。</source>
        <translation>The archive holds files with unsafe paths; they were skipped. Check whether material is missing.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="63" />
        <source>手机号</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="63" />
        <source>专家可见的文字中有未脱敏的手机号。请在对应栏目中改为脱敏写法。</source>
        <translation>Text experts see contains an unmasked mobile number. Edit the field to mask it.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="65" />
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="65" />
        <source>专家可见的文字中有未脱敏的身份证号。请在对应栏目中改为脱敏写法。</source>
        <translation>Text experts see contains an unmasked ID number. Edit the field to mask it.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="67" />
        <source>银行卡号</source>
        <translation>Bank card</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="67" />
        <source>专家可见的文字中有未脱敏的银行卡号。请在对应栏目中改为脱敏写法。</source>
        <translation>Text experts see contains an unmasked bank card number. Edit the field to mask it.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="69" />
        <source>疑似重复</source>
        <translation>Possible duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="69" />
        <source>与另一份申报的单位和标题相同。请用“标记为重复”保留其中一份。</source>
        <translation>Same unit and title as another application. Use "Mark as duplicate" to keep one of them.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="107" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="107" />
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="108" />
        <source>申报单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="108" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="109" />
        <source>实践标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="109" />
        <source>正文字数</source>
        <translation>Length</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="110" />
        <source>图片</source>
        <translation>Image</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="110" />
        <source>提示</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_model.py" line="111" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../ui/organizer/intake_page.py" line="64" />
        <source>选择申报材料文件夹</source>
        <translation>Choose the intake folder</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_page.py" line="109" />
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_page.py" line="111" />
        <source>重新扫描</source>
        <translation>Scan again</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_page.py" line="113" />
        <source>操作记录…</source>
        <translation>Decision log…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_page.py" line="123" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_page.py" line="132" />
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_page.py" line="136" />
        <source>全部提示</source>
        <translation>All warnings</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_page.py" line="140" />
        <source>筛选：</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_page.py" line="196" />
        <source>申报材料文件夹：{folder}</source>
        <translation>Intake folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_page.py" line="222" />
        <source>正在查找申报材料…</source>
        <translation>Looking for applications…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_page.py" line="246" />
        <source>正在读取 {done}/{total}：{name}</source>
        <translation>Reading {done}/{total}: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_page.py" line="270" />
        <source>已取消读取；已读取的申报保留在表中。</source>
        <translation>Reading cancelled; the applications read so far stay in the table.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_page.py" line="271" />
        <source>已读取申报材料：{counts}</source>
        <translation>Intake read: {counts}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_page.py" line="276" />
        <source>读取申报材料时发生内部错误（{kind}: {detail}）</source>
        <translation>Internal error while reading the intake ({kind}: {detail})</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_page.py" line="295" />
        <source>共 {total} 份</source>
        <translation>{total} in all</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_page.py" line="327" />
        <source>已记录决定：{source}</source>
        <translation>Decision recorded: {source}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_page.py" line="331" />
        <source>无法保存决定：{error}</source>
        <translation>Cannot save the decision: {error}</translation>
    </message>
</context>
<context>
    <name>IntakeQuestions</name>
    <message>
        <location filename="../../ui/organizer/intake_dialogs.py" line="107" />
        <source>补填类别</source>
        <translation>Add the category</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_dialogs.py" line="108" />
        <source>修改字段</source>
        <translation>Edit field</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_dialogs.py" line="108" />
        <source>修改后的值写入决定文件，生成评审包时替换从申报书中读出的值。</source>
        <translation>The new value is written to the decisions file and replaces the value read from the form when the packet is built.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_dialogs.py" line="118" />
        <source>请选择类别</source>
        <translation>Choose a category</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_dialogs.py" line="123" />
        <source>字段：</source>
        <translation>Field:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_dialogs.py" line="124" />
        <source>类别：</source>
        <translation>Category:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_dialogs.py" line="125" />
        <source>新值：</source>
        <translation>New value:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_dialogs.py" line="126" />
        <location filename="../../ui/organizer/intake_dialogs.py" line="166" />
        <location filename="../../ui/organizer/intake_dialogs.py" line="185" />
        <location filename="../../ui/organizer/intake_dialogs.py" line="223" />
        <source>理由：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_dialogs.py" line="162" />
        <source>排除申报</source>
        <translation>Exclude application</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_dialogs.py" line="162" />
        <source>“{title}”将不放入评审包。请写明理由，理由记入操作记录。</source>
        <translation>"{title}" will be left out of the packet. Give a reason; it is kept in the decision log.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_dialogs.py" line="175" />
        <source>标记为重复</source>
        <translation>Mark as duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_dialogs.py" line="175" />
        <source>“{title}”是另一份申报的重复：选择保留的那一份。本份将不放入评审包，两份的关系都记入决定文件。</source>
        <translation>"{title}" duplicates another application: choose the one to keep. This one is left out of the packet; both are named in the decisions file.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_dialogs.py" line="183" />
        <source>重复申报</source>
        <translation>Submitted twice</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_dialogs.py" line="184" />
        <source>保留：</source>
        <translation>Keep:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_dialogs.py" line="193" />
        <source>确认提示</source>
        <translation>Acknowledge warning</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_dialogs.py" line="193" />
        <source>确认已看过该提示。可以写一句说明；选择是否仍让专家看到这条提示。</source>
        <translation>Confirm that you have seen this warning. Add a note if you like, and choose whether experts still see it.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_dialogs.py" line="200" />
        <source>评审包中仍向专家显示此提示</source>
        <translation>Still show this warning to experts in the packet</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_dialogs.py" line="201" />
        <location filename="../../ui/organizer/intake_dialogs.py" line="222" />
        <source>提示：</source>
        <translation>Warning:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_dialogs.py" line="202" />
        <source>说明：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_dialogs.py" line="214" />
        <source>撤销确认</source>
        <translation>Withdraw acknowledgement</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_dialogs.py" line="214" />
        <source>撤销后该提示重新成为待处理，评审包中按未确认的提示处理。撤销记入操作记录。</source>
        <translation>Once withdrawn, the warning is open again and the packet treats it as unacknowledged. The withdrawal is recorded in the decision log.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_dialogs.py" line="221" />
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_dialogs.py" line="231" />
        <source>更换申报材料文件夹</source>
        <translation>Change the intake folder</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_dialogs.py" line="232" />
        <source>已用当前的申报材料文件夹生成评审包“{packet}”。更换文件夹后，需要重新生成评审包并重新发给专家（已作的决定按文件名保留）。仍要更换吗？</source>
        <translation>The packet “{packet}” was built from the current intake folder. After a change the packet must be built again and sent to the experts again (decisions taken are kept by file name). Change it anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/intake_dialogs.py" line="236" />
        <source>更换</source>
        <translation>Change</translation>
    </message>
</context>
<context>
    <name>IntakeWarning</name>
    <message>
        <location filename="../../app/intake/messages.py" line="19" />
        <source>申报书缺少“{field}”</source>
        <translation>The application form lacks "{field}"</translation>
    </message>
    <message>
        <location filename="../../app/intake/messages.py" line="20" />
        <source>详细内容约 {count} 字，{side}建议范围 {low}–{high} 字</source>
        <translation>Details about {count} characters, {side} the suggested {low}–{high}</translation>
    </message>
    <message>
        <location filename="../../app/intake/messages.py" line="21" />
        <source>疑似未脱敏{kind}：{masked}</source>
        <translation>Possibly unmasked {kind}: {masked}</translation>
    </message>
    <message>
        <location filename="../../app/intake/messages.py" line="22" />
        <source>附图 {count} 张，要求 {wanted} 张</source>
        <translation>{count} pictures attached, {wanted} required</translation>
    </message>
    <message>
        <location filename="../../app/intake/messages.py" line="23" />
        <source>图片格式为 {found}，要求 {wanted}</source>
        <translation>Picture format is {found}, {wanted} required</translation>
    </message>
    <message>
        <location filename="../../app/intake/messages.py" line="24" />
        <source>图片分辨率不足{side}P（{width}×{height}）</source>
        <translation>Picture resolution below {side}p ({width}×{height})</translation>
    </message>
    <message>
        <location filename="../../app/intake/messages.py" line="25" />
        <source>附件“{name}”无法安全打开：{problem}</source>
        <translation>Attachment "{name}" cannot be opened safely: {problem}</translation>
    </message>
    <message>
        <location filename="../../app/intake/messages.py" line="26" />
        <source>与 {ids} 单位和标题相同，疑似重复申报</source>
        <translation>Same unit and title as {ids}: possibly submitted twice</translation>
    </message>
    <message>
        <location filename="../../app/intake/messages.py" line="27" />
        <source>未能确定实践类别：申报书未填写或未勾选类别（应为 {allowed} 之一）</source>
        <translation>Category unclear: the form names or ticks none (one of {allowed} expected)</translation>
    </message>
    <message>
        <location filename="../../app/intake/messages.py" line="29" />
        <source>未能确定实践类别：填写或勾选了多个类别（{named}），请与申报单位确认</source>
        <translation>Category unclear: several named or ticked ({named}); please check with the unit</translation>
    </message>
    <message>
        <location filename="../../app/intake/messages.py" line="31" />
        <source>未能确定实践类别：“{value}”，可能是“{guess}”，请核对</source>
        <translation>Category unclear: "{value}", perhaps "{guess}"; please check</translation>
    </message>
    <message>
        <location filename="../../app/intake/messages.py" line="33" />
        <source>未能确定实践类别：“{value}”不是 {allowed} 之一</source>
        <translation>Category unclear: "{value}" is not one of {allowed}</translation>
    </message>
    <message>
        <location filename="../../app/intake/messages.py" line="41" />
        <source>不足</source>
        <translation>below</translation>
    </message>
    <message>
        <location filename="../../app/intake/messages.py" line="42" />
        <source>超出</source>
        <translation>above</translation>
    </message>
    <message>
        <location filename="../../app/intake/messages.py" line="43" />
        <source>手机号</source>
        <translation>mobile number</translation>
    </message>
    <message>
        <location filename="../../app/intake/messages.py" line="44" />
        <source>身份证号</source>
        <translation>ID card number</translation>
    </message>
    <message>
        <location filename="../../app/intake/messages.py" line="45" />
        <source>银行卡号</source>
        <translation>bank card number</translation>
    </message>
    <message>
        <location filename="../../app/intake/messages.py" line="46" />
        <source>申报单位</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../app/intake/messages.py" line="47" />
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../../app/intake/messages.py" line="48" />
        <source>联系方式</source>
        <translation>Contact details</translation>
    </message>
    <message>
        <location filename="../../app/intake/messages.py" line="49" />
        <source>实践类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../app/intake/messages.py" line="50" />
        <source>实践标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../app/intake/messages.py" line="51" />
        <source>核心亮点</source>
        <translation>Key highlights</translation>
    </message>
    <message>
        <location filename="../../app/intake/messages.py" line="52" />
        <source>详细内容</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>KeyCheckDialog</name>
    <message>
        <location filename="../../ui/organizer/key_check.py" line="51" />
        <source>核对专家密钥指纹</source>
        <translation>Compare the expert's key fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/key_check.py" line="55" />
        <source>评分表 {file} 的签名有效，但专家 {name}（{expert}）的密钥尚未登记。请当面或电话请专家读出自己的密钥指纹（评分表“说明”页上也印有），与下面的指纹逐组核对。他人冒签的评分表同样“签名有效”，只有核对指纹才能识别。</source>
        <translation>The signature of score sheet {file} is valid, but the key of expert {name} ({expert}) is not registered yet. Ask the expert, in person or by phone, to read out their key fingerprint (it is also printed on the sheet's 说明 page) and compare it group by group with the one below. A sheet signed by someone else also has a "valid signature"; only comparing the fingerprint reveals it.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/key_check.py" line="67" />
        <source>评分表中的指纹：</source>
        <translation>Fingerprint in the sheet:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/key_check.py" line="69" />
        <source>专家读出的指纹，如 3F2A 9C01 …</source>
        <translation>Fingerprint read out by the expert, e.g. 3F2A 9C01 …</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/key_check.py" line="70" />
        <source>专家告知的指纹：</source>
        <translation>Fingerprint from the expert:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/key_check.py" line="74" />
        <source>我已与专家逐组核对，两个指纹完全一致</source>
        <translation>I compared every group with the expert; the fingerprints are identical</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/key_check.py" line="77" />
        <source>接受并登记密钥</source>
        <translation>Accept and register the key</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/key_check.py" line="90" />
        <source>✓ 一致</source>
        <translation>✓ Identical</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/key_check.py" line="90" />
        <source>✗ 不一致，请勿接受</source>
        <translation>✗ Different — do not accept</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <location filename="../../app/keys.py" line="54" />
        <location filename="../../app/keys.py" line="285" />
        <source>口令不能为空</source>
        <translation>The passphrase must not be empty</translation>
    </message>
    <message>
        <location filename="../../app/keys.py" line="55" />
        <source>口令错误，无法解锁密钥 {path}（若确认口令无误，则密钥文件可能已被改动）</source>
        <translation>Wrong passphrase: the key {path} cannot be unlocked (if the passphrase is right, the key file may have been changed)</translation>
    </message>
    <message>
        <location filename="../../app/keys.py" line="57" />
        <source>密钥文件已损坏：{path}（私钥与公钥不匹配）</source>
        <translation>The key file is damaged: {path} (its private and public keys do not match)</translation>
    </message>
    <message>
        <location filename="../../app/keys.py" line="58" />
        <source>尚未创建密钥（{path}），请先运行 paneldesk key init</source>
        <translation>No key has been created yet ({path}); create one first (paneldesk key init)</translation>
    </message>
    <message>
        <location filename="../../app/keys.py" line="59" />
        <source>无法读取密钥文件 {path}：{detail}</source>
        <translation>Cannot read the key file {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/keys.py" line="60" />
        <source>密钥文件已损坏或格式不正确：{path}（{detail}）</source>
        <translation>The key file is damaged or not a key file: {path} ({detail})</translation>
    </message>
    <message>
        <location filename="../../app/keys.py" line="148" />
        <source>密钥已存在：{path}。如确需重新生成，请使用 --force（旧密钥将被替换，已登记的指纹需要重新确认）</source>
        <translation>A key already exists: {path}. To create a new one use --force (the old key is replaced and enrolled fingerprints must be confirmed again)</translation>
    </message>
    <message>
        <location filename="../../app/keys.py" line="268" />
        <source>无法写入密钥文件 {path}：{reason}</source>
        <translation>Cannot write the key file {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/keys.py" line="279" />
        <source>环境变量 {passphrase_env} 为空，口令不能为空</source>
        <translation>The environment variable {passphrase_env} is empty; the passphrase cannot be empty</translation>
    </message>
    <message>
        <location filename="../../app/keys.py" line="287" />
        <source>两次输入的口令不一致</source>
        <translation>The two passphrases differ</translation>
    </message>
    <message>
        <location filename="../../app/keys.py" line="289" />
        <source>需要密钥口令：请用 --passphrase-file 指定口令文件（第一行为口令），或设置环境变量 {passphrase_env}，或在终端中交互运行以输入口令</source>
        <translation>The key's passphrase is needed: give a passphrase file with --passphrase-file (passphrase on the first line), set the environment variable {passphrase_env}, or run interactively in a terminal to type it</translation>
    </message>
</context>
<context>
    <name>LinksViewer</name>
    <message>
        <location filename="../../ui/evidence/text_viewers.py" line="84" />
        <source>以下链接不会自动打开：评审台离线工作。如需查看，请复制到联网的浏览器中。</source>
        <translation>These links are not opened automatically: PanelDesk works offline. To view them, copy them into a browser on a connected computer.</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/text_viewers.py" line="91" />
        <source>复制链接</source>
        <translation>Copy links</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/text_viewers.py" line="92" />
        <source>复制选中的链接（未选中时复制全部）</source>
        <translation>Copy the selected links (all if none is selected)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/text_viewers.py" line="106" />
        <source>含 {0} 个链接（不会自动打开）</source>
        <translation>{0} links (not opened automatically)</translation>
    </message>
</context>
<context>
    <name>MarkWriter</name>
    <message>
        <location filename="../../ui/review/marks.py" line="64" />
        <source>保存失败（{kind}: {detail}）</source>
        <translation>Saving failed ({kind}: {detail})</translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <location filename="../../ui/i18n.py" line="42" />
        <location filename="../../ui/organizer/results_models.py" line="195" />
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../scoring/wording.py" line="77" />
        <source>{first}；{then}</source>
        <translation>{first}; {then}</translation>
    </message>
</context>
<context>
    <name>MyRankingDialog</name>
    <message>
        <location filename="../../ui/review/my_ranking.py" line="188" />
        <source>我的排序</source>
        <translation>My ranking</translation>
    </message>
    <message>
        <location filename="../../ui/review/my_ranking.py" line="197" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/review/my_ranking.py" line="220" />
        <source>仅列出已评完且未回避的申报；点击表头排序，双击一行跳到该申报。</source>
        <translation>Only fully scored, non-recused submissions are listed. Click a header to sort; double-click a row to open that submission.</translation>
    </message>
    <message>
        <location filename="../../ui/review/my_ranking.py" line="248" />
        <source>本类别已评完 {done} / {count} 件</source>
        <translation>{done} of {count} fully scored in this category</translation>
    </message>
</context>
<context>
    <name>MyRankingModel</name>
    <message>
        <location filename="../../ui/review/my_ranking.py" line="123" />
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../ui/review/my_ranking.py" line="123" />
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/review/my_ranking.py" line="123" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/review/my_ranking.py" line="123" />
        <source>总分</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>OrganizerLaunch</name>
    <message>
        <location filename="../../ui/organizer/launch.py" line="38" />
        <source>选择评审包</source>
        <translation>Choose a packet</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/launch.py" line="39" />
        <source>评审包 (*.panelpack);;所有文件 (*)</source>
        <translation>Judging packets (*.panelpack);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/launch.py" line="99" />
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/launch.py" line="115" />
        <source>打开评审包时发生内部错误（{kind}: {detail}）。</source>
        <translation>Internal error while opening the packet ({kind}: {detail}).</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/launch.py" line="118" />
        <source>无法打开评审包</source>
        <translation>Cannot open packet</translation>
    </message>
</context>
<context>
    <name>OrganizerProject</name>
    <message>
        <location filename="../../app/organizer/project.py" line="68" />
        <source>项目文件 {name}</source>
        <translation>project file {name}</translation>
    </message>
    <message>
        <location filename="../../app/organizer/project.py" line="71" />
        <source>{label}：顶层应为 JSON 对象</source>
        <translation>{label}: the top level must be a JSON object</translation>
    </message>
    <message>
        <location filename="../../app/organizer/project.py" line="75" />
        <source>{label} 含有未知的键“{unknown}”</source>
        <translation>{label} contains an unknown key "{unknown}"</translation>
    </message>
    <message>
        <location filename="../../app/organizer/project.py" line="79" />
        <source>{label}：version 应为 {version}</source>
        <translation>{label}: version must be {version}</translation>
    </message>
    <message>
        <location filename="../../app/organizer/project.py" line="83" />
        <source>{label}：id 无效</source>
        <translation>{label}: invalid id</translation>
    </message>
    <message>
        <location filename="../../app/organizer/project.py" line="87" />
        <source>{label}：title 应为不超过 200 个字符的文本</source>
        <translation>{label}: title must be text of at most 200 characters</translation>
    </message>
    <message>
        <location filename="../../app/organizer/project.py" line="94" />
        <source>{label}：{key} 应为路径文本或 null</source>
        <translation>{label}: {key} must be a path or null</translation>
    </message>
    <message>
        <location filename="../../app/organizer/project.py" line="98" />
        <source>{label}：缺少 intake（申报材料文件夹）</source>
        <translation>{label}: intake (the intake folder) is missing</translation>
    </message>
    <message>
        <location filename="../../app/organizer/project.py" line="102" />
        <source>{label}：database 应为数据库地址文本或 null</source>
        <translation>{label}: database must be a database address or null</translation>
    </message>
    <message>
        <location filename="../../app/organizer/project.py" line="125" />
        <source>文件夹 {folder} 中已有评审项目</source>
        <translation>The folder {folder} already holds a judging project</translation>
    </message>
    <message>
        <location filename="../../app/organizer/project.py" line="128" />
        <source>申报材料文件夹不存在：{intake_dir}</source>
        <translation>The intake folder does not exist: {intake_dir}</translation>
    </message>
    <message>
        <location filename="../../app/organizer/project.py" line="133" />
        <source>无法创建项目文件夹 {folder}：{reason}</source>
        <translation>Cannot create the project folder {folder}: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/organizer/project.py" line="150" />
        <source>项目文件 {path} 过大，不像是 PanelDesk 项目</source>
        <translation>The project file {path} is too large to be a PanelDesk project</translation>
    </message>
    <message>
        <location filename="../../app/organizer/project.py" line="154" />
        <source>文件夹 {folder} 不是评审项目（缺少 {project_file}）</source>
        <translation>The folder {folder} is not a judging project ({project_file} is missing)</translation>
    </message>
    <message>
        <location filename="../../app/organizer/project.py" line="158" />
        <source>项目文件 {path} 无法读取：{err}</source>
        <translation>The project file {path} cannot be read: {err}</translation>
    </message>
    <message>
        <location filename="../../app/organizer/project.py" line="163" />
        <source>项目文件 {path} 不是有效的 JSON：{err}</source>
        <translation>The project file {path} is not valid JSON: {err}</translation>
    </message>
    <message>
        <location filename="../../app/organizer/project.py" line="173" />
        <source>项目文件</source>
        <translation>project file</translation>
    </message>
    <message>
        <location filename="../../app/organizer/project.py" line="276" />
        <source>类别“{category}”不是评审细则的类别（可用：{categories}）</source>
        <translation>"{category}" is not a category of the rubric (available: {categories})</translation>
    </message>
    <message>
        <location filename="../../app/organizer/project.py" line="280" />
        <source>“{source}”不能是自己的重复</source>
        <translation>"{source}" cannot be a duplicate of itself</translation>
    </message>
</context>
<context>
    <name>OrganizerWindow</name>
    <message>
        <location filename="../../ui/organizer/window.py" line="37" />
        <source>组织方 — {title}</source>
        <translation>Organizer — {title}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/window.py" line="45" />
        <source>评审包编号 {packet_id} · {submissions} 份申报 · {experts} 位专家 · 组织方密钥指纹 {fingerprint}</source>
        <translation>Packet {packet_id} · {submissions} submissions · {experts} experts · organizer key fingerprint {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/window.py" line="57" />
        <source>导入评分表</source>
        <translation>Import score sheets</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/window.py" line="62" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/window.py" line="63" />
        <source>把专家交回的评分表拖到“导入评分表”页即可导入</source>
        <translation>Drop the returned score sheets onto the "Import score sheets" tab to import them</translation>
    </message>
</context>
<context>
    <name>OrganizerWorkbench</name>
    <message>
        <location filename="../../ui/organizer/workbench.py" line="64" />
        <source>组织方工作台 — {name}</source>
        <translation>Organizer workbench — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/workbench.py" line="72" />
        <source>项目文件夹：{folder}</source>
        <translation>Project folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/workbench.py" line="120" />
        <source>申报材料</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/workbench.py" line="120" />
        <source>专家与分配</source>
        <translation>Panel</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/workbench.py" line="120" />
        <source>评审包</source>
        <translation>Packet</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/workbench.py" line="121" />
        <source>导入评分表</source>
        <translation>Import score sheets</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/workbench.py" line="121" />
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/workbench.py" line="132" />
        <source>本轮还没有评审包：先在“评审包”一步生成，或打开已有的评审包。</source>
        <translation>This round has no packet yet: build one in the "Packet" step, or open an existing packet.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/workbench.py" line="133" />
        <source>导入评分表后在此查看结果。</source>
        <translation>Results appear here after score sheets are imported.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/workbench.py" line="140" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/workbench.py" line="141" />
        <source>新建组织方项目(&amp;N)…</source>
        <translation>&amp;New organizer project…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/workbench.py" line="143" />
        <source>打开组织方项目(&amp;O)…</source>
        <translation>&amp;Open organizer project…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/workbench.py" line="147" />
        <source>关闭窗口(&amp;C)</source>
        <translation>&amp;Close window</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/workbench.py" line="153" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/workbench.py" line="164" />
        <source>无法打开评审包（{kind}）</source>
        <translation>Cannot open the packet ({kind})</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/workbench.py" line="193" />
        <source>项目文件夹：{folder} · 评审包：{packet}</source>
        <translation>Project folder: {folder} · packet: {packet}</translation>
    </message>
</context>
<context>
    <name>Outliers</name>
    <message>
        <location filename="../../scoring/disagreement.py" line="28" />
        <source>高于该作品平均分 {mean}，偏离 {deviation}%（超过 ±{percent}%）</source>
        <translation>above the submission's mean {mean} by {deviation}% (more than ±{percent}%)</translation>
    </message>
    <message>
        <location filename="../../scoring/disagreement.py" line="30" />
        <source>低于该作品平均分 {mean}，偏离 {deviation}%（超过 ±{percent}%）</source>
        <translation>below the submission's mean {mean} by {deviation}% (more than ±{percent}%)</translation>
    </message>
    <message>
        <location filename="../../scoring/disagreement.py" line="32" />
        <source>z 分数 {z}（|z| &gt; {limit}）</source>
        <translation>z score {z} (|z| &gt; {limit})</translation>
    </message>
    <message>
        <location filename="../../scoring/disagreement.py" line="33" />
        <source>{first}；{then}</source>
        <translation>{first}; {then}</translation>
    </message>
</context>
<context>
    <name>Packet</name>
    <message>
        <location filename="../../app/packet/directory.py" line="62" />
        <source>评审包 {path} 的文件目录过大（{cd_size} 字节，上限 {limit}），已拒绝</source>
        <translation>The file directory of packet {path} is too large ({cd_size} bytes, limit {limit}); refused</translation>
    </message>
    <message>
        <location filename="../../app/packet/directory.py" line="74" />
        <source>评审包 {path} 包含过多文件（超过 {max_members} 个），已拒绝</source>
        <translation>Packet {path} holds too many files (over {max_members}); refused</translation>
    </message>
    <message>
        <location filename="../../app/packet/limits.py" line="96" />
        <source>评审包 {path} 含有过多文件（{count} 个）</source>
        <translation>Packet {path} holds too many files ({count})</translation>
    </message>
    <message>
        <location filename="../../app/packet/limits.py" line="102" />
        <source>评审包 {path} 含有重复的文件名 {name}</source>
        <translation>Packet {path} holds the file name {name} twice</translation>
    </message>
    <message>
        <location filename="../../app/packet/limits.py" line="107" />
        <source>评审包 {path} 含有不安全的文件名 {name}（{problem}）</source>
        <translation>Packet {path} holds an unsafe file name {name} ({problem})</translation>
    </message>
    <message>
        <location filename="../../app/packet/limits.py" line="120" />
        <source>评审包 {path} 含有符号链接 {name}，已拒绝</source>
        <translation>Packet {path} holds a symbolic link {name}; refused</translation>
    </message>
    <message>
        <location filename="../../app/packet/limits.py" line="123" />
        <source>评审包 {path} 中的文件 {name} 被加密，已拒绝</source>
        <translation>The file {name} in packet {path} is encrypted; refused</translation>
    </message>
    <message>
        <location filename="../../app/packet/limits.py" line="126" />
        <source>评审包 {path} 中的文件 {name} 使用了不支持的压缩方式</source>
        <translation>The file {name} in packet {path} uses an unsupported compression method</translation>
    </message>
    <message>
        <location filename="../../app/packet/limits.py" line="129" />
        <source>评审包 {path} 中的文件 {name} 过大（{file_size} 字节，上限 {max_file}）</source>
        <translation>The file {name} in packet {path} is too large ({file_size} bytes, limit {max_file})</translation>
    </message>
    <message>
        <location filename="../../app/packet/limits.py" line="133" />
        <source>评审包 {path} 中的文件 {name} 大小记录不一致</source>
        <translation>The file {name} in packet {path} has inconsistent sizes</translation>
    </message>
    <message>
        <location filename="../../app/packet/limits.py" line="137" />
        <source>评审包 {path} 中的文件 {name} 压缩比异常（{file_size} / {compress_size}），疑似压缩炸弹，已拒绝</source>
        <translation>The file {name} in packet {path} has an abnormal compression ratio ({file_size} / {compress_size}), a suspected compression bomb; refused</translation>
    </message>
    <message>
        <location filename="../../app/packet/limits.py" line="149" />
        <source>评审包 {path} 的结构异常：文件 {orig_filename} 与其他数据重叠</source>
        <translation>Packet {path} is malformed: the file {orig_filename} overlaps other data</translation>
    </message>
    <message>
        <location filename="../../app/packet/limits.py" line="166" />
        <source>评审包 {path} 含有带数据的目录条目 {name}</source>
        <translation>Packet {path} holds a directory entry with data: {name}</translation>
    </message>
    <message>
        <location filename="../../app/packet/limits.py" line="171" />
        <source>评审包 {path} 含有清单之外的文件 {name}</source>
        <translation>Packet {path} holds a file its manifest does not list: {name}</translation>
    </message>
    <message>
        <location filename="../../app/packet/limits.py" line="174" />
        <source>评审包 {path} 中的文件 {name} 大小与清单不符（{file_size} ≠ {size}）</source>
        <translation>The size of file {name} in packet {path} differs from the manifest ({file_size} ≠ {size})</translation>
    </message>
    <message>
        <location filename="../../app/packet/limits.py" line="181" />
        <source>评审包 {path} 缺少清单列出的文件 {name}（共缺 {count} 个）</source>
        <translation>Packet {path} lacks the file {name} its manifest lists ({count} missing in all)</translation>
    </message>
    <message>
        <location filename="../../app/packet/limits.py" line="184" />
        <source>评审包 {path} 缺少清单列出的文件 {name}</source>
        <translation>Packet {path} lacks the file {name} its manifest lists</translation>
    </message>
    <message>
        <location filename="../../app/packet/limits.py" line="187" />
        <source>评审包 {path} 的内容总大小 {total} 字节超过上限 {max_total}</source>
        <translation>The content of packet {path} totals {total} bytes, over the limit {max_total}</translation>
    </message>
    <message>
        <location filename="../../app/packet/manifest.py" line="84" />
        <source>评审包清单格式错误：顶层不是 JSON 对象</source>
        <translation>The packet's manifest is malformed: the top level is not a JSON object</translation>
    </message>
    <message>
        <location filename="../../app/packet/manifest.py" line="86" />
        <source>不是 PanelDesk 评审包清单（format = {found}）</source>
        <translation>Not a PanelDesk packet manifest (format = {found})</translation>
    </message>
    <message>
        <location filename="../../app/packet/manifest.py" line="90" />
        <source>评审包清单格式错误：format_version 无效</source>
        <translation>The packet's manifest is malformed: invalid format_version</translation>
    </message>
    <message>
        <location filename="../../app/packet/manifest.py" line="92" />
        <source>评审包格式版本为 {version}，高于本程序支持的版本 {format_version}，请升级 PanelDesk 后再打开</source>
        <translation>The packet's format version is {version}, newer than the {format_version} this program supports; upgrade PanelDesk to open it</translation>
    </message>
    <message>
        <location filename="../../app/packet/manifest.py" line="100" />
        <source>评审包清单格式错误：评审细则含有不允许的值（{err}）</source>
        <translation>The packet's manifest is malformed: the rubric holds a value that is not allowed ({err})</translation>
    </message>
    <message>
        <location filename="../../app/packet/manifest.py" line="103" />
        <source>评审包清单错误：评审细则与 rubric_hash 不一致</source>
        <translation>The packet's manifest is wrong: the rubric does not match rubric_hash</translation>
    </message>
    <message>
        <location filename="../../app/packet/manifest.py" line="128" />
        <source>评审包清单格式错误：organizer_fingerprint 无效</source>
        <translation>The packet's manifest is malformed: invalid organizer_fingerprint</translation>
    </message>
    <message>
        <location filename="../../app/packet/manifest.py" line="131" />
        <source>评审包清单格式错误：rubric_hash 应为 sha256:&lt;64 位十六进制&gt;</source>
        <translation>The packet's manifest is malformed: rubric_hash must be sha256:&lt;64 hexadecimal digits&gt;</translation>
    </message>
    <message>
        <location filename="../../app/packet/manifest.py" line="138" />
        <source>评审包清单错误：分配名单中的专家 {expert_id} 不在专家名单中</source>
        <translation>The packet's manifest is wrong: expert {expert_id} of the assignments is not on the roster</translation>
    </message>
    <message>
        <location filename="../../app/packet/manifest.py" line="142" />
        <source>评审包清单错误：分配给专家 {expert_id} 的申报 {sid} 不存在</source>
        <translation>The packet's manifest is wrong: submission {sid} assigned to expert {expert_id} does not exist</translation>
    </message>
    <message>
        <location filename="../../app/packet/manifest.py" line="151" />
        <source>评审包清单错误：申报 {id} 的文件名 {name} 不安全（{problem}）</source>
        <translation>The packet's manifest is wrong: the file name {name} of submission {id} is unsafe ({problem})</translation>
    </message>
    <message>
        <location filename="../../app/packet/manifest.py" line="155" />
        <source>评审包清单错误：文件 {name} 的大小或 SHA-256 无效</source>
        <translation>The packet's manifest is wrong: invalid size or SHA-256 for the file {name}</translation>
    </message>
    <message>
        <location filename="../../app/packet/manifest.py" line="168" />
        <source>评审包中没有编号为 {submission_id} 的申报</source>
        <translation>The packet has no submission {submission_id}</translation>
    </message>
    <message>
        <location filename="../../app/packet/manifest.py" line="175" />
        <source>评审包的专家名单中没有编号为 {expert_id} 的专家</source>
        <translation>The packet's roster has no expert {expert_id}</translation>
    </message>
    <message>
        <location filename="../../app/packet/manifest.py" line="233" />
        <source>评审包清单错误：{what} {value} 重复</source>
        <translation>The packet's manifest is wrong: {what} {value} appears twice</translation>
    </message>
    <message>
        <location filename="../../app/packet/members.py" line="34" />
        <location filename="../../app/packet/members.py" line="67" />
        <location filename="../../app/packet/members.py" line="78" />
        <source>文件被截断</source>
        <translation>the file is truncated</translation>
    </message>
    <message>
        <location filename="../../app/packet/members.py" line="37" />
        <source>本地文件头缺失</source>
        <translation>the local file header is missing</translation>
    </message>
    <message>
        <location filename="../../app/packet/members.py" line="40" />
        <source>本地文件头中的文件名与目录不一致</source>
        <translation>the name in the local file header differs from the directory's</translation>
    </message>
    <message>
        <location filename="../../app/packet/members.py" line="42" />
        <source>本地文件头中的压缩方式或加密标志与目录不一致</source>
        <translation>the compression method or encryption flag in the local file header differs from the directory's</translation>
    </message>
    <message>
        <location filename="../../app/packet/members.py" line="61" />
        <location filename="../../app/packet/members.py" line="98" />
        <source>内容长度与清单不符</source>
        <translation>the length differs from the manifest's</translation>
    </message>
    <message>
        <location filename="../../app/packet/members.py" line="85" />
        <source>解压后的内容比清单记录的长</source>
        <translation>the unpacked content is longer than the manifest records</translation>
    </message>
    <message>
        <location filename="../../app/packet/members.py" line="92" />
        <source>压缩数据不完整</source>
        <translation>the compressed data is incomplete</translation>
    </message>
    <message>
        <location filename="../../app/packet/members.py" line="94" />
        <source>压缩数据损坏（{err}）</source>
        <translation>the compressed data is damaged ({err})</translation>
    </message>
    <message>
        <location filename="../../app/packet/members.py" line="96" />
        <source>压缩数据之后有多余的字节</source>
        <translation>there are extra bytes after the compressed data</translation>
    </message>
    <message>
        <location filename="../../app/packet/members.py" line="110" />
        <source>SHA-256 与清单不符（内容被改动）</source>
        <translation>the SHA-256 differs from the manifest's (the content was changed)</translation>
    </message>
    <message>
        <location filename="../../app/packet/reader.py" line="66" />
        <source>找不到评审包文件：{path}</source>
        <translation>Packet file not found: {path}</translation>
    </message>
    <message>
        <location filename="../../app/packet/reader.py" line="73" />
        <source>{path} 不是有效的评审包：缺少 {required}</source>
        <translation>{path} is not a valid packet: {required} is missing</translation>
    </message>
    <message>
        <location filename="../../app/packet/reader.py" line="77" />
        <source>评审包 {path} 的清单过大（{file_size} 字节，上限 {max_manifest}）</source>
        <translation>The manifest of packet {path} is too large ({file_size} bytes, limit {max_manifest})</translation>
    </message>
    <message>
        <location filename="../../app/packet/reader.py" line="81" />
        <source>评审包 {path} 的签名文件 {signature_name} 格式错误</source>
        <translation>The signature file {signature_name} of packet {path} is malformed</translation>
    </message>
    <message>
        <location filename="../../app/packet/reader.py" line="91" />
        <source>评审包 {path}：{err}</source>
        <translation>Packet {path}: {err}</translation>
    </message>
    <message>
        <location filename="../../app/packet/reader.py" line="94" />
        <source>评审包 {path} 的组织方指纹与公钥不符</source>
        <translation>The organizer fingerprint of packet {path} does not match its public key</translation>
    </message>
    <message>
        <location filename="../../app/packet/reader.py" line="139" />
        <source>评审包 {path} 中的文件 {name} 已损坏：{err}</source>
        <translation>The file {name} in packet {path} is damaged: {err}</translation>
    </message>
    <message>
        <location filename="../../app/packet/reader.py" line="143" />
        <source>无法读取评审包 {path}（{name}）：{reason}</source>
        <translation>Cannot read packet {path} ({name}): {reason}</translation>
    </message>
    <message>
        <location filename="../../app/packet/reader.py" line="166" />
        <source>评审包 {path} 的结构被改动：{err}</source>
        <translation>The structure of packet {path} was changed: {err}</translation>
    </message>
    <message>
        <location filename="../../app/packet/reader.py" line="169" />
        <location filename="../../app/packet/reader.py" line="228" />
        <location filename="../../app/packet/reader.py" line="233" />
        <location filename="../../app/packet/reader.py" line="251" />
        <location filename="../../app/packet/sealed.py" line="261" />
        <location filename="../../app/packet/sealed.py" line="278" />
        <location filename="../../app/packet/source.py" line="54" />
        <source>无法读取评审包 {path}：{reason}</source>
        <translation>Cannot read packet {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/packet/reader.py" line="172" />
        <location filename="../../app/packet/reader.py" line="180" />
        <source>已取消校验</source>
        <translation>Verification cancelled</translation>
    </message>
    <message>
        <location filename="../../app/packet/reader.py" line="192" />
        <source>评审包 {path} 的清单中没有文件 {name}</source>
        <translation>The manifest of packet {path} lists no file {name}</translation>
    </message>
    <message>
        <location filename="../../app/packet/reader.py" line="198" />
        <source>评审包 {path} 已关闭</source>
        <translation>Packet {path} is closed</translation>
    </message>
    <message>
        <location filename="../../app/packet/reader.py" line="236" />
        <source>{name} 不是有效的评审包：文件已损坏或不完整（可能在下载或复制时中断）。请向组织方重新索取评审包。</source>
        <translation>{name} is not a valid packet: the file is damaged or incomplete (perhaps a download or copy was interrupted). Please ask the organizer for the packet again.</translation>
    </message>
    <message>
        <location filename="../../app/packet/reader.py" line="247" />
        <source>评审包 {path} 中的 {orig_filename} 已损坏：{err}</source>
        <translation>{orig_filename} in packet {path} is damaged: {err}</translation>
    </message>
    <message>
        <location filename="../../app/packet/reader.py" line="271" />
        <source>评审包 {path} 的清单缺少有效的组织方公钥</source>
        <translation>The manifest of packet {path} lacks a valid organizer public key</translation>
    </message>
    <message>
        <location filename="../../app/packet/reader.py" line="274" />
        <source>评审包 {path} 的签名无效：清单（{manifest_name}）已被改动或签名不匹配</source>
        <translation>The signature of packet {path} is invalid: the manifest ({manifest_name}) was changed or the signature does not match</translation>
    </message>
    <message>
        <location filename="../../app/packet/reader.py" line="281" />
        <source>评审包 {path} 的清单含有过多条目（约 {values} 个，上限 {max_manifest_values}），已拒绝</source>
        <translation>The manifest of packet {path} has too many values (about {values}, limit {max_manifest_values}); refused</translation>
    </message>
    <message>
        <location filename="../../app/packet/reader.py" line="287" />
        <source>评审包 {path} 的清单不是有效的 JSON</source>
        <translation>The manifest of packet {path} is not valid JSON</translation>
    </message>
    <message>
        <location filename="../../app/packet/reader.py" line="290" />
        <source>评审包 {path} 的清单中的组织方公钥与签名所用的公钥不一致</source>
        <translation>The organizer public key in the manifest of packet {path} differs from the key that signed it</translation>
    </message>
    <message>
        <location filename="../../app/packet/scan.py" line="84" />
        <source>{name} 的本地文件头不是标准格式或与目录不一致</source>
        <translation>The local file header of {name} is non-standard or differs from the directory</translation>
    </message>
    <message>
        <location filename="../../app/packet/sealed.py" line="141" />
        <source>{name} 不是加密评审包，或文件头被截断</source>
        <translation>{name} is not an encrypted packet, or its header is truncated</translation>
    </message>
    <message>
        <location filename="../../app/packet/sealed.py" line="149" />
        <source>加密评审包 {name} 的文件头无效：{problem}</source>
        <translation>The header of the encrypted packet {name} is invalid: {problem}</translation>
    </message>
    <message>
        <location filename="../../app/packet/sealed.py" line="153" />
        <source>加密评审包 {name} 的长度不符（{actual} 字节，文件头要求 {file_size} 字节）：文件被截断或附加了内容</source>
        <translation>The encrypted packet {name} has the wrong length ({actual} bytes; its header says {file_size}): the file was truncated or has data appended</translation>
    </message>
    <message>
        <location filename="../../app/packet/sealed.py" line="208" />
        <source>评审包口令不能为空</source>
        <translation>The packet passphrase cannot be empty</translation>
    </message>
    <message>
        <location filename="../../app/packet/sealed.py" line="217" />
        <source>无法加密评审包：{problem}</source>
        <translation>Cannot encrypt the packet: {problem}</translation>
    </message>
    <message>
        <location filename="../../app/packet/sealed.py" line="230" />
        <source>评审包 {plain} 在加密时被改动</source>
        <translation>Packet {plain} changed while it was being encrypted</translation>
    </message>
    <message>
        <location filename="../../app/packet/sealed.py" line="237" />
        <source>无法写入加密评审包 {target}：{reason}</source>
        <translation>Cannot write the encrypted packet {target}: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/packet/writer.py" line="107" />
        <source>无法创建评审包 {path}：{reason}</source>
        <translation>Cannot create the packet {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/packet/writer.py" line="120" />
        <source>评审包文件名不安全：{name}（{problem}）</source>
        <translation>Unsafe file name in the packet: {name} ({problem})</translation>
    </message>
    <message>
        <location filename="../../app/packet/writer.py" line="123" />
        <source>评审包文件名重复：{name}</source>
        <translation>File name used twice in the packet: {name}</translation>
    </message>
    <message>
        <location filename="../../app/packet/writer.py" line="127" />
        <source>文件 {name} 过大（{size} 字节），超过评审包单个文件上限 {max_file} 字节</source>
        <translation>The file {name} is too large ({size} bytes), over the packet's limit of {max_file} bytes for one file</translation>
    </message>
    <message>
        <location filename="../../app/packet/writer.py" line="131" />
        <source>评审包总大小将超过上限 {max_total} 字节（添加 {name} 时）</source>
        <translation>The packet would exceed its size limit of {max_total} bytes (when adding {name})</translation>
    </message>
    <message>
        <location filename="../../app/packet/writer.py" line="161" />
        <location filename="../../app/packet/writer.py" line="219" />
        <source>写入评审包 {path} 失败：{reason}</source>
        <translation>Writing the packet {path} failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/packet/writer.py" line="186" />
        <source>评审包清单列出的文件 {name} 未写入评审包</source>
        <translation>The file {name} listed in the manifest was not written into the packet</translation>
    </message>
    <message>
        <location filename="../../app/packet/writer.py" line="190" />
        <source>评审包清单中文件 {name} 的大小或 SHA-256 与写入的内容不符</source>
        <translation>The size or SHA-256 of the file {name} in the manifest differs from what was written</translation>
    </message>
    <message>
        <location filename="../../app/packet/writer.py" line="194" />
        <source>评审包中写入了清单未列出的文件：{extra}</source>
        <translation>Files not listed in the manifest were written into the packet: {extra}</translation>
    </message>
    <message>
        <location filename="../../app/packet/writer.py" line="199" />
        <source>评审包清单无法序列化：{err}</source>
        <translation>The packet's manifest cannot be serialised: {err}</translation>
    </message>
    <message>
        <location filename="../../app/packet/writer.py" line="203" />
        <source>评审包清单过大（{count} 字节，约 {values} 个条目）</source>
        <translation>The packet's manifest is too large ({count} bytes, about {values} values)</translation>
    </message>
    <message>
        <location filename="../../app/packet/writer.py" line="239" />
        <source>评审包已完成或已放弃，不能再写入</source>
        <translation>The packet is finished or abandoned; nothing more can be written to it</translation>
    </message>
    <message>
        <location filename="../../app/packet/writer.py" line="282" />
        <source>{orig_filename} 之前有多余或缺失的数据</source>
        <translation>There is extra or missing data before {orig_filename}</translation>
    </message>
    <message>
        <location filename="../../app/packet/writer.py" line="288" />
        <source>{orig_filename} 的本地文件头不是标准格式或与目录不一致</source>
        <translation>The local file header of {orig_filename} is non-standard or differs from the directory</translation>
    </message>
    <message>
        <location filename="../../app/packet/writer.py" line="295" />
        <source>中央目录不是标准格式</source>
        <translation>The central directory is non-standard</translation>
    </message>
    <message>
        <location filename="../../app/packet/writer.py" line="308" />
        <source>目录结束记录不一致</source>
        <translation>The end-of-directory record is inconsistent</translation>
    </message>
    <message>
        <location filename="../../app/packet/writer.py" line="311" />
        <location filename="../../app/packet/writer.py" line="314" />
        <source>目录之后有多余的数据</source>
        <translation>There is extra data after the directory</translation>
    </message>
    <message>
        <location filename="../../app/packet/writer.py" line="319" />
        <source>ZIP64 目录结束记录不一致</source>
        <translation>The ZIP64 end-of-directory record is inconsistent</translation>
    </message>
    <message>
        <location filename="../../app/packet/writer.py" line="321" />
        <source>ZIP64 定位记录不一致</source>
        <translation>The ZIP64 locator is inconsistent</translation>
    </message>
</context>
<context>
    <name>PacketHeader</name>
    <message>
        <location filename="../../ui/review/header.py" line="41" />
        <source>打开评审包…</source>
        <translation>Open packet…</translation>
    </message>
    <message>
        <location filename="../../ui/review/header.py" line="42" />
        <source>组织方工作台…</source>
        <translation>Organizer workbench…</translation>
    </message>
    <message>
        <location filename="../../ui/review/header.py" line="43" />
        <source>组织方：从申报材料到评审包、导入评分表和结果</source>
        <translation>For the organizer: from the applications to the packet, the score sheets and the results</translation>
    </message>
    <message>
        <location filename="../../ui/review/header.py" line="57" />
        <source>尚未打开评审包</source>
        <translation>No packet open</translation>
    </message>
    <message>
        <location filename="../../ui/review/header.py" line="58" />
        <source>请从“文件 ▸ 打开评审包…”选择组织方发来的 .panelpack 文件，或将文件拖到此窗口。</source>
        <translation>Choose the .panelpack file from the organizer with File ▸ Open packet…, or drop it onto this window.</translation>
    </message>
    <message>
        <location filename="../../ui/review/header.py" line="60" />
        <source>PanelDesk 评审台</source>
        <translation>PanelDesk</translation>
    </message>
    <message>
        <location filename="../../ui/review/header.py" line="64" />
        <source>（未确认）</source>
        <translation>(not confirmed)</translation>
    </message>
    <message>
        <location filename="../../ui/review/header.py" line="65" />
        <source>组织方公钥指纹：{fp}　　评审专家：{who}</source>
        <translation>Organizer fingerprint: {fp}    Expert: {who}</translation>
    </message>
    <message>
        <location filename="../../ui/review/header.py" line="66" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/review/header.py" line="67" />
        <source>{title} — PanelDesk 评审台</source>
        <translation>{title} — PanelDesk</translation>
    </message>
</context>
<context>
    <name>PacketOpener</name>
    <message>
        <location filename="../../ui/review/opening.py" line="86" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/review/opening.py" line="121" />
        <source>正在打开并校验评审包：{name}…</source>
        <translation>Opening and verifying {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/review/opening.py" line="112" />
        <location filename="../../ui/review/opening.py" line="169" />
        <source>已取消打开评审包。</source>
        <translation>Opening the packet was cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/review/opening.py" line="152" />
        <source>无法在系统钥匙串中保存口令，下次打开时需要重新输入。</source>
        <translation>Could not save the passphrase in the system keyring; you will need to enter it again next time.</translation>
    </message>
    <message>
        <location filename="../../ui/review/opening.py" line="172" />
        <source>打开评审包时发生内部错误（{kind}: {detail}）。</source>
        <translation>Internal error while opening the packet ({kind}: {detail}).</translation>
    </message>
    <message>
        <location filename="../../ui/review/opening.py" line="109" />
        <location filename="../../ui/review/opening.py" line="174" />
        <source>无法打开评审包</source>
        <translation>Cannot open packet</translation>
    </message>
</context>
<context>
    <name>PacketSeal</name>
    <message>
        <location filename="../../app/packet/sealed.py" line="61" />
        <source>口令错误：无法解开加密评审包 {name}（口令不对，或文件头已被改动）</source>
        <translation>Wrong passphrase: cannot unlock the encrypted packet {name} (the passphrase is wrong, or its header was changed)</translation>
    </message>
    <message>
        <location filename="../../app/packet/sealed.py" line="62" />
        <source>评审包 {name} 已加密：请提供评审包口令（--packet-passphrase-file 或环境变量 {env}）</source>
        <translation>The packet {name} is encrypted: give its passphrase (--packet-passphrase-file or the environment variable {env})</translation>
    </message>
</context>
<context>
    <name>Panel</name>
    <message>
        <location filename="../../app/organizer/panel.py" line="38" />
        <source>尚未建立专家名单：请先添加专家或导入名单，再生成评审包</source>
        <translation>No expert roster yet: add experts or import a roster before building the packet</translation>
    </message>
    <message>
        <location filename="../../app/organizer/panel.py" line="114" />
        <source>申报“{source}”已不在本轮评审中</source>
        <translation>The entry "{source}" is no longer in this round</translation>
    </message>
</context>
<context>
    <name>PanelModels</name>
    <message>
        <location filename="../../ui/organizer/panel_models.py" line="38" />
        <source>已登记</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_models.py" line="39" />
        <source>未登记</source>
        <translation>Not enrolled</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_models.py" line="40" />
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_models.py" line="41" />
        <source>手动分配</source>
        <translation>Assigned by hand</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_models.py" line="42" />
        <source>手动取消分配</source>
        <translation>Unassigned by hand</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_models.py" line="43" />
        <source>已声明回避：{unit}</source>
        <translation>Declared conflict: {unit}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_models.py" line="56" />
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_models.py" line="56" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_models.py" line="57" />
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_models.py" line="57" />
        <source>公钥指纹</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_models.py" line="59" />
        <source>登记状态</source>
        <translation>Enrolment</translation>
    </message>
</context>
<context>
    <name>PanelPage</name>
    <message>
        <location filename="../../ui/organizer/panel_page.py" line="90" />
        <source>创建组织方密钥…</source>
        <translation>Create organizer key…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_page.py" line="112" />
        <source>勾选即把专家编入该类别的评审组；全部不勾选时，每位专家评审全部申报。</source>
        <translation>Tick to put an expert on that category's panel; with nothing ticked, every expert reviews every application.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_page.py" line="118" />
        <source>分类评审组</source>
        <translation>Category panels</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_page.py" line="124" />
        <source>添加回避…</source>
        <translation>Add conflict…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_page.py" line="126" />
        <source>删除回避</source>
        <translation>Remove conflict</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_page.py" line="136" />
        <source>回避</source>
        <translation>Recused</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_page.py" line="150" />
        <location filename="../../ui/organizer/panel_page.py" line="161" />
        <source>分配/取消分配…</source>
        <translation>Assign/unassign…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_page.py" line="158" />
        <source>● 已分配　◉ 手动分配　○ 手动取消分配　⊘ 回避 · 双击单元格或按空格键分配/取消分配</source>
        <translation>● assigned　◉ assigned by hand　○ unassigned by hand　⊘ conflict · double-click a cell or press Space to assign/unassign</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_page.py" line="166" />
        <source>分配矩阵</source>
        <translation>Assignment matrix</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_page.py" line="177" />
        <source>组织方密钥指纹：{fp}</source>
        <translation>Organizer key fingerprint: {fp}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_page.py" line="180" />
        <source>尚未创建组织方密钥：生成评审包前需要创建。</source>
        <translation>No organizer key yet: one is needed before building the packet.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_page.py" line="216" />
        <source>{n} 份申报分配的专家少于 {needed} 位：{ids}</source>
        <translation>{n} applications have fewer than {needed} experts: {ids}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_page.py" line="245" />
        <source>已分配：{id} × {submission}</source>
        <translation>Assigned: {id} × {submission}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_page.py" line="246" />
        <source>已取消分配：{id} × {submission}</source>
        <translation>Unassigned: {id} × {submission}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_page.py" line="253" />
        <source>无法保存分配：{error}</source>
        <translation>Could not save the assignment: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_page.py" line="272" />
        <source>正在创建组织方密钥…</source>
        <translation>Creating the organizer key…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_page.py" line="278" />
        <source>已创建组织方密钥，指纹 {fp}</source>
        <translation>Organizer key created, fingerprint {fp}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_page.py" line="297" />
        <source>专家编号不能重复。</source>
        <translation>Expert ids must be unique.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_page.py" line="314" />
        <source>无法保存专家名单：{error}</source>
        <translation>Cannot save the roster: {error}</translation>
    </message>
</context>
<context>
    <name>PanelQuestions</name>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="52" />
        <source>含有不是十六进制数字的字符“{ch}”</source>
        <translation>Contains "{ch}", which is not a hexadecimal digit</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="55" />
        <source>已输入 {n} 位，指纹应为 40 位十六进制数字</source>
        <translation>{n} digits so far; a fingerprint has 40 hexadecimal digits</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="57" />
        <source>✓ {fp}</source>
        <translation>✓ {fp}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="64" />
        <source>登记专家密钥指纹</source>
        <translation>Enrol the expert's key fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="65" />
        <source>请专家读出自己的密钥指纹（导出评分表时显示，也可在命令行用 paneldesk key show 查看），当面或电话逐组核对后输入或粘贴。</source>
        <translation>Ask the expert to read out their key fingerprint (shown when exporting a score sheet, or with paneldesk key show), compare it group by group in person or by phone, then type or paste it.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="70" />
        <location filename="../../ui/organizer/panel_dialogs.py" line="206" />
        <source>专家：</source>
        <translation>Expert:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="75" />
        <source>指纹：</source>
        <translation>Fingerprint:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="99" />
        <source>专家</source>
        <translation>Expert</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="112" />
        <source>编号：</source>
        <translation>Id:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="114" />
        <source>姓名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="115" />
        <source>单位：</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="124" />
        <source>编号“{id}”已在名单中，请换一个编号。</source>
        <translation>The ID “{id}” is already on the roster; choose another.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="127" />
        <source>编号只能使用字母、数字、汉字、-、_ 和 .，最长 64 个字符。</source>
        <translation>An ID may use only letters, digits, Chinese characters, -, _ and ., at most 64 characters.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="142" />
        <source>口令至少 {n} 个字符</source>
        <translation>The passphrase must be at least {n} characters</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="144" />
        <source>请在“再输一次”中再次输入口令</source>
        <translation>Type the passphrase again in “Repeat”</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="146" />
        <source>两次输入的口令不一致</source>
        <translation>The two passphrases differ</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="154" />
        <source>创建组织方密钥</source>
        <translation>Create the organizer key</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="155" />
        <source>组织方密钥用于给评审包签名，专家据其指纹确认评审包来自您。请设置口令并妥善保管；忘记口令将无法再签名。</source>
        <translation>The organizer key signs the packet; experts check its fingerprint to know the packet comes from you. Choose a passphrase and keep it safe: without it nothing can be signed again.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="166" />
        <source>口令：</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="167" />
        <source>再输一次：</source>
        <translation>Repeat:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="199" />
        <source>添加回避</source>
        <translation>Add conflict</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="207" />
        <source>回避单位：</source>
        <translation>Unit to avoid:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="215" />
        <source>分配</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="216" />
        <source>取消分配</source>
        <translation>Unassign</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="217" />
        <source>把申报 {submission} 分配给 {id} {name}？</source>
        <translation>Assign submission {submission} to {id} {name}?</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="219" />
        <source>不再让 {id} {name} 评审申报 {submission}？</source>
        <translation>Stop {id} {name} from reviewing submission {submission}?</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="223" />
        <source>注意：已声明该专家回避单位“{unit}”。手动分配会覆盖这一回避，每次生成评审包都会提示；请写明理由。</source>
        <translation>Note: this expert has a declared conflict with the unit “{unit}”. Assigning by hand overrides it, and every packet build will point this out; please give a reason.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="231" />
        <source>必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="232" />
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="233" />
        <source>理由：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="243" />
        <location filename="../../ui/organizer/panel_dialogs.py" line="265" />
        <source>导入专家名单</source>
        <translation>Import roster</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="244" />
        <source>专家名单 (*.csv *.xlsx);;所有文件 (*)</source>
        <translation>Rosters (*.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="248" />
        <source>删除专家</source>
        <translation>Remove expert</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="249" />
        <source>从名单中删除 {id} {name}？其分类评审组、回避和手动分配也一并删除。</source>
        <translation>Remove {id} {name} from the roster? Their category panels, conflicts and pair adjustments are removed too.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="256" />
        <source>名单文件 {file} 中有 {n} 位专家。如何导入？</source>
        <translation>The roster file {file} lists {n} experts. How should it be imported?</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="258" />
        <source>合并：文件中的专家按编号添加或更新（姓名、单位取自文件；文件没有指纹时保留已登记的指纹），名单上的其他专家连同其评审组和回避保持不变。
替换：名单只保留文件中的专家，其他专家连同其评审组、回避和已登记的指纹一并删除。</source>
        <translation>Merge: the experts in the file are added or updated by ID (name and organization from the file; an enrolled fingerprint is kept when the file has none); the other experts on the roster stay, with their panels and conflicts.
Replace: the roster keeps only the experts in the file; the others are removed together with their panels, conflicts and enrolled fingerprints.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="263" />
        <source>本项目已生成评审包：名单的改动需重新生成评审包后才会到达专家。</source>
        <translation>A packet has already been built for this project: roster changes reach the experts only after the packet is built again.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="269" />
        <source>合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="271" />
        <source>替换…</source>
        <translation>Replace…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="280" />
        <source>替换专家名单</source>
        <translation>Replace expert roster</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="281" />
        <source>替换后将从名单中删除 {n} 位专家：{names}</source>
        <translation>Replacing removes {n} experts from the roster: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="285" />
        <source>他们的分类评审组、回避和已登记的指纹也将一并删除，无法恢复。</source>
        <translation>Their category panels, conflicts and enrolled fingerprints are removed with them and cannot be restored.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/panel_dialogs.py" line="287" />
        <source>删除并替换</source>
        <translation>Remove and replace</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <location filename="../../app/keys.py" line="275" />
        <source>口令文件</source>
        <translation>passphrase file</translation>
    </message>
    <message>
        <location filename="../../app/packet/sealed.py" line="249" />
        <source>评审包口令文件</source>
        <translation>packet passphrase file</translation>
    </message>
    <message>
        <location filename="../../app/passphrase_file.py" line="25" />
        <source>无法读取{what} {path}：{detail}</source>
        <translation>Cannot read the {what} {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/passphrase_file.py" line="29" />
        <source>{what} {path} 的第一行为空，口令不能为空</source>
        <translation>The first line of the {what} {path} is empty; the passphrase cannot be empty</translation>
    </message>
    <message>
        <location filename="../../app/passphrase_file.py" line="32" />
        <source>{what} {path} 的第一行含有控制字符（不像文本文件），不能作为口令</source>
        <translation>The first line of the {what} {path} holds control characters (it does not look like a text file); it cannot be a passphrase</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../ui/review/passphrase_dialog.py" line="38" />
        <source>打开加密评审包</source>
        <translation>Open encrypted packet</translation>
    </message>
    <message>
        <location filename="../../ui/review/passphrase_dialog.py" line="40" />
        <source>评审包“{name}”已加密。请输入组织方告知的评审包口令：</source>
        <translation>The packet “{name}” is encrypted. Enter the packet passphrase the organizer gave you:</translation>
    </message>
    <message>
        <location filename="../../ui/review/passphrase_dialog.py" line="53" />
        <source>评审包口令</source>
        <translation>Packet passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/review/passphrase_dialog.py" line="55" />
        <source>在这台电脑上记住口令（保存在系统钥匙串中）</source>
        <translation>Remember the passphrase on this computer (in the system keyring)</translation>
    </message>
    <message>
        <location filename="../../ui/review/passphrase_dialog.py" line="61" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/review/passphrase_dialog.py" line="62" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/review/passphrase_dialog.py" line="70" />
        <source>口令不能为空。</source>
        <translation>The passphrase must not be empty.</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <location filename="../../ui/evidence/pdf_viewer.py" line="109" />
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/pdf_viewer.py" line="110" />
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/pdf_viewer.py" line="282" />
        <source>第 {0} / {1} 页</source>
        <translation>Page {0} / {1}</translation>
    </message>
</context>
<context>
    <name>RecusalDialog</name>
    <message>
        <location filename="../../ui/review/recusal_dialog.py" line="39" />
        <source>申报回避</source>
        <translation>Declare conflicts of interest</translation>
    </message>
    <message>
        <location filename="../../ui/review/recusal_dialog.py" line="48" />
        <source>开始评分前，请确认是否与下列申报存在利益关系（如本人所在单位、近亲属任职、曾参与指导等）。勾选需要回避的申报并写明理由；回避的申报不能评分。</source>
        <translation>Before scoring, declare any conflict of interest with these submissions (your own unit, a close relative working there, having advised them…). Check each one and give a reason; recused submissions cannot be scored.</translation>
    </message>
    <message>
        <location filename="../../ui/review/recusal_dialog.py" line="58" />
        <source>回避</source>
        <translation>Recused</translation>
    </message>
    <message>
        <location filename="../../ui/review/recusal_dialog.py" line="58" />
        <source>申报单位 · 实践标题</source>
        <translation>Unit · Title</translation>
    </message>
    <message>
        <location filename="../../ui/review/recusal_dialog.py" line="59" />
        <source>回避理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/review/recusal_dialog.py" line="70" />
        <source>勾选后必填，例如：本人曾在该单位任职</source>
        <translation>Required when checked, e.g. I used to work for this unit</translation>
    </message>
    <message>
        <location filename="../../ui/review/recusal_dialog.py" line="94" />
        <source>无需回避</source>
        <translation>No conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/review/recusal_dialog.py" line="95" />
        <source>确认回避</source>
        <translation>Confirm recusals</translation>
    </message>
    <message>
        <location filename="../../ui/review/recusal_dialog.py" line="133" />
        <source>请填写回避理由：{ids}</source>
        <translation>Please give a reason for: {ids}</translation>
    </message>
</context>
<context>
    <name>Render</name>
    <message>
        <location filename="../../app/render/pdf.py" line="38" />
        <source>PDF 文件已损坏，无法打开（不是 PDF 格式）</source>
        <translation>The PDF file is damaged and cannot be opened (not in PDF format)</translation>
    </message>
    <message>
        <location filename="../../app/render/pdf.py" line="42" />
        <source>PDF 文件已损坏，无法打开</source>
        <translation>The PDF file is damaged and cannot be opened</translation>
    </message>
    <message>
        <location filename="../../app/render/pdf.py" line="45" />
        <source>PDF 文件设有密码，无法打开</source>
        <translation>The PDF file is password-protected and cannot be opened</translation>
    </message>
    <message>
        <location filename="../../app/render/pdf.py" line="48" />
        <source>PDF 没有任何页面</source>
        <translation>The PDF has no pages</translation>
    </message>
    <message>
        <location filename="../../app/render/pdf.py" line="61" />
        <source>缩放比例 {zoom} 超出范围（{min_zoom}–{max_zoom}）</source>
        <translation>Zoom {zoom} is out of range ({min_zoom}–{max_zoom})</translation>
    </message>
    <message>
        <location filename="../../app/render/pdf.py" line="66" />
        <source>PDF 只有 {page_count} 页，没有第 {page_index} 页</source>
        <translation>The PDF has only {page_count} pages; there is no page {page_index}</translation>
    </message>
    <message>
        <location filename="../../app/render/pdf.py" line="73" />
        <source>PDF 页面尺寸过大，无法按此比例显示</source>
        <translation>The PDF page is too large to show at this zoom</translation>
    </message>
    <message>
        <location filename="../../app/render/pdf.py" line="79" />
        <source>PDF 第 {page_index} 页已损坏，无法显示</source>
        <translation>Page {page_index} of the PDF is damaged and cannot be shown</translation>
    </message>
    <message>
        <location filename="../../app/render/pool.py" line="46" />
        <source>PDF 无法显示：渲染进程意外退出（文件可能已损坏）</source>
        <translation>The PDF cannot be shown: the render process stopped unexpectedly (the file may be damaged)</translation>
    </message>
    <message>
        <location filename="../../app/render/pool.py" line="144" />
        <source>无法启动 PDF 渲染进程：{reason}</source>
        <translation>Cannot start the PDF render process: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/render/pool.py" line="297" />
        <source>PDF 渲染超过 {timeout_s} 秒仍未完成，已停止（文件可能过于复杂或已损坏）</source>
        <translation>Rendering the PDF took more than {timeout_s} seconds and was stopped (the file may be too complex or damaged)</translation>
    </message>
    <message>
        <location filename="../../app/render/pool.py" line="305" />
        <source>PDF 渲染已停止（评审台正在关闭）</source>
        <translation>PDF rendering stopped (PanelDesk is closing)</translation>
    </message>
</context>
<context>
    <name>ResultFlags</name>
    <message>
        <location filename="../../app/results/model.py" line="18" />
        <source>分差过大</source>
        <translation>Large spread</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="19" />
        <source>离群分</source>
        <translation>Outlying mark</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="20" />
        <source>并列跨越奖项线</source>
        <translation>Tie across an award line</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="21" />
        <source>同分并列</source>
        <translation>Tied</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="22" />
        <source>评分人数少</source>
        <translation>Few marks</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="25" />
        <source>类别未确定，不评奖</source>
        <translation>Category unsettled: no award</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="26" />
        <source>评分不足，经组织方决定仍予排名</source>
        <translation>too few scores, ranked by the organizer's decision</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="27" />
        <source>与 {others} 单位和标题相同，组织方已确认不是重复申报</source>
        <translation>Same unit and title as {others}; the organizer confirmed they are not duplicates</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="28" />
        <source>组织方排定</source>
        <translation>the organizer's order</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="33" />
        <source>分差过大：最高 {max}，最低 {min}，相差 {spread} 分（阈值 {threshold} 分）</source>
        <translation>Large spread: highest {max}, lowest {min}, {spread} points apart (threshold {threshold})</translation>
    </message>
</context>
<context>
    <name>ResultReasons</name>
    <message>
        <location filename="../../app/results/model.py" line="41" />
        <source>评分不足：有效评分 {n} 份，评奖至少需要 {required} 份</source>
        <translation>Too few scores: {n} valid, an award needs at least {required}</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="42" />
        <source>有效评分仅 {n} 份（少于 {few} 份）：分配的专家都已评分，按规则参与排名和评奖，请复核是否需要补评</source>
        <translation>Only {n} valid scores (fewer than {few}): every assigned expert has scored, so it is ranked and may win an award by the rules; check whether more reviews are needed</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="44" />
        <source>组织方决定取消评奖资格：{reason}{by}</source>
        <translation>Disqualified by the organizer: {reason}{by}</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="45" />
        <source>与 {keeper} 单位和标题相同（重复申报），不参与评奖；{why}</source>
        <translation>Same applicant and title as {keeper} (a duplicate entry), not considered for an award; {why}</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="46" />
        <source>组织方决定保留 {keeper}：{reason}{by}</source>
        <translation>the organizer decided to keep {keeper}: {reason}{by}</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="47" />
        <source>未有组织方决定，保留得分较高的 {keeper}</source>
        <translation>without an organizer's decision the higher-scored {keeper} is kept</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="48" />
        <source>（{who}）</source>
        <translation> ({who})</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="49" />
        <source>（{who}，{at}）</source>
        <translation> ({who}, {at})</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="50" />
        <source>去掉最高分 {high}（{high_expert}）、最低分 {low}（{low_expert}）</source>
        <translation>Dropped the highest score {high} ({high_expert}) and the lowest {low} ({low_expert})</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="51" />
        <source>{expert}：{reason}</source>
        <translation>{expert}: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="55" />
        <source>已生效：不参与评奖</source>
        <translation>In effect: not considered for an award</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="56" />
        <source>未生效：该作品没有有效评分</source>
        <translation>Not in effect: the submission has no valid scores</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="57" />
        <source>已生效：仍予排名</source>
        <translation>In effect: ranked nonetheless</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="58" />
        <source>未生效：该作品未参与排名（见其状态）</source>
        <translation>Not in effect: the submission is not ranked (see its status)</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="59" />
        <source>未生效：该作品的有效评分已达到要求，无需另行决定</source>
        <translation>Not in effect: the submission already has enough valid scores; nothing to decide</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="60" />
        <source>已生效：名次依次为 {order}</source>
        <translation>In effect: places in the order {order}</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="61" />
        <source>未生效：这些作品此时并不同分并列</source>
        <translation>Not in effect: these submissions are not tied now</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="62" />
        <source>已生效：保留 {keep}</source>
        <translation>In effect: {keep} kept</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="63" />
        <source>未生效：{keep} 未参与排名</source>
        <translation>Not in effect: {keep} is not ranked</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="64" />
        <source>未生效：{drop} 未被列为 {keep} 的重复申报（仍参与评奖）</source>
        <translation>Not in effect: {drop} is not listed as a duplicate of {keep} (still considered for awards)</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="66" />
        <source>已生效：均参与评奖</source>
        <translation>In effect: all are considered for awards</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="67" />
        <source>部分作品因其他原因未参与排名</source>
        <translation>Some of them are not ranked for other reasons</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <location filename="../../app/results/eligibility.py" line="68" />
        <source>第 {number} 项决定（{label}）提到评审包中没有的作品：{unknown}</source>
        <translation>Decision {number} ({label}) names submissions that are not in the packet: {unknown}</translation>
    </message>
    <message>
        <location filename="../../app/results/engine.py" line="80" />
        <source>未知的汇总方法“{method}”，可选：{methods}</source>
        <translation>Unknown aggregation method "{method}"; choose from: {methods}</translation>
    </message>
    <message>
        <location filename="../../app/results/engine.py" line="109" />
        <source>评审包 {packet_id} 还没有任何有效评分：请先导入并接受专家交回的评分表（paneldesk sheets import）</source>
        <translation>Packet {packet_id} has no valid marks yet: import and accept the experts' score sheets first</translation>
    </message>
    <message>
        <location filename="../../app/results/engine.py" line="117" />
        <location filename="../../app/results/engine.py" line="142" />
        <location filename="../../app/results/engine.py" line="174" />
        <source>无法汇总评审包 {packet_id} 的评分：{err}</source>
        <translation>Cannot aggregate the marks of packet {packet_id}: {err}</translation>
    </message>
    <message>
        <location filename="../../app/results/outputs/__init__.py" line="33" />
        <source>输出位置 {out_dir} 已存在且不是文件夹</source>
        <translation>The output location {out_dir} exists and is not a folder</translation>
    </message>
    <message>
        <location filename="../../app/results/outputs/__init__.py" line="38" />
        <source>无法创建输出文件夹 {out_dir}：{reason}</source>
        <translation>Cannot create the output folder {out_dir}: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/results/panel.py" line="121" />
        <source>组织方数据库文件 {path} 不存在：请检查 --db，或先用 paneldesk sheets import 导入评分表</source>
        <translation>The organizer database {path} does not exist: check --db, or import score sheets first with paneldesk sheets import</translation>
    </message>
    <message>
        <location filename="../../app/results/panel.py" line="132" />
        <source>评审包 {name} 中的评审细则无效：{err}</source>
        <translation>The rubric in packet {name} is invalid: {err}</translation>
    </message>
    <message>
        <location filename="../../app/results/panel.py" line="153" />
        <source>无法读取组织方数据库 {database}：{name}: {err}</source>
        <translation>Cannot read the organizer database {database}: {name}: {err}</translation>
    </message>
</context>
<context>
    <name>ResultsCharts</name>
    <message>
        <location filename="../../ui/organizer/charts.py" line="53" />
        <source>各专家总分分布</source>
        <translation>Distribution of each expert's totals</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/charts.py" line="65" />
        <source>总分</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>ResultsDecisions</name>
    <message>
        <location filename="../../app/results/decisions.py" line="115" />
        <source>无法读取决定文件 {path}：{reason}</source>
        <translation>Cannot read the decisions file {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/results/decisions.py" line="119" />
        <source>决定文件 {path} 过大（上限 {max_file_bytes} MB）</source>
        <translation>The decisions file {path} is too large (limit {max_file_bytes} MB)</translation>
    </message>
    <message>
        <location filename="../../app/results/decisions.py" line="129" />
        <source>决定文件 {file_name} 不是有效的 JSON：{err}</source>
        <translation>The decisions file {file_name} is not valid JSON: {err}</translation>
    </message>
    <message>
        <location filename="../../app/results/decisions.py" line="133" />
        <source>决定文件 {file_name}：应为含 version 和 decisions 的对象</source>
        <translation>The decisions file {file_name} must be an object with version and decisions</translation>
    </message>
    <message>
        <location filename="../../app/results/decisions.py" line="137" />
        <source>决定文件 {file_name}：不支持的版本 {version}（应为 {format_version}）</source>
        <translation>The decisions file {file_name}: unsupported version {version} (expected {format_version})</translation>
    </message>
    <message>
        <location filename="../../app/results/decisions.py" line="142" />
        <source>决定文件 {file_name}：decisions 应为不超过 {max_decisions} 项的列表</source>
        <translation>The decisions file {file_name}: decisions must be a list of at most {max_decisions} items</translation>
    </message>
    <message>
        <location filename="../../app/results/decisions.py" line="145" />
        <source>{file_name} 第 {number} 项决定</source>
        <translation>{file_name}, decision {number}</translation>
    </message>
    <message>
        <location filename="../../app/results/decisions.py" line="151" />
        <source>不允许 {name}</source>
        <translation>{name} is not allowed</translation>
    </message>
    <message>
        <location filename="../../app/results/decisions.py" line="156" />
        <source>{where}：应为对象</source>
        <translation>{where}: must be an object</translation>
    </message>
    <message>
        <location filename="../../app/results/decisions.py" line="160" />
        <source>{where}：未知的 action {action}，可选：{actions}</source>
        <translation>{where}: unknown action {action}; choose from: {actions}</translation>
    </message>
    <message>
        <location filename="../../app/results/decisions.py" line="166" />
        <source>{where}：未知的键 {keys}</source>
        <translation>{where}: unknown keys {keys}</translation>
    </message>
    <message>
        <location filename="../../app/results/decisions.py" line="170" />
        <source>{where}：必须写明理由（reason）</source>
        <translation>{where}: a reason is required</translation>
    </message>
    <message>
        <location filename="../../app/results/decisions.py" line="178" />
        <source>{where}：keep 不能同时出现在 drop 中</source>
        <translation>{where}: keep cannot also be in drop</translation>
    </message>
    <message>
        <location filename="../../app/results/decisions.py" line="184" />
        <source>{where}：{needed} 至少应有两件作品</source>
        <translation>{where}: {needed} needs at least two submissions</translation>
    </message>
    <message>
        <location filename="../../app/results/decisions.py" line="192" />
        <source>{where}：{key} 应为不超过 {max_text} 字的文字</source>
        <translation>{where}: {key} must be text of at most {max_text} characters</translation>
    </message>
    <message>
        <location filename="../../app/results/decisions.py" line="200" />
        <source>{where}：{key} 应为作品编号的列表</source>
        <translation>{where}: {key} must be a list of submission ids</translation>
    </message>
    <message>
        <location filename="../../app/results/decisions.py" line="204" />
        <source>{where}：{key} 中有重复的作品编号</source>
        <translation>{where}: {key} lists a submission id twice</translation>
    </message>
</context>
<context>
    <name>ResultsModels</name>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="156" />
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="156" />
        <location filename="../../ui/organizer/results_models.py" line="207" />
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="157" />
        <location filename="../../ui/organizer/results_models.py" line="208" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="157" />
        <source>申报单位</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="158" />
        <source>最终得分</source>
        <translation>Final score</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="158" />
        <source>评分数</source>
        <translation>Marks</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="159" />
        <source>奖项</source>
        <translation>Award</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="159" />
        <source>提示</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="176" />
        <source>较“{method}”</source>
        <translation>vs “{method}”</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="184" />
        <source>并列区分依据：{rule}</source>
        <translation>Tie broken by: {rule}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="207" />
        <location filename="../../ui/organizer/results_models.py" line="291" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="208" />
        <source>最高分</source>
        <translation>Highest</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="209" />
        <source>最低分</source>
        <translation>Lowest</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="209" />
        <source>分差</source>
        <translation>Spread</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="210" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="188" />
        <location filename="../../ui/organizer/results_models.py" line="215" />
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="224" />
        <location filename="../../ui/organizer/results_models.py" line="263" />
        <source>专家</source>
        <translation>Expert</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="224" />
        <source>总分</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="225" />
        <source>评语</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="243" />
        <source>未评</source>
        <translation>Not scored</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="263" />
        <source>评分表版本</source>
        <translation>Sheet version</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="264" />
        <source>有效评分</source>
        <translation>Valid marks</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="241" />
        <location filename="../../ui/organizer/results_models.py" line="264" />
        <source>回避</source>
        <translation>Recused</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="265" />
        <source>平均分</source>
        <translation>Mean</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="265" />
        <source>标准差</source>
        <translation>Std. dev.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="266" />
        <source>最低</source>
        <translation>Min</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="266" />
        <source>最高</source>
        <translation>Max</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="267" />
        <source>宽严偏移</source>
        <translation>Leniency offset</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="282" />
        <source>宽严偏移：加性模型拟合的该专家相对全体的平均宽严（正数偏宽）</source>
        <translation>Leniency offset: this expert's average leniency relative to the panel, fitted by the additive model (positive = more lenient)</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="292" />
        <source>作品数</source>
        <translation>Submissions</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_models.py" line="293" />
        <source>专家数</source>
        <translation>Experts</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="45" />
        <source>决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="45" />
        <source>作品</source>
        <translation>Submissions</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="46" />
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="46" />
        <source>决定人</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="47" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/decisions_tab.py" line="47" />
        <source>效果</source>
        <translation>Effect</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <location filename="../../ui/organizer/results_page.py" line="86" />
        <source>选择结果文件的保存文件夹</source>
        <translation>Choose the folder for the results files</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_page.py" line="112" />
        <source>前往“导入评分表”页(&amp;I)</source>
        <translation>Go to &amp;Import score sheets</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_page.py" line="120" />
        <source>排名</source>
        <translation>Rankings</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_page.py" line="121" />
        <source>复核清单</source>
        <translation>Re-review list</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_page.py" line="122" />
        <source>专家分布</source>
        <translation>Experts</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_page.py" line="123" />
        <source>一致性</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_page.py" line="130" />
        <source>组织方决定</source>
        <translation>Organizer decisions</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_page.py" line="146" />
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_page.py" line="148" />
        <source>导出结果(&amp;X)…</source>
        <translation>E&amp;xport results…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_page.py" line="150" />
        <source>汇总方法：</source>
        <translation>Method:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_page.py" line="152" />
        <source>对比方法：</source>
        <translation>Compare with:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_page.py" line="163" />
        <source>类别：</source>
        <translation>Category:</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_page.py" line="234" />
        <source>正在计算…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_page.py" line="255" />
        <source>{method}：{experts} 位专家的 {marks} 条有效评分；复核清单 {review} 件，离群评分 {outliers} 条，跨越奖项线的并列 {ties} 处。</source>
        <translation>{method}: {marks} valid marks from {experts} experts; {review} on the re-review list, {outliers} outlying marks, {ties} ties across an award boundary.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_page.py" line="290" />
        <source>还没有任何有效评分：请先在“导入评分表”页导入并接受专家交回的评分表，结果会随之更新。</source>
        <translation>No valid scores yet: import and accept the experts' sheets on the "Import score sheets" page first; the results then update.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_page.py" line="294" />
        <source>计算结果时发生内部错误（{kind}: {detail}）。</source>
        <translation>Internal error while computing the results ({kind}: {detail}).</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_page.py" line="312" />
        <source>{award}：第 {place} 名有 {count} 件并列（{ids}），名额只剩 {slots} 个，须由评审组决定。</source>
        <translation>{award}: {count} submissions tie for place {place} ({ids}) but only {slots} places are left; the panel must decide.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_page.py" line="319" />
        <source>尚无有效评分、未排名：{ids}</source>
        <translation>No valid marks yet, not ranked: {ids}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_page.py" line="349" />
        <source>正在导出结果…</source>
        <translation>Exporting the results…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_page.py" line="359" />
        <source>已导出：{files}</source>
        <translation>Exported: {files}</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/results_page.py" line="365" />
        <source>导出结果时发生内部错误（{kind}: {detail}）。</source>
        <translation>Internal error while exporting the results ({kind}: {detail}).</translation>
    </message>
</context>
<context>
    <name>ReviewStatus</name>
    <message>
        <location filename="../../app/workspace/status.py" line="21" />
        <source>未评</source>
        <translation>Not scored</translation>
    </message>
    <message>
        <location filename="../../app/workspace/status.py" line="22" />
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../app/workspace/status.py" line="23" />
        <source>已评</source>
        <translation>Scored</translation>
    </message>
    <message>
        <location filename="../../app/workspace/status.py" line="24" />
        <source>回避</source>
        <translation>Recused</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../ui/review/window.py" line="126" />
        <source>打开评审包并确认身份后在此评分</source>
        <translation>Open a packet and confirm your identity to score here</translation>
    </message>
    <message>
        <location filename="../../ui/review/menus.py" line="31" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/review/menus.py" line="32" />
        <source>打开评审包(&amp;O)…</source>
        <translation>&amp;Open packet…</translation>
    </message>
    <message>
        <location filename="../../ui/review/menus.py" line="34" />
        <source>最近打开(&amp;R)</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <location filename="../../ui/review/menus.py" line="36" />
        <source>导出评分表(&amp;E)…</source>
        <translation>&amp;Export score sheet…</translation>
    </message>
    <message>
        <location filename="../../ui/review/menus.py" line="41" />
        <source>组织方：导入评分表与结果(&amp;G)…</source>
        <translation>Or&amp;ganizer: import score sheets and results…</translation>
    </message>
    <message>
        <location filename="../../ui/review/menus.py" line="43" />
        <source>组织方工作台(&amp;W)…</source>
        <translation>Organizer &amp;workbench…</translation>
    </message>
    <message>
        <location filename="../../ui/review/menus.py" line="48" />
        <source>申报(&amp;S)</source>
        <translation>&amp;Submission</translation>
    </message>
    <message>
        <location filename="../../ui/review/menus.py" line="49" />
        <source>下一项(&amp;N)</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <location filename="../../ui/review/menus.py" line="50" />
        <source>上一项(&amp;P)</source>
        <translation>&amp;Previous</translation>
    </message>
    <message>
        <location filename="../../ui/review/menus.py" line="51" />
        <source>搜索(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../ui/review/menus.py" line="52" />
        <source>申请回避(&amp;H)…</source>
        <translation>Recuse myself…</translation>
    </message>
    <message>
        <location filename="../../ui/review/menus.py" line="53" />
        <source>撤销回避(&amp;U)…</source>
        <translation>Withdraw recusal…</translation>
    </message>
    <message>
        <location filename="../../ui/review/menus.py" line="60" />
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/review/menus.py" line="63" />
        <source>我的排序(&amp;R)…</source>
        <translation>My &amp;ranking…</translation>
    </message>
    <message>
        <location filename="../../ui/review/menus.py" line="66" />
        <source>跳到评分项(&amp;C)</source>
        <translation>Jump to &amp;criterion</translation>
    </message>
    <message>
        <location filename="../../ui/review/menus.py" line="80" />
        <source>请先打开评审包并确认专家身份，才能导出评分表。</source>
        <translation>Open a packet and confirm your identity first to export a score sheet.</translation>
    </message>
    <message>
        <location filename="../../ui/review/menus.py" line="82" />
        <source>导出评分表（需先打开评审包）</source>
        <translation>Export score sheet (open a packet first)</translation>
    </message>
    <message>
        <location filename="../../ui/review/menus.py" line="97" />
        <source>第 {n} 项：{name}</source>
        <translation>Criterion {n}: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/review/menus.py" line="71" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/review/menus.py" line="61" />
        <source>佐证材料全屏(&amp;E)</source>
        <translation>&amp;Evidence full screen</translation>
    </message>
    <message>
        <location filename="../../ui/review/menus.py" line="72" />
        <source>快捷键(&amp;K)</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="318" />
        <source>已保存 {time}</source>
        <translation>Saved {time}</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="331" />
        <source>未能保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../ui/review/recusal.py" line="35" />
        <source>申请回避</source>
        <translation>Recuse</translation>
    </message>
    <message>
        <location filename="../../ui/review/recusal.py" line="36" />
        <source>回避 {sid} 的理由（必填）：</source>
        <translation>Reason for recusing from {sid} (required):</translation>
    </message>
    <message>
        <location filename="../../ui/review/recusal.py" line="37" />
        <source>请填写回避理由。</source>
        <translation>Please give a reason.</translation>
    </message>
    <message>
        <location filename="../../ui/review/recusal.py" line="44" />
        <source>撤销回避</source>
        <translation>Withdraw recusal</translation>
    </message>
    <message>
        <location filename="../../ui/review/recusal.py" line="45" />
        <source>撤销对 {sid} 的回避，理由（必填，将记入修改记录）：</source>
        <translation>Reason for withdrawing the recusal from {sid} (required, logged):</translation>
    </message>
    <message>
        <location filename="../../ui/review/recusal.py" line="46" />
        <source>请填写撤销回避的理由。</source>
        <translation>Please give a reason for withdrawing.</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="157" />
        <source>打开评审包</source>
        <translation>Open packet</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="158" />
        <source>评审包 (*{suffix});;所有文件 (*)</source>
        <translation>Packets (*{suffix});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="173" />
        <source>已打开 {name}：校验通过。</source>
        <translation>Opened {name}: verified.</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="182" />
        <source>无法打开评审包</source>
        <translation>Cannot open packet</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="186" />
        <source>未确认专家身份，评审包未打开。</source>
        <translation>Identity not confirmed; the packet was not opened.</translation>
    </message>
    <message>
        <location filename="../../ui/review/window.py" line="197" />
        <source>评审包已关闭</source>
        <translation>The packet is closed</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <location filename="../../app/intake/roster.py" line="49" />
        <source>名单文件 {name}</source>
        <translation>roster file {name}</translation>
    </message>
    <message>
        <location filename="../../app/intake/roster.py" line="52" />
        <source>（请在 Excel 中另存为 .xlsx）</source>
        <translation> (in Excel: Save As .xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/intake/roster.py" line="53" />
        <source>{label} 格式不支持：请使用 .csv 或 .xlsx{hint}</source>
        <translation>{label}: format not supported; use .csv or .xlsx{hint}</translation>
    </message>
    <message>
        <location filename="../../app/intake/roster.py" line="58" />
        <source>{label} 过大（{size} MB），不像是专家名单</source>
        <translation>{label} is too large ({size} MB) to be a roster</translation>
    </message>
    <message>
        <location filename="../../app/intake/roster.py" line="63" />
        <location filename="../../app/intake/roster.py" line="105" />
        <source>{label} 无法读取：{reason}</source>
        <translation>{label} cannot be read: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/intake/roster.py" line="77" />
        <source>{label} 无法识别文字编码：请保存为 UTF-8 或 GBK 编码的 CSV</source>
        <translation>{label}: the text encoding is not recognised; save it as CSV in UTF-8 or GBK</translation>
    </message>
    <message>
        <location filename="../../app/intake/roster.py" line="80" />
        <source>{label} 不是文本格式的 CSV 文件</source>
        <translation>{label} is not a text CSV file</translation>
    </message>
    <message>
        <location filename="../../app/intake/roster.py" line="89" />
        <source>{label} 第 {line_num} 行：CSV 格式错误（{err}）</source>
        <translation>{label}, line {line_num}: CSV format error ({err})</translation>
    </message>
    <message>
        <location filename="../../app/intake/roster.py" line="97" />
        <source>{label} 无法读取：文件已损坏或不是有效的 .xlsx</source>
        <translation>{label} cannot be read: the file is damaged or not a valid .xlsx</translation>
    </message>
    <message>
        <location filename="../../app/intake/roster.py" line="113" />
        <source>{label} 没有工作表</source>
        <translation>{label} has no worksheet</translation>
    </message>
    <message>
        <location filename="../../app/intake/roster.py" line="150" />
        <source>{label} 第 {number} 行：表头缺少“{missing}”列（应为 编号,姓名,单位,公钥指纹 或 id,name,organization,fingerprint；实际为：{found}）</source>
        <translation>{label}, row {number}: the header lacks the column "{missing}" (expected 编号,姓名,单位,公钥指纹 or id,name,organization,fingerprint; found: {found})</translation>
    </message>
    <message>
        <location filename="../../app/intake/roster.py" line="177" />
        <source>{where}：编号“{id}”与第 {seen} 行重复</source>
        <translation>{where}: the id "{id}" repeats row {seen}</translation>
    </message>
    <message>
        <location filename="../../app/intake/roster.py" line="183" />
        <source>{label} 超过 {max_experts} 名专家，不像是评审专家名单</source>
        <translation>{label} has more than {max_experts} experts; it does not look like a panel roster</translation>
    </message>
    <message>
        <location filename="../../app/intake/roster.py" line="187" />
        <source>{label} 是空的：需要表头行 编号,姓名,单位,公钥指纹</source>
        <translation>{label} is empty: a header row 编号,姓名,单位,公钥指纹 is needed</translation>
    </message>
    <message>
        <location filename="../../app/intake/roster.py" line="190" />
        <source>{label} 只有表头，没有专家</source>
        <translation>{label} has a header but no experts</translation>
    </message>
    <message>
        <location filename="../../app/intake/roster.py" line="201" />
        <source>{label} 第 {number} 行</source>
        <translation>{label}, row {number}</translation>
    </message>
    <message>
        <location filename="../../app/intake/roster.py" line="206" />
        <source>{where}：缺少编号</source>
        <translation>{where}: the id is missing</translation>
    </message>
    <message>
        <location filename="../../app/intake/roster.py" line="208" />
        <source>{where}：缺少姓名</source>
        <translation>{where}: the name is missing</translation>
    </message>
    <message>
        <location filename="../../app/intake/roster.py" line="211" />
        <source>{where}：编号“{eid}”无效（只能使用字母、数字、汉字、-、_ 和 .，最长 64 个字符）</source>
        <translation>{where}: the id "{eid}" is invalid (letters, digits, Chinese characters, -, _ and . only; at most 64 characters)</translation>
    </message>
    <message>
        <location filename="../../app/intake/roster.py" line="218" />
        <source>{where}：公钥指纹“{fingerprint}”无效，应为 40 位十六进制数字</source>
        <translation>{where}: the key fingerprint "{fingerprint}" is invalid; it must be 40 hexadecimal digits</translation>
    </message>
</context>
<context>
    <name>RosterChanges</name>
    <message>
        <location filename="../../ui/organizer/roster_changes.py" line="45" />
        <source>名单中 {id} {name} 已登记另一个指纹（{enrolled}），未改为导入时接受的指纹（{accepted}）；如需更换，请核对后用“登记指纹…”。</source>
        <translation>{id} {name} already has another fingerprint on the roster ({enrolled}); it was not replaced by the one accepted at import ({accepted}). To change it, compare it with the expert and use “Enrol fingerprint…”.</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/roster_changes.py" line="51" />
        <source>已把导入时接受的指纹登记到名单：{id} {name}</source>
        <translation>Enrolled the key accepted at import on the roster: {id} {name}</translation>
    </message>
</context>
<context>
    <name>RosterPane</name>
    <message>
        <location filename="../../ui/organizer/roster_pane.py" line="30" />
        <source>专家名单</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/roster_pane.py" line="41" />
        <source>添加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/roster_pane.py" line="42" />
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/roster_pane.py" line="43" />
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/roster_pane.py" line="44" />
        <source>登记指纹…</source>
        <translation>Enrol fingerprint…</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/roster_pane.py" line="45" />
        <source>导入名单…</source>
        <translation>Import roster…</translation>
    </message>
</context>
<context>
    <name>RowStatus</name>
    <message>
        <location filename="../../app/results/model.py" line="81" />
        <source>参与排名</source>
        <translation>Ranked</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="82" />
        <source>评分不足</source>
        <translation>Too few scores</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="83" />
        <source>取消资格</source>
        <translation>Disqualified</translation>
    </message>
    <message>
        <location filename="../../app/results/model.py" line="84" />
        <source>重复申报</source>
        <translation>Duplicate entry</translation>
    </message>
</context>
<context>
    <name>Rubric</name>
    <message>
        <location filename="../../scoring/rubric.py" line="39" />
        <source>{path}：{problem}</source>
        <translation>{path}: {problem}</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric.py" line="41" />
        <source>评审细则文件 {file}：{text}</source>
        <translation>Rubric file {file}: {text}</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric.py" line="153" />
        <source>评审细则中没有评分项“{id_or_name}”</source>
        <translation>The rubric has no criterion "{id_or_name}"</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric.py" line="181" />
        <source>{name} 的分数必须是精确的十进制数，不能是浮点数（收到 {value}）</source>
        <translation>The score for {name} must be an exact decimal, not a floating-point number (got {value})</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric.py" line="187" />
        <source>{name} 的分数不是有效的数字：{err}</source>
        <translation>The score for {name} is not a valid number: {err}</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric.py" line="190" />
        <source>{name} 的分数必须在 0 到 {max} 之间（收到 {value}）</source>
        <translation>The score for {name} must be between 0 and {max} (got {value})</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric.py" line="195" />
        <source>{name} 的分数必须是 {step} 的整数倍（收到 {value}）</source>
        <translation>The score for {name} must be a multiple of {step} (got {value})</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric.py" line="248" />
        <source>评审细则中没有评分项“{key}”</source>
        <translation>The rubric has no criterion "{key}"</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric.py" line="253" />
        <source>{name} 的分数必须是精确的十进制数（收到 {score}）</source>
        <translation>The score for {name} must be an exact decimal (got {score})</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_file.py" line="31" />
        <source>不支持的格式（应为 .toml 或 .json）</source>
        <translation>unsupported format (use .toml or .json)</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_file.py" line="37" />
        <source>找不到该文件</source>
        <translation>file not found</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_file.py" line="39" />
        <source>无法读取（{reason}）</source>
        <translation>cannot be read ({reason})</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_file.py" line="42" />
        <source>文件过大（评审细则不应超过 1 MB）</source>
        <translation>file too large (a rubric must not exceed 1 MB)</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_file.py" line="46" />
        <source>不是 UTF-8 编码的文本</source>
        <translation>not UTF-8 text</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_file.py" line="54" />
        <source>{kind} 格式错误（{detail}）</source>
        <translation>{kind} format error ({detail})</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_file.py" line="63" />
        <source>不允许 {token}</source>
        <translation>{token} is not allowed</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_file.py" line="70" />
        <source>字段“{key}”重复</source>
        <translation>the field "{key}" appears twice</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="52" />
        <source>必须是表（键值对）</source>
        <translation>must be a table (keys and values)</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="56" />
        <source>未知字段（拼写错误？可用字段：{allowed}）</source>
        <translation>unknown field (a typo? available fields: {allowed})</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="60" />
        <source>缺少必填字段</source>
        <translation>required field missing</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="66" />
        <source>必须是列表</source>
        <translation>must be a list</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="68" />
        <location filename="../../scoring/rubric_schema.py" line="79" />
        <source>不能为空</source>
        <translation>must not be empty</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="70" />
        <source>条目过多（最多 {limit} 项）</source>
        <translation>too many items (at most {limit})</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="77" />
        <source>必须是文本</source>
        <translation>must be text</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="81" />
        <source>首尾不能有空白</source>
        <translation>must not begin or end with spaces</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="83" />
        <source>过长（最多 {limit} 字）</source>
        <translation>too long (at most {limit} characters)</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="86" />
        <source>必须是中文名称</source>
        <translation>must be a Chinese name</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="92" />
        <source>必须是整数</source>
        <translation>must be an integer</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="94" />
        <source>必须在 {minimum} 到 {maximum} 之间</source>
        <translation>must be between {minimum} and {maximum}</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="106" />
        <source>必须是数字</source>
        <translation>must be a number</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="108" />
        <source>必须是有限的数字</source>
        <translation>must be a finite number</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="111" />
        <source>数值超出允许范围（绝对值 ≤ 1000000，最多 6 位小数）</source>
        <translation>value out of range (absolute value ≤ 1000000, at most 6 decimal places)</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="120" />
        <source>必须是 ASCII 标识（字母、数字、. _ -，最长 64）</source>
        <translation>must be an ASCII identifier (letters, digits, . _ -; at most 64)</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="124" />
        <source>必须大于 0</source>
        <translation>must be greater than 0</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="129" />
        <source>类别“{cat}”重复</source>
        <translation>the category "{cat}" appears twice</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="138" />
        <source>评分项标识“{id}”重复</source>
        <translation>the criterion id "{id}" appears twice</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="141" />
        <source>评分项名称“{name}”重复</source>
        <translation>the criterion name "{name}" appears twice</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="156" />
        <source>满分必须大于 0（权重不能全为 0）</source>
        <translation>the maximum total must be greater than 0 (weights cannot all be 0)</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="171" />
        <source>“{name}”已是类别“{owner}”或它的写法</source>
        <translation>"{name}" is already the category "{owner}" or one of its spellings</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="190" />
        <source>必须是小写 ASCII 标识（字母开头，最长 32）</source>
        <translation>must be a lower-case ASCII identifier (starting with a letter; at most 32)</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="194" />
        <source>必须是 core（核心维度）或 basic（基本要求）</source>
        <translation>must be core or basic</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="198" />
        <source>必须大于 0 且是 step（{step}）的整数倍</source>
        <translation>must be greater than 0 and a multiple of step ({step})</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="203" />
        <location filename="../../scoring/rubric_schema.py" line="263" />
        <source>不能为负数</source>
        <translation>must not be negative</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="217" />
        <source>等级过多（最多 {limit} 个）</source>
        <translation>too many levels (at most {limit})</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="225" />
        <source>等级“{name}”重复</source>
        <translation>the level "{name}" appears twice</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="230" />
        <source>必须是 step（{step}）的整数倍</source>
        <translation>must be a multiple of step ({step})</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="234" />
        <source>必须 ≤ max</source>
        <translation>must be ≤ max</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="240" />
        <source>应为 {expected}（各等级分数段须从 0 起首尾相接、不重叠），实际为 {min}</source>
        <translation>should be {expected} (the levels' ranges must start at 0 and adjoin without overlapping); found {min}</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="247" />
        <source>最高等级的上限应等于该项满分 {top}</source>
        <translation>the top level's upper bound must equal the criterion's maximum {top}</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="276" />
        <source>必须在 0 到满分 {ceiling} 之间</source>
        <translation>must be between 0 and the maximum {ceiling}</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="282" />
        <source>below 不能大于 above</source>
        <translation>below cannot be greater than above</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="295" />
        <source>必须 ≤ {high}</source>
        <translation>must be ≤ {high}</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="302" />
        <source>必须是 {formats} 之一且不重复</source>
        <translation>must be among {formats}, each once</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="316" />
        <source>必须是 {methods} 之一</source>
        <translation>must be one of {methods}</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="325" />
        <source>必须大于 0 且不超过 {upper}</source>
        <translation>must be greater than 0 and at most {upper}</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="332" />
        <source>必须是 {choices} 之一且不重复</source>
        <translation>must be among {choices}, each once</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="350" />
        <source>奖项“{name}”重复</source>
        <translation>the award "{name}" appears twice</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="353" />
        <source>须且只能填写 count（名额）或 percent（比例）之一</source>
        <translation>give exactly one of count or percent</translation>
    </message>
    <message>
        <location filename="../../scoring/rubric_schema.py" line="361" />
        <source>必须大于 0 且不超过 100</source>
        <translation>must be greater than 0 and at most 100</translation>
    </message>
</context>
<context>
    <name>RubricPanel</name>
    <message>
        <location filename="../../ui/review/rubric_panel.py" line="137" />
        <source>评分标准</source>
        <translation>Level descriptors</translation>
    </message>
    <message>
        <location filename="../../ui/review/rubric_panel.py" line="138" />
        <source>显示或收起各评分项的说明和各档标准（收起时只显示当前分数所在的一档）</source>
        <translation>Show or collapse each criterion's description and levels (collapsed, only the level of the current score shows)</translation>
    </message>
    <message>
        <location filename="../../ui/review/rubric_panel.py" line="143" />
        <location filename="../../ui/review/rubric_panel.py" line="246" />
        <source>已回避，不可评分</source>
        <translation>Recused — scoring disabled</translation>
    </message>
    <message>
        <location filename="../../ui/review/rubric_panel.py" line="152" />
        <source>，还须填写评语</source>
        <translation>, comment still required</translation>
    </message>
    <message>
        <location filename="../../ui/review/rubric_panel.py" line="166" />
        <source>标记</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location filename="../../ui/review/rubric_panel.py" line="180" />
        <source>建议改投的类别</source>
        <translation>Suggested category</translation>
    </message>
    <message>
        <location filename="../../ui/review/rubric_panel.py" line="198" />
        <source>评语</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../ui/review/rubric_panel.py" line="211" />
        <location filename="../../ui/review/rubric_panel.py" line="304" />
        <source>对本申报的评价与建议（选填）</source>
        <translation>Your assessment and suggestions (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/review/rubric_panel.py" line="256" />
        <source>（建议类别）</source>
        <translation>(suggested category)</translation>
    </message>
    <message>
        <location filename="../../ui/review/rubric_panel.py" line="286" />
        <source>总分 {total} / {max}</source>
        <translation>Total {total} / {max}</translation>
    </message>
    <message>
        <location filename="../../ui/review/rubric_panel.py" line="287" />
        <source>已评 {done}/{count} 项</source>
        <translation>{done}/{count} criteria scored</translation>
    </message>
    <message>
        <location filename="../../ui/review/rubric_panel.py" line="291" />
        <source>，小计 {subtotal}</source>
        <translation>, subtotal {subtotal}</translation>
    </message>
    <message>
        <location filename="../../ui/review/rubric_panel.py" line="303" />
        <source>此项必填：{reason}</source>
        <translation>Required: {reason}</translation>
    </message>
</context>
<context>
    <name>ScoreEditor</name>
    <message>
        <location filename="../../ui/review/rubric_widgets.py" line="108" />
        <source>“{typed}”不在 {step} 分的步长上，已记为 {value}</source>
        <translation>"{typed}" is not on the {step}-point step: recorded as {value}</translation>
    </message>
    <message>
        <location filename="../../ui/review/rubric_widgets.py" line="116" />
        <source>{refusal}；本项为 {value}</source>
        <translation>{refusal}; this criterion is {value}</translation>
    </message>
    <message>
        <location filename="../../ui/review/rubric_widgets.py" line="130" />
        <source>“{typed}”超过本项满分 {max}，未接受</source>
        <translation>"{typed}" is above this criterion's maximum of {max}: not accepted</translation>
    </message>
</context>
<context>
    <name>Scoring</name>
    <message>
        <location filename="../../scoring/aggregate.py" line="92" />
        <source>未知的汇总方法“{method}”，可选：{choices}</source>
        <translation>Unknown aggregation method "{method}"; choose from: {choices}</translation>
    </message>
    <message>
        <location filename="../../scoring/aggregate.py" line="124" />
        <source>专家“{expert}”对作品“{submission}”有重复的评分</source>
        <translation>Expert "{expert}" has more than one mark for submission "{submission}"</translation>
    </message>
    <message>
        <location filename="../../scoring/aggregate.py" line="128" />
        <source>专家“{expert}”对作品“{submission}”的总分无效</source>
        <translation>Expert "{expert}" has an invalid total for submission "{submission}"</translation>
    </message>
    <message>
        <location filename="../../scoring/ranking.py" line="97" />
        <source>未知的同分处理规则：{unknown}</source>
        <translation>Unknown tie-break rule: {unknown}</translation>
    </message>
    <message>
        <location filename="../../scoring/totals.py" line="41" />
        <source>“{text}”不是精确的十进制数（不接受浮点数）</source>
        <translation>"{text}" is not an exact decimal (floating-point numbers are not accepted)</translation>
    </message>
    <message>
        <location filename="../../scoring/totals.py" line="47" />
        <source>“{text}”不是有效的数字</source>
        <translation>"{text}" is not a valid number</translation>
    </message>
    <message>
        <location filename="../../scoring/totals.py" line="51" />
        <source>“{text}”不是数字</source>
        <translation>"{text}" is not a number</translation>
    </message>
    <message>
        <location filename="../../scoring/totals.py" line="56" />
        <source>“{plain}…”过长，不是有效的数字</source>
        <translation>"{plain}…" is too long to be a valid number</translation>
    </message>
    <message>
        <location filename="../../scoring/totals.py" line="59" />
        <source>“{plain}”不是有效的数字</source>
        <translation>"{plain}" is not a valid number</translation>
    </message>
    <message>
        <location filename="../../scoring/totals.py" line="88" />
        <source>“{value}”超出可显示的范围</source>
        <translation>"{value}" is beyond the range that can be shown</translation>
    </message>
    <message>
        <location filename="../../scoring/totals.py" line="98" />
        <source>“{value}”不是精确的十进制数</source>
        <translation>"{value}" is not an exact decimal</translation>
    </message>
    <message>
        <location filename="../../scoring/totals.py" line="102" />
        <source>“{value}”不是有效的数字</source>
        <translation>"{value}" is not a valid number</translation>
    </message>
</context>
<context>
    <name>SheetExporter</name>
    <message>
        <location filename="../../ui/review/export.py" line="40" />
        <source>评分表_{expert}_{packet}.xlsx</source>
        <translation>score_sheet_{expert}_{packet}.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/review/export.py" line="86" />
        <source>正在导出评分表…</source>
        <translation>Exporting the score sheet…</translation>
    </message>
    <message>
        <location filename="../../ui/review/export.py" line="97" />
        <source>部分评分（未完成）</source>
        <translation>partial (unfinished)</translation>
    </message>
    <message>
        <location filename="../../ui/review/export.py" line="97" />
        <source>评分完成</source>
        <translation>complete</translation>
    </message>
    <message>
        <location filename="../../ui/review/export.py" line="98" />
        <source>已导出评分表 {name}（第 {version} 版）</source>
        <translation>Exported score sheet {name} (version {version})</translation>
    </message>
    <message>
        <location filename="../../ui/review/export.py" line="100" />
        <source>已导出评分表</source>
        <translation>Score sheet exported</translation>
    </message>
    <message>
        <location filename="../../ui/review/export.py" line="101" />
        <source>评分表已保存：
{path}

第 {version} 版，{rows} 份申报，{state}。
密钥指纹：{fingerprint}

请把此文件交回组织方；修改评分后可再次导出，新版本会取代旧版本。</source>
        <translation>Score sheet saved:
{path}

Version {version}, {rows} submissions, {state}.
Key fingerprint: {fingerprint}

Please send this file back to the organizers; after changing marks you can export again, and the new version replaces the old one.</translation>
    </message>
    <message>
        <location filename="../../ui/review/export.py" line="110" />
        <source>导出时发生内部错误（{kind}: {detail}）。</source>
        <translation>Internal error while exporting ({kind}: {detail}).</translation>
    </message>
    <message>
        <location filename="../../ui/review/export.py" line="112" />
        <source>无法导出评分表</source>
        <translation>Cannot export the score sheet</translation>
    </message>
</context>
<context>
    <name>SheetImport</name>
    <message>
        <location filename="../../app/sheets/importer.py" line="47" />
        <source>{name}：这是评审包“{theirs}”的评分表，不是当前评审包“{ours}”的</source>
        <translation>{name}: this is a score sheet of packet “{theirs}”, not of the current packet “{ours}”</translation>
    </message>
    <message>
        <location filename="../../app/sheets/importer.py" line="48" />
        <source>{name}：评分表基于另一版本的评审包“{theirs}”（评审包内容或评分细则不同），不能与当前版本混用</source>
        <translation>{name}: the score sheet is based on another version of packet “{theirs}” (different contents or rubric) and cannot be mixed with the current one</translation>
    </message>
    <message>
        <location filename="../../app/sheets/importer.py" line="50" />
        <source>{name}：专家“{expert}”不在本评审包的专家名单中</source>
        <translation>{name}: expert “{expert}” is not on this packet's roster</translation>
    </message>
    <message>
        <location filename="../../app/sheets/importer.py" line="51" />
        <source>{name}：评分表含有未分配给专家 {expert} 的申报：{ids}</source>
        <translation>{name}: the score sheet has submissions not assigned to expert {expert}: {ids}</translation>
    </message>
    <message>
        <location filename="../../app/sheets/importer.py" line="52" />
        <source>{name}（{id}）</source>
        <translation>{name} ({id})</translation>
    </message>
    <message>
        <location filename="../../app/sheets/importer.py" line="53" />
        <source>{name}：签名密钥（指纹 {found}）不是为专家 {who} 登记的密钥（指纹 {pinned}）；可能是他人冒签，请与专家核实</source>
        <translation>{name}: the signing key (fingerprint {found}) is not the key enrolled for expert {who} (fingerprint {pinned}); someone else may have signed it: check with the expert</translation>
    </message>
    <message>
        <location filename="../../app/sheets/importer.py" line="55" />
        <source>{name}：签名有效，但专家 {who} 的密钥尚未登记。请与专家当面或电话核对指纹 {fingerprint}，确认无误后接受该密钥</source>
        <translation>{name}: the signature is valid, but expert {who}'s key is not enrolled yet. Compare the fingerprint {fingerprint} with the expert in person or by phone, then accept the key</translation>
    </message>
    <message>
        <location filename="../../app/sheets/importer.py" line="57" />
        <source>{name}：专家 {who} 的第 {version} 版评分表签名有效，但有 {count} 处数值不符合评审细则，整份不计入结果；请专家核对后重新导出：{problems}</source>
        <translation>{name}: expert {who}'s score sheet version {version} is validly signed, but {count} values break the rubric, so none of it counts; ask the expert to check and export again: {problems}</translation>
    </message>
    <message>
        <location filename="../../app/sheets/importer.py" line="60" />
        <source>{name}：专家 {who} 的第 {version} 版评分表已导入过，内容相同，未作改动</source>
        <translation>{name}: expert {who}'s score sheet version {version} was imported before with the same contents; nothing changed</translation>
    </message>
    <message>
        <location filename="../../app/sheets/importer.py" line="62" />
        <source>{name}：专家 {who} 的第 {version} 版评分表已导入过，但内容不同（已导入的文件：{first}）；请与专家核实哪份有效，并请其重新导出更高版本</source>
        <translation>{name}: expert {who}'s score sheet version {version} was imported before with different contents (the file imported: {first}); check with the expert which one holds and ask for a new export with a higher version</translation>
    </message>
    <message>
        <location filename="../../app/sheets/importer.py" line="65" />
        <source>{name}：这是专家 {who} 的第 {version} 版，已有更新的第 {current} 版，以新版为准（本版仅存档）</source>
        <translation>{name}: this is expert {who}'s version {version}; the newer version {current} counts (this one is only archived)</translation>
    </message>
    <message>
        <location filename="../../app/sheets/importer.py" line="67" />
        <source>{name}：专家 {who} 的第 {version} 版评分表签名有效、内容完整，已导入</source>
        <translation>{name}: expert {who}'s score sheet version {version} is validly signed and complete; imported</translation>
    </message>
    <message>
        <location filename="../../app/sheets/importer.py" line="69" />
        <source>{name}：专家 {who} 的第 {version} 版评分表（部分评分，未完成）签名有效、内容完整，已导入</source>
        <translation>{name}: expert {who}'s score sheet version {version} (partly scored, not finished) is validly signed and complete; imported</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="63" />
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="64" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="65" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="66" />
        <source>总分</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="67" />
        <source>标记</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="68" />
        <source>评语</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="69" />
        <source>回避</source>
        <translation>Recused</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="70" />
        <source>回避理由</source>
        <translation>Reason for recusal</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="71" />
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="72" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="72" />
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="74" />
        <source>{name}：无法读取该工作簿：{detail}</source>
        <translation>{name}: cannot read the workbook: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="75" />
        <source>{name}：无法读取该工作簿（{kind}），文件可能已损坏</source>
        <translation>{name}: cannot read the workbook ({kind}); the file may be damaged</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="76" />
        <source>{name}：没有电子签名（缺少“{sheet}”工作表）{extra}；请让专家用评审台重新导出评分表</source>
        <translation>{name}: no electronic signature (the “{sheet}” sheet is missing){extra}; ask the expert to export the score sheet again from PanelDesk</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="78" />
        <source>（文档属性中仍有签名副本，但签名工作表已被删除）</source>
        <translation> (the document properties still hold a copy of the signature, but the signature sheet was deleted)</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="79" />
        <source>{name}：“{sheet}”工作表中的签名信息缺失或不完整</source>
        <translation>{name}: the signature on the “{sheet}” sheet is missing or incomplete</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="80" />
        <source>{name}：电子签名与签名内容不符——签名数据被改动过，或公钥被替换；此评分表不可信</source>
        <translation>{name}: the electronic signature does not match what was signed — the signed data or the public key was changed; this score sheet cannot be trusted</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="82" />
        <source>{name}：签名内容中的密钥指纹与所附公钥不一致</source>
        <translation>{name}: the key fingerprint in the signed data does not match the attached public key</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="83" />
        <source>{name}：评分表在签名后被改动（{count} 处），例如 {id} 的“{field}”：签名时为“{signed}”，现为“{found}”</source>
        <translation>{name}: the score sheet was changed after signing ({count} cells), e.g. {id}'s “{field}”: “{signed}” when signed, now “{found}”</translation>
    </message>
</context>
<context>
    <name>Sheets</name>
    <message>
        <location filename="../../app/sheets/export.py" line="124" />
        <source>评分尚未完成，不能导出正式评分表（共 {count} 项）：{shown}。如确需提交，请以“部分评分”方式导出（--partial）</source>
        <translation>Scoring is not finished, so a final score sheet cannot be exported ({count} items): {shown}. To hand it in anyway, export it as a partial sheet (--partial)</translation>
    </message>
    <message>
        <location filename="../../app/sheets/export.py" line="132" />
        <source>本机密钥（指纹 {fp}）与评审包中为专家 {expert_id} 登记的指纹（{fingerprint}）不一致，组织方将无法认可此评分表；请使用登记的密钥，或联系组织方重新登记</source>
        <translation>This computer's key (fingerprint {fp}) differs from the fingerprint enrolled for expert {expert_id} in the packet ({fingerprint}), so the organizer could not accept this sheet; use the enrolled key, or ask the organizer to enrol this one</translation>
    </message>
    <message>
        <location filename="../../app/sheets/export.py" line="180" />
        <source>评审包“{packet_id}”中的文字含有评分表无法保存的控制字符（{shown}），不能导出评分表；请联系组织方</source>
        <translation>Texts in packet "{packet_id}" hold control characters a score sheet cannot keep ({shown}), so no sheet can be exported; please contact the organizer</translation>
    </message>
    <message>
        <location filename="../../app/sheets/export.py" line="356" />
        <source>申报 {row} 的{field_text}过长（{count} 字），评分表单元格最多容纳 {cell_limit} 字，不能导出；请精简后再导出</source>
        <translation>The {field_text} of submission {row} is too long ({count} characters); a score-sheet cell holds at most {cell_limit} — shorten it before exporting</translation>
    </message>
    <message>
        <location filename="../../app/sheets/orgdb.py" line="149" />
        <source>无法打开组织方数据库 {url}：{err}</source>
        <translation>Cannot open the organizer database {url}: {err}</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="159" />
        <source>不是普通文件（文件夹、管道或设备），无法作为评分表读取</source>
        <translation>Not an ordinary file (a folder, pipe or device); it cannot be read as a score sheet</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="164" />
        <source>无法读取文件（{reason}）</source>
        <translation>The file cannot be read ({reason})</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="174" />
        <source>不是 Excel 工作簿（.xlsx）：文件不是 zip 格式，可能已截断或是其他类型的文件</source>
        <translation>Not an Excel workbook (.xlsx): the file is not a zip; it may be truncated or another kind of file</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="180" />
        <source>工作簿内部文件过多（{count} 个）</source>
        <translation>The workbook has too many parts ({count})</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="184" />
        <source>不是 Excel 工作簿（.xlsx）：缺少工作簿结构（可能是改了扩展名的 Word 文档）</source>
        <translation>Not an Excel workbook (.xlsx): the workbook structure is missing (perhaps a Word document renamed)</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="190" />
        <source>工作簿解压后过大，疑似压缩炸弹</source>
        <translation>The workbook is too large when unpacked; a suspected compression bomb</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="195" />
        <source>工作簿内部文件 {filename} 解压后过大（{file_size} MB，上限 {max_part_bytes} MB），疑似压缩炸弹</source>
        <translation>The workbook part {filename} is too large when unpacked ({file_size} MB, limit {max_part_bytes} MB); a suspected compression bomb</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="201" />
        <source>工作簿的 zip 结构已损坏（{err}）</source>
        <translation>The workbook's zip structure is damaged ({err})</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="213" />
        <source>工作簿内部文件 {filename} 的大小与目录不符</source>
        <translation>The size of the workbook part {filename} differs from the directory's</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="217" />
        <source>工作簿内部文件 {filename} 含有 XML 实体定义（DTD），正常的评分表不会有，疑似恶意文件</source>
        <translation>The workbook part {filename} defines XML entities (a DTD), which score sheets never do; it may be malicious</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="254" />
        <source>缺少“{score_sheet}”工作表</source>
        <translation>The worksheet "{score_sheet}" is missing</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="257" />
        <source>评分表行数过多</source>
        <translation>The score sheet has too many rows</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="293" />
        <source>签名内容不是有效的评分数据</source>
        <translation>The signed content is not valid score data</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="295" />
        <source>签名内容不是评审台评分表</source>
        <translation>The signed content is not a PanelDesk score sheet</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="298" />
        <source>评分表由更新版本的评审台导出，请升级评审台</source>
        <translation>The score sheet was exported by a newer PanelDesk; please upgrade PanelDesk</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="304" />
        <source>签名内容缺少字段 {name}</source>
        <translation>The signed content lacks the field {name}</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="306" />
        <source>签名内容中的字段 {name} 类型不对</source>
        <translation>The field {name} in the signed content has the wrong type</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="310" />
        <source>签名内容中的版本号无效</source>
        <translation>The version in the signed content is invalid</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="312" />
        <source>签名内容中的评分项无效</source>
        <translation>The criteria in the signed content are invalid</translation>
    </message>
    <message>
        <location filename="../../app/sheets/verify.py" line="315" />
        <source>签名内容中的评分行无效</source>
        <translation>The rows in the signed content are invalid</translation>
    </message>
    <message>
        <location filename="../../app/sheets/workbook.py" line="94" />
        <source>“{signature_sheet}”工作表过大</source>
        <translation>The worksheet "{signature_sheet}" is too large</translation>
    </message>
    <message>
        <location filename="../../app/sheets/workbook.py" line="119" />
        <source>“{score_sheet}”工作表的行或单元格多于签名内容（{signed_rows} 行）</source>
        <translation>The worksheet "{score_sheet}" has more rows or cells than the signed content ({signed_rows} rows)</translation>
    </message>
    <message>
        <location filename="../../app/sheets/workbook.py" line="148" />
        <source>“{notes_sheet}”工作表过大</source>
        <translation>The worksheet "{notes_sheet}" is too large</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/review/shortcuts.py" line="26" />
        <source>跳到第 {n} 个评分项（{name}）</source>
        <translation>Jump to criterion {n} ({name})</translation>
    </message>
    <message>
        <location filename="../../ui/review/shortcuts.py" line="30" />
        <source>下一项申报</source>
        <translation>Next submission</translation>
    </message>
    <message>
        <location filename="../../ui/review/shortcuts.py" line="31" />
        <source>上一项申报</source>
        <translation>Previous submission</translation>
    </message>
    <message>
        <location filename="../../ui/review/shortcuts.py" line="32" />
        <source>佐证材料全屏 / 退出全屏</source>
        <translation>Evidence full screen / leave full screen</translation>
    </message>
    <message>
        <location filename="../../ui/review/shortcuts.py" line="33" />
        <source>搜索申报</source>
        <translation>Search submissions</translation>
    </message>
    <message>
        <location filename="../../ui/review/shortcuts.py" line="34" />
        <source>我的排序</source>
        <translation>My ranking</translation>
    </message>
    <message>
        <location filename="../../ui/review/shortcuts.py" line="35" />
        <source>打开评审包</source>
        <translation>Open packet</translation>
    </message>
    <message>
        <location filename="../../ui/review/shortcuts.py" line="36" />
        <source>导出签名评分表</source>
        <translation>Export the signed score sheet</translation>
    </message>
    <message>
        <location filename="../../ui/review/shortcuts.py" line="37" />
        <source>申请回避当前申报</source>
        <translation>Recuse from the current submission</translation>
    </message>
    <message>
        <location filename="../../ui/review/shortcuts.py" line="38" />
        <source>显示快捷键</source>
        <translation>Show keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/review/shortcuts.py" line="42" />
        <source>评分项内加减 0.5 分</source>
        <translation>Raise / lower the criterion by 0.5</translation>
    </message>
    <message>
        <location filename="../../ui/review/shortcuts.py" line="43" />
        <source>在评分项、标记与评语之间移动</source>
        <translation>Move between criteria, flags and comment</translation>
    </message>
    <message>
        <location filename="../../ui/review/shortcuts.py" line="71" />
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/review/shortcuts.py" line="78" />
        <source>按键</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../../ui/review/shortcuts.py" line="78" />
        <source>功能</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>SubmissionListModel</name>
    <message>
        <location filename="../../ui/review/list_model.py" line="55" />
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../ui/review/list_model.py" line="56" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/review/list_model.py" line="57" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/review/list_model.py" line="58" />
        <source>我的总分</source>
        <translation>My total</translation>
    </message>
    <message>
        <location filename="../../ui/review/list_model.py" line="59" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/review/list_model.py" line="191" />
        <source>已标记（疑似不实、未脱敏或类别不符）</source>
        <translation>Flagged (possibly untrue, unmasked personal data or wrong category)</translation>
    </message>
    <message>
        <location filename="../../ui/review/list_model.py" line="198" />
        <source>未注明</source>
        <translation>Not stated</translation>
    </message>
</context>
<context>
    <name>SubmissionListPanel</name>
    <message>
        <location filename="../../ui/review/list_panel.py" line="55" />
        <source>搜索编号、标题、单位或正文（Ctrl+F）</source>
        <translation>Search id, title, unit or text (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/review/list_panel.py" line="65" />
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/review/list_panel.py" line="68" />
        <source>已标记 ⚑</source>
        <translation>Flagged ⚑</translation>
    </message>
    <message>
        <location filename="../../ui/review/list_panel.py" line="107" />
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../ui/review/list_panel.py" line="115" />
        <source>已评 {done} / {total}</source>
        <translation>Scored {done} / {total}</translation>
    </message>
</context>
<context>
    <name>TableViewer</name>
    <message>
        <location filename="../../ui/evidence/table_viewer.py" line="122" />
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/table_viewer.py" line="138" />
        <source>仅显示前 {0} 行、前 {1} 列</source>
        <translation>Showing only the first {0} rows and {1} columns</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/table_viewer.py" line="141" />
        <source>（表格共 {0} 行、{1} 列）</source>
        <translation> (the sheet has {0} rows and {1} columns)</translation>
    </message>
</context>
<context>
    <name>TieBreak</name>
    <message>
        <location filename="../../scoring/ranking.py" line="29" />
        <source>{core}小计较高</source>
        <translation>higher {core} subtotal</translation>
    </message>
    <message>
        <location filename="../../scoring/ranking.py" line="30" />
        <source>中位数较高</source>
        <translation>higher median</translation>
    </message>
    <message>
        <location filename="../../scoring/ranking.py" line="31" />
        <source>单项最高分较高</source>
        <translation>higher best single criterion</translation>
    </message>
    <message>
        <location filename="../../scoring/ranking.py" line="34" />
        <source>核心维度</source>
        <translation>core criteria</translation>
    </message>
</context>
<context>
    <name>WorkbenchLauncher</name>
    <message>
        <location filename="../../ui/organizer/home_launch.py" line="33" />
        <source>选择组织方项目文件夹（新项目请选择一个空文件夹）</source>
        <translation>Choose the organizer project folder (for a new project, choose an empty folder)</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/home_launch.py" line="85" />
        <source>无法打开组织方项目</source>
        <translation>Cannot open the organizer project</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/home_launch.py" line="100" />
        <source>新建组织方项目</source>
        <translation>New organizer project</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/home_launch.py" line="102" />
        <source>文件夹“{folder}”中已有其他文件，但不是组织方项目。
新项目请选择一个空文件夹（或新建一个文件夹）。</source>
        <translation>The folder “{folder}” already holds other files but is not an organizer project.
For a new project, choose an empty folder (or create a new one).</translation>
    </message>
    <message>
        <location filename="../../ui/organizer/home_launch.py" line="108" />
        <source>未创建项目：新项目需要先选定申报材料文件夹（收到的申报所在的文件夹）。
请重新选择项目文件夹，再选择申报材料文件夹；或取消，以后再建。</source>
        <translation>No project was created: a new project needs its intake folder (where the received applications are).
Choose the project folder again, then the intake folder; or cancel and create it later.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../app/workspace/database.py" line="57" />
        <source>无法创建工作区文件夹 {parent}：{reason}</source>
        <translation>Cannot create the workspace folder {parent}: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/workspace/database.py" line="71" />
        <source>无法打开评审工作区 {path}：{err}。该文件可能不是有效的工作区数据库或已损坏，或没有读写权限</source>
        <translation>Cannot open the review workspace {path}: {err}. The file may not be a valid workspace database, may be damaged, or may not be readable and writable</translation>
    </message>
    <message>
        <location filename="../../app/workspace/database.py" line="116" />
        <source>分值无效：{value}</source>
        <translation>Invalid score: {value}</translation>
    </message>
    <message>
        <location filename="../../app/workspace/database.py" line="132" />
        <source>评审工作区中有无法识别的分值“{text}”</source>
        <translation>The review workspace holds an unrecognised score "{text}"</translation>
    </message>
    <message>
        <location filename="../../app/workspace/schema.py" line="108" />
        <source>{path} 不是评审台工作区数据库（缺少表：{missing}）</source>
        <translation>{path} is not a PanelDesk workspace database (missing tables: {missing})</translation>
    </message>
    <message>
        <location filename="../../app/workspace/schema.py" line="114" />
        <source>{path} 不是评审台工作区数据库（缺少版本信息）</source>
        <translation>{path} is not a PanelDesk workspace database (no version information)</translation>
    </message>
    <message>
        <location filename="../../app/workspace/schema.py" line="117" />
        <source>工作区 {path} 由更新版本的评审台创建（格式版本 {version}），请升级评审台后再打开</source>
        <translation>The workspace {path} was made by a newer PanelDesk (format version {version}); upgrade PanelDesk to open it</translation>
    </message>
    <message>
        <location filename="../../app/workspace/schema.py" line="121" />
        <source>工作区 {path} 属于评审包“{found}”，不是当前评审包“{wanted}”</source>
        <translation>The workspace {path} belongs to packet "{found}", not to the current packet "{wanted}"</translation>
    </message>
    <message>
        <location filename="../../app/workspace/schema.py" line="125" />
        <source>工作区 {path} 属于专家“{found}”，不是“{wanted}”</source>
        <translation>The workspace {path} belongs to expert "{found}", not "{wanted}"</translation>
    </message>
    <message>
        <location filename="../../app/workspace/schema.py" line="130" />
        <source>工作区 {path} 的评分细则与当前评审包不一致（评分细则已更换），已有评分不能沿用；请联系组织方</source>
        <translation>The rubric of workspace {path} differs from the current packet's (the rubric was replaced); the existing marks cannot be carried over — please contact the organizer</translation>
    </message>
    <message>
        <location filename="../../app/workspace/schema.py" line="155" />
        <source>评审包“{wanted}”由另一组织方密钥签发（指纹 {fp}），而本机工作区 {path} 中的评分属于指纹为 {stored} 的组织方签发的同编号评审包；为防止冒用，已拒绝沿用这些评分。请向组织方核实评审包来源</source>
        <translation>Packet "{wanted}" is signed by another organizer key (fingerprint {fp}), while the marks in the workspace {path} on this computer belong to a packet with the same id signed by the organizer with fingerprint {stored}; to prevent misuse they are not carried over. Please check the packet's origin with the organizer</translation>
    </message>
    <message>
        <location filename="../../app/workspace/store.py" line="113" />
        <source>评审工作区已关闭：{path}</source>
        <translation>The review workspace is closed: {path}</translation>
    </message>
    <message>
        <location filename="../../app/workspace/store.py" line="118" />
        <source>评审工作区 {path} 读写失败：{err}</source>
        <translation>Reading or writing the review workspace {path} failed: {err}</translation>
    </message>
    <message>
        <location filename="../../app/workspace/store.py" line="135" />
        <source>申报 {sub} 已声明回避（{reason}），不能评分、写评语或标记；如需评审请先撤销回避</source>
        <translation>You declared a conflict of interest for submission {sub} ({reason}); it cannot be scored, commented or flagged — withdraw the declaration first to review it</translation>
    </message>
    <message>
        <location filename="../../app/workspace/store.py" line="247" />
        <source>撤销对申报 {sub} 的回避时必须填写撤销原因</source>
        <translation>Withdrawing the conflict declaration for submission {sub} needs a reason</translation>
    </message>
    <message>
        <location filename="../../app/workspace/store.py" line="251" />
        <source>申报 {sub} 未声明回避，无需撤销</source>
        <translation>No conflict was declared for submission {sub}; there is nothing to withdraw</translation>
    </message>
    <message>
        <location filename="../../app/workspace/store.py" line="396" />
        <source>声明回避申报 {sub} 时必须填写回避原因</source>
        <translation>Declaring a conflict for submission {sub} needs a reason</translation>
    </message>
</context>
<context>
    <name>WorkspaceSession</name>
    <message>
        <location filename="../../app/workspace/session.py" line="45" />
        <source>专家“{expert_id}”不在评审包“{packet_id}”的专家名单中。名单：{names}</source>
        <translation>Expert "{expert_id}" is not on the roster of packet "{packet_id}". Roster: {names}</translation>
    </message>
    <message>
        <location filename="../../app/workspace/session.py" line="53" />
        <source>评审包“{packet_id}”中的评分细则无效：{err}</source>
        <translation>The rubric in packet "{packet_id}" is invalid: {err}</translation>
    </message>
    <message>
        <location filename="../../app/workspace/session.py" line="83" />
        <source>评审包“{packet_id}”中没有编号为“{sub}”的申报</source>
        <translation>Packet "{packet_id}" has no submission "{sub}"</translation>
    </message>
    <message>
        <location filename="../../app/workspace/session.py" line="87" />
        <source>申报 {sub} 未分配给专家 {expert_id}（{name}）</source>
        <translation>Submission {sub} is not assigned to expert {expert_id} ({name})</translation>
    </message>
    <message>
        <location filename="../../app/workspace/session.py" line="98" />
        <source>评分项“{name}”不存在。可用评分项：{known}</source>
        <translation>There is no criterion "{name}". Criteria: {known}</translation>
    </message>
    <message>
        <location filename="../../app/workspace/session.py" line="127" />
        <source>评分项“{name}”重复给分</source>
        <translation>The criterion "{name}" is scored twice</translation>
    </message>
    <message>
        <location filename="../../app/workspace/session.py" line="141" />
        <source>申报 {sub} 的评语过长（{count} 字），评分表的单元格最多容纳 {limit} 字，请精简后再保存</source>
        <translation>The comment on submission {sub} is too long ({count} characters); a score-sheet cell holds at most {limit} — please shorten it before saving</translation>
    </message>
    <message>
        <location filename="../../app/workspace/session.py" line="158" />
        <source>建议类别“{category}”不是本次评审的类别（{categories}）</source>
        <translation>The suggested category "{category}" is not a category of this round ({categories})</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../../app/cli/__init__.py" line="68" />
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="72" />
        <source>已终止</source>
        <translation>Terminated</translation>
    </message>
    <message>
        <location filename="../../app/cli/__init__.py" line="78" />
        <source>无法访问 {0}：{1}</source>
        <translation>Cannot access {0}: {1}</translation>
    </message>
</context>
</TS>