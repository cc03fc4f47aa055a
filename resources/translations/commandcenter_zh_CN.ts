<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminPage</name>
    <message>
        <source>First administrator</source>
        <translation>首位管理员</translation>
    </message>
    <message>
        <source>Nobody can sign in to this database yet.</source>
        <translation>此数据库尚无可登录的用户。</translation>
    </message>
    <message>
        <source>Create the first administrator; they then add the other users in the window.</source>
        <translation>请创建第一位系统管理员，再由其在主窗口中添加其他用户。</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Administrator %1 created; you are signed in as them.</source>
        <translation>已创建管理员 %1，并已以其身份登录。</translation>
    </message>
    <message>
        <source>Test the database first.</source>
        <translation>请先测试数据库连接。</translation>
    </message>
    <message>
        <source>Creating the administrator …</source>
        <translation>正在创建管理员……</translation>
    </message>
</context>
<context>
    <name>ApprovalButton</name>
    <message>
        <source>Pending approval %1</source>
        <translation>待审批 %1</translation>
    </message>
</context>
<context>
    <name>AssessmentMenu</name>
    <message>
        <source>Assessment ranking…</source>
        <translation>考核排名…</translation>
    </message>
    <message>
        <source>Daily summary…</source>
        <translation>每日汇总…</translation>
    </message>
    <message>
        <source>Consultation agenda…</source>
        <translation>协商议题…</translation>
    </message>
    <message>
        <source>Flag for consultation…</source>
        <translation>提请协商…</translation>
    </message>
    <message>
        <source>Flagged for the consultation meeting.</source>
        <translation>已提请协商会议。</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>考核</translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <source>signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>account locked</source>
        <translation>账户锁定</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>screen locked</source>
        <translation>锁屏</translation>
    </message>
    <message>
        <source>screen unlocked</source>
        <translation>解除锁屏</translation>
    </message>
    <message>
        <source>password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>dispatch</source>
        <translation>派遣</translation>
    </message>
    <message>
        <source>case step</source>
        <translation>案件办理</translation>
    </message>
    <message>
        <source>approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>extension/suspension request</source>
        <translation>延期/挂账申请</translation>
    </message>
    <message>
        <source>user change</source>
        <translation>用户变更</translation>
    </message>
    <message>
        <source>setting change</source>
        <translation>设置变更</translation>
    </message>
    <message>
        <source>plugin change</source>
        <translation>插件变更</translation>
    </message>
    <message>
        <source>export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>API key change</source>
        <translation>接口密钥变更</translation>
    </message>
    <message>
        <source>category change</source>
        <translation>类别变更</translation>
    </message>
    <message>
        <source>case filed</source>
        <translation>案件登记</translation>
    </message>
    <message>
        <source>access denied</source>
        <translation>拒绝访问</translation>
    </message>
    <message>
        <source>district import</source>
        <translation>基础数据导入</translation>
    </message>
    <message>
        <source>district edit</source>
        <translation>基础数据编辑</translation>
    </message>
    <message>
        <source>duty roster change</source>
        <translation>勤务排班变更</translation>
    </message>
    <message>
        <source>violation confirmed</source>
        <translation>确认失信</translation>
    </message>
    <message>
        <source>credit appeal</source>
        <translation>失信申诉</translation>
    </message>
    <message>
        <source>joint-punishment listing</source>
        <translation>联合惩戒名单变更</translation>
    </message>
    <message>
        <source>camera steered</source>
        <translation>云台控制</translation>
    </message>
</context>
<context>
    <name>BaseMapPage</name>
    <message>
        <source>Base map</source>
        <translation>底图</translation>
    </message>
    <message>
        <source>What the live map draws under the district&apos;s roads and units.</source>
        <translation>实时地图在道路和单位下方绘制的底图。</translation>
    </message>
    <message>
        <source>None: the district&apos;s vector layers only</source>
        <translation>无：仅显示辖区矢量图层</translation>
    </message>
    <message>
        <source>Online tile server (XYZ URL template)</source>
        <translation>在线瓦片服务（XYZ 地址模板）</translation>
    </message>
    <message>
        <source>Offline MBTiles file</source>
        <translation>离线 MBTiles 文件</translation>
    </message>
    <message>
        <source>URL template</source>
        <translation>地址模板</translation>
    </message>
    <message>
        <source>Tiles in</source>
        <translation>瓦片坐标系</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>WGS-84 (GPS; OpenStreetMap, Tianditu)</source>
        <translation>WGS-84（GPS；OpenStreetMap、天地图）</translation>
    </message>
    <message>
        <source>GCJ-02 (AMap, Tencent)</source>
        <translation>GCJ-02（高德、腾讯）</translation>
    </message>
    <message>
        <source>MBTiles file</source>
        <translation>MBTiles 文件</translation>
    </message>
    <message>
        <source>MBTiles maps (*.mbtiles)</source>
        <translation>MBTiles 地图 (*.mbtiles)</translation>
    </message>
    <message>
        <source>Checking the base map …</source>
        <translation>正在检查底图……</translation>
    </message>
</context>
<context>
    <name>BriefingEntry</name>
    <message>
        <source>Leaders&apos; briefing…</source>
        <translation>领导观摩…</translation>
    </message>
    <message>
        <source>Leaders&apos; briefing</source>
        <translation>领导观摩</translation>
    </message>
    <message>
        <source>Show the briefing on</source>
        <translation>观摩画面显示在</translation>
    </message>
</context>
<context>
    <name>BriefingSlides</name>
    <message>
        <source>Road chief system</source>
        <translation>路长制</translation>
    </message>
    <message>
        <source>Each segment has its road chief, patroller and office</source>
        <translation>每个路段都有路长、巡查员和责任办事处</translation>
    </message>
    <message>
        <source>Patrols live on the map, segments covered daily</source>
        <translation>巡查轨迹实时上图，每日路段覆盖一目了然</translation>
    </message>
    <message>
        <source>Problems found on patrol become cases within minutes</source>
        <translation>巡查发现的问题几分钟内即成为案件</translation>
    </message>
    <message>
        <source>Case handling</source>
        <translation>案件办理</translation>
    </message>
    <message>
        <source>Received, filed, dispatched, handled, closed</source>
        <translation>受理、立案、派遣、处置、结案</translation>
    </message>
    <message>
        <source>Deadlines on the working calendar, escalated late</source>
        <translation>按工作日历计时，超期自动升级</translation>
    </message>
    <message>
        <source>Reports from citizens, patrols and city platforms</source>
        <translation>市民举报、巡查上报、市级平台转办</translation>
    </message>
    <message>
        <source>Video surveillance</source>
        <translation>视频监控</translation>
    </message>
    <message>
        <source>Thousands of cameras on one wall, with tours</source>
        <translation>数千路摄像机同屏上墙，自动轮巡</translation>
    </message>
    <message>
        <source>Nearest cameras to a case or vehicle in a click</source>
        <translation>一键调阅案件或车辆周边摄像机</translation>
    </message>
    <message>
        <source>Snapshots attached to cases as evidence</source>
        <translation>抓图作为案件证据</translation>
    </message>
    <message>
        <source>Muck truck supervision</source>
        <translation>渣土车监管</translation>
    </message>
    <message>
        <source>Each truck&apos;s position every second</source>
        <translation>每辆车每秒定位</translation>
    </message>
    <message>
        <source>Routes, hours and permits checked as they drive</source>
        <translation>行驶中核查路线、时段和准运证</translation>
    </message>
    <message>
        <source>Violators on the joint credit list</source>
        <translation>违规者纳入失信联合惩戒名单</translation>
    </message>
    <message>
        <source>Duty and assessment</source>
        <translation>勤务与考核</translation>
    </message>
    <message>
        <source>Weekly duty rosters and who is on duty now</source>
        <translation>每周值班表，实时在岗情况</translation>
    </message>
    <message>
        <source>Offices ranked fairly by size, difficulty and load</source>
        <translation>按规模、难度和案量公平排名</translation>
    </message>
    <message>
        <source>Weekly bulletin and monthly rewards, one source</source>
        <translation>周通报和月奖惩同源数据</translation>
    </message>
    <message>
        <source>The offices&apos; own modules</source>
        <translation>办事处特色模块</translation>
    </message>
    <message>
        <source>Each office adds the panels its work needs</source>
        <translation>各办事处按需加载业务面板</translation>
    </message>
    <message>
        <source>Markets, construction sites and old town streets</source>
        <translation>市场、工地、老城区街巷</translation>
    </message>
    <message>
        <source>One platform for centre, offices and leaders</source>
        <translation>指挥中心、办事处、领导一个平台</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>First day off</source>
        <translation>放假首日</translation>
    </message>
    <message>
        <source>Last day off</source>
        <translation>放假末日</translation>
    </message>
    <message>
        <source>Make-up working days</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <source>Working periods of a working day</source>
        <translation>工作日的工作时段</translation>
    </message>
    <message>
        <source>Add period</source>
        <translation>添加时段</translation>
    </message>
    <message>
        <source>Remove period</source>
        <translation>删除时段</translation>
    </message>
    <message>
        <source>Holidays of</source>
        <translation>节假日年份</translation>
    </message>
    <message>
        <source>Add year</source>
        <translation>添加年份</translation>
    </message>
    <message>
        <source>Import year…</source>
        <translation>导入年份…</translation>
    </message>
    <message>
        <source>Add holiday</source>
        <translation>添加节假日</translation>
    </message>
    <message>
        <source>Remove holiday</source>
        <translation>删除节假日</translation>
    </message>
    <message>
        <source>Holidays of %1 not configured: deadlines count those holidays as working days. Add the year and its holidays, or import its table (date, day off or working day, name).</source>
        <translation>%1年节假日未配置：期限计算会把这些节假日当作工作日。请添加该年份及其假期，或导入该年的节假日表（日期、休/班、名称）。</translation>
    </message>
    <message>
        <source>Import the holidays of %1</source>
        <translation>导入%1年节假日</translation>
    </message>
    <message>
        <source>Holiday tables (*.csv *.json);;All files (*)</source>
        <translation>节假日表 (*.csv *.json);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>CalendarWarning</name>
    <message>
        <source>Holidays of %1 not configured</source>
        <translation>%1年节假日未配置</translation>
    </message>
    <message>
        <source>Click to enter them: System ▸ Settings ▸ Working calendar</source>
        <translation>点击录入：系统 ▸ 参数设置 ▸ 工作日历</translation>
    </message>
    <message>
        <source>Deadlines count those holidays as working days. Ask an administrator to enter them (System ▸ Settings ▸ Working calendar).</source>
        <translation>期限计算会把这些节假日当作工作日。请联系管理员录入（系统 ▸ 参数设置 ▸ 工作日历）。</translation>
    </message>
</context>
<context>
    <name>CameraPlacement</name>
    <message>
        <source>Move camera “%1” here</source>
        <translation>将摄像机“%1”移到此处</translation>
    </message>
    <message>
        <source>Move “%1” to %2, %3?</source>
        <translation>将“%1”移到 %2, %3？</translation>
    </message>
    <message>
        <source>Move camera</source>
        <translation>移动摄像机</translation>
    </message>
    <message>
        <source>Camera “%1” moved.</source>
        <translation>摄像机“%1”已移动。</translation>
    </message>
    <message>
        <source>This camera is not in the district&apos;s database.</source>
        <translation>此摄像机不在本区数据库中。</translation>
    </message>
</context>
<context>
    <name>CaseDesk</name>
    <message>
        <source>%1 %2 m</source>
        <translation>%1 %2 米</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>No city manager on duty within 3 km</source>
        <translation>附近 3 公里内无在岗城市管理员</translation>
    </message>
    <message>
        <source>Escalated to %1</source>
        <translation>已升级至 %1</translation>
    </message>
</context>
<context>
    <name>CaseRecordings</name>
    <message>
        <source>Recorded video</source>
        <translation>录像回放</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 时 %2 分</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>超时 %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩 %1</translation>
    </message>
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
    <message>
        <source>Dispatched %1 min ago and not signed for</source>
        <translation>派遣后 %1 分钟未签收</translation>
    </message>
    <message>
        <source>; escalate to: %1</source>
        <translation>，建议升级至：%1</translation>
    </message>
