<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时限</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>镇办</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>上报数</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>上报时间</translation>
    </message>
</context>
<context>
    <name>FatalError</name>
    <message>
        <source>Command center cannot start</source>
        <translation>指挥中心无法启动</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Session locked</source>
        <translation>会话已锁定</translation>
    </message>
    <message>
        <source>Locked after inactivity. %1, enter your password to continue.</source>
        <translation>长时间未操作，屏幕已锁定。%1，请输入密码继续。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in — Command Center</source>
        <translation>登录 — 智慧城管指挥中心</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Your password was reset: choose a new one (at least 10 characters).</source>
        <translation>密码已被重置，请设置新密码（至少 10 位）。</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Smart city management command center</source>
        <translation>二七区智慧城管指挥中心</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Video wall</source>
        <translation>视频监控</translation>
    </message>
    <message>
        <source>Live map</source>
        <translation>实时地图</translation>
    </message>
    <message>
        <source>Case queue</source>
        <translation>案件队列</translation>
    </message>
    <message>
        <source>Erqi Smart City Management Command Center</source>
        <translation>二七区智慧城管指挥中心</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Case categories…</source>
        <translation>案件类别…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Cannot check the password: %1</source>
        <translation>无法校验密码：%1</translation>
    </message>
</context>
<context>
    <name>QtCaseDetail</name>
    <message>
        <source>Reason (required for return, rework, void …)</source>
        <translation>原因（退回、返工、作废等必填）</translation>
    </message>
    <message>
        <source>Nearest cameras</source>
        <translation>附近摄像头</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>处置前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>处置后</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Reporters and feedback</source>
        <translation>上报人与回访</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>案件 %1</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>Working …</source>
        <translation>正在办理…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>已完成。</translation>
    </message>
</context>
<context>
    <name>QtCasePopup</name>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一条</translation>
    </message>
    <message>
        <source>New case %1</source>
        <translation>新案件 %1</translation>
    </message>
    <message>
        <source>Dispatch by %1 (%2)</source>
        <translation>派遣时限 %1（%2）</translation>
    </message>
    <message>
        <source>%1 reports merged</source>
        <translation>已合并 %1 次上报</translation>
    </message>
    <message>
        <source>Dispatch to %1 · %2</source>
        <translation>派遣给 %1 · %2</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>%1 more new</source>
        <translation>另有 %1 起新案件</translation>
    </message>
</context>
<context>
    <name>QtCaseQueue</name>
    <message>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <source>Awaiting dispatch</source>
        <translation>待派遣</translation>
    </message>
    <message>
        <source>Due within 1 h</source>
        <translation>1 小时内到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Not signed for</source>
        <translation>未签收超时</translation>
    </message>
</context>
<context>
    <name>QtCategoryEditor</name>
    <message>
        <source>Case categories</source>
        <translation>案件类别</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Major class</source>
        <translation>大类</translation>
    </message>
    <message>
        <source>Minor class</source>
        <translation>小类</translation>
    </message>
    <message>
        <source>Filing condition</source>
        <translation>立案条件</translation>
    </message>
    <message>
        <source>Dispatch (working h)</source>
        <translation>派遣时限（工作时）</translation>
    </message>
    <message>
        <source>Dispose (working h)</source>
        <translation>处置时限（工作时）</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Photo required</source>
        <translation>须附照片</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Add minor class</source>
        <translation>新增小类</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Saving …</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved %1 categories.</source>
        <translation>已保存 %1 个类别。</translation>
    </message>
</context>
<context>
    <name>QtHeader</name>
    <message>
        <source>City</source>
        <translation>城管</translation>
    </message>
    <message>
        <source>Erqi Smart City Management Command Center</source>
        <translation>二七区智慧城管指挥中心</translation>
    </message>
    <message>
        <source>Online intake · Online case handling · Online duty · Online coordination</source>
        <translation>网上受理 · 网上办案 · 网上勤务 · 网上联动</translation>
    </message>
    <message>
        <source>dddd, MMMM d, yyyy</source>
        <translation>yyyy年M月d日 dddd</translation>
    </message>
</context>
<context>
    <name>QtKpiStrip</name>
    <message>
        <source>Offices</source>
        <translation>镇办</translation>
    </message>
    <message>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <source>Road segments</source>
        <translation>路段</translation>
    </message>
    <message>
        <source>City managers</source>
        <translation>城市管理员</translation>
    </message>
    <message>
        <source>Road chiefs</source>
        <translation>路长</translation>
    </message>
    <message>
        <source>Fixed cameras</source>
        <translation>固定监控</translation>
    </message>
    <message>
        <source>Muck trucks</source>
        <translation>渣土车</translation>
    </message>
    <message>
        <source>Enforcement vehicles</source>
        <translation>执法车</translation>
    </message>
    <message>
        <source>TDM terminals</source>
        <translation>TDM</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>在办案件</translation>
    </message>
</context>
<context>
    <name>QtOfflineBanner</name>
    <message>
        <source>Database offline — the queue may be out of date. Dispatches queued: %1. They are sent automatically when the connection returns.</source>
        <translation>数据库离线——队列可能不是最新。待发送派遣：%1 条，连接恢复后自动发送。</translation>
    </message>
</context>
<context>
    <name>QtOverviewMap</name>
    <message>
        <source>City managers</source>
        <translation>城市管理员</translation>
    </message>
    <message>
        <source>Muck trucks</source>
        <translation>渣土车</translation>
    </message>
    <message>
        <source>Enforcement vehicles</source>
        <translation>执法车</translation>
    </message>
    <message>
        <source>Road segments</source>
        <translation>路段</translation>
    </message>
</context>
<context>
    <name>QtStatusBar</name>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Data feeds</source>
        <translation>数据源</translation>
    </message>
    <message>
        <source>Video streams</source>
        <translation>视频流</translation>
    </message>
    <message>
        <source>Database %1 is answering.</source>
        <translation>数据库 %1 连接正常。</translation>
    </message>
    <message>
        <source>Checked at %1</source>
        <translation>检测于 %1</translation>
    </message>
    <message>
        <source>Health check failed: %1</source>
        <translation>状态检测失败：%1</translation>
    </message>
    <message>
        <source>No position fixes yet.</source>
        <translation>尚未收到定位数据。</translation>
    </message>
    <message>
        <source>Newest fix %1 s ago; %2 units reporting; %3 fixes received since start.</source>
        <translation>最新定位 %1 秒前；%2 个终端在报；启动以来收到 %3 条定位。</translation>
    </message>
    <message>
        <source>Streams are not being checked.</source>
        <translation>未检测视频流。</translation>
    </message>
    <message>
        <source>No streams configured.</source>
        <translation>未配置视频流。</translation>
    </message>
    <message>
        <source>%1 of %2 checked streams up (%3 streams in all).</source>
        <translation>已检测 %2 路中 %1 路在线（共 %3 路）。</translation>
    </message>
</context>
<context>
    <name>QtVideoTile</name>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>Playing</source>
        <translation>播放中</translation>
    </message>
    <message>
        <source>No signal</source>
        <translation>无信号</translation>
    </message>
</context>
<context>
    <name>ReauthPrompt</name>
    <message>
        <source>Confirm your password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>“%1” is a sensitive action: enter your password again.</source>
        <translation>“%1”是敏感操作，请再次输入密码。</translation>
    </message>
</context>
</TS>
