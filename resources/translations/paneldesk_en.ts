<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
    <context>
        <name>Application</name>
        <message>
            <source>内部错误</source>
            <translation>Internal error</translation>
        </message>
        <message>
            <source>PanelDesk 遇到一个内部错误（{kind}: {detail}）。如问题反复出现，请设置 PANELDESK_DEBUG=1 后重试并报告。</source>
            <translation>PanelDesk hit an internal error ({kind}: {detail}). If this keeps happening, set PANELDESK_DEBUG=1, try again and report it.</translation>
        </message>
    </context>
    <context>
        <name>PacketWindow</name>
        <message>
            <source>核心亮点</source>
            <translation>Key highlights</translation>
        </message>
        <message>
            <source>提醒</source>
            <translation>Warnings</translation>
        </message>
        <message>
            <source>证明材料</source>
            <translation>Evidence</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>文件(&amp;F)</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>打开评审包(&amp;O)…</source>
            <translation>&amp;Open packet…</translation>
        </message>
        <message>
            <source>退出(&amp;Q)</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>设置(&amp;S)</source>
            <translation>&amp;Settings</translation>
        </message>
        <message>
            <source>界面语言(&amp;L)</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>帮助(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>关于 PanelDesk 评审台(&amp;A)</source>
            <translation>&amp;About PanelDesk</translation>
        </message>
        <message>
            <source>PanelDesk 评审台</source>
            <translation>PanelDesk</translation>
        </message>
        <message>
            <source>尚未打开评审包</source>
            <translation>No packet open</translation>
        </message>
        <message>
            <source>请从“文件 ▸ 打开评审包…”选择组织方发来的 .panelpack 文件。</source>
            <translation>Use File ▸ Open packet… to choose the .panelpack file the organizers sent you.</translation>
        </message>
        <message>
            <source>{title} — PanelDesk 评审台</source>
            <translation>{title} — PanelDesk</translation>
        </message>
        <message>
            <source>组织方公钥指纹：{fingerprint}　　评审包编号：{packet_id}　　共 {count} 项申报</source>
            <translation>Organizer key fingerprint: {fingerprint}    Packet ID: {packet_id}    {count} submissions</translation>
        </message>
        <message>
            <source>（无）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>打开评审包</source>
            <translation>Open packet</translation>
        </message>
        <message>
            <source>评审包 (*{suffix});;所有文件 (*)</source>
            <translation>Judging packets (*{suffix});;All files (*)</translation>
        </message>
        <message>
            <source>正在打开并校验评审包：{name}…</source>
            <translation>Opening and verifying packet {name}…</translation>
        </message>
        <message>
            <source>已打开 {name}：{count} 项申报，校验通过。</source>
            <translation>Opened {name}: {count} submissions, verified.</translation>
        </message>
        <message>
            <source>已取消打开评审包。</source>
            <translation>Opening the packet was cancelled.</translation>
        </message>
        <message>
            <source>打开评审包时发生内部错误（{kind}: {detail}）。</source>
            <translation>Internal error while opening the packet ({kind}: {detail}).</translation>
        </message>
        <message>
            <source>无法打开评审包</source>
            <translation>Cannot open packet</translation>
        </message>
        <message>
            <source>未选择申报</source>
            <translation>No submission selected</translation>
        </message>
        <message>
            <source>（未填写核心亮点）</source>
            <translation>(no highlights given)</translation>
        </message>
        <message>
            <source>无提醒</source>
            <translation>No warnings</translation>
        </message>
        <message>
            <source>无证明材料</source>
            <translation>No evidence files</translation>
        </message>
        <message>
            <source>图片</source>
            <translation>Image</translation>
        </message>
        <message>
            <source>PDF</source>
            <translation>PDF</translation>
        </message>
        <message>
            <source>表格</source>
            <translation>Spreadsheet</translation>
        </message>
        <message>
            <source>文档</source>
            <translation>Document</translation>
        </message>
        <message>
            <source>文本</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>链接</source>
            <translation>Links</translation>
        </message>
        <message>
            <source>其他</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>界面语言</source>
            <translation>Interface language</translation>
        </message>
        <message>
            <source>界面语言将在重新启动 PanelDesk 后生效。</source>
            <translation>The interface language changes the next time PanelDesk starts.</translation>
        </message>
        <message>
            <source>关于 PanelDesk 评审台</source>
            <translation>About PanelDesk</translation>
        </message>
        <message>
            <source>PanelDesk 评审台 {version}
离线专家评审工具：评审包、专家评分、签名评分表与结果汇总。</source>
            <translation>PanelDesk {version}
Offline expert panel review: judging packets, expert scoring, signed score sheets and aggregated results.</translation>
        </message>
    </context>
    <context>
        <name>SubmissionTableModel</name>
        <message>
            <source>编号</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>标题</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>申报单位</source>
            <translation>Applicant</translation>
        </message>
        <message>
            <source>提醒</source>
            <translation>Warnings</translation>
        </message>
        <message>
            <source>附件</source>
            <translation>Files</translation>
        </message>
        <message>
            <source>未识别</source>
            <translation>Not recognised</translation>
        </message>
    </context>
</TS>