</context>
<context>
    <name>CaseWords</name>
    <message>
        <source>city manager</source>
        <translation>城市管理员</translation>
    </message>
    <message>
        <source>road chief</source>
        <translation>路长</translation>
    </message>
    <message>
        <source>inspector</source>
        <translation>督查员</translation>
    </message>
    <message>
        <source>day shift</source>
        <translation>白班</translation>
    </message>
    <message>
        <source>night shift</source>
        <translation>夜班</translation>
    </message>
    <message>
        <source>Road chief of the segment</source>
        <translation>责任路段路长</translation>
    </message>
    <message>
        <source>Road chief of the segment (off shift)</source>
        <translation>责任路段路长（非当班）</translation>
    </message>
    <message>
        <source>On duty on the segment by the roster</source>
        <translation>按排班在本路段值班</translation>
    </message>
    <message>
        <source>City manager of the segment (%1)</source>
        <translation>责任路段城市管理员（%1）</translation>
    </message>
    <message>
        <source>, %1 m away</source>
        <translation>，距离 %1 米</translation>
    </message>
    <message>
        <source>Enforcement vehicle %1, %2 m away</source>
        <translation>执法车 %1，距离 %2 米</translation>
    </message>
    <message>
        <source>Named by the office&apos;s case rule</source>
        <translation>镇办案件规则指定</translation>
    </message>
    <message>
        <source>City manager %1 m away</source>
        <translation>距离 %1 米的城市管理员</translation>
    </message>
    <message>
        <source>Duty %1 of %2</source>
        <translation>%2值班%1</translation>
    </message>
    <message>
        <source>%1 (road chief of the segment)</source>
        <translation>%1（责任路段路长）</translation>
    </message>
    <message>
        <source>%1 (duty %2 %3)</source>
        <translation>%1（值班%2 %3）</translation>
    </message>
    <message>
        <source>District bureau command center</source>
        <translation>区城管局指挥中心</translation>
    </message>
</context>
<context>
    <name>CasesMenu</name>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
</context>
<context>
    <name>ClientAnswerWords</name>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
</context>
<context>
    <name>CreditEntry</name>
    <message>
        <source>Credit record…</source>
        <translation>失信名单…</translation>
    </message>
    <message>
        <source>Record violation…</source>
        <translation>记录失信…</translation>
    </message>
</context>
<context>
    <name>CreditSettingsPage</name>
    <message>
        <source>Violator</source>
        <translation>失信对象</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>失信记录</translation>
    </message>
    <message>
        <source>or points</source>
        <translation>或分值</translation>
    </message>
    <message>
        <source>within months</source>
        <translation>月内</translation>
    </message>
    <message>
        <source>A violation counts for (months)</source>
        <translation>失信记录有效期（月）</translation>
    </message>
    <message>
        <source>A listing lasts (months)</source>
        <translation>列入名单期限（月）</translation>
    </message>
    <message>
        <source>Listed at this many violations or points (0 and 0: never listed)</source>
        <translation>达到以下失信次数或分值即列入名单（两项均为0：不列入）</translation>
    </message>
</context>
<context>
    <name>CreditWords</name>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>商户</translation>
    </message>
    <message>
        <source>Transport company</source>
        <translation>运输企业</translation>
    </message>
    <message>
        <source>Vehicle plate</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>No appeal</source>
        <translation>未申诉</translation>
    </message>
    <message>
        <source>Appeal filed</source>
        <translation>已申诉</translation>
    </message>
    <message>
        <source>Appeal upheld (void)</source>
        <translation>申诉成立（记录作废）</translation>
    </message>
    <message>
        <source>Appeal rejected</source>
        <translation>申诉驳回</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Appeal upheld</source>
        <translation>申诉成立</translation>
    </message>
    <message>
        <source>Removed by hand</source>
        <translation>人工移出</translation>
    </message>
    <message>
        <source>%1 violations within %2 months</source>
        <translation>%2个月内失信%1次</translation>
    </message>
    <message>
        <source>%1 points within %2 months</source>
        <translation>%2个月内累计%1分</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Where this workstation keeps the district, the cases and the users.</source>
        <translation>本工作站保存辖区、案件和用户的位置。</translation>
    </message>
    <message>
        <source>Embedded database on this computer (one workstation)</source>
        <translation>本机内置数据库（单个工作站）</translation>
    </message>
    <message>
        <source>PostgreSQL server (several workstations share it)</source>
        <translation>PostgreSQL 服务器（多个工作站共用）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db)</source>
        <translation>SQLite 数据库 (*.sqlite *.db)</translation>
    </message>
    <message>
        <source>Enter the database file&apos;s path.</source>
        <translation>请输入数据库文件的路径。</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host and the database&apos;s name.</source>
        <translation>请输入服务器主机和数据库名称。</translation>
    </message>
    <message>
        <source>Connecting and bringing the database up to date …</source>
        <translation>正在连接并将数据库升级到最新版本……</translation>
    </message>
    <message>
        <source>tables created (schema %1)</source>
        <translation>已创建数据表（结构版本 %1）</translation>
    </message>
    <message>
        <source>schema upgraded from %1 to %2</source>
        <translation>结构已从 %1 升级到 %2</translation>
    </message>
    <message>
        <source>schema up to date (%1)</source>
        <translation>结构已是最新（%1）</translation>
    </message>
    <message>
        <source>Connected to %1: %2.</source>
        <translation>已连接 %1：%2。</translation>
    </message>
    <message>
        <source>Nobody can sign in yet: next, create the first administrator.</source>
        <translation>尚无可登录的用户：下一步创建首位管理员。</translation>
    </message>
    <message>
        <source>This database has users already: you sign in after the wizard.</source>
        <translation>此数据库已有用户：向导结束后请登录。</translation>
    </message>
</context>
<context>
    <name>DispatchPage</name>
    <message>
        <source> min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Flag a dispatch not signed for after</source>
        <translation>派遣后超过此时长未签收即提示</translation>
    </message>
    <message>
        <source>Escalation level</source>
        <translation>升级层级</translation>
    </message>
    <message>
        <source>Holds the case for</source>
        <translation>本级处理时限</translation>
    </message>
</context>
<context>
    <name>DispatchWords</name>
    <message>
        <source>Dispatched case %1 to %2.</source>
        <translation>案件 %1 已派遣给 %2。</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>他人</translation>
    </message>
    <message>
        <source>Case %1 was already dispatched by %2 — your dispatch to %3 was not sent.</source>
        <translation>案件 %1 已由 %2 派遣，您派给 %3 的派遣未发出。</translation>
    </message>
    <message>
        <source>Case %1 was voided by %2 — your dispatch to %3 was not sent.</source>
        <translation>案件 %1 已被 %2 作废，您派给 %3 的派遣未发出。</translation>
    </message>
    <message>
        <source>Case %1 was already handled by %2 (%4) — your dispatch to %3 was not sent.</source>
        <translation>案件 %1 已由 %2 办理（%4），您派给 %3 的派遣未发出。</translation>
    </message>
    <message>
        <source>Case %1 was not dispatched: %2</source>
        <translation>案件 %1 未能派遣：%2</translation>
    </message>
    <message>
        <source>The queued-dispatch file was damaged: %1 unreadable entries were set aside in %2; the %3 readable dispatches are being sent.</source>
        <translation>排队派遣文件已损坏：%1 条无法读取的记录已另存到 %2；其余 %3 条可读的派遣正在发送。</translation>
    </message>
</context>
<context>
    <name>DistrictFailures</name>
    <message>
        <source>Database unavailable; try again shortly.</source>
        <translation>数据库暂不可用，请稍后重试。</translation>
    </message>
    <message>
        <source>Cannot read a file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>The files changed since the check: check them again.</source>
        <translation>检查后文件已有改动，请重新检查。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Failed: an unexpected error was logged.</source>
        <translation>操作失败：意外错误已记入日志。</translation>
    </message>
</context>
<context>
    <name>DistrictPage</name>
    <message>
        <source>District</source>
        <translation>辖区数据</translation>
    </message>
    <message>
        <source>Offices, roads, segments, staff, vehicles and cameras.</source>
        <translation>镇办、道路、路段、人员、车辆和监控。</translation>
    </message>
    <message>
        <source>Import the district&apos;s files now</source>
        <translation>现在导入辖区数据文件</translation>
    </message>
    <message>
        <source>Load the demo district (to try the program)</source>
        <translation>载入演示辖区（试用本程序）</translation>
    </message>
    <message>
        <source>Later: System ▸ District data in the window</source>
        <translation>稍后：在主窗口的 系统 ▸ 基础数据 中导入</translation>
    </message>
    <message>
        <source>This database holds a district already: the demo is not loaded over it.</source>
        <translation>此数据库已有辖区数据：不会用演示数据覆盖。</translation>
    </message>
    <message>
        <source>The demo district of Erqi at its real size; no demo logins are made.</source>
        <translation>按实际规模生成的二七区演示辖区；不创建演示登录账户。</translation>
    </message>
    <message>
        <source>Check and import the files first, or choose Later.</source>
        <translation>请先检查并导入文件，或选择“稍后”。</translation>
    </message>
    <message>
        <source>Loading the demo district (a minute at most) …</source>
        <translation>正在载入演示辖区（最多约一分钟）……</translation>
    </message>
</context>
<context>
    <name>DistrictWords</name>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>路段</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>Transport permit</source>
        <translation>准运证</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>镇办</translation>
    </message>
    <message>
        <source>Segment without a road chief</source>
        <translation>路段没有路长</translation>
    </message>
    <message>
        <source>Segment with several road chiefs</source>
        <translation>路段有多名路长</translation>
    </message>
    <message>
        <source>Road chief of several segments</source>
        <translation>路长负责多个路段</translation>
    </message>
    <message>
        <source>Segments overlap</source>
        <translation>路段重叠</translation>
    </message>
    <message>
        <source>Segment outside its office</source>
        <translation>路段不在所属镇办内</translation>
    </message>
    <message>
        <source>Segment without a valid line</source>
        <translation>路段没有有效线形</translation>
    </message>
    <message>
        <source>Office without a valid boundary</source>
        <translation>镇办没有有效边界</translation>
    </message>
    <message>
        <source>Camera outside the district</source>
        <translation>摄像机在辖区外</translation>
    </message>
    <message>
        <source>Permit outside the district</source>
        <translation>准运证在辖区外</translation>
    </message>
    <message>
        <source>Road chief without a segment</source>
        <translation>路长没有路段</translation>
    </message>
    <message>
        <source>City manager without a segment</source>
        <translation>城市管理员没有路段</translation>
    </message>
    <message>
        <source>Terminal never reported</source>
        <translation>终端从未上报</translation>
    </message>
    <message>
        <source>Office without segments</source>
        <translation>镇办没有路段</translation>
    </message>
    <message>
        <source>Sub-district offices</source>
        <translation>镇办</translation>
    </message>
    <message>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>路段</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Positioning units</source>
        <translation>定位单元</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>Case categories</source>
        <translation>案件类别</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>feature %1</source>
        <translation>第 %1 个要素</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>第 %1 项</translation>
    </message>
    <message>
        <source>WGS-84 (satellite positioning)</source>
        <translation>WGS-84（卫星定位）</translation>
    </message>
    <message>
        <source>GCJ-02 (national survey, phone maps)</source>
        <translation>GCJ-02（国测局，手机地图）</translation>
    </message>
    <message>
        <source>BD-09 (Baidu maps)</source>
        <translation>BD-09（百度地图）</translation>
    </message>
</context>
<context>
    <name>DutyMenu</name>
    <message>
        <source>Duty</source>
        <translation>勤务</translation>
    </message>
    <message>
        <source>Duty roster…</source>
        <translation>值班表…</translation>
    </message>
</context>
<context>
    <name>DutyWords</name>
    <message>
        <source>present</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>on leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>not yet due</source>
        <translation>未到岗时</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>换班</translation>
    </message>
    <message>
        <source>Extra shift</source>
        <translation>加班</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>EditWords</name>
    <message>
        <source>Offices</source>
        <translation>镇办</translation>
    </message>
    <message>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>路段</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>Transport permits</source>
        <translation>准运证</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Length (m)</source>
        <translation>长度（米）</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Road</source>
        <translation>道路</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>镇办</translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation>难度</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>路段</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端号</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Main stream URL</source>
        <translation>主码流地址</translation>
    </message>
    <message>
        <source>Sub stream URL</source>
        <translation>子码流地址</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Buffer (m)</source>
        <translation>缓冲（米）</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>并入</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>split</source>
        <translation>拆分</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>moved with its segment</source>
        <translation>随路段调整</translation>
    </message>
    <message>
        <source>company renamed</source>
        <translation>公司更名</translation>
    </message>
    <message>
        <source>area or route replaced</source>
        <translation>更换区域或路线</translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation>该记录已不存在。</translation>
    </message>
    <message>
        <source>%1 cannot be changed here.</source>
        <translation>%1 不能在此修改。</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 为必填项。</translation>
    </message>
    <message>
        <source>%1 is too long.</source>
        <translation>%1 过长。</translation>
    </message>
    <message>
        <source>%1 must be a number.</source>
        <translation>%1 须为数字。</translation>
    </message>
    <message>
        <source>%1 is out of range.</source>
        <translation>%1 超出范围。</translation>
    </message>
    <message>
        <source>%1: choose one of the listed values.</source>
        <translation>%1：请从列表中选择。</translation>
    </message>
    <message>
        <source>%1 is not a phone number.</source>
        <translation>%1 不是有效的电话号码。</translation>
    </message>
    <message>
        <source>%1 must be 6 to 20 digits.</source>
        <translation>%1 须为 6 到 20 位数字。</translation>
    </message>
    <message>
        <source>%1 must be a time such as 06:30.</source>
        <translation>%1 须为时间，如 06:30。</translation>
    </message>
    <message>
        <source>Give both longitude and latitude, inside China.</source>
        <translation>请同时填写经度和纬度，且须在中国境内。</translation>
    </message>
    <message>
        <source>%1 is already used by another record.</source>
        <translation>%1 已被其他记录使用。</translation>
    </message>
    <message>
        <source>%1: no such record.</source>
        <translation>%1：没有该记录。</translation>
    </message>
    <message>
        <source>The segment and the staff on it must belong to the same office.</source>
        <translation>路段与其人员须属于同一镇办。</translation>
    </message>
    <message>
        <source>Split inside the segment, leaving both parts at least 10 m.</source>
        <translation>请在路段内部拆分，两段均不少于 10 米。</translation>
    </message>
    <message>
        <source>Choose another segment to merge with.</source>
        <translation>请选择另一个路段进行合并。</translation>
    </message>
    <message>
        <source>Only segments of the same road can be merged.</source>
        <translation>只能合并同一道路的路段。</translation>
    </message>
    <message>
        <source>The segments do not meet end to end.</source>
        <translation>两个路段首尾不相接。</translation>
    </message>
    <message>
        <source>Cases name this person: take him off his segment instead.</source>
        <translation>有案件指派给此人：请改为解除其路段。</translation>
    </message>
    <message>
        <source>The GeoJSON file cannot be used: %1</source>
        <translation>GeoJSON 文件无法使用：%1</translation>
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
    <name>FirstAdminForm</name>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Command center cannot start</source>
        <translation>指挥中心无法启动</translation>
    </message>
    <message>
        <source>Set this workstation up again, with another database or server?</source>
        <translation>要重新设置本工作站，改用其他数据库或服务器吗？</translation>
    </message>
    <message>
        <source>Set up again…</source>
        <translation>重新设置…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>First run — Command Center</source>
        <translation>首次运行 — 智慧城管指挥中心</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <source>Nobody can sign in to this database yet</source>
        <translation>此数据库中尚无可登录的用户</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Create the first administrator; they then add the other users in the window.</source>
        <translation>请创建第一位系统管理员，再由其在主窗口中添加其他用户。</translation>
    </message>
</context>
<context>
    <name>InspectionsEntry</name>
    <message>
        <source>Inspections…</source>
        <translation>督查…</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language of the program on this workstation.</source>
        <translation>本工作站上程序界面的语言。</translation>
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
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
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
        <source>Track playback</source>
        <translation>轨迹回放</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>摄像机</translation>
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
        <source>District data…</source>
        <translation>基础数据…</translation>
    </message>
    <message>
        <source>Users and audit…</source>
        <translation>用户与审计…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>参数设置…</translation>
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
    <message>
        <source>Plugins</source>
        <translation>插件</translation>
    </message>
    <message>
        <source>Nearest patrollers: %1</source>
        <translation>附近城市管理员：%1</translation>
    </message>
</context>
<context>
    <name>MapLegend</name>
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
        <source>Overdue case</source>
        <translation>超期案件</translation>
    </message>
    <message>
        <source>Nobody seen</source>
        <translation>无人巡查</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <source>Empty truck</source>
        <translation>空车</translation>
    </message>
</context>
<context>
    <name>MapPointer</name>
    <message>
        <source>Nearest cameras</source>
        <translation>附近摄像头</translation>
    </message>
    <message>
        <source>Nearest patrollers</source>
        <translation>附近城市管理员</translation>
    </message>
</context>
<context>
    <name>MapToolbar</name>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
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
        <source>Any state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All offices</source>
        <translation>全部镇办</translation>
    </message>
    <message>
        <source>Plate or name</source>
        <translation>车牌或姓名</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟踪</translation>
    </message>
</context>
<context>
    <name>MediaPage</name>
    <message>
        <source>Media server</source>
        <translation>视频平台</translation>
    </message>
    <message>
        <source>How the video wall opens a camera of the district&apos;s GB/T 28181 platform.</source>
        <translation>视频墙如何打开本区 GB/T 28181 视频平台上的摄像机。</translation>
    </message>
    <message>
        <source>Later (System ▸ Settings ▸ Video)</source>
        <translation>以后再设（系统 ▸ 参数设置 ▸ 视频）</translation>
    </message>
    <message>
        <source>The media server&apos;s URL template</source>
        <translation>流媒体服务器的地址模板</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>URL template</source>
        <translation>地址模板</translation>
    </message>
    <message>
        <source>{device} and {channel} stand for the camera&apos;s 20-digit ids; replace the host.</source>
        <translation>{device} 和 {channel} 代表摄像机的 20 位编码；请替换主机地址。</translation>
    </message>
    <message>
        <source>This computer&apos;s video library cannot play %1 addresses: choose an HTTP template.</source>
        <translation>本机的视频库无法播放 %1 地址：请选择 HTTP 模板。</translation>
    </message>
    <message>
        <source>Saving the media server …</source>
        <translation>正在保存视频平台设置…</translation>
    </message>
</context>
<context>
    <name>NewCaseEntry</name>
    <message>
        <source>New case…</source>
        <translation>新建案件…</translation>
    </message>
    <message>
        <source>New case here</source>
        <translation>在此新建案件</translation>
    </message>
</context>
<context>
    <name>NewCaseWords</name>
    <message>
        <source>road</source>
        <translation>道路</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>路段</translation>
    </message>
    <message>
        <source>office</source>
        <translation>镇办</translation>
    </message>
    <message>
        <source>landmark</source>
        <translation>地标</translation>
    </message>
    <message>
        <source>Case %1 filed.</source>
        <translation>已立件：案件 %1。</translation>
    </message>
    <message>
        <source>Added to open case %1 (same kind, close by).</source>
        <translation>已并入附近同类在办案件 %1。</translation>
    </message>
    <message>
        <source>Kept for review (待甄别): %1 — place it there.</source>
        <translation>已转入待甄别：%1（请在待甄别中定位后受理）</translation>
    </message>
    <message>
        <source>Not filed: %1</source>
        <translation>未受理：%1</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>Same kind of case open nearby: %1, %2 m away, reported %3 ago. Filing adds this report to it.</source>
        <translation>附近已有同类案件 %1，相距 %2 米，%3前上报。提交后本次反映将并入该案件。</translation>
    </message>
</context>
<context>
    <name>NotificationPage</name>
    <message>
        <source>Pop up new cases</source>
        <translation>新案件弹窗提醒</translation>
    </message>
    <message>
        <source>Ring the chime</source>
        <translation>提示音</translation>
    </message>
    <message>
        <source>Open the nearest cameras on the wall when a case pops up</source>
        <translation>新案件弹出时在电视墙打开附近监控</translation>
    </message>
    <message>
        <source>Urgent only</source>
        <translation>仅紧急案件</translation>
    </message>
    <message>
        <source>Urgent and normal</source>
        <translation>紧急和一般案件</translation>
    </message>
    <message>
        <source>Every case</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <source>Category codes, separated by commas (empty: all)</source>
        <translation>小类代码，以逗号分隔（留空为全部）</translation>
    </message>
    <message>
        <source>Pop up</source>
        <translation>弹窗范围</translation>
    </message>
    <message>
        <source>Only these categories</source>
        <translation>仅限以下小类</translation>
    </message>
    <message>
        <source>Every new case appears in the queue whatever is chosen here.</source>
        <translation>无论此处如何设置，新案件都会进入案件队列。</translation>
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
    <name>PlatformAlarmFeed</name>
    <message>
        <source>Camera to wall</source>
        <translation>视频上墙</translation>
    </message>
    <message>
        <source>Case filed</source>
        <translation>已立案</translation>
    </message>
    <message>
        <source>Double-click: camera to wall</source>
        <translation>双击：视频上墙</translation>
    </message>
</context>
<context>
    <name>PlatformAlarms</name>
    <message>
        <source>Face match</source>
        <translation>人脸比中</translation>
    </message>
    <message>
        <source>Intrusion</source>
        <translation>区域入侵</translation>
    </message>
    <message>
        <source>Video loss</source>
        <translation>视频丢失</translation>
    </message>
    <message>
        <source>Device fault</source>
        <translation>设备故障</translation>
    </message>
    <message>
        <source>Device offline</source>
        <translation>设备离线</translation>
    </message>
    <message>
        <source>Device alarm</source>
        <translation>设备报警</translation>
    </message>
</context>
<context>
    <name>PlaybackWindow</name>
    <message>
        <source>Recorded video</source>
        <translation>录像回放</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Next frame</source>
        <translation>下一帧</translation>
    </message>
    <message>
        <source>Save clip to case</source>
        <translation>保存片段到案件</translation>
    </message>
    <message>
        <source>Looking for recordings…</source>
        <translation>正在查询录像…</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>倍速</translation>
    </message>
    <message>
        <source>The platform did not answer: %1</source>
        <translation>平台无应答：%1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Saving clips…</source>
        <translation>正在保存片段…</translation>
    </message>
    <message>
        <source>Clips saved to the case: %1 (SHA-256 %2…)</source>
        <translation>片段已保存到案件：%1 段（SHA-256 %2…）</translation>
    </message>
    <message>
        <source>The clip could not be saved: %1</source>
        <translation>片段未能保存：%1</translation>
    </message>
</context>
<context>
    <name>PtzPad</name>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Hold to turn the camera</source>
        <translation>按住转动摄像机</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>变倍</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>聚焦</translation>
    </message>
    <message>
        <source>Iris</source>
        <translation>光圈</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预置位</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Store the camera&apos;s current position under the typed name</source>
        <translation>以输入的名称保存摄像机当前位置</translation>
    </message>
    <message>
        <source>Cruise</source>
        <translation>巡航</translation>
    </message>
</context>
<context>
    <name>QtAlertList</name>
    <message>
        <source>Create case</source>
        <translation>生成案件</translation>
    </message>
    <message>
        <source>Case filed</source>
        <translation>已生成案件</translation>
    </message>
    <message>
        <source>File this alert from the case intake: it has no default category</source>
        <translation>该告警没有默认案件类别，请在案件受理中立案</translation>
    </message>
    <message>
        <source>Merged into the open case nearby</source>
        <translation>已并入附近的在办案件</translation>
    </message>
    <message>
        <source>Case created</source>
        <translation>案件已生成</translation>
    </message>
</context>
<context>
    <name>QtApprovalInbox</name>
    <message>
        <source>Extension and suspension requests</source>
        <translation>延期/挂账申请</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>镇办</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note to the approval, or the reason for refusing</source>
        <translation>审批意见或驳回理由</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Withdraw request</source>
        <translation>撤回申请</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 时 %2 分</translation>
    </message>
    <message>
        <source>Write the reason for refusing first.</source>
        <translation>请先填写驳回理由。</translation>
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
    <name>QtAssessmentRanking</name>
    <message>
        <source>Assessment ranking</source>
        <translation>考核排名</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>2026-W47, 2026-11 or 2026</source>
        <translation>2026-W47、2026-11 或 2026</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>考核周期</translation>
    </message>
    <message>
        <source>Loading …</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Publishing …</source>
        <translation>正在发布…</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>镇办</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>路段数</translation>
    </message>
    <message>
        <source>Composite</source>
        <translation>综合指标值</translation>
    </message>
    <message>
        <source>Deductions</source>
        <translation>扣分</translation>
    </message>
    <message>
        <source>Normalised</source>
        <translation>标准化得分</translation>
    </message>
    <message>
        <source>Difficulty</source>
        <translation>难度系数</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>案量系数</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>考核得分</translation>
    </message>
    <message>
        <source>Reward/penalty (CNY)</source>
        <translation>奖惩（元）</translation>
    </message>
    <message>
        <source>Published by %1 at %2</source>
        <translation>已由 %1 于 %2 发布</translation>
    </message>
    <message>
        <source>Not published: figures as of now</source>
        <translation>未发布：当前实时数据</translation>
    </message>
    <message>
        <source>Monthly base %1 CNY per office; rewards and penalties sum to %2 CNY</source>
        <translation>月度基数每办事处 %1 元；奖惩合计 %2 元</translation>
    </message>
    <message>
        <source>Supervision %1: %2 consultation cases, %3 closed</source>
        <translation>督办 %1：协商议题 %2 件，办结 %3 件</translation>
    </message>
</context>
<context>
    <name>QtAuditTab</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>校验链</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Verifying the chain …</source>
        <translation>正在校验审计链…</translation>
    </message>
    <message>
        <source>Chain intact: %1 records.</source>
        <translation>审计链完整：共 %1 条记录。</translation>
    </message>
    <message>
        <source>Chain broken (%1 records): %2</source>
        <translation>审计链已断开（共 %1 条记录）：%2</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>%1 records exported.</source>
        <translation>已导出 %1 条记录。</translation>
    </message>
</context>
<context>
    <name>QtBriefingPages</name>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>办事处</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>考核得分</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Live map, office ranking and trend of the month</source>
        <translation>实时地图、办事处排名与本月趋势</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>派遣</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期未处置</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>在岗人数</translation>
    </message>
    <message>
        <source>Today in each office</source>
        <translation>各办事处今日情况</translation>
    </message>
    <message>
        <source>Camera tour</source>
        <translation>视频轮巡</translation>
    </message>
</context>
<context>
    <name>QtBriefingWindow</name>
    <message>
        <source>Leaders&apos; briefing</source>
        <translation>领导观摩</translation>
    </message>
    <message>
        <source>Cases today</source>
        <translation>今日案件</translation>
    </message>
    <message>
        <source>On-time rate (month)</source>
        <translation>本月按期结案率</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期未处置</translation>
    </message>
    <message>
        <source>Units on duty</source>
        <translation>在岗力量</translation>
    </message>
    <message>
        <source>Cameras online</source>
        <translation>在线摄像机</translation>
    </message>
    <message>
        <source>Figures not refreshed: %1</source>
        <translation>数据未刷新：%1</translation>
    </message>
</context>
<context>
    <name>QtCameraTree</name>
    <message>
        <source>Search name, id or pinyin initials</source>
        <translation>搜索名称、编号或拼音首字母</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>收藏</translation>
    </message>
    <message>
        <source>Loading cameras…</source>
        <translation>正在加载摄像机…</translation>
    </message>
    <message>
        <source>Cameras could not be loaded: %1</source>
        <translation>摄像机加载失败：%1</translation>
    </message>
    <message>
        <source>Stream could not be started: %1</source>
        <translation>视频流启动失败：%1</translation>
    </message>
    <message>
        <source>%1 cameras, %2 online</source>
        <translation>共 %1 路，在线 %2 路</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 个结果</translation>
    </message>
    <message>
        <source>first %1 matches</source>
        <translation>前 %1 个结果</translation>
    </message>
    <message>
        <source>Favourite could not be saved: %1</source>
        <translation>收藏保存失败：%1</translation>
    </message>
    <message>
        <source>Recorded video could not be opened: %1</source>
        <translation>无法打开录像回放：%1</translation>
    </message>
    <message>
        <source>Remove from favourites</source>
        <translation>取消收藏</translation>
    </message>
    <message>
        <source>Add to favourites</source>
        <translation>加入收藏</translation>
    </message>
    <message>
        <source>Show on wall</source>
        <translation>上墙显示</translation>
    </message>
    <message>
        <source>Recorded video…</source>
        <translation>录像回放…</translation>
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
        <source>Answers to client</source>
        <translation>反馈答复</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>案件 %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Deadline: %1    Assignee: %2</source>
        <translation>办理时限：%1    处置人：%2</translation>
    </message>
    <message>
        <source>Feedback: %1</source>
        <translation>回访：%1</translation>
    </message>
    <message>
        <source>Held by department: %1 (due %2)</source>
        <translation>联动部门：%1（时限 %2）</translation>
    </message>
    <message>
        <source>Dispatch…</source>
        <translation>派遣…</translation>
    </message>
    <message>
        <source>Re-dispatch…</source>
        <translation>改派…</translation>
    </message>
    <message>
        <source>Hand to department…</source>
        <translation>转办…</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Working …</source>
        <translation>正在办理…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <source>Done. The case has left your desk.</source>
        <translation>已完成。案件已不在本部门办理。</translation>
    </message>
</context>
<context>
    <name>QtCasePhotoAdder</name>
    <message>
        <source>Add after photo…</source>
        <translation>添加处置后照片…</translation>
    </message>
    <message>
        <source>Add before photo…</source>
        <translation>添加处置前照片…</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>照片 (*.jpg *.jpeg *.png)</translation>
    </message>
</context>
<context>
    <name>QtCasePhotos</name>
    <message>
        <source>Before</source>
        <translation>处置前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>处置后</translation>
    </message>
    <message>
        <source>Loading photo …</source>
        <translation>正在加载照片…</translation>
    </message>
    <message>
        <source>Photo unavailable</source>
        <translation>照片无法显示</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
</context>
<context>
    <name>QtCasePopup</name>
    <message>
        <source>Nearest cameras</source>
        <translation>附近监控</translation>
    </message>
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
        <source>Re-dispatch %1</source>
        <translation>改派 %1</translation>
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
        <source>Re-dispatch to %1 · %2</source>
        <translation>改派给 %1 · %2</translation>
    </message>
    <message>
        <source>Show vehicle %1 and its video</source>
        <translation>查看执法车 %1 位置与视频</translation>
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
    <message>
        <source>Dispatch…  (D)</source>
        <translation>派遣…  (D)</translation>
    </message>
    <message>
        <source>Re-dispatch…  (D)</source>
        <translation>改派…  (D)</translation>
    </message>
    <message>
        <source>Escalate to %1  (E)</source>
        <translation>升级至 %1  (E)</translation>
    </message>
    <message>
        <source>Details…  (Enter)</source>
        <translation>详情…  (Enter)</translation>
    </message>
</context>
<context>
    <name>QtCaseRequestDialog</name>
    <message>
        <source>Request %1 for case %2</source>
        <translation>申请%1：案件 %2</translation>
    </message>
    <message>
        <source> working hours</source>
        <translation>工作小时</translation>
    </message>
    <message>
        <source>Why (required): what is being waited for, what was done</source>
        <translation>理由（必填）：在等待什么，已做了什么</translation>
    </message>
    <message>
        <source>Send for approval</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <source>Extend by</source>
        <translation>延期时长</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>A supervisor decides; the deadline moves only when approved.</source>
        <translation>由值班长审批；批准后才调整期限。</translation>
    </message>
    <message>
        <source>Sending …</source>
        <translation>正在提交…</translation>
    </message>
</context>
<context>
    <name>QtCaseRequestPanel</name>
    <message>
        <source>Note to the approval, or the reason for refusing</source>
        <translation>审批意见或驳回理由</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Withdraw request</source>
        <translation>撤回申请</translation>
    </message>
    <message>
        <source>Last %1 request: %2</source>
        <translation>最近一次%1申请：%2</translation>
    </message>
    <message>
        <source>%1 request awaiting approval</source>
        <translation>%1申请待审批</translation>
    </message>
    <message>
        <source>Working hours asked: %1</source>
        <translation>申请工作小时：%1</translation>
    </message>
    <message>
        <source>Evidence photos: %1</source>
        <translation>佐证照片：%1 张</translation>
    </message>
    <message>
        <source>Asked by %1 at %2</source>
        <translation>申请人 %1，时间 %2</translation>
    </message>
    <message>
        <source>Sent for approval.</source>
        <translation>已提交审批。</translation>
    </message>
    <message>
        <source>Write the reason for refusing first.</source>
        <translation>请先填写驳回理由。</translation>
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
        <source>Read only: changing categories needs the category permission.</source>
        <translation>只读：修改案件类别需要“案件类别管理”权限。</translation>
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
    <name>QtCheckTab</name>
    <message>
        <source>Run check</source>
        <translation>运行检查</translation>
    </message>
    <message>
        <source>Checks the whole district: who answers for each segment, where things lie.</source>
        <translation>检查整个辖区：每个路段由谁负责，各项数据的位置是否正确。</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>编号/名称</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Checking the district …</source>
        <translation>正在检查辖区数据…</translation>
    </message>
    <message>
        <source>%1 errors, %2 warnings: the district is consistent.</source>
        <translation>错误 %1 个，注意 %2 个：辖区数据一致。</translation>
    </message>
    <message>
        <source>%1 errors, %2 warnings: fix the errors.</source>
        <translation>错误 %1 个，注意 %2 个：请修正错误。</translation>
    </message>
</context>
<context>
    <name>QtClientAnswers</name>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>送达</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>Gave up</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待发送</translation>
    </message>
</context>
<context>
    <name>QtCommandStatus</name>
    <message>
        <source>Sending …</source>
        <translation>正在发送……</translation>
    </message>
</context>
<context>
    <name>QtConfirmViolation</name>
    <message>
        <source>Case number, e.g. 20261126-00001</source>
        <translation>案件编号，如 20261126-00001</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Plate, credit code, licence or ID number (stored masked)</source>
        <translation>车牌、统一社会信用代码、营业执照号或身份证号（脱敏保存）</translation>
    </message>
    <message>
        <source>Confirm violation</source>
        <translation>确认失信</translation>
    </message>
    <message>
        <source>Named by the case</source>
        <translation>案件涉及</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Violation of %1 recorded on case %2.</source>
        <translation>已就案件 %2 记录 %1 的失信。</translation>
    </message>
    <message>
        <source>Now on the list: %1.</source>
        <translation>已列入名单：%1。</translation>
    </message>
</context>
<context>
    <name>QtConsultations</name>
    <message>
        <source>Consultation agenda</source>
        <translation>协商议题</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>列入依据</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>协商会议</translation>
    </message>
    <message>
        <source>Responsible department</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>协商结论</translation>
    </message>
    <message>
        <source>Flagged by</source>
        <translation>提请人</translation>
    </message>
    <message>
        <source>Reason, outcome or why it is withdrawn</source>
        <translation>理由、结论或撤回原因</translation>
    </message>
    <message>
        <source>Flag case</source>
        <translation>提请协商</translation>
    </message>
    <message>
        <source>Set meeting</source>
        <translation>安排会议</translation>
    </message>
    <message>
        <source>Record outcome</source>
        <translation>记录结论</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Case id</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Meeting date</source>
        <translation>会议日期</translation>
    </message>
    <message>
        <source>Working …</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>已完成。</translation>
    </message>
</context>
<context>
    <name>QtCreditList</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Listed at</source>
        <translation>列入时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>列入依据</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>失信记录</translation>
    </message>
    <message>
        <source>Loading …</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Why the listing is removed</source>
        <translation>移出名单的理由</translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation>移出名单</translation>
    </message>
    <message>
        <source>%1 on the list</source>
        <translation>名单上 %1 个</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>导出名单</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2</source>
        <translation>已导出 %1 条到 %2</translation>
    </message>
    <message>
        <source>Select a row of the list first.</source>
        <translation>请先选择名单中的一行。</translation>
    </message>
    <message>
        <source>%1 removed from the list.</source>
        <translation>已将 %1 移出名单。</translation>
    </message>
</context>
<context>
    <name>QtCreditViolators</name>
    <message>
        <source>Name, plate or code</source>
        <translation>名称、车牌或代码</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <source>Confirmed at</source>
        <translation>确认时间</translation>
    </message>
    <message>
        <source>Counts until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>申诉</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Grounds of the appeal, or the decision&apos;s note</source>
        <translation>申诉理由，或决定意见</translation>
    </message>
    <message>
        <source>File appeal</source>
        <translation>提出申诉</translation>
    </message>
    <message>
        <source>Uphold appeal</source>
        <translation>支持申诉</translation>
    </message>
    <message>
        <source>Reject appeal</source>
        <translation>驳回申诉</translation>
    </message>
    <message>
        <source>Listed %1 (%2) until %3</source>
        <translation>%1 列入（%2），有效期至 %3</translation>
    </message>
    <message>
        <source>%1 — ended %2: %3</source>
        <translation>%1 — %2 结束：%3</translation>
    </message>
    <message>
        <source>Never listed.</source>
        <translation>从未列入名单。</translation>
    </message>
    <message>
        <source>Select a violation first.</source>
        <translation>请先选择一条失信记录。</translation>
    </message>
    <message>
        <source>Appeal filed on case %1.</source>
        <translation>已就案件 %1 提出申诉。</translation>
    </message>
    <message>
        <source>Select a violation with a filed appeal first.</source>
        <translation>请先选择一条已申诉的失信记录。</translation>
    </message>
    <message>
        <source>Appeal upheld: the violation is void.</source>
        <translation>申诉成立：该失信记录作废。</translation>
    </message>
    <message>
        <source>Appeal rejected.</source>
        <translation>申诉已驳回。</translation>
    </message>
</context>
<context>
    <name>QtCreditWindow</name>
    <message>
        <source>Credit record</source>
        <translation>失信记录</translation>
    </message>
    <message>
        <source>Joint-punishment list</source>
        <translation>联合惩戒名单</translation>
    </message>
    <message>
        <source>Violators</source>
        <translation>失信对象</translation>
    </message>
    <message>
        <source>Record a violation</source>
        <translation>记录失信</translation>
    </message>
</context>
<context>
    <name>QtDailySummary</name>
    <message>
        <source>Daily summary</source>
        <translation>每日汇总</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>镇办</translation>
    </message>
    <message>
        <source>Received today</source>
        <translation>今日受理</translation>
    </message>
    <message>
        <source>Dispatched today</source>
        <translation>今日派遣</translation>
    </message>
    <message>
        <source>Closed today</source>
        <translation>今日结案</translation>
    </message>
    <message>
        <source>Overdue now</source>
        <translation>当前超期</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>在岗人数</translation>
    </message>
    <message>
        <source>Segments patrolled</source>
        <translation>已巡查路段</translation>
    </message>
    <message>
        <source>Metres walked</source>
        <translation>巡查里程（米）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Loading …</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>QtDispatchNotice</name>
    <message>
        <source>Click to close</source>
        <translation>点击关闭</translation>
    </message>
</context>
<context>
    <name>QtDistrictDialog</name>
    <message>
        <source>District data</source>
        <translation>基础数据</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Consistency</source>
        <translation>一致性检查</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
</context>
<context>
    <name>QtDrawTab</name>
    <message>
        <source>2026-12 (month) or 2026-W49 (week)</source>
        <translation>2026-12（月）或 2026-W49（周）</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>考核周期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Inspectors per group</source>
        <translation>每组人数</translation>
    </message>
    <message>
        <source>No repeated pairing within</source>
        <translation>不重复搭档的期间</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Confirm and store</source>
        <translation>确认并保存</translation>
    </message>
    <message>
        <source>Office inspected</source>
        <translation>被督查镇办</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>督查员</translation>
    </message>
    <message>
        <source>Drawing …</source>
        <translation>正在抽取……</translation>
    </message>
    <message>
        <source>Preview of %1 (%2), pairing window %3, seed %4: not stored yet.</source>
        <translation>%1（%2）抽组预览，搭档期间 %3，随机种子 %4：尚未保存。</translation>
    </message>
    <message>
        <source>Storing …</source>
        <translation>正在保存……</translation>
    </message>
    <message>
        <source>Round %1 stored.</source>
        <translation>第 %1 轮已保存。</translation>
    </message>
</context>
<context>
    <name>QtDriverText</name>
    <message>
        <source>Text to the driver of %1</source>
        <translation>向 %1 驾驶员下发文本</translation>
    </message>
    <message>
        <source>e.g. please go to 大学路 and 陇海路</source>
        <translation>例如：请前往大学路与陇海路交叉口</translation>
    </message>
</context>
<context>
    <name>QtDutyWindow</name>
    <message>
        <source>Duty roster</source>
        <translation>值班表</translation>
    </message>
    <message>
        <source>◀ Previous week</source>
        <translation>◀ 上一周</translation>
    </message>
    <message>
        <source>Next week ▶</source>
        <translation>下一周 ▶</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Add leave or swap…</source>
        <translation>添加请假/换班…</translation>
    </message>
    <message>
        <source>Remove exception</source>
        <translation>删除例外</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Loading …</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>镇办</translation>
    </message>
    <message>
        <source>Leave, swaps and extra shifts this week</source>
        <translation>本周请假、换班与加班</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>值班表</translation>
    </message>
    <message>
        <source>Roster entries</source>
        <translation>排班</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>在岗人数</translation>
    </message>
    <message>
        <source>Today&apos;s shifts as of %1</source>
        <translation>今日班次（截至 %1）</translation>
    </message>
    <message>
        <source>%1 rows in the roster this week</source>
        <translation>本周排班 %1 行</translation>
    </message>
    <message>
        <source>Select an exception to remove.</source>
        <translation>请选择要删除的例外。</translation>
    </message>
</context>
<context>
    <name>QtEditTab</name>
    <message>
        <source>Filter: name, number, code, plate …</source>
        <translation>筛选：名称、编号、编码、车牌…</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <source>History</source>
        <translation>修改历史</translation>
    </message>
    <message>
        <source>%1–%2 of %3</source>
        <translation>第 %1–%2 条，共 %3 条</translation>
    </message>
    <message>
        <source>Fill in the new member of staff, then Save.</source>
        <translation>请填写新人员的信息，然后点“保存”。</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>没有修改。</translation>
    </message>
    <message>
        <source>Saving …</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>QtExceptionDialog</name>
    <message>
        <source>Add leave, swap or extra shift</source>
        <translation>添加请假、换班或加班</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Covered by</source>
        <translation>替班人员</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>路段</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Choose a person and a shift.</source>
        <translation>请选择人员和班次。</translation>
    </message>
    <message>
        <source>Saving …</source>
        <translation>正在保存……</translation>
    </message>
</context>
<context>
    <name>QtExceptionList</name>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Covered by / segment</source>
        <translation>替班人员 / 路段</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>QtExportTab</name>
    <message>
        <source>(none)</source>
        <translation>（未选择）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Coordinates in</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <source>Choose a folder for the district&apos;s files.</source>
        <translation>请选择导出辖区数据文件的文件夹。</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <source>Exporting …</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Exported %1 files.</source>
        <translation>已导出 %1 个文件。</translation>
    </message>
</context>
<context>
    <name>QtFileChoosers</name>
    <message>
        <source>Office boundaries</source>
        <translation>镇办边界</translation>
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
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>GeoJSON files (*.geojson *.json)</source>
        <translation>GeoJSON 文件 (*.geojson *.json)</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx)</source>
        <translation>表格 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Camera lists (*.csv *.json)</source>
        <translation>摄像机清单 (*.csv *.json)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Coordinates in</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（未选择）</translation>
    </message>
</context>
<context>
    <name>QtFindingDialog</name>
    <message>
        <source>Finding of group %1</source>
        <translation>督查组 %1 发现的问题</translation>
    </message>
    <message>
        <source>Road, segment or landmark; Enter to search</source>
        <translation>道路、路段或地标名称，回车查找</translation>
    </message>
    <message>
        <source>What the group found (required)</source>
        <translation>督查组发现的问题（必填）</translation>
    </message>
    <message>
        <source>File as a case</source>
        <translation>立为案件</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Find a place</source>
        <translation>查找位置</translation>
    </message>
    <message>
        <source>Places found</source>
        <translation>找到的位置</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>No place of that name.</source>
        <translation>没有这个名称的位置。</translation>
    </message>
    <message>
        <source>Give the place as longitude and latitude (degrees).</source>
        <translation>请以经度、纬度（度）填写问题位置。</translation>
    </message>
    <message>
        <source>Filing …</source>
        <translation>正在提交……</translation>
    </message>
    <message>
        <source>Not filed: %1</source>
        <translation>未立案：%1</translation>
    </message>
    <message>
        <source>The finding waits for review, linked to the group.</source>
        <translation>该问题待甄别，已关联到该督查组。</translation>
    </message>
    <message>
        <source>Filed as case %1, linked to the group.</source>
        <translation>已立案 %1，并关联到该督查组。</translation>
    </message>
</context>
<context>
    <name>QtFlagConsultation</name>
    <message>
        <source>Flag for consultation</source>
        <translation>提请协商</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>列入依据</translation>
    </message>
    <message>
        <source>Meeting date</source>
        <translation>会议日期</translation>
    </message>
    <message>
        <source>Responsible department</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Working …</source>
        <translation>正在处理…</translation>
    </message>
</context>
<context>
    <name>QtHandoffDialog</name>
    <message>
        <source>Hand to a department</source>
        <translation>转办至部门</translation>
    </message>
    <message>
        <source>Category&apos;s disposal time</source>
        <translation>按类别处置时限</translation>
    </message>
    <message>
        <source> working h</source>
        <translation>工作小时</translation>
    </message>
    <message>
        <source>What the department should do (optional)</source>
        <translation>需部门办理的事项（选填）</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Time allowed</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The district has no departments yet.</source>
        <translation>本区尚未设置部门。</translation>
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
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>当前用户：%1（%2）</translation>
    </message>
</context>
<context>
    <name>QtImportTab</name>
    <message>
        <source>Files of the delivery</source>
        <translation>数据文件</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Choose the files, then check them.</source>
        <translation>请选择文件，然后检查。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Inserted</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>The files changed: check them again before importing.</source>
        <translation>文件已改动：导入前请重新检查。</translation>
    </message>
    <message>
        <source>Choose at least one file.</source>
        <translation>请至少选择一个文件。</translation>
    </message>
    <message>
        <source>Checking …</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>%1 problems: fix the rows listed and check again. Nothing was imported.</source>
        <translation>%1 个问题：请修正所列各行后重新检查。未导入任何数据。</translation>
    </message>
    <message>
        <source>All %1 records are good: ready to import.</source>
        <translation>全部 %1 条记录检查通过，可以导入。</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Importing …</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Imported in one transaction.</source>
        <translation>已导入：全部数据一次写入。</translation>
    </message>
</context>
<context>
    <name>QtInspectionsWindow</name>
    <message>
        <source>Inspections</source>
        <translation>督查</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>督查组</translation>
    </message>
    <message>
        <source>Draw a round</source>
        <translation>抽取督查组</translation>
    </message>
    <message>
        <source>Inspector pool</source>
        <translation>督查员库</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>督查结果</translation>
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
    <name>QtNewCaseForm</name>
    <message>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>来访</translation>
    </message>
    <message>
        <source>Road, segment, office or landmark</source>
        <translation>道路、路段、镇办或地标</translation>
    </message>
    <message>
        <source>Category name, code or initials</source>
        <translation>类别名称、代码或拼音首字母</translation>
    </message>
    <message>
        <source>For the call back after closing</source>
        <translation>用于结案后回访</translation>
    </message>
    <message>
        <source>File case</source>
        <translation>提交受理</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>上报人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>No place yet: search above, or right-click the live map.</source>
        <translation>尚未选择位置：请在上方搜索，或在实时地图上右键选择。</translation>
    </message>
    <message>
        <source>Place: %1 (%2, %3)</source>
        <translation>位置：%1（%2, %3）</translation>
    </message>
    <message>
        <source>picked on the map</source>
        <translation>地图选点</translation>
    </message>
    <message>
        <source>Choose the place and the category first.</source>
        <translation>请先选择位置和类别。</translation>
    </message>
    <message>
        <source>Filing …</source>
        <translation>正在提交…</translation>
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
        <source>No match</source>
        <translation>无匹配结果</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 个匹配</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QtPhotoPicker</name>
    <message>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>照片 (*.jpg *.jpeg *.png)</translation>
    </message>
</context>
<context>
    <name>QtPluginManager</name>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disabled after an error</source>
        <translation>出错已停用</translation>
    </message>
    <message>
        <source>Not enabled here</source>
        <translation>本席位未启用</translation>
    </message>
    <message>
        <source>Incompatible API</source>
        <translation>接口版本不兼容</translation>
    </message>
    <message>
        <source>Waiting for the database</source>
        <translation>等待数据库</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Plugin folder</source>
        <translation>插件目录</translation>
    </message>
    <message>
        <source>Installed package</source>
        <translation>已安装软件包</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Offices</source>
        <translation>所属镇办</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Show traceback</source>
        <translation>查看错误详情</translation>
    </message>
    <message>
        <source>For office:</source>
        <translation>镇办：</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Only an administrator may change where plugins load.</source>
        <translation>只有系统管理员可以设置插件的启用范围。</translation>
    </message>
    <message>
        <source>Database unavailable; try again shortly.</source>
        <translation>数据库暂不可用，请稍后重试。</translation>
    </message>
    <message>
        <source>Not saved: an unexpected error was logged.</source>
        <translation>未保存：发生意外错误，已记入日志。</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>No error.</source>
        <translation>无错误。</translation>
    </message>
    <message>
        <source>Saved; applies at the next start of that office&apos;s workstations.</source>
        <translation>已保存，该镇办工作站下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>QtPlugins</name>
    <message>
        <source>Database unavailable; retrying shortly</source>
        <translation>数据库暂不可用，稍后重试</translation>
    </message>
    <message>
        <source>Office modules</source>
        <translation>镇办特色模块</translation>
    </message>
    <message>
        <source>Plugin manager…</source>
        <translation>插件管理…</translation>
    </message>
    <message>
        <source>Plugin manager</source>
        <translation>插件管理</translation>
    </message>
</context>
<context>
    <name>QtPoolTab</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Own office</source>
        <translation>所属镇办</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>Name of the department&apos;s member</source>
        <translation>部门人员姓名</translation>
    </message>
    <message>
        <source>Deactivate / activate</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <source>Add staff member</source>
        <translation>添加工作人员</translation>
    </message>
    <message>
        <source>Add department member</source>
        <translation>添加部门人员</translation>
    </message>
    <message>
        <source>Add every inspector on the staff</source>
        <translation>添加全部督查员</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
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
        <source>Choose an inspector first.</source>
        <translation>请先选择督查员。</translation>
    </message>
    <message>
        <source>Saving …</source>
        <translation>正在保存……</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>QtPresenceTable</name>
    <message>
        <source>Segment</source>
        <translation>路段</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>On duty now</source>
        <translation>当前在岗</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Minutes on segment</source>
        <translation>在路段分钟数</translation>
    </message>
    <message>
        <source>Metres walked</source>
        <translation>巡查里程（米）</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>脱岗间隔</translation>
    </message>
    <message>
        <source>%1 (longest %2 min)</source>
        <translation>%1 次（最长 %2 分钟）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>not seen</source>
        <translation>未见</translation>
    </message>
    <message>
        <source>no GPS unit</source>
        <translation>无定位终端</translation>
    </message>
</context>
<context>
    <name>QtRecordPanel</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>QtRegisterTerminal</name>
    <message>
        <source>Register terminal to a vehicle</source>
        <translation>登记终端到车辆</translation>
    </message>
    <message>
        <source>Terminal %1</source>
        <translation>终端 %1</translation>
    </message>
    <message>
        <source>(reported plate %1)</source>
        <translation>（上报车牌 %1）</translation>
    </message>
    <message>
        <source>Search by plate</source>
        <translation>按车牌搜索</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>镇办</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端号</translation>
    </message>
    <message>
        <source>Loading …</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Registering …</source>
        <translation>正在登记……</translation>
    </message>
    <message>
        <source>Vehicles found: %1 (those without a terminal first)</source>
        <translation>找到车辆 %1 辆（无终端的排在前面）</translation>
    </message>
    <message>
        <source>%1 has terminal %2 now; registering replaces it.</source>
        <translation>%1 现有终端 %2，登记后将替换。</translation>
    </message>
</context>
<context>
    <name>QtReportDialog</name>
    <message>
        <source>Weekly bulletin</source>
        <translation>周通报</translation>
    </message>
    <message>
        <source>Monthly assessment</source>
        <translation>月度考核</translation>
    </message>
    <message>
        <source>Annual evaluation</source>
        <translation>年度考评</translation>
    </message>
    <message>
        <source>Daily summary</source>
        <translation>每日汇总</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>2026-W47, 2026-11, 2026 or 2026-11-30</source>
        <translation>2026-W47、2026-11、2026 或 2026-11-30</translation>
    </message>
    <message>
        <source>PDF (charts, for printing)</source>
        <translation>PDF（含图表，供打印）</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <source>Choose where to save the report.</source>
        <translation>请选择报表的保存位置。</translation>
    </message>
    <message>
        <source>Creating the report …</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>The report could not be created: %1</source>
        <translation>报表生成失败：%1</translation>
    </message>
</context>
<context>
    <name>QtResultsTab</name>
    <message>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>镇办</translation>
    </message>
    <message>
        <source>Points deducted</source>
        <translation>扣分</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>考核周期</translation>
    </message>
    <message>
        <source>No finding counts against any office in this period.</source>
        <translation>本期没有计入任何镇办的督查问题。</translation>
    </message>
</context>
<context>
    <name>QtReviewDecision</name>
    <message>
        <source>Choose a category</source>
        <translation>选择类别</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Reason the reporter will receive</source>
        <translation>驳回理由（将告知上报人）</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Longitude, latitude</source>
        <translation>经度、纬度</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Place corrected (WGS-84)</source>
        <translation>位置已更正（WGS-84）</translation>
    </message>
    <message>
        <source>Place as reported</source>
        <translation>位置按上报</translation>
    </message>
    <message>
        <source>Choose a category first</source>
        <translation>请先选择类别</translation>
    </message>
    <message>
        <source>Write the reason the reporter will receive</source>
        <translation>请填写驳回理由（将告知上报人）</translation>
    </message>
</context>
<context>
    <name>QtReviewList</name>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Category as reported</source>
        <translation>上报类别</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>上报人</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>待甄别</translation>
    </message>
    <message>
        <source>To review %1</source>
        <translation>待甄别 %1</translation>
    </message>
    <message>
        <source>Accepted as case %1</source>
        <translation>已受理，案件 %1</translation>
    </message>
    <message>
        <source>Rejected; the reporter is told the reason</source>
        <translation>已驳回，理由将告知上报人</translation>
    </message>
</context>
<context>
    <name>QtRosterEntries</name>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>路段</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Weekdays</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Add to roster…</source>
        <translation>添加排班…</translation>
    </message>
    <message>
        <source>Remove from roster</source>
        <translation>移出排班</translation>
    </message>
    <message>
        <source>New shift…</source>
        <translation>新建班次…</translation>
    </message>
</context>
<context>
    <name>QtRosterEntryDialog</name>
    <message>
        <source>Add to roster</source>
        <translation>添加排班</translation>
    </message>
    <message>
        <source>Until further notice</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>路段</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Weekdays</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Choose a person, a segment and a shift.</source>
        <translation>请选择人员、路段和班次。</translation>
    </message>
</context>
<context>
    <name>QtRoundsTab</name>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>考核周期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Office inspected</source>
        <translation>被督查镇办</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>督查员</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>督查日期</translation>
    </message>
    <message>
        <source>Findings of the chosen group</source>
        <translation>所选督查组发现的问题</translation>
    </message>
    <message>
        <source>Record a finding…</source>
        <translation>记录发现的问题…</translation>
    </message>
    <message>
        <source>Choose a group first.</source>
        <translation>请先选择督查组。</translation>
    </message>
    <message>
        <source>case %1</source>
        <translation>案件 %1</translation>
    </message>
    <message>
        <source>waiting for review %1</source>
        <translation>待甄别 %1</translation>
    </message>
</context>
<context>
    <name>QtSettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>参数设置</translation>
    </message>
    <message>
        <source>Dispatch and escalation</source>
        <translation>派遣与升级</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>甄别</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Working calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Credit record</source>
        <translation>失信记录</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Holidays of %1 imported and saved as revision %2</source>
        <translation>%1年节假日已导入并保存为版本 %2</translation>
    </message>
    <message>
        <source>Not imported: %1 problems</source>
        <translation>未导入：%1 个问题</translation>
    </message>
    <message>
        <source>Not imported: the file cannot be read</source>
        <translation>未导入：无法读取该文件</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved as revision %1: every workstation uses it within seconds</source>
        <translation>已保存为版本 %1：各工作站将在数秒内启用</translation>
    </message>
    <message>
        <source>Another administrator saved revision %1 meanwhile: their settings are shown, edit again</source>
        <translation>其他管理员已先保存版本 %1：现显示其设置，请重新修改</translation>
    </message>
    <message>
        <source>Not saved: %1 problems</source>
        <translation>未保存：%1 个问题</translation>
    </message>
    <message>
        <source>Database unavailable; try again shortly.</source>
        <translation>数据库不可用，请稍后重试。</translation>
    </message>
    <message>
        <source>The settings could not be read or saved (see the log).</source>
        <translation>无法读取或保存设置（详见日志）。</translation>
    </message>
</context>
<context>
    <name>QtShiftDialog</name>
    <message>
        <source>New shift</source>
        <translation>新建班次</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束时间</translation>
    </message>
</context>
<context>
    <name>QtSnapshotEvidence</name>
    <message>
        <source>Snapshot as evidence</source>
        <translation>抓图取证</translation>
    </message>
    <message>
        <source>Before (as found)</source>
        <translation>处置前（现场）</translation>
    </message>
    <message>
        <source>After (handled)</source>
        <translation>处置后</translation>
    </message>
    <message>
        <source>Attach to case</source>
        <translation>附加到案件</translation>
    </message>
    <message>
        <source>New case with it…</source>
        <translation>以此新建案件…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Attaching …</source>
        <translation>正在附加……</translation>
    </message>
    <message>
        <source>Attached to case %1.</source>
        <translation>已附加到案件 %1。</translation>
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
    <name>QtTerminalStatuses</name>
    <message>
        <source>Terminal status</source>
        <translation>终端状态</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Terminal id</source>
        <translation>终端号</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Last frame</source>
        <translation>最后一帧</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>帧数</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误数</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最后错误</translation>
    </message>
    <message>
        <source>Terminal id or plate</source>
        <translation>终端号或车牌</translation>
    </message>
    <message>
        <source>Offline only</source>
        <translation>仅看离线</translation>
    </message>
    <message>
        <source>With errors only</source>
        <translation>仅看有错误的</translation>
    </message>
    <message>
        <source>Loading …</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>No terminal has reported to a gateway yet.</source>
        <translation>尚无终端向网关上报（车载终端连接网关服务后在此显示）。</translation>
    </message>
    <message>
        <source>%1 terminals: %2 online, %3 offline, %4 with errors; %5 shown</source>
        <translation>共 %1 个终端：在线 %2，离线 %3，有错误 %4；显示 %5 个</translation>
    </message>
</context>
<context>
    <name>QtTrackPlayback</name>
    <message>
        <source>Load tracks</source>
        <translation>加载轨迹</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>No positions in this period</source>
        <translation>该时段没有定位数据</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>QtUnitPicker</name>
    <message>
        <source>Search a plate or a name</source>
        <translation>搜索车牌或姓名</translation>
    </message>
    <message>
        <source>Patroller</source>
        <translation>城市管理员</translation>
    </message>
    <message>
        <source>Muck truck</source>
        <translation>渣土车</translation>
    </message>
    <message>
        <source>Enforcement vehicle</source>
        <translation>执法车</translation>
    </message>
</context>
<context>
    <name>QtUnknownTerminals</name>
    <message>
        <source>Unknown terminals</source>
        <translation>未登记终端</translation>
    </message>
    <message>
        <source>Terminal id</source>
        <translation>终端号</translation>
    </message>
    <message>
        <source>Plate (as registered)</source>
        <translation>车牌（终端注册时）</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>首次出现</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最近出现</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>报文数</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Loading …</source>
        <translation>正在加载……</translation>
    </message>
    <message>
        <source>Register to vehicle…</source>
        <translation>登记到车辆…</translation>
    </message>
    <message>
        <source>Select a terminal and register it to its vehicle (or double-click it).</source>
        <translation>选中终端，登记到其车辆（或双击该行）。</translation>
    </message>
    <message>
        <source>Terminal %1 registered to %2.</source>
        <translation>终端 %1 已登记到 %2。</translation>
    </message>
    <message>
        <source>%1 unknown terminals</source>
        <translation>共 %1 个未登记终端</translation>
    </message>
</context>
<context>
    <name>QtUserForm</name>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>镇办</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Initial password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <source>The user must choose their own at first sign-in.</source>
        <translation>用户首次登录时须自行设置密码。</translation>
    </message>
</context>
<context>
    <name>QtUsersAuditDialog</name>
    <message>
        <source>Users and audit</source>
        <translation>用户与审计</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
</context>
<context>
    <name>QtUsersTab</name>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Disable / enable</source>
        <translation>停用/启用</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>修改角色…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>镇办</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>锁定</translation>
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
        <source>User management</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>Not confirmed: nothing changed.</source>
        <translation>未确认：未做任何更改。</translation>
    </message>
    <message>
        <source>Select a user first.</source>
        <translation>请先选择一个用户。</translation>
    </message>
    <message>
        <source>User %1 created; they choose their own password at first sign-in.</source>
        <translation>已创建用户 %1；其首次登录时须自行设置密码。</translation>
    </message>
    <message>
        <source>%1 enabled.</source>
        <translation>已启用 %1。</translation>
    </message>
    <message>
        <source>%1 disabled.</source>
        <translation>已停用 %1。</translation>
    </message>
    <message>
        <source>Password of %1 reset.</source>
        <translation>已重置 %1 的密码。</translation>
    </message>
    <message>
        <source>One-time password for %1: %2</source>
        <translation>%1 的一次性密码：%2</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>密码已重置</translation>
    </message>
    <message>
        <source>Hand it over in person; it is shown only once.</source>
        <translation>请当面交给本人；此密码只显示这一次。</translation>
    </message>
    <message>
        <source>Role of %1 changed.</source>
        <translation>已修改 %1 的角色。</translation>
    </message>
    <message>
        <source>%1 unlocked.</source>
        <translation>已解锁 %1。</translation>
    </message>
</context>
<context>
    <name>QtWeekGrid</name>
    <message>
        <source>Segment</source>
        <translation>路段</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
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
<context>
    <name>RecordActions</name>
    <message>
        <source>Split…</source>
        <translation>拆分…</translation>
    </message>
    <message>
        <source>Merge with…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>New member of staff</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Rename company…</source>
        <translation>公司更名…</translation>
    </message>
    <message>
        <source>Area or route from file…</source>
        <translation>从文件导入区域或路线…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Export GeoJSON</source>
        <translation>导出 GeoJSON</translation>
    </message>
    <message>
        <source>Splitting …</source>
        <translation>正在拆分…</translation>
    </message>
    <message>
        <source>Merging …</source>
        <translation>正在合并…</translation>
    </message>
    <message>
        <source>Exporting …</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Exported %1 records.</source>
        <translation>已导出 %1 条记录。</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>已删除。</translation>
    </message>
    <message>
        <source>Split segment</source>
        <translation>拆分路段</translation>
    </message>
    <message>
        <source>Cut at (0–1 of its length)</source>
        <translation>拆分位置（占全长 0–1）</translation>
    </message>
    <message>
        <source>Number of the second part</source>
        <translation>第二段的编号</translation>
    </message>
    <message>
        <source>Merge segments</source>
        <translation>合并路段</translation>
    </message>
    <message>
        <source>Number of the segment to merge in</source>
        <translation>要并入的路段编号</translation>
    </message>
    <message>
        <source>Rename company</source>
        <translation>公司更名</translation>
    </message>
    <message>
        <source>New name for all its vehicles</source>
        <translation>该公司所有车辆的新公司名</translation>
    </message>
    <message>
        <source>Area or route</source>
        <translation>区域或路线</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>ReportsMenu</name>
    <message>
        <source>Reports…</source>
        <translation>报表…</translation>
    </message>
</context>
<context>
    <name>ReviewWords</name>
    <message>
        <source>Invalid coordinates</source>
        <translation>坐标无效</translation>
    </message>
    <message>
        <source>Unknown coordinate system</source>
        <translation>未知坐标系</translation>
    </message>
    <message>
        <source>Longitude and latitude swapped</source>
        <translation>经纬度颠倒</translation>
    </message>
    <message>
        <source>Outside the district</source>
        <translation>不在辖区内</translation>
    </message>
    <message>
        <source>Unknown category</source>
        <translation>未知类别</translation>
    </message>
    <message>
        <source>Photo missing</source>
        <translation>缺少现场照片</translation>
    </message>
    <message>
        <source>No road segment within reach</source>
        <translation>附近无责任路段</translation>
    </message>
    <message>
        <source>Still not acceptable: %1. The item stays in the list.</source>
        <translation>仍不能受理：%1。该条仍留在待甄别列表中。</translation>
    </message>
</context>
<context>
    <name>RoleWords</name>
    <message>
        <source>duty operator</source>
        <translation>值班员</translation>
    </message>
    <message>
        <source>duty supervisor</source>
        <translation>值班长</translation>
    </message>
    <message>
        <source>leader</source>
        <translation>领导</translation>
    </message>
    <message>
        <source>sub-district office</source>
        <translation>镇办</translation>
    </message>
    <message>
        <source>department</source>
        <translation>部门用户</translation>
    </message>
    <message>
        <source>inspector</source>
        <translation>督查员</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>系统管理员</translation>
    </message>
</context>
<context>
    <name>SafeMode</name>
    <message>
        <source>Safe mode</source>
        <translation>安全模式</translation>
    </message>
    <message>
        <source>Started in safe mode: plugins are off, the default layout is used and no wall windows were restored. Your saved layout is kept for the next normal start.</source>
        <translation>以安全模式启动：插件已关闭，使用默认布局，未恢复电视墙窗口。已保存的布局保留到下次正常启动时使用。</translation>
    </message>
</context>
<context>
    <name>SaveViewDialog</name>
    <message>
        <source>Save current view</source>
        <translation>保存当前视图</translation>
    </message>
    <message>
        <source>View name, e.g. morning rush</source>
        <translation>视图名称，例如 早高峰</translation>
    </message>
    <message>
        <source>Shared (every workstation sees it)</source>
        <translation>共享（所有工作站可见）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Replaces your saved view of this name.</source>
        <translation>将替换您已保存的同名视图。</translation>
    </message>
</context>
<context>
    <name>ScreeningPage</name>
    <message>
        <source> m</source>
        <translation>米</translation>
    </message>
    <message>
        <source> h</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>Merge a report into an open case within</source>
        <translation>在此距离内的同类在办案件合并上报</translation>
    </message>
    <message>
        <source>… filed in the last</source>
        <translation>…且立案于最近</translation>
    </message>
    <message>
        <source>Snap a report to a road segment within</source>
        <translation>在此距离内归属到路段</translation>
    </message>
</context>
<context>
    <name>SettingsWords</name>
    <message>
        <source>The settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Acknowledgement timeout</source>
        <translation>签收时限</translation>
    </message>
    <message>
        <source>Duplicate radius</source>
        <translation>重复上报距离</translation>
    </message>
    <message>
        <source>Duplicate window</source>
        <translation>重复上报时段</translation>
    </message>
    <message>
        <source>Segment snap radius</source>
        <translation>路段归属距离</translation>
    </message>
    <message>
        <source>Day shift</source>
        <translation>白班</translation>
    </message>
    <message>
        <source>Day shift start</source>
        <translation>白班开始</translation>
    </message>
    <message>
        <source>Day shift end</source>
        <translation>白班结束</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Pop-up</source>
        <translation>弹窗</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>提示音</translation>
    </message>
    <message>
        <source>Pop-up urgency</source>
        <translation>弹窗紧急程度</translation>
    </message>
    <message>
        <source>Pop-up categories</source>
        <translation>弹窗小类</translation>
    </message>
    <message>
        <source>Escalation ladder</source>
        <translation>升级层级</translation>
    </message>
    <message>
        <source>Working calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>Working periods</source>
        <translation>工作时段</translation>
    </message>
    <message>
        <source>Media URL template</source>
        <translation>流媒体地址模板</translation>
    </message>
    <message>
        <source>Road chief</source>
        <translation>路长</translation>
    </message>
    <message>
        <source>Sub-district office</source>
        <translation>镇办</translation>
    </message>
    <message>
        <source>District bureau</source>
        <translation>区城管局</translation>
    </message>
    <message>
        <source>%1: not a valid value (%2)</source>
        <translation>%1：取值无效（%2）</translation>
    </message>
    <message>
        <source>%1: must be between %2 and %3</source>
        <translation>%1：应在 %2 至 %3 之间</translation>
    </message>
    <message>
        <source>%1: the start must be before the end</source>
        <translation>%1：开始须早于结束</translation>
    </message>
    <message>
        <source>%1: overlaps the period before (at %2)</source>
        <translation>%1：与前一时段重叠（%2）</translation>
    </message>
    <message>
        <source>%1: a working day needs at least one period</source>
        <translation>%1：工作日至少需要一个时段</translation>
    </message>
    <message>
        <source>%1: appears twice</source>
        <translation>%1：重复出现</translation>
    </message>
    <message>
        <source>%1: the district bureau must be the last level and switched on</source>
        <translation>%1：区城管局须为最后一级且不能关闭</translation>
    </message>
    <message>
        <source>%1: the year appears twice</source>
        <translation>%1：年份重复</translation>
    </message>
    <message>
        <source>%1: neither starts nor ends in %2</source>
        <translation>%1：既不始于也不止于 %2 年</translation>
    </message>
    <message>
        <source>%1: longer than %2 days</source>
        <translation>%1：超过 %2 天</translation>
    </message>
    <message>
        <source>%1: the name is missing</source>
        <translation>%1：缺少名称</translation>
    </message>
    <message>
        <source>%1: %2 is both a day off and a working day</source>
        <translation>%1：%2 既放假又调休上班</translation>
    </message>
    <message>
        <source>%1: must start with one of %2</source>
        <translation>%1：须以下列之一开头：%2</translation>
    </message>
    <message>
        <source>%1: unknown placeholder %2</source>
        <translation>%1：未知占位符 %2</translation>
    </message>
    <message>
        <source>%1: must contain {device}</source>
        <translation>%1：须包含 {device}</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
    <message>
        <source>%1: holds no rows</source>
        <translation>%1：没有数据行</translation>
    </message>
    <message>
        <source>%1: %2 is missing</source>
        <translation>%1：缺少%2</translation>
    </message>
    <message>
        <source>%1: %2 is not a date (2027-01-01)</source>
        <translation>%1：%2 不是日期（如 2027-01-01）</translation>
    </message>
    <message>
        <source>%1: %2 is not in %3</source>
        <translation>%1：%2 不在 %3 年内</translation>
    </message>
    <message>
        <source>%1: %2 repeats row %3</source>
        <translation>%1：%2 与第 %3 行重复</translation>
    </message>
    <message>
        <source>%1: the kind %2 must be 休 or 班</source>
        <translation>%1：类型 %2 应为“休”或“班”</translation>
    </message>
    <message>
        <source>%1: a 班 day of %2, which has no days off</source>
        <translation>%1：%2 的调休上班日没有对应的放假日</translation>
    </message>
    <message>
        <source>the date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>the kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>%1: wait</source>
        <translation>%1：处理时限</translation>
    </message>
    <message>
        <source>Working period %1</source>
        <translation>工作时段 %1</translation>
    </message>
    <message>
        <source>Holiday %1 of %2</source>
        <translation>%2 年第 %1 个节假日</translation>
    </message>
    <message>
        <source>Calendar year %1</source>
        <translation>%1 年日历</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>第 %1 行</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>The database cannot be used: %1</source>
        <translation>无法使用数据库：%1</translation>
    </message>
    <message>
        <source>This did not work: %1</source>
        <translation>操作未成功：%1</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>First run — Command Center</source>
        <translation>首次运行 — 智慧城管指挥中心</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SetupWords</name>
    <message>
        <source>This is not a database address the program can use: %1</source>
        <translation>这不是本程序可用的数据库地址：%1</translation>
    </message>
    <message>
        <source>The server refused the connection: is PostgreSQL running on that host and port, and does the firewall let it through?</source>
        <translation>服务器拒绝连接：请确认该主机和端口上的 PostgreSQL 正在运行，且防火墙允许连接。</translation>
    </message>
    <message>
        <source>The host name is unknown: check the spelling, or use the server&apos;s IP address.</source>
        <translation>主机名无法解析：请检查拼写，或改用服务器的 IP 地址。</translation>
    </message>
    <message>
        <source>The server did not answer in time: check the address and that a firewall does not drop the connection.</source>
        <translation>服务器未及时响应：请检查地址，并确认防火墙没有丢弃连接。</translation>
    </message>
    <message>
        <source>The server asks for a password: enter the database user&apos;s password.</source>
        <translation>服务器要求密码：请输入数据库用户的密码。</translation>
    </message>
    <message>
        <source>The password is wrong for this database user.</source>
        <translation>此数据库用户的密码错误。</translation>
    </message>
    <message>
        <source>The server has no database user of this name: ask the database administrator to create it.</source>
        <translation>服务器上没有此名称的数据库用户：请数据库管理员创建。</translation>
    </message>
    <message>
        <source>The server does not accept this user from this computer (pg_hba.conf): ask the database administrator.</source>
        <translation>服务器不接受此用户从本机连接（pg_hba.conf）：请联系数据库管理员。</translation>
    </message>
    <message>
        <source>The server has no database of this name: create it first (createdb), or correct the name.</source>
        <translation>服务器上没有此名称的数据库：请先创建（createdb），或更正名称。</translation>
    </message>
    <message>
        <source>This user may not create the program&apos;s tables in this database: make the user the database&apos;s owner, or grant it CREATE.</source>
        <translation>此用户无权在该数据库中创建本程序的数据表：请将其设为数据库所有者，或授予 CREATE 权限。</translation>
    </message>
    <message>
        <source>This database was set up by a newer version of the program (schema %1): install that version here.</source>
        <translation>此数据库由更新版本的程序建立（结构版本 %1）：请在本机安装该版本。</translation>
    </message>
    <message>
        <source>This database already holds tables of another application: use an empty database.</source>
        <translation>此数据库中已有其他应用的数据表：请使用空数据库。</translation>
    </message>
    <message>
        <source>The folder does not exist: %1</source>
        <translation>文件夹不存在：%1</translation>
    </message>
    <message>
        <source>The program may not write here: %1</source>
        <translation>程序无权写入此处：%1</translation>
    </message>
    <message>
        <source>This file is not a database: choose another file name.</source>
        <translation>此文件不是数据库：请换一个文件名。</translation>
    </message>
    <message>
        <source>The database cannot be used: %1</source>
        <translation>无法使用数据库：%1</translation>
    </message>
    <message>
        <source>Enter the tile server&apos;s URL template.</source>
        <translation>请输入瓦片服务的地址模板。</translation>
    </message>
    <message>
        <source>The URL template must start with http:// or https://.</source>
        <translation>地址模板必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>The URL template needs {z}, {x} and {y} (or {-y}).</source>
        <translation>地址模板需要包含 {z}、{x} 和 {y}（或 {-y}）。</translation>
    </message>
    <message>
        <source>There is no MBTiles file here: %1</source>
        <translation>此处没有 MBTiles 文件：%1</translation>
    </message>
    <message>
        <source>The program may not read this file: %1</source>
        <translation>程序无权读取此文件：%1</translation>
    </message>
    <message>
        <source>This file is not an MBTiles map: %1</source>
        <translation>此文件不是 MBTiles 地图：%1</translation>
    </message>
    <message>
        <source>Server said: %1</source>
        <translation>服务器返回：%1</translation>
    </message>
</context>
<context>
    <name>ShiftPage</name>
    <message>
        <source>Day shift starts</source>
        <translation>白班开始</translation>
    </message>
    <message>
        <source>Day shift ends</source>
        <translation>白班结束</translation>
    </message>
    <message>
        <source>The night shift is the rest of the day.</source>
        <translation>其余时间为夜班。</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Finish writes this workstation&apos;s configuration and opens the window.</source>
        <translation>点击“完成”将写入本工作站的配置并打开主窗口。</translation>
    </message>
    <message>
        <source>Configuration file: %1</source>
        <translation>配置文件：%1</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>语言：%1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>The embedded database&apos;s default file: no database_url in the file.</source>
        <translation>内置数据库的默认文件：配置文件中不写 database_url。</translation>
    </message>
    <message>
        <source>Password: into the system keyring, never into the file.</source>
        <translation>密码：存入系统密钥环，绝不写入文件。</translation>
    </message>
    <message>
        <source>Administrator: %1 (signed in after Finish)</source>
        <translation>管理员：%1（完成后自动登录）</translation>
    </message>
    <message>
        <source>Administrator: the database&apos;s existing users sign in after Finish.</source>
        <translation>管理员：完成后由数据库中已有的用户登录。</translation>
    </message>
    <message>
        <source>Media server: %1</source>
        <translation>视频平台：%1</translation>
    </message>
    <message>
        <source>Media server: later, under System ▸ Settings ▸ Video</source>
        <translation>视频平台：以后在“系统 ▸ 参数设置 ▸ 视频”中设置</translation>
    </message>
    <message>
        <source>District: the demo district (%1 segments, %2 cameras)</source>
        <translation>辖区：演示辖区（%1 个路段，%2 路监控）</translation>
    </message>
    <message>
        <source>District: imported (%1 records)</source>
        <translation>辖区：已导入（%1 条记录）</translation>
    </message>
    <message>
        <source>District: later, under System ▸ District data</source>
        <translation>辖区：稍后在 系统 ▸ 基础数据 中导入</translation>
    </message>
    <message>
        <source>Base map: %1 (%2)</source>
        <translation>底图：%1（%2）</translation>
    </message>
    <message>
        <source>Base map: %1</source>
        <translation>底图：%1</translation>
    </message>
    <message>
        <source>Base map: none (vector layers only)</source>
        <translation>底图：无（仅矢量图层）</translation>
    </message>
    <message>
        <source>Writing the configuration …</source>
        <translation>正在写入配置……</translation>
    </message>
    <message>
        <source>Written. This computer has no keyring for the database password: set %1 for this user before the next start (this session goes on). Finish opens the window.</source>
        <translation>已写入。本机没有可保存数据库密码的密钥环：请在下次启动前为此用户设置环境变量 %1（本次会话不受影响）。点击“完成”打开主窗口。</translation>
    </message>
</context>
<context>
    <name>TerminalMenu</name>
    <message>
        <source>Vehicle terminal: %1</source>
        <translation>车载终端：%1</translation>
    </message>
    <message>
        <source>Text to the driver…</source>
        <translation>下发文本…</translation>
    </message>
</context>
<context>
    <name>TerminalWindows</name>
    <message>
        <source>Terminal status…</source>
        <translation>终端状态…</translation>
    </message>
    <message>
        <source>Unknown terminals…</source>
        <translation>未登记终端…</translation>
    </message>
</context>
<context>
    <name>TerminalWords</name>
    <message>
        <source>Locate now</source>
        <translation>立即定位</translation>
    </message>
    <message>
        <source>Temporary tracking</source>
        <translation>临时跟踪</translation>
    </message>
    <message>
        <source>Text to the driver</source>
        <translation>下发文本</translation>
    </message>
    <message>
        <source>Waiting for the gateway</source>
        <translation>等待网关发送</translation>
    </message>
    <message>
        <source>Sent to the terminal</source>
        <translation>已发送至终端</translation>
    </message>
    <message>
        <source>Answered by the terminal</source>
        <translation>终端已应答</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Expired: the terminal was not online</source>
        <translation>已过期：终端不在线</translation>
    </message>
    <message>
        <source>%1 — at %2, %3 (%4)</source>
        <translation>%1 —— 位于 %2, %3（%4）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>TileCaption</name>
    <message>
        <source>Main</source>
        <translation>主码流</translation>
    </message>
    <message>
        <source>Sub</source>
        <translation>子码流</translation>
    </message>
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
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Unsupported</source>
        <translation>不支持</translation>
    </message>
    <message>
        <source>No video library</source>
        <translation>无视频组件</translation>
    </message>
    <message>
        <source>This libVLC cannot play RTSP (its live555 module is missing). Ask the media server for HTTP-FLV, HLS or HTTP-TS instead: a platform&apos;s prefer = [&quot;flv&quot;, &quot;hls&quot;], or its play_template, e.g. ZLMediaKit http://media/rtp/{device}_{channel}.live.flv or MediaMTX http://media:8888/{device}_{channel}/index.m3u8.</source>
        <translation>本机 libVLC 无法播放 RTSP（缺少 live555 模块）。请向流媒体服务器改取 HTTP-FLV、HLS 或 HTTP-TS：平台的 prefer = [&quot;flv&quot;, &quot;hls&quot;]，或其 play_template，例如 ZLMediaKit http://media/rtp/{device}_{channel}.live.flv 或 MediaMTX http://media:8888/{device}_{channel}/index.m3u8。</translation>
    </message>
    <message>
        <source>No video library on this workstation: install VLC (libVLC 3) and restart. (%1)</source>
        <translation>本工作站没有可用的视频组件：请安装 VLC（libVLC 3）后重新启动。（%1）</translation>
    </message>
</context>
<context>
    <name>TrackLayer</name>
    <message>
        <source>P</source>
        <translation>停</translation>
    </message>
</context>
<context>
    <name>TrackRows</name>
    <message>
        <source>%n min</source>
        <translation>%n 分钟</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停留</translation>
    </message>
    <message>
        <source>Trip</source>
        <translation>行程</translation>
    </message>
</context>
<context>
    <name>UnitCard</name>
    <message>
        <source>Office: %1</source>
        <translation>所属镇办：%1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Speed: %1 km/h</source>
        <translation>速度：%1 km/h</translation>
    </message>
    <message>
        <source>Last fix: %1</source>
        <translation>最后定位：%1</translation>
    </message>
    <message>
        <source>Vehicle video: click to view</source>
        <translation>有车载视频：单击查看</translation>
    </message>
</context>
<context>
    <name>UnitWords</name>
    <message>
        <source>Moving</source>
        <translation>移动中</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>静止</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>空车</translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation>重车</translation>
    </message>
</context>
<context>
    <name>VideoPage</name>
    <message>
        <source>Media URL template</source>
        <translation>流媒体地址模板</translation>
    </message>
    <message>
        <source>Example: %1</source>
        <translation>示例：%1</translation>
    </message>
</context>
<context>
    <name>WallPtz</name>
    <message>
        <source>Control refused: %1</source>
        <translation>云台控制被拒绝：%1</translation>
    </message>
</context>
<context>
    <name>WallToolbar</name>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Send to monitor</source>
        <translation>发送到显示器</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>抓图</translation>
    </message>
    <message>
        <source>Save the selected tile&apos;s picture</source>
        <translation>抓拍所选窗口的画面</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>画面分割</translation>
    </message>
    <message>
        <source>Decode %p%</source>
        <translation>解码 %p%</translation>
    </message>
    <message>
        <source>Share of this workstation&apos;s measured decode capacity used by the wall&apos;s tiles</source>
        <translation>视频墙占用本工作站实测解码能力的比例</translation>
    </message>
</context>
<context>
    <name>WallTourMenu</name>
    <message>
        <source>Selected in the camera tree</source>
        <translation>摄像机树中选中的</translation>
    </message>
    <message>
        <source>Cameras of this view</source>
        <translation>当前视图的摄像机</translation>
    </message>
    <message>
        <source>Tour over the whole view</source>
        <translation>整屏轮巡</translation>
    </message>
    <message>
        <source>Tour in the selected tile</source>
        <translation>单窗格轮巡</translation>
    </message>
    <message>
        <source>Click a tile first</source>
        <translation>请先单击一个窗格</translation>
    </message>
    <message>
        <source>Dwell</source>
        <translation>停留时间</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Stop tour</source>
        <translation>停止轮巡</translation>
    </message>
    <message>
        <source>Tour</source>
        <translation>轮巡</translation>
    </message>
    <message>
        <source>Tour cameras page by page</source>
        <translation>逐页轮巡摄像机</translation>
    </message>
    <message>
        <source>Tour paused</source>
        <translation>轮巡已暂停</translation>
    </message>
    <message>
        <source>Touring</source>
        <translation>轮巡中</translation>
    </message>
    <message>
        <source>%1 cameras, %2 pages, %3 s each</source>
        <translation>%1 路摄像机，%2 页，每页 %3 秒</translation>
    </message>
    <message>
        <source>Paused while the pointer rests on the toured tiles</source>
        <translation>鼠标停留在轮巡窗格上时暂停</translation>
    </message>
</context>
<context>
    <name>WallViewsMenu</name>
    <message>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Saved wall views: yours, then the shared ones</source>
        <translation>已保存的视频墙视图：先列出您的，再列出共享的</translation>
    </message>
    <message>
        <source>Views could not be read: %1</source>
        <translation>无法读取视图：%1</translation>
    </message>
    <message>
        <source>Save current view…</source>
        <translation>保存当前视图…</translation>
    </message>
    <message>
        <source>Delete view</source>
        <translation>删除视图</translation>
    </message>
    <message>
        <source>Reading views…</source>
        <translation>正在读取视图…</translation>
    </message>
    <message>
        <source>No saved views</source>
        <translation>暂无已保存视图</translation>
    </message>
    <message>
        <source>%1 (shared)</source>
        <translation>%1（共享）</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>%1 — shared by %2</source>
        <translation>%1 — 共享 · %2</translation>
    </message>
    <message>
        <source>Layout %1, %2 cameras</source>
        <translation>布局 %1，%2 路摄像机</translation>
    </message>
    <message>
        <source>View “%1” could not be opened: %2</source>
        <translation>无法打开视图“%1”：%2</translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation>%1（未找到）</translation>
    </message>
    <message>
        <source>View “%1” shown; %2 cameras not found: %3</source>
        <translation>已显示视图“%1”；%2 路摄像机未找到：%3</translation>
    </message>
    <message>
        <source>View “%1” shown</source>
        <translation>已显示视图“%1”</translation>
    </message>
    <message>
        <source>View “%1” saved</source>
        <translation>已保存视图“%1”</translation>
    </message>
    <message>
        <source>View “%1” was not saved: %2</source>
        <translation>视图“%1”未保存：%2</translation>
    </message>
    <message>
        <source>View “%1” deleted</source>
        <translation>已删除视图“%1”</translation>
    </message>
    <message>
        <source>View “%1” was not deleted: %2</source>
        <translation>视图“%1”未删除：%2</translation>
    </message>
</context>
<context>
    <name>WallWindow</name>
    <message>
        <source>Video wall</source>
        <translation>视频墙</translation>
    </message>
</context>
</TS>
